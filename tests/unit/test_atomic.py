"""Files the tool writes are written atomically: an interrupted write leaves the old file, or
none, and never a temporary file behind."""
import os

import pytest

import expert.inputs.files
from expert.errors import InputError
from expert.inputs.files import write_atomic


class Interrupted(BaseException):
    """Stands for Ctrl-C or a kill arriving mid-write."""


def fail_after_writing_half(monkeypatch, exc):
    """Make the next write put half the text on disk and then fail with ``exc``."""
    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        real_write = handle.write

        def write(text):
            real_write(text[: len(text) // 2])
            handle.flush()
            raise exc
        handle.write = write
        return handle
    monkeypatch.setattr(expert.inputs.files.os, "fdopen", fdopen)


@pytest.mark.parametrize("exc", [Interrupted(), OSError(28, "No space left on device")])
def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, exc):
    target = tmp_path / "report.txt"
    target.write_text("old report\n")
    fail_after_writing_half(monkeypatch, exc)
    with pytest.raises((Interrupted, InputError)):
        write_atomic(target, "new report " * 1000)
    assert target.read_text() == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_interrupted_first_write_leaves_no_file_at_all(tmp_path, monkeypatch):
    fail_after_writing_half(monkeypatch, Interrupted())
    with pytest.raises(Interrupted):
        write_atomic(tmp_path / "new.txt", "text " * 1000)
    assert list(tmp_path.iterdir()) == []


def test_interrupted_rename_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "results.csv"
    target.write_text("old\n")

    def replace(src, dst):
        raise Interrupted()
    monkeypatch.setattr(expert.inputs.files.os, "replace", replace)
    with pytest.raises(Interrupted):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv"]


def test_full_disk_during_batch_output_is_a_clean_error_and_keeps_the_old_output(
        ccadvisor, tmp_path, monkeypatch):
    rows = tmp_path / "in.csv"
    rows.write_text("client,call_load\nA,calls_lost\n")
    out = tmp_path / "out.csv"
    out.write_text("previous results\n")
    fail_after_writing_half(monkeypatch, OSError(28, "No space left on device"))
    run = ccadvisor("batch", str(rows), "--output", str(out))
    assert run.code == 2
    assert run.err.endswith(f"ccadvisor: error: {out}: cannot write: No space left on device\n")
    assert out.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_successful_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("a much longer old report\n" * 10)
    write_atomic(target, "short\n")
    assert target.read_text() == "short\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
