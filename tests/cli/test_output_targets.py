"""Where -o may write (issue 12): a regular file or a new path only, never the input, - for
standard output; file modes as the umask and the replaced file say; the rename made durable."""
import os
import stat

import pytest

import expert.inputs.files
from expert.inputs.files import write_atomic

NOT_REGULAR = ("not a regular file (a device, pipe or socket): only a regular file or a new path "
               "is written; use -o - for standard output")


def a_fifo(tmp_path):
    path = tmp_path / "fifo"
    os.mkfifo(path)
    return path


def a_device(tmp_path):
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


@pytest.mark.parametrize("make", [a_fifo, a_device])
@pytest.mark.parametrize("args", [("advise", "--example", "home_team_startup"), ("rules",)])
def test_output_onto_a_device_or_pipe_is_refused_and_the_node_kept(ccadvisor, tmp_path, make, args):
    node = make(tmp_path)
    kind = stat.S_IFMT(os.stat(node).st_mode)
    run = ccadvisor(*args, "-o", str(node))
    assert run.code == 2, run
    assert run.err == f"ccadvisor: error: {node}: {NOT_REGULAR}\n"
    assert stat.S_IFMT(os.stat(node).st_mode) == kind


def test_output_onto_a_directory_is_refused(ccadvisor, tmp_path):
    run = ccadvisor("rules", "-o", str(tmp_path))
    assert run.code == 2 and run.err == f"ccadvisor: error: {tmp_path}: is a directory\n"


def test_dash_is_standard_output(ccadvisor, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = ccadvisor("advise", "--example", "home_team_startup", "-o", "-")
    assert run.code == 0, run
    assert run.out == ccadvisor("advise", "--example", "home_team_startup").out
    assert run.err == "" and list(tmp_path.iterdir()) == []


def test_output_naming_the_input_file_is_refused_and_the_input_kept(ccadvisor, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("period: short_term\n")
    run = ccadvisor("advise", "--answers", str(answers), "-o", str(answers))
    assert run.code == 2, run
    assert run.err == (f"ccadvisor: error: {answers}: is the input file '{answers}': writing it "
                       "would destroy it; choose another output\n")
    assert answers.read_text() == "period: short_term\n"
    rows = tmp_path / "in.csv"
    rows.write_text("client,period\nA,short_term\n")
    link = tmp_path / "same.csv"
    link.symlink_to(rows)  # another name for the same file is the same file
    run = ccadvisor("batch", str(rows), "-o", str(link))
    assert run.code == 2, run
    assert run.err.startswith(f"ccadvisor: error: {link}: is the input file '{rows}'")
    assert rows.read_text() == "client,period\nA,short_term\n"


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, umask_027):
    write_atomic(tmp_path / "report.txt", "text\n")
    assert stat.S_IMODE(os.stat(tmp_path / "report.txt").st_mode) == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path, umask_027):
    target = tmp_path / "results.csv"
    target.write_text("old\n")
    os.chmod(target, 0o604)
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o604


def test_the_directory_is_fsynced_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(expert.inputs.files.os, "fsync",
                        lambda fd: (synced.append(stat.S_ISDIR(os.fstat(fd).st_mode)), real_fsync(fd)))
    monkeypatch.setattr(expert.inputs.files.os, "replace",
                        lambda src, dst: (synced.append("rename"), real_replace(src, dst)))
    write_atomic(tmp_path / "report.txt", "text\n")
    assert synced == [False, "rename", True]  # the file's data, the rename, then the directory


def test_a_reader_that_stops_early_ends_the_command_quietly():
    """`| head` closing the pipe is no error of the input: no line, exit 141 (128 + SIGPIPE)."""
    import subprocess
    import sys
    child = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "rules"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    child.stdout.close()  # as `| head` does, before the output comes
    err = child.stderr.read()
    assert child.wait(timeout=60) == 141
    assert err == ""


def test_an_error_while_producing_the_text_is_not_blamed_on_the_output(tmp_path):
    from expert.inputs.files import atomic_writer
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(OSError, match="the input went away"):
        with atomic_writer(target) as out:
            out.write("half")
            raise OSError("the input went away")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


NOT_FOLLOWED_WORLD = ("is a symbolic link in a directory other users can write: not followed; remove it "
                      "or choose another output")


