"""Every command with its standard output closed (`>&-`) and with a reader that stops early
(`| head -c 1`), as real processes (issue 22, item 6): one line and exit 2 for the first, a quiet
0 or 141 for the second; never "unexpected" or a traceback. The commands come from the click
group itself, so a new one cannot be left out of the sweep."""
from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

import cli

EXAMPLE = ("--example", "network_explosive_growth")
# A typical run of each command; FILE is a batch input long enough to outgrow a pipe's buffer.
TYPICAL = {
    "advise": EXAMPLE,
    "batch": ("FILE",),
    "examples": (),
    "explain": EXAMPLE,
    "graph": EXAMPLE,
    "replay": EXAMPLE,
    "questions": (),
    "rules": (),
    "kb check": ("--runs", "1"),
    "staffing": ("--calls", "120", "--aht-seconds", "300", "--target", "80/20"),
    "cost": EXAMPLE,
    "consult": ("--session", "s.yaml"),
}
CLOSED = "ccadvisor: error: cannot write to standard output: it is closed\n"


def every_command(group: click.Group = cli.main, prefix: str = "") -> list[str]:
    """Every command a user can run, a group's subcommands by their full name ("kb check")."""
    ctx = click.Context(group)
    names = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            names += every_command(command, f"{prefix}{name} ")
        else:
            names.append(prefix + name)
    return names


def command_line(name: str, tmp_path) -> list[str]:
    if name not in TYPICAL:
        pytest.fail(f"'{name}' is a new command: give TYPICAL its arguments of a typical run")
    batch_input = tmp_path / "in.csv"
    batch_input.write_text("client,call_load\n" + "a,calls_lost\n" * 300)
    args = [str(batch_input) if arg == "FILE" else arg for arg in TYPICAL[name]]
    return [sys.executable, "-c", "import cli; cli.main()", *name.split(), *args]


def test_the_sweep_knows_no_command_that_is_gone():
    assert sorted(TYPICAL) == sorted(every_command())


@pytest.mark.parametrize("name", every_command())
def test_a_closed_standard_output_is_one_line_exit_2(name, tmp_path):
    # `exec ... >&-` in a real shell: the process starts with no file descriptor 1 at all
    done = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *command_line(name, tmp_path)],
                          stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          cwd=tmp_path, timeout=120)
    assert (done.returncode, done.stderr) == (2, CLOSED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]  # nothing written either


@pytest.mark.parametrize("name", every_command())
def test_a_reader_that_stops_early_ends_it_quietly(name, tmp_path):
    head = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL)
    child = subprocess.Popen(command_line(name, tmp_path), stdin=subprocess.DEVNULL,
                             stdout=head.stdin, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    head.stdin.close()  # only head reads the pipe now, as in a shell's pipeline
    _, err = child.communicate(timeout=120)
    head.wait(timeout=60)
    assert "unexpected" not in err and "Traceback" not in err, err
    assert "error" not in err, err
    # 0 when the whole output fitted in the pipe before head left; else quietly 141
    assert child.returncode in (0, 141), err
    if child.returncode == 141:
        assert err == ""


FULL = "ccadvisor: error: standard output: cannot write: No space left on device\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("name", [*every_command(), "--help", "--version", "advise --help"])
def test_standard_output_on_a_full_disk_is_one_line_exit_2(name, tmp_path):
    # /dev/full: every write fails with ENOSPC, as a file on a full disk does
    line = (command_line(name, tmp_path) if not name.startswith("-") and "--help" not in name
            else [sys.executable, "-c", "import cli; cli.main()", *name.split()])
    with open("/dev/full", "w") as full:
        done = subprocess.run(line, stdin=subprocess.DEVNULL, stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=tmp_path, timeout=120)
    assert (done.returncode, done.stderr) == (2, FULL)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_an_error_line_that_cannot_be_written_still_exits_2(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "advise",
                               "--answers", "nowhere.yaml"], stderr=full, cwd=tmp_path, timeout=120)
    assert done.returncode == 2


@pytest.mark.parametrize("name", ["consult", "advise --step"])
def test_a_closed_standard_input_reads_as_an_empty_one(name, tmp_path):
    # `exec ... <&-`: no file descriptor 0 at all; the interview ends as on </dev/null
    args = {"consult": ["consult", "--session", "s.yaml"],
            "advise --step": ["advise", "--step", *EXAMPLE]}[name]
    done = subprocess.run(["sh", "-c", 'exec "$@" <&-', "sh", sys.executable, "-c",
                           "import cli; cli.main()", *args], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "unexpected" not in done.stderr and "Traceback" not in done.stderr
