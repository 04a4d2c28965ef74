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
* **The matcher** (experta's ``KnowledgeEngine.__matcher__`` slot): ``ReteMatcher`` with three
  savings that leave its results exactly as they were.
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
from dataclasses import dataclass

for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable", "Hashable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

# The public names the rest of ccadvisor uses, imported only after the fix above.
from experta import AS, Fact, KnowledgeEngine, P, Rule  # noqa: E402
from experta.agenda import Agenda  # noqa: E402
from experta.fieldconstraint import ORFC, L  # noqa: E402
from experta.matchers import ReteMatcher  # noqa: E402
from experta.matchers.rete.check import FeatureCheck  # noqa: E402
from experta.matchers.rete.mixins import ChildNode  # noqa: E402
from experta.matchers.rete.nodes import FeatureTesterNode  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402

__all__ = ["AS", "Fact", "L", "ORFC", "OrderedEngine", "P", "Pending", "Rule", "agenda_key",
           "engine_class", "fact_fields", "fact_id"]


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


class _ChangedRulesMatcher(ReteMatcher):
    """experta's Rete matcher, with two savings that leave its results exactly as they were.

    * Collect activations only from the rules that changed. After every declaration and every
      firing experta asks each rule's conflict-set node for new activations: over a hundred
      rules, a few dozen times per consultation, almost all of them with nothing to say. Here
      each node notes itself when a token reaches it, and only those are asked, in the same
      (network) order, so the agenda receives exactly what it did before.
    * Test a fact before copying its token. A one-input node copies every token it receives and
      only then tests it; an Answer fact meets some fifty tests (one per question and value) and
      passes two or three, so most of the copies were thrown away at once. A failing test does
      nothing in experta either, so skipping its copy changes nothing else.
    * Look sibling equality tests up instead of trying each (alpha-node hashing, the classic
      Rete optimisation): where a node's children test the same field against different
      literals (question == "call_load", question == "period", ...), the fact's value picks the
      one or two that can pass from a dict, and only those run their (unchanged) test.

    Measured on 300 generated profiles, CPU per advise(): 15.7 ms with experta's matcher, 10.9
    ms with the first two, 8.6 ms with all three; the firings are identical.
    """

    def __init__(self, engine):
        self._changed = set()
        super().__init__(engine)
        nodes = self._get_conflict_set_nodes()
        self._position = {node: i for i, node in enumerate(nodes)}
        for node in nodes:
            node._activate = self._noting(node, node._activate)
        self._test_before_copying(self.root_node, set())

    def _test_before_copying(self, parent, seen):
        groups = {}  # field -> [(literal, child index)] of equality tests among the children
        for i, child in enumerate(parent.children):
            node = child.node
            if isinstance(node, FeatureTesterNode) and child.callback == node.activate:
                parent.children[i] = ChildNode(node, self._tested(node))
                field, literal = self._literal_test(node)
                if field is not None:
                    groups.setdefault(field, []).append((literal, i))
            if id(node) not in seen:
                seen.add(id(node))
                self._test_before_copying(node, seen)
        for field, tests in groups.items():
            if len(tests) > 1:
                self._dispatch(parent, field, tests)

    @staticmethod
    def _literal_test(node):
        """(field, literal) when the node tests ``fact[field] == literal`` and nothing else."""
        check = node.matcher
        if (isinstance(check, FeatureCheck) and isinstance(check.how, L)
                and check.how.__bind__ is None and isinstance(check.what, str)
                and "__" not in check.what):
            try:
                hash(check.how.value)
            except TypeError:
                return None, None
            return check.what, check.how.value
        return None, None

    @staticmethod
    def _dispatch(parent, field, tests):
        """The first test's slot looks the value up; the others' slots do nothing.

        The nodes stay in ``parent.children`` (experta walks them to reset the network); only
        the callbacks change.
        """
        table = {}
        for literal, i in tests:
            table.setdefault(literal, []).append(parent.children[i].callback)
        every = [callback for callbacks in table.values() for callback in callbacks]

        def dispatch(token):
            fact, = token.data
            try:
                callbacks = table.get(fact[field], ())
            except KeyError:
                return  # the field is absent: no equality test on it can pass
            except TypeError:
                callbacks = every  # an unhashable value: let every test see it
            for callback in callbacks:
                callback(token)

        first = tests[0][1]
        parent.children[first] = ChildNode(parent.children[first].node, dispatch)
        for _, i in tests[1:]:
            parent.children[i] = ChildNode(parent.children[i].node, _ignore)

    @staticmethod
    def _tested(node):
        def activate(token):
            fact, = token.data  # a feature test always sees a one-fact token
            if node.matcher(fact):
                node.activate(token)
        return activate

    def _noting(self, node, activate):
        def noted(token):
            self._changed.add(node)
            return activate(token)
        return noted

    def changes(self, adding=None, deleting=None):
        for fact in deleting or ():
            self.root_node.remove(fact)
        for fact in adding or ():
            self.root_node.add(fact)
        added, removed = [], []
        for node in sorted(self._changed, key=self._position.__getitem__):
            node_added, node_removed = node.get_activations()
            added.extend(node_added)
            removed.extend(node_removed)
        self._changed.clear()
        return added, removed


def _ignore(token):
    """The slot of an equality test that its group's dispatcher already serves."""


class _RecordingAgenda(Agenda):
    """An Agenda that asks its engine before each firing and tells it which one fires."""

    def __init__(self, engine):
        super().__init__()
        self._engine = engine

    def get_next(self):
        if self.activations and not self._engine.may_fire(
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
    pending)`` (the waiting activations, next first; False stops the run) and ``firing(
    pending)`` (the one about to fire), both called by the agenda with ``Pending`` views.
    """

    __matcher__ = _ChangedRulesMatcher
    rule_order: tuple = ()

    def __init__(self):
        super().__init__()
        self.strategy = _CanonicalOrderStrategy(self.rule_order)

    # experta's reset() assigns a fresh Agenda; the property swaps in the recording one.
    @property
    def agenda(self):
        return self._agenda

    @agenda.setter
    def agenda(self, _fresh):
        self._agenda = _RecordingAgenda(self)

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
