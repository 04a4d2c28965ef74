"""The client page as a client acts on it: a staged plan on its first line and in the cost
table, every figure the one the rules used, option names whole, the numbers to ask for first,
and at most seven next steps, each an action with its seed, the rest in the appendix by topic."""
from __future__ import annotations

import re

import pytest

from expert.explain.client import client_report
from expert.i18n import using
from expert.inputs.examples import example_names, load_example
from expert.numbers.assumptions import load_assumptions
from expert.numbers.cost import cost_model
from expert.numbers.leverage import cost_order
from expert.reasoning.advisor import advise
from expert.reasoning.options import load_options
from expert.report.model import TOPICS, advice_catalog

STAGED = "specialist_line_staged_plan"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_staged_plan_is_stated_on_the_recommendations_first_line(ccadvisor):
    text = ccadvisor("advise", "--example", STAGED).out
    first = text.split("RECOMMENDATION\n", 1)[1].split("\n\n", 1)[0]
    assert flat(first).startswith("Outsourced contact centre now, then Own contact centre once it "
                                  "can be ready (about 5 months).")
    md = ccadvisor("advise", "--example", STAGED, "--format", "md").out
    assert ("## Recommendation: Outsourced contact centre now, then Own contact centre once it can "
            "be ready (about 5 months)") in md


def test_the_staged_plan_has_its_own_row_in_the_cost_table_costed_from_the_model():
    answers = load_example(STAGED)[0]
    result = advise(answers)
    page = client_report(result)["page"]
    rows = {r["option"]: r for r in page["costs"]["options"]}
    model = {o["option"]: o for o in cost_model(answers)["options"]}
    carry = answers["own_centre_launch_months"] - answers["months_to_go_live"]
    months = cost_model(answers)["months"]
    out, own = model["outsource"], model["in_house"]
    assert rows["staged"]["total"] == (out["one_off"] + out["monthly"] * carry + own["one_off"]
                                       + own["monthly"] * (months - carry))
    assert rows["staged"]["chosen"] and not rows["outsource"]["chosen"]
    assert rows["staged"]["label"] == ("Staged: Outsourced contact centre for 3 months, then "
                                       "Own contact centre")


@pytest.mark.parametrize("example", example_names())
def test_every_figure_on_the_page_is_the_one_the_rules_used(example):
    result = advise(load_example(example)[0])
    page = client_report(result)["page"]
    totals = {r["option"]: r["total"] for r in page["costs"]["options"]}
    gap = result.figures.get("own_centre_extra_cost_over_horizon")
    if gap:
        assert totals["in_house"] - totals["outsource"] == gap["value"]
        fired = {f.rule for f in result.firings}
        assert ("horizon_ends_before_own_centre_pays_back" in fired) == (gap["value"] > 0)
        assert ("own_centre_pays_back_within_horizon" in fired) == (gap["value"] < 0)
    late = result.figures.get("own_centre_late_by_months")
    if late and page["later"]:
        launch = next(i for i in late["inputs"] if i["key"] == "own_centre_launch_months")
        assert page["later"]["ready_months"] == launch["value"]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("example", example_names())
def test_no_option_name_is_cut_in_the_cost_table(ccadvisor, example, lang):
    run = ccadvisor("--lang", lang, "advise", "--example", example, env={"COLUMNS": "80"})
    assert run.code == 0, run.err
    heading = {"en": "COST OVER", "ru": "ЗАТРАТЫ ЗА"}[lang]
    table = flat(run.out.split("\n" + heading, 1)[1].split("\n\n", 1)[0])
    with using(lang):
        rows = client_report(advise(load_example(example)[0]))["page"]["costs"]["options"]
    assert len(rows) >= 4
    for row in rows:
        assert flat(row["label"]) in table, row["label"]
    assert max(map(len, run.out.splitlines())) <= 80


@pytest.mark.parametrize("example", example_names())
def test_at_most_seven_next_steps_each_an_action_with_its_seed_in_the_order_they_are_done(example):
    result = advise(load_example(example)[0])
    page = client_report(result)["page"]
    steps, catalog = page["next_steps"], advice_catalog()
    assert len(steps) <= 7
    actions = {entry["action"]: (item, entry) for item, entry in catalog.items() if "action" in entry}
    orders = []
    for step in steps:
        item, entry = actions[step["title"]]   # an action the advice file declares, none other
        assert step["article"]["seed"] == entry["seed"]
        later = bool(result.decision.later) and result.decision.option not in step["for"]
        orders.append((later, entry["order"]))
    assert orders == sorted(orders)


