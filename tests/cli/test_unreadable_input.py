"""Input that cannot be read or is not text (issue 12): one line naming the file, exit 2.
(Lone surrogates in answers files: tests/cli/test_bad_input.py.)"""
import builtins
import json

SURROGATE = "a lone surrogate (an escape like \\ud800 without its pair) is not text"


def test_a_lone_surrogate_in_a_jsonl_row_flags_that_row(ccadvisor, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"client": "A"}\n{"client": "\\ud800"}\n{"client": "C"}\n')
    run = ccadvisor("batch", str(path), "--format", "jsonl")
    assert run.code == 0, run
    out = [json.loads(line) for line in run.out.splitlines()]
    assert [r["error"] for r in out] == ["", f"row 2 (line 2): client: {SURROGATE}", ""]


def test_an_unreadable_answers_file_is_one_line_exit_2(ccadvisor, tmp_path, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text("period: short_term\n")
    real_open = builtins.open

    def no_permission(file, *args, **kwargs):  # as chmod 000 does for anyone but root
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", no_permission)
    run = ccadvisor("advise", "--answers", str(path))
    assert run.code == 2, run
    assert run.err == f"ccadvisor: error: {path}: cannot read: Permission denied\n"
    run = ccadvisor("batch", str(path))
    assert run.err == f"ccadvisor: error: {path}: cannot read: Permission denied\n"


def test_a_read_error_is_one_line_exit_2(ccadvisor):
    run = ccadvisor("advise", "--answers", "/proc/self/mem")  # a regular file that fails to read
    assert run.code == 2, run
    assert run.err == "ccadvisor: error: /proc/self/mem: cannot read: Input/output error\n"
