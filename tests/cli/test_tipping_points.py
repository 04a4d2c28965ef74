"""Tipping points over the numbers (explain/tipping.py): every number the client gave, and the
assumed rates a figure rests on, searched for the nearest value at which the advice changes.

A consultant reads "if the go-live could wait 5 months or more: own centre" and moves the
client's number there: the tests do the same, on every bundled example, and just short of it."""
from __future__ import annotations

import json

import pytest

from expert.explain.sensitivity import sensitivity
from expert.inputs.examples import example_names, load_example


@pytest.mark.parametrize("example", example_names())
def test_every_printed_tipping_point_of_an_example_holds(example, tipping_points_hold):
    tipping_points_hold(load_example(example)[0])


def test_waiting_for_the_own_centre_is_found_where_the_go_live_reaches_its_launch_time(
        tipping_points_hold):
    answers = load_example("specialist_line_staged_plan")[0]
    points = {(p["key"], p["direction"]): p for p in tipping_points_hold(answers)}
    go_live = points["months_to_go_live", "up"]
    assert (go_live["at"], go_live["option"]) == (answers["own_centre_launch_months"], "in_house")
    launch = points["own_centre_launch_months", "down"]
    assert (launch["at"], launch["option"]) == (answers["months_to_go_live"], "in_house")


# Client stories told with numbers, each turning on one of them.
STORIES = {
    # A shop with 1,200 customers whose staff are pulled off their work by calls: the customer
    # base is just past seed 003's «От 1000».
    "a shop just past a thousand customers": dict(
        customer_base=1200, call_load="staff_distracted", call_staff=2, business_size="small",
        budget="limited"),
    # A distributor that must go live in three months and could launch its own centre in four.
    "a distributor one month short of its own launch": dict(
        call_load="calls_lost", customer_base=30000, period="long_term", business_size="large",
        budget="adequate", task_complexity="specialist", confidential_data="yes",
        months_to_go_live=3, own_centre_launch_months=4, regular_inbound_flow="yes"),
    # A service desk that gave its volume and rates: the cost figures reach the rules.
    "a service desk with its own volume and horizon": dict(
        call_load="calls_lost", customer_base=8000, period="long_term", business_size="medium",
        budget="adequate", task_complexity="typical", peak_hour_calls=90, aht_seconds=240,
        calls_per_month=15000, horizon_months=48),
}


@pytest.mark.parametrize("story", STORIES)
def test_every_tipping_point_of_a_client_story_holds(story, tipping_points_hold):
    tipping_points_hold(STORIES[story])


def test_a_base_just_past_a_thousand_tips_to_no_centre_below_it(tipping_points_hold):
    points = tipping_points_hold(STORIES["a shop just past a thousand customers"])
    base = next(p for p in points if p["key"] == "customer_base")
    assert (base["at"], base["direction"]) == (999, "down")


def test_the_first_page_prints_the_number_that_decides(ccadvisor):
    run = ccadvisor("advise", "--example", "specialist_line_staged_plan")
    assert run.code == 0, run.err
    text = " ".join(run.out.split())
    assert ('If "Within how many months must the contact centre be taking calls?" were 5 or '
            'more (now: 2), the advice would be: Own contact centre.') in text


def test_explain_sensitivity_lists_every_tipping_point(ccadvisor):
    run = ccadvisor("explain", "--example", "specialist_equipment_support", "--sensitivity",
                    "--format", "json")
    assert run.code == 0, run.err
    listed = json.loads(run.out)["sensitivity"]["tipping"]
    found = sensitivity(load_example("specialist_equipment_support")[0], pairs=True)["tipping"]
    assert listed == json.loads(json.dumps(found)) and len(listed) >= 5
    assert {p["kind"] for p in listed} == {"client", "assumption"}
