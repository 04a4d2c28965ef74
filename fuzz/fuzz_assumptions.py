"""Fuzz target: the assumptions-file loader must turn any bytes into rates or an InputError.

Run with atheris (coverage-guided), for a bounded time, from the repository root::

    python fuzz/fuzz_assumptions.py "$(mktemp -d)" fuzz/seeds_assumptions -max_total_time=30

Each input's first byte picks the file name suffix (.yaml or .json), the rest is the file's
content; the seeds in fuzz/seeds_assumptions/ start with that byte. Anything but an InputError
escaping ``load_assumptions`` is a crash, and so is a rate the cost model could not use (not a
finite number in its range) or a currency that is not an ISO 4217 code: atheris saves the input
as ``crash-<hash>``, which ``python fuzz/fuzz_assumptions.py crash-<hash>`` replays. The same
``check_one`` is used by tests/property/test_fuzz.py with hypothesis-made bytes.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fuzz"))  # harness.py, also when a test loads this file by path

import expert.reasoning  # noqa: E402,F401  (the experta compatibility fix comes first)
from harness import one_line, write_input  # noqa: E402


def check_one(data: bytes, directory: str) -> None:
    """Load ``data[1:]`` as an assumptions file; only InputError may escape, every rate usable."""
    from expert.errors import InputError
    from expert.i18n.numbers import is_currency
    from expert.numbers.assumptions import CURRENCY, load_assumptions, shipped_assumptions
    path = write_input(data, directory, "rates", (".yaml", ".json"))
    try:
        rates = load_assumptions(path)
    except InputError as err:
        one_line(str(err))
        return
    assert is_currency(rates.pop(CURRENCY)), "a currency that is no ISO 4217 code got through"
    for key, entry in shipped_assumptions().items():
        value = rates[key]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (key, value)
        assert math.isfinite(value) and entry["min"] <= value <= entry["max"], (key, value)


def main() -> None:
    from harness import fuzz
    fuzz(check_one, ["expert.numbers.assumptions", "expert.inputs.answers"])


if __name__ == "__main__":
    main()
