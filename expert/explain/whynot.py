"""Counterfactual explanations: why not OPTION, and what if an answer changed.

Everything here is UI-free and returns plain-dict models for the ``explain*.j2`` templates (and
JSON). Nothing is stated that the engine did not derive: why-not reads each rule's conditions
through expert.reasoning.conditions and checks them against the facts of the actual run; what-if
reruns the real pipeline (``expert.reasoning.advisor.advise``) on changed answers. What would flip
the result is expert/explain/sensitivity.py.
"""
from __future__ import annotations

from expert.errors import InputError
from expert.i18n import N_
from expert.i18n import gettext as _
from expert.inputs.catalog import load_catalog
from expert.reasoning.advisor import (
    Result,
    advise,
    answer_facts,
    figure_dicts,
    recommendation_facts,
)
from expert.reasoning.conditions import conditions_of
from expert.inputs.values import Several
from expert.reasoning.options import load_options, load_stages, option_ids
from rules import all_rules, rule_index

UNANSWERED = N_("unanswered")
# A test's words as heuristic.py and conditions.py write them in English; a text of any other
# shape (a custom Test) is shown as written.
_TEST_WORDS = {">=": N_("at least {bound}"), ">": N_("above {bound}"), "<": N_("below {bound}")}
_ONE_OF = N_("one of {values}")
# The fields of a Recommended condition, and the ranks the decision step declares (the msgids of
# the templates' rank_name, whose "rank|" context English drops).
_FIELDS = {"option": N_("option"), "rank": N_("rank")}
RANKS = {"chosen": N_("rank|chosen"), "runner_up": N_("rank|runner_up"), "tied": N_("rank|tied"),
         "later": N_("rank|later")}


# ---------------------------------------------------------------- helpers shared by the models

def check_option(option: str) -> str:
    if option not in option_ids():
        raise InputError(_("unknown option '{option}': expected one of {options}")
                         .format(option=option, options=", ".join(option_ids())))
    return option


def value_label(qid: str, value) -> str:
    """An answer value as people read it; None is "unanswered"."""
    if value is None:
        return _(UNANSWERED)
    question = load_catalog().get(qid)
    label = question.label(value)
    return str(value) if label == str(value) else f"{value} ({label})"


def test_words(test) -> str:
    """What a field test needs, in the current language ("at least 1000")."""
    if test.op in _TEST_WORDS and test.text == _TEST_WORDS[test.op].format(bound=test.expected):
        return _(_TEST_WORDS[test.op]).format(bound=test.expected)
    values = ", ".join(map(str, test.expected)) if test.op == "in" else None
    if values is not None and test.text == _ONE_OF.format(values=values):
        return _(_ONE_OF).format(values=values)
    return test.text


def rank_words(rank: str) -> str:
    return _(RANKS[rank]).rpartition("|")[2] if rank in RANKS else rank


def result_facts(result: Result) -> list[dict]:
    """Every fact the run ended with, as plain dicts: answers, figures, derived, recommended."""
    facts = [{"fact": "Answer", "question": f["question"], "value": f["value"]}
             for f in answer_facts(result.answers)]
    facts += [{"fact": "Figure", "name": name, **figure}
              for name, figure in figure_dicts(result.answers, details=result.figures).items()]
    for firing in result.firings:
        facts += firing.added
    decision = result.decision
    facts += [{"fact": "Stage", "name": s.stage} for s in decision.stages if s.stage != "need"]
    facts += [{"fact": "Recommended", **fact} for fact in recommendation_facts(decision)]
    return facts


_SUBJECT = {"Answer": "question", "Figure": "name", "Finding": "name", "Stage": "name"}


def _about(condition, facts: list[dict]) -> list[dict]:
    """The facts a condition looks at: same kind, same subject."""
    key = _SUBJECT.get(condition.fact)
    return [f for f in facts if f["fact"] == condition.fact
            and (key is None or f.get(key) == condition.subject)]


def _finders(finding: str) -> list[str]:
    return [m.id for m in all_rules() if finding in m.finds]


def condition_row(condition, facts: list[dict]) -> dict:
    """One condition of a rule, checked against the run's facts, with what it saw and needed."""
    about = _about(condition, facts)
    holds = any(condition.holds(f) for f in about)
    test = condition.value_test
    row = {"fact": condition.fact, "subject": condition.subject, "holds": holds,
           "needed": test_words(test) if test else "", "seen": "", "found_by": []}
    if condition.fact == "Answer":
        # several choices of one answer are several Answer facts: seen, they are one answer
        values = tuple(f["value"] for f in about)
        row["seen"] = (value_label(condition.subject, values[0] if len(values) == 1
                                   else Several(values)) if about else _(UNANSWERED))
    elif condition.fact == "Figure":
        row["seen"] = str(about[0]["value"]) if about else _("not computed")
    elif condition.fact == "Finding":
        row["needed"], row["seen"] = _("found"), _("found") if about else _("not found")
        row["found_by"] = _finders(condition.subject)
    elif condition.fact == "Stage":
        row["needed"], row["seen"] = _("open"), _("open") if about else _("not opened")
    else:  # Recommended
        row["needed"] = _(" and ").join(f"{_(_FIELDS.get(field, field))} {test_words(t)}"
                                        for field, t in condition.tests)
        row["seen"] = ", ".join(f"{f['option']} ({rank_words(f['rank'])})" for f in about)
    return row


def _rule_ref(rule_id: str) -> dict:
    meta = rule_index()[rule_id]
    return {"rule": meta.id, "title": meta.title, "source": meta.seed}


def _scores_ranked(result: Result) -> list[dict]:
    options, decision = load_options(), result.decision
    return [{"option": o, "label": options[o].label, "score": decision.scores.get(o, 0),
             "stage": options[o].stage} for o in decision.ranking]


