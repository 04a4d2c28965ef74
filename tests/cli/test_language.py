"""Which language a run speaks: --lang, else $CCADVISOR_LANG, else the locale (LC_ALL, then
LC_MESSAGES, then LANG) when it names Russian, else English. A language the tool does not have
is bad input: one line, exit code 2, before any work."""
import json
import os

import pytest

from expert.i18n import from_environment
from expert.i18n import numbers as local
from expert.i18n import using

RUSSIAN_HEADING = "РЕКОМЕНДАЦИЯ"
ENGLISH_HEADING = "RECOMMENDATION"
NO_LANGUAGE = {"CCADVISOR_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def advise(ccadvisor, *options, env=None):
    run = ccadvisor(*options, "advise", "--example", "network_explosive_growth",
                    env={**NO_LANGUAGE, **(env or {})})
    assert run.code == 0, run.err
    return run.out


@pytest.mark.parametrize("env, heading", [
    ({}, ENGLISH_HEADING),
    ({"LANG": "ru_RU.UTF-8"}, RUSSIAN_HEADING),
    ({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_GB.UTF-8"}, RUSSIAN_HEADING),
    ({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, ENGLISH_HEADING),  # LC_ALL wins, as in POSIX
    ({"LANG": "de_DE.UTF-8"}, ENGLISH_HEADING),  # a locale the tool does not speak: English
    ({"CCADVISOR_LANG": "ru", "LANG": "en_US.UTF-8"}, RUSSIAN_HEADING),
    ({"CCADVISOR_LANG": "en", "LANG": "ru_RU.UTF-8"}, ENGLISH_HEADING),
], ids=["default", "LANG", "LC_ALL", "LC_ALL-first", "other-locale", "CCADVISOR_LANG", "over-LANG"])
def test_the_environment_chooses_the_language(ccadvisor, env, heading):
    assert heading in advise(ccadvisor, env=env)


def test_the_option_beats_the_environment_before_or_after_the_command(ccadvisor):
    assert RUSSIAN_HEADING in advise(ccadvisor, "--lang", "ru", env={"CCADVISOR_LANG": "en"})
    run = ccadvisor("advise", "--example", "network_explosive_growth", "--lang", "en",
                    env={"CCADVISOR_LANG": "ru"})
    assert ENGLISH_HEADING in run.out


@pytest.mark.parametrize("args, env, line", [
    (("advise", "--lang", "de"), {}, "ccadvisor: error: --lang: unknown language 'de'; choose one of: en, ru"),
    (("advise",), {"CCADVISOR_LANG": "xx"},
     "ccadvisor: error: $CCADVISOR_LANG: unknown language 'xx'; choose one of: en, ru"),
])
def test_an_unknown_language_is_one_line_and_exit_2(ccadvisor, args, env, line):
    run = ccadvisor(*args, "--example", "network_explosive_growth", env={**NO_LANGUAGE, **env})
    assert (run.code, run.err, run.out) == (2, line + "\n", "")


def test_errors_speak_the_language(ccadvisor):
    run = ccadvisor("advise", "--example", "nope", "--lang", "ru")
    assert run.code == 2
    assert run.err.startswith("ccadvisor: ошибка: ") and "nope" in run.err
    assert len(run.err.splitlines()) == 1


def test_every_command_takes_lang(ccadvisor):
    import cli
    for name in cli.COMMANDS:
        run = ccadvisor(name, "--help")
        assert "--lang LANG" in run.out, name


def test_numbers_are_written_the_russian_way():
    assert (local.number(1234567), local.fixed(0.5, 2), local.answer(2.5), local.currency("RUB")) \
        == ("1,234,567", "0.50", "2.5", "RUB")
    with using("ru"):
        assert (local.number(1234567), local.fixed(0.5, 2), local.answer(2.5), local.currency("RUB")) == \
            ("1\u00a0234\u00a0567", "0,50", "2,5", "₽")


@pytest.mark.parametrize("lang, expected", [
    ("en", ["60,000.5", "123,456,789.25", "0.0035", "0.00001235", "1,000,000,000,000,000,000,000",
            "5,000,000", "12.35", "-3.25", "1", "0.85"]),
    ("ru", ["60\u00a0000,5", "123\u00a0456\u00a0789,25", "0,0035", "0,00001235",
            "1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000", "5\u00a0000\u00a0000", "12,35",
            "-3,25", "1", "0,85"]),
])
def test_no_number_is_written_in_exponent_form(lang, expected):
    """Large, small and fractional figures as a consultant writes them: grouped, two decimals at
    1 or more, four significant digits below 1, never 6e+04 or 1.2e-05."""
    values = [60000.5, 123456789.25, 0.0035, 0.000012345, 1e21, 5e6, 12.3456, -3.25, 1.0, 0.85]
    with using(lang):
        assert [local.number(v) for v in values] == expected
        assert local.answer(1e-05) == ("0,00001" if lang == "ru" else "0.00001")


def test_the_language_is_restored_after_a_run(ccadvisor):
    from expert.i18n import current
    advise(ccadvisor, "--lang", "ru")
    assert current() == "en"


@pytest.mark.parametrize("environ, lang", [
    ({}, "en"), ({"LANG": "ru_RU.utf8"}, "ru"), ({"LANG": "RU_ru.UTF-8"}, "ru"),
    ({"LANG": "ru_RU.UTF-8@euro"}, "ru"), ({"CCADVISOR_LANG": " RU "}, "ru"),
    # A Russian locale in another encoding cannot show «» and dashes: English, as before.
    ({"LANG": "ru_RU.KOI8-R"}, "en"), ({"LANG": "ru_RU"}, "en"),
])
def test_from_environment(environ, lang):
    assert from_environment(environ) == lang


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("--lang", "en", "examples"),
                                  ("examples", "--lang=ru")])
def test_a_bad_environment_does_not_block_help_version_or_an_explicit_lang(ccadvisor, args):
    run = ccadvisor(*args, env={**NO_LANGUAGE, "CCADVISOR_LANG": "fr"})
    assert run.code == 0, run.err
    assert run.err == ""


def test_russian_reads_a_decimal_comma_and_refuses_what_two_languages_read_apart():
    from expert.inputs.numeric import AmbiguousNumber, to_number
    with using("ru"):
        assert (to_number("1,5"), to_number("2 500,75"), to_number("1.5")) == (1.5, 2500.75, 1.5)
        with pytest.raises(AmbiguousNumber, match="напишите 1 500, если это тысячи, или 1,5, если это дробь"):
            to_number("1,500")
    assert to_number("1,500") == 1500  # English: a comma groups thousands
    with pytest.raises(AmbiguousNumber):
        to_number("1,5")


def test_one_answers_file_never_means_two_numbers(ccadvisor, tmp_path):
    """1,500 seconds is fifteen hundred in English; in Russian it is refused, naming the value,
    rather than read as one and a half."""
    answers = tmp_path / "a.yaml"
    answers.write_text('aht_seconds: "1,500"\n', encoding="utf-8")
    run = ccadvisor("advise", "--answers", str(answers), "--lang", "ru")
    assert run.code == 2 and "'1,500'" in run.err and len(run.err.splitlines()) == 1
    run = ccadvisor("advise", "--answers", str(answers))
    assert run.code == 0, run.err


def test_rates_and_a_target_take_a_decimal_comma_in_russian(ccadvisor, tmp_path):
    rates = tmp_path / "rates.yaml"
    rates.write_text("outsource_price_per_minute: 35,5\n", encoding="utf-8")
    run = ccadvisor("cost", "--example", "new_year_promotion", "--assumptions", str(rates), "--lang", "ru")
    assert run.code == 0, run.err
    assert "× 35,5 за минуту" in run.out
    english = ccadvisor("cost", "--example", "new_year_promotion", "--assumptions", str(rates))
    assert english.code == 2 and "'35,5'" in english.err
    run = ccadvisor("staffing", "--calls", "100", "--aht-seconds", "180", "--target", "80,5/20",
                    "--lang", "ru")
    assert run.code == 0 and "80,5%" in run.out


def test_russian_answer_words_are_understood_whatever_the_output_language(ccadvisor, tmp_path):
    """да/нет and неизвестно are answers, as yes/no and unknown are; numbers in a Russian error
    line are written the Russian way."""
    answers = tmp_path / "a.yaml"
    answers.write_text("period: неизвестно\nplanned_spikes: да\nexplosive_growth: нет\n", encoding="utf-8")
    english = ccadvisor("advise", "--answers", str(answers), "--format", "json")
    assert english.code == 0, english.err
    assert {row["question"]: row["value"] for row in json.loads(english.out)["answer_rows"]} == \
        {"planned_spikes": "yes", "explosive_growth": "no"}  # period: unknown, so not a row
    answers.write_text("customer_base: 5000000000000\n", encoding="utf-8")
    run = ccadvisor("advise", "--answers", str(answers), "--lang", "ru")
    assert run.code == 2 and "ожидается целое число от 0 до 1\u00a0000\u00a0000\u00a0000" in run.err


def test_a_tiny_answer_and_a_wrong_one_are_written_as_typed_in_russian(ccadvisor, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("outsource_price_per_minute: 0.00001\n", encoding="utf-8")
    run = ccadvisor("advise", "--answers", str(answers), "--lang", "ru", "--format", "json")
    assert run.code == 0, run.err  # 1e-05 once went through int() and crashed
    assert json.loads(run.out)["answer_rows"][0]["label"].startswith("0,00001 ")
    run = ccadvisor("explain", "--example", "new_year_promotion", "--what-if", "customer_base=1500,5",
                    "--lang", "ru")
    assert run.code == 2 and "недопустимый ответ 1\u00a0500,5 на вопрос 'customer_base'" in run.err


@pytest.mark.parametrize("encoding", ["koi8-r", "iso8859-5"])
def test_a_terminal_that_is_not_utf8_shows_what_it_cannot_as_a_question_mark(tmp_path, encoding):
    # «…» in the seed quotes has no code in KOI8-R: it once ended the report with exit 2
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-c", "import cli; cli.main()", "advise", "--example",
                           "specialist_equipment_support"], capture_output=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONIOENCODING": encoding, "LANG": "C"}, timeout=120)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode(encoding)
    assert "RECOMMENDATION" in text and "APPENDIX" in text and "?" in text
