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
from expert.i18n import ngettext
from expert.inputs.answers import answer_count
from expert.inputs.catalog import load_catalog
from expert.inputs.yamlload import load_localized
from expert.numbers.assumptions import CLIENT, EXAMPLE_SOURCE, shipped_assumptions
from expert.reasoning.advisor import Result
from expert.reasoning.decision import SUBSTANTIAL, compared
from expert.reasoning.options import BUILDING, load_options, load_stages, strengths
from rules import rule_index

SEEDS_FILE = DATA_DIR / "seeds.yaml"
MAX_FOR, MAX_AGAINST, MAX_CHANGES, MAX_OPEN, MAX_STEPS = 5, 3, 5, 3, 7


def _substantial(reason: dict) -> bool:
    """More than a hint: a named strength of substantial weight, on the client's own answers."""
    strength = strengths().get(reason["strength"])
    return strength is not None and strength.weight >= SUBSTANTIAL


def seed_articles() -> dict:
    """seed file name -> {title, language}: the articles named in words, in the output's
    language."""
    return load_localized(SEEDS_FILE)


def article(seed: str) -> dict:
    entry = seed_articles().get(seed, {})
    return {"seed": seed, "title": entry.get("title", seed), "language": entry.get("language", "")}


def _reason(meta, weight: int, basis: str = "answers") -> dict:
    return {"rule": meta.id, "title": meta.title, "weight": weight, "article": article(meta.seed),
            "strength": "assumed" if basis == "assumed" else meta.strength}


def reasons(result: Result, option: str) -> tuple[list, list]:
    """(for, against) one option: its evidence, strongest first (firing order among equals)."""
    rules = rule_index()
    items = [(order, _reason(rules[item["rule"]], item["weight"], item.get("basis", "answers")))
             for order, item in enumerate(result.evidence) if item["option"] == option]
    return _strongest_first(items, 1), _strongest_first(items, -1)


def _strongest_first(items: list, sign: int) -> list:
    """The reasons of one sign, strongest first, firing order among equals, each rule once."""
    chosen = sorted(((o, i) for o, i in items if i["weight"] * sign > 0),
                    key=lambda oi: (-abs(oi[1]["weight"]), oi[0]))
    return list({i["rule"]: i for _, i in reversed(chosen)}.values())[::-1]


def standing(evidence: list, option: str) -> dict:
    """An option's score split into the evidence for and against it (the interview's ``status``
    and the client page use this one sum)."""
    weights = [e["weight"] for e in evidence if e["option"] == option]
    return {"for": sum(w for w in weights if w > 0), "against": sum(w for w in weights if w < 0)}


def _changes(sensitivity: dict | None) -> dict | None:
    """What would change the advice, worded with the questions and answer labels: the changes
    to what the client said (answers and numbers, the smallest move first: a number by the share
    of its value it moves, a changed answer as one whole move), then the questions still open
    whose answer could change it."""
    if sensitivity is None:
        return None
    catalog, options, shipped = load_catalog(), load_options(), shipped_assumptions()

    def label(qid, value):
        return _("unknown") if value is None else catalog.get(qid).label(value)
    answered, still_open = [], []
    for flip in sensitivity["flips"]:
        if any(c["value"] is None for c in flip["changes"]):
            continue   # an answer taken back is no change a client makes (explain lists it)
        row = {"option": flip["option"], "label": options[flip["option"]].label,
               "effort": float(len(flip["changes"])),
               "changes": [{"question": c["question"], "number": False,
                            "text": catalog.get(c["question"]).text,
                            "was": label(c["question"], c["was"]),
                            "now": label(c["question"], c["value"])} for c in flip["changes"]]}
        (still_open if all(c["was"] is None for c in flip["changes"]) else answered).append(row)
    numbers = [{"option": t["option"], "label": options[t["option"]].label, "effort": t["effort"],
                "changes": [{"question": t["key"], "number": True, "kind": t["kind"],
                             "text": catalog.get(t["key"]).text if t["kind"] == CLIENT
                             else shipped[t["key"]]["name"],
                             "unit": "" if t["kind"] == CLIENT else shipped[t["key"]]["unit"],
                             "at": t["at"], "up": t["direction"] == "up", "was": t["now"]}]}
               for t in sensitivity["tipping"]]
    changes = sorted(answered + numbers, key=lambda r: r["effort"])[:MAX_CHANGES]
    questions = list(dict.fromkeys(c["text"] for r in still_open for c in r["changes"]))[:MAX_OPEN]
    shown = len(changes) + sum(1 for r in still_open if r["changes"][0]["text"] in questions)
    return {"flips": changes, "open": questions,
            "found": sensitivity["found"] + len(numbers), "more": sensitivity["found"]
            + len(numbers) - shown, "size": sensitivity["size"],
            "pairs_tried": bool(sensitivity["tried_pairs"])}


