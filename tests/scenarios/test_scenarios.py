"""Scenarios from the seeds' own examples and contrasts: the option, and the rules that got there.

Each test names the seed passage it comes from. Where seeds pull in opposite directions the test
asserts the hybrid or the close call, and what the report shows of it.
"""
import json

import pytest

from expert.reasoning.advisor import advise
from expert.inputs.catalog import load_catalog
from expert.inputs.examples import load_example


def run(**answers):
    return advise(load_catalog().validate(answers))


def fired(result) -> list[str]:
    return [f.rule for f in result.firings]


def advice_items(result) -> list[str]:
    return [a["item"] for a in result.advice]


# --- seed 000: in-house vs external -----------------------------------------------------------

def test_000_new_year_promotion_goes_to_an_outsourcer():
    # "Стоит ли это того для проведения, например, новогодней акции для клиентов?"
    result = run(period="short_term", planned_spikes="yes", task_complexity="simple")
    assert result.decision.option == "outsource" and not result.decision.close_call
    assert {"short_term_task_favours_outsourcing", "marketing_promotion_suits_outsourcing",
            "simple_tasks_favour_outsourcing", "outsourcing_calls_for_vendor_checklist"} <= set(fired(result))


def test_000_nuclear_physicists_stay_in_house():
    # "найти контактный центр, в котором работают физики-ядерщики ... пустые обещания"
    result = run(task_complexity="specialist", period="long_term", call_handling="frequent_transfers")
    assert result.decision.option == "in_house"
    assert {"specialist_tasks_favour_own_centre", "own_centre_needs_a_build_plan",
            "long_term_work_can_go_either_way"} <= set(fired(result))
    assert "in_house_build_plan" in advice_items(result)


def test_000_a_go_live_within_months_favours_the_outsourcer():
    # An own centre "может занимать до полугода"; an outsourcer starts after training.
    result = run(call_load="calls_lost", months_to_go_live=2)
    assert result.decision.option == "outsource"
    assert "own_centre_not_ready_by_go_live_favours_outsourcing" in fired(result)


def test_000_own_centre_outsources_its_campaign_as_a_hybrid_close_call():
    # Companies with their own centres also use outsourcers "во время проведения рекламных кампаний".
    result = run(has_own_centre="yes", campaigns_or_acquisition="yes", call_load="calls_lost")
    decision = result.decision
    assert decision.option == "hybrid" and decision.close_call and decision.runner_up == "outsource"
    assert {"own_centre_outsources_campaigns", "mixed_model_needs_coordination",
            "hybrid_needs_boundaries_and_kpis", "running_both_is_a_management_skill"} <= set(fired(result))


# --- seed 001: home-based operators vs outsourcing --------------------------------------------

def test_001_small_business_on_a_budget_gets_a_home_team_with_its_cautions():
    result = run(call_load="staff_distracted", business_size="small", budget="limited", customer_base=400)
    assert result.decision.option == "home_team"
    assert {"small_business_on_a_budget_suits_home_team", "limited_budget_favours_home_team",
            "home_team_comes_with_cautions", "home_team_is_paid_fix_plus_kpi"} <= set(fired(result))
    assert advice_items(result) == ["home_team_cautions", "home_team_pay_scheme"]


def test_001_medium_business_with_a_regular_flow_to_scale_goes_to_an_outsourcer():
    result = run(call_load="calls_lost", business_size="medium", regular_inbound_flow="yes",
                 rapid_scaling="yes", budget="adequate")
    assert result.decision.option == "outsource"
    assert {"medium_or_large_business_prefers_outsourcing", "regular_inbound_flow_suits_outsourcing",
            "need_to_scale_favours_outsourcing", "need_to_scale_strains_own_centre"} <= set(fired(result))


def test_001_scripts_that_change_daily_keep_a_small_team_at_home():
    # "инхаус оператору можно дать оперативное задание ... С контакт-центром ... 2-3 дня"
    result = run(call_load="calls_lost", business_size="small", budget="limited",
                 frequent_script_changes="yes")
    assert result.decision.option == "home_team" and not result.decision.close_call
    assert "frequent_script_changes_favour_home_team" in fired(result)


