"""The client page: the first page of the report, for the client rather than the developer.

``client_page`` is the one place that turns a Result into it: the recommendation in plain words,
how certain it is, the main reasons for and against (rule titles and the article each comes
from, named in words), what would change the advice (a sensitivity search, computed by the
caller: report sits below explain), the cost over the horizon in a currency, and the next steps
(the advice). Rule ids and quotes stay in the appendix (the full report).
"""
from __future__ import annotations

from expert import DATA_DIR
from expert.i18n import gettext as _
from expert.inputs.answers import answer_count
from expert.inputs.catalog import load_catalog
from expert.inputs.yamlload import load_localized
from expert.numbers.assumptions import EXAMPLE_SOURCE
from expert.reasoning.advisor import Result
from expert.reasoning.options import load_options, load_stages
from rules import rule_index

SEEDS_FILE = DATA_DIR / "seeds.yaml"
MAX_FOR, MAX_AGAINST, MAX_CHANGES = 5, 3, 3


def seed_articles() -> dict:
    """seed file name -> {title, language}: the articles named in words, in the output's
    language."""
    return load_localized(SEEDS_FILE)


def article(seed: str) -> dict:
    entry = seed_articles().get(seed, {})
    return {"seed": seed, "title": entry.get("title", seed), "language": entry.get("language", "")}


def reasons(result: Result, option: str) -> tuple[list, list]:
    """(for, against) one option: its evidence, strongest first (firing order among equals)."""
    rules = rule_index()
    items = []
    for order, item in enumerate(result.evidence):
        if item["option"] != option:
            continue
        meta = rules[item["rule"]]
        items.append((order, {"rule": meta.id, "title": meta.title, "weight": item["weight"],
                              "article": article(meta.seed)}))
    pros = [i for _, i in sorted(((o, i) for o, i in items if i["weight"] > 0),
                                 key=lambda oi: (-oi[1]["weight"], oi[0]))]
    cons = [i for _, i in sorted(((o, i) for o, i in items if i["weight"] < 0),
                                 key=lambda oi: (oi[1]["weight"], oi[0]))]
    return pros, cons


def standing(evidence: list, option: str) -> dict:
    """An option's score split into the evidence for and against it (the interview's ``status``
    and the client page use this one sum)."""
    weights = [e["weight"] for e in evidence if e["option"] == option]
    return {"for": sum(w for w in weights if w > 0), "against": sum(w for w in weights if w < 0)}


def _changes(sensitivity: dict | None) -> dict | None:
    """What would change the advice, worded with the questions and answer labels."""
    if sensitivity is None:
        return None
    catalog, options = load_catalog(), load_options()

    def label(qid, value):
        return _("unknown") if value is None else catalog.get(qid).label(value)
    flips = []
    for flip in sensitivity["flips"][:MAX_CHANGES]:
        flips.append({
            "option": flip["option"], "label": options[flip["option"]].label,
            "changes": [{"question": c["question"], "text": catalog.get(c["question"]).text,
                         "was": label(c["question"], c["was"]), "now": label(c["question"], c["value"])}
                        for c in flip["changes"]],
        })
    return {"flips": flips, "found": sensitivity["found"], "size": sensitivity["size"],
            "pairs_tried": bool(sensitivity["tried_pairs"])}


def _costs(costs: dict | None, chosen: str) -> dict | None:
    """Total cost of each option over the horizon, cheapest first."""
    if costs is None:
        return None
    options = load_options()
    rows = sorted(({"option": o["option"], "label": options[o["option"]].label,
                    "total": o["total"], "monthly": o["monthly"], "one_off": o["one_off"],
                    "launch_months": o["launch_months"], "chosen": o["option"] == chosen}
                   for o in costs["options"]), key=lambda r: r["total"])
    return {"months": costs["months"], "currency": costs["currency"], "options": rows,
            "assumptions_used": costs["assumptions_used"], "numbers": len(costs["numbers"]),
            "source": costs.get("assumptions_source", ""),
            # the report names the bundled rates in the output's language (report/cost.py)
            "example_rates": costs.get("assumptions_source", "") in (EXAMPLE_SOURCE, _(EXAMPLE_SOURCE))}


