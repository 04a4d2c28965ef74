"""Properties that hold for every input, checked with hypothesis on modest example budgets:

* any valid answers file -> exactly one of the five options, a non-empty chain, exit 0;
* any mutation of it into invalid input -> the clean exit-2 one-liner, never a traceback;
* the same input -> byte-identical output, also across PYTHONHASHSEED values.
"""
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expert.inputs.catalog import load_catalog
from expert.reasoning.options import option_ids

CATALOG = list(load_catalog())
QUESTION_IDS = {q.id for q in CATALOG}
BUDGET = settings(max_examples=40, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def valid_value(question):
    """Every way an answers file may validly answer ``question`` (typed, as YAML/JSON hold it)."""
    unknown = st.sampled_from([None, "unknown"])
    if question.type == "yes_no":
        known = st.one_of(st.booleans(), st.sampled_from(["yes", "no", "Yes", "NO", "y", "n"]))
    elif question.type == "choice":
        known = st.sampled_from(question.choice_ids)
    elif question.integer:
        known = st.integers(int(question.min), int(question.max))
    else:
        known = st.floats(question.min, question.max, allow_nan=False)
    return st.one_of(known, known, unknown)  # mostly known


@st.composite
def answers_mappings(draw):
    chosen = draw(st.lists(st.sampled_from(CATALOG), unique_by=lambda q: q.id, max_size=len(CATALOG)))
    return {q.id: draw(valid_value(q)) for q in chosen}


def write_answers(directory, mapping, as_json):
    path = Path(directory) / ("answers.json" if as_json else "answers.yaml")
    path.write_bytes(json.dumps(mapping).encode() if as_json
                     else yaml.safe_dump(mapping, allow_unicode=True).encode())
    return path


def assert_clean_error(run, path):
    assert run.code == 2, run
    assert run.err.startswith(f"ccadvisor: error: {path}: "), run.err
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert run.out == ""


@BUDGET
@given(mapping=answers_mappings(), as_json=st.booleans())
def test_any_valid_answers_give_one_of_the_five_options_and_a_chain(ccadvisor, tmp_path, mapping, as_json):
    path = write_answers(tmp_path, mapping, as_json)
    run = ccadvisor("advise", "--answers", str(path), "--format", "json")
    assert run.code == 0, run
    report = json.loads(run.out)
    assert report["recommendation"]["option"] in option_ids()
    assert report["recommendation"]["option"] == report["options"][0]["option"]
    # a chain to show, unless no answer bore on anything (then nothing is recommended)
    assert report["fired_rules"] or report["recommendation"]["no_evidence"]
    assert set(report["answers"]) <= set(mapping)


NOT_AN_ID = st.from_regex(r"[a-z][a-z_]{0,20}", fullmatch=True).filter(
    lambda s: s not in QUESTION_IDS and s != "meta")


# Values no number question may take, whatever its range: they once gave tracebacks.
NOT_FINITE_OR_HUGE = st.one_of(
    st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308]),
    st.integers(min_value=10**16, max_value=10**500), st.integers(min_value=-10**500, max_value=-10**16),
    st.floats(min_value=1e16, allow_infinity=True, allow_nan=False))


@st.composite
def wrong_values(draw):
    """(question id, a value of the wrong type or out of range for it)."""
    question = draw(st.sampled_from(CATALOG))
    if question.type == "number":
        wrong = st.one_of(st.booleans(), st.sampled_from(["lots", "ten", ""]),
                          st.just(question.max + 1), st.just(question.min - 1),
                          st.lists(st.integers(), min_size=1, max_size=2), NOT_FINITE_OR_HUGE)
        if question.integer:
            wrong = st.one_of(wrong, st.just(question.min + 0.5))
    elif question.type == "choice":
        # A choice whose choices are a plain yes and no takes yes/no words as a yes/no question
        # does (and true/false, as the answers file reads them): those are no wrong value there.
        disguised = bool(question.yes_no_choices())
        wrong = st.one_of(st.integers(), *([] if disguised else [st.booleans()]),
                          st.text(min_size=1, max_size=10).filter(
                              lambda t: t.strip() not in question.choice_ids and t.strip().lower() != "unknown"
                              and (not disguised or question._yes_no_choice(t) is None)))
    else:
        wrong = st.one_of(st.integers(), st.sampled_from(["maybe", "si", "2"]))
    return question.id, draw(wrong)


