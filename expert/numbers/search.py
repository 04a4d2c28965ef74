"""The nearest point along one number where something changes: a gallop, then bisection.

Used to find tipping points (where the advice or the order of the options' costs changes) over a
number the client gave or an assumed rate. No grid is sampled: from the current value the search
steps outward by doubling distances, so the first change is bracketed between the last point
that still gave the current state and the first that did not, and bisection then closes that
bracket to one unit (whole numbers) or to ``PRECISION`` of its distance from the current value
(others).

The steps start at a thousandth of the number (one unit for whole numbers) and a rule's own
thresholds are probes of their own. Farther out the probes are as far apart as they are from
the current value, so the gallop alone is exact only for a state that changes at most once on
the way (``monotone``: a cost that is a straight line in the number) or whose first change
never reverts (a staircase such as the staffing). A state resting on a staircase, such as a cost
comparison over Erlang C's whole agents, which can flip and flip back from one agent to the
next, is searched by ``nearest_change_on_steps``: the staircase is walked step by step, and
between two steps the state changes at most once, so nothing is stepped over.
"""
from __future__ import annotations

import math
from typing import Callable, Hashable

PRECISION = 1e-3     # of the distance moved, for numbers that need not be whole
GALLOP_STEPS = 40    # doublings: from one unit to the far end of any range we search


def nearest_change(state: Callable[[float], Hashable], current: float, end: float,
                   whole: bool, marks=(), monotone: bool = False) -> float | None:
    """The value nearest ``current`` on the way to ``end`` (inclusive) whose ``state`` differs
    from the state at ``current``; None when none does. ``whole``: only whole numbers are tried.

    ``marks``: values where the state is known to be able to change (a rule's threshold), each
    probed in its place among the gallop's doublings. ``monotone``: the state changes at most
    once on the way (the caller knows why), so when ``end`` gives the current state nothing
    between does, and no gallop is run.
    """
    if end == current:
        return None
    here = state(current)
    if monotone and state(end) == here:
        return None
    found = _bracket(state, current, end, whole, marks, here)
    return None if found is None else found[1]


def _bracket(state, current, end, whole, marks=(), here=None) -> tuple | None:
    """(inside, outside): the last value with the current state and the first without, one
    unit (or PRECISION of the way) apart; None when the state never changes on the way."""
    if end == current:
        return None
    here = state(current) if here is None else here
    direction = 1 if end > current else -1
    # The marks ahead are probes of their own, nearest first, among the gallop's.
    ahead = sorted((m for m in marks if 0 < (m - current) * direction < abs(end - current)),
                   key=lambda m: abs(m - current))
    inside, outside, step = current, None, _first_step(current, whole)   # then doubling
    for _ in range(GALLOP_STEPS + len(ahead)):
        probe = min(current + direction * step, end) if direction > 0 else max(current - step, end)
        if whole:
            probe = float(int(probe)) if direction > 0 else float(-int(-probe))
        if ahead and abs(ahead[0] - current) < abs(probe - current):
            probe = ahead.pop(0)   # a rule's threshold comes before the next doubling
            step /= 2
        if state(probe) != here:
            outside = probe
            break
        inside = probe
        if probe == end:
            return None
        step *= 2
    if outside is None:
        return None
    return _closed(state, here, current, inside, outside, whole, direction)


def _first_step(current: float, whole: bool) -> float:
    """The gallop's first step: one unit, or a small share of the number itself."""
    return 1.0 if whole else max(abs(current), 1.0) * PRECISION


def _closed(state, here, current, inside, outside, whole, direction) -> tuple:
    """The bracket (inside: the current state; outside: another) closed by bisection to one
    unit, or to PRECISION of the distance from the current value."""
    while abs(outside - inside) > (1.0 if whole else max(abs(outside - current) * PRECISION,
                                                           1e-9)) * (1.0 + 1e-9):
        middle = (inside + outside) / 2
        if whole:
            middle = float(int(middle)) if direction > 0 else float(-int(-middle))
            if middle in (inside, outside):
                break
        if state(middle) == here:
            inside = middle
        else:
            outside = middle
    return inside, outside


def nearest_change_on_steps(state: Callable[[float], Hashable],
                            steps: Callable[[float], Hashable], current: float, end: float,
                            whole: bool, marks=(), limit: int = 100) -> float | None:
    """``nearest_change`` for a state that rests on a staircase (``steps``, rising or falling
    only) and, between two of its steps, changes at most once (or at one of ``marks``): the
    staircase is walked step by step from ``current``, so no change of the state is stepped
    over. After ``limit`` steps with no change the walk gives up (None), rather than report a
    change that may not be the nearest.

    A staircase whose steps are finer than the search's precision (thousands of agents: a step
    within a thousandth of the number) is no staircase at that precision: it is searched as
    ``nearest_change`` does, and a flip and flip back narrower than that could be missed."""
    here, x = state(current), current
    direction = 1 if end > current else -1
    probe = current + direction * _first_step(current, whole)
    if (probe - end) * direction < 0 and steps(probe) != steps(current):
        return nearest_change(state, current, end, whole, marks)
    for _ in range(limit):
        step = _bracket(steps, x, end, whole)   # a staircase: its first change never reverts
        last = end if step is None else step[0]
        if last != x and state(last) != here:
            return nearest_change(state, x, last, whole, marks)
        if step is None:
            return None
        if state(step[1]) != here:
            return step[1]
        x = step[1]
    return None


def relative_move(current: float, value: float) -> float:
    """How far ``value`` is from ``current``, as a share of it (of 1 for a current value near 0)."""
    return abs(value - current) / max(abs(current), 1.0)


def readable(state: Callable[[float], Hashable], threshold: float, current: float, end: float,
             whole: bool) -> float:
    """The value to print for a tipping point found at ``threshold``: the one with the fewest
    significant digits, within 1 % of the way from ``current``, that still gives the changed
    state (5 rather than 5.0027), so that a client moved to the printed value sees the printed
    advice."""
    if whole:
        return threshold
    here, direction = state(current), (1 if end > current else -1)
    slack = abs(threshold - current) * 0.01
    for digits in range(1, 7):
        for value in (_rounded(threshold, digits, 0), _rounded(threshold, digits, direction)):
            if (abs(value - threshold) <= slack and 0 < (value - current) * direction
                    and (end - value) * direction >= 0 and state(value) != here):
                return value
    return threshold


def _rounded(x: float, digits: int, direction: int) -> float:
    """``x`` to ``digits`` significant digits: to the nearest (direction 0), up (1) or down (-1)."""
    if x == 0:
        return 0.0
    scale = 10.0 ** (math.floor(math.log10(abs(x))) - digits + 1)
    step = {0: round, 1: math.ceil, -1: math.floor}[direction](x / scale)
    return round(step * scale, 10)
