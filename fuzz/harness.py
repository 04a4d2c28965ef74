"""What the fuzz targets share: running one under atheris, or saying why not."""
from __future__ import annotations

import os
import sys
import tempfile


def write_input(data: bytes, directory: str, stem: str, suffixes: tuple[str, str]) -> str:
    """The fuzz input as a file: its first byte picks the suffix (even: the first, odd: the
    second), the rest is the content. Returns the path."""
    path = os.path.join(directory, stem + suffixes[bool(data[:1] and data[0] % 2)])
    with open(path, "wb") as handle:
        handle.write(data[1:])
    return path


def one_line(message: str, what: str = "error message") -> None:
    """A refusal the tool prints must be one line, printable and writable (no lone surrogate)."""
    assert "\n" not in message, f"{what} is not one line: {message!r}"
    message.encode("utf-8")


def fuzz(check_one, modules: list[str]) -> None:
    """Coverage-guided fuzzing of ``check_one(data, directory)`` over the given modules."""
    try:
        import atheris
    except ImportError:  # no wheel for this platform: tests/property/test_fuzz.py still covers it
        print(f"{sys.argv[0]}: atheris is not installed; skipping coverage-guided fuzzing")
        return
    with atheris.instrument_imports(include=["expert", "yaml", "json", "csv"]):
        for module in modules:
            __import__(module)
    from expert.inputs.catalog import load_catalog
    load_catalog()  # read the questions once, outside the measured inputs
    directory = tempfile.mkdtemp(prefix="ccadvisor-fuzz-")
    atheris.Setup(sys.argv, lambda data: check_one(data, directory))
    atheris.Fuzz()
