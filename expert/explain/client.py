"""The client report: the report model with what its first page needs from above the report
layer, the sensitivity search (what would change the advice) and the cost over the horizon."""
from __future__ import annotations

from expert.explain.sensitivity import sensitivity
from expert.numbers.assumptions import EXAMPLE_SOURCE
from expert.reasoning.advisor import Result
from expert.report.cost import cost_report
from expert.report.model import build_html_report, build_report


def staged_plan_of(result: Result) -> tuple | None:
    """(now, later, months until later can take over) when the advice is a staged plan: the
    months are the own centre's launch gap the veto rested on (launch time minus go-live)."""
    decision = result.decision
    if not decision.later or decision.tie:
        return None
    gap = result.figures.get("own_centre_late_by_months")
    return (decision.option, decision.later, gap["value"] if gap else ready_in(result))


def ready_in(result: Result):
    """The own centre's launch time the figures rest on (the client's, else the assumption)."""
    from expert.numbers.assumptions import resolve
    return resolve(result.answers, result.assumptions)["own_centre_launch_months"].value


def client_report(result: Result, fmt: str = "text", assumptions_source: str = "") -> dict:
    """The model ``advise`` and ``consult`` render: client page first, the appendix after it.

    The cost table and the sensitivity search rest on the rates the result's figures rest on
    (``result.assumptions``); ``assumptions_source`` names their file (--assumptions), else the
    bundled example rates."""
    costs = cost_report(result.answers, result.meta, result.assumptions, None,
                        assumptions_source or EXAMPLE_SOURCE, staged_plan_of(result))
    # Single changes only: the page must come quickly; explain --sensitivity also tries pairs.
    changes = sensitivity(result.answers, pairs=False, assumptions=result.assumptions)
    build = build_html_report if fmt == "html" else build_report  # HTML embeds the graph
    return build(result, changes, costs)
