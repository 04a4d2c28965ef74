"""ccadvisor consult through click's runner: whole interviews with scripted input."""
from __future__ import annotations

import json
import re
import sys
from functools import lru_cache

import pexpect
import pytest
import yaml

from expert.inputs.catalog import load_catalog
from expert.reasoning.conditions import conditions_of, questions_of
from expert.interview.consultation import Consultation
from expert.inputs.examples import example_names, load_example
from expert.numbers.figures import FIGURE_INPUTS
from rules import all_rules

# A prompt's count: "Question N of about M", "Question N, the last one", and where more came
# than the total said, ", and a few more" (groups: number, total, last, over).
PROGRESS = r"Question (\d+)(?: of about (\d+)|, (the last one)|)(, and a few more(?: after it)?)?"

PROMPT = re.compile(r"^(\w+)> ", re.M)


def asked(out: str) -> list[str]:
    """The question ids prompted for, in order (a question asked again appears again)."""
    return PROMPT.findall(out)


@lru_cache(maxsize=None)
def interview(example: str) -> tuple[tuple[str, str], ...]:
    """(question id, typed line) for an interview answered from an example's answers file.

    The interview order is the planner's; the lines are what a person would type: the answer
    as text, or "skip" for a question the file does not answer.
    """
    answers, _ = load_example(example)
    consultation = Consultation()
    steps = []
    while (question := consultation.current()) is not None:
        value = answers.get(question.id)
        steps.append((question.id, "skip" if value is None else str(value)))
        consultation.answer(question.id, value)
    return tuple(steps)


def script_for(example: str) -> list[str]:
    return [line for _, line in interview(example)]


def a_valid_answer(qid: str) -> str:
    question = load_catalog().get(qid)
    if question.type == "number":
        return f"{question.min:g}"
    return "1" if question.type == "choice" else "yes"


def typed(*lines) -> str:
    return "".join(f"{line}\n" for line in lines)


def follow_up_only_questions(excluded_option: str) -> set[str]:
    """Questions read only by rules that need a recommendation other than ``excluded_option``."""
    by_question: dict[str, list] = {}
    for meta in all_rules():
        figure_inputs = [q for c in conditions_of(meta) if c.fact == "Figure"
                         for q in FIGURE_INPUTS[c.subject]]
        for qid in (*questions_of(meta), *figure_inputs):
            by_question.setdefault(qid, []).append(meta)

    def needs_other(meta) -> bool:
        gates = [c for c in conditions_of(meta) if c.fact == "Recommended"]
        return bool(gates) and not any(c.holds({"option": excluded_option, "rank": "chosen"})
                                       for c in gates)
    return {q for q, metas in by_question.items() if all(needs_other(m) for m in metas)}


@pytest.fixture
def session(tmp_path):
    return tmp_path / "session.yaml"


@pytest.mark.parametrize("name", example_names())
def test_interview_reaches_the_same_recommendation_as_advise(ccadvisor, session, name):
    _, meta = load_example(name)
    run = ccadvisor("consult", "--session", str(session), "--client", meta.get("client", name),
                    input=typed(*script_for(name), ""))
    assert run.code == 0, run.err
    expected = ccadvisor("advise", "--example", name).out
    recommendation = re.search(r"^RECOMMENDATION: .*$", expected, re.M).group(0)
    assert recommendation in run.out
    # The session file is an answers file, and advise on it prints the report consult printed.
    from_session = ccadvisor("advise", "--answers", str(session))
    assert from_session.code == 0, from_session.err
    assert from_session.out in run.out
    assert yaml.safe_load(session.read_text())["meta"]["status"] == "finished"


def test_a_business_that_needs_no_centre_is_not_asked_about_vendors(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session),
                    input=typed(*script_for("small_office_secretary_copes"), ""))
    assert "RECOMMENDATION: " in run.out and "[none]" in run.out
    vendor_questions = follow_up_only_questions("none")
    assert vendor_questions, "the rule base has follow-up questions for other options"
    assert not vendor_questions & set(asked(run.out))


