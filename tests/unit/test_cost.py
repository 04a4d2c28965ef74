"""ccadvisor cost: the breakdown, break-even, launch times, provenance and clean errors."""
import json
import os
import subprocess
import sys

import pytest

from expert.numbers.cost import break_even_month, cost_model
from expert.inputs.examples import example_names
from expert.numbers.figures import compute_figures

# Round client rates, so the expected amounts can be worked out by hand.
CLIENT = {"peak_hour_calls": 60, "aht_seconds": 120, "calls_per_month": 1000, "horizon_months": 12,
          "outsource_price_per_minute": 10, "outsource_setup_fee": 5000}


def option(model, name):
    return next(o for o in model["options"] if o["option"] == name)


def test_outsourcer_is_a_set_up_part_plus_minutes_times_price():
    out = option(cost_model(CLIENT), "outsource")
    # seed 002: one-off preparation + price per minute x minutes (1000 calls x 2 min)
    assert (out["one_off"], out["monthly"]) == (5000, 20000)
    assert out["cumulative"][:3] == [25000, 45000, 65000]
    minutes = next(c for c in out["components"] if c["id"] == "minutes")
    assert [(f["name"], f["source"]) for f in minutes["factors"]] == [
        ("minutes_per_month", "client"), ("outsource_price_per_minute", "client")]


def test_every_option_is_broken_into_the_seeds_components():
    model = cost_model(CLIENT)
    ids = {o["option"]: [c["id"] for c in o["components"]] for o in model["options"]}
    assert ids["in_house"] == ["seat_capital", "pbx", "hiring", "training", "salaries", "premises",
                               "telecom", "crm", "upkeep", "turnover"]
    assert ids["outsource"] == ["setup_fee", "minutes"]
    assert ids["home_team"] == ["home_hiring", "home_training", "home_fix", "home_kpi",
                                "home_infrastructure", "home_turnover"]
    assert ids["hybrid"] == ids["in_house"] + ids["outsource"]
    for o in model["options"]:
        assert o["total"] == o["one_off"] + o["monthly"] * 12 == o["cumulative"][-1]


def test_hybrid_sends_the_stated_share_to_the_outsourcer():
    model = cost_model({**CLIENT, "in_house_share_pct": 60})
    hybrid = option(model, "hybrid")
    minutes = next(c for c in hybrid["components"] if c["id"] == "minutes")
    assert minutes["part"] == "outsourced" and minutes["amount"] == 8000  # 40% of 20,000
    assert model["staffing"]["hybrid_own_part"]["calls"] == 36


def test_launch_times_follow_seed_000():
    model = cost_model(CLIENT)
    launch = {o["option"]: (o["launch_months"], o["full_launch_months"]) for o in model["options"]}
    assert launch == {"home_team": (1, 1), "in_house": (6, 6), "outsource": (1, 1), "hybrid": (1, 6)}


@pytest.mark.parametrize("in_house, outsource, month", [
    ({"one_off": 1000, "monthly": 100}, {"one_off": 100, "monthly": 250}, 6),   # 900 / 150
    ({"one_off": 1000, "monthly": 100}, {"one_off": 100, "monthly": 300}, 5),   # 900 / 200 -> 4.5
    ({"one_off": 100, "monthly": 100}, {"one_off": 500, "monthly": 100}, 1),
    ({"one_off": 1000, "monthly": 300}, {"one_off": 100, "monthly": 250}, None),
])
def test_break_even_month(in_house, outsource, month):
    assert break_even_month(in_house, outsource) == month


def test_break_even_is_where_the_cumulative_lines_cross():
    model = cost_model({**CLIENT, "outsource_price_per_minute": 300, "horizon_months": 60})
    month = model["break_even_month"]
    inh, out = option(model, "in_house")["cumulative"], option(model, "outsource")["cumulative"]
    assert month is not None and inh[month - 1] <= out[month - 1] and inh[month - 2] > out[month - 2]


