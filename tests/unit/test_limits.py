"""Size and depth limits on input files, checked before parsing, each a clean exit-2 one-liner."""
import pytest

from expert.inputs.answers import MAX_DEPTH, load_answers
from expert.errors import InputError


def advise(ccadvisor, path):
    return ccadvisor("advise", "--answers", str(path))


def test_a_50_mb_answers_file_is_refused_from_its_size(ccadvisor, tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: reading it whole would show up as 50 MB of zeros
    run = advise(ccadvisor, big)
    assert run.code == 2
    assert run.err == f"ccadvisor: error: {big}: file is 50,000,000 bytes, over the 1,048,576-byte limit\n"


def test_a_file_just_over_the_limit_is_refused_and_one_under_it_is_parsed(tmp_path):
    over = tmp_path / "over.yaml"
    over.write_text("#" * (1024 * 1024) + "\n")
    with pytest.raises(InputError, match="over the 1,048,576-byte limit"):
        load_answers(over)
    under = tmp_path / "under.yaml"
    under.write_text("#" * 1000 + "\nperiod: short_term\n")
    assert load_answers(under)[0] == {"period": "short_term"}


@pytest.mark.parametrize("name, text, message", [
    ("deep.json", '{"meta": ' + "[" * 10_000 + "]" * 10_000 + "}",
     f"line 1: nested deeper than {MAX_DEPTH} levels"),
    ("deep.yaml", "meta: " + "[" * 10_000 + "]" * 10_000 + "\n", f"line 1: nested deeper than {MAX_DEPTH} levels"),
    ("deep_block.yaml", "".join("  " * i + f"k{i}:\n" for i in range(40)),
     f"line {MAX_DEPTH + 1}: nested deeper than {MAX_DEPTH} levels"),
    ("laughs.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n",
     "line 2: YAML aliases (*a) are not allowed in answers files"),
    # Numbers and dates are read as the text they are written in (the one parser of every input
    # path), so neither parser's own refusal reaches the user.
    ("long_int.json", '{"customer_base": ' + "9" * 5000 + "}",
     "line 1: invalid answer '" + "9" * 40 + "...' for 'customer_base': expected a whole number"),
    ("bad_date.yaml", "period: 2024-13-45\n",
     "line 1: invalid answer '2024-13-45' for 'period': expected one of short_term, long_term"),
    ("list_key.yaml", "? [a, b]\n: c\n", "line 1: a key must be a plain value"),
])
def test_hostile_structures_are_refused_cleanly(ccadvisor, tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    run = advise(ccadvisor, path)
    assert run.code == 2, run
    assert run.err.startswith(f"ccadvisor: error: {path}: {message}")
    assert run.err.count("\n") == 1


def test_brackets_inside_json_strings_do_not_count_as_depth(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('{"meta": {"notes": {"period": "[[[[[[[[[[[[ \\" {{{{{{{{{{"}}, "period": "short_term"}')
    answers, meta = load_answers(path)
    assert answers == {"period": "short_term"}
    assert meta["notes"]["period"].startswith("[[[[")
