"""Every text a user reads has its Russian: each data id beside its data (``<dir>/ru/<file>``),
each rule beside its module (``rules/ru/<module>.yaml``). A new question, option, advice item or
rule without its Russian fails here, naming it; so does a translation left behind for an id
that no longer exists."""
import re
from pathlib import Path

import pytest

from expert import DATA_DIR
from expert.i18n import LANGUAGES
from expert.i18n.texts import table, translation_file
from expert.inputs.yamlload import load_yaml
from rules import all_rules

OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != "en"]
WORDS = re.compile(r"[A-Za-z]{2,}")


def has_words(text) -> bool:
    """Does this English text need translating? (A number, an id after "->" does not.)"""
    return isinstance(text, str) and bool(WORDS.search(text.split("->")[0]))


def gaps(entries: dict, words: dict, fields, where: str) -> list[str]:
    """What ``words`` (id -> translated fields) lacks for ``entries`` (id -> English fields),
    and what it holds for ids that do not exist."""
    found = []
    for key, entry in entries.items():
        for name in fields:
            english = entry.get(name) if isinstance(entry, dict) else None
            if isinstance(english, dict):  # choices: every label
                given = ((words.get(key) or {}).get(name)) or {}
                found += [f"{where}: {key}.{name}.{k}" for k, v in english.items()
                          if has_words(v) and not str(given.get(k) or "").strip()]
            elif isinstance(english, list):  # advice points: as many, in order
                given = (words.get(key) or {}).get(name) or []
                if len(given) != len(english) or not all(str(g).strip() for g in given):
                    found.append(f"{where}: {key}.{name} ({len(english)} in English, {len(given)} here)")
            elif has_words(english) and not str((words.get(key) or {}).get(name) or "").strip():
                found.append(f"{where}: {key}.{name}")
    found += [f"{where}: {key} (no such id)" for key in words if key not in entries]
    return found


def question_gaps(lang):
    found = []
    for path in sorted((DATA_DIR / "questions").glob("*.yaml")):
        entries = {q["id"]: q for q in load_yaml(path)}
        found += gaps(entries, table(str(path), lang), ("text", "help", "example", "choices", "unit"),
                      str(translation_file(path, lang).relative_to(DATA_DIR)))
    return found


def data_gaps(lang):
    found = []
    options = load_yaml(DATA_DIR / "options.yaml")
    words = table(str(DATA_DIR / "options.yaml"), lang)
    found += gaps({s["id"]: s for s in options["stages"]}, words.get("stages") or {},
                  ("label", "question"), f"data/{lang}/options.yaml: stages")
    found += gaps({o["id"]: o for o in options["options"]}, words.get("options") or {},
                  ("label", "summary"), f"data/{lang}/options.yaml: options")
    for name, fields in (("advice", ("title", "points")), ("seeds", ("title", "language")),
                         ("assumptions", ("text", "unit")), ("cost_components", ("label",))):
        path = DATA_DIR / f"{name}.yaml"
        found += gaps(load_yaml(path), table(str(path), lang), fields, f"data/{lang}/{name}.yaml")
    for path in sorted((DATA_DIR / "examples").glob("*.yaml")):
        found += gaps({"meta": load_yaml(path)["meta"]}, table(str(path), lang),
                      ("client", "description"), f"data/examples/{lang}/{path.name}")
    return found


def rule_gaps(lang):
    found, by_module = [], {}
    for meta in all_rules():
        by_module.setdefault(meta.origin, {})[meta.id] = meta
    for origin, metas in by_module.items():
        fields = {rid: {"title": m.english("title"), "reason": m.english("reason"),
                        # A quote in the output's own language needs no gloss; any other does.
                        "gloss": m.english("gloss") if not quote_in(m.seed, lang) else ""}
                  for rid, m in metas.items()}
        found += gaps(fields, table(origin, lang), ("title", "reason", "gloss"),
                      f"rules/{lang}/{Path(origin).stem}.yaml")
    return found


SEED_LANGUAGES = {"Russian": "ru", "Bulgarian": "bg"}


def quote_in(seed: str, lang: str) -> bool:
    """Is the seed (so every quote from it) written in ``lang``? data/seeds.yaml says."""
    return SEED_LANGUAGES.get(load_yaml(DATA_DIR / "seeds.yaml")[seed]["language"]) == lang


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize("kind", [question_gaps, data_gaps, rule_gaps], ids=["questions", "data", "rules"])
def test_every_text_has_its_translation(kind, lang):
    missing = kind(lang)
    assert not missing, f"{len(missing)} texts lack their {lang} translation: " + "; ".join(missing[:20])


def test_a_missing_translation_is_named():
    """The check itself: a question without its Russian, and one that does not exist, are named."""
    entries = {"call_load": {"text": "How?", "choices": {"a": "Staff cope", "b": "Lost"}}}
    words = {"call_load": {"text": "Как?", "choices": {"a": "Справляются"}}, "gone": {"text": "x"}}
    assert gaps(entries, words, ("text", "choices"), "f.yaml") == [
        "f.yaml: call_load.choices.b", "f.yaml: gone (no such id)"]
