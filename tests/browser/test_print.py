"""The HTML report printed to PDF by headless Chromium, read back with pdftotext (poppler-utils):
A4, the client page first, nothing cut at a page edge."""
import re
import shutil
import statistics
import subprocess

import pytest

from expert.reasoning.advisor import advise
from expert.inputs.examples import load_example
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


def print_pdf(ccadvisor, tmp_path, example):
    html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    run = ccadvisor("advise", "--example", example, "--format", "html", "-o", str(html))
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
