"""The report model: a Result turned into plain dicts and lists, ready for any template or JSON.

Everything a report says comes from here, and everything here comes from the engine's record
(firings, evidence, advice) or the catalog and rule metadata it points to.
"""
from __future__ import annotations

from expert import DATA_DIR
from expert.i18n import N_, gettext
from expert.inputs.catalog import load_catalog
from expert.inputs.yamlload import load_localized
from expert.numbers.figures import figure_details
from expert.reasoning.advisor import Result
from expert.reasoning.options import certainty_factors, load_options, load_stages
from rules import rule_index

ADVICE_FILE = DATA_DIR / "advice.yaml"


def advice_catalog() -> dict:
    """Advice item id -> {title, seed, points}, worded in the output's language."""
    return load_localized(ADVICE_FILE)


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
    if kind in ("Finding", "Stage"):
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
        "evidence": [{"option": f["option"], "weight": f["weight"],
                      "basis": f.get("basis", "answers")}
                     for f in firing.added if f["fact"] == "Evidence"],
        "excludes": [{"option": f["option"], "scope": f["scope"]}
                     for f in firing.added if f["fact"] == "Exclusion"],
        "advice": [f["item"] for f in firing.added if f["fact"] == "Advice"],
        "findings": [f["name"] for f in firing.added if f["fact"] == "Finding"],
    }


def _evidence_row(item: dict) -> dict:
    meta = rule_index()[item["rule"]]
    return {"rule": item["rule"], "title": meta.title, "weight": item["weight"],
            "seed": meta.seed, "basis": item.get("basis", "answers")}


def _exclusion_rows(standing) -> list[dict]:
    return [{"rule": rule, "title": rule_index()[rule].title, "scope": scope,
             "seed": rule_index()[rule].seed} for rule, scope in standing.excluded]


def option_rows(result: Result) -> list[dict]:
    """Every final option with its stage, net score, and the evidence for and against it, the
    recommendation first (the order of ``decision.ranking``)."""
    options, decision = load_options(), result.decision
    top = decision.scores.get(decision.option, 0)
    standings = {s.option: s for st in decision.stages for s in st.standings}
    rows = []
    for rank, option in enumerate(decision.ranking, 1):
        items = [_evidence_row(e) for e in result.evidence if e["option"] == option]
        standing = standings.get(option)
        score = decision.scores.get(option, 0)
        rows.append({
            "rank": rank, "option": option, "label": options[option].label,
            "stage": options[option].stage, "reached": standing is not None,
            "score": score, "behind": top - score,
            "for": [i for i in items if i["weight"] > 0],
            "against": [i for i in items if i["weight"] < 0],
            "excluded": _exclusion_rows(standing) if standing else [],
        })
    return rows


def stage_rows(result: Result) -> list[dict]:
    """Each stage reached: its question, its outcome, and every option's standing - for and
    against kept apart, the certainty factors, and the vetoes - best first."""
    options, decision, stages = load_options(), result.decision, load_stages()
    rows = []
    for number, st in enumerate(decision.stages, 1):
        stage = stages[st.stage]
        rows.append({
            "number": number, "id": st.stage, "label": stage.label, "question": stage.question,
            "winner": st.winner, "winner_label": options[st.winner].label if st.winner else "",
            "outcome": st.outcome, "tie": list(st.tie), "assessed": st.assessed,
            "by_elimination": st.by_elimination, "certainty": st.certainty,
            "tension": st.tension, "decided": st.stage == decision.decided_by,
            "options": [{
                "option": s.option, "label": options[s.option].label, "net": s.net,
                "for_sum": s.for_, "against_sum": s.against, "cf_for": s.cf_for,
                "cf_against": s.cf_against, "cf": s.cf,
                "for": [_evidence_row(e) for e in result.evidence
                        if e["option"] == s.option and e["weight"] > 0],
                "against": [_evidence_row(e) for e in result.evidence
                            if e["option"] == s.option and e["weight"] < 0],
                "excluded": _exclusion_rows(s),
            } for s in st.standings],
        })
    return rows


