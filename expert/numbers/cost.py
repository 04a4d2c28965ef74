"""Monthly and cumulative cost of each option over the horizon, in the seeds' cost components.

The seeds say what drives cost but give no figures:
- seed 000: an own centre's constant costs are premises rent, telecom, salaries, CRM (and a PBX to
  deploy); its variable costs are finding and hiring staff, training, and equipment upkeep;
- seed 003: an own centre needs capital costs (premises, equipment, software), an outsourcer a
  subscription fee but no capital; the industry's turnover is high;
- seed 002: an outsourcer's price is a one-off preparation part plus a price per minute handled;
- seed 001: home operators are paid fix + KPI, plus hiring, training and technical infrastructure.
So every component here is one of those, and every number in it comes with its provenance
(client answer, assumption, or computed). One-off costs fall in month 1, monthly costs run from
month 1: costs are compared over the same calendar, and the launch time of each option is stated
beside them rather than folded in.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from expert import DATA_DIR
from expert.inputs.yamlload import load_localized
from expert.numbers.assumptions import (
    CURRENCY,
    Number,
    load_assumptions,
    resolve,
    shipped_currency,
)
from expert.numbers.staffing import Staffing, Target, required_agents

COMPONENTS_FILE = DATA_DIR / "cost_components.yaml"
OPTIONS = ("home_team", "in_house", "outsource", "hybrid")
COMPUTED, COMMAND_LINE = "computed", "command line"
ONE_OFF, MONTHLY = "one_off", "monthly"


def component_catalog() -> dict:
    """Cost component id -> {label, seed}, labelled in the output's language."""
    return load_localized(COMPONENTS_FILE)


@dataclass(frozen=True)
class Factor:
    """One number in a component's product: its name, value, unit and where it came from."""
    name: str
    value: float
    unit: str
    source: str
    scale: float = 1.0   # 0.01 for a percentage: shown as 20 %, multiplied as 0.2

    @classmethod
    def of(cls, number: Number) -> "Factor":
        return cls(number.key, number.value, number.unit, number.source,
                   0.01 if number.unit == "%" else 1.0)

    def as_dict(self) -> dict:
        return {"name": self.name, "value": _tidy(self.value), "unit": self.unit, "source": self.source}


@dataclass(frozen=True)
class Team:
    """Staffing for one flow of calls: Erlang C on the busy hour, then rota and shifts."""
    staffing: Staffing
    seats: int          # workstations: everyone scheduled in the busy hour
    headcount: int      # operators on the payroll, covering all the open hours
    coverage: float     # open hours per week / paid hours per operator (at least 1)


def _tidy(value):
    """Whole numbers as int (so JSON and templates show 12, not 12.0), others rounded."""
    return int(value) if float(value).is_integer() else round(value, 4)


def team_for(numbers: dict[str, Number], share: float = 1.0) -> Team:
    """The operators needed for ``share`` of the calls."""
    v = {k: n.value for k, n in numbers.items()}
    staffing = required_agents(v["peak_hour_calls"] * share, 60, v["aht_seconds"],
                               Target(v["service_level_pct"], v["service_level_seconds"]),
                               v["max_occupancy_pct"], v["shrinkage_pct"])
    coverage = max(1.0, v["open_hours_per_week"] / v["paid_hours_per_week"])
    return Team(staffing, staffing.scheduled_agents,
                math.ceil(staffing.scheduled_agents * coverage - 1e-9), round(coverage, 4))


# What the staffing (Erlang C, then the rota) is computed from.
STAFFING_INPUTS = ("peak_hour_calls", "aht_seconds", "service_level_pct", "service_level_seconds",
                   "max_occupancy_pct", "shrinkage_pct", "open_hours_per_week", "paid_hours_per_week")


@dataclass(frozen=True)
class _Value:
    value: float


def staffing_steps(values: dict, hybrid: bool = True) -> tuple:
    """(agents, seats, headcount) for all the calls, and with ``hybrid`` for the hybrid's own
    part too, from key -> value (the client's answers over the rates): the staircase every cost
    rests on, without the rest of the cost model. Between two of its steps each option's cost is
    a straight line in any one number."""
    numbers = {key: _Value(values[key]) for key in STAFFING_INPUTS}
    teams = [team_for(numbers)]
    if hybrid:
        teams.append(team_for(numbers, values["in_house_share_pct"] / 100))
    return tuple((t.staffing.agents, t.seats, t.headcount) for t in teams)


