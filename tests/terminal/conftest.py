"""Pseudo-terminal tests drive the installed ``ccadvisor`` command itself."""
from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import pytest


@pytest.fixture
def ccadvisor_exe() -> str:
    """The ccadvisor command of the Python running the tests (its venv's scripts directory),
    never another install that happens to be first on PATH; skip, saying so, without it."""
    scripts = Path(sysconfig.get_path("scripts"))
    found = scripts / "ccadvisor"
    if not found.is_file():
        pytest.skip(f"the ccadvisor command of this Python is not installed in {scripts} "
                    "(pip install -e .)")
    return str(found)


@pytest.fixture(autouse=True)
def sigint_heard():
    """Tests here send Ctrl-C. A shell starts background jobs with SIGINT ignored, which a
    spawned ccadvisor would inherit; a handler here is reset to the default in the child."""
    import signal
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


class Transcript:
    """Everything the child writes, kept for the assertions (pexpect's logfile_read)."""

    def __init__(self, parts):
        self.parts = parts

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


@pytest.fixture
def spawn_consult(ccadvisor_exe):
    """``spawn_consult(cwd, *args, env={...})``: ``ccadvisor consult ARGS`` on an 80x50
    pseudo-terminal (TERM=xterm, NO_COLOR, no COLUMNS/LINES to override it), its output
    recorded: ``child.lines()`` is what it showed, line by line."""
    pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")

    def spawn(cwd, *args, env=None):
        environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        environ.update(TERM="xterm", NO_COLOR="1", **(env or {}))
        child = pexpect.spawn(ccadvisor_exe, ["consult", *args], cwd=str(cwd), env=environ,
                              encoding="utf-8", codec_errors="replace", timeout=60,
                              dimensions=(50, 80))
        transcript = []
        child.logfile_read = Transcript(transcript)
        child.lines = lambda: "".join(transcript).replace("\x07", "").replace("\r\n", "\n").split("\n")
        return child

    return spawn


@pytest.fixture
def answer_to_the_end():
    """``answer_to_the_end(child, answers, seen, before=None)``: answer every English prompt
    from ``answers`` (skip what they lack) until the file offer, say no to it, and wait for a
    clean exit; ``seen`` collects the question ids asked; ``before(child, qid)`` runs at each
    prompt before the answer is typed (to ask for help, say)."""
    import pexpect
    prompt, file_offer = r"\n(\w+)> ", r"Also write the report to a file\?.*file: "

    def answer(child, answers: dict, seen: list, before=None) -> None:
        while child.expect([prompt, file_offer]) == 0:
            qid = child.match.group(1)
            seen.append(qid)
            if before:
                before(child, qid)
            value = answers.get(qid)
            child.sendline("skip" if value is None else str(value))
        child.sendline("n")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    return answer
