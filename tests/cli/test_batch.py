"""ccadvisor batch: one output row per input row, bad rows flagged not fatal, same for any --jobs."""
import csv
import io
import json

import pytest

HEADER = "client,call_load,call_flow,planned_spikes,customer_base,period\n"
GOOD = [
    "Acme,calls_lost,outside_hours,yes,5000,long_term\n",
    "Tiny,staff_cope,1,no,10,\n",             # a choice by its number; an empty cell is unknown
    "Blank,,,,,\n",                            # nothing known: still one row, still advised
]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def rows_of(csv_text):
    return list(csv.DictReader(io.StringIO(csv_text)))


def test_csv_batch_gives_one_row_per_client_with_option_and_chain(ccadvisor, tmp_path):
    run = ccadvisor("batch", write(tmp_path, "in.csv", HEADER + "".join(GOOD)))
    assert run.code == 0, run
    rows = rows_of(run.out)
    assert [r["client"] for r in rows] == ["Acme", "Tiny", "Blank"]
    assert [r["option"] for r in rows] == ["outsource", "none", ""]
    assert [r["stage"] for r in rows] == ["sourcing", "need", "sourcing"]
    # nothing known: undecided, not "none"; the hybrid, with no core and no side stream, is out
    assert rows[2]["tie"] == "home_team outsource in_house"
    scores = dict(pair.split("=") for pair in rows[0]["scores"].split())
    assert list(scores) == ["none", "home_team", "outsource", "hybrid", "in_house"]
    assert max(scores, key=lambda o: int(scores[o])) == "outsource"
    assert "after_hours_calls_suit_outsourcing" in rows[0]["fired_rules"].split()
    assert "staff_coping_with_calls_needs_no_centre" in rows[1]["fired_rules"].split()
    assert all(r["error"] == "" for r in rows)
    assert run.err == "3 rows: 3 advised.\n"


def test_bad_rows_are_flagged_with_row_number_and_the_rest_still_run(ccadvisor, tmp_path):
    text = HEADER + GOOD[0] + "Bad Co,calls_lost,whenever,yes,,\n" + "Short,calls_lost\n" + GOOD[1]
    run = ccadvisor("batch", write(tmp_path, "in.csv", text))
    assert run.code == 0, run
    rows = rows_of(run.out)
    assert [r["client"] for r in rows] == ["Acme", "Bad Co", "Short", "Tiny"]
    assert [r["option"] for r in rows] == ["outsource", "", "", "none"]
    assert rows[1]["error"] == ("row 2 (line 3): invalid answer 'whenever' for 'call_flow': "
                                "expected one of few_in_hours, even_in_hours, outside_hours")
    assert rows[2]["error"] == "row 3 (line 4): has 2 cells, the header has 6"
    assert rows[1]["fired_rules"] == rows[1]["scores"] == ""
    assert run.err == "4 rows: 2 advised, 2 failed and were skipped (rows 2, 3; see the error column).\n"


def test_jsonl_input_validates_typed_values_per_line(ccadvisor, tmp_path):
    lines = [
        {"client": "Acme", "call_load": "calls_lost", "call_flow": "outside_hours", "customer_base": 5000},
        {"client": "Typo", "call_lod": "calls_lost"},
        {"client": "Range", "call_staff": -3},
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n\n" + '{"client": "Broken", \n'
    run = ccadvisor("batch", write(tmp_path, "in.jsonl", text), "--format", "jsonl")
    assert run.code == 0, run
    out = [json.loads(line) for line in run.out.splitlines()]
    assert [r["client"] for r in out] == ["Acme", "Typo", "Range", ""]
    assert out[0]["option"] == "outsource"
    assert max(out[0]["scores"].values()) == out[0]["scores"]["outsource"] > 0
    assert out[1]["error"] == "row 2 (line 2): unknown question id 'call_lod' (did you mean 'call_load'?)"
    assert out[2]["error"] == ("row 3 (line 3): -3 is out of range for 'call_staff': "
                               "expected a whole number from 0 to 100000 (people)")
    assert out[3]["error"].startswith("row 4 (line 5): malformed JSON")
    assert out[3]["option"] is None


def test_a_key_holding_a_line_break_is_named_on_one_line(ccadvisor, tmp_path):
    """Found by fuzz/fuzz_batch.py: a JSON key may hold an escaped line break."""
    run = ccadvisor("batch", write(tmp_path, "in.jsonl", '{"cli\\nt": 5000}\n'), "--format", "jsonl")
    assert run.code == 0, run
    assert json.loads(run.out)["error"] == \
        "row 1 (line 1): unknown question id 'cli\\nt' (see 'ccadvisor questions')"


def test_output_is_identical_for_any_number_of_jobs(ccadvisor, tmp_path):
    # chunks of 50 rows go round the workers: 241 rows are some chunks each, and a short last
    body = "".join(GOOD[i % 3].replace(GOOD[i % 3].split(",")[0], f"c{i}", 1) for i in range(240))
    path = write(tmp_path, "in.csv", HEADER + body + "Bad,x,,,,\n")
    one = ccadvisor("batch", path, "--jobs", "1")
    two = ccadvisor("batch", path, "--jobs", "2", "--format", "csv")
    three = ccadvisor("batch", path, "--jobs", "3")
    assert one.code == two.code == three.code == 0
    assert len(rows_of(one.out)) == 241
    assert one.out == two.out == three.out


def test_a_failure_in_a_worker_is_the_one_unexpected_line(ccadvisor, tmp_path, monkeypatch):
    import expert.reasoning.batch

    def boom(*_args, **_kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(expert.reasoning.batch, "advise", boom)  # forked workers have it too
    path = write(tmp_path, "in.csv", HEADER + GOOD[0])
    run = ccadvisor("batch", path, "--jobs", "2")
    assert run.code == 1
    assert run.err == ("ccadvisor: error: unexpected RuntimeError: boom (set CCADVISOR_DEBUG=1 "
                       "to see where)\n")


def test_output_file_is_written_whole(ccadvisor, tmp_path):
    out = tmp_path / "results.jsonl"
    run = ccadvisor("batch", write(tmp_path, "in.csv", HEADER + GOOD[0]), "--format", "jsonl",
                    "--output", str(out))
    assert run.code == 0 and run.out == ""
    assert json.loads(out.read_text())["option"] == "outsource"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "results.jsonl"]


@pytest.mark.parametrize("name, text, message", [
    ("empty.csv", "", "file is empty"),
    ("header_only.csv", HEADER, "no profiles: the file has no data rows"),
    ("unknown.csv", "client,call_lod\nx,calls_lost\n",
     "line 1: column 2: unknown question id 'call_lod' (did you mean 'call_load'?)"),
    ("dup.csv", "period,period\nshort_term,long_term\n", "line 1: column 'period' appears more than once"),
    ("noname.csv", "period,,call_load\n", "line 1: column 2 has no name"),
])
def test_whole_file_problems_are_one_line_exit_2(ccadvisor, tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    run = ccadvisor("batch", path)
    assert run.code == 2, run
    assert run.err == f"ccadvisor: error: {path}: {message}\n"
    assert run.out == ""


def test_missing_and_oversized_batch_files_are_refused(ccadvisor, tmp_path):
    missing = str(tmp_path / "nope.csv")
    assert ccadvisor("batch", missing).err == f"ccadvisor: error: {missing}: file not found\n"
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: refused from its size, never read
    run = ccadvisor("batch", str(big))
    assert run.code == 2
    assert run.err == (f"ccadvisor: error: {big}: line 1: longer than 1,048,576 bytes, "
                       "so not a profile\n")
