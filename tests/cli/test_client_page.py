"""The report's first page is for the client: plain words, reasons named by their articles,
what would change the advice, the cost in a currency, the next steps; rule ids and quotes only
in the appendix."""
import json
import re

import pytest
import yaml

from expert.inputs.examples import example_names, load_example
from expert.reasoning.advisor import advise
from expert.reasoning.options import load_options
from expert.report.brief import seed_articles
from expert.report.model import advice_catalog
from rules import rule_index

SNAKE_CASE_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+){2,}\b")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("example", example_names())
def test_the_brief_is_the_first_page_of_the_full_report(ccadvisor, example):
    brief = ccadvisor("advise", "--example", example, "--brief").out
    full = ccadvisor("advise", "--example", example).out
    assert full.startswith(brief)
    assert "APPENDIX" not in brief and "APPENDIX: HOW THE ADVICE WAS REACHED" in full
    label = load_options()[advise(load_example(example)[0]).decision.option].label
    assert brief.index("RECOMMENDATION") < brief.index(label) < brief.index("HOW CERTAIN")
    assert not SNAKE_CASE_ID.search(brief), SNAKE_CASE_ID.search(brief)
    assert not re.search("[А-Яа-я]", brief)  # the seeds' quotes are in the appendix
    assert "seed:" in full.split("APPENDIX")[1] or "No rule fired" in full


def test_reasons_come_strongest_first_and_name_their_article(ccadvisor):
    model = json.loads(ccadvisor("advise", "--example", "specialist_equipment_support",
                                 "--format", "json").out)["page"]
    weights = [r["weight"] for r in model["reasons_for"]]
    assert weights == sorted(weights, reverse=True) and 3 <= len(weights) <= 5
    brief = flat(ccadvisor("advise", "--example", "specialist_equipment_support", "--brief").out)
    for reason in model["reasons_for"]:
        meta = rule_index()[reason["rule"]]
        assert f"{meta.title} [" in brief
        assert seed_articles()[meta.seed]["title"] in brief


def test_reasons_are_those_of_the_comparison_with_the_rival_the_page_names(ccadvisor):
    # network_explosive_growth: the kept centre speaks for the hybrid and for the own centre
    # alike, so it tells them not apart and is no reason for the hybrid over its rival.
    model = json.loads(ccadvisor("advise", "--example", "network_explosive_growth",
                                 "--format", "json").out)["page"]
    rival = model["certainty"]["rival"]
    assert rival
    rules = [r["rule"] for r in model["reasons_for"]]
    assert "own_centre_that_pays_its_way_is_kept" not in rules
    brief = flat(ccadvisor("advise", "--example", "network_explosive_growth", "--brief").out)
    assert f"compared with {rival}" in brief


def test_a_clear_lead_held_back_by_a_contested_need_says_why_it_is_low(ccadvisor, tmp_path):
    # A two-person shop with a short promotion: «однозначно» puts the short-term task with an
    # outsourcer, but whether it needs dedicated handling at all is contested (lost calls and the
    # planned spike for, fewer than five people on calls against), and that caps the certainty.
    path = tmp_path / "a.yaml"
    path.write_text("business_size: small\nperiod: short_term\nplanned_spikes: 'yes'\n"
                    "call_load: calls_lost\ncall_staff: 2\n")
    page = json.loads(ccadvisor("advise", "--answers", str(path), "--format", "json").out)["page"]
    assert page["option"] == "outsource" and page["certainty"]["level"] == "low"
    assert [h["stage"] for h in page["certainty"]["held_back"]] == ["need"]
    brief = flat(ccadvisor("advise", "--answers", str(path), "--brief").out)
    how = brief.split("HOW CERTAIN")[1].split("MAIN REASONS FOR")[0]
    assert ("But the need stage before it was contested (20%: \"Does the business need "
            "dedicated contact handling at all?\"), and that caps the certainty.") in how
    against = brief.split("MAIN REASONS AGAINST")[1].split("RULED OUT")[0]
    assert rule_index()["fewer_than_five_on_calls_needs_no_centre"].title in against
    ru = flat(ccadvisor("advise", "--answers", str(path), "--brief", "--lang", "ru").out)
    assert "Но предшествующий этап «потребность» был спорным (20" in ru


def test_a_lead_with_no_contest_before_it_names_no_earlier_stage(ccadvisor):
    page = json.loads(ccadvisor("advise", "--example", "specialist_equipment_support",
                                "--format", "json").out)["page"]
    assert page["certainty"]["held_back"] == []
    assert "caps the certainty" not in ccadvisor("advise", "--example",
                                                 "specialist_equipment_support", "--brief").out


