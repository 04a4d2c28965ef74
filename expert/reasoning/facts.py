"""The fact classes the rules match on.

Answers come from the client; Figures are numbers computed from answers; the rest are derived
by rules (Evidence, Advice, Finding) or by the decision step between the two runs (Recommended).
"""
from expert.reasoning._experta import Fact


class Answer(Fact):
    """The client's answer: ``Answer(question=<id>, value=<normalised value>)``.

    yes/no answers are the strings "yes" and "no", choices are the choice id, numbers are numbers.
    """


class Figure(Fact):
    """A number computed from the answers (e.g. agents required): ``Figure(name=..., value=...)``."""


class Finding(Fact):
    """An intermediate conclusion other rules chain on: ``Finding(name=...)``.

    It carries no rule id: several rules may reach it, and it must be one fact so that rules
    chaining on it fire once. The firing record shows which rule added it first.
    """


class Evidence(Fact):
    """A weighted vote for (weight > 0) or against (weight < 0) one option."""


class Advice(Fact):
    """An advice item (its id refers to data/advice.yaml) added by ``rule``."""


class Recommended(Fact):
    """Declared by the decision step: ``rank`` is "chosen" or "runner_up" (only on a close call)."""
