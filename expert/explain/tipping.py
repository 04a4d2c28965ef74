"""Tipping points over the numbers: where the advice would change along one number.

For every number the client gave that a rule or a figure reads, and, when the rules reason over
a figure, every assumed rate that figure rests on, the nearest value on each side at which the
recommendation changes, and what it changes to ("if the go-live could wait 5 months or more:
an own contact centre"). Numbers reach the rules directly (a threshold such as "at least 1000
customers") or through a figure (the own centre's launch gap, its extra cost over the horizon),
so the search runs on the decision itself, by expert.numbers.search, with the rules' own
thresholds as marks; the screen (sensitivity.Screen) decides each value tried, and every tipping
point reported is confirmed by the real pipeline.

An assumed rate is searched over its plausible range (assumptions.yaml: ``plausible``); a number
the client gave, over the whole range its question allows.
"""
from __future__ import annotations

from dataclasses import dataclass

from expert.explain.whynot import apply_changes
from expert.inputs.catalog import load_catalog
from expert.numbers.assumptions import ASSUMPTION, CLIENT, shipped_assumptions, whole_number
from expert.numbers.cost import staffing_steps
from expert.numbers.figures import FIGURE_INPUTS, FIGURE_RATES
from expert.numbers.search import (
    nearest_change,
    nearest_change_on_steps,
    readable,
    relative_move,
)
from expert.reasoning.advisor import advise
from expert.reasoning.conditions import conditions_of, questions_of
from rules import all_rules

REACH = 10            # a number that moves the staffing is walked to a tenth or ten times its value
STAFFING_STEPS = 100  # and over at most this many steps of the staffing (agents, seats, headcount)


@dataclass(frozen=True)
class Dial:
    """One number the advice could turn on, and the range it is searched over."""
    key: str
    kind: str        # CLIENT: the client gave it; ASSUMPTION: an assumed rate
    current: float
    low: float
    high: float
    whole: bool

    def value(self, x: float):
        return int(round(x)) if self.whole else x

    def setting(self, x: float, assumptions: dict) -> tuple:
        """(answer changes, rates) with this number at ``x``: as Screen.decision takes them."""
        if self.kind == CLIENT:
            return ((self.key, self.value(x)),), None
        return (), {**assumptions, self.key: self.value(x)}


def rule_bounds(qid: str) -> list:
    """The numbers the rules compare this question's answer with (at_least / below bounds)."""
    return sorted({c.value_test.expected for meta in all_rules() for c in conditions_of(meta)
                   if c.fact == "Answer" and c.subject == qid and c.value_test is not None
                   and c.value_test.op in (">=", "<")})


def _marks(key: str) -> tuple:
    """Where a direct reading of this number can change: each bound, and one unit below it."""
    return tuple(sorted({m for b in rule_bounds(key) for m in (b - 1, b)}))


def dials(answers: dict, assumptions: dict, figures: dict) -> list[Dial]:
    """The numbers searched: the client's numbers some rule or figure reads, then (only when a
    rule's figure exists: rates reach the advice through figures alone) each assumed rate."""
    catalog, shipped = load_catalog(), shipped_assumptions()
    read = {q for meta in all_rules() for q in questions_of(meta)}
    read |= {q for inputs in (*FIGURE_INPUTS.values(), *FIGURE_RATES.values()) for q in inputs}
    read |= set(shipped) if figures else set()
    found = [Dial(q.id, CLIENT, answers[q.id], q.min, q.max, bool(q.integer))
             for q in catalog if q.type == "number" and q.id in answers and q.id in read]
    if figures:
        for key, entry in shipped.items():
            if key not in answers:
                low, high = entry.get("plausible", (entry["min"], entry["max"]))
                found.append(Dial(key, ASSUMPTION, assumptions[key], low, high,
                                  whole_number(key)))
    return found


def tipping_points(answers: dict, assumptions: dict, screen, winner: str) -> list[dict]:
    """Each dial's nearest tipping point on each side, confirmed by the pipeline, the smallest
    move first: key, kind, now, at, direction ("up": at or more; "down": at or less), option,
    effort (how far the number moves, as a share of its current value).

    How each number is searched follows how it reaches the figures. One that changes no figure
    is searched at the rules' own thresholds. One that moves the staffing (a volume, a handling
    time, a service level) is walked along the staffing's staircase, agent by agent: between
    two steps the costs are straight lines in it. Any other rate enters the costs as a factor
    of a sum: each figure is a straight line in it and crosses a rule's bound at most once."""
    rows = []
    for dial in dials(answers, assumptions, screen.base_figures):
        def state(x, dial=dial):
            return screen.decision(*dial.setting(x, assumptions))[0]

        def staffing(x, dial=dial):
            # Erlang C and the rota alone, not the whole cost model: only its steps are wanted.
            return staffing_steps({**assumptions, **answers, dial.key: dial.value(x)}, hybrid=False)
        if dial.kind == ASSUMPTION and all(
                screen.figures_on(dial.setting(x, assumptions)[1]) == screen.base_figures
                for x in (dial.low, dial.high)):
            continue   # a rate none of these figures rests on (a home team's pay, say)
        marks = _marks(dial.key) if dial.kind == CLIENT else ()
        moves_staffing = any(staffing(x) != staffing(dial.current) for x in (dial.low, dial.high))
        straight = dial.kind == ASSUMPTION and not moves_staffing
        for end in (dial.high, dial.low):
            if moves_staffing:
                end = _within_reach(dial, end)
                at = nearest_change_on_steps(state, staffing, dial.current, end, dial.whole, marks,
                                             limit=STAFFING_STEPS)
            else:
                at = nearest_change(state, dial.current, end, dial.whole, marks, monotone=straight)
            if at is None:
                continue
            at = readable(state, at, dial.current, end, dial.whole)
            at = int(round(at)) if dial.whole or float(at).is_integer() else at
            confirmed = _confirm(answers, assumptions, dial, at)
            if confirmed == winner or confirmed != state(at):
                continue   # the screen and the engine disagree: report only what the engine says
            rows.append({"key": dial.key, "kind": dial.kind, "now": dial.current, "at": at,
                         "direction": "up" if end > dial.current else "down",
                         "option": confirmed,
                         "effort": relative_move(dial.current, at)})
    return sorted(rows, key=lambda r: r["effort"])   # the smallest move first (stable)


def _within_reach(dial: Dial, end: float) -> float:
    """How far a number that moves the staffing is walked: to a tenth or ten times its value
    (within its range). Farther than that is a different client, not a change to this one, and
    the staffing's staircase has thousands of steps there."""
    if end > dial.current:
        return min(end, max(dial.current, 1.0) * REACH)
    return max(end, dial.current / REACH)


def _confirm(answers: dict, assumptions: dict, dial: Dial, at) -> str:
    changes, rates = dial.setting(at, assumptions)
    return advise(apply_changes(answers, changes), assumptions=rates or assumptions).decision.option
