"""Session files (expert/session.py) and when the planner stops asking (expert/consultation.py)."""
from __future__ import annotations

import os

import pytest
import yaml

from expert.interview.planner import DONE, EVIDENCE, FOLLOW_UP, Known, contenders, plan
from expert.reasoning.decision import decide
from expert.errors import InputError
from expert.reasoning.facts import Answer, Finding, Recommended, Stage
from expert.reasoning.heuristic import RuleMeta, at_least
from expert.interview.session import FINISHED, IN_PROGRESS, load_session, new_session


# --- session files ---------------------------------------------------------------------------

def test_a_session_file_is_an_answers_file_with_order_and_skips(tmp_path, ccadvisor):
    session = new_session(tmp_path / "s.yaml", client="Pharmacy <Ltd>", consultant="Ann")
    session.record({"call_load": "calls_lost", "current_arrangement": None, "customer_base": 2500},
                   ["call_load", "current_arrangement", "customer_base"])
    session.add_note("call_load", "the owner says so")
    session.add_note("call_load", "staff disagree")
    session.save()
    loaded = load_session(session.path)
    assert loaded.history == ["call_load", "current_arrangement", "customer_base"]
    assert loaded.answers == {"call_load": "calls_lost", "current_arrangement": None,
                              "customer_base": 2500}
    assert loaded.meta["client"] == "Pharmacy <Ltd>" and loaded.meta["consultant"] == "Ann"
    assert loaded.meta["notes"] == {"call_load": "the owner says so; staff disagree"}
    assert loaded.meta["status"] == IN_PROGRESS and "started" in loaded.meta
    run = ccadvisor("advise", "--answers", str(session.path), "--format", "html")
    assert run.code == 0, run.err
    assert "Pharmacy &lt;Ltd&gt;" in run.out


def test_save_keeps_started_and_marks_finished(tmp_path):
    session = new_session(tmp_path / "s.yaml")
    session.save()
    started = yaml.safe_load(session.path.read_text())["meta"]["started"]
    session.save(status=FINISHED)
    loaded = load_session(session.path)
    assert loaded.finished and loaded.meta["started"] == started


def test_a_failed_save_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    session = new_session(tmp_path / "s.yaml")
    session.record({"call_load": "calls_lost"}, ["call_load"])
    session.save()
    before = session.path.read_text()

    def crash(*_args):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", crash)
    session.record({"call_load": "calls_lost", "call_staff": 7}, ["call_load", "call_staff"])
    with pytest.raises((OSError, InputError)):  # write_atomic may word it as an InputError
        session.save()
    assert session.path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.yaml"]  # no temporary file left behind


def test_new_session_never_overwrites_a_file(tmp_path, ccadvisor):
    path = tmp_path / "s.yaml"
    path.write_text("call_load: calls_lost\n")
    run = ccadvisor("consult", "--session", str(path), input="quit\n")
    assert run.code == 2
    assert run.err == (f"ccadvisor: error: {path}: already exists; continue it with --resume, "
                       "or choose another --session\n")
    assert path.read_text() == "call_load: calls_lost\n"


@pytest.mark.parametrize("content,message", [
    ("call_load: [1, 2\n", "line 2: malformed YAML"),
    ("call_lod: calls_lost\n", "line 1: unknown question id 'call_lod' (did you mean 'call_load'?)"),
    ("call_staff: lots\n", "line 1: invalid answer 'lots' for 'call_staff'"),
    ("- call_load\n", "the top level must be a mapping"),
    ("meta: {notes: {nope: x}}\n", "meta.notes: unknown question id 'nope'"),
])
def test_a_bad_session_file_on_resume_is_one_clean_line(tmp_path, ccadvisor, content, message):
    path = tmp_path / "s.yaml"
    path.write_text(content)
    run = ccadvisor("consult", "--resume", str(path), input="quit\n")
    assert run.code == 2
    assert run.err.startswith(f"ccadvisor: error: {path}: ") and message in run.err
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert path.read_text() == content  # nothing half-written


def test_resume_of_a_missing_or_non_yaml_file(tmp_path, ccadvisor):
    run = ccadvisor("consult", "--resume", str(tmp_path / "gone.yaml"))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {tmp_path / 'gone.yaml'}: file not found\n")
    run = ccadvisor("consult", "--session", str(tmp_path / "s.txt"))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {tmp_path / 's.txt'}: a session file "
                                      "must end in .yaml or .yml\n")


