"""The installed ``ccadvisor consult`` on a real pseudo-terminal: SIGKILL, Ctrl-C, colour."""
from __future__ import annotations

import os
import re
import signal

import pytest
import yaml

from expert.inputs.examples import load_example

pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")

PROMPT = r"\n(\w+)> "
EXAMPLE = "network_explosive_growth"


def spawn(exe, cwd, *args, colour=False):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm"
    if not colour:
        env["NO_COLOR"] = "1"
    return pexpect.spawn(exe, ["consult", *args], cwd=str(cwd), env=env,
                         encoding="utf-8", codec_errors="replace", timeout=60,
                         dimensions=(50, 200))


def answer_prompts(child, answers: dict, count: int | None = None) -> list[str]:
    """Answer prompts from ``answers`` (skip what they lack); stop after ``count`` or at the end."""
    asked = []
    while count is None or len(asked) < count:
        if child.expect([PROMPT, r"Also write the report to a file\?.*file: "]) == 1:
            break
        qid = child.match.group(1)
        asked.append(qid)
        value = answers.get(qid)
        child.sendline("skip" if value is None else str(value))
    return asked


def test_sigkill_loses_nothing_and_resume_asks_nothing_twice(ccadvisor_exe, tmp_path):
    answers, _ = load_example(EXAMPLE)
    child = spawn(ccadvisor_exe, tmp_path, "--session", "s.yaml", "--client", "Kill test")
    child.expect("Session file: s.yaml")
    given = answer_prompts(child, answers, count=4)
    # The fifth prompt on screen means the fourth answer is on disk; kill without warning.
    child.expect(PROMPT)
    child.kill(signal.SIGKILL)
    child.wait()
    assert child.signalstatus == signal.SIGKILL

    saved = yaml.safe_load((tmp_path / "s.yaml").read_text())
    assert [k for k in saved if k != "meta"] == given
    for qid in given:
        assert saved[qid] == answers.get(qid, "unknown")
    assert saved["meta"]["client"] == "Kill test"
    # No temporary left; the lock file stays, but the kernel released its lock with the process.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".s.yaml.lock", "s.yaml"]

    child = spawn(ccadvisor_exe, tmp_path, "--resume", "s.yaml")
    known = [qid for qid in given if answers.get(qid) is not None]
    child.expect(rf"{len(known)} questions? answered(, {len(given) - len(known)} left unknown)?;")
    rest = answer_prompts(child, answers)
    assert rest and not set(rest) & set(given)
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = yaml.safe_load((tmp_path / "s.yaml").read_text())
    assert saved["meta"]["status"] == "finished"
    assert [p.name for p in tmp_path.iterdir()] == ["s.yaml"]  # the resume took the lock, then freed it
    assert [k for k in saved if k != "meta"] == given + rest


def stopped_after_two_answers(ccadvisor_exe, tmp_path, stop, code: int, reason: str) -> None:
    """Answer two questions, ``stop`` the interview at the third prompt: it exits with ``code``,
    says why and how to resume, and the session holds the two answers."""
    answers, _ = load_example(EXAMPLE)
    child = spawn(ccadvisor_exe, tmp_path, "--session", "s.yaml")
    given = answer_prompts(child, answers, count=2)
    child.expect(PROMPT)
    stop(child)
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == code
    assert f"Interrupted ({reason})" in output and "Traceback" not in output
    assert "ccadvisor consult --resume s.yaml" in output
    saved = yaml.safe_load((tmp_path / "s.yaml").read_text())
    assert [k for k in saved if k != "meta"] == given


def test_ctrl_c_saves_and_says_how_to_resume(ccadvisor_exe, tmp_path):
    stopped_after_two_answers(ccadvisor_exe, tmp_path, lambda child: child.sendintr(), 130, "Ctrl-C")


def test_ctrl_c_as_the_second_prompt_appears_is_never_lost(ccadvisor_exe, tmp_path):
    """Once in 29 tries, Ctrl-C sent the moment the second prompt showed hung the consultation:
    the signal landed after readline had printed the prompt and before it waited for a key,
    and Python's readline waits without a timeout. Each try here must end within the timeout."""
    answers, _ = load_example(EXAMPLE)
    for attempt in range(10):
        child = spawn(ccadvisor_exe, tmp_path, "--session", f"s{attempt}.yaml")
        answer_prompts(child, answers, count=1)
        child.expect(PROMPT)
        child.sendintr()  # at once: the window is between the prompt and the wait for a key
        child.expect(r"Resume with: ccadvisor consult --resume \S+", timeout=10)
        child.expect(pexpect.EOF, timeout=10)
        child.close()
        assert child.exitstatus == 130, attempt


# The line editor of consult on a terminal whose output is full: readline's own write of the
# prompt blocks, in C, after Python last looked for signals - the race's window, made wide.
FULL_TERMINAL_READ = """
import fcntl, os, sys
from commands.consult import LineEditor
flags = fcntl.fcntl(1, fcntl.F_GETFL)
fcntl.fcntl(1, fcntl.F_SETFL, flags | os.O_NONBLOCK)
try:
    while True:
        os.write(1, b"x" * 256)
except BlockingIOError:
    pass
fcntl.fcntl(1, fcntl.F_SETFL, flags)
try:
    LineEditor().read("> ", {})
    print("a line")
except KeyboardInterrupt:
    print("interrupted")
"""


def test_ctrl_c_while_readline_shows_the_prompt_is_acted_on(tmp_path):
    import sys
    import time
    child = pexpect.spawn(sys.executable, ["-c", FULL_TERMINAL_READ], cwd=str(tmp_path),
                          env={**os.environ, "PYTHONPATH": os.getcwd()}, encoding="utf-8",
                          timeout=10)
    time.sleep(1)  # no reading meanwhile: the terminal fills, and the prompt's write waits
    child.kill(signal.SIGINT)
    assert child.expect(["interrupted", "a line"]) == 0  # a hang is pexpect's TIMEOUT
    child.expect(pexpect.EOF)


def test_sigterm_saves_and_says_how_to_resume(ccadvisor_exe, tmp_path):
    """What `timeout` or a closing terminal's manager sends: the Ctrl-C path, exit 143."""
    stopped_after_two_answers(ccadvisor_exe, tmp_path, lambda child: child.kill(signal.SIGTERM),
                              143, "SIGTERM")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]  # no temporary, no lock


@pytest.mark.parametrize("colour", [True, False])
def test_colour_only_on_a_terminal_without_no_color(ccadvisor_exe, tmp_path, colour):
    child = spawn(ccadvisor_exe, tmp_path, "--session", "s.yaml", colour=colour)
    child.expect(PROMPT if not colour else r"> ")
    shown = child.before + child.after
    child.sendline("quit")
    child.expect(pexpect.EOF)
    assert bool(re.search("\x1b\\[", shown)) == colour


def test_a_line_that_is_not_utf8_is_asked_again(ccadvisor_exe, tmp_path):
    child = spawn(ccadvisor_exe, tmp_path, "--session", "s.yaml")
    child.expect(PROMPT)
    first = child.match.group(1)
    os.write(child.child_fd, b"note \xff\xfe\r")
    child.expect("could not be read as text")
    child.expect(f"{first}> ")
    child.sendline("note fine")
    child.expect(f"Note saved on {first}")
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "Traceback" not in child.before
    saved = yaml.safe_load((tmp_path / "s.yaml").read_text(encoding="utf-8"))
    assert saved["meta"]["notes"] == {first: "fine"}
