"""Reading a rule's experta patterns back as plain conditions.

Every explanation - the rules listing, why, why-not, the consultation's choice of the next
question, kb check - goes through here, so a rule's conditions are never re-stated by hand.
The pattern forms a rule may use are deliberately few: a literal value, ``L(a) | L(b)``, and the
readable ``Test`` constraints of expert.reasoning.heuristic. Anything else is refused (``UnreadablePattern``)
so kb check catches it instead of an explanation silently going wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from expert.i18n import gettext as _
from expert.reasoning._experta import ORFC, L
from expert.inputs.values import answer_values
from expert.reasoning.heuristic import Test

# The field that names what each kind of fact is about; the other fields are tested.
SUBJECT_FIELD = {"Answer": "question", "Figure": "name", "Finding": "name", "Stage": "name",
                 "Recommended": "option"}


class UnreadablePattern(ValueError):
    pass


@dataclass(frozen=True)
class FieldTest:
    op: str          # "==", "in", ">=", "<"
    expected: object
    text: str        # "short_term", "one of medium, large", "at least 1000"
    test: object = None

    def holds(self, value) -> bool:
        return bool(self.predicate(value))

    @cached_property
    def predicate(self):
        """The test as a one-argument function of plain comparisons (the compiled matcher
        keeps it; the explanations call ``holds``)."""
        expected = self.expected
        if self.op == "==":
            return lambda value: value == expected
        if self.op == "in" and self.test is None:
            return lambda value: value in expected
        return self.test.match


@dataclass(frozen=True)
class Condition:
    fact: str                 # "Answer", "Figure", "Finding", "Stage", "Recommended"
    subject: str | None       # question id, figure name, finding name, stage; None for Recommended
    tests: tuple              # ((field, FieldTest), ...) for the remaining fields

    @property
    def value_test(self) -> FieldTest | None:
        return dict(self.tests).get("value")

    def holds(self, fact: dict) -> bool:
        """Does a fact (or an answer as ``{"value": ...}``) pass every test? An answer of several
        choices passes a test when one of its choices does, as one of the Answer facts declared
        for it would match the pattern."""
        return all(field in fact and any(t.holds(v) for v in answer_values(fact[field]))
                   for field, t in self.tests)


def _field_test(value) -> FieldTest:
    if isinstance(value, Test):
        return FieldTest(op=value.op, expected=value.operand, text=value.text, test=value)
    if isinstance(value, ORFC) and all(isinstance(v, L) for v in value):
        values = tuple(v.value for v in value)
        return FieldTest(op="in", expected=values,
                         text=_("one of {choices}").format(choices=", ".join(map(str, values))))
    if isinstance(value, L):
        return FieldTest(op="==", expected=value.value, text=str(value.value))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return FieldTest(op="==", expected=value, text=str(value))
    raise UnreadablePattern(f"unsupported field constraint {value!r}")


def condition_of(pattern) -> Condition:
    kind = type(pattern).__name__
    if kind not in SUBJECT_FIELD:
        raise UnreadablePattern(f"unsupported pattern {pattern!r}")
    fields = {k: v for k, v in pattern.items() if not str(k).startswith("__")}
    subject_field = SUBJECT_FIELD[kind]
    subject = None
    if kind != "Recommended":
        subject = fields.pop(subject_field, None)
        if not isinstance(subject, str):
            raise UnreadablePattern(f"{kind} pattern must name its {subject_field} literally")
    tests = tuple((field, _field_test(value)) for field, value in sorted(fields.items()))
    return Condition(fact=kind, subject=subject, tests=tests)


def subject_of(kind: str, fact) -> str | None:
    """What a fact of ``kind`` is about (its question, name...), as ``Condition.subject`` names
    it: None for Recommended, whose conditions test their fields instead."""
    return None if kind == "Recommended" else fact.get(SUBJECT_FIELD[kind])


def conditions_of(meta) -> tuple[Condition, ...]:
    return tuple(condition_of(p) for p in meta.patterns)


def questions_of(meta) -> tuple[str, ...]:
    """The question ids a rule reads, in pattern order."""
    return tuple(c.subject for c in conditions_of(meta) if c.fact == "Answer")