@BUDGET
@given(mapping=answers_mappings(), as_json=st.booleans(), data=st.data(),
       mutation=st.sampled_from(["unknown_id", "wrong_value", "bad_bytes", "truncated_json"]))
def test_any_mutation_into_invalid_input_is_a_clean_exit_2(ccadvisor, tmp_path, mapping, as_json, data, mutation):
    if mutation == "unknown_id":
        mapping[data.draw(NOT_AN_ID)] = "yes"
    elif mutation == "wrong_value":
        qid, value = data.draw(wrong_values())
        mapping[qid] = value
    path = write_answers(tmp_path, mapping, as_json or mutation == "truncated_json")
    raw = path.read_bytes()
    if mutation == "bad_bytes":  # never valid UTF-8
        at = data.draw(st.integers(0, len(raw)))
        path.write_bytes(raw[:at] + b"\xff\xfe" + raw[at:])
    elif mutation == "truncated_json":
        path.write_bytes(raw[:-1])  # the closing brace is gone
    run = ccadvisor("advise", "--answers", str(path))
    assert_clean_error(run, path)


@BUDGET
@given(mapping=answers_mappings(), as_json=st.booleans(), data=st.data())
def test_any_non_finite_or_huge_number_is_a_clean_exit_2(ccadvisor, tmp_path, mapping, as_json, data):
    question = data.draw(st.sampled_from([q for q in CATALOG if q.type == "number"]))
    mapping[question.id] = data.draw(NOT_FINITE_OR_HUGE)
    path = write_answers(tmp_path, mapping, as_json)
    run = ccadvisor("advise", "--answers", str(path))
    assert_clean_error(run, path)


@BUDGET
@given(mapping=answers_mappings())
def test_the_same_answers_always_give_byte_identical_output(ccadvisor, tmp_path, mapping):
    path = write_answers(tmp_path, mapping, as_json=False)
    first = ccadvisor("advise", "--answers", str(path), "--format", "json")
    ccadvisor("advise", "--example", "network_explosive_growth")  # something else in between
    second = ccadvisor("advise", "--answers", str(path), "--format", "json")
    assert first.code == 0 and first.out == second.out


def random_profile(rng):
    """A fixed pseudo-random profile (hypothesis' own draws are for @given tests)."""
    profile = {}
    for q in CATALOG:
        if rng.random() < 0.3:
            continue
        if q.type == "yes_no":
            profile[q.id] = rng.choice(["yes", "no"])
        elif q.type == "choice":
            profile[q.id] = rng.choice(q.choice_ids)
        else:
            profile[q.id] = rng.choice([q.min, q.max, int(10 ** rng.uniform(0, 6)) % (q.max + 1)])
    return profile


def test_output_is_byte_identical_across_hash_seeds(tmp_path):
    """Two fresh interpreters, two PYTHONHASHSEEDs: a batch of varied profiles and a full report."""
    lines = [json.dumps({"client": f"c{i}", **random_profile(random.Random(i))}) for i in range(60)]
    batch = tmp_path / "profiles.jsonl"
    batch.write_text("\n".join(lines) + "\n")

    def run(seed, *args):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args],
                              capture_output=True, env=env, cwd=tmp_path, check=True)
        return done.stdout

    for args in (("batch", str(batch), "--format", "jsonl"),
                 ("advise", "--example", "network_explosive_growth", "--format", "md")):
        assert run(1, *args) == run(2, *args), args
