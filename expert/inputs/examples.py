"""The bundled examples: answers files in data/examples/, each with a one-line description."""
from __future__ import annotations

from pathlib import Path

from expert import DATA_DIR
from expert.errors import InputError, did_you_mean
from expert.i18n import gettext as _
from expert.i18n.texts import localized
from expert.inputs.answers import load_answers

EXAMPLES_DIR = DATA_DIR / "examples"


def example_names() -> list[str]:
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


def example_path(name: str) -> Path:
    path = EXAMPLES_DIR / f"{name}.yaml"
    if name not in example_names():
        raise InputError(_("unknown example '{name}'").format(name=name)
                         + did_you_mean(name, example_names(),
                                        " " + _("(see 'ccadvisor examples')")))
    return path


def load_example(name: str) -> tuple[dict, dict]:
    """(answers, meta); the meta's words (client, description) in the output's language."""
    path = example_path(name)
    answers, meta = load_answers(path)
    return answers, {**meta, **localized(path, "meta", default={})}


def list_examples() -> list[tuple[str, str]]:
    """(name, description) for every bundled example."""
    return [(name, load_example(name)[1].get("description", "")) for name in example_names()]
