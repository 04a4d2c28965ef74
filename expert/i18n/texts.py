"""The texts of data (questions, choices, options, advice, rule titles) in the current language.

They are translated beside their data: ``<dir>/<lang>/<file>.yaml`` holds, for the same ids, only
the fields a user reads (``data/questions/ru/10_need.yaml`` for ``data/questions/10_need.yaml``,
``rules/ru/sourcing.yaml`` for ``rules/sourcing.py``). English, the source language, has none.
A missing text falls back to English, as gettext does; the test suite fails on any that is
missing for a shipped language (tests/unit/test_i18n_coverage.py).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from expert.i18n import DEFAULT, current

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def translation_file(source: str | Path, lang: str) -> Path:
    """Where ``lang``'s texts for the data in ``source`` live."""
    source = Path(source)
    return source.parent / lang / (source.stem + ".yaml")


@lru_cache(maxsize=None)
def table(source: str, lang: str) -> dict:
    """``lang``'s texts for ``source``, keyed by its ids ({} when there are none)."""
    if lang == DEFAULT:
        return {}
    path = translation_file(source, lang)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return yaml.load(text, Loader=_Loader) or {}  # noqa: S506 - a safe loader


def localized(source: str | Path, *keys, default):
    """The text at ``keys`` (an id, then a field...) in the current language's table for
    ``source``; ``default`` (the English) when the language is English or the text is missing."""
    lang = current()
    if lang == DEFAULT:
        return default
    node = table(str(source), lang)
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return default
        node = node[key]
    return default if node is None else node


def overlaid(source: str | Path, entries: dict, lang: str | None = None) -> dict:
    """``entries`` (id -> fields, as read from ``source``) with each entry's fields replaced by
    their translation into ``lang`` (default: the current language), where there is one."""
    words = table(str(source), lang or current())
    if not words:
        return entries
    return {key: {**entry, **(words.get(key) or {})} if isinstance(entry, dict) else entry
            for key, entry in entries.items()}