# ---------------------------------------------------------------------------------- why not

def _stage_path(result: Result, option: str) -> dict:
    """Whether the option's stage was reached, and if not, which earlier stage went elsewhere."""
    options, stages = load_options(), load_stages()
    stage = options[option].stage
    reached = [s.stage for s in result.decision.stages]
    blocked = None
    if stage not in reached:
        last = result.decision.stages[-1]
        blocked = {"stage": last.stage, "label": stages[last.stage].label,
                   "outcome": last.outcome or "", "tie": list(last.tie),
                   "outcome_label": options[last.outcome].label if last.outcome else ""}
    return {"stage": stage, "stage_label": stages[stage].label, "stage_reached": stage in reached,
            "blocked_by": blocked}


def why_not(result: Result, option: str) -> dict:
    """Why ``option`` was not recommended: its stage, its vetoes, its unfired support, the
    evidence against, the gap."""
    check_option(option)
    decision, fired = result.decision, {f.rule for f in result.firings}
    facts = result_facts(result)
    missed = []
    # The winner lost nothing: listing the rules that did not fire for it would only mislead.
    for meta in all_rules() if option != decision.option else ():
        weight = dict(meta.evidence).get(option, 0)
        if weight <= 0 or meta.id in fired:
            continue
        conditions = [condition_row(c, facts) for c in conditions_of(meta)]
        missed.append({**_rule_ref(meta.id), "weight": weight,
                       "failed": [c for c in conditions if not c["holds"]],
                       "held": [c for c in conditions if c["holds"]]})
    items = [e for e in result.evidence if e["option"] == option and option != decision.option]
    return {
        "option": option,
        "label": load_options()[option].label,
        "recommended": option == decision.option,
        "winner": decision.option,
        "winner_label": load_options()[decision.option].label,
        "score": decision.scores.get(option, 0),
        "winner_score": decision.scores.get(decision.option, 0),
        "gap": decision.scores.get(decision.option, 0) - decision.scores.get(option, 0),
        "tie": list(decision.tie),
        **_stage_path(result, option),
        # the vetoes that hold against it: on the option itself, or on building a centre it
        # would need (a centre the client runs is spared)
        "excluded": [{**_rule_ref(rule), "scope": scope}
                     for rule, scope in decision.excluded.get(option, ())],
        "unmet": [{"finding": finding,
                   "found_by": [m.id for m in all_rules() if finding in m.finds]}
                  for finding in decision.unmet.get(option, ())],
        "missed": missed,
        "against": [{**_rule_ref(e["rule"]), "weight": e["weight"]} for e in items if e["weight"] < 0],
        "supported": [{**_rule_ref(e["rule"]), "weight": e["weight"]} for e in items if e["weight"] > 0],
        "scores": _scores_ranked(result),
    }


# ---------------------------------------------------------------------------------- what if

def parse_change(text: str) -> tuple[str, object]:
    """``QUESTION=VALUE`` -> (question id, normalised value or None for unknown)."""
    qid, sep, value = text.partition("=")
    if not sep or not qid.strip():
        raise InputError(_("--what-if '{text}': expected QUESTION=VALUE").format(text=text))
    question = load_catalog().get(qid.strip())
    return question.id, question.parse_text(value)


def apply_changes(answers: dict, changes) -> dict:
    """The answers with (question, value) changes applied (None removes), in catalog order."""
    changed = dict(answers)
    for qid, value in changes:
        if value is None:
            changed.pop(qid, None)
        else:
            changed[qid] = value
    return {q.id: changed[q.id] for q in load_catalog() if q.id in changed}


def compare(before: Result, after: Result) -> dict:
    """The difference between two runs: recommendation, scores, rules fired."""
    fired_before = [f.rule for f in before.firings]
    fired_after = [f.rule for f in after.firings]
    order = {m.id: i for i, m in enumerate(all_rules())}
    options = load_options()
    return {
        "before": {"option": before.decision.option, "label": options[before.decision.option].label,
                   "margin": before.decision.margin, "tie": list(before.decision.tie)},
        "after": {"option": after.decision.option, "label": options[after.decision.option].label,
                  "margin": after.decision.margin, "tie": list(after.decision.tie)},
        # A tie is an outcome of its own: "outsource" and "outsource tied with hybrid" differ.
        "flipped": (before.decision.option, sorted(before.decision.tie))
                   != (after.decision.option, sorted(after.decision.tie)),
        "scores": [{"option": o, "before": before.decision.scores.get(o, 0),
                    "after": after.decision.scores.get(o, 0),
                    "change": after.decision.scores.get(o, 0) - before.decision.scores.get(o, 0)}
                   for o in option_ids()],
        "newly_fired": [_rule_ref(r) for r in sorted(set(fired_after) - set(fired_before),
                                                     key=order.get)],
        "no_longer_fired": [_rule_ref(r) for r in sorted(set(fired_before) - set(fired_after),
                                                         key=order.get)],
    }


def change_rows(answers: dict, changes) -> list[dict]:
    return [{"question": qid, "before": value_label(qid, answers.get(qid)),
             "after": value_label(qid, value), "was": answers.get(qid), "value": value,
             "what_if": f"{qid}={'unknown' if value is None else value}"}  # ready for --what-if
            for qid, value in changes]


def what_if(answers: dict, change_texts: list[str], assumptions: dict | None = None) -> dict:
    changes = [parse_change(t) for t in change_texts]
    before = advise(answers, assumptions=assumptions)
    after = advise(apply_changes(answers, changes), assumptions=assumptions)
    return {"changes": change_rows(answers, changes), **compare(before, after)}
