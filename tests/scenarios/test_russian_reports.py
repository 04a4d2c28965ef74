"""A consultant in Russia hands the client a report in Russian: every bundled example's report
(text, Markdown, HTML, and the brief first page alone) holds no English word outside ids,
quotes, command lines and a short list of terms Russian business text uses as they are."""
import re

import pytest

from expert.inputs.examples import example_names
from expert.inputs.catalog import load_catalog
from expert.reasoning.options import load_options, load_stages
from expert.report.model import advice_catalog
from expert.numbers.assumptions import shipped_assumptions
from expert.numbers.cost import component_catalog
from expert.numbers.figures import FIGURE_INPUTS
from rules import all_rules

# Latin words Russian business text uses as they are (the issue's list, and names).
ALLOWED = {"KPI", "CRM", "IVR", "SLA", "PBX", "CF", "MYCIN", "EMYCIN", "Erlang", "CNews",
           "ccadvisor", "Graphviz", "Call", "call", "YAML", "JSON", "CSV", "HTML", "Markdown"}
LATIN_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")


def known_ids() -> set[str]:
    """Every id a report may show as an id (in brackets, after "rule", as a name)."""
    ids = {q.id for q in load_catalog()} | {c for q in load_catalog() for c in q.choice_ids}
    ids |= set(load_options()) | set(load_stages()) | set(advice_catalog())
    ids |= set(shipped_assumptions()) | set(component_catalog()) | set(example_names())
    ids |= set(FIGURE_INPUTS)
    for meta in all_rules():
        ids |= {meta.id, *meta.finds, *meta.advice}
    return ids


def english_words(text: str, ids: set[str]) -> list[str]:
    text = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", text)
    # What a page shows as code is a command or a program's name (Graphviz's ``dot``, which
    # the page names when it is not installed), not prose.
    text = re.sub(r"(?s)<code\b[^>]*>.*?</code>", " ", text)
    # The graph picture breaks a long rule id after an underscore, one SVG text line per piece.
    text = re.sub(r"_</text>\s*<text[^>]*>", "_", text)
    text = re.sub(r"<[^>]*>|&[a-z]+;|&#\d+;", " ", text)
    text = re.sub(r"\b\d{3}_[0-9a-f]{16}\.txt\b", " ", text)  # seed file names
    text = re.sub(r"ccadvisor(?: [a-z]+)+(?: --?[a-z-]+(?: [A-Z_]+)?)*", " ", text)  # command lines
    text = re.sub(r"(?<![\w-])--[a-z][a-z-]+(?: [A-Z]+\b)?", " ", text)  # options, and their FILE/NAME
    # An id (a graph label may break one after an underscore: "staff_distracted_by_" then
    # "calls_need_a_centre"), or a file name.
    text = re.sub(r"\b\w*[_.]\w*\b", lambda m: " " if "." in m.group(0) or any(
        m.group(0) in known for known in ids) else m.group(0), text)
    return [w for w in LATIN_WORD.findall(text) if len(w) > 1 and w not in ids and w not in ALLOWED]


FORMATS = ("text", "md", "html")


@pytest.fixture(scope="module")
def ids():
    return known_ids()


@pytest.mark.parametrize("brief", [False, True], ids=["report", "brief"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", example_names())
def test_the_russian_report_is_russian(ccadvisor, ids, example, fmt, brief):
    run = ccadvisor("advise", "--example", example, "--format", fmt, "--lang", "ru",
                    *(["--brief"] if brief else []), env={"COLUMNS": "80"})
    assert run.code == 0, run.err
    assert re.search("[а-яА-Я]", run.out)
    words = english_words(run.out, ids)
    assert not words, f"English words in the Russian report: {sorted(set(words))[:30]}"


def test_the_check_sees_english_and_lets_ids_and_terms_pass(ids):
    text = ('<p class="x">Решено: outsource, правило short_term_task_favours_outsourcing; '
            "KPI и CRM; см. ccadvisor explain --sensitivity; статья 002_8e3dd5fe99ac0c51.txt; "
            "Runner-up; не установлен Graphviz (программа <code>dot</code>)</p>")
    assert english_words(text, ids) == ["Runner-up"]
