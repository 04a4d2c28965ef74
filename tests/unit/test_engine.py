"""The engine: declarative rules, recorded firings, decision, determinism."""
import json
import os
import subprocess
import sys

from expert.reasoning.advisor import advise
from expert.inputs.catalog import load_catalog
from expert.reasoning.decision import decide
from expert.reasoning.engine import AdvisorEngine


def run(**answers):
    return advise(load_catalog().validate(answers))


def test_each_firing_records_rule_matched_answers_and_added_facts():
    result = run(call_load="calls_lost")
    first = result.firings[0]
    assert first.rule == "lost_calls_need_a_centre"
    assert first.matched == [{"fact": "Answer", "question": "call_load", "value": "calls_lost"}]
    assert {"fact": "Evidence", "option": "none", "weight": -1,
            "rule": "lost_calls_need_a_centre"} in first.added
    assert {"fact": "Finding", "name": "contact_centre_needed"} in first.added


def test_unanswered_questions_fire_nothing():
    result = run()
    assert result.firings[0].rule == "no_centre_until_triggers_appear"  # only the follow-up advice
    assert result.decision.no_evidence and result.decision.confidence == 0.0
    assert all(score == 0 for score in result.decision.scores.values())


def test_rules_fire_in_questionnaire_order_then_follow_up():
    result = run(period="short_term", call_load="calls_lost", task_complexity="simple")
    assert [f.rule for f in result.firings] == [
        "lost_calls_need_a_centre",              # call_load comes first in the catalog
        "simple_tasks_favour_outsourcing",
        "short_term_task_favours_outsourcing",
        "outsourcing_calls_for_vendor_checklist",  # stage 3, after the decision
        "outsourcer_cannot_be_forgotten",
    ]


def test_finding_reached_by_many_rules_is_one_fact_and_chains_once():
    result = run(call_load="calls_lost", customer_base=5000, call_staff=8,
                 business_size="small", budget="limited")
    chained = [f for f in result.firings if f.rule == "small_business_on_a_budget_suits_home_team"]
    assert len(chained) == 1
    assert {"fact": "Finding", "name": "contact_centre_needed"} in chained[0].matched
    finders = [f.rule for f in result.firings
               if {"fact": "Finding", "name": "contact_centre_needed"} in f.added]
    assert finders == ["lost_calls_need_a_centre"]  # later rules reach it but add nothing new


def test_decision_breaks_exact_ties_by_option_order_and_says_so():
    decision = decide([{"option": "in_house", "weight": 2}, {"option": "outsource", "weight": 2}])
    assert decision.option == "outsource" and decision.tie == ("outsource", "in_house")
    assert decision.close_call and decision.runner_up == "in_house" and decision.level == "low"


def test_close_call_gives_advice_for_the_runner_up_too():
    # outsource +2 (simple tasks) against in_house +1 (even flow) and none: margin 1 = close call.
    result = run(task_complexity="simple", call_flow="even_in_hours")
    assert result.decision.option == "outsource" and result.decision.runner_up == "in_house"
    fired = [f.rule for f in result.firings]
    assert "outsourcing_calls_for_vendor_checklist" in fired
    assert "own_centre_needs_a_build_plan" in fired


def test_confidence_reflects_the_margin():
    clear = run(period="short_term", task_complexity="simple").decision
    close = run(task_complexity="simple", call_flow="even_in_hours").decision
    assert clear.confidence > close.confidence
    assert clear.level == "high" and close.level == "low"


def test_step_listener_can_stop_the_run():
    seen = []

    def stop_after_one(engine, activations):
        seen.append([a.rule for a in activations])
        return len(seen) < 2

    engine = AdvisorEngine(before_firing=stop_after_one)
    engine.reset()
    from expert.reasoning.advisor import answer_facts
    engine.declare(*answer_facts(load_catalog().validate({"call_load": "calls_lost", "period": "short_term"})))
    engine.run()
    assert [f.rule for f in engine.firings] == ["lost_calls_need_a_centre"]
    assert seen[0] == ["lost_calls_need_a_centre", "short_term_task_favours_outsourcing"]


def test_same_answers_same_output_under_any_hash_seed():
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", "import cli; cli.main()", "advise", "--example",
             "network_explosive_growth", "--format", "json"],
            capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["recommendation"]["option"] == "hybrid"
