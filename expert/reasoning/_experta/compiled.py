"""A matcher compiled from the rules' declarative conditions, for experta's matcher slot.

ccadvisor's rules are conjunctions of fact patterns whose fields are tested against literals,
``L(a) | L(b)`` or a readable ``Test`` - nothing binds a variable, nothing joins two facts on
a value. For such rules Rete's network is more than the job needs: a rule is active on every
combination of facts, one per pattern, that pass their pattern's tests. So each pattern is read
as the explanations read it (expert/reasoning/conditions.py) and kept as its fact class, its
subject (the question, figure, finding or stage it names: the index key) and a tuple of plain
field tests; each pattern keeps the facts that passed it (its alpha memory). A new fact is
tested only against the patterns its class and subject can meet; each pattern it passes yields
the new combinations at once, with no tokens copied, no node reset, and no logging.

The activations are experta's own (``Activation(rule, facts, context)``) and reach experta's
agenda through ``changes`` exactly as the Rete matcher's do, so the engine, the agenda's order
and the firing record are untouched. tests/unit/test_matchers.py runs every scenario, example
and thousands of generated profiles under both matchers and compares every firing, in order.

A rule the compiler cannot read (a variable binding, a nested ``OR``/``NOT``, a constraint
conditions.py refuses, no patterns at all) raises ``NotCompilable`` when the engine is built; ``OrderedEngine`` then uses the
Rete matcher for that engine, so kb check's deliberately odd rule bases still run.
"""
from __future__ import annotations

from itertools import product

from experta.abstract import Matcher
from experta.activation import Activation

__all__ = ["CompiledMatcher", "NotCompilable"]


class NotCompilable(ValueError):
    """A rule whose conditions are not plain tests on one fact each."""


def _binds(pattern) -> bool:
    """Does the pattern, or one of its field constraints, bind a variable? (The activation would
    then carry it in its context, which this matcher never fills.)"""
    return any(getattr(x, "__bind__", None) for x in (pattern, *pattern.values()))


class _Pattern:
    """One compiled pattern: its fact class and subject (the index key), the other fields'
    tests as plain functions, and the facts that passed it."""

    __slots__ = ("rule", "key", "tests", "memory")

    def __init__(self, rule, pattern, condition):
        self.rule = rule
        self.key = (type(pattern), condition.subject)
        self.tests = tuple((field, test.predicate) for field, test in condition.tests)
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
        # The patterns are read as the explanations read them: one reader, so what the matcher
        # matches and what why/why-not say can never drift apart. (Imported here: conditions.py
        # itself imports this package.)
        from expert.reasoning.conditions import UnreadablePattern, condition_of, subject_of

        super().__init__(engine)
        self._subject_of = subject_of
        self._patterns = {}   # rule -> [_Pattern, ...] in the rule's order
        self._by_key = {}     # (fact class, subject) -> the patterns a fact of that key may pass
        for bound in engine.get_rules():
            # A fresh copy, as Rete's own preparation makes: the engine's rule objects carry the
            # last instance they were read through, and the engine passes itself when firing.
            rule = bound.new_conditions(*bound)
            try:
                compiled = [_Pattern(rule, p, condition_of(p)) for p in rule]
            except UnreadablePattern as unreadable:
                raise NotCompilable(f"rule {rule.__name__}: {unreadable}") from None
            if not compiled or any(_binds(p) for p in rule):
                raise NotCompilable(f"rule {rule.__name__}: no patterns, or a variable binding")
            self._patterns[rule] = compiled
            for pattern in compiled:
                self._by_key.setdefault(pattern.key, []).append(pattern)
        self.reset()

    def reset(self):
        # Only the patterns some fact reached hold anything: reset costs nothing for the rest.
        for pattern in getattr(self, "_reached", ()):
            pattern.memory = []
        self._reached = []
        self._active = {}     # (rule, frozenset of facts) -> Activation
        self._of_fact = {}    # fact id -> keys of the activations that include it

    def _candidates(self, fact):
        cls = type(fact)
        try:
            return self._by_key.get((cls, self._subject_of(cls.__name__, fact)), ())
        except (KeyError, TypeError):  # a fact no rule reads, or an unhashable subject
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
