"""The import direction is a contract (setup.cfg, [importlinter]), checked by import-linter.

It holds for the code as it is, and it fails - naming the offending import - when a module
reaches the wrong way: here a copy of the tree where the decision imports click and the cost
model imports the report.
"""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())"]


def lint(root: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH first, so the copy's packages are the ones analysed, not the installed ones.
    return subprocess.run(LINT, cwd=root, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})


def test_the_layers_hold():
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 3 kept, 0 broken." in done.stdout


def test_a_wrong_way_import_breaks_the_contract(tmp_path):
    for name in ("expert", "rules", "commands"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__", "data", "templates"))
    shutil.copy(ROOT / "setup.cfg", tmp_path / "setup.cfg")
    decision = tmp_path / "expert" / "reasoning" / "decision.py"
    decision.write_text("import click  # noqa\n" + decision.read_text())
    cost = tmp_path / "expert" / "numbers" / "cost.py"
    cost.write_text("from expert.report import model  # noqa\n" + cost.read_text())
    done = lint(tmp_path)
    assert done.returncode == 1
    assert "expert.numbers is not allowed to import expert.report" in done.stdout
    assert "expert.numbers.cost -> expert.report.model" in done.stdout
    assert "expert.reasoning.decision -> click" in done.stdout
