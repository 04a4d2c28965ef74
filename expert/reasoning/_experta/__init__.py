"""experta behind one door: every use of its private internals, and the fix that imports it.

Everything else in ccadvisor uses experta's public surface only, and imports it from here
(``Fact``, ``Rule``, ``P``, ``L``, ``ORFC``, ``AS``), so an experta upgrade or a faster matcher
touches this one file. What lives here:

* **The frozendict fix.** experta 1.9.4 (the current release) pins ``frozendict==1.2``, which
  declares ``class frozendict(collections.Mapping)``; that alias was removed in Python 3.10, so
  a bare ``import experta`` dies with AttributeError on Python 3.11. pip cannot be told to
  ignore a dependency's exact pin, and a newer frozendict would conflict with it, so the aliases
  are put back (pointing at the very same ``collections.abc`` classes) before experta is first
  imported. tests/unit/test_compat.py proves it in a clean interpreter.
* **The matchers** (experta's ``KnowledgeEngine.__matcher__`` slot): ``compiled.py``, compiled
  from the rules' declarative conditions (the default), and ``rete.py``, experta's ``ReteMatcher``
  with three savings that leave its results exactly as they were. ``$CCADVISOR_MATCHER`` or an
  engine argument chooses; tests/unit/test_matchers.py proves they fire the same.
* **The agenda's total order**: a ``DepthStrategy`` whose key is salience, then the oldest facts,
  then the rule's position in a given order.
* **The recording agenda**: an ``Agenda`` that tells its engine which activation is about to
  fire, so the engine can record each firing (and a listener can stop the run).

``OrderedEngine`` wires the three into a ``KnowledgeEngine``; ``engine_class`` composes one over
chosen rule sets (the advisor's, or a test's extended ones).
"""
from __future__ import annotations

import collections
import collections.abc
import os
from dataclasses import dataclass

for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable", "Hashable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

# The public names the rest of ccadvisor uses, imported only after the fix above.
from experta import AS, KnowledgeEngine, P, Rule  # noqa: E402
from experta import Fact as _ExpertaFact  # noqa: E402
from experta.agenda import Agenda  # noqa: E402
from experta.fieldconstraint import ORFC, L  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402

from expert.errors import InputError  # noqa: E402
from expert.i18n import gettext as _  # noqa: E402
from expert.reasoning._experta.compiled import CompiledMatcher, NotCompilable  # noqa: E402
from expert.reasoning._experta.rete import ChangedRulesMatcher  # noqa: E402

__all__ = ["AS", "MATCHERS", "Fact", "L", "ORFC", "OrderedEngine", "P", "Pending", "Rule",
           "agenda_key", "engine_class", "fact_fields", "fact_id", "matcher_name"]

# The matchers an engine can use: the compiled one (the default) and experta's own Rete network
# (with the savings of rete.py), kept selectable so the two can be compared firing by firing.
MATCHERS = {"compiled": CompiledMatcher, "rete": ChangedRulesMatcher}
MATCHER_VARIABLE = "CCADVISOR_MATCHER"


def matcher_name(requested: str | None = None) -> str:
    """The matcher asked for by argument, else by $CCADVISOR_MATCHER, else "compiled"."""
    name = requested or os.environ.get(MATCHER_VARIABLE) or "compiled"
    if name not in MATCHERS:
        raise InputError(_("unknown matcher {name!r}; choose one of: {known}")
                         .format(name=name, known=", ".join(MATCHERS)),
                         where=f"${MATCHER_VARIABLE}" if requested is None else "matcher")
    return name


_PLAIN = (str, int, float, bool, type(None))


class Fact(_ExpertaFact):
    """experta's Fact, built faster when every field is a plain value (as all declared facts
    are). experta stores each field through ``__setitem__``, which dispatches ``freeze`` on the
    value's type; a plain value freezes to itself, so here it is stored directly. Patterns
    (whose fields are constraints) and anything else take experta's own path."""

    def __init__(self, *args, **kwargs):
        if args or not all(type(v) in _PLAIN for v in kwargs.values()):
            super().__init__(*args, **kwargs)
            return
        dict.update(self, kwargs)
        self._Fact__defaults = {}  # what experta's __init__ sets (name-mangled there)


class _Positions(dict):
    """Rule name -> position; a rule the order does not know (a bare experta rule) comes last."""

    def __missing__(self, rule_name):
        return len(self)


class _CanonicalOrderStrategy(DepthStrategy):
    """Salience first, then the oldest facts, then the rule's position in the given order."""

    def __init__(self, order):
        super().__init__()
        self._position = _Positions((name, i) for i, name in enumerate(order))

    def get_key(self, activation):
        return agenda_key(activation.rule.salience, [f["__factid__"] for f in activation.facts],
                          self.position(activation.rule.__name__))

    def position(self, rule_name: str) -> int:
        return self._position[rule_name]


