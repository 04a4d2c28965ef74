"""The experta/frozendict fix (expert/reasoning/_experta/__init__.py) works in a clean interpreter."""
import subprocess
import sys

CHECK = """
import collections, collections.abc
from expert.reasoning.advisor import advise
from expert.inputs.catalog import load_catalog
result = advise(load_catalog().validate({"period": "short_term"}))
assert collections.Mapping is collections.abc.Mapping
print(result.decision.option, [f.rule for f in result.firings][0])
"""


def test_engine_imports_and_runs_in_a_clean_interpreter():
    # -I: no PYTHONPATH, no user site, no current directory on sys.path: only the installed package.
    done = subprocess.run([sys.executable, "-I", "-c", CHECK], capture_output=True, text=True,
                          cwd="/", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["outsource", "short_term_task_favours_outsourcing"]


def test_plain_experta_import_fails_without_the_fix():
    """Guards the reason for the shim: if this starts passing, the fix in expert/reasoning/_experta/__init__.py can go."""
    done = subprocess.run([sys.executable, "-I", "-c", "import experta"], capture_output=True,
                          text=True, cwd="/", timeout=120)
    assert done.returncode != 0 and "collections" in done.stderr
