"""A whole interview in Russian (``--lang ru``) on an 80-column pseudo-terminal, readline on: the
prompt, ``почему`` and ``назад``, Russian yes and no, and the advice at the end; and the Russian
command words understood in English output too."""
from __future__ import annotations

import re

import pytest
import yaml

from expert.i18n import using
from expert.inputs.catalog import load_catalog
from expert.inputs.examples import load_example
from expert.interview.consultation import Consultation
from expert.reasoning.options import load_options
from rules import all_rules

pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")

PROMPT = r"\n(\w+)> "
FILE_OFFER = r"Записать отчет и в файл\?[\s\S]*?файл: "
EXAMPLE = "network_explosive_growth"
CHOSEN = "hybrid"  # what this example is advised (tests/terminal/test_interview_80_columns.py)
WIDTH = 80
COMMANDS = "? почему статус назад изменить пропустить заметка <текст> выход"
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"ccadvisor", "KPI", "CRM", "IVR", "SLA", "PBX", "CF", "MYCIN", "Erlang", "CNews", "Call"}


def english_words(lines: list[str]) -> list[str]:
    """Latin words a user reads that are not ids: the shown lines, not the typed answers."""
    ids = {q.id for q in load_catalog()} | {c for q in load_catalog() for c in q.choice_ids}
    ids |= set(load_options()) | {w for m in all_rules() for w in (m.id, *m.finds, *m.advice)}
    words = []
    for line in lines:
        if re.match(r"\w+> ", line):
            continue
        line = re.sub(r"\b\d{3}_[0-9a-f]{16}\.txt\b|\bs\.yaml\b", " ", line)  # seeds, the session
        words += [w for w in re.findall(r"[A-Za-z][\w]*", line)
                  if w not in ids and w not in ALLOWED and LATIN_WORD.fullmatch(w)]
    return words


def flat(text: str) -> str:
    """Wrapped text as one line: line breaks and indentation are the terminal's business."""
    return " ".join(text.replace("\r", "").split())


def typed(question, value) -> str:
    """An answer as a Russian consultant types it: да/нет, thousands grouped by a space."""
    if value is None:
        return "пропустить"
    if question.type == "yes_no":
        return {"yes": "да", "no": "нет"}[value]
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", " ")
    return str(value)


def test_an_interview_runs_to_the_end_in_russian(spawn_consult, tmp_path):
    answers, _ = load_example(EXAMPLE)
    english = load_catalog()
    with using("ru"):
        meta = load_example(EXAMPLE)[1]
        catalog, options = load_catalog(), load_options()
        consultation = Consultation()
        first_question = consultation.current()
        waiting = [(w.rule.id, w.rule.seed, w.rule.title)
                   for w in consultation.waiting_on(first_question.id)]
        taken_back = catalog.get(first_question.id).label(answers[first_question.id])
    assert waiting

    child = spawn_consult(tmp_path, "--lang", "ru", "--session", "s.yaml", "--client", meta["client"],
                          env={"LC_ALL": "C.UTF-8"})  # readline reads UTF-8
    child.expect(PROMPT)
    first = child.match.group(1)
    assert first == first_question.id
    screen = flat(child.before)
    assert f"Консультация ccadvisor: {meta['client']}" in screen
    assert "Файл сессии: s.yaml" in screen
    assert "почему (какие правила ждут ответа), статус (положение вариантов), назад" in screen
    assert "Вопрос 1 из примерно" in screen
    # The question comes through the data loaders in Russian, not in English.
    question = catalog.get(first)
    assert flat(question.text) in screen and question.text != english.get(first).text
    assert all(flat(label) in screen for _, label in question.choices)
    several = ", несколько, если верны все (например, 2,3)" if question.multiple else ""
    assert f"Ответ: 1-{len(question.choices)}{several}, или: {COMMANDS}" in screen

    child.send("\t\t")  # TAB TAB lists what can be typed here: the Russian commands, the ids
    child.expect(PROMPT)
    listing = child.before
    assert all(word in listing for word in ("почему", "назад", "пропустить", "выход",
                                            *question.choice_ids)), listing
    child.send("\x15")  # Ctrl-U: clear the line

    child.sendline("почему")
    child.expect(PROMPT)
    why = flat(child.before)
    assert f"Зачем этот вопрос: {flat(question.text)}" in why
    assert re.search(r"Этого ответа жд(ёт|ут) \d+ правил", why), why
    for rule, seed, title in waiting:
        assert f"{rule} [{seed}]" in why
        assert flat(title) in why and re.search("[а-я]", title), title
    assert "<- этот вопрос" in why

    child.sendline(typed(question, answers[first]))
    child.expect(PROMPT)
    assert "Вопрос 2 из примерно" in flat(child.before)
    child.sendline("назад")
    child.expect(f"Возврат к {first}:")
    child.expect(PROMPT)
    assert child.match.group(1) == first
    assert "Вопрос 1 из примерно" in flat(child.before)
    assert f"(ответ отозван; был: {flat(taken_back)})" in flat(child.before)
    child.sendline(typed(question, answers[first]))

    asked, yes_no = [first], 0
    while child.expect([PROMPT, FILE_OFFER]) == 0:
        qid = child.match.group(1)
        asked.append(qid)
        question = catalog.get(qid)
        yes_no += question.type == "yes_no" and answers.get(qid) is not None
        child.sendline(typed(question, answers.get(qid)))
    assert yes_no  # да and нет were typed
    child.sendline("н")  # Russian "no" declines the file: it is not a file name
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    lines = child.lines()
    text = flat("\n".join(lines))
    label = options[CHOSEN].label
    assert f"Выбор сделан: {flat(label)}" in text
    assert "Это все вопросы, которые еще могут изменить рекомендации." in text
    assert "Сессия завершена: s.yaml" in text
    report = flat("\n".join(lines)["\n".join(lines).index("Сессия завершена"):])
    assert flat(label) in report and flat(options[CHOSEN].summary) in report
    # The interview itself fits 80 columns, the why answer's header included.
    interview = lines[:next(i for i, line in enumerate(lines) if "Сессия завершена" in line)]
    wide = [line for line in interview if len(line) > WIDTH]
    assert not wide, wide
    assert not english_words(interview), sorted(set(english_words(interview)))

    assert not (tmp_path / "н").exists()
    saved = yaml.safe_load((tmp_path / "s.yaml").read_text(encoding="utf-8"))
    assert saved["meta"]["status"] == "finished"
    assert [k for k in saved if k != "meta"] == asked
    for qid in asked:  # the answers are saved as ids, whatever the language they were typed in
        assert saved[qid] == answers.get(qid, "unknown")


def test_the_russian_command_words_work_in_english_output(spawn_consult, tmp_path):
    child = spawn_consult(tmp_path, "--lang", "en", "--session", "s.yaml", env={"LC_ALL": "C.UTF-8"})
    child.expect(PROMPT)
    first = child.match.group(1)
    child.sendline("почему")
    child.expect(r"Why ask:[\s\S]*?on\s+this\s+answer:")
    child.expect(PROMPT)
    child.sendline("статус")
    child.expect("Where the options stand")
    child.expect(PROMPT)
    child.sendline("пропустить")
    child.expect("Recorded as unknown.")
    child.expect(PROMPT)
    child.sendline("назад")
    child.expect(f"Back to {first}:")
    child.expect(PROMPT)
    assert child.match.group(1) == first
    child.sendline("выход")
    child.expect("Session saved: s.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = [line for line in child.lines() if not re.match(r"\w+> ", line)]  # not the typing
    assert not [line for line in shown if re.search("[а-яё]", line)]
