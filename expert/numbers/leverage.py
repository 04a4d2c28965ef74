"""The assumed rates that matter: those that, within their plausible range, would reorder the
options' costs, nearest first; the numbers to ask the client for first.

A cost table resting on 29 example rates says little until the client gives the few rates that
decide it. For each rate the client has not given, the search (expert.numbers.search) finds the
nearest value, inside the range declared as plausible in assumptions.yaml, at which the order of
the options by total cost over the horizon changes. The rates are ranked by how small a move
(as a share of the assumed value) reorders the table.
"""
from __future__ import annotations

from expert.numbers.assumptions import shipped_assumptions, whole_number
from expert.numbers.cost import cost_model, staffing_steps
from expert.numbers.search import (
    nearest_change,
    nearest_change_on_steps,
    readable,
    relative_move,
)

ASK_FIRST = 3   # a client asked for two or three numbers answers them; a list of 29 is skipped


def cost_order(model: dict) -> tuple:
    """The options from the cheapest to the dearest over the horizon (ties in a fixed order)."""
    return tuple(o["option"] for o in sorted(model["options"], key=lambda o: o["total"]))


def deciding_rates(answers: dict, assumptions: dict, months: int | None = None,
                   limit: int = ASK_FIRST) -> list[dict]:
    """Up to ``limit`` assumed rates that would reorder the cost table: key, name, unit, now,
    at (the nearest value that reorders it), up (at or more; else at or less), order (after)."""
    found = []
    for key, entry in shipped_assumptions().items():
        if key in answers or "plausible" not in entry:
            continue
        now, whole = assumptions[key], whole_number(key)

        def order(x, key=key):
            return cost_order(cost_model(answers, {**assumptions, key: x}, months))
        def steps(x, key=key):
            return staffing_steps({**assumptions, **answers, key: x})
        # Every total is a straight line in one rate while the staffing stays: two lines cross
        # at most once, and a pair that has swapped never swaps back, so the order changes
        # from the current one at most once between two steps of the staffing. A rate that
        # leaves the staffing as it is needs its range's end alone; one that moves it is
        # walked step by step.
        moves = any(steps(x) != steps(now) for x in entry["plausible"])
        for end in entry["plausible"][::-1]:
            at = (nearest_change_on_steps(order, steps, now, end, whole) if moves
                  else nearest_change(order, now, end, whole, monotone=True))
            if at is None:
                continue
            at = readable(order, at, now, end, whole)
            found.append({"key": key, "name": entry["name"], "unit": entry["unit"], "now": now,
                          "at": int(at) if float(at).is_integer() else at, "up": end > now,
                          "order": list(order(at)),
                          "move": relative_move(now, at)})
    nearest = {}
    for row in sorted(found, key=lambda r: r["move"]):
        nearest.setdefault(row["key"], row)   # each rate once, on its nearer side
    return list(nearest.values())[:limit]