def test_reasons_against_are_shown(ccadvisor, tmp_path):
    answers, meta = load_example("new_year_promotion")
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({**answers, "confidential_data": "yes"}))
    page = json.loads(ccadvisor("advise", "--answers", str(path), "--format", "json").out)["page"]
    assert page["option"] == "outsource"
    titles = [r["title"] for r in page["reasons_against"]]
    assert rule_index()["confidential_data_stays_with_own_staff"].title in titles
    brief = flat(ccadvisor("advise", "--answers", str(path), "--brief").out)
    section = brief.split("MAIN REASONS AGAINST")[1].split("WHAT WOULD CHANGE")[0]
    assert all(title in section for title in titles)
    assert "No rule weighed against it" not in section
    assert "nothing substantial speaks against it" not in brief.split("MAIN REASONS FOR")[0]


def test_what_would_change_the_advice_comes_from_the_sensitivity_search(ccadvisor):
    from expert.explain.sensitivity import sensitivity
    from expert.inputs.catalog import load_catalog
    from expert.reasoning.options import load_options
    brief = flat(ccadvisor("advise", "--example", "network_explosive_growth", "--brief").out)
    section = brief.split("WHAT WOULD CHANGE THE ADVICE")[1].split("COST OVER")[0]
    flips = sensitivity(load_example("network_explosive_growth")[0])["flips"]
    # A change to what the client said is a line of its own; a question still open whose answer
    # would change the advice is named among the open ones.
    given = next(f for f in flips if f["changes"][0]["was"] is not None)
    change = given["changes"][0]
    question = load_catalog().get(change["question"])
    assert (f'If "{question.text}" were {question.label(change["value"])}' in section
            and f'the advice would be: {load_options()[given["option"]].label}.' in section)
    still_open = next(f for f in flips if f["changes"][0]["was"] is None)
    opened = section.split("Still open, and their answers could change the advice:")[1]
    assert f'"{load_catalog().get(still_open["changes"][0]["question"]).text}"' in opened
    steady = flat(ccadvisor("advise", "--example", "small_office_secretary_copes", "--brief").out)
    assert ("No change of one answer would change the advice (ccadvisor explain --sensitivity "
            "also tries two at once)." in steady)


def test_cost_has_a_currency_the_assumptions_file_can_change(ccadvisor, tmp_path):
    brief = flat(ccadvisor("advise", "--example", "home_team_startup", "--brief").out)
    assert "COST OVER 24 MONTHS (RUB)" in brief and "the rates are examples" in brief
    rates = tmp_path / "rates.yaml"
    rates.write_text("currency: EUR\noperator_salary_per_month: 2500\n")
    mine = flat(ccadvisor("advise", "--example", "home_team_startup", "--brief",
                          "--assumptions", str(rates)).out)
    assert "COST OVER 24 MONTHS (€)" in mine and "Amounts in €" in mine
    assert f"(rates from {rates})" in mine
    cost = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", str(rates)).out
    assert "Amounts are in €" in flat(cost)
    for bad_value, shown in (("[1]", "a list"), ("true", "'true'"), ("'<b>X</b>'", "'<b>X</b>'"), ("dollars", "'dollars'")):
        rates.write_text(f"currency: {bad_value}\n")
        bad = ccadvisor("advise", "--example", "home_team_startup", "--assumptions", str(rates))
        assert (bad.code, bad.err) == (2, f"ccadvisor: error: {rates}: 'currency' must be an ISO "
                                          f"4217 currency code such as EUR or RUB, got {shown}\n")


def all_steps(page: dict) -> list:
    return page["next_steps"] + [s for g in page["steps_for_others"] for s in g["steps"]]


@pytest.mark.parametrize("example", example_names())
def test_next_steps_are_the_advice_each_under_the_option_it_is_for(ccadvisor, example):
    model = json.loads(ccadvisor("advise", "--example", example, "--format", "json").out)
    page = model["page"]
    # The steps are the advice's actions, each once; what is not an action stays in the appendix.
    actions = {a["action"] for a in model["advice"] if a.get("action")}
    titles = [s["title"] for s in all_steps(page)]
    assert set(titles) <= actions and len(titles) == len(set(titles))
    assert len(page["next_steps"]) <= 7 and (page["more_steps"] or set(titles) == actions)
    ours = set() if page["certainty"]["tie"] else {page["option"], (page["later"] or {}).get("option")}
    assert all(not s["for"] or ours & set(s["for"]) for s in page["next_steps"])
    for group in page["steps_for_others"]:
        assert group["option"] not in ours and all(group["option"] in s["for"] for s in group["steps"])
    brief = flat(ccadvisor("advise", "--example", example, "--brief").out)
    for number, step in enumerate(page["next_steps"], 1):
        assert f"{number}. {step['title']}" in brief