@pytest.mark.parametrize("name", example_names())
def test_cost_works_on_every_example_with_provenance(ccadvisor, name):
    run = ccadvisor("cost", "--example", name, "--format", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert [o["option"] for o in data["options"]] == ["home_team", "in_house", "outsource", "hybrid"]
    assert all(o["components"] and o["cumulative"] for o in data["options"])
    sources = {n["key"]: n["source"] for n in data["numbers"]}
    assert set(sources.values()) <= {"client", "assumption"}
    assert sources["outsource_price_per_minute"] == "assumption"  # no example gives rates
    run = ccadvisor("cost", "--example", name)
    assert "(assumption)" in run.out and "Break-even" in run.out


def test_client_numbers_are_labelled_client(ccadvisor):
    data = json.loads(ccadvisor("cost", "--example", "new_year_promotion", "--format", "json").out)
    sources = {n["key"]: n["source"] for n in data["numbers"]}
    assert sources["peak_hour_calls"] == sources["horizon_months"] == "client"
    assert sources["shrinkage_pct"] == "assumption"
    assert data["months"] == 2


def test_advise_and_cost_agree_on_the_same_answers(ccadvisor):
    from expert.inputs.examples import load_example
    answers, _ = load_example("specialist_equipment_support")
    data = json.loads(ccadvisor("cost", "--example", "specialist_equipment_support",
                                "--format", "json").out)
    totals = {o["option"]: o["total"] for o in data["options"]}
    figures = compute_figures(answers)
    assert figures["own_centre_extra_cost_over_horizon"] == totals["in_house"] - totals["outsource"]
    assert figures["agents_required"] == data["staffing"]["full"]["agents"]
    assert figures["break_even_month"] == data["break_even_month"]


def test_months_option_sets_the_horizon(ccadvisor):
    data = json.loads(ccadvisor("cost", "--example", "home_team_startup", "--months", "3",
                                "--format", "json").out)
    assert data["months"] == 3 and data["horizon"]["source"] == "command line"
    assert all(len(o["cumulative"]) == 3 for o in data["options"])


def test_text_and_md_give_a_month_table(ccadvisor):
    text = ccadvisor("cost", "--example", "home_team_startup", "--months", "3").out
    assert "  month     home_team      in_house     outsource        hybrid" in text
    md = ccadvisor("cost", "--example", "home_team_startup", "--months", "3", "--format", "md").out
    assert "| month | `home_team` | `in_house` | `outsource` | `hybrid` |" in md


def test_html_draws_one_line_per_option_and_escapes_client_text(ccadvisor, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text('meta:\n  client: "<script>alert(1)</script>"\nperiod: long_term\n')
    run = ccadvisor("cost", "--answers", str(answers), "--format", "html")
    assert run.code == 0, run.err
    assert "<svg id=\"chart\"" in run.out and run.out.count("<polyline") == 4
    assert "<script>" not in run.out and "&lt;script&gt;" in run.out


def test_assumptions_file_replaces_rates(ccadvisor, tmp_path):
    rates = tmp_path / "rates.yaml"
    rates.write_text("outsource_price_per_minute: 10\noutsource_setup_fee: {value: 0}\n")
    data = json.loads(ccadvisor("cost", "--example", "home_team_startup", "--assumptions",
                                str(rates), "--format", "json").out)
    out = option(data, "outsource")
    # home_team_startup: 1200 calls x 150 s = 3000 minutes x 10
    assert (out["one_off"], out["monthly"]) == (0, 30000)
    assert data["assumptions_source"] == str(rates)


@pytest.mark.parametrize("content, message", [
    ("outsource_price_per_minit: 10\n",
     "unknown assumption 'outsource_price_per_minit' (did you mean 'outsource_price_per_minute'?)"),
    ("shrinkage_pct: 0.3\n", "'shrinkage_pct' is 0.3, which looks like a fraction; type percentages as percent, e.g. 30"),
    ("monthly_attrition_pct: 250\n", "'monthly_attrition_pct' is 250, out of range: expected 0 to 100 (%)"),
    ("pbx_setup_cost: cheap\n", "'pbx_setup_cost' must be a number, got 'cheap'"),
    ("pbx_setup_cost: [1, 2\n", "malformed YAML"),
    ("- 1\n", "the top level must be a mapping"),
])
def test_bad_assumptions_file_is_one_line_exit_2_and_writes_nothing(ccadvisor, tmp_path, content, message):
    rates, out = tmp_path / "rates.yaml", tmp_path / "out.html"
    rates.write_text(content)
    run = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", str(rates),
                    "--format", "html", "-o", str(out))
    assert run.code == 2 and run.err.startswith(f"ccadvisor: error: {rates}: ")
    assert message in run.err and run.err.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("months", ["0", "121", "-4"])
def test_months_out_of_range_is_refused(ccadvisor, months):
    run = ccadvisor("cost", "--example", "home_team_startup", "--months", months)
    assert run.code == 2 and run.err == f"ccadvisor: error: --months must be from 1 to 120, got {months}\n"


def test_same_output_under_any_hash_seed():
    outs = set()
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", "import cli; cli.main()", "cost", "--example", "new_year_promotion",
                                 "--format", "md"], capture_output=True, text=True, env=env).stdout)
    assert len(outs) == 1 and "Breakdown" in outs.pop()