def _costs(costs: dict | None, chosen: str, tie: tuple = ()) -> dict | None:
    """Total cost of each option over the horizon, cheapest first. The recommended option is
    marked; in a tie, each tied option is, as tied (none of them is the recommendation)."""
    if costs is None:
        return None
    options, marked = load_options(), set(tie) or {chosen}
    rows = sorted(({"option": o["option"], "label": options[o["option"]].label,
                    "total": o["total"], "monthly": o["monthly"], "one_off": o["one_off"],
                    "launch_months": o["launch_months"], "chosen": o["option"] in marked}
                   for o in costs["options"]), key=lambda r: r["total"])
    staged = costs.get("staged")
    if staged and not tie:
        # The recommendation is the plan: its row is the one marked, the option it starts with
        # is one row among the others.
        for row in rows:
            row["chosen"] = False
        months = ngettext("%(num)s month", "%(num)s months", staged["carry_months"]) % {
            "num": staged["carry_months"]}
        rows.append({"option": "staged", "total": staged["total"], "monthly": staged["monthly"],
                     "one_off": staged["one_off"], "launch_months": None, "chosen": True,
                     "label": _("Staged: %(now)s for %(months)s, then %(later)s") % {
                         "now": options[staged["now"]].label, "months": months,
                         "later": options[staged["later"]].label}})
        rows.sort(key=lambda r: r["total"])
    return {"months": costs["months"], "currency": costs["currency"], "options": rows,
            "mark": _("tied, undecided") if tie else _("recommended"),
            "assumptions_used": costs["assumptions_used"], "numbers": len(costs["numbers"]),
            "ask_first": costs.get("ask_first", []),
            "source": costs.get("assumptions_source", ""),
            # the report names the bundled rates in the output's language (report/cost.py)
            "example_rates": costs.get("assumptions_source", "") in (EXAMPLE_SOURCE, _(EXAMPLE_SOURCE))}


def _later(result: Result) -> dict | None:
    """A staged plan's later option, and when it can take over: the own centre's launch time
    the veto rested on (the client's own estimate; the figure says so)."""
    decision = result.decision
    if not decision.later:
        return None
    gap = result.figures.get("own_centre_late_by_months", {"inputs": []})
    launch = next((i for i in gap["inputs"] if i["key"] == "own_centre_launch_months"), None)
    return {"option": decision.later, "label": load_options()[decision.later].label,
            "ready_months": launch["value"] if launch else None,
            "assumed": bool(launch) and launch["source"] != CLIENT}


def _rival(result: Result) -> str | None:
    """The option the recommendation is compared with: at the stage that decided, the allowed
    rival it is least certain against (the certainty is the smallest of those comparisons),
    the one with substantial evidence on its side first, so that what the certainty sentence
    says is what the reasons below show. None when the vetoes left no rival."""
    decision, options = result.decision, load_options()
    stage = decision.stage(decision.decided_by)
    if stage is None or decision.tie:
        return None
    rivals = [s.option for s in stage.standings if s.option != decision.option and s.allowed
              and options[s.option].final]
    if not rivals:
        return None
    evidence = [e for e in result.evidence if e["option"] in options
                and options[e["option"]].stage == stage.stage]
    pairs = [compared(evidence, decision.option, r) for r in rivals]

    def substantial(pair):
        return any(e["weight"] >= SUBSTANTIAL for e in pair.against)
    return min(pairs, key=lambda p: (not substantial(p), p.cf, rivals.index(p.rival))).rival


def _comparison(result: Result, chosen: str, rival: str | None) -> tuple[list, list]:
    """(for, against) the recommendation compared with ``rival`` at the stage that decided (what
    the two share tells them not apart), then, on the earlier stages, the reasons for the way
    taken and against it (a small customer base was a reason for no centre at all). Each rule
    once, on the side it speaks for."""
    decision, options, rules = result.decision, load_options(), rule_index()
    order = {}
    for n, e in enumerate(result.evidence):
        order.setdefault((e["rule"], e["option"], e["weight"] > 0), n)

    def as_reasons(items, sign):
        out = [(order.get((e["rule"], e["option"], e["weight"] * sign > 0), 0),
                _reason(rules[e["rule"]], e["weight"], e.get("basis", "answers"))) for e in items]
        return _strongest_first(out, sign)
    if rival:
        pair = compared(result.evidence, chosen, rival)
        pros, cons = as_reasons(pair.for_, 1), as_reasons([{**e, "weight": -e["weight"]}
                                                            for e in pair.against], -1)
    else:
        pros, cons = reasons(result, chosen)
    for stage in decision.stages:
        if stage.stage == options[chosen].stage or not stage.outcome:
            break
        taken = stage.outcome
        pros += reasons(result, taken)[0]
        cons += [{**r, "weight": -r["weight"]} for s in stage.standings
                 if s.option != taken and not s.excluded for r in reasons(result, s.option)[0]]
        cons += reasons(result, taken)[1]
    seen = set()

    def once(items):
        kept = []
        for r in items:
            if r["rule"] not in seen:
                seen.add(r["rule"])
                kept.append(r)
        return kept
    pros, cons = once(pros), once(cons)
    return (sorted(pros, key=lambda r: -r["weight"]),  # strongest first, stable among equals
            sorted(cons, key=lambda r: r["weight"]))


