"""Two consultations on one session file (issue 12): the second is refused, naming the holder,
and the first one's answers are kept."""
import socket
import subprocess
import sys
import time


def test_a_second_consult_on_a_session_in_use_is_refused_naming_the_holder(ccadvisor, tmp_path):
    session = tmp_path / "s.yaml"
    first = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "consult",
                              "--session", str(session)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not session.exists() and time.monotonic() < deadline:  # saved before the first question
            time.sleep(0.05)
        before = session.read_text()
        for args in (("--resume", str(session)), ("--session", str(session))):
            run = ccadvisor("consult", *args, input="skip\nquit\n")
            assert run.code == 2, run
            assert run.err == (f"ccadvisor: error: {session}: in use by another consult "
                               f"(pid {first.pid} on {socket.gethostname()}); finish or quit that "
                               "one first\n")
        assert session.read_text() == before
    finally:
        first.communicate("quit\n", timeout=30)
    assert first.returncode == 0
    run = ccadvisor("consult", "--resume", str(session), input="quit\n")  # free again
    assert run.code == 0, run
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]  # no lock file left behind
