"""Three more holes an attack review found: raw control characters in HTML pages, currency codes
nobody pays in, and digits of other scripts read as numbers."""
import json
import re

import pytest

from expert.inputs.catalog import load_catalog

# ---- 1. HTML shows control characters as text does ----------------------------------------

CLIENT = "\x1b]0;pwn\x07\x1b[2J x"        # retitles the terminal, then clears it
SHOWN = "\\x1b]0;pwn\\x07\\x1b[2J x"      # as text, Markdown and JSON already show it
# What XML and HTML forbid, and what acts on a terminal the page is printed to: C0 controls but
# tab, line feed and carriage return, and DEL. (C1 controls are 2 bytes in UTF-8; checked below.)
RAW = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({
        "meta": {"client": CLIENT, "description": "about \x1b[31mred\x1b[0m \x9b1m \u202eevil",
                 "notes": {"call_load": "note \x07"}},
        "call_load": "calls_lost", "period": "long_term"}), encoding="utf-8")
    return str(path)


def assert_no_raw_controls(page: str) -> None:
    raw = RAW.findall(page.encode("utf-8"))
    assert not raw, raw
    assert not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", page)


@pytest.mark.parametrize("args, title", [
    (("advise", "--format", "html"), "Advice on handling customer contacts for "),
    (("advise", "--format", "html", "--brief"), "Advice on handling customer contacts for "),
    (("replay",), "ccadvisor replay: "),
    (("cost", "--format", "html"), "ccadvisor cost for "),
])
def test_an_html_page_shows_control_characters_of_user_text(ccadvisor, hostile, args, title):
    run = ccadvisor(*args, "--answers", hostile)
    assert run.code == 0, run
    assert_no_raw_controls(run.out)
    assert f"<title>{title}{SHOWN}</title>" in run.out


def test_the_report_and_replay_show_every_user_text_visibly(ccadvisor, hostile):
    report = ccadvisor("advise", "--answers", hostile, "--format", "html").out
    replay = ccadvisor("replay", "--answers", hostile).out
    for page, heading in ((report, "Advice on handling customer contacts for "),
                          (replay, "ccadvisor replay: ")):
        assert f"<h1>{heading}{SHOWN}</h1>" in page
        assert "about \\x1b[31mred\\x1b[0m \\x9b1m \\u202eevil" in page   # the description
    assert "<td>note \\x07</td>" in report                                   # the note


