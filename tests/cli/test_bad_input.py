"""Bad input: one clear line on stderr, exit code 2, no traceback, nothing written to --output."""
import os

import pytest

SURROGATE = "a lone surrogate (an escape like \\ud800 without its pair) is not text"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name, text, message", [
    ("empty.yaml", "", "file is empty"),
    ("blank.yaml", "  \n\n", "file is empty"),
    ("bad.yaml", "period: short_term\ncall_load: [calls_lost\n", "line 3: malformed YAML"),
    ("bad.json", '{\n  "period": "short_term",\n  "call_load": \n}\n', "line 4: malformed JSON: Expecting value"),
    ("list.yaml", "- period\n- short_term\n", "the top level must be a mapping of question ids to answers, found a list"),
    ("scalar.json", '"short_term"', "the top level must be a mapping of question ids to answers, found a str"),
    ("unknown.yaml", "period: short_term\ncall_lod: calls_lost\n",
     "line 2: unknown question id 'call_lod' (did you mean 'call_load'?)"),
    ("choice.yaml", "period: forever\n", "line 1: invalid answer 'forever' for 'period': expected one of short_term, long_term"),
    ("yesno.yaml", "planned_spikes: maybe\n", "line 1: invalid answer 'maybe' for 'planned_spikes': expected yes or no"),
    ("type.json", '{"customer_base": "lots"}', "line 1: invalid answer 'lots' for 'customer_base': expected a whole number from 0 to 1000000000 (customers)"),
    ("range.yaml", "call_staff: -3\n", "line 1: -3 is out of range for 'call_staff': expected a whole number from 0 to 100000 (people)"),
    ("fraction.yaml", "call_staff: 2.5\n", "line 1: invalid answer 2.5 for 'call_staff': expected a whole number"),
    ("bool.yaml", "customer_base: yes\n", "line 1: invalid answer 'yes' for 'customer_base'"),
    ("nested.yaml", "period:\n  value: short_term\n", "line 1: invalid answer {'value': 'short_term'} for 'period'"),
    ("dup.yaml", "period: short_term\nperiod: long_term\n", "line 2: duplicate key 'period'"),
    ("dup.json", '{"period": "short_term", "period": "long_term"}', "duplicate key 'period'"),
    ("meta.yaml", "meta: client\nperiod: short_term\n", "'meta' must be a mapping"),
    ("notes.yaml", "meta:\n  notes:\n    perod: typo\n", "meta.notes: unknown question id 'perod' (did you mean 'period'?)"),
    # JSON's escaped half UTF-16 pairs (issue 12): no file or terminal can take them
    ("surrogate.json", '{"meta": {"client": "\\ud800"}, "period": "short_term"}',
     f"meta.client: {SURROGATE}"),
    ("surrogate_note.json", '{"meta": {"notes": {"period": "ok \\udfff"}}}', f"meta.notes.period: {SURROGATE}"),
    ("surrogate_key.json", '{"period": "short_term", "\\ud800": 1}', f"\\ud800: {SURROGATE}"),
])
def test_bad_answers_file_gives_one_line_and_exit_2(ccadvisor, tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    out = tmp_path / "report.txt"
    run = ccadvisor("advise", "--answers", path, "--output", str(out))
    assert run.code == 2, run
    assert run.err.startswith(f"ccadvisor: error: {path}: ")
    assert message in run.err
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert not out.exists()


def test_missing_file(ccadvisor, tmp_path):
    run = ccadvisor("advise", "--answers", str(tmp_path / "nope.yaml"))
    assert run.code == 2 and run.err == f"ccadvisor: error: {tmp_path / 'nope.yaml'}: file not found\n"


# Every input names what it should have been (issue 22, item 13): (the command before the path,
# the path's name, what the line says was expected).
INPUTS = [
    (("advise", "--answers"), "in.yaml", "an answers file (YAML or JSON)"),
    (("cost", "--example", "home_team_startup", "--assumptions"), "rates.yaml",
     "an assumptions file (YAML or JSON)"),
    (("batch",), "clients.csv", "a batch input file (CSV or JSONL)"),
    (("advise", "--example", "home_team_startup", "--template"), "mine.md.j2", "a template file"),
    (("consult", "--resume"), "session.yaml", "a session file (YAML)"),
    (("consult", "--session"), "session.yaml", "a session file (YAML)"),
]


@pytest.mark.parametrize("command, name, expected", INPUTS, ids=[i[1] for i in INPUTS[:-1]] + ["new"])
@pytest.mark.parametrize("make, found", [(os.mkdir, "is a directory"),
                                         (os.mkfifo, "not a regular file (a device, pipe or socket)")],
                         ids=["directory", "fifo"])
def test_a_path_of_the_wrong_kind_names_what_it_should_be(ccadvisor, tmp_path, command, name,
                                                          expected, make, found):
    path = tmp_path / name
    make(path)
    run = ccadvisor(*command, str(path))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {path}: {found}; expected {expected}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it


@pytest.mark.parametrize("command, name, line", [
    (("cost", "--example", "home_team_startup", "--assumptions"), "rates.yaml",
     "the top level must be a mapping of assumption ids to values, found a list"),
    (("advise", "--answers"), "answers.yaml",
     "the top level must be a mapping of question ids to answers, found a list"),
    (("consult", "--resume"), "session.yaml",
     "the top level must be a mapping of question ids to answers, found a list"),
])
def test_a_list_is_told_what_its_file_maps(ccadvisor, tmp_path, command, name, line):
    path = write(tmp_path, name, "- shrinkage_pct\n- 30\n")
    run = ccadvisor(*command, path)
    assert (run.code, run.err) == (2, f"ccadvisor: error: {path}: {line}\n")


@pytest.mark.parametrize("command, name, files", [
    (("cost", "--example", "home_team_startup", "--assumptions"), "rates.yaml", "assumptions files"),
    (("advise", "--answers"), "answers.yaml", "answers files"),
    (("consult", "--resume"), "session.yaml", "session files"),
])
def test_an_alias_is_refused_naming_the_kind_of_file(ccadvisor, tmp_path, command, name, files):
    path = write(tmp_path, name, "shrinkage_pct: &rate 30\nmax_occupancy_pct: *rate\n")
    before = (tmp_path / name).read_text()
    run = ccadvisor(*command, path)
    assert (run.code, run.err) == (2, f"ccadvisor: error: {path}: line 2: YAML aliases (*rate) "
                                      f"are not allowed in {files}\n")
    assert (tmp_path / name).read_text() == before


def test_answers_given_as_rates_say_where_they_belong(ccadvisor, tmp_path):
    for key, text in (("call_load", "call_load: calls_lost\n"), ("meta", "meta: {client: A}\n")):
        answers = write(tmp_path, "answers.yaml", text)
        run = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", answers)
        assert (run.code, run.err) == (2, f"ccadvisor: error: {answers}: unknown assumption "
                                          f"'{key}': this is an answers file's key, and answers "
                                          "go in --answers\n")


def test_an_answers_file_given_to_batch_is_not_read_as_csv(ccadvisor, tmp_path):
    path = write(tmp_path, "answers.yaml", "call_load: calls_lost\n")
    out = tmp_path / "out.csv"
    run = ccadvisor("batch", path, "-o", str(out))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {path}: a YAML file is not batch input: "
                                      "expected CSV (a header of question ids, a client a row) or "
                                      "JSONL (an answers mapping a line)\n")
    assert not out.exists()