def _against(result: Result, chosen: str) -> list:
    """What speaks against the recommendation: the evidence against it; in a stage of two
    options, the evidence for the other; and on the earlier stages that led to it, what spoke
    for the way not taken (a small customer base was a reason for no centre at all)."""
    decision, options = result.decision, load_options()
    cons = list(reasons(result, chosen)[1])

    def for_the_other(stage, taken):
        return [{**r, "weight": -r["weight"]} for s in stage.standings
                if s.option != taken and not s.excluded for r in reasons(result, s.option)[0]]
    for stage in decision.stages:
        if stage.stage == options[chosen].stage:
            if len(stage.standings) == 2:
                cons += for_the_other(stage, chosen)
            break
        cons += for_the_other(stage, stage.outcome)
    return sorted(cons, key=lambda r: r["weight"])


def _for(result: Result, chosen: str) -> list:
    """What speaks for the recommendation: its own evidence first, then the reasons the earlier
    stages gave for the way that led to it (a centre is needed; a centre, not a home team)."""
    decision, options, rules = result.decision, load_options(), rule_index()
    pros = list(reasons(result, chosen)[0])

    def also_for_a_rival(reason) -> bool:
        """A questionnaire row in the own-centre column is a reason for a centre, and also for
        an own one: not a reason to give for an outsourced centre."""
        return any(w > 0 and o != chosen and options[o].stage == options[chosen].stage
                   for o, w in rules[reason["rule"]].evidence)
    for stage in decision.stages:
        if stage.stage == options[chosen].stage:
            break
        if stage.outcome:
            pros += [r for r in reasons(result, stage.outcome)[0] if not also_for_a_rival(r)]
    return pros


def _runner_up(decision) -> str | None:
    """The runner-up named by the decision, else the best allowed rival with support at the
    stage that decided."""
    if decision.runner_up:
        return decision.runner_up
    stage = decision.stage(decision.decided_by)
    rivals = [s for s in stage.standings if s.option != decision.option and not s.excluded
              and s.for_ > 0 and load_options()[s.option].final]
    return rivals[0].option if rivals else None


def client_page(result: Result, sensitivity: dict | None = None, costs: dict | None = None,
                advice: list | None = None) -> dict:
    """The first page's model.

    ``sensitivity``: expert.explain.sensitivity.sensitivity() on the same answers (None: the page
    says it was not computed); ``costs``: expert.report.cost.cost_report() (None: no cost
    section); ``advice``: the report's advice rows (model.advice_rows), the next steps.
    """
    decision, options, stages = result.decision, load_options(), load_stages()
    chosen = decision.option
    second = _runner_up(decision)
    pros, cons = _for(result, chosen), _against(result, chosen)
    rules = rule_index()
    return {
        "option": chosen,
        "label": options[chosen].label,
        "summary": options[chosen].summary,
        "certainty": {
            "confidence": decision.confidence, "level": decision.level,
            "margin": decision.margin, "tie": list(decision.tie),
            "tie_labels": [options[o].label for o in decision.tie],
            "close_call": decision.close_call, "no_evidence": decision.no_evidence,
            "tension": decision.tension, "stage": stages[decision.decided_by].label.lower(),
        },
        "runner_up": None if second is None else {
            "option": second, "label": options[second].label,
            "score": decision.scores.get(second, 0), "declared": decision.runner_up == second,
            "for": reasons(result, second)[0][:MAX_AGAINST]},
        "excluded": [{"option": option, "label": options[option].label, "scope": scope,
                      "title": rules[rule].title, "article": article(rules[rule].seed)}
                     for option, vetoes in decision.excluded.items() if options[option].final
                     for rule, scope in vetoes],
        "later": {"option": decision.later, "label": options[decision.later].label}
                 if decision.later else None,
        "score": decision.scores.get(chosen, 0),
        "standing": standing(result.evidence, chosen),
        "reasons_for": pros[:MAX_FOR],
        "more_for": max(len(pros) - MAX_FOR, 0),
        "reasons_against": cons[:MAX_AGAINST],
        "more_against": max(len(cons) - MAX_AGAINST, 0),
        "what_would_change": _changes(sensitivity),
        "costs": _costs(costs, chosen),
        "next_steps": [{"title": a["title"], "first": a["points"][0] if a.get("points") else "",
                        "for": a["for"]} for a in (advice or [])],
        "answered": answer_count(result.answers)[0],
        "unknown": answer_count(result.answers)[1],
        "questions_total": len(load_catalog()),
    }