def test_follow_up_questions_come_once_outsourcing_is_in_play(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session),
                    input=typed(*script_for("network_explosive_growth"), ""))
    assert follow_up_only_questions("none") & set(asked(run.out))
    # Follow-up questions come after every evidence question: once the decision is made.
    stages = [bool(m.group(5)) for m in re.finditer(
        rf"^{PROGRESS}(\s+\(follow-up)?", run.out, re.M)]
    assert any(stages) and stages == sorted(stages)


def test_each_prompt_is_a_question_with_allowed_answers_and_progress(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session),
                    input=typed(*script_for("new_year_promotion"), ""))
    # The question may wrap over lines; it runs until the choices or the "Answer" line.
    blocks = re.findall(rf"^{PROGRESS}.*\n((?:(?!  1\) |Answer ).*\n)+)", run.out, re.M)
    assert [int(n) for n, *_ in blocks] == list(range(1, len(blocks) + 1))
    assert blocks and all(text.rstrip().endswith("?") for *_, text in blocks)
    # "of about M": the bound on what may follow, never raised as the interview goes on; this
    # client's interview was foreseen whole, so the total held and the last one was named.
    totals = [int(total) for _, total, _, _, _ in blocks if total]
    assert totals == sorted(totals, reverse=True) and totals[-1] >= len(blocks)
    assert blocks[-1][2] == "the last one" and not any(over for *_, over, _ in blocks)
    catalog = load_catalog()
    for qid in set(asked(run.out)):
        question = catalog.get(qid)
        if question.type == "choice":
            assert f"Answer 1-{len(question.choices)}, or:" in run.out
        elif question.type == "yes_no":
            assert "Answer y/n, or:" in run.out


def test_invalid_answer_gets_one_line_and_the_same_question_again(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("maybe", "quit"))
    first = asked(run.out)[0]
    question = load_catalog().get(first)
    assert asked(run.out) == [first, first]
    reason = f"invalid answer 'maybe' for '{first}': expected {question.expects()}"
    assert f"> maybe {reason}" in " ".join(run.out.split())  # however the width wrapped it
    assert run.code == 0 and "Traceback" not in run.out + run.err


def test_empty_answer_is_not_taken_for_unknown(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("", "quit"))
    assert "No answer given" in run.out
    assert len(asked(run.out)) == 2 and len(set(asked(run.out))) == 1
    assert list(yaml.safe_load(session.read_text())) == ["meta"]


def test_why_names_every_rule_waiting_on_the_question(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("why", "quit"))
    first = asked(run.out)[0]
    waiting = {m.id for m in all_rules() if first in questions_of(m)
               and not any(c.fact in ("Recommended", "Finding") for c in conditions_of(m))}
    assert waiting
    why = run.out.split(f"{first}> why")[1]
    for rule_id in waiting:
        assert f"  {rule_id}  [" in why
    assert "<- this question" in why
    assert "then: " in why  # what each would conclude


def test_help_shows_the_catalog_help_and_example(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("?", "quit"))
    question = load_catalog().get(asked(run.out)[0])
    flat = " ".join(run.out.split())  # the example wraps at the terminal's width
    assert f"Example: {question.example}" in flat
    assert question.help.split()[0] in run.out.split("> ?")[1]


def test_skip_records_unknown_and_moves_on(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("skip", "quit"))
    first, second = asked(run.out)
    assert first != second
    saved = yaml.safe_load(session.read_text())
    assert saved[first] == "unknown"
    # Still a valid answers file, the skipped question simply unanswered.
    assert ccadvisor("advise", "--answers", str(session)).code == 0


def test_back_withdraws_the_answer_and_asks_that_question_again(ccadvisor, session):
    first = asked(ccadvisor("consult", "--session", str(session), input=typed("quit")).out)[0]
    session.unlink()
    answer = a_valid_answer(first)
    first_run = ccadvisor("consult", "--session", str(session), input=typed(answer, "quit"))
    assert asked(first_run.out)[0] == first
    second = asked(first_run.out)[1]
    assert first in yaml.safe_load(session.read_text())
    session.unlink()
    run = ccadvisor("consult", "--session", str(session), input=typed(answer, "back", "quit"))
    assert asked(run.out) == [first, second, first]
    assert f"Back to {first}" in run.out
    assert first not in yaml.safe_load(session.read_text())