def a_world_writable_dir(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # as /tmp is: sticky, open to all
    return shared


@pytest.mark.parametrize("args", [("advise", "--example", "home_team_startup"), ("rules",)])
def test_a_symlink_in_a_world_writable_directory_is_not_followed(ccadvisor, tmp_path, args):
    victim = tmp_path / "passwd"
    victim.write_text("root:x:0:0\n")
    link = a_world_writable_dir(tmp_path) / "report.txt"
    link.symlink_to(victim)
    run = ccadvisor(*args, "-o", str(link))
    assert run.code == 2, run
    assert run.err == f"ccadvisor: error: {link}: {NOT_FOLLOWED_WORLD}\n"
    assert victim.read_text() == "root:x:0:0\n" and link.is_symlink()


def test_a_dangling_symlink_in_a_world_writable_directory_creates_nothing(ccadvisor, tmp_path):
    link = a_world_writable_dir(tmp_path) / "report.txt"
    link.symlink_to(tmp_path / "planted")
    run = ccadvisor("rules", "-o", str(link))
    assert run.code == 2 and run.err == f"ccadvisor: error: {link}: {NOT_FOLLOWED_WORLD}\n"
    assert not (tmp_path / "planted").exists()


def test_a_symlink_another_user_owns_is_not_followed(ccadvisor, tmp_path):
    victim = tmp_path / "shadow"
    victim.write_text("secret\n")
    link = tmp_path / "report.txt"
    link.symlink_to(victim)
    try:
        os.lchown(link, 65534, 65534)  # nobody's link
    except PermissionError:
        pytest.skip("giving a link to another user needs root")
    run = ccadvisor("rules", "-o", str(link))
    assert run.code == 2, run
    assert run.err == (f"ccadvisor: error: {link}: is a symbolic link owned by another user: not "
                       "followed; remove it or choose another output\n")
    assert victim.read_text() == "secret\n"


def test_your_own_symlink_in_your_own_directory_is_followed(ccadvisor, tmp_path):
    target = tmp_path / "reports" / "latest.txt"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    run = ccadvisor("rules", "-o", str(link))
    assert run.code == 0, run
    assert link.is_symlink() and target.read_text() == ccadvisor("rules").out


def test_a_trailing_slash_names_a_directory_and_no_file_is_written(ccadvisor, tmp_path):
    (tmp_path / "o").mkdir()
    for output in (f"{tmp_path}/o/newname/", f"{tmp_path}/o/"):
        run = ccadvisor("rules", "-o", output)
        assert run.code == 2, run
        assert run.err == (f"ccadvisor: error: {output}: names a directory (it ends in /): give a "
                           "file name\n")
    assert list((tmp_path / "o").iterdir()) == []


def test_an_empty_output_path_is_named_as_such(ccadvisor, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = ccadvisor("advise", "--example", "home_team_startup", "-o", "")
    assert run.code == 2, run
    assert run.err == ("ccadvisor: error: the output path is empty: give a file name, or - for "
                       "standard output\n")
    assert list(tmp_path.iterdir()) == []


RATES = '{"currency": "EUR"}\n'


@pytest.mark.parametrize("command", ["advise", "cost", "explain", "graph", "replay", "batch"])
def test_the_assumptions_file_is_never_an_output_by_any_name(ccadvisor, tmp_path, command):
    rates = tmp_path / "a.json"
    rates.write_text(RATES)
    rows = tmp_path / "rows.csv"
    rows.write_text("client,period\nA,short_term\n")
    source = [str(rows)] if command == "batch" else ["--example", "home_team_startup"]
    os.link(rates, tmp_path / "hard.json")
    (tmp_path / "soft.json").symlink_to(rates)
    for output in (rates, tmp_path / "hard.json", tmp_path / "soft.json"):
        run = ccadvisor(command, *source, "--assumptions", str(rates), "-o", str(output))
        assert run.code == 2, run
        assert run.err == (f"ccadvisor: error: {output}: is the input file '{rates}': writing it "
                           "would destroy it; choose another output\n")
    assert rates.read_text() == RATES and (tmp_path / "soft.json").is_symlink()


def test_the_template_is_never_the_output(ccadvisor, tmp_path):
    template = tmp_path / "t.txt"
    template.write_text("{{ recommendation }}\n")
    run = ccadvisor("advise", "--example", "home_team_startup", "--template", str(template),
                    "-o", str(template))
    assert run.code == 2 and "is the input file" in run.err, run
    assert template.read_text() == "{{ recommendation }}\n"


def test_only_a_temporary_of_a_process_gone_from_this_machine_is_cleared(tmp_path):
    """In a shared folder a temporary of another machine, or of a process still writing, may
    be in use: only this machine's dead process's is stale."""
    import re
    import socket
    import subprocess
    import sys

    from expert.inputs.files import write_atomic
    host = re.sub(r"[^A-Za-z0-9-]", "_", socket.gethostname())
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # exited and reaped
    living = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        kept = [f".report.txt.{host}-{living.pid}.abc.tmp", f".report.txt.other_host-{dead}.abc.tmp",
                f".other.txt.{host}-{dead}.abc.tmp"]
        for name in [*kept, f".report.txt.{host}-{dead}.abc.tmp"]:
            (tmp_path / name).write_text("half")
        write_atomic(tmp_path / "report.txt", "whole\n")
    finally:
        living.kill()
        living.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*kept, "report.txt"])


