"""The answers-file loader, the batch readers and the assumptions-file loader under fuzzing: any
bytes give answers (or rows, or rates) or an InputError, nothing else.

Coverage-guided fuzzing (atheris, fuzz/fuzz_answers.py, fuzz/fuzz_batch.py and
fuzz/fuzz_assumptions.py) runs for a bounded time from .ci/run;
here the same check runs on a fixed budget of hypothesis-made inputs, plus the inputs the fuzzer
has already broken the loader with (kept so they stay fixed).
"""
import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from expert.inputs.catalog import load_catalog

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
SEEDS = sorted((FUZZ / "seeds").iterdir())


def _load_target(name):
    spec = importlib.util.spec_from_file_location(name, FUZZ / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_one = _load_target("fuzz_answers").check_one
check_batch = _load_target("fuzz_batch").check_one
BATCH_SEEDS = sorted((FUZZ / "seeds_batch").iterdir())
check_assumptions = _load_target("fuzz_assumptions").check_one
ASSUMPTIONS_SEEDS = sorted((FUZZ / "seeds_assumptions").iterdir())
BUDGET = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])
YAML, JSON = b"\x00", b"\x01"  # the target's first byte: which suffix the file gets


@pytest.mark.parametrize("data", [
    YAML + b"period: short_term\x00\n",                      # a NUL: the reader's two-line error
    YAML + b"? [a, b]\n: c\n",                                # a list as a key
    YAML + b"period: 2024-13-45\n",                           # an impossible date
    JSON + b'{"customer_base": ' + b"9" * 5000 + b"}",        # an int too long for int()
    YAML + b'"call\\nload": x\n',                             # a line break inside a key
    YAML + b"meta:\n  notes:\n    \"a\\nb\": x\n",            # ... and inside a notes key
    YAML + b"a: &a [1]\nb: *a\n",                             # an alias
    JSON + b"[" * 100_000,                                    # deep nesting
    YAML + b"\xff\xfe",                                       # not UTF-8
], ids=["nul", "list-key", "bad-date", "long-int", "newline-key", "newline-note", "alias", "deep", "utf8"])
def test_inputs_that_once_broke_the_loader(tmp_path, data):
    check_one(data, str(tmp_path))


def test_an_assumptions_key_with_a_line_break_is_one_line(tmp_path):
    """It once broke the assumptions loader's one-line error: 'unknown assumption' on two lines."""
    check_assumptions(YAML + b'"a\\nb": 1\n', str(tmp_path))


TARGETS = {"answers": check_one, "batch": check_batch, "assumptions": check_assumptions}
TARGET_SEEDS = {"answers": SEEDS, "batch": BATCH_SEEDS, "assumptions": ASSUMPTIONS_SEEDS}


@pytest.mark.parametrize("target", TARGETS)
@BUDGET
@given(data=st.binary(max_size=400))
def test_random_bytes(tmp_path, target, data):
    TARGETS[target](data, str(tmp_path))


@pytest.mark.parametrize("target", TARGETS)
@BUDGET
@given(choice=st.data(), cut=st.integers(0, 10_000),
       flips=st.lists(st.tuples(st.integers(1, 10_000), st.integers(0, 255)), max_size=6))
def test_mutated_seed_files(tmp_path, target, choice, cut, flips):
    data = bytearray(choice.draw(st.sampled_from(TARGET_SEEDS[target])).read_bytes())
    for position, byte in flips:
        data[position % len(data)] = byte
    TARGETS[target](bytes(data[:max(1, cut % (len(data) + 1))]), str(tmp_path))


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(),
                    st.sampled_from([10**400, -10**400, float("inf"), float("nan")]),
                    st.text(max_size=20), st.sampled_from(["yes", "no", "unknown", "short_term", "1"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
KEYS = st.one_of(st.sampled_from([q.id for q in load_catalog()] + ["meta"]), st.text(max_size=12))


@BUDGET
@given(mapping=st.dictionaries(KEYS, VALUES, max_size=8), as_json=st.booleans())
def test_structured_mappings(tmp_path, mapping, as_json):
    import json

    import yaml
    if as_json:
        data = JSON + json.dumps(mapping).encode()
    else:
        data = YAML + yaml.safe_dump(mapping, allow_unicode=True).encode()
    check_one(data, str(tmp_path))


CSV, JSONL = b"\x00", b"\x01"  # the batch target's first byte


@pytest.mark.parametrize("data", [
    CSV + b'"' * 70 + b"\x011\nC,e",                        # a header cell with a line break
    CSV + b"client,call_staff\nA," + b"9" * 400 + b"\nB,1e309\n",  # huge and infinite cells
    JSONL + b'{"call_staff": Infinity}\n{"call_staff": ' + b"9" * 400 + b"}\n",
    JSONL + b'{"client": "\\ud800"}\n',                      # a lone surrogate
    CSV + b"client\n" + b"a\n" * 1001,                        # over the fuzz target's row limit
    CSV + b"\x00" * 2_000_000,                                 # a line longer than the cap
], ids=["header-newline", "csv-huge", "jsonl-huge", "surrogate", "row-limit", "long-line"])
def test_batch_inputs_that_once_broke_the_readers(tmp_path, data):
    check_batch(data, str(tmp_path))
