"""How many agents a flow of calls needs: Erlang C, computed through the Erlang B recursion.

The seeds name staffing as a cost driver (000: salaries, hiring, training; 003: "how many people
take calls? fewer than 5 / 5 or more") but give no way to compute it; Erlang C is the standard
queueing model for that. Pure functions, no I/O: the same numbers serve the ``staffing`` command,
the cost model and the Figure facts the rules reason over.

Why the Erlang B recursion: the textbook Erlang C formula has A^N / N! in it, which overflows a
float long before 50,000 calls an hour. The recursion B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1))
stays between 0 and 1, and C follows from B, so every step is stable and the search for the
smallest N that meets the target costs one multiplication per agent tried.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from functools import lru_cache

from expert.errors import InputError
from expert.i18n import N_
from expert.i18n import gettext as _
from expert.i18n.numbers import answer, fixed, number
from expert.inputs import numeric

# Loads beyond this are not one queue any more (and the search must stay bounded): 100,000 Erlangs
# is, for example, 1.5 million calls an hour at 4 minutes each.
MAX_ERLANGS = 100_000


def _search_bound(load: float) -> int:
    """How far past the offered load the search may go before a target is declared unreachable.

    The square-root staffing rule says N - A grows like sqrt(A), so this is far beyond any real
    need; it exists so that no input can make the search run on.
    """
    return int(50 * math.sqrt(load) + 100)


@dataclass(frozen=True)
class Target:
    """A service-level target such as 80/20: ``percent`` of calls answered within ``seconds``."""
    percent: float
    seconds: float

    def __str__(self) -> str:
        return f"{numeric.plain(self.percent)}/{numeric.plain(self.seconds)}"


@dataclass(frozen=True)
class Staffing:
    calls: float
    interval_minutes: float
    aht_seconds: float
    target: str
    max_occupancy_pct: float | None
    shrinkage_pct: float
    load_erlangs: float
    agents: int                 # on the line at once
    scheduled_agents: int       # on the rota, after shrinkage
    service_level_pct: float
    wait_probability_pct: float
    asa_seconds: float
    occupancy_pct: float
    limited_by: str             # "service_level" or "max_occupancy"

    def as_dict(self) -> dict:
        # Flat fields only: a plain copy (dataclasses.asdict deep-copies, and the cost model
        # asks for this once per option on every figure the sensitivity search tries).
        return {f.name: getattr(self, f.name) for f in fields(self)}


def parse_target(text: str) -> Target:
    """'80/20' -> Target(80, 20). Percent must be a percentage (not 0.8) below 100."""
    # A decimal mark may be a point or, in Russian (80,5/20), a comma: numeric.parse decides.
    match = re.fullmatch(r"\s*([0-9]*[.,]?[0-9]+)\s*/\s*([0-9]*[.,]?[0-9]+)\s*", str(text))
    if not match:
        raise InputError(_("target {text!r} is not PERCENT/SECONDS, e.g. 80/20").format(text=text))
    try:  # the regex lets through 400 digits, which float() would turn into inf
        percent, seconds = (float(numeric.parse(match[i])) for i in (1, 2))
    except InputError as err:
        raise InputError(_("target {problem}").format(problem=err)) from None
    check_percent(N_("target service level"), percent)
    if percent >= 100:
        raise InputError(_("target {text!r} is impossible: no number of agents answers 100{pct} "
                           "of calls within a time limit; use a percentage below 100")
                         .format(text=text, pct="%"))
    if seconds <= 0:
        raise InputError(_("target {text!r}: the answer time must be above 0 seconds")
                         .format(text=text))
    return Target(percent, seconds)


def check_percent(what: str, value: float, allow_zero: bool = False) -> None:
    """Percentages are typed as 80, not 0.8; a value in (0, 1) is almost surely a fraction.
    ``what`` names the value (marked with N_, translated here)."""
    if value != value or value < 0 or (value == 0 and not allow_zero):
        raise InputError(_("{what} must be above 0{pct}, got {value}")
                         .format(what=_(what), value=_shown(value), pct="%"))
    if 0 < value < 1:
        raise InputError(_("{what} {value} looks like a fraction; type percentages as percent, "
                           "e.g. {percent} for {percent}{pct}")
                         .format(what=_(what), value=answer(value), percent=answer(value * 100),
                                 pct="%"))
    if value > 100:
        raise InputError(_("{what} {value}{pct} is over 100{pct}")
                         .format(what=_(what), value=answer(value), pct="%"))


def _shown(value: float) -> str:
    """A value a check refused, as the user typed it (NaN and infinities as Python names them)."""
    return answer(value) if math.isfinite(value) else str(value)


def _check_positive(what: str, value: float) -> None:
    if not (value > 0 and math.isfinite(value)):
        raise InputError(_("{what} must be a number above 0, got {value}")
                         .format(what=_(what), value=_shown(value)))


def offered_load(calls: float, interval_minutes: float, aht_seconds: float) -> float:
    """Erlangs: the average number of calls in progress at once."""
    return calls * aht_seconds / (interval_minutes * 60)


def erlang_c(agents: int, load: float) -> float:
    """Probability that a call waits (Erlang C), via the stable Erlang B recursion."""
    if agents <= load:
        return 1.0
    b = 1.0
    for n in range(1, agents + 1):
        b = load * b / (n + load * b)
    return _c_from_b(agents, load, b)


def _c_from_b(agents: int, load: float, b: float) -> float:
    return agents * b / (agents - load * (1 - b))


def service_level(agents: int, load: float, aht_seconds: float, seconds: float,
                  wait_probability: float | None = None) -> float:
    """Share of calls answered within ``seconds`` (0..1)."""
    if agents <= load:
        return 0.0
    c = erlang_c(agents, load) if wait_probability is None else wait_probability
    return 1 - c * math.exp(-(agents - load) * seconds / aht_seconds)


@lru_cache(maxsize=4096)
def required_agents(calls: float, interval_minutes: float, aht_seconds: float, target: Target,
                    max_occupancy_pct: float | None = None, shrinkage_pct: float = 0.0) -> Staffing:
    """The fewest agents on the line meeting ``target`` (and the occupancy cap, if given).

    Remembered (a pure function of its numbers; Staffing and Target are frozen): the
    sensitivity search asks for the same staffing again and again while it varies a rate that
    leaves the staffing as it is."""
    _check_positive(N_("calls"), calls)
    _check_positive(N_("interval minutes"), interval_minutes)
    _check_positive(N_("average handling time (seconds)"), aht_seconds)
    if max_occupancy_pct is not None:
        check_percent(N_("maximum occupancy"), max_occupancy_pct)
    check_percent(N_("shrinkage"), shrinkage_pct, allow_zero=True)
    if shrinkage_pct >= 100:
        raise InputError(_("shrinkage {value}{pct} is impossible: nobody would ever be on the "
                           "line").format(value=answer(shrinkage_pct), pct="%"))
    load = offered_load(calls, interval_minutes, aht_seconds)
    if load > MAX_ERLANGS:
        raise InputError(_("a load of {load} Erlangs is beyond this calculator (at most {limit}); "
                           "split the flow into queues")
                         .format(load=fixed(load, 0), limit=number(MAX_ERLANGS)))

    goal = target.percent / 100
    floor = math.floor(load) + 1                                   # Erlang C needs N > A
    if max_occupancy_pct is not None:
        floor = max(floor, math.ceil(load / (max_occupancy_pct / 100) - 1e-9))
    b = 1.0
    for n in range(1, floor):                                       # B(floor - 1)
        b = load * b / (n + load * b)
    for agents in range(floor, floor + _search_bound(load) + 1):
        b = load * b / (agents + load * b)
        c = _c_from_b(agents, load, b)
        level = service_level(agents, load, aht_seconds, target.seconds, c)
        if level >= goal:
            break
    else:  # pragma: no cover - unreachable for targets below 100%; the bound guarantees no hang
        raise InputError(_("target {target} cannot be reached for a load of {load} Erlangs")
                         .format(target=target, load=number(load)))
    by_occupancy = max_occupancy_pct is not None and agents == floor and floor > math.floor(load) + 1 \
        and service_level(agents - 1, load, aht_seconds, target.seconds) >= goal
    scheduled = math.ceil(agents / (1 - shrinkage_pct / 100) - 1e-9)
    return Staffing(
        calls=calls, interval_minutes=interval_minutes, aht_seconds=aht_seconds, target=str(target),
        max_occupancy_pct=max_occupancy_pct, shrinkage_pct=shrinkage_pct,
        load_erlangs=round(load, 4), agents=agents, scheduled_agents=scheduled,
        service_level_pct=round(level * 100, 2), wait_probability_pct=round(c * 100, 2),
        asa_seconds=round(c * aht_seconds / (agents - load), 2),
        occupancy_pct=round(load / agents * 100, 2),
        limited_by="max_occupancy" if by_occupancy else "service_level",
    )
