"""Every text output fits the width: the terminal's, or $COLUMNS when output is not a terminal,
else 80. Checked at 80 and 120 columns on every bundled example, in every language."""
import pytest

from expert.i18n import LANGUAGES
from expert.inputs.examples import example_names
from expert.report.render import terminal_width

WIDTHS = (80, 120)
PER_EXAMPLE = (("advise",), ("advise", "--brief"), ("cost",), ("explain",),
               ("explain", "--sensitivity"), ("explain", "--what-if", "period=long_term"))
WHOLE = (("questions",), ("rules",), ("kb", "check", "--runs", "1"),
         ("staffing", "--calls", "120000", "--interval-minutes", "60", "--aht-seconds", "300",
          "--target", "80/20", "--max-occupancy", "70"))


def too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if len(line) > width]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("example", example_names())
def test_every_text_report_of_every_example_fits(ccadvisor, example, width, lang):
    for command in PER_EXAMPLE:
        run = ccadvisor(*command, "--example", example, "--lang", lang, env={"COLUMNS": str(width)})
        assert run.code == 0, run.err
        assert not too_wide(run.out, width), (command, too_wide(run.out, width))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_listings_fit(ccadvisor, width, lang):
    for command in WHOLE:
        run = ccadvisor(*command, "--lang", lang, env={"COLUMNS": str(width)})
        assert run.code in (0, 1), run.err
        assert not too_wide(run.out, width), (command, too_wide(run.out, width))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_single_rule_fits_80_columns(ccadvisor, lang):
    """`ccadvisor rules ID`, for a class: long rule ids and findings wrap under themselves."""
    from rules import all_rules
    for rule in all_rules():
        run = ccadvisor("rules", rule.id, "--lang", lang, env={"COLUMNS": "80"})
        assert run.code == 0, run.err
        assert rule.id in run.out
        assert not too_wide(run.out, 80), (rule.id, too_wide(run.out, 80))


def test_prose_uses_the_width_it_is_given(ccadvisor):
    """Wrapped, not just cut: at 120 columns lines run longer than 80 allows."""
    wide = ccadvisor("advise", "--example", "network_explosive_growth", env={"COLUMNS": "120"}).out
    assert max(map(len, wide.splitlines())) > 100


def test_width_without_a_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "132")
    assert terminal_width() == 132
    monkeypatch.delenv("COLUMNS")
    assert terminal_width() == 80


@pytest.mark.parametrize("columns, width", [("99999999999", 1000), ("1001", 1000), ("5", 40)])
def test_an_absurd_columns_is_clamped(monkeypatch, columns, width):
    # Set for the check alone: the test runner's own progress line reads COLUMNS too.
    with monkeypatch.context() as env:
        env.setenv("COLUMNS", columns)
        found = terminal_width()
    assert found == width


def test_a_huge_columns_still_prints_the_report(ccadvisor):
    """COLUMNS=99999999999 once built rules that long: MemoryError, exit 1."""
    run = ccadvisor("advise", "--example", "network_explosive_growth",
                    env={"COLUMNS": "99999999999"})
    assert run.code == 0, run.err
    assert run.err == ""
    assert max(map(len, run.out.splitlines())) <= 1000
