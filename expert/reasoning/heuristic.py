"""How a rule is written: ``@heuristic(<experta patterns>, seed=..., quote=..., ...)``.

A heuristic is one experta Rule whose left-hand side is the patterns given, and whose
right-hand side is always the same: declare what the metadata says it concludes (evidence for or
against options, advice items, findings). The decorated function only carries the rule's name and
its docstring, so a rule module reads like a CLIPS rule base (docs/reasoning.md's "Writing a
rule" shows one, and ``rules/sourcing.py`` is full of them).

Keeping conclusions as data (not code) and conditions as declarative patterns is what lets the
explanation machinery (why, why-not, kb check, consultation) read every rule.
"""
from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass, field

from expert.i18n import DEFAULT, N_, current
from expert.i18n import gettext as _
from expert.i18n.texts import localized
from expert.reasoning._experta import L, P, Rule
from expert.reasoning.facts import Stage
from expert.reasoning.options import (
    BUILDING,
    forbidden_by,
    load_options,
    load_stages,
    stage_of,
    strengths,
)

HERE, FOR_NOW = "here", "for_now"  # how long a veto holds: for this client, or until it changes

__all__ = ["BUILDING", "FOR_NOW", "HERE", "L", "RuleMeta", "Test", "above", "at_least", "below",
           "heuristic", "heuristics_of", "make_rule", "one_of", "ruleset", "weighed"]


class _Translated:
    """A rule's words (title, reason, gloss) in the current language.

    The English is written with the rule; other languages' texts live beside its module
    (``rules/ru/sourcing.yaml`` for ``rules/sourcing.py``), keyed by rule id. So every reader of
    ``meta.title`` (reports, why, kb listings) gets the language of the output being produced.
    A quote is never translated: in English its gloss translates it; in another language a
    quote of that language speaks for itself (its gloss there is empty), and one in a third
    language (seed 002's Bulgarian, in Russian) has a gloss of its own in that file.
    """

    def __set_name__(self, owner, name):
        self.name, self.slot = name, "_" + name

    def __get__(self, meta, owner=None):
        if meta is None:  # the dataclass asks for a default
            return ""
        english = meta.__dict__[self.slot]
        if not meta.origin or current() == DEFAULT:
            return english
        return localized(meta.origin, meta.id, self.name,
                         default="" if self.name == "gloss" else english)

    def __set__(self, meta, value):
        meta.__dict__[self.slot] = value


@dataclass(frozen=True, kw_only=True)
class RuleMeta:
    id: str
    title: str = _Translated()
    reason: str = _Translated()
    seed: str
    quote: str
    gloss: str = _Translated()
    patterns: tuple
    evidence: tuple[tuple[str, int], ...] = ()
    # ((what it forbids: an option, or "building" an own centre; "here" | "for_now"), ...)
    excludes: tuple[tuple[str, str], ...] = ()
    strength: str = ""       # the named strength of its wording (data/options.yaml): its weight
    statement: str = ""      # one statement made in two sentences: they share this id (one vote)
    advice: tuple[str, ...] = ()
    finds: tuple[str, ...] = ()
    salience: int = 0
    stage: str = ""          # the stage whose options it weighs or excludes ("" for none)
    topic: str = field(default="", compare=False)
    origin: str = field(default="", compare=False)  # the module that writes it: its texts' home

    def english(self, name: str) -> str:
        """The rule's ``title``, ``reason`` or ``gloss`` as written, in English."""
        return self.__dict__["_" + name]

    @property
    def weight(self) -> int:
        """The largest absolute evidence weight (0 for pure advice/finding rules)."""
        return max((abs(w) for _, w in self.evidence), default=0)

    def votes(self, basis: str) -> tuple[list[dict], list[dict]]:
        """What firing it concludes about the options, as the fields of its Evidence and
        Exclusion facts: ``basis`` is "answers", or "assumed" when it matched a figure resting
        on assumed rates. A figure on assumed rates weighs at most as a hint and never vetoes.
        The engine declares these; plain.py, CLIPS and the sensitivity search weigh the same
        dicts."""
        if basis == "assumed":
            return ([{"option": o, "weight": (1 if w > 0 else -1), "rule": self.id,
                      "basis": basis} for o, w in self.evidence], [])
        return ([{"option": o, "weight": w, "rule": self.id, "basis": basis}
                 for o, w in self.evidence],
                [{"option": o, "rule": self.id, "scope": s} for o, s in self.excludes])

    @property
    def scores(self) -> bool:
        """Does it weigh options (evidence or a veto), as opposed to finding or advising?"""
        return bool(self.evidence or self.excludes)


def _stage_of(options) -> str:
    """The earliest stage whose options a rule weighs: the one it waits for. (A seed-003 row
    answer may also place a later stage's option; that evidence counts only if its stage is
    reached.) A veto on building an own centre weighs the stage of the options that build. An
    option no stage has is left for kb check to name."""
    known = load_options()
    stages = {stage_of(option) for target in options for option in forbidden_by(target)
              if option in known}
    return next((s for s in load_stages() if s in stages), "")


