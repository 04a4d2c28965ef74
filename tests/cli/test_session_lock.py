"""Two consultations on one session file (issue 12): the second is refused, naming the holder,
and the first one's answers are kept."""
import os
import signal
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


def consult_in(directory, *args, stdin=subprocess.DEVNULL):
    """A real ``ccadvisor consult`` in ``directory``, input from /dev/null (as a user ran it)."""
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", "consult", *args],
                          cwd=directory, stdin=stdin, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "CCADVISOR_LANG": "en"})


NOT_A_LOCK = "not a session lock: not used; remove it, then run consult again"


def test_a_symlink_where_the_lock_goes_is_refused_and_its_target_untouched(tmp_path):
    (tmp_path / "victim.txt").write_text("precious\n")
    (tmp_path / ".s.yaml.lock").symlink_to("victim.txt")
    run = consult_in(tmp_path, "--session", "s.yaml")
    assert run.returncode == 2, run
    assert run.stderr == f"ccadvisor: error: .s.yaml.lock: is a symbolic link, {NOT_A_LOCK}\n"
    assert (tmp_path / "victim.txt").read_text() == "precious\n"
    assert (tmp_path / ".s.yaml.lock").is_symlink() and not (tmp_path / "s.yaml").exists()


def test_a_hard_link_where_the_lock_goes_is_refused_and_the_other_name_untouched(tmp_path):
    (tmp_path / "victim.txt").write_text("precious\n")
    os.link(tmp_path / "victim.txt", tmp_path / ".s.yaml.lock")
    run = consult_in(tmp_path, "--session", "s.yaml")
    assert run.returncode == 2, run
    assert run.stderr == ("ccadvisor: error: .s.yaml.lock: is a hard link (the file has another "
                          f"name), {NOT_A_LOCK}\n")
    assert (tmp_path / "victim.txt").read_text() == "precious\n"


def test_a_lock_left_by_a_killed_consult_does_not_block_the_next(tmp_path):
    first = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "consult",
                              "--session", "s.yaml"], cwd=tmp_path,
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 30
    while not (tmp_path / "s.yaml").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert (tmp_path / ".s.yaml.lock").read_text() == f"pid {first.pid} on {socket.gethostname()}"
    run = consult_in(tmp_path, "--resume", "s.yaml")
    assert run.returncode == 0, run
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


def test_a_link_put_at_a_new_sessions_file_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    session = tmp_path / "s.yaml"
    first = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "consult",
                              "--session", "s.yaml"], cwd=tmp_path, stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not session.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    session.unlink()
    session.symlink_to(victim)  # planted between two saves
    _, err = first.communicate("skip\nquit\n", timeout=60)
    assert first.returncode == 0, err
    assert victim.read_text() == "precious\n"
    assert not session.is_symlink() and "call_load: unknown" in session.read_text()


def test_a_dangling_link_at_a_new_session_path_is_refused(tmp_path):
    (tmp_path / "s.yaml").symlink_to(tmp_path / "planted.yaml")
    run = consult_in(tmp_path, "--session", "s.yaml")
    assert run.returncode == 2, run
    assert run.stderr == ("ccadvisor: error: s.yaml: already exists; continue it with --resume, or "
                          "choose another --session\n")
    assert not (tmp_path / "planted.yaml").exists()
