"""YAML loading through libyaml when PyYAML was built with it (its wheels are).

The pure-Python SafeLoader took a third of a cold ``ccadvisor advise`` (about 0.3 s for the
question catalog, advice and assumptions); the C parser with the same safe constructor builds the
same objects in a tenth of that. Falls back to the pure-Python loader where libyaml is absent.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from expert.i18n import current
from expert.i18n.texts import overlaid

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: str | Path):
    """Parse one of the package's own data files."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SafeLoader)  # noqa: S506 - safe


def load_localized(path: str | Path, lang: str | None = None) -> dict:
    """A data file of id -> fields (advice, seeds, assumptions, cost components), each entry's
    words in ``lang`` (default: the output's language) from its translation beside it. Read once
    per language: callers only read it."""
    return _localized(str(path), lang or current())


@lru_cache(maxsize=None)
def _localized(path: str, lang: str) -> dict:
    return overlaid(path, load_yaml(path), lang)
