"""The report model: a Result turned into plain dicts and lists, ready for any template or JSON.

Everything a report says comes from here, and everything here comes from the engine's record
(firings, evidence, advice) or the catalog and rule metadata it points to.
"""
from __future__ import annotations

from expert import DATA_DIR
from functools import lru_cache


from expert.reasoning.advisor import Result
from expert.inputs.catalog import load_catalog
from expert.numbers.figures import figure_details
from expert.reasoning.options import load_options
from expert.inputs.yamlload import load_yaml
from rules import rule_index

ADVICE_FILE = DATA_DIR / "advice.yaml"


@lru_cache(maxsize=1)
def advice_catalog() -> dict:
    return load_yaml(ADVICE_FILE)


def answer_row(qid: str, value) -> dict:
    question = load_catalog().get(qid)
    return {"question": qid, "text": question.text, "value": value, "label": question.label(value)}


def matched_row(fact: dict, figures: dict | None = None) -> dict:
    """One matched fact, worded for people; a Figure carries its arithmetic and inputs' sources."""
    kind = fact["fact"]
    if kind == "Answer":
        return {"kind": kind, **answer_row(fact["question"], fact["value"])}
    if kind == "Figure":
        detail = (figures or {}).get(fact["name"], {})
        return {"kind": kind, "name": fact["name"], "value": fact["value"],
                "method": detail.get("method", ""), "inputs": detail.get("inputs", [])}
    if kind == "Finding":
        return {"kind": kind, "name": fact["name"]}
    return {"kind": kind, "option": fact.get("option"), "rank": fact.get("rank")}


def firing_row(firing, figures: dict | None = None) -> dict:
    meta = rule_index()[firing.rule]
    answers = [f for f in firing.matched if f["fact"] == "Answer"]
    return {
        "step": firing.step,
        "id": meta.id,
        "title": meta.title,
        "reason": meta.reason,
        "source": meta.seed,
        "quote": meta.quote,
        "gloss": meta.gloss,
        "because": {f["question"]: f["value"] for f in answers},
        "matched": [matched_row(f, figures) for f in firing.matched],
        "evidence": [{"option": f["option"], "weight": f["weight"]}
                     for f in firing.added if f["fact"] == "Evidence"],
        "advice": [f["item"] for f in firing.added if f["fact"] == "Advice"],
        "findings": [f["name"] for f in firing.added if f["fact"] == "Finding"],
    }


def option_rows(result: Result) -> list[dict]:
    """Every option with its score and the evidence for and against it, best first."""
    options, decision, rules = load_options(), result.decision, rule_index()
    top = decision.scores[decision.option]
    rows = []
    for rank, option in enumerate(decision.ranking, 1):
        items = [{"rule": e["rule"], "title": rules[e["rule"]].title, "weight": e["weight"]}
                 for e in result.evidence if e["option"] == option]
        rows.append({
            "rank": rank, "option": option, "label": options[option].label,
            "score": decision.scores[option], "behind": top - decision.scores[option],
            "for": [i for i in items if i["weight"] > 0],
            "against": [i for i in items if i["weight"] < 0],
        })
    return rows


def advice_rows(result: Result) -> list[dict]:
    """Advice items in firing order, each with the option(s) whose recommendation brought it."""
    catalog, firings = advice_catalog(), {f.rule: f for f in result.firings}
    rows = []
    for item in result.advice:
        firing = firings[item["rule"]]
        for_options = [f["option"] for f in firing.matched if f["fact"] == "Recommended"]
        rows.append({"item": item["item"], "rule": item["rule"], "for": for_options,
                     **catalog[item["item"]]})
    return rows


def build_report(result: Result, sensitivity: dict | None = None,
                 costs: dict | None = None) -> dict:
    """The whole report: the client page (``page``, see brief.py) and the appendix behind it.

    ``sensitivity`` and ``costs`` feed the client page; the caller computes them (see
    expert/explain/client.py)."""
    from expert.report.brief import client_page
    decision, options = result.decision, load_options()
    figures = figure_details(result.answers)  # the arithmetic behind each Figure fact
    advice = advice_rows(result)
    return {
        "page": client_page(result, sensitivity, costs, advice),
        "client": result.meta.get("client", ""),
        "description": result.meta.get("description", ""),
        "recommendation": {
            "option": decision.option,
            "label": options[decision.option].label,
            "confidence": decision.confidence,
            "level": decision.level,
            "margin": decision.margin,
            "close_call": decision.close_call,
            "runner_up": decision.runner_up,
            "runner_up_label": options[decision.runner_up].label if decision.runner_up else "",
            "tie": list(decision.tie),
            "no_evidence": decision.no_evidence,
        },
        "scores": dict(decision.scores),
        "options": option_rows(result),
        "fired_rules": [firing_row(f, figures) for f in result.firings],
        "advice": advice,
        "answers": dict(result.answers),
        "answer_rows": [answer_row(q, v) for q, v in result.answers.items()],
        "notes": dict(result.meta.get("notes", {})),
        "questions_total": len(load_catalog()),
    }


def build_html_report(result: Result, sensitivity: dict | None = None,
                      costs: dict | None = None) -> dict:
    """The report model plus the reasoning graph as inline SVG ("" when Graphviz is absent).

    Only the HTML report gets it: the SVG depends on the installed Graphviz, and the JSON model
    must not.
    """
    from expert.report.graph import graph_svg
    return {**build_report(result, sensitivity, costs), "graph_svg": graph_svg(result) or ""}