@pytest.mark.parametrize("command", [("advise", "--example", "home_team_startup", "-o"),
                                     ("consult", "--session")])
def test_a_file_where_a_directory_should_be_is_not_said_to_be_missing(ccadvisor, tmp_path, command):
    """-o notes/report.md where notes is a file: it exists, it is no directory."""
    notes = tmp_path / "notes"
    notes.write_text("mine\n")
    target = notes / "report.yaml"
    run = ccadvisor(*command, str(target))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {target}: '{notes}' is not a directory\n")
    assert notes.read_text() == "mine\n"


def test_oversized_file_is_refused_before_parsing(ccadvisor, tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(5 * 1024 * 1024)  # sparse: 5 MiB of NUL bytes, never valid YAML
    run = ccadvisor("advise", "--answers", str(path))
    assert run.code == 2
    assert run.err == f"ccadvisor: error: {path}: file is 5,242,880 bytes, over the 1,048,576-byte limit\n"


def test_not_utf8(ccadvisor, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("period: court_terme_é\n".encode("latin-1"))
    run = ccadvisor("advise", "--answers", str(path))
    assert run.code == 2 and "not UTF-8 text" in run.err


def test_unknown_example_suggests_closest(ccadvisor):
    run = ccadvisor("advise", "--example", "new_year_promo")
    assert run.code == 2
    assert run.err == "ccadvisor: error: unknown example 'new_year_promo' (did you mean 'new_year_promotion'?)\n"


def test_both_or_neither_source_is_a_usage_error(ccadvisor, tmp_path):
    path = write(tmp_path, "a.yaml", "period: short_term\n")
    for args in ([], ["--answers", path, "--example", "new_year_promotion"]):
        run = ccadvisor("advise", *args)
        assert run.code == 2 and "give exactly one of --answers FILE or --example NAME" in run.err


def test_output_into_missing_directory_writes_nothing(ccadvisor, tmp_path):
    target = tmp_path / "no" / "such" / "report.md"
    run = ccadvisor("advise", "--example", "new_year_promotion", "--output", str(target))
    assert run.code == 2 and "does not exist" in run.err and not target.parent.exists()


def test_failed_run_leaves_previous_output_untouched(ccadvisor, tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("previous report\n")
    bad = write(tmp_path, "bad.yaml", "period: forever\n")
    assert ccadvisor("advise", "--answers", bad, "--output", str(out)).code == 2
    assert out.read_text() == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "report.txt"]


def test_unknown_and_null_mean_unanswered(ccadvisor, tmp_path):
    path = write(tmp_path, "u.yaml", "period: unknown\ncall_load: null\ntask_complexity: simple\n")
    run = ccadvisor("advise", "--answers", path, "--format", "json")
    assert run.code == 0
    import json
    assert json.loads(run.out)["answers"] == {"task_complexity": "simple"}


def test_yes_no_accepts_true_false_and_words(ccadvisor, tmp_path):
    path = write(tmp_path, "yn.json", '{"planned_spikes": true, "multichannel": "No", "fast_reaction": "yes"}')
    import json
    answers = json.loads(ccadvisor("advise", "--answers", path, "--format", "json").out)["answers"]
    assert answers == {"planned_spikes": "yes", "fast_reaction": "yes", "multichannel": "no"}


@pytest.mark.parametrize("args, line", [
    (("consult", "--session", ""), "--session: the path is empty: give a file name"),
    (("consult", "--resume", " "), "--resume: the path is empty: give a file name"),
    (("kb", "check", "--seeds", ""), "--seeds: the path is empty: give a directory"),
])
def test_an_empty_path_is_refused_not_taken_for_the_default(ccadvisor, tmp_path, monkeypatch,
                                                            args, line):
    monkeypatch.chdir(tmp_path)
    run = ccadvisor(*args, input="")
    assert (run.code, run.err) == (2, f"ccadvisor: error: {line}\n")
    assert list(tmp_path.iterdir()) == []  # no session made up in its place