def nobodys(path):
    """Give ``path`` (a link or a directory) to another user, or skip: only root can."""
    try:
        os.lchown(path, 65534, 65534)
    except PermissionError:
        pytest.skip("giving a file to another user needs root")


def test_a_link_for_a_directory_of_the_path_is_judged_too(ccadvisor, tmp_path):
    # /tmp/evil_dir -> the victim's directory, planted by another user: -o /tmp/evil_dir/out.md
    victims = tmp_path / "victims"
    victims.mkdir()
    (victims / "out.md").write_text("theirs\n")
    planted = tmp_path / "evil_dir"
    planted.symlink_to(victims)
    nobodys(planted)
    run = ccadvisor("rules", "-o", str(planted / "out.md"))
    assert run.code == 2, run
    assert run.err == (f"ccadvisor: error: {planted / 'out.md'}: leads through the symbolic link "
                       f"'{planted}', owned by another user: not followed; choose another output\n")
    assert (victims / "out.md").read_text() == "theirs\n"


def test_each_link_a_link_leads_to_is_judged_too(ccadvisor, tmp_path):
    # my own link, in my own directory, to a link another user planted
    victim = tmp_path / "victim"
    victim.write_text("theirs\n")
    planted = tmp_path / "evil_link"
    planted.symlink_to(victim)
    nobodys(planted)
    mine = tmp_path / "priv"
    mine.mkdir(mode=0o755)
    (mine / "out.md").symlink_to(planted)
    run = ccadvisor("rules", "-o", str(mine / "out.md"))
    assert run.code == 2 and "leads through the symbolic link" in run.err and str(planted) in run.err
    assert victim.read_text() == "theirs\n"


def test_a_link_in_a_directory_another_user_owns_is_not_followed(ccadvisor, tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("theirs\n")
    bobs = tmp_path / "bob"
    bobs.mkdir(mode=0o755)
    (bobs / "link").symlink_to(victim)
    nobodys(bobs)  # bob may swap the link while we look: it is not followed
    run = ccadvisor("rules", "-o", str(bobs / "link"))
    assert run.code == 2, run
    assert run.err == f"ccadvisor: error: {bobs / 'link'}: {NOT_FOLLOWED_WORLD}\n"
    assert victim.read_text() == "theirs\n"


@pytest.mark.parametrize("bundled", ["expert/data/examples/new_year_promotion.yaml",
                                     "expert/data/assumptions.yaml", "rules/sourcing.py"])
def test_the_tools_own_files_are_never_an_output(ccadvisor, bundled):
    from pathlib import Path
    target = Path(expert.inputs.files.__file__).resolve().parents[2] / bundled
    before = target.read_bytes()
    run = ccadvisor("advise", "--example", "new_year_promotion", "-o", str(target))
    assert run.code == 2, run
    assert run.err == (f"ccadvisor: error: {target}: is part of ccadvisor itself (its rules, data "
                       "or templates): choose another output\n")
    assert target.read_bytes() == before


def test_an_output_path_too_long_is_one_line(ccadvisor, tmp_path):
    output = f"{tmp_path}/" + "a/" * 3000 + "x"
    run = ccadvisor("rules", "-o", output)
    assert run.code == 2, run
    assert run.err.endswith(": cannot write: File name too long\n") and run.err.count("\n") == 1


def test_replacing_another_users_file_drops_its_write_bits_for_others(ccadvisor, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("old\n")
    os.chmod(report, 0o666)
    nobodys(report)
    assert ccadvisor("rules", "-o", str(report)).code == 0
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o644 and os.stat(report).st_uid == os.geteuid()