def test_001_budget_against_guarantees_is_a_close_call_with_both_advices():
    # The cheapest option against "отсутствие договоров на гарантию качества услуг".
    result = run(call_load="calls_lost", business_size="small", budget="limited",
                 quality_guarantee_needed="yes")
    decision = result.decision
    assert decision.option == "home_team" and decision.close_call and decision.runner_up == "outsource"
    assert {"guaranteed_quality_rules_against_home_team", "guaranteed_quality_favours_outsourcing",
            "outsourcer_sells_speed_and_guarantees_at_a_price"} <= set(fired(result))
    assert {"home_team_cautions", "vendor_checklist", "outsourcer_what_you_pay_for"} <= set(advice_items(result))


# --- seed 003: questionnaire and cheat sheet --------------------------------------------------

def test_003_left_column_needs_no_centre_and_says_when_to_revisit():
    answers, _ = load_example("small_office_secretary_copes")
    result = advise(answers)
    assert result.decision.option == "none"
    assert {"staff_coping_with_calls_needs_no_centre", "few_calls_in_working_hours_need_no_centre",
            "small_customer_base_needs_no_centre", "no_centre_until_triggers_appear"} <= set(fired(result))
    assert advice_items(result) == ["revisit_triggers"]


def test_003_middle_column_wants_an_own_centre():
    result = run(call_load="staff_distracted", customer_base=3000, call_staff=7, service_is_image="yes",
                 interaction_history="essential", loyalty_programmes="yes", confidential_data="yes",
                 fast_reaction="yes", staff_control_training="yes", loyalty_quality="yes")
    assert result.decision.option == "in_house"
    assert {"loyalty_programmes_favour_own_centre", "confidential_data_favours_own_centre",
            "confidential_data_at_risk_with_outsourcer", "outsourcer_training_is_out_of_reach",
            "fast_reaction_favours_own_centre"} <= set(fired(result))


def test_003_right_column_wants_an_outsourcer():
    result = run(call_load="calls_lost", call_flow="outside_hours", interaction_history="nice_to_have",
                 loyalty_quality="would_like", product_information="simple_rare_updates",
                 one_off_outbound="yes")
    assert result.decision.option == "outsource"
    assert {"after_hours_calls_suit_outsourcing", "optional_history_suits_outsourcing",
            "wished_for_loyalty_service_suits_outsourcing", "simple_stable_information_suits_outsourcing",
            "one_off_outbound_calling_suits_outsourcing"} <= set(fired(result))


def test_003_cheat_sheet_seasonal_business_without_capital_outsources():
    result = run(call_load="calls_lost", pronounced_seasonality="yes", capital_expenditure="no",
                 hotline="yes")
    assert result.decision.option == "outsource"
    assert {"pronounced_seasonality_suits_outsourcing", "no_capital_outlay_rules_out_own_centre",
            "hotline_suits_outsourcing"} <= set(fired(result))
    assert result.decision.scores["in_house"] < 0


def test_003_cheat_sheet_control_complaints_and_own_operators_build_an_own_centre():
    result = run(call_load="staff_distracted", capital_expenditure="yes", dedicated_operators="yes",
                 complaint_handling="yes", staff_control_training="yes")
    assert result.decision.option == "in_house"
    assert {"capital_outlay_pays_back_in_own_centre", "dedicated_operators_favour_own_centre",
            "complaint_handling_favours_own_centre", "own_centre_pays_staff_for_full_control"} <= set(fired(result))


# --- seed 004: hybrid, explosive growth, effectiveness ----------------------------------------

def test_004_explosive_growth_on_top_of_an_own_centre_is_a_hybrid():
    answers, _ = load_example("network_explosive_growth")
    result = advise(answers)
    assert result.decision.option == "hybrid" and not result.decision.close_call
    assert {"explosive_growth_offloaded_to_outsourcer", "affordable_own_centre_adds_an_outsourcer",
            "hybrid_needs_boundaries_and_kpis"} <= set(fired(result))
    assert "hybrid_one_team" in advice_items(result)


def test_004_explosive_growth_without_an_own_centre_goes_out():
    result = run(has_own_centre="no", explosive_growth="yes", call_load="calls_lost")
    assert result.decision.option == "outsource"
    assert "explosive_growth_without_own_centre_favours_outsourcing" in fired(result)


