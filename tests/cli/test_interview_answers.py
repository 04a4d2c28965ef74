"""Issue 24's interview, as a consultant meets it: a count that never rises, several answers
where seed 003's row allows several, y/n and да/нет wherever a yes and a no are meant, and
`?` help written for the client."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from expert.i18n import using
from expert.inputs.catalog import load_catalog
from expert.inputs.examples import load_example
from expert.interview.consultation import Consultation
from expert.interview.views import question_model
from expert.report.render import render
from rules import all_rules

PROMPT = re.compile(r"^(\w+)> ", re.M)
COUNT = re.compile(r"^Question (\d+)(?: of about (\d+)|, (the last one)|)(, and a few more(?: after "
                   r"it)?)?", re.M)
BOTH = ("staff_distracted_by_calls_need_a_centre", "lost_calls_need_a_centre")
WIDTH = {"COLUMNS": "80"}


def typed(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def fired(ccadvisor, path) -> list[str]:
    run = ccadvisor("advise", "--answers", str(path), "--format", "json")
    assert run.code == 0, run.err
    return [rule["id"] for rule in json.loads(run.out)["fired_rules"]]


def script_for(name: str) -> list[str]:
    """Every prompt's answer from the example, in the order the interview asks (skip for
    what the example leaves unknown)."""
    answers, _ = load_example(name)
    consultation, lines = Consultation(), []
    while (question := consultation.current()) is not None:
        value = answers.get(question.id)
        lines.append("skip" if value is None else
                     ",".join(value) if isinstance(value, tuple) else str(value))
        consultation.answer(question.id, value)
    return lines


# ------------------------------------------------------------------ the count never goes up

@pytest.mark.parametrize("name", ["specialist_line_staged_plan", "small_office_secretary_copes",
                                  "clinic_core_with_campaigns"])
def test_the_count_never_rises_and_no_line_is_wider_than_80(ccadvisor, tmp_path, monkeypatch,
                                                           name):
    monkeypatch.chdir(tmp_path)  # a path is never broken: a short one fits the width
    session = "s.yaml"
    script = script_for(name)
    # "?" at every prompt too: the help fits the width as the questions do
    run = ccadvisor("consult", "--session", session,
                    input=typed(*(x for line in script for x in ("?", line)), "n"), env=WIDTH)
    assert run.code == 0, run.err
    counts = COUNT.findall(run.out)
    assert [int(n) for n, *_ in counts] == list(range(1, len(script) + 1))
    totals = [int(total) for _, total, *_ in counts if total]
    assert totals and totals == sorted(totals, reverse=True), totals
    assert totals[-1] >= len(script)  # never a total the interview then ran past
    assert not [line for line in run.out.splitlines() if len(line) > 80]


def test_a_resumed_interview_never_shows_a_higher_total(ccadvisor, tmp_path):
    session = tmp_path / "s.yaml"
    script = script_for("network_explosive_growth")
    first = ccadvisor("consult", "--session", str(session), input=typed(*script[:12], "quit"))
    shown = [int(total) for _, total, *_ in COUNT.findall(first.out) if total]
    assert yaml.safe_load(session.read_text())["meta"]["expected_questions"] == shown[-1]
    second = ccadvisor("consult", "--resume", str(session), input=typed(*script[12:], "n"))
    assert second.code == 0, second.err
    counts = COUNT.findall(second.out)
    assert int(counts[0][0]) == 13
    totals = shown + [int(total) for _, total, *_ in counts if total]
    assert totals == sorted(totals, reverse=True), totals


def test_an_estimate_proved_too_low_says_a_few_more_instead_of_raising_it(ccadvisor, tmp_path):
    # A session whose interview showed a total of 3 (the rule base has grown since): the count
    # keeps 3 and says that a few more come, and once past it, that more follow.
    session = tmp_path / "s.yaml"
    session.write_text("meta:\n  status: in_progress\n  expected_questions: 3\n"
                       "call_load: calls_lost\n")
    run = ccadvisor("consult", "--resume", str(session), input=typed("skip", "skip", "quit"))
    assert run.code == 0, run.err
    assert re.search(r"^Question 2 of about 3, and a few more$", run.out, re.M), run.out
    assert re.search(r"^Question 3, and a few more after it$", run.out, re.M), run.out
    assert not re.search(r"of about (?!3\b)\d+", run.out)
    assert yaml.safe_load(session.read_text())["meta"]["expected_questions"] == 3


# -------------------------------------------------------- several answers where several hold

def test_call_load_takes_several_answers_and_each_one_reasons(ccadvisor, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text("call_load:\n  - staff_distracted\n  - calls_lost\n")
    rules = fired(ccadvisor, path)
    assert set(BOTH) <= set(rules)
    one = tmp_path / "one.yaml"
    one.write_text("call_load: calls_lost\n")  # an old answers file: one value, as before
    assert BOTH[1] in fired(ccadvisor, one) and BOTH[0] not in fired(ccadvisor, one)
    text = ccadvisor("advise", "--answers", str(path), env=WIDTH).out
    assert "call_load = staff_distracted, calls_lost" in text
    markdown = ccadvisor("advise", "--answers", str(path), "--format", "md").out
    assert "Staff take calls instead of doing their main work, or the load cannot be measured; " \
           "Calls are being lost" in markdown
    russian = " ".join(ccadvisor("--lang", "ru", "advise", "--answers", str(path)).out.split())
    assert "call_load = staff_distracted, calls_lost" in russian
    assert "Сотрудники вместо основной работы принимают звонки, или вы не можете оценить " \
           "нагрузку; Звонки теряются" in russian


def test_several_answers_typed_at_the_prompt(ccadvisor, tmp_path):
    session = tmp_path / "s.yaml"
    run = ccadvisor("consult", "--session", str(session), input=typed("3 2", "quit"))
    assert run.code == 0, run.err
    first, second = PROMPT.findall(run.out)[:2]
    assert first == "call_load" and second != "call_load"
    assert yaml.safe_load(session.read_text())["call_load"] == ["staff_distracted", "calls_lost"]
    assert set(BOTH) <= set(fired(ccadvisor, session))
    # by name, separated by a comma, resumed and changed: the same two
    again = ccadvisor("consult", "--resume", str(session),
                      input=typed("change call_load", "calls_lost, staff_distracted", "quit"))
    assert again.code == 0 and "(taken back; it was:" in again.out
    assert yaml.safe_load(session.read_text())["call_load"] == ["staff_distracted", "calls_lost"]


def test_a_bad_choice_among_several_is_refused_at_the_prompt(ccadvisor, tmp_path):
    run = ccadvisor("consult", "--session", str(tmp_path / "s.yaml"),
                    input=typed("2,7", "1,3", "quit"), env=WIDTH)
    flat = " ".join(run.out.split())
    assert "invalid answer '7' for 'call_load'" in flat
    assert "'staff_cope' and 'calls_lost' cannot both be the answer for 'call_load'" in flat
    assert PROMPT.findall(run.out) == ["call_load"] * 3


@pytest.mark.parametrize("value, message", [
    ("[staff_distracted, nope]", "invalid answer 'nope' for 'call_load': expected one or more of "
                                 "staff_cope, staff_distracted, calls_lost, separated by commas"),
    ("[staff_cope, calls_lost]", "'staff_cope' and 'calls_lost' cannot both be the answer for "
                                 "'call_load': choose one of them"),
    ("[]", "no answer in [] for 'call_load'"),
    ("[[staff_cope]]", "invalid answer ['staff_cope'] for 'call_load'"),
])
def test_a_bad_list_in_an_answers_file_is_one_line_and_exit_2(ccadvisor, tmp_path, value, message):
    path = tmp_path / "answers.yaml"
    path.write_text(f"call_flow: few_in_hours\ncall_load: {value}\n")
    run = ccadvisor("advise", "--answers", str(path))
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and f"{path}: line 2: {message}" in run.err, run.err


def test_a_list_for_a_one_answer_question_is_refused(ccadvisor, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"call_flow": ["few_in_hours", "outside_hours"]}')
    run = ccadvisor("advise", "--answers", str(path))
    assert run.code == 2 and run.err.count("\n") == 1
    assert "'call_flow' takes one answer, not a list: expected one of few_in_hours" in run.err
    russian = ccadvisor("--lang", "ru", "advise", "--answers", str(path))
    assert russian.code == 2 and "на вопрос 'call_flow' дается один ответ, а не список" in russian.err


def test_what_if_takes_several_answers(ccadvisor):
    run = ccadvisor("explain", "--example", "small_office_secretary_copes",
                    "--what-if", "call_load=2,3", "--format", "json")
    assert run.code == 0, run.err
    assert "staff_distracted" in run.out and "calls_lost" in run.out


def test_the_screen_and_the_engine_agree_on_several_answers():
    from expert.explain.sensitivity import Screen
    from expert.reasoning.advisor import advise
    answers, _ = load_example("small_office_secretary_copes")
    answers = {**answers, "call_load": load_catalog().get("call_load").parse_text("2,3")}
    assert Screen(answers).decision()[0] == advise(answers).decision.option


# ------------------------------------------------------- y/n, да/нет where yes and no are meant

@pytest.mark.parametrize("word, value", [("Y", "yes"), ("yes", "yes"), ("д", "yes"), ("ДА", "yes"),
                                         ("n", "no"), ("No", "no"), ("н", "no"), ("Нет", "no")])
def test_yes_and_no_in_either_language_at_a_yes_no_prompt(typed_at, tmp_path, word, value):
    session = tmp_path / "s.yaml"
    run = typed_at(session, "service_is_image", word)
    assert run.code == 0, run.err
    assert yaml.safe_load(session.read_text())["service_is_image"] == value


@pytest.mark.parametrize("word, value", [("да", "yes"), ("Y", "yes"), ("нет", "no"), ("n", "no")])
def test_yes_and_no_where_a_choice_question_s_choices_are_a_yes_and_a_no(typed_at, tmp_path, word,
                                                                       value):
    session = tmp_path / "s.yaml"
    run = typed_at(session, "loyalty_quality", word)
    assert run.code == 0, run.err
    assert "(or y/n)" in run.out
    assert yaml.safe_load(session.read_text())["loyalty_quality"] == value


@pytest.mark.parametrize("qid, word", [("service_is_image", "maybe"), ("service_is_image", "yn"),
                                       ("service_is_image", "1"), ("loyalty_quality", "maybe"),
                                       ("loyalty_quality", "yn")])
def test_what_could_be_misread_is_still_refused(typed_at, tmp_path, qid, word):
    session = tmp_path / "s.yaml"
    run = typed_at(session, qid, word)
    question = load_catalog().get(qid)
    assert f"invalid answer '{word}' for '{qid}': expected {question.expects()}" \
        in " ".join(run.out.split())
    assert qid not in yaml.safe_load(session.read_text())


# ------------------------------------------------------------------ `?` is for the client

ENGLISH_JARGON = re.compile(r"\b(CF|certainty|facts?|stages?|rules?|findings?|seeds?|hints?|"
                            r"evidence|vetoe?s?|tiers?|categorical|engine|fired|salience|agenda)\b",
                            re.I)
RUSSIAN_JARGON = re.compile(r"(?<!\w)(CF|факт(ы|а|ов|ом|ами|ах)?|стади\w*|этап\w*|правил(о|а|ам|ами|ах|"
                            r"ом|е)?|вывод\w*|подсказк\w*|сид\w*|уверенност\w*)(?!\w)", re.I)
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


@pytest.mark.parametrize("lang, jargon", [("en", ENGLISH_JARGON), ("ru", RUSSIAN_JARGON)])
def test_help_for_every_question_is_for_the_client_and_fits_80_columns(monkeypatch, lang, jargon):
    monkeypatch.setenv("COLUMNS", "80")
    rule_ids = {meta.id for meta in all_rules()}
    with using(lang):
        consultation = Consultation()
        for question in load_catalog():
            text = render("consult/help", "text", question_model(question, consultation))
            assert not jargon.search(text), (question.id, jargon.search(text).group(0), text)
            assert not SEED_FILE.search(text) and not rule_ids & set(re.findall(r"\w+", text))
            assert not [line for line in text.splitlines() if len(line) > 80], text


def test_help_typed_at_the_prompt_names_the_article_not_its_file(ccadvisor, tmp_path):
    run = ccadvisor("consult", "--session", str(tmp_path / "s.yaml"), input=typed("?", "quit"),
                    env=WIDTH)
    shown = run.out.split("call_load> ?")[1].split("call_load>")[0]
    assert "From the article: When you need your own call centre" in shown
    assert "Several answers may hold at once" in shown
    assert not ENGLISH_JARGON.search(shown) and not SEED_FILE.search(shown)
    russian = ccadvisor("--lang", "ru", "consult", "--session", str(tmp_path / "r.yaml"),
                        input=typed("?", "выход"), env=WIDTH)
    shown = russian.out.split("call_load> ?")[1].split("call_load>")[0]
    assert "Из статьи «Когда нужен свой Call-центр»" in shown
    assert not RUSSIAN_JARGON.search(shown) and not SEED_FILE.search(shown)
