"""Figures computed from the answers (staffing, cost, launch time) that rules reason over.

``FIGURE_INPUTS`` maps each figure name to the question ids it is computed from; the consultation
uses it to know which questions a rule on a Figure waits for. ``compute_figures(answers)`` returns
the figures that the given answers allow computing (a figure whose inputs are missing is absent,
so rules that need it simply do not fire).

A figure exists only when the client gave the numbers it rests on (its FIGURE_INPUTS): rules must
not reason over an invented call volume. The rates it also needs (salaries, price per minute...)
may come from data/assumptions.yaml; ``figure_details`` says which, so every explanation can show
the arithmetic and the provenance of each number. ``advise``, ``consult`` and ``cost`` all get
their numbers from expert/cost.py through here, so they agree on the same answers.
"""
from __future__ import annotations

from expert.numbers.assumptions import ASSUMPTION, CLIENT, load_assumptions, resolve
from expert.numbers.cost import cost_model

_VOLUME = ("peak_hour_calls", "aht_seconds")
_COST = ("peak_hour_calls", "aht_seconds", "calls_per_month", "horizon_months")

FIGURE_INPUTS: dict[str, tuple[str, ...]] = {
    "agents_required": _VOLUME,
    "operators_headcount": _VOLUME,
    "own_centre_late_by_months": ("months_to_go_live",),
    "own_centre_extra_cost_over_horizon": _COST,
    "break_even_month": _COST,
}

# Rates a figure can do without (an assumption stands in) but that the client may give, which
# turns the figure's source from "assumption" into "client": a rule that needs a figure resting
# on the client's numbers waits on these questions too.
FIGURE_RATES: dict[str, tuple[str, ...]] = {
    "own_centre_late_by_months": ("own_centre_launch_months",),
}


def _number(numbers: dict, key: str) -> dict:
    return numbers[key].as_dict()


def _computed(name: str, value, unit: str = "") -> dict:
    return {"key": name, "value": value, "unit": unit, "source": "computed", "text": "", "seed": ""}


def figure_details(answers: dict, assumptions: dict | None = None) -> dict[str, dict]:
    """name -> {name, value, method, inputs: [number with its source]} for every figure allowed,
    on ``assumptions`` (load_assumptions(FILE); default: the bundled example rates)."""
    available = {name for name, needs in FIGURE_INPUTS.items() if all(q in answers for q in needs)}
    if not available:
        return {}
    assumptions = load_assumptions() if assumptions is None else assumptions
    numbers = resolve(answers, assumptions)
    details = {}
    if available - {"own_centre_late_by_months"}:   # all the others come from the cost model
        model = cost_model(answers, assumptions)
        team = model["staffing"]["full"]
        volume = [_number(numbers, k) for k in ("peak_hour_calls", "aht_seconds", "service_level_pct",
                                                 "service_level_seconds", "max_occupancy_pct")]
        details["agents_required"] = {
            "method": "erlang_c", "value": team["agents"],
            "inputs": volume + [_computed("load_erlangs", team["load_erlangs"], "Erlangs")],
        }
        details["operators_headcount"] = {
            "method": "headcount", "value": team["headcount"],
            "inputs": [_computed("agents_required", team["agents"], "agents"),
                       _number(numbers, "shrinkage_pct"),
                       _computed("scheduled_agents", team["scheduled_agents"], "agents"),
                       _number(numbers, "open_hours_per_week"), _number(numbers, "paid_hours_per_week")],
        }
        totals = {o["option"]: o["total"] for o in model["options"]}
        cost_inputs = [_number(numbers, k) for k in _COST] + [
            _computed("in_house_total", totals["in_house"]),
            _computed("outsource_total", totals["outsource"]),
            _computed("rates_assumed", model["assumptions_used"], "numbers")]
        # The cost model's rates (salaries, rent, price per minute...) are not all listed as
        # inputs; rates_assumed counts those that came from assumptions.
        cost_source = ASSUMPTION if model["assumptions_used"] else CLIENT
        details["own_centre_extra_cost_over_horizon"] = {
            "method": "cost_gap", "value": model["own_centre_extra_cost"], "inputs": cost_inputs,
            "source": cost_source}
        if model["break_even_month"] is not None:
            details["break_even_month"] = {
                "method": "break_even", "value": model["break_even_month"], "inputs": cost_inputs,
                "source": cost_source}
    if "own_centre_late_by_months" in available:
        launch = numbers["own_centre_launch_months"].value
        details["own_centre_late_by_months"] = {
            "method": "launch_gap", "value": _whole(launch - answers["months_to_go_live"]),
            "inputs": [_number(numbers, "own_centre_launch_months"),
                       {"key": "months_to_go_live", "value": answers["months_to_go_live"],
                        "unit": "months", "source": CLIENT, "text": "", "seed": ""}],
        }
    return {name: {"name": name, **details[name]} for name in sorted(details) if name in available}


def _whole(value):
    return int(value) if float(value).is_integer() else value


def compute_figures(answers: dict, assumptions: dict | None = None) -> dict:
    """name -> value for every figure the answers allow."""
    return {name: d["value"] for name, d in figure_details(answers, assumptions).items()}


def source_of(detail: dict) -> str:
    """A figure's source ("client" or "assumption") from its ``figure_details`` entry."""
    return detail.get("source") or (
        ASSUMPTION if any(i["source"] == ASSUMPTION for i in detail["inputs"]) else CLIENT)
