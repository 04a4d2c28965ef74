"""What the fuzz targets share: running one under atheris, or saying why not."""
from __future__ import annotations

import sys
import tempfile


def fuzz(check_one, modules: list[str], warm_up) -> None:
    """Coverage-guided fuzzing of ``check_one(data, directory)`` over the given modules."""
    try:
        import atheris
    except ImportError:  # no wheel for this platform: tests/property/test_fuzz.py still covers it
        print(f"{sys.argv[0]}: atheris is not installed; skipping coverage-guided fuzzing")
        return
    with atheris.instrument_imports(include=["expert", "yaml", "json", "csv"]):
        for module in modules:
            __import__(module)
    warm_up()  # e.g. read the questions once, outside the measured inputs
    directory = tempfile.mkdtemp(prefix="ccadvisor-fuzz-")
    atheris.Setup(sys.argv, lambda data: check_one(data, directory))
    atheris.Fuzz()