def test_back_on_the_first_question_says_so(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("back", "quit"))
    assert "nothing to go back to" in run.out
    assert len(set(asked(run.out))) == 1


def test_back_with_trace_shows_what_was_retracted(ccadvisor, session):
    # Interview the network client up to call_load = calls_lost (a rule fires on it alone),
    # then take that answer back: exactly what it fired is retracted.
    steps = interview("network_explosive_growth")
    upto = [qid for qid, _ in steps].index("call_load") + 1
    run = ccadvisor("consult", "--trace", "--session", str(session),
                    input=typed(*(line for _, line in steps[:upto]), "back", "quit"))
    after_answer = run.out.split("call_load> calls_lost")[1]
    fired = re.findall(r"\[trace\] fired (\w+)", after_answer.split("> back")[0])
    retracted = re.findall(r"\[trace\] retracted (\w+)", after_answer)
    assert "lost_calls_need_a_centre" in fired
    assert sorted(fired) == sorted(retracted)
    assert "call_load" not in yaml.safe_load(session.read_text())


def test_trace_shows_each_firing_with_its_answers_and_additions(ccadvisor, session):
    run = ccadvisor("consult", "--trace", "--session", str(session),
                    input=typed(*script_for("network_explosive_growth"), ""))
    fired = re.findall(r"\[trace\] fired (\w+)", run.out)
    report = json.loads(ccadvisor("advise", "--answers", str(session), "--format", "json").out)
    in_report = [f["id"] for f in report["fired_rules"]]
    assert sorted(fired) == sorted(in_report)
    # Between the questions, before the report: each firing is shown as it happens.
    first_rule = fired[0]
    assert run.out.index(f"[trace] fired {first_rule}") < run.out.index("Advice on handling customer contacts")
    assert re.search(r"\[trace\] fired \w+  \[.*\]\n(.*\n)*? +because \w+ = \w+\n +adds: ", run.out)


def test_note_is_saved_on_the_answer_and_shown_in_the_report(ccadvisor, session):
    lines = script_for("new_year_promotion")
    answered = next(i for i, line in enumerate(lines) if line != "skip")
    lines.insert(answered, "note the client hesitated here")
    run = ccadvisor("consult", "--session", str(session), input=typed(*lines, ""))
    saved = yaml.safe_load(session.read_text())
    (qid, note), = saved["meta"]["notes"].items()
    assert note == "the client hesitated here"
    assert f"{qid} = " in run.out and "(note: the client hesitated here)" in run.out


def test_quit_then_resume_asks_nothing_twice(ccadvisor, session):
    lines = script_for("regular_inbound_midsize")
    run = ccadvisor("consult", "--session", str(session), "--consultant", "Ann",
                    input=typed(*lines[:3], "quit"))
    assert run.code == 0
    assert f"Resume with: ccadvisor consult --resume {session}" in run.out
    before = asked(run.out)[:3]
    resumed = ccadvisor("consult", "--resume", str(session), input=typed(*lines[3:], ""))
    assert resumed.code == 0, resumed.err
    assert not set(before) & set(asked(resumed.out))
    saved = yaml.safe_load(session.read_text())
    assert saved["meta"]["consultant"] == "Ann" and saved["meta"]["status"] == "finished"
    expected = ccadvisor("advise", "--example", "regular_inbound_midsize").out
    assert re.search(r"^RECOMMENDATION: .*$", expected, re.M).group(0) in resumed.out


def test_resume_of_a_finished_session_offers_the_report(ccadvisor, session):
    ccadvisor("consult", "--session", str(session), input=typed(*script_for("new_year_promotion"), ""))
    run = ccadvisor("consult", "--resume", str(session), input=typed("y", ""))
    assert run.code == 0
    assert "This session is finished" in run.out
    assert asked(run.out) == []
    assert ccadvisor("advise", "--answers", str(session)).out in run.out


