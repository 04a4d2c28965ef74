"""Numbers are read one way everywhere: answers files, CSV cells and the prompt accept
thousands grouped by commas or spaces (6,000 and 6 000, as the seeds write it), and refuse what
could be misread (1,5; 6.000 for a whole number) with the reason."""
import json

import pytest
import yaml

from expert.inputs.catalog import load_catalog
from expert.inputs.numeric import AmbiguousNumber, parse_number

NBSP, THIN, NARROW = "\u00a0", "\u2009", "\u202f"


@pytest.mark.parametrize("text,value", [
    ("6000", 6000), ("6,000", 6000), ("6 000", 6000), (f"6{NBSP}000", 6000),
    (f"6{THIN}000", 6000), (f"6{NARROW}000", 6000), ("1,250,000", 1250000),
    ("1 250 000", 1250000), ("2.5", 2.5), ("6,000.5", 6000.5), ("-3", -3), (" 12 ", 12),
])
def test_accepted(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,5", "60,00", "6,0000", "6, 000", "6 00"])
def test_a_comma_or_space_that_does_not_group_thousands_is_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_the_refusals_say_why():
    with pytest.raises(AmbiguousNumber, match="write decimals with a point"):
        parse_number("1,5")
    with pytest.raises(AmbiguousNumber, match="a point is a decimal point"):
        parse_number("6.000", integer=True)
    assert parse_number("6.000") == 6.0  # where fractions make sense, a point is a point


def test_answers_files_take_grouped_thousands(ccadvisor, tmp_path):
    yaml_file = tmp_path / "a.yaml"
    yaml_file.write_text(f"customer_base: 6,000\ncall_staff: 1{NBSP}200\n", encoding="utf-8")
    json_file = tmp_path / "a.json"
    json_file.write_text('{"customer_base": "6 000", "call_staff": 1200}', encoding="utf-8")
    for path in (yaml_file, json_file):
        run = ccadvisor("advise", "--answers", str(path), "--format", "json")
        assert run.code == 0, run.err
        answers = json.loads(run.out)["answers"]
        assert answers["customer_base"] == 6000 and answers["call_staff"] == 1200


def test_an_answers_file_refuses_an_ambiguous_number_with_the_line(ccadvisor, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("call_load: calls_lost\ncustomer_base: 1,5\n")
    run = ccadvisor("advise", "--answers", str(path))
    assert run.code == 2
    assert run.err == (f"ccadvisor: error: {path}: line 2: invalid answer for 'customer_base': "
                       "'1,5': a comma only separates thousands, in groups of three (6,000); "
                       "write decimals with a point (1.5); expected "
                       f"{load_catalog().get('customer_base').expects()}\n")


def test_csv_cells_take_grouped_thousands(ccadvisor, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('client,customer_base,call_staff\nA,"6,000",12\nB,6 000,12\nC,600,1 2\n',
                    encoding="utf-8")
    run = ccadvisor("batch", str(path), "--format", "jsonl")
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert "customer_base_of_1000_needs_a_centre" in rows[0]["fired_rules"]
    assert rows[1]["fired_rules"] == rows[0]["fired_rules"]
    assert rows[2]["option"] is None and "'1 2'" in rows[2]["error"]  # not thousands: flagged


def test_the_prompt_takes_grouped_thousands(typed_at, tmp_path):
    path = tmp_path / "s.yaml"
    run = typed_at(path, "customer_base", "1,5", "6 000")
    assert "write decimals with a point" in run.out
    assert yaml.safe_load(path.read_text())["customer_base"] == 6000


def test_a_command_line_number_reads_as_the_prompt_does(ccadvisor):
    """Options go through the same parser: '1,5' is refused, not read as 15; '2 500' is 2500."""
    run = ccadvisor("staffing", "--calls", "1,5", "--aht-seconds", "180")
    assert run.code == 2, run
    assert run.err == ("ccadvisor: error: --calls: '1,5': a comma only separates thousands, in "
                       "groups of three (6,000); write decimals with a point (1.5)\n")
    run = ccadvisor("staffing", "--calls", "2 500", "--aht-seconds", "180")
    assert run.code == 0, run
    assert "2,500 calls in 60 min" in run.out


# One reading of every value: what YAML or JSON would make of a scalar on its own (6.000 as 6,
# 0x10 as 16, on as true) never decides; the prompt's parser does, so each is refused, or taken,
# alike in a YAML file, a JSON file, a CSV cell and at the prompt.
ONE_READING = [
    ("call_staff", "6.000", "invalid answer for 'call_staff': '6.000': a point is a decimal point "
                            "here; write thousands as 6000, 6,000 or 6 000"),
    ("call_staff", "0x10", "invalid answer '0x10' for 'call_staff'"),
    ("call_staff", "1e3", None),  # a number still, as at the prompt: a thousand people
    ("has_pbx", "on", "invalid answer 'on' for 'has_pbx': expected yes or no"),
    ("period", "2024-01-01", "invalid answer '2024-01-01' for 'period'"),
]


@pytest.mark.parametrize("qid, text, refusal", ONE_READING)
def test_a_value_means_the_same_in_every_input_path(ccadvisor, tmp_path, qid, text, refusal):
    yaml_file = tmp_path / "a.yaml"
    yaml_file.write_text(f"{qid}: {text}\n")
    runs = [ccadvisor("advise", "--answers", str(yaml_file), "--format", "json")]
    if qid == "call_staff":  # JSON has numbers only for numbers
        json_file = tmp_path / "a.json"
        json_file.write_text(f'{{"{qid}": {text}}}' if text[0].isdigit() and "x" not in text
                             else f'{{"{qid}": "{text}"}}')
        runs.append(ccadvisor("advise", "--answers", str(json_file), "--format", "json"))
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(f"client,{qid}\nA,{text}\n")
    cell = json.loads(ccadvisor("batch", str(csv_file), "--format", "jsonl").out)["error"]
    for run in runs:
        if refusal is None:
            assert run.code == 0, run
            assert json.loads(run.out)["answers"][qid] == 1000
        else:
            assert run.code == 2 and refusal in run.err, run
    assert (cell == "") if refusal is None else (refusal in cell), cell


# The same text through every input path: an answers file (YAML as written, YAML quoted, JSON),
# a CSV cell, the prompt, and an assumptions file (YAML as written, quoted, JSON). Each takes it
# as the same value, or refuses it for the same reason: (text, the value, or Refused(the words)).
class Refused(str):
    """The words every path's refusal holds."""



WHOLE_NUMBERS = [
    ("6.000", Refused("a point is a decimal point here; write thousands as 6000, 6,000 or 6 000")),
    ("0x10", Refused("'0x10'")),              # YAML 1.1's hexadecimal: sixteen people, before
    ("0o17", Refused("'0o17'")),
    ("1_000", Refused("'1_000'")),            # Python's and YAML's digit separator
    ("1,5", Refused("a comma only separates thousands")),
    (".inf", Refused("not a finite number")),
    ("1e3", 1000),                   # the exponent form is a number, as at the prompt
    ("6,000", 6000),
    ("6 000", 6000),
    ("120", 120),
]
FRACTIONS = [("en", "12.5", 12.5), ("en", "6.000", 6), ("en", "1,5", Refused("a comma only separates")),
             ("ru", "12,5", 12.5), ("ru", "1,500", Refused("можно прочесть двояко")), ("ru", "6 000,5", 6000.5)]


def _yaml_quoted(text):
    return "'" + text + "'"


def _json_value(text):
    """JSON's number where the text is one JSON has (1e3, 120), else a string."""
    try:
        json.loads(text)
        return text
    except ValueError:
        return json.dumps(text)


def _csv_cell(text):
    return f'"{text}"' if "," in text else text


def _from_answers(ccadvisor, tmp_path, lang, qid, text):
    """(value or None, the error) for each answers path: YAML, YAML quoted, JSON, a CSV cell."""
    results = []
    for name, content in (("a.yaml", f"{qid}: {text}\n"), ("q.yaml", f"{qid}: {_yaml_quoted(text)}\n"),
                          ("a.json", f'{{"{qid}": {_json_value(text)}}}')):
        (tmp_path / name).write_text(content, encoding="utf-8")
        run = ccadvisor("--lang", lang, "advise", "--answers", str(tmp_path / name), "--format", "json")
        results.append((name, json.loads(run.out)["answers"][qid] if run.code == 0 else None,
                        run.err))
    (tmp_path / "in.csv").write_text(f"client,{qid}\nA,{_csv_cell(text)}\n", encoding="utf-8")
    row = json.loads(ccadvisor("--lang", lang, "batch", str(tmp_path / "in.csv"), "--format",
                               "jsonl").out)
    results.append(("in.csv", None if row["error"] else text, row["error"]))
    return results


def _at_the_prompt(typed_at, tmp_path, lang, qid, text):
    """(value or None, what the interview printed) for ``text`` typed at ``qid``'s prompt."""
    path = tmp_path / "s.yaml"
    run = typed_at(path, qid, text, lang=lang)
    return ("prompt", yaml.safe_load(path.read_text()).get(qid), run.out)


def _from_assumptions(ccadvisor, tmp_path, lang, key, text):
    """(value or None, the error) for each assumptions path: YAML, YAML quoted, JSON."""
    results = []
    for name, content in (("r.yaml", f"{key}: {text}\n"), ("rq.yaml", f"{key}: {_yaml_quoted(text)}\n"),
                          ("r.json", f'{{"{key}": {{"value": {_json_value(text)}}}}}')):
        (tmp_path / name).write_text(content, encoding="utf-8")
        run = ccadvisor("--lang", lang, "cost", "--answers", str(tmp_path / "min.yaml"),
                        "--assumptions", str(tmp_path / name), "--format", "json")
        value = ({n["key"]: n["value"] for n in json.loads(run.out)["numbers"]}[key]
                 if run.code == 0 else None)
        results.append((name, value, run.err))
    return results


def _agree(results, expected):
    for where, value, said in results:
        said = " ".join(said.split())  # the interview wraps its lines to the terminal's width
        if isinstance(expected, Refused):
            assert value is None and expected in said, (where, value, said)
        elif where == "in.csv":
            assert said == "", (where, said)
        else:
            assert value == expected and not said.startswith("ccadvisor: error"), (where, value, said)


@pytest.mark.parametrize("text, expected", WHOLE_NUMBERS)
def test_a_whole_number_reads_the_same_in_every_input_path(ccadvisor, typed_at, tmp_path, text, expected):
    """calls_per_month is both a question and a rate, whole in both; call_staff is asked early."""
    (tmp_path / "min.yaml").write_text("call_load: calls_lost\n")
    results = _from_answers(ccadvisor, tmp_path, "en", "calls_per_month", text)
    results.append(_at_the_prompt(typed_at, tmp_path, "en", "call_staff", text))
    results += _from_assumptions(ccadvisor, tmp_path, "en", "calls_per_month", text)
    _agree(results, expected)


@pytest.mark.parametrize("lang, text, expected", FRACTIONS)
def test_a_fraction_reads_the_same_in_every_input_path(ccadvisor, typed_at, tmp_path, lang, text, expected):
    """peak_hour_calls is a question and a rate, asked in the interview; Russian writes 12,5."""
    (tmp_path / "min.yaml").write_text("call_load: calls_lost\n")
    results = _from_answers(ccadvisor, tmp_path, lang, "peak_hour_calls", text)
    results.append(_at_the_prompt(typed_at, tmp_path, lang, "peak_hour_calls", text))
    results += _from_assumptions(ccadvisor, tmp_path, lang, "peak_hour_calls", text)
    _agree(results, expected)


@pytest.mark.parametrize("text, expected", [
    ("yes", "yes"), ("no", "no"), ("true", "yes"), ("False", "no"), ("да", "yes"),
    ("on", Refused("expected yes or no")), ("y", "yes"), ("1", Refused("expected yes or no")),
])
def test_a_yes_or_no_reads_the_same_in_every_input_path(ccadvisor, typed_at, tmp_path, text, expected):
    """docs/reference.md: yes/no questions take yes/no or true/false (and the Russian да/нет); YAML's own
    yes-words (on, off) are no answer here, nor is JSON's 1."""
    results = _from_answers(ccadvisor, tmp_path, "en", "planned_spikes", text)
    results.append(_at_the_prompt(typed_at, tmp_path, "en", "planned_spikes", text))
    _agree(results, expected)


@pytest.mark.parametrize("args, option, typed", [
    (("cost", "--example", "home_team_startup", "--months"), "'--months'", "1_2"),
    (("batch", "rows.csv", "--jobs"), "'--jobs' / '-j'", "1_0"),
    (("batch", "rows.csv", "--max-rows"), "'--max-rows'", "0x10"),
    (("kb", "check", "--runs"), "'--runs'", "1e2"),
    (("kb", "check", "--random-seed"), "'--random-seed'", "4_2"),
])
def test_a_whole_number_option_takes_digits_only(ccadvisor, args, option, typed):
    # Python's int() reads 1_2 as twelve; no answer, rate or prompt of the tool does.
    run = ccadvisor(*args, typed)
    assert run.code == 2
    assert run.err.splitlines()[-1] == f"Error: Invalid value for {option}: {typed!r} is not a valid integer."
