"""The fact classes the rules match on.

Answers come from the client; Figures are numbers computed from answers; the rest are derived
by rules (Evidence, Exclusion, Advice, Finding) or by the decision step between runs (Stage,
Recommended).
"""
from expert.reasoning._experta import Fact


class Answer(Fact):
    """The client's answer: ``Answer(question=<id>, value=<normalised value>)``.

    yes/no answers are the strings "yes" and "no", choices are the choice id, numbers are numbers.
    A multi-choice answer of several choices is one Answer fact per choice
    (expert/inputs/values.py), so a rule on one choice reads it as it reads any answer.
    """


class Figure(Fact):
    """A number computed from the answers: ``Figure(name=..., value=..., source=...)``.

    ``source`` is "client" when every number it rests on came from the client, "assumption" when
    any of them is an assumed rate; rules on assumed figures give hints only.
    """


class Finding(Fact):
    """An intermediate conclusion other rules chain on: ``Finding(name=...)``.

    It carries no rule id: several rules may reach it, and it must be one fact so that rules
    chaining on it fire once. The firing record shows which rule added it first.
    """


class Evidence(Fact):
    """A weighted vote for (weight > 0) or against (weight < 0) one option of one stage.

    ``basis`` is "answers", or "assumed" when the rule matched a figure resting on assumed rates:
    such evidence never outvotes the client's own answers.
    """


class Exclusion(Fact):
    """A veto: ``Exclusion(option=..., rule=..., scope="here" | "for_now")``.

    "here": the option is out for this client; "for_now": out until what rules it out changes
    (an own centre that cannot launch by the go-live can still come later).
    """


class Advice(Fact):
    """An advice item (its id refers to data/advice.yaml) added by ``rule``."""


class Stage(Fact):
    """Declared by the decision step when a stage opens: ``Stage(name="sourcing")``."""


class Recommended(Fact):
    """Declared by the decision step: ``rank`` is "chosen", "runner_up" (a close call or a real
    tension), "later" (the long-run favourite, excluded only for now), or "tied" (each option of
    an undecided tie)."""