def test_an_inline_svg_cannot_carry_a_raw_control_character(ccadvisor, hostile, monkeypatch):
    """The graph is inline SVG, printed as it is (Graphviz's markup): a label that held an ESC
    is shown as \\x1b there too, and the markup around it is untouched."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text x="1">rule \x1b[2J</text></svg>'
    monkeypatch.setattr("expert.report.graph.graph_svg", lambda *a, **k: svg)
    monkeypatch.setattr("expert.explain.replay.graph_svg", lambda *a, **k: svg)
    shown = '<svg xmlns="http://www.w3.org/2000/svg"><text x="1">rule \\x1b[2J</text></svg>'
    for args in (("advise", "--format", "html"), ("replay",)):
        run = ccadvisor(*args, "--answers", hostile)
        assert run.code == 0, run
        assert_no_raw_controls(run.out)
        assert shown in run.out


def test_a_users_html_template_shows_control_characters_too(ccadvisor, hostile, tmp_path):
    template = tmp_path / "mine.html.j2"
    template.write_text("<h1>{{ client }}</h1>\n", encoding="utf-8")
    run = ccadvisor("advise", "--answers", hostile, "--template", str(template))
    assert run.code == 0, run
    assert run.out == f"<h1>{SHOWN}</h1>\n"


# ---- 2. a currency is one some country pays in today ---------------------------------------

CURRENCY_LINE = ("ccadvisor: error: {path}: 'currency' must be an ISO 4217 currency code such as "
                 "EUR or RUB, got {shown}\n")


@pytest.mark.parametrize("code", [
    "RUR",  # the rouble before 1998
    "XXX",  # "no currency"
    "XTS",  # reserved for tests
    "XAU",  # gold
])
def test_a_code_no_one_pays_in_is_refused(ccadvisor, tmp_path, code):
    rates = tmp_path / "rates.yaml"
    rates.write_text(f"currency: {code}\n")
    run = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", str(rates))
    assert (run.code, run.out, run.err) == (2, "", CURRENCY_LINE.format(path=rates, shown=f"'{code}'"))


@pytest.mark.parametrize("written", ["eur", "Eur"])
def test_a_code_in_small_letters_is_refused_saying_to_write_capitals(ccadvisor, tmp_path, written):
    rates = tmp_path / "rates.json"
    rates.write_text(json.dumps({"currency": written}))
    run = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", str(rates))
    assert (run.code, run.out) == (2, "")
    assert run.err == (f"ccadvisor: error: {rates}: 'currency' must be written in capitals, as "
                       f"ISO 4217 writes it: EUR, not '{written}'\n")


@pytest.mark.parametrize("code, symbol", [("EUR", "€"), ("USD", "$"), ("RUB", "RUB"),
                                          ("XOF", "F CFA")])  # West African CFA franc
def test_a_currency_in_use_is_taken(ccadvisor, tmp_path, code, symbol):
    rates = tmp_path / "rates.yaml"
    rates.write_text(f"currency: {code}\n")
    run = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", str(rates))
    assert run.code == 0, run
    assert f"Amounts are in {symbol}" in " ".join(run.out.split())


def test_the_shipped_currency_is_still_taken(ccadvisor):
    run = ccadvisor("cost", "--example", "home_team_startup")
    assert run.code == 0, run
    assert "Amounts are in RUB" in " ".join(run.out.split())


# ---- 3. digits are 0-9 ---------------------------------------------------------------------

ARABIC_INDIC, FULL_WIDTH = "\u0661\u0662", "\uff16"   # "12" and "6" to int()
NBSP = "\u00a0"


def refusal(path, text: str) -> str:
    return (f"ccadvisor: error: {path}: line 1: invalid answer {text!r} for 'calls_per_month': "
            f"expected {load_catalog().get('calls_per_month').expects()}\n")


@pytest.mark.parametrize("text", [ARABIC_INDIC, FULL_WIDTH,
                                  f"{FULL_WIDTH},000",      # not a comma problem: not a number
                                  f"1{NBSP}\u0665\u0660\u0660"])  # grouped, but not 0-9
def test_an_answers_file_refuses_other_digits(ccadvisor, tmp_path, text):
    yaml_file = tmp_path / "a.yaml"
    yaml_file.write_text(f"calls_per_month: {text}\n", encoding="utf-8")
    json_file = tmp_path / "a.json"
    json_file.write_text(json.dumps({"calls_per_month": text}))  # as "\u0661\u0662"
    for path in (yaml_file, json_file):
        run = ccadvisor("advise", "--answers", str(path))
        assert (run.code, run.out, run.err) == (2, "", refusal(path, text))


def test_an_answers_file_still_takes_thousands_grouped_by_special_spaces(ccadvisor, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("calls_per_month: 6\u00a0000\ncustomer_base: 1\u2009200\n", encoding="utf-8")
    run = ccadvisor("advise", "--answers", str(path), "--format", "json")
    assert run.code == 0, run
    answers = json.loads(run.out)["answers"]
    assert (answers["calls_per_month"], answers["customer_base"]) == (6000, 1200)


def test_a_number_option_refuses_other_digits(ccadvisor):
    for text in (FULL_WIDTH, ARABIC_INDIC):
        run = ccadvisor("staffing", "--calls", text, "--aht-seconds", "180")
        assert (run.code, run.out, run.err) == (
            2, "", f"ccadvisor: error: --calls: '{text}' is not a number\n")
    run = ccadvisor("staffing", "--calls", "2\u2009500", "--aht-seconds", "180")
    assert run.code == 0, run
    assert "2,500 calls in 60 min" in run.out


def test_a_csv_cell_and_an_assumption_refuse_other_digits(ccadvisor, tmp_path):
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(f"client,calls_per_month\nA,{ARABIC_INDIC}\nB,12\n", encoding="utf-8")
    run = ccadvisor("batch", str(csv_file), "--format", "jsonl")
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert rows[0]["error"].startswith(f"row 1 (line 2): invalid answer '{ARABIC_INDIC}' for "
                                       "'calls_per_month'")
    assert rows[1]["error"] == ""
    rates = tmp_path / "rates.yaml"
    rates.write_text(f"operator_salary_per_month: {FULL_WIDTH}0000\n", encoding="utf-8")
    run = ccadvisor("cost", "--example", "home_team_startup", "--assumptions", str(rates))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {rates}: 'operator_salary_per_month' must "
                                      f"be a number, got '{FULL_WIDTH}0000'\n")


def test_the_prompt_refuses_other_digits_and_takes_the_answer_again(typed_at, tmp_path):
    path = tmp_path / "s.yaml"
    run = typed_at(path, "customer_base", f"{FULL_WIDTH} 000", "6 000")
    assert (f"customer_base> {FULL_WIDTH} 000\n"
            f"  invalid answer '{FULL_WIDTH} 000' for 'customer_base'") in run.out
    assert "customer_base: 6000\n" in path.read_text()
