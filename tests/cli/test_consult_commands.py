"""The interview's newer prompt commands through click's runner: status, change, back on a
finished session, the settled notice, "n" at the file offer, one count of answers."""
from __future__ import annotations

import re

import yaml

from expert.interview.consultation import Consultation
from expert.inputs.examples import load_example
from expert.reasoning.options import load_options

PROMPT = re.compile(r"^(\w+)> ", re.M)


def typed(*lines) -> str:
    return "".join(f"{line}\n" for line in lines)


def script(example: str) -> list[str]:
    """The lines a consultant types to answer an example to the end."""
    answers, _ = load_example(example)
    consultation, lines = Consultation(), []
    while (question := consultation.current()) is not None:
        value = answers.get(question.id)
        lines.append("skip" if value is None else str(value))
        consultation.answer(question.id, value)
    return lines


def flat(text: str) -> str:
    return " ".join(text.split())


def test_status_shows_each_option_for_and_against_and_what_could_change_it(ccadvisor, tmp_path):
    lines = script("network_explosive_growth")
    run = ccadvisor("consult", "--session", str(tmp_path / "s.yaml"),
                    input=typed(*lines[:6], "status", "quit"))
    status = run.out.split("> status\n")[1]
    rows = dict(re.findall(r"^    (\w+) +[+-]\d+ +(for \+\d+ +against [+-]?\d+)", status, re.M))
    assert set(rows) == {"none", "dedicated"}  # six answers in: still deciding the need stage
    assert "  Need stage:" in status
    assert "Not settled yet: deciding the need stage" in flat(status)
    assert "What could still change it" in flat(status)
    # The questions it lists are the ones the planner would ask next, the first one first.
    next_asked = PROMPT.findall(run.out)[-1]
    assert re.search(rf"^  - {next_asked}: ", status, re.M)


def test_the_settled_choice_is_announced_once_before_the_follow_up(ccadvisor, tmp_path):
    run = ccadvisor("consult", "--session", str(tmp_path / "s.yaml"),
                    input=typed(*script("network_explosive_growth"), ""))
    text = flat(run.out)
    assert text.count("The choice is settled:") == 1
    label = load_options()["hybrid"].label
    assert f"The choice is settled: {label}" in text and "No answer left can change it." in text
    notice = text.index("The choice is settled")
    assert "follow-up" not in text[:notice] and "(follow-up" in text[notice:]


def test_change_re_asks_a_question_and_the_engine_follows(ccadvisor, tmp_path):
    path = tmp_path / "s.yaml"
    lines = script("network_explosive_growth")
    run = ccadvisor("consult", "--session", str(path),
                    input=typed(lines[0], lines[1], "change current_arangement",
                                "change current_arrangement"))
    assert "unknown question id 'current_arangement'" in run.out
    assert "current_arrangement" in run.out
    assert PROMPT.findall(run.out)[-1] == "current_arrangement"
    assert "Changing current_arrangement" in run.out
    assert "current_arrangement" not in yaml.safe_load(path.read_text())  # withdrawn until answered


def test_a_finished_session_reopens_with_change_and_with_back(ccadvisor, tmp_path):
    path = tmp_path / "s.yaml"
    lines = script("network_explosive_growth")
    ccadvisor("consult", "--session", str(path), input=typed(*lines, ""))
    finished = yaml.safe_load(path.read_text())
    last = [k for k in finished if k != "meta"][-1]

    back = ccadvisor("consult", "--resume", str(path), input=typed("back", "quit"))
    assert "This session is finished" in back.out and PROMPT.findall(back.out) == [last]
    assert yaml.safe_load(path.read_text())["meta"]["status"] == "in_progress"

    ccadvisor("consult", "--resume", str(path), input=typed(*lines[-1:], ""))
    changed = ccadvisor("consult", "--resume", str(path),
                        input=typed("change current_arrangement", "staff", *["skip"] * 40, ""))
    assert PROMPT.findall(changed.out)[0] == "current_arrangement"
    assert f"RECOMMENDATION: {load_options()['outsource'].label} [outsource]" in changed.out
    saved = yaml.safe_load(path.read_text())
    assert saved["current_arrangement"] == "staff" and saved["meta"]["status"] == "finished"


def test_no_at_the_file_offer_writes_nothing(ccadvisor, tmp_path):
    for reply in ("n", "no", "N"):
        run = ccadvisor("consult", "--session", str(tmp_path / f"s{reply}.yaml"),
                        input=typed(*script("new_year_promotion"), reply))
        assert run.code == 0 and "must end in" not in run.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sN.yaml", "sn.yaml", "sno.yaml"]


def test_the_interview_and_the_report_count_answers_alike(ccadvisor, tmp_path):
    path = tmp_path / "s.yaml"
    lines = script("network_explosive_growth")
    run = ccadvisor("consult", "--session", str(path), input=typed(*lines, ""))
    skipped = lines.count("skip")
    answered = len(lines) - skipped
    assert skipped and f"Based on {answered} answered questions" in flat(run.out)
    resumed = ccadvisor("consult", "--resume", str(path), input=typed("quit"))
    assert f"({answered} questions answered, {skipped} left unknown)" in flat(resumed.out)
    report = ccadvisor("advise", "--answers", str(path)).out
    assert f"Based on {answered} answered questions" in flat(report)


def test_a_question_labelled_follow_up_cannot_move_a_score_of_the_deciding_stage():
    # The stages before it are closed: the planner opened each only once nothing could
    # change it, so what an answer there adds no longer bears on the choice.
    from expert.explain.sensitivity import candidate_values
    from expert.interview.views import question_model
    from expert.reasoning.advisor import advise
    answers, _ = load_example("network_explosive_growth")
    consultation, labelled = Consultation(), 0
    while (question := consultation.current()) is not None:
        if question_model(question, consultation)["follow_up"]:
            labelled += 1
            known = consultation.known_answers()
            decision = advise(known).decision
            deciding = [s.option for s in decision.stage(decision.decided_by).standings]
            before = {o: decision.scores[o] for o in deciding}
            for value in candidate_values(question, None):
                after = advise({**known, question.id: value}).decision
                assert after.option == decision.option, (question.id, value)
                assert {o: after.scores.get(o) for o in deciding} == before, (question.id, value)
        consultation.answer(question.id, answers.get(question.id))
    assert labelled


def test_the_consultation_report_uses_the_rates_given(ccadvisor, tmp_path):
    rates = tmp_path / "rates.yaml"
    rates.write_text("currency: EUR\n")
    run = ccadvisor("consult", "--session", str(tmp_path / "s.yaml"), "--assumptions", str(rates),
                    input=typed(*script("new_year_promotion"), ""))
    assert run.code == 0 and re.search(r"COST OVER \d+ MONTHS \(€\)", run.out)
