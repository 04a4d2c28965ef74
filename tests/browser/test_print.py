"""The HTML report printed to PDF by headless Chromium, read back with pdftotext (poppler-utils):
A4, the client page first, nothing cut at a page edge."""
import re
import shutil
import statistics
import subprocess
from html import unescape

import pytest

from expert.reasoning.advisor import advise
from expert.inputs.examples import example_names, load_example
from expert.reasoning.decision import compared
from expert.reasoning.options import load_options
from expert.report.brief import client_page
from rules import rule_index

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(shutil.which("pdftotext") is None,
                       reason="pdftotext is not installed (apt-get install poppler-utils)"),
]
EXAMPLES = ("network_explosive_growth", "specialist_equipment_support")
A4 = (595, 842)  # points, portrait


def print_pdf(ccadvisor, tmp_path, example, *args):
    html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    run = ccadvisor("advise", "--example", example, "--format", "html", "-o", str(html), *args)
    assert run.code == 0, run.err
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'chromium'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    return pdf


def pdftotext(*args) -> str:
    return subprocess.run(["pdftotext", *map(str, args), "-"], capture_output=True, text=True,
                          check=True).stdout


def words_with_boxes(pdf):
    """(page width, page height, [(word, xMin, yMin, xMax, yMax)]) per page."""
    html = pdftotext("-bbox", pdf)
    pages = []
    for page in re.findall(r"<page (.*?)</page>", html, re.S):
        width, height = map(float, re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        words = [(w, *map(float, box)) for *box, w in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)]
        pages.append((width, height, words))
    return pages


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_printed_report_opens_with_the_client_page(ccadvisor, tmp_path, example):
    pdf = print_pdf(ccadvisor, tmp_path, example)
    result = advise(load_example(example)[0])
    first = " ".join(pdftotext("-layout", "-f", 1, "-l", 1, pdf).split())
    label = load_options()[result.decision.option].label
    assert f"Recommendation: {label}" in first
    assert "Main reasons for" in first and "Main reasons against" in first
    # The page weighs the recommendation against the rival it names; its strongest reason is
    # the strongest that tells the two apart (what both share decides nothing between them).
    page = client_page(result)
    rival = next(o for o, option in load_options().items()
                 if option.label == page["certainty"]["rival"])
    assert page["certainty"]["rival"] in first
    strongest = max(compared(result.evidence, result.decision.option, rival).for_,
                    key=lambda e: e["weight"])
    assert rule_index()[strongest["rule"]].title in first
    assert not re.search(r"\b[a-z]+(_[a-z]+){2,}\b", first)  # no snake_case rule id on page 1
    assert "Appendix" not in first


@pytest.mark.parametrize("example", EXAMPLES)
def test_no_line_is_cut_at_a_page_edge(ccadvisor, tmp_path, example):
    pdf = print_pdf(ccadvisor, tmp_path, example)
    pages = words_with_boxes(pdf)
    assert len(pages) >= 2
    for number, (width, height, words) in enumerate(pages, 1):
        assert sorted((round(width), round(height))) == sorted(A4), f"page {number} is not A4"
        assert words, f"page {number} is blank"
        if width < height:
            # Chromium shrinks a page whose content is too wide to fit: 10 pt text whose boxes
            # come out smaller than 11 pt means something ran over the edge and was scaled down.
            size = statistics.median(y1 - y0 for _, _, y0, _, y1 in words)
            assert size >= 11, f"page {number} was shrunk to fit (text {size:.1f} pt high)"
        for word, x0, y0, x1, y1 in words:
            assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height, \
                f"page {number}: {word!r} runs over the edge ({x0:.0f}-{x1:.0f} of {width:.0f})"
    # No table row is split across pages: each cost row's label and its total share a line.
    text = pdftotext("-layout", pdf)
    for option in ("Own contact centre", "Outsourced contact centre"):
        assert re.search(rf"{option}( \(recommended\))?\s+[\d,]+\s+[\d,]+\s+[\d,]+", text), option


APPENDIX = {"en": "Appendix: how the advice was reached", "ru": "Приложение: как получена рекомендация"}


def page_lines(pdf) -> list[list[str]]:
    """Each page's text lines, top to bottom (pdftotext -bbox-layout)."""
    html = pdftotext("-bbox-layout", pdf)
    pages = []
    for page in re.findall(r"<page .*?</page>", html, re.S):
        lines = []
        for line in re.findall(r"<line (.*?)</line>", page, re.S):
            y0, x0 = (float(re.search(rf'{k}="([\d.]+)"', line).group(1)) for k in ("yMin", "xMin"))
            text = " ".join(unescape(w) for w in re.findall(r">([^<]*)</word>", line))
            lines.append((round(y0), x0, text))
        pages.append([text for _, _, text in sorted(lines)])
    return pages


def headings(html: str) -> set[str]:
    """The text of every heading and table caption of the HTML report (what must never be the
    last thing on a page), whitespace removed, as pdftotext's line breaks would not match."""
    body = re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)
    found = re.findall(r"<(h[1-6]|caption)\b[^>]*>(.*?)</\1>", body, re.S)
    return {re.sub(r"\s+", "", unescape(re.sub(r"<[^>]+>", " ", inner))) for _, inner in found} - {""}


def ends_with_heading(lines: list[str], heads: set[str]) -> str | None:
    """The heading that the page's last lines are (one that wraps takes up to three), if any."""
    for k in (1, 2, 3):
        tail = re.sub(r"\s+", "", "".join(lines[-k:]))
        if tail in heads:
            return " ".join(lines[-k:])
    return None


def test_the_heading_check_itself():
    heads = headings('<style>h2 { }</style><h2 id="x">Next <em>steps</em></h2><table><caption>'
                     'Cost over 24 months</caption></table><p>Next steps</p>')
    assert heads == {"Nextsteps", "Costover24months"}
    assert ends_with_heading(["a reason.", "Next steps"], heads) == "Next steps"
    assert ends_with_heading(["Cost over 24", "months"], heads) == "Cost over 24 months"
    assert ends_with_heading(["Next steps", "1. Choose the vendor."], heads) is None


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("example", example_names())
def test_the_client_part_fits_four_pages_and_no_page_ends_with_a_heading(ccadvisor, tmp_path,
                                                                          example, lang):
    """The client part (the first page model) prints on at most four A4 pages, the appendix
    starts a page of its own, and no page ends with a heading or a caption whose content went
    over to the next page (a table, a list, the steps)."""
    pdf = print_pdf(ccadvisor, tmp_path, example, "--lang", lang)
    pages = page_lines(pdf)
    starts = [n for n, lines in enumerate(pages, 1) if APPENDIX[lang] in lines]
    assert len(starts) == 1, starts
    appendix = starts[0]
    assert pages[appendix - 1][0] == APPENDIX[lang]  # the first line of a new page
    assert appendix - 1 <= 4, f"the client part takes {appendix - 1} pages"
    heads = headings((tmp_path / "report.html").read_text(encoding="utf-8"))
    orphans = [(n, heading) for n, lines in enumerate(pages[:-1], 1)
               if lines and (heading := ends_with_heading(lines, heads))]
    assert not orphans, orphans