def test_a_rivals_steps_stand_apart_under_its_name(ccadvisor, tmp_path):
    # A bank keeps its own centre (seed 003: full control, quick payback), with the hybrid close
    # behind: the vendor checklist is the hybrid's, and the page must not list it as the
    # recommendation's own next steps.
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(dict(
        call_load="calls_lost", call_flow="outside_hours", customer_base=400000, call_staff=60,
        confidential_data="yes", own_crm="yes", interaction_history="essential",
        fault_tolerance_critical="yes", quality_guarantee_needed="yes", regular_inbound_flow="yes",
        current_arrangement="own_centre", own_centre_too_costly="no", task_complexity="specialist",
        dedicated_operators="yes", business_size="large", budget="adequate", period="long_term")))
    page = json.loads(ccadvisor("advise", "--answers", str(path), "--format", "json").out)["page"]
    assert page["option"] == "in_house"
    groups = {g["option"]: [s["title"] for s in g["steps"]] for g in page["steps_for_others"]}
    vendor = advice_catalog()["vendor_checklist"]["action"]
    assert vendor in groups["hybrid"]
    assert vendor not in [s["title"] for s in page["next_steps"]]
    brief = ccadvisor("advise", "--answers", str(path), "--brief").out
    steps = brief.split("NEXT STEPS")[1]
    assert steps.index(f"If you choose {load_options()['hybrid'].label} instead:") < steps.index(vendor)


def test_a_tie_stars_each_tied_option_in_the_cost_table_and_gives_steps_for_each(ccadvisor, tmp_path):
    # A developer with its own centre and a three-month sales campaign: «однозначно» sends the
    # short-term task out, beside the kept centre or instead of it, and nothing tells the two apart.
    path = tmp_path / "developer.yaml"
    path.write_text(yaml.safe_dump(dict(
        call_load="staff_distracted", customer_base=20000, call_staff=12,
        current_arrangement="own_centre", own_centre_too_costly="no", period="short_term",
        campaigns_or_acquisition="yes", planned_spikes="yes", task_complexity="simple",
        business_size="medium", budget="adequate")))
    page = json.loads(ccadvisor("advise", "--answers", str(path), "--format", "json").out)["page"]
    assert sorted(page["certainty"]["tie"]) == ["hybrid", "outsource"]
    assert sorted(o["option"] for o in page["costs"]["options"] if o["chosen"]) == ["hybrid", "outsource"]
    brief = ccadvisor("advise", "--answers", str(path), "--brief").out
    rows = [line for line in brief.splitlines() if line.rstrip().endswith("0") and " *" in line]
    assert len(rows) == 2 and "* tied, undecided." in brief and "* recommended" not in brief
    assert f"For {load_options()['hybrid'].label}:" in brief


@pytest.mark.parametrize("fmt,marker", [("md", "## Recommendation: "), ("html", 'id="client-page"')])
def test_the_brief_in_markdown_and_html(ccadvisor, fmt, marker):
    brief = ccadvisor("advise", "--example", "regular_inbound_midsize", "--brief", "--format", fmt).out
    assert marker in brief and "Main reasons for" in brief and "Appendix" not in brief
    assert not SNAKE_CASE_ID.search(re.sub(r"<[^>]+>", "", brief).replace("client-page", ""))


def test_a_reason_on_assumed_rates_is_named_as_such_not_by_its_rules_strength(ccadvisor, tmp_path):
    # A logistics firm gives a few of its own rates; the payback figure still rests on shipped
    # ones, so it weighs as a hint on assumed figures: the page must not call it an argued factor.
    path = tmp_path / "logistics.yaml"
    path.write_text(yaml.safe_dump(dict(
        call_load="calls_lost", customer_base=30000, call_staff=10, current_arrangement="staff",
        task_complexity="specialist", period="long_term", business_size="medium",
        budget="adequate", calls_per_month=20000, aht_seconds=240, horizon_months=24,
        outsource_price_per_minute=25, operator_salary_per_month=90000, peak_hour_calls=120)))
    page = json.loads(ccadvisor("advise", "--answers", str(path), "--format", "json").out)["page"]
    shown = {r["rule"]: r for r in page["reasons_for"] + page["reasons_against"]}
    payback = shown["horizon_ends_before_own_centre_pays_back"]
    assert payback["strength"] == "assumed"
    brief = flat(ccadvisor("advise", "--answers", str(path), "--brief").out)
    assert f"{payback['title']} [hint, on assumed figures; from:" in brief