def test_session_and_resume_together_is_a_usage_error(tmp_path, ccadvisor):
    run = ccadvisor("consult", "--session", str(tmp_path / "a.yaml"), "--resume", str(tmp_path / "b.yaml"))
    assert run.code == 2 and "not both" in run.err


def test_resume_of_a_plain_answers_file_continues_from_it(tmp_path, ccadvisor):
    path = tmp_path / "s.yaml"
    path.write_text("call_load: calls_lost\ncall_staff: 12\n")
    run = ccadvisor("consult", "--resume", str(path), "--client", "Clinic", input="quit\n")
    assert run.code == 0
    assert "2 questions answered; they are not asked again" in run.out
    assert "call_load>" not in run.out and "call_staff>" not in run.out
    saved = yaml.safe_load(path.read_text())
    assert saved["call_load"] == "calls_lost" and saved["meta"]["client"] == "Clinic"


# --- the planner: what is asked, and when asking stops ---------------------------------------

def rule(rule_id, *patterns, evidence=None, advice=(), finds=(), excludes=None):
    return RuleMeta(id=rule_id, title=rule_id, reason="", seed="test", quote="", gloss="",
                    patterns=tuple(patterns), evidence=tuple((evidence or {}).items()),
                    excludes=tuple((excludes or {}).items()), advice=tuple(advice),
                    finds=tuple(finds))


def scores(reached=("need",), **given):
    return decide([{"option": o, "weight": w, "rule": "x"} for o, w in given.items()],
                  reached=reached)


SOURCING = ("need", "sourcing")


def test_the_heaviest_pending_question_is_asked_first():
    rules = [rule("a", Answer(question="call_flow", value="few_in_hours"), evidence={"none": 1}),
             rule("b", Answer(question="call_load", value="calls_lost"), evidence={"dedicated": 2}),
             rule("c", Answer(question="call_staff", value=at_least(5)), evidence={"dedicated": 2})]
    result = plan(Known(answers={}), scores(), rules=rules)
    assert result.stage == EVIDENCE
    # call_load and call_staff weigh the same: catalog order breaks the tie.
    assert result.questions == ("call_load", "call_staff", "call_flow")


def test_a_contradicted_or_skipped_rule_stops_waiting():
    rules = [rule("a", Answer(question="call_load", value="calls_lost"),
                  Answer(question="call_staff", value=at_least(5)), evidence={"dedicated": 2}),
             rule("b", Answer(question="call_flow", value="few_in_hours"),
                  Answer(question="call_staff", value=at_least(5)), evidence={"none": 2})]
    known = Known(answers={"call_load": "staff_cope"}, skipped=frozenset({"call_flow"}))
    result = plan(known, scores(), rules=rules)
    assert result.stage == FOLLOW_UP and result.questions == ()


def test_asking_stops_when_no_answer_can_change_the_leader():
    rules = [rule("small", Answer(question="call_flow", value="outside_hours"),
                  evidence={"dedicated": 1})]
    assert plan(Known(answers={}), scores(none=3), rules=rules).stage == FOLLOW_UP
    assert plan(Known(answers={}), scores(none=1), rules=rules).stage == EVIDENCE


def test_a_question_that_can_move_only_options_out_of_the_running_is_not_asked():
    rules = [rule("hopeless", Answer(question="call_flow", value="outside_hours"),
                  evidence={"hybrid": 1}),
             rule("contender", Answer(question="call_staff", value=at_least(5)),
                  evidence={"in_house": 6})]
    known = Known(answers={}, stages=frozenset(SOURCING))
    result = plan(known, scores(SOURCING, outsource=5), rules=rules)
    assert (result.stage, result.questions) == (EVIDENCE, ("call_staff",))


def test_an_open_veto_on_the_leader_keeps_the_question_asked():
    rules = [rule("veto", Answer(question="capital_expenditure", value="no"),
                  excludes={"in_house": "here"})]
    known = Known(answers={}, stages=frozenset(SOURCING))
    result = plan(known, scores(SOURCING, in_house=5, outsource=1), rules=rules)
    assert (result.stage, result.questions) == (EVIDENCE, ("capital_expenditure",))
    assert plan(known, scores(SOURCING, outsource=5, in_house=1), rules=rules).stage == FOLLOW_UP


