"""An answer's values: one for most questions, several for a multi-choice question.

Here, below the reasoning, so that the catalog that reads answers and the engine that reasons
on them (expert/reasoning: one Answer fact per value, ``Condition.holds``) share one form.
"""
from __future__ import annotations


class Several(tuple):
    """The answer to a multi-choice question when more than one choice holds: the choice ids,
    in the question's order, each once (one choice is its id, as for any choice question).

    Printed as the ids joined by ", " (so every report that prints an answer's value prints it
    sensibly), written to JSON as a list, and read by ``Condition.holds`` as holding when any of
    its choices does, as the Answer facts declared for it (one per choice) match."""
    __slots__ = ()

    def __str__(self) -> str:
        return ", ".join(map(str, self))

    def __repr__(self) -> str:
        return f"Several({tuple(self)!r})"


def answer_values(value) -> tuple:
    """The values one answer declares, one Answer fact each: every choice of a Several, else the
    value itself."""
    return tuple(value) if isinstance(value, (Several, list)) else (value,)