def _component(cid: str, kind: str, *factors: Factor, part: str = "") -> dict:
    amount = math.prod(f.value * f.scale for f in factors)
    meta = component_catalog()[cid]
    return {"id": cid, "label": meta["label"], "seed": meta["seed"], "kind": kind, "part": part,
            "amount": round(amount), "factors": [f.as_dict() for f in factors]}


def _team_factors(team: Team) -> tuple[Factor, Factor]:
    return (Factor("seats", team.seats, "seats", COMPUTED),
            Factor("operators", team.headcount, "operators", COMPUTED))


def in_house_components(numbers: dict, team: Team, part: str = "") -> list[dict]:
    n = numbers
    seats, heads = _team_factors(team)
    leavers = Factor.of(n["monthly_attrition_pct"])
    return [
        _component("seat_capital", ONE_OFF, seats, Factor.of(n["seat_capital_cost"]), part=part),
        _component("pbx", ONE_OFF, Factor.of(n["pbx_setup_cost"]), part=part),
        _component("hiring", ONE_OFF, heads, Factor.of(n["hiring_cost_per_hire"]), part=part),
        _component("training", ONE_OFF, heads, Factor.of(n["training_cost_per_hire"]), part=part),
        _component("salaries", MONTHLY, heads, Factor.of(n["operator_salary_per_month"]), part=part),
        _component("premises", MONTHLY, seats, Factor.of(n["premises_rent_per_seat_month"]), part=part),
        _component("telecom", MONTHLY, seats, Factor.of(n["telecom_per_seat_month"]), part=part),
        _component("crm", MONTHLY, seats, Factor.of(n["crm_per_seat_month"]), part=part),
        _component("upkeep", MONTHLY, seats, Factor.of(n["equipment_upkeep_per_seat_month"]), part=part),
        _component("turnover", MONTHLY, heads, leavers,
                   Factor("hiring_and_training_per_hire",
                          n["hiring_cost_per_hire"].value + n["training_cost_per_hire"].value,
                          "per hire", _source_of(n["hiring_cost_per_hire"], n["training_cost_per_hire"])),
                   part=part),
    ]


def outsource_components(numbers: dict, share: float = 1.0, part: str = "") -> list[dict]:
    n = numbers
    minutes = n["calls_per_month"].value * share * n["aht_seconds"].value / 60
    return [
        _component("setup_fee", ONE_OFF, Factor.of(n["outsource_setup_fee"]), part=part),
        _component("minutes", MONTHLY,
                   Factor("minutes_per_month", round(minutes, 2), "minutes/month",
                          _source_of(n["calls_per_month"], n["aht_seconds"])),
                   Factor.of(n["outsource_price_per_minute"]), part=part),
    ]


def home_team_components(numbers: dict, team: Team) -> list[dict]:
    n = numbers
    _, heads = _team_factors(team)
    fix = Factor.of(n["home_operator_fixed_pay_per_month"])
    return [
        _component("home_hiring", ONE_OFF, heads, Factor.of(n["hiring_cost_per_hire"])),
        _component("home_training", ONE_OFF, heads, Factor.of(n["training_cost_per_hire"])),
        _component("home_fix", MONTHLY, heads, fix),
        _component("home_kpi", MONTHLY, heads, fix, Factor.of(n["home_kpi_bonus_pct"])),
        _component("home_infrastructure", MONTHLY, heads,
                   Factor.of(n["home_infrastructure_per_operator_month"])),
        _component("home_turnover", MONTHLY, heads, Factor.of(n["home_monthly_attrition_pct"]),
                   Factor("hiring_and_training_per_hire",
                          n["hiring_cost_per_hire"].value + n["training_cost_per_hire"].value,
                          "per hire", _source_of(n["hiring_cost_per_hire"], n["training_cost_per_hire"]))),
    ]


def _source_of(*numbers: Number) -> str:
    """A number derived from several: 'client' only if all of them came from the client."""
    return "client" if all(n.source == "client" for n in numbers) else "assumption"


