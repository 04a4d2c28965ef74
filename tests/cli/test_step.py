"""Step mode: advise --step shows the agenda before each firing; Enter, c and q."""
import json
import re

import pytest

from expert.reasoning.advisor import advise
from expert.reasoning.engine import AdvisorEngine
from expert.inputs.examples import example_names, load_example
from expert.explain.stepping import Stepper

ENTER_ALL = "\n" * 400


def next_rules(out):
    """The rule marked '->' (next to fire) in each step view, in order."""
    return re.findall(r"^  -> 1\. (\w+)  \(salience -?\d+\)$", out, flags=re.M)


@pytest.mark.parametrize("example", example_names())
def test_stepping_through_the_whole_run_fires_the_same_chain_as_advise(ccadvisor, example):
    run = ccadvisor("advise", "--example", example, "--step", input=ENTER_ALL)
    assert run.code == 0, run.err
    result = advise(load_example(example)[0])
    assert next_rules(run.out) == [f.rule for f in result.firings]
    assert run.out.count("--- Before firing ") == len(result.firings)
    # the decision is a step of its own each time it opens a stage, and once at the end
    assert run.out.count("=== Decision step ===") == 1 and run.out.count("  Chosen: ") == 1
    for stage in ("sourcing",):
        gated = [f.step for f in result.firings
                 if {"fact": "Stage", "name": stage} in f.matched]
        if gated:  # shown in the view before the stage's first firing
            view = run.out.split(f"--- Before firing {gated[0]} ---")[1].split("--- Before")[0]
            assert f"=== Decision step: the {stage} stage opens ===" in view
    assert "RECOMMENDATION: " in run.out and f"[{result.decision.option}]" in run.out