def agenda_key(salience: int, fact_ids, position: int) -> tuple:
    """The conflict-resolution key; the agenda pops its largest key first. Salience, then the
    oldest facts (ids sorted and negated, compared in turn), then the rule's position (negated:
    earlier first). Public so the step view shows the very key that orders the agenda."""
    return (salience, [-i for i in sorted(fact_ids)], -position)


class _RecordingAgenda(Agenda):
    """An Agenda that asks its engine before each firing and tells it which one fires."""

    def __init__(self, engine):
        super().__init__()
        self._engine = engine

    def get_next(self):
        # The waiting activations are shown to a listener only; without one, none are built.
        if self.activations and self._engine.watches_agenda and not self._engine.may_fire(
                [pending(a) for a in reversed(self.activations)]):
            return None  # a listener asked to stop here
        activation = super().get_next()
        if activation is not None:
            self._engine.firing(pending(activation))
        return activation


@dataclass(frozen=True)
class Pending:
    """An activation as the rest of ccadvisor sees it: plain values, no experta internals."""
    rule: str          # the rule's name (its id)
    salience: int
    facts: tuple       # the matched facts, in fact-id order


def pending(activation) -> Pending:
    return Pending(rule=activation.rule.__name__, salience=activation.rule.salience,
                   facts=tuple(sorted(activation.facts, key=fact_id)))


class OrderedEngine(KnowledgeEngine):
    """A KnowledgeEngine with the faster matcher, a total agenda order and a recording agenda.

    Subclasses set ``rule_order`` (rule names, canonical order) and implement ``may_fire(
    pending)`` (asked only while ``watches_agenda`` is true: the waiting activations, next first; False stops the run) and ``firing(
    pending)`` (the one about to fire), both called by the agenda with ``Pending`` views.
    """

    rule_order: tuple = ()

    def __init__(self, matcher: str | None = None):
        # experta builds ``self.__matcher__(self)`` in its __init__; the instance attribute
        # chooses it. A rule base the compiler cannot read falls back to experta's network.
        self._deffacts = None
        self.__matcher__ = MATCHERS[matcher_name(matcher)]
        try:
            super().__init__()
        except NotCompilable:
            self.__matcher__ = ChangedRulesMatcher
            super().__init__()
        self.strategy = _CanonicalOrderStrategy(self.rule_order)

    def run(self, steps=float("inf")):
        """experta's run loop, less its logging: experta formats every fired activation's facts
        into a log line (``", ".join(str(f) ...)``) before the logger is asked whether anyone
        listens, on every firing. Otherwise the same loop, step for step."""
        self.running = True
        while steps > 0 and self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            activation.rule(self, **{k: v for k, v in activation.context.items()
                                     if not k.startswith("__")})
        self.running = False

    def get_deffacts(self):
        """experta looks the deffacts up with ``inspect.getmembers`` on every reset(); they are
        fixed per engine class, so once is enough."""
        if self._deffacts is None:
            self._deffacts = super().get_deffacts()
        return self._deffacts

    @property
    def matcher_used(self) -> str:
        return next(name for name, cls in MATCHERS.items() if isinstance(self.matcher, cls))

    # experta's reset() assigns a fresh Agenda; the property swaps in the recording one.
    @property
    def agenda(self):
        return self._agenda

    @agenda.setter
    def agenda(self, _fresh):
        self._agenda = _RecordingAgenda(self)

    watches_agenda = False  # True: may_fire() is asked before each firing

    def may_fire(self, waiting: list) -> bool:
        return True

    def firing(self, activation: Pending) -> None:
        pass

    def conflict_key(self, activation: Pending) -> tuple:
        """The key the agenda orders ``activation`` by (``agenda_key``)."""
        return agenda_key(activation.salience, [fact_id(f) for f in activation.facts],
                          self.strategy.position(activation.rule))

    def facts_in_order(self) -> list:
        """Every fact, in fact-id order (experta's InitialFact left out)."""
        return sorted((f for f in self.facts.values() if type(f).__name__ != "InitialFact"),
                      key=fact_id)


def fact_fields(fact) -> dict:
    """A fact's own fields, without experta's internal ``__factid__`` and friends."""
    return {k: v for k, v in fact.as_dict().items() if not str(k).startswith("__")}


def fact_id(fact) -> int:
    return fact["__factid__"]


def engine_class(base, rulesets, order, name="Engine"):
    """A class over ``base`` (an OrderedEngine subclass) with the rule sets mixed in and the
    agenda ordered by ``order`` (rule names)."""
    return type(name, (base, *rulesets), {"rule_order": tuple(order)})
