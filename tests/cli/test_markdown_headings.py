"""Every Markdown output has one H1, starts with it, and never skips a heading level (an H1 then
an H3): a Markdown viewer's outline, and a converter to Word or PDF, read the headings as the
document's structure. Checked on every bundled example, in every language, and on the rule base
(`rules --format md`, which is knowledge_base.md)."""
import re
from pathlib import Path

import pytest

from expert.i18n import LANGUAGES
from expert.inputs.examples import example_names

PER_EXAMPLE = (("advise",), ("advise", "--brief"), ("explain",), ("explain", "--sensitivity"),
               ("explain", "--why-not", "in_house"), ("explain", "--what-if", "period=long_term"),
               ("cost",))


def heading_levels(markdown: str) -> list[int]:
    """The level of every ATX heading outside fenced code."""
    levels, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"(#{1,6}) ", line)):
            levels.append(len(match.group(1)))
    return levels


def outline_problems(markdown: str) -> list[str]:
    levels = heading_levels(markdown)
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} H1 headings")
    if not levels or levels[0] != 1:
        problems.append("does not start with its H1")
    problems += [f"H{a} then H{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    return problems


@pytest.mark.parametrize("text, problems", [
    ("# A\n## B\n### C\n## D\n", []),
    ("# A\n## B\n# C\n", ["2 H1 headings"]),
    ("# A\n### C\n", ["H1 then H3"]),
    ("## B\n# A\n", ["does not start with its H1"]),
    ("# A\n```sh\n# a shell comment\n```\n", []),
])
def test_the_outline_check_itself(text, problems):
    assert outline_problems(text) == problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("example", example_names())
def test_every_markdown_report_of_every_example_has_one_h1_and_no_skipped_level(ccadvisor, example,
                                                                                lang):
    for command in PER_EXAMPLE:
        run = ccadvisor(*command, "--example", example, "--format", "md", "--lang", lang)
        assert run.code == 0, (command, run.err)
        assert heading_levels(run.out), command
        assert not outline_problems(run.out), (command, outline_problems(run.out))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rule_base_in_markdown_has_one_h1_and_no_skipped_level(ccadvisor, lang):
    run = ccadvisor("rules", "--format", "md", "--lang", lang)
    assert run.code == 0, run.err
    assert not outline_problems(run.out), outline_problems(run.out)


def test_the_shipped_knowledge_base_has_one_h1_and_no_skipped_level():
    text = (Path(__file__).resolve().parents[2] / "knowledge_base.md").read_text(encoding="utf-8")
    assert not outline_problems(text), outline_problems(text)


def test_the_appendix_is_a_section_of_the_report_not_a_second_document(ccadvisor):
    md = ccadvisor("advise", "--example", "specialist_line_staged_plan", "--format", "md").out
    assert "\n## Appendix: how the advice was reached\n" in md
    appendix = md.split("\n## Appendix: how the advice was reached\n", 1)[1]
    assert min(heading_levels(appendix)) == 3  # everything in it sits under it
