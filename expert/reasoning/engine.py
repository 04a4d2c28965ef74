"""The advisor's engine: experta over the rule base, recording every firing.

Two things experta does not give us, built on the door module ``_experta`` (the only place that
touches experta's internals):

* a record of every firing - rule id, the facts that matched (in fact-id order) and the facts
  the firing added - taken by the agenda the moment it hands the next activation to ``run()``,
  not by print calls in rules;
* a total order on the agenda. experta's DepthStrategy fires the newest facts first and leaves
  two rules matching the same facts tied, the tie then falling to set and hash order. We fire the
  oldest facts first (answers are declared in questionnaire order, so the chain reads in the
  order a class would ask the questions; derived facts are newer, so chains follow the answers
  they rest on) and break ties by the rule's position in the canonical rule order. The same
  answers then fire the same chain under any PYTHONHASHSEED.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from expert.reasoning._experta import (
    OrderedEngine,
    Pending,
    engine_class,
    fact_fields,
    fact_id,
)

__all__ = ["AdvisorEngine", "Firing", "build_engine", "fact_as_dict", "fact_id"]
from expert.reasoning.facts import Advice, Evidence, Exclusion, Figure, Finding
from expert.reasoning.heuristic import heuristics_of
from rules import RULESETS, rule_index


def fact_as_dict(fact) -> dict:
    """A fact as a plain dict with its class name, without experta's internal keys."""
    return {"fact": type(fact).__name__, **fact_fields(fact)}


def _listed(attribute: str, convert):
    """A list view of one of a Firing's fact lists, each fact through ``convert``."""
    def view(self) -> list:
        return [convert(f) for f in getattr(self, attribute)]
    return view


@dataclass
class Firing:
    """One rule firing: which rule, on which facts, adding which facts.

    The engine keeps the facts themselves; their plain-dict views (``matched``, ``added``) are
    built the first time someone reads them, since a batch run reads none of them.
    """
    step: int
    rule: str
    matched_facts: tuple                              # in fact-id order
    added_facts: list = field(default_factory=list)   # in the order declared

    matched = cached_property(_listed("matched_facts", fact_as_dict))
    added = cached_property(_listed("added_facts", fact_as_dict))
    # The facts' ids in working memory, so a trace can name them as CLIPS does (f-12).
    matched_ids = property(_listed("matched_facts", fact_id))
    added_ids = property(_listed("added_facts", fact_id))


class _RecordingEngine(OrderedEngine):
    """The knowledge engine. Knows nothing of terminals: listeners are plain callables.

    ``before_firing(engine, waiting)``, if given, is called before each firing with the waiting
    activations (``Pending``: rule, salience, facts; next to fire first); returning False stops
    the run there (step mode). ``on_firing(firing)`` is called after each firing has added its
    facts (trace mode).
    """

    def __init__(self, before_firing=None, on_firing=None, matcher: str | None = None):
        self.before_firing = before_firing
        self.on_firing = on_firing
        self.firings: list[Firing] = []
        super().__init__(matcher)

    def reset(self, **kwargs):
        self.firings = []
        super().reset(**kwargs)

    @property
    def watches_agenda(self) -> bool:
        return self.before_firing is not None

    def may_fire(self, waiting: list) -> bool:
        return self.before_firing(self, waiting) is not False

    def firing(self, activation: Pending) -> None:
        self.firings.append(Firing(step=len(self.firings) + 1, rule=activation.rule,
                                   matched_facts=activation.facts))

    def conclude(self, meta):
        """The right-hand side every heuristic shares: declare what its metadata concludes."""
        firing = self.firings[-1]
        # Evidence that rests on a figure computed from assumed rates is marked, so that the
        # decision never lets it outvote the client's own answers.
        assumed = any(isinstance(f, Figure) and f.get("source") == "assumption"
                      for f in firing.matched_facts)
        basis = "assumed" if assumed else "answers"
        evidence, vetoes = meta.votes(basis)
        facts = [Evidence(**fields) for fields in evidence]
        facts += [Exclusion(**fields) for fields in vetoes]
        facts += [Advice(item=item, rule=meta.id) for item in meta.advice]
        # A finding is one fact however many rules reach it, so rules chaining on it fire once.
        facts += [Finding(name=name) for name in meta.finds]
        for fact in facts:
            declared = self.declare(fact)
            if declared is not None:  # experta ignores a duplicate fact: None
                firing.added_facts.append(declared)
        if self.on_firing is not None:
            self.on_firing(firing)

    def facts_of(self, fact_class) -> list:
        """Facts of one class, in fact-id order."""
        return sorted((f for f in self.facts.values() if isinstance(f, fact_class)), key=fact_id)

    @staticmethod
    def meta(rule_id: str):
        return rule_index()[rule_id]


def build_engine(rulesets=RULESETS, before_firing=None, on_firing=None,
                 matcher: str | None = None) -> _RecordingEngine:
    """An engine over chosen rule sets, ordered as they are given (the kb checks feed it extra
    or broken ones); the default is the advisor's own rule base. ``matcher`` ("compiled" or
    "rete") overrides $CCADVISOR_MATCHER."""
    if tuple(rulesets) == RULESETS:
        return AdvisorEngine(before_firing=before_firing, on_firing=on_firing, matcher=matcher)
    order = [meta.id for ruleset in rulesets for meta in heuristics_of(ruleset)]
    cls = engine_class(_RecordingEngine, rulesets, order, name="CheckedEngine")
    return cls(before_firing=before_firing, on_firing=on_firing, matcher=matcher)


AdvisorEngine = engine_class(_RecordingEngine, RULESETS,
                             [meta.id for r in RULESETS for meta in heuristics_of(r)],
                             name="AdvisorEngine")