def test_an_open_veto_on_building_keeps_the_question_asked_when_the_leader_would_build():
    # The veto names no option: it forbids building, which the leader (an own centre) needs.
    rules = [rule("no_building", Answer(question="capital_expenditure", value="no"),
                  excludes={"building": "here"})]
    known = Known(answers={}, stages=frozenset(SOURCING))
    result = plan(known, scores(SOURCING, in_house=2, outsource=1), rules=rules)
    assert (result.stage, result.questions) == (EVIDENCE, ("capital_expenditure",))


def test_a_categorical_statement_still_open_for_a_rival_outranks_any_number_of_hints():
    # The leader has five hints; one open «однозначно» for the rival would win the ranking,
    # which goes tier by tier, so its question is still worth asking.
    rules = [rule("categorical", Answer(question="period", value="short_term"),
                  evidence={"outsource": 3})]
    known = Known(answers={}, stages=frozenset(SOURCING))
    leader = decide([{"option": "in_house", "weight": 1, "rule": f"h{i}"} for i in range(5)],
                    reached=SOURCING)
    result = plan(known, leader, rules=rules)
    assert (result.stage, result.questions) == (EVIDENCE, ("period",))


def test_a_later_stage_is_not_asked_about_before_it_opens():
    rules = [rule("sourcing", Answer(question="period", value="short_term"), Stage(name="sourcing"),
                  evidence={"outsource": 3}),
             rule("need", Answer(question="call_load", value="calls_lost"), evidence={"dedicated": 1})]
    result = plan(Known(answers={}), scores(), rules=rules)
    assert result.questions == ("call_load",)
    result = plan(Known(answers={}, stages=frozenset(SOURCING)), scores(SOURCING), rules=rules)
    assert result.questions == ("period",)


def test_contenders_count_losses_of_the_leader_too():
    against_leader = rule("x", Answer(question="call_flow", value="even_in_hours"),
                          evidence={"none": -2})
    assert contenders([against_leader], scores(none=2).stages[-1])
    assert not contenders([against_leader], scores(none=3).stages[-1])


def test_a_finding_makes_its_rule_wait_on_the_questions_that_can_establish_it():
    rules = [rule("finder", Answer(question="call_load", value="calls_lost"),
                  finds=["own_customer_data"]),
             rule("user", Finding(name="own_customer_data"),
                  Answer(question="budget", value="limited"), evidence={"dedicated": 3})]
    result = plan(Known(answers={}), scores(), rules=rules)
    assert set(result.questions) == {"call_load", "budget"}
    assert [w.via for w in result.waiting["call_load"]] == ["own_customer_data"]
    # Once nothing can establish the finding, the rule that needs it asks nothing.
    result = plan(Known(answers={"call_load": "staff_cope"}), scores(), rules=rules)
    assert result.questions == ()


def test_follow_up_questions_only_for_the_recommended_option():
    rules = [rule("vendor", Recommended(option="outsource"),
                  Answer(question="call_flow", value="outside_hours"), advice=["vendor_checklist"])]
    none = ({"option": "none", "rank": "chosen"},)
    outsource = ({"option": "outsource", "rank": "chosen"},)
    assert plan(Known(answers={}), scores(), rules=rules).stage == FOLLOW_UP
    assert plan(Known(answers={}, recommended=none), scores(none=1), rules=rules).stage == DONE
    result = plan(Known(answers={}, recommended=outsource), scores(SOURCING, outsource=1),
                  rules=rules)
    assert (result.stage, result.questions) == (FOLLOW_UP, ("call_flow",))


def test_running_on_after_each_answer_equals_replaying_all_answers():
    """The engine runs on after each answer; a fresh replay of the same answers must agree."""
    from expert.interview.consultation import Consultation
    from expert.inputs.examples import load_example

    answers, _ = load_example("network_explosive_growth")
    consultation = Consultation()
    while (question := consultation.current()) is not None:
        consultation.answer(question.id, answers.get(question.id))
        replayed = Consultation(consultation.answers, consultation.history)
        assert replayed.state == consultation.state
        assert replayed.decision == consultation.decision
        assert replayed.plan == consultation.plan
