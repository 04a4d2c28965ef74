"""A matcher compiled from the rules' declarative conditions, for experta's matcher slot.

ccadvisor's rules are conjunctions of fact patterns whose fields are tested against literals,
``L(a) | L(b)`` or a readable ``Test`` - nothing binds a variable, nothing joins two facts on
a value. For such rules Rete's network is more than the job needs: a rule is active on every
combination of facts, one per pattern, that pass their pattern's tests. So each pattern is
compiled to its fact class and a tuple of plain field tests, patterns are indexed by class and
by the one field whose literal names what a fact is about (the question, the figure, the
finding), and each pattern keeps the facts that passed it (its alpha memory). A new fact is
tested only against the patterns its class and subject can meet; each pattern it passes yields
the new combinations at once, with no tokens copied, no node reset, and no logging.

The activations are experta's own (``Activation(rule, facts, context)``) and reach experta's
agenda through ``changes`` exactly as the Rete matcher's do, so the engine, the agenda's order
and the firing record are untouched. tests/unit/test_matchers.py runs every scenario, example
and thousands of generated profiles under both matchers and compares every firing, in order.

A rule the compiler cannot read (a variable binding, a nested ``OR``/``NOT``, an unreadable
constraint) raises ``NotCompilable`` when the engine is built; ``OrderedEngine`` then uses the
Rete matcher for that engine, so kb check's deliberately odd rule bases still run.
"""
from __future__ import annotations

from itertools import product

from experta.abstract import Matcher
from experta.activation import Activation
from experta.fact import Fact, InitialFact
from experta.fieldconstraint import ORFC, L, P

__all__ = ["CompiledMatcher", "NotCompilable"]


class NotCompilable(ValueError):
    """A rule whose conditions are not plain tests on one fact each."""


def _field_test(constraint):
    """A one-argument test for a field constraint, as plain comparisons."""
    if isinstance(constraint, L) and getattr(constraint, "__bind__", None) is None:
        expected = constraint.value
        return lambda value: value == expected
    if (isinstance(constraint, ORFC) and getattr(constraint, "__bind__", None) is None
            and all(isinstance(c, L) and c.__bind__ is None for c in constraint)):
        expected = tuple(c.value for c in constraint)
        return lambda value: value in expected
    if isinstance(constraint, P) and getattr(constraint, "__bind__", None) is None:
        return constraint.match
    if isinstance(constraint, (str, int, float)) and not isinstance(constraint, bool):
        return lambda value: value == constraint
    raise NotCompilable(f"unsupported field constraint {constraint!r}")


class _Pattern:
    """One compiled pattern: its fact class, its subject (field, literal) and the other tests."""

    __slots__ = ("rule", "index", "cls", "subject", "tests", "memory")

    def __init__(self, rule, index: int, pattern):
        if not isinstance(pattern, Fact) or getattr(pattern, "__bind__", None) is not None:
            raise NotCompilable(f"rule {rule.__name__}: unsupported pattern {pattern!r}")
        self.rule, self.index, self.cls = rule, index, type(pattern)
        fields = [(k, v) for k, v in pattern.items() if not str(k).startswith("__")]
        if any(not isinstance(k, str) for k, _ in fields):
            raise NotCompilable(f"rule {rule.__name__}: positional pattern {pattern!r}")
        self.subject = None  # the first field tested against a string literal: the index key
        self.tests = []
        for field, constraint in sorted(fields):
            self.tests.append((field, _field_test(constraint)))
            literal = constraint.value if type(constraint) is L else constraint
            if self.subject is None and isinstance(literal, str):
                self.subject = (field, literal)
        self.tests = tuple(self.tests)
        self.memory = []

    def passes(self, fact) -> bool:
        for field, test in self.tests:
            try:
                value = fact[field]
            except KeyError:
                return False
            if not test(value):
                return False
        return True


class CompiledMatcher(Matcher):
    """experta's matcher interface over compiled patterns (see the module's docstring)."""

    def __init__(self, engine):
        super().__init__(engine)
        self._patterns = {}   # rule -> [_Pattern, ...] in the rule's order
        self._by_class = {}   # fact class -> (subject field or None, {literal: [...]}, [...])
        for bound in engine.get_rules():
            # A fresh copy, as Rete's own preparation makes: the engine's rule objects carry the
            # last instance they were read through, and the engine passes itself when firing.
            rule = bound.new_conditions(*bound)
            patterns = list(rule) or [InitialFact()]
            self._patterns[rule] = [_Pattern(rule, i, p) for i, p in enumerate(patterns)]
        self._index()
        self.reset()

    def _index(self):
        by_class = {}
        for compiled in self._patterns.values():
            for pattern in compiled:
                by_class.setdefault(pattern.cls, []).append(pattern)
        for cls, patterns in by_class.items():
            # Dispatch on a field every pattern of the class tests against a literal, if any.
            fields = [{p.subject[0]} if p.subject else set() for p in patterns]
            common = sorted(set.intersection(*fields))
            if common:
                field, table = common[0], {}
                for p in patterns:
                    table.setdefault(p.subject[1], []).append(p)
                self._by_class[cls] = (field, table, ())
            else:
                self._by_class[cls] = (None, {}, tuple(patterns))

    def reset(self):
        # Only the patterns some fact reached hold anything: reset costs nothing for the rest.
        for pattern in getattr(self, "_reached", ()):
            pattern.memory = []
        self._reached = []
        self._active = {}     # (rule, frozenset of facts) -> Activation
        self._of_fact = {}    # fact id -> keys of the activations that include it

    def _candidates(self, fact):
        field, table, every = self._by_class.get(type(fact), (None, {}, ()))
        if field is None:
            return every
        try:
            return table.get(fact[field], ())
        except (KeyError, TypeError):
            return ()

    def changes(self, adding=None, deleting=None):
        removed = [self._forget(fact) for fact in deleting or ()]
        removed = [activation for group in removed for activation in group]
        added = []
        for fact in adding or ():
            for pattern in self._candidates(fact):
                if pattern.passes(fact):
                    if not pattern.memory:
                        self._reached.append(pattern)
                    pattern.memory.append(fact)
                    added.extend(self._combinations(pattern, fact))
        return added, removed

    def _combinations(self, pattern, fact):
        compiled = self._patterns[pattern.rule]
        memories = [[fact] if p is pattern else p.memory for p in compiled]
        for facts in product(*memories):
            key = (pattern.rule, frozenset(facts))
            if key in self._active:
                continue
            activation = Activation(pattern.rule, key[1], {})
            self._active[key] = activation
            for f in key[1]:
                self._of_fact.setdefault(f["__factid__"], []).append(key)
            yield activation

    def _forget(self, fact):
        fact_id = fact["__factid__"]
        for pattern in self._reached:  # the others hold nothing
            pattern.memory = [f for f in pattern.memory if f["__factid__"] != fact_id]
        gone = []
        for key in self._of_fact.pop(fact_id, ()):
            activation = self._active.pop(key, None)
            if activation is not None:
                gone.append(activation)
        return gone