def make_rule(*patterns, id: str, title: str, reason: str, seed: str, quote: str, gloss: str,
              evidence: dict | None = None, excludes: dict | None = None,
              advice: tuple | list = (), finds: tuple | list = (), salience: int = 0,
              topic: str = "", origin: str = "", strength: str = "", statement: str = "") -> Rule:
    """An experta Rule carrying its RuleMeta; its right-hand side declares what the metadata says.

    A rule that weighs (or excludes) the options of a later stage also waits for that stage to
    open: the decision step declares ``Stage(name=...)`` only when the earlier stage calls for
    it, so a later stage never runs, and never outvotes, when the earlier one says no.
    """
    evidence, excludes = dict(evidence or {}), dict(excludes or {})
    stage = _stage_of([*evidence, *excludes])
    if stage and stage != "need":
        patterns = (*patterns, Stage(name=stage))
    meta = RuleMeta(
        id=id, title=title, reason=reason, seed=seed, quote=quote, gloss=gloss,
        patterns=tuple(patterns), evidence=tuple(evidence.items()),
        excludes=tuple(excludes.items()), advice=tuple(advice), finds=tuple(finds),
        salience=salience, stage=stage, topic=topic, strength=strength, statement=statement,
        # A generated rule's texts live beside the module that called make_rule.
        origin=origin or sys._getframe(1).f_code.co_filename,
    )

    def fire(engine, **_bindings):
        engine.conclude(meta)

    fire.__name__ = fire.__qualname__ = meta.id
    fire.__doc__ = f"{title}\n\n{reason}"
    rule = Rule(*meta.patterns, salience=salience)(fire)
    rule.meta = meta
    return rule


def weighed(strength: str, favours=(), against=()) -> dict:
    """{option: weight}: the named strength's weight for each option a statement favours, and
    against each it speaks against."""
    weight = strengths()[strength].weight
    return {**{o: weight for o in favours}, **{o: -weight for o in against}}


def heuristic(*patterns, seed: str, quote: str, gloss: str, strength: str = "",
              favours=(), against=(), excludes: dict | None = None,
              advice: tuple | list = (), finds: tuple | list = (), salience: int = 0,
              statement: str = "", evidence: dict | None = None):
    """Turn a docstring-only function into an experta Rule carrying a RuleMeta.

    ``strength``: the named strength of the wording (data/options.yaml: categorical,
    recommendation, argued, hint); ``favours`` / ``against``: the options the statement speaks
    for or against, as written (rules/groups.py names the usual groups). ``excludes``: a veto,
    {what it forbids: an option or "building"; "here" or "for_now"}. ``advice``: advice item ids;
    ``finds``: findings other rules chain on. ``statement``: an id shared by rules that quote two
    sentences of one statement, so it votes once. ``evidence``: {option: weight} as written out
    (kb check holds every weight to the named scale).
    """
    if evidence is None:
        evidence = weighed(strength, favours, against) if strength else {}

    def wrap(func) -> Rule:
        doc = inspect.cleandoc(func.__doc__ or "")
        title, _, reason = doc.partition("\n")
        return make_rule(*patterns, id=func.__name__, title=title.strip(),
                         reason=" ".join(reason.split()), seed=seed, quote=quote, gloss=gloss,
                         evidence=evidence, excludes=excludes, advice=advice, finds=finds,
                         salience=salience, topic=func.__module__.rpartition(".")[2],
                         origin=inspect.getfile(func), strength=strength, statement=statement)

    return wrap


def ruleset(name: str, rules) -> type:
    """A rule-set class (a mixin of the engine) holding generated rules, in the order given."""
    return type(name, (), {rule.meta.id: rule for rule in rules})


def heuristics_of(ruleset) -> list[RuleMeta]:
    """The RuleMeta of every heuristic a ruleset class defines, in the order written."""
    return [v.meta for v in vars(ruleset).values() if isinstance(v, Rule) and hasattr(v, "meta")]


class Test(P):
    """A field constraint that can say what it tests: ``Test(fn, "at least 1000")``.

    Plain ``P(lambda ...)`` would hide the condition from the explanations; this one carries the
    words and the operator/operand so why-not can say "needed at least 1000, saw 300".

    ``text`` is read in the current language: the rules are built once, at import, so the words
    are kept as a message (marked with N_) and its values, and translated when read. A ``text``
    given without ``words`` is shown as it is.
    """

    def __new__(cls, match, text: str, op: str = "", operand=None, words=None):
        obj = super().__new__(cls, match)
        obj.english, obj.op, obj.operand = text, op, operand
        obj.words = words  # (message, {placeholder: value}) or None
        return obj

    @property
    def text(self) -> str:
        if self.words is None:
            return self.english
        message, values = self.words
        return _(message).format(**values)

    def __repr__(self):  # pragma: no cover - debugging aid
        return f"Test({self.text!r})"


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def at_least(bound) -> Test:
    return Test(lambda v: _is_number(v) and v >= bound, f"at least {bound}", ">=", bound,
                words=(N_("at least {bound}"), {"bound": bound}))


def above(bound) -> Test:
    return Test(lambda v: _is_number(v) and v > bound, f"above {bound}", ">", bound,
                words=(N_("above {bound}"), {"bound": bound}))


def below(bound) -> Test:
    return Test(lambda v: _is_number(v) and v < bound, f"below {bound}", "<", bound,
                words=(N_("below {bound}"), {"bound": bound}))


def one_of(*values) -> Test:
    choices = ", ".join(map(str, values))
    return Test(lambda v: v in values, "one of " + choices, "in", values,
                words=(N_("one of {choices}"), {"choices": choices}))