def test_a_reason_is_never_a_next_step():
    """'What the staff costs buy' is a reason, and the curator's naming is for the client."""
    catalog = advice_catalog()
    assert "action" not in catalog["in_house_control_and_training"]
    assert "action" not in catalog["staged_plan_build_later"]
    for example in example_names():
        page = client_report(advise(load_example(example)[0]))["page"]
        titles = [s["title"] for s in page["next_steps"]]
        assert not any("Ask the client" in t or "consultant" in t for t in titles)


def test_the_appendix_lists_every_piece_of_advice_once_under_its_topic(ccadvisor):
    md = ccadvisor("advise", "--example", STAGED, "--format", "md").out
    level, rest = re.search(r"^(#+) Advice, by topic\n(.*)", md, re.M | re.S).groups()
    appendix = re.split(rf"^#{{1,{len(level)}}} ", rest, flags=re.M)[0]
    topic, item = "#" * (len(level) + 1) + " ", "#" * (len(level) + 2) + " "
    sections = {s.split("\n", 1)[0]: s for s in appendix.split("\n" + topic)[1:]}
    result, catalog, topics = advise(load_example(STAGED)[0]), advice_catalog(), dict(TOPICS)
    items = list(dict.fromkeys(a["item"] for a in result.advice))
    for key in items:
        section = sections[topics[catalog[key]["topic"]]]
        assert section.count(f"{item}{catalog[key]['title']}\n") == 1, key
    assert appendix.count("\n" + item) == len(items)


@pytest.mark.parametrize("example", example_names())
def test_the_rates_to_ask_for_first_reorder_the_cost_table_where_printed(example):
    answers = load_example(example)[0]
    page = client_report(advise(answers))["page"]
    rates, base = load_assumptions(), cost_order(cost_model(answers))
    asked = page["costs"]["ask_first"]
    assert 1 <= len(asked) <= 3
    for rate in asked:
        assert rate["key"] not in answers            # the client's own numbers are not asked for
        assert cost_order(cost_model(answers, {**rates, rate["key"]: rate["at"]})) != base
        short = rate["now"] + (rate["at"] - rate["now"]) * 0.98   # the nearest: not before it
        assert cost_order(cost_model(answers, {**rates, rate["key"]: short})) == base
        low, high = __import__("expert.numbers.assumptions", fromlist=["x"]).shipped_assumptions()[
            rate["key"]]["plausible"]
        assert low <= rate["at"] <= high


def test_the_page_says_which_numbers_to_ask_for_first(ccadvisor):
    text = flat(ccadvisor("advise", "--example", "new_year_promotion").out)
    assert ("Ask the client for these numbers first: the outsourcer's price per minute (assumed "
            "35 per minute; the order of the options changes at") in text


def test_staffing_and_cost_use_one_shrinkage(ccadvisor):
    shrinkage = load_assumptions()["shrinkage_pct"]
    run = ccadvisor("staffing", "--calls", "360", "--interval-minutes", "30", "--aht-seconds", "240")
    assert run.code == 0, run.err
    assert f"after {shrinkage}% shrinkage, an assumption the cost model uses too" in flat(run.out)
    given = ccadvisor("staffing", "--calls", "360", "--interval-minutes", "30",
                      "--aht-seconds", "240", "--shrinkage", str(shrinkage))
    assert re.search(r"Scheduled agents\s+(\d+)", given.out).group(1) == \
        re.search(r"Scheduled agents\s+(\d+)", run.out).group(1)


@pytest.mark.parametrize("example", example_names())
def test_a_change_on_the_page_is_one_a_client_makes_never_an_answer_taken_back(ccadvisor, example):
    text = flat(ccadvisor("advise", "--example", example, "--brief").out)
    section = text.split("WHAT WOULD CHANGE THE ADVICE")[1].split("COST OVER")[0]
    assert " were unknown " not in section
    page = client_report(advise(load_example(example)[0]))["page"]["what_would_change"]
    assert all(c["now"] != "unknown" for f in page["flips"] for c in f["changes"] if not c["number"])