def test_a_step_shows_the_facts_added_and_the_agenda_with_salience_and_matches(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--step", input="\n\nq\n")
    first, second = run.out.split("--- Before firing 2 ---")[0], run.out.split("--- Before firing 2 ---")[1]
    assert "  + answer budget = limited (Limited)" in first
    assert "-> 1. staff_distracted_by_calls_need_a_centre  (salience 0)" in first
    assert "on: answer call_load = staff_distracted" in first
    # after the first firing, the facts it added are shown, and nothing else is new
    added = second.split("Agenda")[0]
    assert "+ evidence dedicated +1 (from staff_distracted_by_calls_need_a_centre)" in added
    assert "answer" not in added and "finding" not in added


def test_the_decision_between_the_runs_is_its_own_step(ccadvisor):
    run = ccadvisor("advise", "--example", "network_explosive_growth", "--step", input=ENTER_ALL)
    result = advise(load_example("network_explosive_growth")[0])
    decision = run.out.split("=== Decision step ===")[1].split("Agenda")[0]
    assert f"Chosen: {result.decision.option} (" in decision
    assert "decided at the sourcing stage" in decision
    assert f"    hybrid     {result.decision.scores['hybrid']:+4d}" in decision
    assert "    home_team    +0  (1 / 1)" in decision  # not excluded: a home team needs no build
    before = run.out.split("=== Decision step ===")[0].rsplit("--- Before firing", 1)[1]
    assert f"+ recommended {result.decision.option} (chosen)" in before
    opening = run.out.split("=== Decision step: the sourcing stage opens ===")[1].split("Agenda")[0]
    assert "-> dedicated" in opening and "Sourcing stage" not in opening
    assert "The sourcing stage is declared (a Stage fact): only now can its rules fire." in opening


def test_q_stops_and_prints_what_was_derived_so_far(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--step", input="\n\nq\n")
    assert run.code == 0
    assert "Stopped before firing 3. Derived so far (2 firings):" in run.out
    assert "  1. staff_distracted_by_calls_need_a_centre: " in run.out
    assert "No recommendation: the run stopped before all the evidence was in." in run.out
    assert "RECOMMENDATION" not in run.out and "--- Before firing 4" not in run.out


def test_end_of_input_stops_like_q(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--step", input="")
    assert run.code == 0 and "Derived so far (0 firings)" in run.out


def test_c_runs_to_the_end_without_more_steps(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--step", input="\nc\n")
    assert run.code == 0
    assert run.out.count("--- Before firing") == 2
    assert "RECOMMENDATION: " in run.out


def test_other_keys_ask_again(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--step", input="x\nq\n")
    assert run.out.count("[Enter] fire staff_distracted_by_calls_need_a_centre") == 2
    assert "Derived so far (0 firings)" in run.out


def test_step_with_json_output_still_ends_with_the_report(ccadvisor, tmp_path):
    target = tmp_path / "r.json"
    run = ccadvisor("advise", "--example", "new_year_promotion", "--step", "--format", "json",
                    "--output", str(target), input="c\n")
    assert run.code == 0
    assert json.loads(target.read_text())["recommendation"]["option"] == "outsource"


def test_stepper_model_lists_the_agenda_in_firing_order():
    snapshots = []
    stepper = Stepper()

    def listener(engine, activations):
        snapshots.append(stepper.snapshot(engine, activations))

    result = advise(load_example("new_year_promotion")[0], engine=AdvisorEngine(before_firing=listener))
    assert [s["agenda"][0]["rule"] for s in snapshots] == [f.rule for f in result.firings]
    assert all(s["step"] == i for i, s in enumerate(snapshots, 1))
    finals = [s for s in snapshots if s["decision"] and s["decision"]["final"]]
    openings = [s["decision"]["opening"] for s in snapshots
                if s["decision"] and not s["decision"]["final"]]
    assert len(finals) == 1 and openings == ["sourcing"]


def test_decision_without_follow_up_still_gets_a_view():
    # when no follow-up rule waits after the decision, no step view shows it: this one does
    from expert.report.render import render
    from expert.explain.stepping import decision_model
    result = advise(load_example("home_team_startup")[0])
    text = render("step_decision", "text", {"model": decision_model(result.decision)})
    assert f"Chosen: {result.decision.option} (" in text
    assert "No follow-up rule matched the decision" in text


def test_consult_step_shows_the_agenda_between_questions(ccadvisor, tmp_path):
    session = tmp_path / "s.yaml"
    run = ccadvisor("consult", "--step", "--session", str(session),
                    input="calls_lost\nq\nquit\n")
    assert run.code == 0, run.err
    assert "--- Before firing 1 ---" in run.out and "(salience 0)" in run.out
    # q ends the stepping, not the consultation: the next question is still asked
    after = run.out.split("[Enter] fire lost_calls_need_a_centre; help: q")[1]
    assert "--- Before firing" not in after and "call_flow> quit" in after
    assert "Session saved" in after


def test_step_with_json_on_stdout_keeps_the_transcript_on_stderr(ccadvisor):
    run = ccadvisor("advise", "--example", "new_year_promotion", "--step", "--format", "json",
                    input="\nfacts\nc\n")
    assert run.code == 0, run.err
    assert json.loads(run.out)["recommendation"]["option"] == "outsource"
    assert "--- Before firing 2 ---" in run.err and "Working memory (" in run.err


def test_consult_step_takes_the_same_commands(ccadvisor, tmp_path):
    session = tmp_path / "s.yaml"
    run = ccadvisor("consult", "--step", "--session", str(session),
                    input="calls_lost\nfacts\nagenda\nwhy\nscores\nmatches lost_calls_need_a_centre\n"
                          "how f-1\nbogus\nq\nquit\n")
    assert run.code == 0, run.err
    assert "f-1   answer call_load = calls_lost" in run.out
    assert "key: salience 0; facts f-1; rule #" in run.out
    assert "WHY [1 of " in run.out and "Scores after 0 firings (deciding the need stage)" in run.out
    assert "lost_calls_need_a_centre: 1 of 1 conditions hold; it is on the agenda." in run.out
    assert "How f-1 was derived:" in run.out and "<- the client's answer" in run.out
    assert "Unknown command 'bogus'." in run.out


def test_every_step_view_fits_80_columns(ccadvisor):
    run = ccadvisor("advise", "--example", "network_explosive_growth", "--step",
                    input="facts\nagenda\nwhy\nwhy\nwhy\nrun 12\nscores\nhow f-29\nfacts\nq\n")
    transcript = run.out.split("Stopped before firing")[0]
    assert "Working memory" in transcript and "How f-29 was derived" in transcript
    assert max(len(line) for line in transcript.splitlines()) <= 80


def test_how_takes_a_name_and_climbs_from_the_recommendation_to_the_evidence(ccadvisor):
    result = advise(load_example("home_team_startup")[0])
    run = ccadvisor("advise", "--example", "home_team_startup", "--step",
                    input=f"run {len(result.firings) - 1}\nhow home_team\nhow fewer_than_five_on_calls\n"
                          "how no_such_thing\nq\n")
    chosen = run.out.split("How f-")[1]
    assert "recommended home_team (chosen)  <- the decision step, which summed this" in chosen
    voters = [e["rule"] for e in result.evidence if e["option"] == "home_team"]
    assert voters and all("<- firing" in chosen and rule in chosen for rule in voters)
    assert "finding fewer_than_five_on_calls  <- firing 4" in run.out
    assert "No fact 'no_such_thing' in working memory" in run.out


@pytest.mark.parametrize("key, stops", [("с", False), ("й", True)], ids=["es-continues", "short-i-quits"])
def test_the_one_letter_keys_mean_the_same_on_a_russian_layout(ccadvisor, key, stops):
    """The c key types a Cyrillic "с" on a Russian layout: it continues, as "c" does; the q
    key's "й" stops, as "q" does."""
    run = ccadvisor("advise", "--example", "home_team_startup", "--step", input=f"{key}\n",
                    env={"COLUMNS": "80"})
    assert run.code == 0, run.err
    assert ("Stopped before firing 1" in run.out) == stops
    assert ("RECOMMENDATION: " in run.out) != stops
