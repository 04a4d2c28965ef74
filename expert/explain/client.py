"""The client report: the report model with what its first page needs from above the report
layer, the sensitivity search (what would change the advice) and the cost over the horizon."""
from __future__ import annotations

from expert.explain.sensitivity import sensitivity
from expert.numbers.assumptions import EXAMPLE_SOURCE
from expert.reasoning.advisor import Result
from expert.report.cost import cost_report
from expert.report.model import build_html_report, build_report


def client_report(result: Result, fmt: str = "text", assumptions_source: str = "") -> dict:
    """The model ``advise`` and ``consult`` render: client page first, the appendix after it.

    The cost table and the sensitivity search rest on the rates the result's figures rest on
    (``result.assumptions``); ``assumptions_source`` names their file (--assumptions), else the
    bundled example rates."""
    costs = cost_report(result.answers, result.meta, result.assumptions, None,
                        assumptions_source or EXAMPLE_SOURCE)
    # Single changes only: the page must come quickly; explain --sensitivity also tries pairs.
    changes = sensitivity(result.answers, pairs=False, assumptions=result.assumptions)
    build = build_html_report if fmt == "html" else build_report  # HTML embeds the graph
    return build(result, changes, costs)