def _forbids(meta, option: str) -> str:
    """What the veto that rules ``option`` out forbids: "building" an own centre (which the
    option would need), or the option itself."""
    return BUILDING if any(target == BUILDING for target, _span in meta.excludes) else option


def _held_back(decision, stages) -> list[dict]:
    """The earlier stages whose contested outcome caps the certainty below what the deciding
    stage found, so that the page says why a clear lead is still called low or medium."""
    deciding = decision.stage(decision.decided_by)
    order = [s.stage for s in decision.stages]
    return [{"stage": stages[s.stage].label.lower(), "question": stages[s.stage].question,
             "certainty": 1.0 - s.doubt}
            for s in decision.stages
            if order.index(s.stage) < order.index(deciding.stage) and s.assessed
            and s.doubt > 0 and 1.0 - s.doubt < deciding.certainty]


def _steps(advice: list, decision) -> dict:
    """The next steps: the actions for the recommendation (its staged plan's later option
    included, and actions that follow from no option), in the order they would be done (what
    starts now before what comes later, then each item's declared order), at most MAX_STEPS;
    then, apart and each under its option, the actions for a rival the decision left near (a
    close call, a tie), so that the page never lists another option's steps as the
    recommendation's own. Advice that is not an action goes to the appendix, by topic."""
    options = load_options()
    ours = {decision.option, decision.later} - {None} if not decision.tie else set()
    merged: dict[str, dict] = {}
    for a in advice:   # an item advised for several options (a rival too) is one step
        if a.get("order") is not None:
            seen = merged.setdefault(a["item"], {**a, "for": []})
            seen["for"] = list(dict.fromkeys([*seen["for"], *a["for"]]))
    actions = list(merged.values())

    def step(a):
        return {"title": a["action"], "article": article(a["seed"]), "for": a["for"]}

    def later_only(a):
        return bool(decision.later) and decision.option not in a["for"] and bool(a["for"])
    main = sorted((a for a in actions if not a["for"] or ours & set(a["for"])),
                  key=lambda a: (later_only(a), a["order"]))
    others: dict[str, list] = {}
    for a in sorted(actions, key=lambda a: a["order"]):
        if a not in main:
            others.setdefault(next(o for o in a["for"] if o not in ours), []).append(step(a))
    listed = {a["item"] for a in main[:MAX_STEPS]} | {
        a["item"] for a in actions if a not in main and any(o in others for o in a["for"])}
    return {"next_steps": [step(a) for a in main[:MAX_STEPS]],
            "more_advice": len({a["item"] for a in advice} - listed),
            "more_steps": max(len(main) - MAX_STEPS, 0),
            "steps_for_others": [{"option": o, "label": options[o].label,
                                  "steps": others[o][:MAX_STEPS]}
                                 for o in options if o in others],
            "steps_tied": bool(decision.tie)}


def client_page(result: Result, sensitivity: dict | None = None, costs: dict | None = None,
                advice: list | None = None) -> dict:
    """The first page's model.

    ``sensitivity``: expert.explain.sensitivity.sensitivity() on the same answers (None: the page
    says it was not computed); ``costs``: expert.report.cost.cost_report() (None: no cost
    section); ``advice``: the report's advice rows (model.advice_rows), the next steps.
    """
    decision, options, stages = result.decision, load_options(), load_stages()
    chosen = decision.option
    second = _rival(result)
    pros, cons = _comparison(result, chosen, second)
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
            "rival": options[second].label if second else "",
            "substantial_against": any(map(_substantial, cons)),
            "held_back": _held_back(decision, stages),
        },
        "runner_up": None if second is None else {
            "option": second, "label": options[second].label,
            "score": decision.scores.get(second, 0), "declared": decision.runner_up == second},
        "excluded": [{"option": option, "label": options[option].label, "scope": scope,
                      "forbids": _forbids(rules[rule], option),
                      "title": rules[rule].title, "article": article(rules[rule].seed)}
                     for option, vetoes in decision.excluded.items() if options[option].final
                     and option not in decision.unmet  # out of reach whatever is vetoed
                     for rule, scope in vetoes],
        "out_of_reach": [{"option": option, "label": options[option].label, "missing": list(missing)}
                         for option, missing in decision.unmet.items() if options[option].final],
        "later": _later(result),
        "score": decision.scores.get(chosen, 0),
        "standing": standing(result.evidence, chosen),
        "reasons_for": pros[:MAX_FOR],
        "more_for": max(len(pros) - MAX_FOR, 0),
        "reasons_against": cons[:MAX_AGAINST],
        "more_against": max(len(cons) - MAX_AGAINST, 0),
        "what_would_change": _changes(sensitivity),
        "costs": _costs(costs, chosen, decision.tie),
        **_steps(advice or [], decision),
        "answered": answer_count(result.answers)[0],
        "unknown": answer_count(result.answers)[1],
        "questions_total": len(load_catalog()),
    }
