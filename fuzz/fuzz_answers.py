"""Fuzz target: the answers-file loader must turn any bytes into answers or an InputError.

Run with atheris (coverage-guided), for a bounded time, from the repository root::

    python fuzz/fuzz_answers.py "$(mktemp -d)" fuzz/seeds -max_total_time=30

Each input's first byte picks the file name suffix (.yaml or .json: the loader decides the
format from the suffix and the first character), the rest is the file's content; the seeds in
fuzz/seeds/ start with that byte, and new inputs go to the first (scratch) directory. Anything but
an InputError escaping ``load_answers`` is a crash: atheris prints the traceback and the input and
saves it as ``crash-<hash>``, which ``python fuzz/fuzz_answers.py crash-<hash>`` replays.
The same ``check_one`` is used by tests/test_fuzz.py with hypothesis-made bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "fuzz"))  # harness.py, also when a test loads this file by path

import expert.reasoning  # noqa: E402,F401  (the experta compatibility fix comes first)
from harness import one_line, write_input  # noqa: E402


def check_one(data: bytes, directory: str) -> None:
    """Load ``data[1:]`` as an answers file; only InputError may escape."""
    from expert.inputs.answers import load_answers
    from expert.errors import InputError
    path = write_input(data, directory, "answers", (".yaml", ".json"))
    try:
        answers, meta = load_answers(path)
    except InputError as err:
        one_line(str(err))
        return
    assert isinstance(answers, dict) and isinstance(meta, dict)
    repr(meta).encode("utf-8")  # printable and writable: no lone surrogate got through


def main() -> None:
    from harness import fuzz
    fuzz(check_one, ["expert.inputs.answers", "expert.inputs.catalog"])


if __name__ == "__main__":
    main()
