"""experta's own Rete matcher, with three savings that leave its results exactly as they were."""
from __future__ import annotations

from experta.fieldconstraint import L
from experta.matchers import ReteMatcher
from experta.matchers.rete.check import FeatureCheck
from experta.matchers.rete.mixins import ChildNode
from experta.matchers.rete.nodes import FeatureTesterNode

__all__ = ["ChangedRulesMatcher"]


class ChangedRulesMatcher(ReteMatcher):
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
