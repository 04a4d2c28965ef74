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
    model = json.loads(ccadvisor("advise", "--example", "network_explosive_growth",
                                 "--format", "json").out)["page"]
    weights = [r["weight"] for r in model["reasons_for"]]
    assert weights == sorted(weights, reverse=True) and 3 <= len(weights) <= 5
    result = advise(load_example("network_explosive_growth")[0])
    strongest = max(e["weight"] for e in result.evidence if e["option"] == "hybrid")
    assert weights[0] == strongest
    brief = flat(ccadvisor("advise", "--example", "network_explosive_growth", "--brief").out)
    for reason in model["reasons_for"]:
        meta = rule_index()[reason["rule"]]
        assert f"{meta.title} [" in brief
        assert seed_articles()[meta.seed]["title"] in brief


def test_reasons_against_are_shown(ccadvisor, tmp_path):
    answers, meta = load_example("specialist_equipment_support")
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({**answers, "rapid_scaling": "yes", "has_pbx": "no"}))
    page = json.loads(ccadvisor("advise", "--answers", str(path), "--format", "json").out)["page"]
    assert page["option"] == "in_house"
    titles = [r["title"] for r in page["reasons_against"]]
    assert sorted(titles) == sorted([rule_index()["missing_pbx_weighs_on_own_centre"].title,
                                     rule_index()["need_to_scale_strains_own_centre"].title])
    brief = flat(ccadvisor("advise", "--answers", str(path), "--brief").out)
    section = brief.split("MAIN REASONS AGAINST")[1].split("WHAT WOULD CHANGE")[0]
    assert all(title in section for title in titles)
    assert "No rule weighed against it" not in section


def test_what_would_change_the_advice_comes_from_the_sensitivity_search(ccadvisor):
    from expert.explain.sensitivity import sensitivity
    from expert.inputs.catalog import load_catalog
    from expert.reasoning.options import load_options
    brief = flat(ccadvisor("advise", "--example", "network_explosive_growth", "--brief").out)
    section = brief.split("WHAT WOULD CHANGE THE ADVICE")[1].split("COST OVER")[0]
    first = sensitivity(load_example("network_explosive_growth")[0])["flips"][0]
    change = first["changes"][0]
    question = load_catalog().get(change["question"])
    assert (f'If "{question.text}" were {question.label(change["value"])}' in section
            and f'the advice would be: {load_options()[first["option"]].label}.' in section)
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


def test_next_steps_are_the_advice(ccadvisor):
    model = json.loads(ccadvisor("advise", "--example", "new_year_promotion", "--format",
                                 "json").out)
    assert [s["title"] for s in model["page"]["next_steps"]] == [a["title"] for a in model["advice"]]
    brief = flat(ccadvisor("advise", "--example", "new_year_promotion", "--brief").out)
    for number, step in enumerate(model["page"]["next_steps"], 1):
        assert f"{number}. {step['title']}" in brief


@pytest.mark.parametrize("fmt,marker", [("md", "## Recommendation: "), ("html", 'id="client-page"')])
def test_the_brief_in_markdown_and_html(ccadvisor, fmt, marker):
    brief = ccadvisor("advise", "--example", "regular_inbound_midsize", "--brief", "--format", fmt).out
    assert marker in brief and "Main reasons for" in brief and "Appendix" not in brief
    assert not SNAKE_CASE_ID.search(re.sub(r"<[^>]+>", "", brief).replace("client-page", ""))
