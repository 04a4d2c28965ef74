"""Pseudo-terminal tests drive the installed ``ccadvisor`` command itself."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest


@pytest.fixture
def ccadvisor_exe() -> str:
    """The ccadvisor command beside this Python (the venv's), or on PATH; skip without it."""
    beside = Path(sys.executable).parent / "ccadvisor"
    found = str(beside) if beside.exists() else shutil.which("ccadvisor")
    if not found:
        pytest.skip("the ccadvisor command is not installed")
    return found


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
