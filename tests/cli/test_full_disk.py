"""consult on a full disk (issue 22, item 5), on a real one: a small tmpfs mounted in a mount
namespace of its own (``unshare -rm``, no root needed), the session file on it. The test fills
and frees the disk from outside through /proc/PID/cwd, the namespace's own view of that
directory. Skipped where user namespaces are not allowed."""
from __future__ import annotations

import errno
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

SCRIPT = ('mount -t tmpfs -o size=256k tmpfs "$1" && cd "$1" || exit 99; {fill}'
          '"$2" -c "import cli; cli.main()" consult --session s.yaml; code=$?; '
          'echo "=== after exit $code:"; ls -A; [ ! -e s.yaml ] || cat s.yaml; exit $code')
FULL = "s.yaml: cannot write: No space left on device"


@pytest.fixture(scope="module")
def namespaces(tmp_path_factory):
    where = tmp_path_factory.mktemp("probe")
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs tmpfs '{where}'"],
                           capture_output=True)
    if probe.returncode:
        pytest.skip(f"no mount namespace here to make a small disk in: {probe.stderr!r}")


class Consult:
    """A consult on its own 256 KiB disk; ``fill``/``free`` the disk, ``type`` lines,
    ``wait_for`` what it prints."""

    def __init__(self, tmp_path: Path, full_at_start: bool = False):
        disk = tmp_path / "disk"
        disk.mkdir()
        fill = "dd if=/dev/zero of=fill bs=4k 2>/dev/null; " if full_at_start else ""
        self.proc = subprocess.Popen(
            ["unshare", "-rm", "sh", "-c", SCRIPT.format(fill=fill), "sh", str(disk),
             sys.executable], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env={**os.environ, "CCADVISOR_LANG": "en"})
        self.dir = Path(f"/proc/{self.proc.pid}/cwd")
        self.lines: queue.Queue = queue.Queue()
        self.out = ""
        self.seen = 0  # wait_for looks only at what came after the last text it waited for
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in iter(lambda: self.proc.stdout.read(1), ""):
            self.lines.put(line)

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + 60  # a hung child fails the test instead of hanging it
        while text not in self.out[self.seen:]:
            try:
                self.out += self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"never printed {text!r}; printed {self.out!r}") from None
        start, self.seen = self.seen, len(self.out)
        return self.out[start:]

    def type(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def session(self) -> str:
        return (self.dir / "s.yaml").read_text()

    def fill(self) -> None:
        with open(self.dir / "fill", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError as err:
                assert err.errno == errno.ENOSPC, err

    def free(self) -> None:
        (self.dir / "fill").unlink()

    def end(self) -> tuple[int, str, str]:
        self.proc.stdin.close()
        err = self.proc.stderr.read()
        self.proc.wait(timeout=60)
        self.reader.join(timeout=60)
        while not self.lines.empty():
            self.out += self.lines.get()
        return self.proc.returncode, self.out, err


def test_a_full_disk_at_start_names_the_lock_file(namespaces, tmp_path):
    consult = Consult(tmp_path, full_at_start=True)
    code, out, err = consult.end()
    assert code == 2, err
    assert err == "ccadvisor: error: .s.yaml.lock: cannot write: No space left on device\n"
    assert out.endswith("=== after exit 2:\nfill\n")  # no lock, session or temporary left


def skip_on_a_full_disk(consult) -> tuple[str, str]:
    """Fill the disk at the first question and answer it: (the session before, what was said)."""
    consult.wait_for("call_load> ")
    before = consult.session()
    consult.fill()
    consult.type("skip")
    return before, consult.wait_for("call_flow> ")


def test_an_answer_given_on_a_full_disk_is_kept_and_saved_once_there_is_room(namespaces, tmp_path):
    consult = Consult(tmp_path)
    before, said = skip_on_a_full_disk(consult)
    assert f"Not saved: {FULL}" in " ".join(said.split())
    assert consult.session() == before  # whole, and as it was
    consult.free()
    consult.type("skip")
    consult.wait_for("Saved again, with every answer: s.yaml")
    saved = consult.session()
    assert saved.count(": unknown") == 2 and "call_load: unknown" in saved
    consult.type("quit")
    code, out, err = consult.end()
    assert code == 0, err
    assert "Session saved: s.yaml\nResume with: ccadvisor consult --resume s.yaml\n" in out


def test_quitting_while_the_disk_is_full_gives_the_resume_line_and_exit_2(namespaces, tmp_path):
    consult = Consult(tmp_path)
    before, said = skip_on_a_full_disk(consult)
    assert "free some space and go on" in " ".join(said.split())
    consult.type("quit")
    code, out, err = consult.end()
    assert code == 2, err
    assert err == f"ccadvisor: error: {FULL}\n"
    assert "free some space and go on" not in " ".join(out.split("Not saved")[-1].split())
    assert ("The last answers could not be saved; the session file keeps those saved before:\n"
            "s.yaml\nResume with: ccadvisor consult --resume s.yaml\n") in out
    assert out.endswith(f"=== after exit 2:\nfill\ns.yaml\n{before}")  # as it was, whole


def test_a_report_written_to_a_full_disk_is_one_line_and_leaves_nothing(namespaces, tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    script = ('mount -t tmpfs -o size=256k tmpfs "$1" && cd "$1" || exit 99; '
              'dd if=/dev/zero of=fill bs=4k 2>/dev/null; '
              '"$2" -c "import cli; cli.main()" advise --example home_team_startup -o out.md; '
              'code=$?; ls -A; exit $code')
    run = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(disk), sys.executable],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "CCADVISOR_LANG": "en"})
    assert run.returncode == 2, run.stderr
    assert run.stderr == "ccadvisor: error: out.md: cannot write: No space left on device\n"
    assert run.stdout == "fill\n"  # no report, no temporary