def test_004_an_own_centre_that_costs_too_much_is_outsourced_entirely():
    result = run(has_own_centre="yes", own_centre_too_costly="yes", call_load="calls_lost")
    assert result.decision.option == "outsource"
    assert "costly_own_centre_moves_to_outsourcing" in fired(result)
    assert "affordable_own_centre_adds_an_outsourcer" not in fired(result)


def test_004_goals_shape_the_advice_not_the_choice():
    with_goal = run(period="short_term", priority_goal="sales")
    without = run(period="short_term")
    assert with_goal.decision.scores == without.decision.scores
    assert "effectiveness_is_measured_against_the_goals" in fired(with_goal)
    assert "measure_against_goals" in advice_items(with_goal)


# --- seed 002: vendor choice only once outsourcing is in play ---------------------------------

VENDOR = dict(vendor_task="hotline", project_scale="large_volume", curator_named="no",
              control_criteria_agreed="no", offers_received="yes")


def test_002_vendor_advice_follows_an_outsourcing_recommendation():
    result = run(period="short_term", multichannel="yes", **VENDOR)
    assert result.decision.option == "outsource"
    assert {"hotline_calls_for_a_hotline_leader", "large_volume_needs_a_large_vendor",
            "name_the_client_curator_early", "agree_control_criteria_up_front",
            "check_whether_offers_were_tailored", "several_channels_need_omnichannel_operators"} <= set(fired(result))
    assert {"vendor_pricing", "vendor_controls", "agree_control_criteria"} <= set(advice_items(result))


def test_002_vendor_answers_change_nothing_when_an_own_centre_is_recommended():
    plain = run(task_complexity="specialist", period="long_term")
    with_vendor = run(task_complexity="specialist", period="long_term", **VENDOR)
    assert with_vendor.decision == plain.decision
    assert with_vendor.decision.option == "in_house"
    assert not any(f.startswith(("hotline_calls", "large_volume", "name_the_client"))
                   for f in fired(with_vendor))


# --- opposite pulls: the close call the report must show --------------------------------------

CLOSE_CALL = """\
meta:
  client: Promotion with patient data
call_load: calls_lost
period: short_term
planned_spikes: yes
confidential_data: yes
task_complexity: specialist
"""


@pytest.fixture
def close_call_file(tmp_path):
    path = tmp_path / "close.yaml"
    path.write_text(CLOSE_CALL, encoding="utf-8")
    return str(path)


def test_short_promotion_with_confidential_specialist_work_is_a_close_call(ccadvisor, close_call_file):
    # Seed 000 sends a short-term promotion out; seeds 000 and 003 keep specialist work and
    # confidential data in. The report must show the close call and give both sides' advice.
    run_json = ccadvisor("advise", "--answers", close_call_file, "--format", "json")
    assert run_json.code == 0, run_json
    report = json.loads(run_json.out)
    rec = report["recommendation"]
    assert (rec["option"], rec["runner_up"], rec["close_call"], rec["margin"]) == (
        "outsource", "in_house", True, 1)
    ids = [f["id"] for f in report["fired_rules"]]
    assert {"short_term_task_favours_outsourcing", "specialist_tasks_favour_own_centre",
            "confidential_data_at_risk_with_outsourcer", "confidential_data_needs_protection_at_outsourcer",
            "own_centre_needs_a_build_plan"} <= set(ids)
    text = " ".join(ccadvisor("advise", "--answers", close_call_file).out.split())  # unwrap lines
    assert ("Close call: Outsourced contact centre leads Own contact centre by only 1 point "
            "(+4 against +3)") in text
    assert "Advice for both is given below." in text


@pytest.mark.parametrize("name, option", [
    ("home_team_startup", "home_team"),
    ("network_explosive_growth", "hybrid"),
    ("new_year_promotion", "outsource"),
    ("regular_inbound_midsize", "outsource"),
    ("small_office_secretary_copes", "none"),
    ("specialist_equipment_support", "in_house"),
])
def test_bundled_examples_keep_their_documented_recommendation(name, option):
    answers, _ = load_example(name)
    decision = advise(answers).decision
    assert decision.option == option and not decision.close_call, decision
