"""Figures: computed only from the client's numbers, reasoned over by rules/numbers.py, explained."""
import pytest

from expert.reasoning.advisor import advise
from expert.inputs.catalog import load_catalog
from expert.reasoning.conditions import conditions_of
from expert.numbers.figures import FIGURE_INPUTS, compute_figures
from rules import RULESETS, rule_index
from rules.numbers import NumberRules
from expert.reasoning.heuristic import heuristics_of

VOLUME = {"peak_hour_calls": 400, "aht_seconds": 120}


def fired(answers):
    return [f.rule for f in advise(load_catalog().validate(answers)).firings]


def test_no_numbers_no_figures():
    assert compute_figures({"period": "long_term"}) == {}


def test_a_figure_needs_all_its_client_inputs():
    assert set(compute_figures({"calls_per_month": 5000})) == set()
    assert set(compute_figures(VOLUME)) == {"agents_required", "operators_headcount"}
    with_cost = compute_figures({**VOLUME, "calls_per_month": 40000, "horizon_months": 24})
    assert {"own_centre_extra_cost_over_horizon"} <= set(with_cost)


def test_every_figure_a_rule_reads_is_declared_with_its_inputs():
    assert NumberRules in RULESETS
    names = {c.subject for meta in heuristics_of(NumberRules) for c in conditions_of(meta)
             if c.fact == "Figure"}
    assert names <= set(FIGURE_INPUTS)
    catalog = load_catalog()
    assert all(q in catalog for inputs in FIGURE_INPUTS.values() for q in inputs)


def test_agents_figure_is_erlang_c_on_the_busiest_hour():
    # 400 calls/h x 120 s = 13.33 Erlangs; 80/20 (assumed target) needs 17 on the line
    assert compute_figures(VOLUME)["agents_required"] == 17


def test_computed_agents_place_no_staff_row_and_veto_nothing():
    # Issue 23, cause 7: the headcount rests on the shipped 80/20 target and 85 % occupancy, so it
    # is shown with the costs; only the client's own count places seed 003's staff row.
    rules = fired(VOLUME)
    assert compute_figures(VOLUME)["agents_required"] == 17
    assert not {"five_or_more_people_take_calls", "fewer_than_five_people_take_calls",
                "five_or_more_on_calls_need_a_centre"} & set(rules)
    result = advise(load_catalog().validate({**VOLUME, "call_load": "calls_lost"}))
    assert "home_team" not in result.decision.excluded


@pytest.mark.parametrize("go_live, late", [(2, True), (6, False), (9, False)])
def test_go_live_sooner_than_an_own_centre_launch_favours_outsourcing(go_live, late):
    assert compute_figures({"months_to_go_live": go_live})["own_centre_late_by_months"] == 6 - go_live
    rules = fired({"months_to_go_live": go_live})
    # The launch time is only assumed («до полугода», up to six months): a hint, never a veto.
    assert ("own_centre_may_not_be_ready_by_go_live" in rules) is late
    assert "own_centre_cannot_launch_by_go_live" not in rules


@pytest.mark.parametrize("launch, late", [(4, True), (2, False)])
def test_the_clients_own_launch_estimate_can_exclude_an_own_centre_for_now(launch, late):
    answers = {"months_to_go_live": 2, "own_centre_launch_months": launch,
               "task_complexity": "specialist"}
    assert compute_figures(answers)["own_centre_late_by_months"] == launch - 2
    result = advise(load_catalog().validate(answers))
    assert ("own_centre_cannot_launch_by_go_live" in [f.rule for f in result.firings]) is late
    assert (result.decision.excluded.get("in_house") ==
            (("own_centre_cannot_launch_by_go_live", "for_now"),)) is late


def test_horizon_before_break_even_favours_outsourcing_and_after_favours_own_centre():
    base = {"peak_hour_calls": 40, "aht_seconds": 600, "calls_per_month": 6000}
    short, long = {**base, "horizon_months": 2}, {**base, "horizon_months": 60}
    assert compute_figures(short)["own_centre_extra_cost_over_horizon"] > 0
    assert "horizon_ends_before_own_centre_pays_back" in fired(short)
    assert compute_figures(long)["break_even_month"] < 60
    assert "own_centre_pays_back_within_horizon" in fired(long)


@pytest.mark.parametrize("name, rule, text", [
    ("new_year_promotion", "own_centre_may_not_be_ready_by_go_live",
     "own_centre_late_by_months = 5: own centre launch 6 months - required go-live 1 month "
     "(client: months_to_go_live; assumption: own_centre_launch_months)"),
    ("specialist_equipment_support", "own_centre_pays_back_within_horizon",
     "own_centre_extra_cost_over_horizon = -47,777,000: own centre 78,373,000 - outsourcing "
     "126,150,000, cumulative over 60 months"),
])
def test_example_explanations_cite_the_computed_figures(ccadvisor, name, rule, text):
    md = ccadvisor("advise", "--example", name, "--format", "md").out
    line = next(l for l in md.splitlines() if "because:" in l and text in l)
    rule_line = md.splitlines()[md.splitlines().index(line) - 1]
    assert rule in rule_line and rule in rule_index()


def test_the_largest_valid_volume_is_computed_not_refused():
    """Catalog bounds and the Erlang C limit agree: any valid answers give a figure."""
    catalog = load_catalog()
    busiest = {"peak_hour_calls": catalog.get("peak_hour_calls").max,
               "aht_seconds": catalog.get("aht_seconds").max}
    from expert.numbers.staffing import MAX_ERLANGS
    assert busiest["peak_hour_calls"] * busiest["aht_seconds"] / 3600 <= MAX_ERLANGS
    assert compute_figures(busiest)["agents_required"] > 90_000