def test_end_of_input_is_a_quit_that_saves_and_says_how_to_resume(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("skip"))
    assert run.code == 0
    assert f"Session saved: {session}\n" in run.out
    assert f"ccadvisor consult --resume {session}" in run.out
    assert "unknown" in session.read_text()


@pytest.mark.parametrize("suffix,marker", [("md", "# "), ("html", "<html"), ("json", '"recommendation"')])
def test_report_is_offered_as_a_file(ccadvisor, session, tmp_path, suffix, marker):
    target = tmp_path / f"report.{suffix}"
    run = ccadvisor("consult", "--session", str(session),
                    input=typed(*script_for("new_year_promotion"), "report.txt", str(target)))
    assert "the name must end in .md, .html or .json" in run.out
    assert f"Written: {target}" in run.out
    assert marker in target.read_text()


def test_default_session_file_is_named_by_date_and_time(ccadvisor, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = ccadvisor("consult", input=typed("quit"))
    name = re.search(r"Session file: (ccadvisor-session-\d{8}-\d{6}\.yaml)\s", run.out).group(1)
    assert (tmp_path / name).is_file()


def test_no_colour_when_stdout_is_not_a_terminal(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input=typed("maybe", "quit"))
    assert "\x1b[" not in run.out



def test_unicode_notes_are_kept(ccadvisor, session):
    run = ccadvisor("consult", "--session", str(session), input="note клиент сомневается\nquit\n")
    assert run.code == 0, run.err
    (note,) = yaml.safe_load(session.read_text(encoding="utf-8"))["meta"]["notes"].values()
    assert note == "клиент сомневается"


def test_the_report_prompt_never_writes_an_input_by_any_name(tmp_path):
    import os
    import subprocess
    import sys
    rates = tmp_path / "a.json"
    rates.write_text('{"currency": "EUR"}\n')
    os.link(rates, tmp_path / "hard.json")
    (tmp_path / "s.md").symlink_to("s.yaml")
    lines = typed(*script_for("new_year_promotion"), "a.json", "hard.json", "s.md", "r.md")
    run = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "consult",
                          "--session", "s.yaml", "--assumptions", "a.json"], cwd=tmp_path,
                         input=lines, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "CCADVISOR_LANG": "en"})
    assert run.returncode == 0, run.stderr
    said = " ".join(run.stdout.split())  # as the lines read, whatever their wrapping
    for name, source in (("a.json", "a.json"), ("hard.json", "a.json"), ("s.md", "s.yaml")):
        assert (f"file: {name} {name}: is the input file '{source}': writing it would destroy "
                "it; choose another output") in said
    assert "Written: r.md" in run.stdout
    assert rates.read_text() == '{"currency": "EUR"}\n'
    assert yaml.safe_load((tmp_path / "s.yaml").read_text())["meta"]["status"] == "finished"


@pytest.mark.parametrize("until", ["finished", "file"])
def test_ctrl_c_at_the_last_prompts_exits_130_as_everywhere_in_consult(ccadvisor, session, until):
    # A finished session: Ctrl-C at its "[report]" prompt, or at the report's "file:" prompt,
    # once ended the command quietly with 0.
    import signal

    from pexpect.popen_spawn import PopenSpawn
    ccadvisor("consult", "--session", str(session), input=typed(*script_for("new_year_promotion"), ""))
    # A shell starts a background job with Ctrl-C ignored, and an ignored signal stays ignored
    # across exec: give the child Ctrl-C back, as a terminal's foreground job has it.
    child = PopenSpawn([sys.executable, "-c", "import cli; cli.main()", "consult", "--resume",
                        str(session)], cwd=str(session.parent), encoding="utf-8", timeout=60,
                       preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    child.expect(r"\[report\] ")
    if until == "file":
        child.sendline("")
        child.expect("file: ")
    child.kill(signal.SIGINT)
    child.expect(pexpect.EOF)
    assert child.wait() == 130
    assert "Traceback" not in child.before
