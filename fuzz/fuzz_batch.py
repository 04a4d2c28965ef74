"""Fuzz target: the batch readers (CSV and JSONL) must turn any bytes into rows or an InputError.

Run with atheris (coverage-guided), for a bounded time, from the repository root::

    python fuzz/fuzz_batch.py "$(mktemp -d)" fuzz/seeds_batch -max_total_time=15

Each input's first byte picks the file name suffix (.csv or .jsonl), the rest is the file's
content; the seeds in fuzz/seeds_batch/ start with that byte. Anything but an InputError escaping
``iter_rows`` is a crash, and so is a row that is neither valid answers nor a one-line error
(atheris saves the input as ``crash-<hash>``; ``python fuzz/fuzz_batch.py crash-<hash>`` replays
it). The same ``check_one`` is used by tests/property/test_fuzz.py with hypothesis-made bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fuzz"))  # harness.py, also when a test loads this file by path

import expert.reasoning  # noqa: E402,F401  (the experta compatibility fix comes first)
from harness import one_line, write_input  # noqa: E402

MAX_ROWS = 1000  # a fuzz input is small; the limit itself is part of what is exercised


def check_one(data: bytes, directory: str) -> None:
    """Read ``data[1:]`` as a batch file; only InputError may escape, every row must be usable."""
    from expert.errors import InputError
    from expert.inputs.rows import iter_rows
    path = write_input(data, directory, "rows", (".csv", ".jsonl"))
    try:
        for row in iter_rows(path, max_rows=MAX_ROWS):
            assert isinstance(row.answers, dict) and isinstance(row.client, str)
            one_line(row.error, "row error")
            assert not (row.error and row.answers), "a failed row keeps no answers"
            row.client.encode("utf-8")  # printable and writable, no lone surrogate
    except InputError as err:
        one_line(str(err))


def main() -> None:
    from harness import fuzz
    fuzz(check_one, ["expert.inputs.rows", "expert.inputs.catalog"])


if __name__ == "__main__":
    main()
