"""A batch on hostile or huge input (issue 12): rows streamed with flat memory, a row limit,
Ctrl-C exits 130 and SIGTERM 143 (both clean up), and no spreadsheet formula gets into the CSV output."""
import contextlib
import csv
import io
import os
import signal
import subprocess
import sys
import time
import tracemalloc

import pytest


def test_rows_are_streamed_so_memory_stays_flat(tmp_path):
    from expert.inputs.rows import iter_rows
    path = tmp_path / "many.csv"
    path.write_text("client\n" + "a\n" * 60_000)  # the one-letter rows, fewer of them
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_rows(path, max_rows=None))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 60_000
    assert peak < 1_000_000, f"{peak:,} bytes at the peak: rows are being kept"


def test_the_results_stream_too(monkeypatch):
    import expert.reasoning.batch as batch
    from expert.inputs.rows import Row
    monkeypatch.setattr(batch, "advise_row", lambda row, assumptions=None: {"row": row.row, "error": ""})

    def endless_rows():  # a result must come out before much of the input has gone in
        for n in range(1, 10**9):
            assert n <= 1000, "the input is being read whole before any result comes out"
            yield Row(row=n, line=n)
    results = batch.run_rows(endless_rows(), jobs=1)
    assert [next(results)["row"] for _ in range(3)] == [1, 2, 3]


def test_a_file_over_the_row_limit_is_refused_and_nothing_is_written(ccadvisor, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("client\n" + "a\n" * 30)
    out = tmp_path / "out.csv"
    out.write_text("previous results\n")
    run = ccadvisor("batch", str(path), "--max-rows", "20", "-o", str(out))
    assert run.code == 2, run
    assert run.err == (f"ccadvisor: error: {path}: more than 20 rows, the limit: split the file, "
                       "or raise the limit with --max-rows N\n")
    assert out.read_text() == "previous results\n"
    assert ccadvisor("batch", str(path), "--max-rows", "30").code == 0


def test_the_default_row_limit_is_documented():
    from pathlib import Path

    from expert.inputs.rows import DEFAULT_MAX_ROWS
    reference = (Path(__file__).resolve().parents[2] / "docs" / "reference.md").read_text(
        encoding="utf-8")
    assert f"--max-rows N` (default {DEFAULT_MAX_ROWS:,})" in reference
    from commands.batch import batch
    assert next(p.default for p in batch.params if p.name == "max_rows") == DEFAULT_MAX_ROWS


def default_sigint():
    """A shell starts background jobs with SIGINT ignored, and Python keeps it so: the child
    must hear Ctrl-C as a terminal user's process does, whoever started the tests."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_batch_with_exit_130_and_keeps_the_old_output(tmp_path, jobs):
    path = tmp_path / "in.csv"
    path.write_text("client,call_load\n" + "a,calls_lost\n" * 20_000)  # far more than 2 s of work
    out = tmp_path / "out.csv"
    out.write_text("previous results\n")
    child = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "batch", str(path),
                              "--jobs", jobs, "-o", str(out)], stderr=subprocess.PIPE, text=True,
                             start_new_session=True, preexec_fn=default_sigint)
    time.sleep(2)  # well into the rows
    os.killpg(child.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = child.communicate(timeout=30)
    assert child.returncode == 130, err
    assert err == "ccadvisor: error: interrupted\n"
    assert out.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def start_batch(tmp_path, jobs: str) -> tuple:
    """A real batch on far more rows than a test waits for, into out.csv (which holds
    "previous results"), once it is writing: its temporary holds rows, so the workers run."""
    path = tmp_path / "in.csv"
    path.write_text("client,call_load\n" + "a,calls_lost\n" * 20_000)
    out = tmp_path / "out.csv"
    out.write_text("previous results\n")
    child = subprocess.Popen([sys.executable, "-c", "import cli; cli.main()", "batch", str(path),
                              "--jobs", jobs, "-o", str(out)], stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    while not any(p.name.endswith(".tmp") and p.stat().st_size for p in tmp_path.iterdir()):
        assert child.poll() is None, child.stderr.read()
        time.sleep(0.05)
    return child, out


@pytest.mark.parametrize("jobs", ["1", "2", "4"])
@pytest.mark.parametrize("to", ["process", "group"])
def test_sigterm_stops_a_batch_with_exit_143_like_ctrl_c(tmp_path, jobs, to):
    """SIGTERM once left the temporary behind (-j 1) and a traceback from every worker (-j 2..4).
    `kill PID` sends it to the process; `timeout` to the whole group, workers included."""
    child, out = start_batch(tmp_path, jobs)
    if to == "group":
        os.killpg(child.pid, signal.SIGTERM)
    else:
        child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)  # its end: the last worker has closed stderr too
    assert (child.returncode, err) == (143, "ccadvisor: error: terminated (SIGTERM)\n")
    assert out.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_hang_up_stops_a_batch_with_exit_129_and_leaves_no_temporary(tmp_path, jobs):
    """The terminal closed (an ssh link dropped): its session's group gets SIGHUP."""
    child, out = start_batch(tmp_path, jobs)
    os.killpg(child.pid, signal.SIGHUP)
    _, err = child.communicate(timeout=60)
    assert (child.returncode, err) == (129, "ccadvisor: error: terminated (SIGHUP)\n")
    assert out.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_workers_of_a_killed_batch_exit_quietly_and_the_next_run_clears_its_temporary(tmp_path):
    child, out = start_batch(tmp_path, "2")
    workers = subprocess.run(["pgrep", "-P", str(child.pid)], capture_output=True, text=True)
    assert len(workers.stdout.split()) == 2
    child.kill()  # SIGKILL: no cleanup of its own is possible
    try:
        err = child.stderr.read()  # ends when the orphaned workers have exited too
        child.wait()  # reaped, as a shell does: a zombie's pid still counts as in use
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)  # whatever is left, should the test fail
    assert err == ""
    stale = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(stale) == 1 and f"-{child.pid}." in stale[0]

    small = tmp_path / "small.csv"
    small.write_text("client,call_load\na,calls_lost\n")
    done = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "batch", str(small),
                           "-o", str(out)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv", "small.csv"]
    assert out.read_text().count("\n") == 2  # the header and the one row


def test_formulas_in_client_names_are_written_as_text(ccadvisor, tmp_path):
    names = ["=cmd|' /C calc'!A0", "+SUM(1+1)", "@SUM(1)", "-2+3", "%0A", "Acme"]
    path = tmp_path / "in.csv"
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["client", "call_load"])
        writer.writerows([name, "calls_lost"] for name in names)
    run = ccadvisor("batch", str(path))
    assert run.code == 0, run
    clients = [r["client"] for r in csv.DictReader(io.StringIO(run.out))]
    assert clients == ["'=cmd\\|' /C calc'!A0", "'+SUM(1+1)", "'@SUM(1)", "'-2+3", "'%0A", "Acme"]