def certainty_model(decision) -> dict:
    """The certainty's arithmetic, for the report to show: the factor of each wording, and for
    the deciding stage the winner's CF against the best allowed rival's."""
    deciding = decision.stage(decision.decided_by)
    won = next((s for s in deciding.standings if s.option == decision.option), None)
    rivals = [s for s in deciding.standings if s.option != decision.option and not s.excluded]
    rival = max(rivals, key=lambda s: s.cf, default=None)
    return {
        "factors": {str(w): cf for w, cf in sorted(certainty_factors().items(), reverse=True)},
        "winner": won.option if won else decision.option,
        "cf_for": won.cf_for if won else 0.0, "cf_against": won.cf_against if won else 0.0,
        "cf": won.cf if won else 0.0,
        "rival": rival.option if rival and rival.cf > 0 else None,
        "rival_cf": rival.cf if rival and rival.cf > 0 else 0.0,
        "earlier": [{"stage": s.stage, "certainty": s.certainty, "opposed": s.opposed}
                    for s in decision.stages if s.stage != decision.decided_by and s.assessed],
    }


def advice_rows(result: Result) -> list[dict]:
    """Advice items in firing order, each with the option(s) whose recommendation brought it."""
    catalog, firings = advice_catalog(), {}
    for f in result.firings:   # a rule fires once per recommendation it matched (a rival too)
        firings.setdefault(f.rule, []).append(f)
    rows = []
    for item in result.advice:
        for_options = list(dict.fromkeys(m["option"] for firing in firings[item["rule"]]
                                         for m in firing.matched if m["fact"] == "Recommended"))
        rows.append({"item": item["item"], "rule": item["rule"], "for": for_options,
                     **catalog[item["item"]]})
    return rows


# The appendix's advice, by topic, in this order (advice.yaml gives each item its topic).
TOPICS = (("plan", N_("The plan")), ("vendor", N_("Choosing and governing the vendor")),
          ("hybrid", N_("Running a hybrid")), ("hybrid_split", N_("The hybrid's split of work")),
          ("own_centre", N_("An own centre")), ("home_team", N_("A home-based team")),
          ("running", N_("Running and measuring a centre")), ("no_centre", N_("Without a centre")))


def advice_by_topic(advice: list) -> list[dict]:
    """The advice rows grouped by topic, in TOPICS order, firing order within a topic."""
    groups = [{"topic": t, "label": gettext(label), "entries": [a for a in advice if a["topic"] == t]}
              for t, label in TOPICS]
    return [g for g in groups if g["entries"]]


def build_report(result: Result, sensitivity: dict | None = None,
                 costs: dict | None = None) -> dict:
    """The whole report: the client page (``page``, see brief.py) and the appendix behind it.

    ``sensitivity`` and ``costs`` feed the client page; the caller computes them (see
    expert/explain/client.py)."""
    from expert.report.brief import client_page
    decision, options = result.decision, load_options()
    figures = result.figures  # the arithmetic behind each Figure fact
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
            "tie_labels": [options[o].label for o in decision.tie],
            "no_evidence": decision.no_evidence,
            "decided_by": decision.decided_by,
            "decided_by_label": load_stages()[decision.decided_by].label,
            "tension": decision.tension,
            "later": decision.later,
            "later_label": options[decision.later].label if decision.later else "",
            "presumed": [{"stage": load_stages()[s.stage].label, "outcome": s.outcome,
                          "outcome_label": options[s.outcome].label}
                         for s in decision.stages if not s.assessed and s.outcome],
        },
        "certainty": certainty_model(decision),
        "scores": dict(decision.scores),
        "options": option_rows(result),
        "stages": stage_rows(result),
        "fired_rules": [firing_row(f, figures) for f in result.firings],
        "advice": advice,
        "advice_topics": advice_by_topic(advice),
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
