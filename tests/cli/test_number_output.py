"""No figure in any output is in exponent form: a consultant who types a salary of 60000.5 reads
60,000.5 back (Russian: 60 000,5), a price of 0.0035 a minute stays 0.0035, and a rate of tens
of millions is written in full, in the cost table, the client report and every error line."""
import re

import pytest

NBSP = "\u00a0"
# how Python writes a float in exponent form (6e+04, 1.2e-05); seed file names hold hex digits
EXPONENT = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?e[+-]\d+")
RATES = ("operator_salary_per_month: 60000.5\noutsource_price_per_minute: 0.0035\n"
         "seat_capital_cost: 12345678.25\n")
SHOWN = {"en": ["60,000.5", "0.0035", "12,345,678.25"],
         "ru": [f"60{NBSP}000,5", "0,0035", f"12{NBSP}345{NBSP}678,25"]}


@pytest.fixture
def rates(tmp_path):
    path = tmp_path / "rates.yaml"
    path.write_text(RATES)
    return path


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("command", [("cost",), ("advise",), ("advise", "--format", "md"),
                                     ("advise", "--format", "html")])
def test_large_small_and_fractional_rates_are_written_out(ccadvisor, rates, lang, command):
    run = ccadvisor(*command, "--example", "specialist_equipment_support", "--assumptions",
                    str(rates), "--lang", lang, env={"COLUMNS": "200"})
    assert run.code == 0, run
    assert not EXPONENT.search(run.out), EXPONENT.search(run.out)
    if command == ("cost",):  # the assumptions list shows every rate as given
        for shown in SHOWN[lang]:
            assert shown in run.out, shown


@pytest.mark.parametrize("lang, message", [
    ("en", "'seat_capital_cost' is 123456789.25, out of range: expected 0 to 100000000 (per seat)"),
    ("ru", f"'seat_capital_cost' = 123{NBSP}456{NBSP}789,25, вне допустимого диапазона: ожидается "
           f"от 0 до 100{NBSP}000{NBSP}000 (на рабочее место)"),
])
def test_a_rate_out_of_range_is_named_as_typed(ccadvisor, tmp_path, lang, message):
    path = tmp_path / "rates.yaml"
    path.write_text("seat_capital_cost: 123456789.25\n")
    run = ccadvisor("cost", "--example", "specialist_equipment_support", "--assumptions", str(path),
                    "--lang", lang)
    assert run.code == 2 and run.err.endswith(f"{path}: {message}\n"), run.err


def test_staffing_writes_a_million_calls_in_full(ccadvisor):
    run = ccadvisor("staffing", "--calls", "1000000", "--interval-minutes", "60",
                    "--aht-seconds", "0.5", "--target", "80/20")
    assert run.code == 0, run
    assert "(1,000,000 calls in 60 min at 0.5 s each)" in " ".join(run.out.split())
    assert not EXPONENT.search(run.out)