def _option(option: str, components: list[dict], months: int, launch: float,
            full_launch: float | None = None) -> dict:
    one_off = sum(c["amount"] for c in components if c["kind"] == ONE_OFF)
    monthly = sum(c["amount"] for c in components if c["kind"] == MONTHLY)
    return {
        "option": option, "components": components, "one_off": one_off, "monthly": monthly,
        "cumulative": [one_off + monthly * m for m in range(1, months + 1)],
        "total": one_off + monthly * months,
        "launch_months": _tidy(launch),
        "full_launch_months": _tidy(full_launch if full_launch is not None else launch),
    }


def break_even_month(in_house: dict, outsource: dict) -> int | None:
    """The first month from which the own centre's cumulative cost is no higher than outsourcing's.

    Both costs are straight lines (one-off + monthly x m), so this is solved, not searched; None
    when the own centre never catches up (its monthly cost is not lower).
    """
    gap = in_house["one_off"] - outsource["one_off"]
    saving = outsource["monthly"] - in_house["monthly"]
    if gap + saving <= 0:       # cheaper already in month 1
        return 1
    if saving <= 0:
        return None
    return max(1, math.ceil(gap / saving))


def cost_model(answers: dict, assumptions: dict | None = None, months: int | None = None) -> dict:
    """Everything the cost report shows, as plain data; figures.py reads its figures from here."""
    assumptions = assumptions if assumptions is not None else load_assumptions()
    numbers = resolve(answers, assumptions)
    horizon = numbers["horizon_months"]
    if months is not None:
        horizon = Number("horizon_months", months, "months", COMMAND_LINE, horizon.text, horizon.seed)
    months = int(horizon.value)
    share = numbers["in_house_share_pct"].value / 100
    full, own_part = team_for(numbers), team_for(numbers, share)
    n = {k: v.value for k, v in numbers.items()}
    options = {
        "home_team": _option("home_team", home_team_components(numbers, full), months,
                             n["home_team_launch_months"]),
        "in_house": _option("in_house", in_house_components(numbers, full), months,
                            n["own_centre_launch_months"]),
        "outsource": _option("outsource", outsource_components(numbers), months,
                             n["outsourcer_launch_months"]),
        "hybrid": _option("hybrid", in_house_components(numbers, own_part, part="own")
                          + outsource_components(numbers, 1 - share, part="outsourced"), months,
                          min(n["own_centre_launch_months"], n["outsourcer_launch_months"]),
                          max(n["own_centre_launch_months"], n["outsourcer_launch_months"])),
    }
    even = break_even_month(options["in_house"], options["outsource"])
    return {
        "horizon": horizon.as_dict(),
        "months": months,
        "currency": assumptions.get(CURRENCY, shipped_currency()["value"]),
        "numbers": [num.as_dict() for num in numbers.values()],
        "assumptions_used": sum(1 for num in numbers.values() if num.source != "client"),
        "staffing": {"full": _team_dict(full), "hybrid_own_part": _team_dict(own_part),
                     "in_house_share_pct": _tidy(n["in_house_share_pct"])},
        "options": [options[o] for o in OPTIONS],
        "break_even_month": even,
        "break_even_within_horizon": even is not None and even <= months,
        "own_centre_extra_cost": options["in_house"]["total"] - options["outsource"]["total"],
    }


def staged_plan(model: dict, now: str, later: str, carry_months: float) -> dict:
    """A staged plan's cost over the same horizon: ``now`` carries the calls for
    ``carry_months`` (at least one, at most the horizon), then ``later`` runs for the rest. Both
    one-off costs are paid; its monthly cost is ``later``'s, once it runs."""
    months = model["months"]
    first, then = (next(o for o in model["options"] if o["option"] == x) for x in (now, later))
    carry = min(max(1, math.ceil(carry_months - 1e-9)), months)
    return {"option": "staged", "now": now, "later": later, "carry_months": carry,
            "one_off": first["one_off"] + then["one_off"], "monthly": then["monthly"],
            "total": first["one_off"] + first["monthly"] * carry + then["one_off"]
            + then["monthly"] * (months - carry)}


def _team_dict(team: Team) -> dict:
    return {**team.staffing.as_dict(), "seats": team.seats, "headcount": team.headcount,
            "coverage": team.coverage}
