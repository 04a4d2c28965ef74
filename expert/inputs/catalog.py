"""The question catalog: what can be asked, in which type, and what counts as a valid answer.

The questions themselves are data (``data/questions/*.yaml``, one file per topic, read in file
name order); this module only loads them and validates answers against them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from expert import DATA_DIR
from expert.errors import InputError, did_you_mean
from expert.inputs import numeric
from expert.i18n import N_, current
from expert.i18n import gettext as _
from expert.i18n import numbers as local
from expert.i18n.texts import table
from expert.inputs.yamlload import load_yaml
from expert.inputs.values import Several

QUESTIONS_DIR = DATA_DIR / "questions"
TYPES = ("yes_no", "choice", "number")
UNKNOWN = "unknown"
# "Unknown" as people type it, in every language the tool speaks.
_UNKNOWN_WORDS = {UNKNOWN, "неизвестно", "не знаю"}
# Yes and no as people type them, in every language the tool speaks (a Russian consultant may
# run English output, and the reverse).
_YES = {"yes", "y", "true", "да", "д"}
_NO = {"no", "n", "false", "нет", "н"}
_YES_NO_WORDS = {"yes": N_("yes"), "no": N_("no")}
# What separates the choices of a multi-choice answer typed as one line: "2,3", "2, 3", "2 3".
_SEPARATORS = re.compile(r"[,;\s]+")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    type: str
    source: str
    topic: str
    help: str = ""
    example: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (choice id, label), in the order shown
    min: float | None = None
    max: float | None = None
    unit: str = ""
    integer: bool = False
    # A choice question whose choices can hold at once (seed 003's row lists symptoms that can
    # all be true): several answers are taken, each reasoned on; ``alone``: the choices that
    # cannot go with another (that staff cope rules out lost calls).
    multiple: bool = False
    alone: tuple[str, ...] = ()

    @property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.choices)

    def label(self, value) -> str:
        """The human wording of a normalised answer value (several: each, joined by "; ")."""
        if isinstance(value, Several):
            return "; ".join(self.label(v) for v in value)
        if self.type == "choice":
            return dict(self.choices).get(value, str(value))
        if self.type == "number":
            return f"{local.answer(value)} {self.unit}".strip()
        return _(_YES_NO_WORDS[value]) if value in _YES_NO_WORDS else str(value)

    def expects(self) -> str:
        """What a valid answer looks like, for error messages and prompts."""
        if self.type == "yes_no":
            return _("yes or no")
        if self.type == "choice" and self.multiple:
            return _("one or more of {choices}, separated by commas").format(
                choices=", ".join(self.choice_ids))
        if self.type == "choice":
            return _("one of {choices}").format(choices=", ".join(self.choice_ids))
        kind = (_("a whole number from {min} to {max}") if self.integer
                else _("a number from {min} to {max}"))
        return kind.format(min=local.answer(self.min), max=local.answer(self.max)) + (f" ({self.unit})" if self.unit else "")

    def validate(self, value):
        """Normalise a typed value (from YAML/JSON). None means unknown. Raises InputError."""
        if value is None or (isinstance(value, str) and value.strip().lower() in _UNKNOWN_WORDS):
            return None
        if self.multiple:
            return self._several(value)
        if isinstance(value, (list, tuple)):  # a YAML or JSON list for a one-answer question
            raise InputError(_("'{qid}' takes one answer, not a list: expected {expected}")
                             .format(qid=self.id, expected=self.expects()))
        if self.type == "yes_no":
            if isinstance(value, bool):
                return "yes" if value else "no"
            if isinstance(value, str) and value.strip().lower() in _YES | _NO:
                return "yes" if value.strip().lower() in _YES else "no"
        elif self.type == "choice":
            if isinstance(value, str) and value.strip() in self.choice_ids:
                return value.strip()
            meant = self._yes_no_choice(value)
            if meant is not None:
                return meant
        elif isinstance(value, str) and value.strip():
            return self.validate(self._parsed_number(value))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            reason = numeric.problem(value)  # inf, NaN, 400 digits: before any arithmetic
            if reason:
                raise InputError(_("invalid answer {value} for '{qid}': {reason}; expected "
                                   "{expected}").format(value=numeric.shown(value), qid=self.id,
                                                        reason=reason, expected=self.expects()))
            if self.integer and value != int(value):  # 2.5 people
                raise self._wrong(value)
            if not self.min <= value <= self.max:
                raise InputError(_("{value} is out of range for '{qid}': expected {expected}")
                                 .format(value=local.answer(value), qid=self.id,
                                         expected=self.expects()))
            return int(value) if self.integer else value
        raise self._wrong(value)

    def parse_text(self, text: str):
        """Normalise an answer typed as text (prompt, CSV cell). Choices also take their number."""
        text = text.strip()
        if not text or text.lower() in _UNKNOWN_WORDS:
            return None
        if self.multiple:
            return self._several(text, numbered=True)
        if self.type == "choice" and text.isascii() and text.isdigit() and 1 <= int(text) <= len(self.choices):
            return self.choices[int(text) - 1][0]
        return self.validate(text)

    def yes_no_choices(self) -> dict:
        """{"yes": choice id, "no": choice id} of a choice question whose choices include a
        plain yes and a plain no (seed 003's «Нет Да Хотелось бы»), so that y, да, n, нет and
        the like are taken there as for a yes/no question; empty for any other."""
        ids = self.choice_ids
        return {"yes": "yes", "no": "no"} if "yes" in ids and "no" in ids else {}

    def _yes_no_choice(self, value):
        """The choice a yes or a no typed for a choice question means, or None."""
        meant = self.yes_no_choices()
        if not meant or not isinstance(value, str):
            return None
        word = value.strip().lower()
        return meant["yes"] if word in _YES else meant["no"] if word in _NO else None

    def _several(self, value, numbered: bool = False):
        """A multi-choice answer: a list (YAML, JSON), or one line of ids or, when typed,
        numbers, separated by commas or spaces. One choice is its id, as for any choice
        question; several are a Several in the question's order, each once."""
        if isinstance(value, str):
            items = [item for item in _SEPARATORS.split(value.strip()) if item]
        elif isinstance(value, (list, tuple)):
            items = list(value)
        else:
            raise self._wrong(value)
        if not items:  # an empty list, or only commas
            shown = repr(numeric.short_text(value)) if isinstance(value, str) else "[]"
            raise InputError(_("no answer in {value} for '{qid}': expected {expected}")
                             .format(value=shown, qid=self.id, expected=self.expects()))
        chosen = set()
        for item in items:
            text = item.strip() if isinstance(item, str) else item
            if (numbered and isinstance(text, str) and text.isascii() and text.isdigit()
                    and 1 <= int(text) <= len(self.choices)):
                text = self.choices[int(text) - 1][0]
            if not isinstance(text, str) or text not in self.choice_ids:
                raise self._wrong(item)
            chosen.add(text)
        ordered = tuple(c for c in self.choice_ids if c in chosen)
        alone = [c for c in ordered if c in self.alone]
        if alone and len(ordered) > 1:
            other = next(c for c in ordered if c != alone[0])
            raise InputError(_("'{choice}' and '{other}' cannot both be the answer for '{qid}': "
                               "choose one of them").format(choice=alone[0], other=other,
                                                            qid=self.id))
        return ordered[0] if len(ordered) == 1 else Several(ordered)

    def _parsed_number(self, text: str):
        try:
            return numeric.to_number(text, self.integer)
        except numeric.AmbiguousNumber as err:
            raise InputError(_("invalid answer for '{qid}': {problem}; expected {expected}")
                             .format(qid=self.id, problem=err, expected=self.expects())) from None
        except ValueError:
            raise self._wrong(text) from None

    def _wrong(self, value) -> InputError:
        if isinstance(value, str):
            shown = repr(numeric.short_text(value))
        elif isinstance(value, bool):
            shown = str(value).lower()
        elif isinstance(value, (int, float)) and local.decimal_comma():
            shown = local.answer(value)  # 1500,5 typed is 1500,5 shown, not 1500.5
        elif isinstance(value, (list, tuple, dict)) or value is None:  # an item of a list
            shown = numeric.short_text(repr(value) if value is None else str(value))
        else:
            shown = value
        return InputError(_("invalid answer {value} for '{qid}': expected {expected}")
                          .format(value=shown, qid=self.id, expected=self.expects()))


class Catalog:
    def __init__(self, questions: list[Question]):
        self.questions = {q.id: q for q in questions}

    def __iter__(self):
        return iter(self.questions.values())

    def __contains__(self, qid) -> bool:
        return qid in self.questions

    def __len__(self) -> int:
        return len(self.questions)

    def get(self, qid: str) -> Question:
        try:
            return self.questions[qid]
        except KeyError:
            raise InputError(self.unknown_message(qid)) from None

    def unknown_message(self, qid) -> str:
        """One line, whatever the id holds: a line break in a quoted key is shown escaped."""
        if isinstance(qid, str) and not qid.isprintable():
            qid = repr(qid)[1:-1]
        return _("unknown question id '{qid}'").format(qid=qid) + did_you_mean(
            qid, self.questions, " " + _("(see 'ccadvisor questions')"))

    def validate(self, answers: dict) -> dict:
        """Normalise a whole answers mapping; unknown answers are dropped; keeps catalog order."""
        return self.in_order({qid: self.get(qid).validate(value) for qid, value in answers.items()})

    def in_order(self, answers: dict) -> dict:
        """The known answers in catalog order, unknown (None) ones left out."""
        return {qid: answers[qid] for qid in self.questions if answers.get(qid) is not None}


def _question(raw: dict, topic: str, where: str, words: dict) -> Question:
    """One question from its YAML entry; ``words`` are its texts in the output's language
    (``questions/<lang>/<file>``, by question id; empty in English)."""
    qtype = raw.get("type")
    if qtype not in TYPES:
        raise ValueError(f"{where}: question {raw.get('id')!r} has type {qtype!r}")
    labels = words.get("choices") or {}
    choices = tuple((str(k), str(labels.get(k, v))) for k, v in (raw.get("choices") or {}).items())
    fields = {k: raw[k] for k in ("help", "example", "min", "max", "unit", "integer", "multiple")
              if k in raw}
    if "alone" in raw:
        fields["alone"] = tuple(str(c) for c in raw["alone"])
    fields.update({k: words[k] for k in ("help", "example", "unit") if k in fields and words.get(k)})
    return Question(id=raw["id"], text=(words.get("text") or raw["text"]).strip(), type=qtype,
                    source=raw["source"], topic=topic, choices=choices, **fields)


def load_catalog() -> Catalog:
    """The questions, worded in the language of the output being produced."""
    return _catalog(current())


@lru_cache(maxsize=None)
def _catalog(lang: str) -> Catalog:
    questions = []
    for path in sorted(QUESTIONS_DIR.glob("*.yaml")):
        topic = path.stem.partition("_")[2] or path.stem
        words = table(str(path), lang)
        for raw in load_yaml(path) or []:
            questions.append(_question(raw, topic, path.name, words.get(raw.get("id")) or {}))
    ids = [q.id for q in questions]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"duplicate question ids in {QUESTIONS_DIR}: {duplicated}")
    return Catalog(questions)
