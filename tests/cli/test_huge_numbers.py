"""Numbers too big or not finite (issue 12): one line naming the file, line and question, exit 2,
from every door a number comes in by; in a batch only that row is flagged."""
import csv
import io
import json

import pytest

HUGE = "9" * 400
TOO_LARGE = "too large (this tool takes numbers up to 10^15)"
STAFF = "expected a whole number from 0 to 100000 (people)"


@pytest.mark.parametrize("name, text, shown, reason", [
    ("huge.yaml", f"call_staff: {HUGE}\n", "9999...9999 (400 digits)", TOO_LARGE),
    ("inf.yaml", "call_staff: .inf\n", "inf", "not a finite number"),
    ("minus_inf.yaml", "call_staff: -.inf\n", "-inf", "not a finite number"),
    ("nan.yaml", "call_staff: .nan\n", "nan", "not a finite number"),
    ("huge.json", f'{{"call_staff": {HUGE}}}', "9999...9999 (400 digits)", TOO_LARGE),
    ("inf.json", '{"call_staff": Infinity}', "inf", "not a finite number"),
    ("overflow.json", '{"call_staff": 1e309}', "inf", "not a finite number"),
    ("nan.json", '{"call_staff": NaN}', "nan", "not a finite number"),
])
def test_an_answers_file_with_a_huge_or_infinite_number_is_one_line_exit_2(
        ccadvisor, tmp_path, name, text, shown, reason):
    path = tmp_path / name
    path.write_text(text)
    run = ccadvisor("advise", "--answers", str(path))
    assert run.code == 2, run
    assert run.err == (f"ccadvisor: error: {path}: line 1: invalid answer {shown} for 'call_staff': "
                       f"{reason}; {STAFF}\n")


def test_a_huge_number_in_a_csv_or_jsonl_row_flags_that_row_and_the_rest_are_advised(ccadvisor, tmp_path):
    rows = tmp_path / "in.csv"
    rows.write_text(f"client,call_staff\nA,3\nB,{HUGE}\nC,1e309\nD,inf\nE,4\n")
    run = ccadvisor("batch", str(rows))
    assert run.code == 0, run
    out = list(csv.DictReader(io.StringIO(run.out)))
    assert [r["option"] != "" for r in out] == [True, False, False, False, True]
    assert out[1]["error"] == f"row 2 (line 3): invalid answer 9999...9999 (400 digits) for 'call_staff': {TOO_LARGE}; {STAFF}"
    assert out[2]["error"] == f"row 3 (line 4): invalid answer inf for 'call_staff': not a finite number; {STAFF}"
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"call_staff": 3}\n{"call_staff": Infinity}\n{"call_staff": NaN}\n'
                     f'{{"call_staff": {HUGE}}}\n{{"call_staff": 4}}\n')
    run = ccadvisor("batch", str(lines), "--format", "jsonl")
    assert run.code == 0, run
    out = [json.loads(line) for line in run.out.splitlines()]
    assert [r["option"] is not None for r in out] == [True, False, False, False, True]
    assert out[3]["error"].startswith("row 4 (line 4): invalid answer 9999...9999 (400 digits)")


def lines_to_a_number_question():
    """What to type to reach the interview's first number question: (lines, question id)."""
    from expert.interview.consultation import Consultation
    consultation, lines = Consultation(), []
    while (question := consultation.current()).type != "number":
        lines.append("1" if question.type == "choice" else "yes")
        consultation.answer(question.id, question.parse_text(lines[-1]))
    return lines, question.id


def test_a_huge_number_at_the_consult_prompt_is_asked_again(ccadvisor, tmp_path):
    lines, qid = lines_to_a_number_question()
    run = ccadvisor("consult", "--session", str(tmp_path / "s.yaml"),
                    input="".join(f"{line}\n" for line in [*lines, "1e309", HUGE, "quit"]))
    assert run.code == 0, run
    assert f"  invalid answer inf for '{qid}': not a finite number; expected" in run.out
    assert (f"invalid answer 9999...9999 (400 digits) for '{qid}': {TOO_LARGE}; expected"
            in " ".join(run.out.split()))
    assert run.out.count(f"{qid}> ") == 3  # asked again after each, then quit


@pytest.mark.parametrize("args, message", [
    (("--calls", "1e308", "--interval-minutes", "1e308"), f"--calls: 1000...0000 (309 digits) is {TOO_LARGE}"),
    (("--calls", "inf"), "--calls: inf is not a finite number"),
    (("--calls", "100", "--interval-minutes", "nan"), "--interval-minutes: nan is not a finite number"),
    (("--calls", "100", "--target", f"{HUGE}/20"), f"target 9999...9999 (400 digits) is {TOO_LARGE}"),
])
def test_staffing_options_go_through_the_same_gate(ccadvisor, args, message):
    run = ccadvisor("staffing", *args, "--aht-seconds", "180")
    assert run.code == 2, run
    assert run.err == f"ccadvisor: error: {message}\n"


def test_an_assumptions_file_with_an_infinite_rate_is_one_line_exit_2(ccadvisor, tmp_path):
    from expert.numbers.assumptions import shipped_assumptions
    key = next(iter(shipped_assumptions()))
    path = tmp_path / "a.yaml"
    path.write_text(f"{key}: {HUGE}\n")
    run = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", str(path))
    assert run.code == 2, run
    assert run.err == f"ccadvisor: error: {path}: '{key}' is 9999...9999 (400 digits): {TOO_LARGE}\n"
