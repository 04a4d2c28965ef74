"""Counterfactual explanations: why not OPTION, what if an answer changed, and what would flip it.

Everything here is UI-free and returns plain-dict models for the ``explain*.j2`` templates (and
JSON). Nothing is stated that the engine did not derive: why-not reads each rule's conditions
through expert.reasoning.conditions and checks them against the facts of the actual run; what-if and
sensitivity rerun the real pipeline (``expert.reasoning.advisor.advise``) on changed answers.
"""
from __future__ import annotations

import time
from functools import lru_cache
from itertools import combinations

from expert.reasoning.advisor import Result, advise, answer_facts, figure_facts
from expert.inputs.catalog import load_catalog
from expert.reasoning.conditions import conditions_of, questions_of
from expert.errors import InputError
from expert.reasoning.options import load_options, option_ids
from rules import all_rules, rule_index

UNANSWERED = "unanswered"


# ---------------------------------------------------------------- helpers shared by the models

def check_option(option: str) -> str:
    if option not in option_ids():
        raise InputError(f"unknown option '{option}': expected one of {', '.join(option_ids())}")
    return option


def value_label(qid: str, value) -> str:
    """An answer value as people read it; None is "unanswered"."""
    if value is None:
        return UNANSWERED
    question = load_catalog().get(qid)
    label = question.label(value)
    return str(value) if label == str(value) else f"{value} ({label})"


def result_facts(result: Result) -> list[dict]:
    """Every fact the run ended with, as plain dicts: answers, figures, derived, recommended."""
    facts = [{"fact": "Answer", "question": f["question"], "value": f["value"]}
             for f in answer_facts(result.answers)]
    facts += [{"fact": "Figure", "name": f["name"], "value": f["value"]}
              for f in figure_facts(result.answers)]
    for firing in result.firings:
        facts += firing.added
    decision = result.decision
    facts.append({"fact": "Recommended", "option": decision.option, "rank": "chosen"})
    if decision.runner_up:
        facts.append({"fact": "Recommended", "option": decision.runner_up, "rank": "runner_up"})
    return facts


_SUBJECT = {"Answer": "question", "Figure": "name", "Finding": "name"}


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
           "needed": test.text if test else "", "seen": "", "found_by": []}
    if condition.fact == "Answer":
        row["seen"] = value_label(condition.subject, about[0]["value"]) if about else UNANSWERED
    elif condition.fact == "Figure":
        row["seen"] = str(about[0]["value"]) if about else "not computed"
    elif condition.fact == "Finding":
        row["needed"], row["seen"] = "found", "found" if about else "not found"
        row["found_by"] = _finders(condition.subject)
    else:  # Recommended
        row["needed"] = " and ".join(f"{field} {t.text}" for field, t in condition.tests)
        row["seen"] = ", ".join(f"{f['option']} ({f['rank']})" for f in about)
    return row


def _rule_ref(rule_id: str) -> dict:
    meta = rule_index()[rule_id]
    return {"rule": meta.id, "title": meta.title, "source": meta.seed}


def _scores_ranked(result: Result) -> list[dict]:
    options, decision = load_options(), result.decision
    return [{"option": o, "label": options[o].label, "score": decision.scores[o]}
            for o in decision.ranking]


# ---------------------------------------------------------------------------------- why not

def why_not(result: Result, option: str) -> dict:
    """Why ``option`` was not recommended: its unfired support, the evidence against, the gap."""
    check_option(option)
    decision, fired = result.decision, {f.rule for f in result.firings}
    facts = result_facts(result)
    missed = []
    for meta in all_rules():
        weight = dict(meta.evidence).get(option, 0)
        if weight <= 0 or meta.id in fired:
            continue
        conditions = [condition_row(c, facts) for c in conditions_of(meta)]
        missed.append({**_rule_ref(meta.id), "weight": weight,
                       "failed": [c for c in conditions if not c["holds"]],
                       "held": [c for c in conditions if c["holds"]]})
    items = [e for e in result.evidence if e["option"] == option]
    return {
        "option": option,
        "label": load_options()[option].label,
        "recommended": option == decision.option,
        "winner": decision.option,
        "winner_label": load_options()[decision.option].label,
        "score": decision.scores[option],
        "winner_score": decision.scores[decision.option],
        "gap": decision.scores[decision.option] - decision.scores[option],
        "tie": list(decision.tie),
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
        raise InputError(f"--what-if '{text}': expected QUESTION=VALUE")
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
        "flipped": before.decision.option != after.decision.option,
        "scores": [{"option": o, "before": before.decision.scores[o],
                    "after": after.decision.scores[o],
                    "change": after.decision.scores[o] - before.decision.scores[o]}
                   for o in option_ids()],
        "newly_fired": [_rule_ref(r) for r in sorted(set(fired_after) - set(fired_before),
                                                     key=order.get)],
        "no_longer_fired": [_rule_ref(r) for r in sorted(set(fired_before) - set(fired_after),
                                                         key=order.get)],
    }


def change_rows(answers: dict, changes) -> list[dict]:
    return [{"question": qid, "before": value_label(qid, answers.get(qid)),
             "after": value_label(qid, value),
             "what_if": f"{qid}={'unknown' if value is None else value}"}  # ready for --what-if
            for qid, value in changes]


def what_if(answers: dict, change_texts: list[str]) -> dict:
    changes = [parse_change(t) for t in change_texts]
    before = advise(answers)
    after = advise(apply_changes(answers, changes))
    return {"changes": change_rows(answers, changes), **compare(before, after)}


# ------------------------------------------------------------------------------ sensitivity

def _bounds(qid: str) -> list:
    """The numbers the rules compare this question's answer with (at_least / below bounds)."""
    bounds = set()
    for meta in all_rules():
        for c in conditions_of(meta):
            t = c.value_test
            if c.fact == "Answer" and c.subject == qid and t is not None and t.op in (">=", "<"):
                bounds.add(t.expected)
    return sorted(bounds)


def candidate_values(question, current) -> list:
    """The values worth trying for one question, other than its current one.

    Numbers are only tried at the bounds the rules test and one unit below each (the smallest
    whole step across the line), never at invented values; a number that every rule would judge
    exactly as the current one is skipped because it cannot change anything.
    """
    if question.type == "yes_no":
        values = ["yes", "no"]
    elif question.type == "choice":
        values = list(question.choice_ids)
    else:
        bounds = _bounds(question.id)
        values = []
        for b in bounds:
            for v in (b - 1, b):
                if question.min <= v <= question.max and v not in values:
                    values.append(int(v) if question.integer else v)

        def side(v):
            return tuple(v is not None and v >= b for b in bounds)
        values = [v for v in values if current is None or side(v) != side(current)]
    values = [v for v in values if v != current]
    if current is not None:
        values.append(None)
    return values


@lru_cache(maxsize=1)
def _scoring_rules() -> tuple:
    """(meta, direct conditions, findings needed) of every rule that adds evidence or findings.

    Follow-up rules (on ``Recommended``) are left out: they only add advice, never scores.
    """
    rules = []
    for meta in all_rules():
        conditions = conditions_of(meta)
        if any(c.fact == "Recommended" for c in conditions) or not (meta.evidence or meta.finds):
            continue
        direct = tuple(c for c in conditions if c.fact in ("Answer", "Figure"))
        needs = frozenset(c.subject for c in conditions if c.fact == "Finding")
        rules.append((meta, direct, needs))
    return tuple(rules)


@lru_cache(maxsize=1)
def _figure_questions() -> tuple:
    """The answers figures can depend on: their inputs and any rate a client's answer overrides."""
    from expert.numbers.assumptions import load_assumptions
    from expert.numbers.figures import FIGURE_INPUTS
    catalog = load_catalog()
    used = {q for inputs in FIGURE_INPUTS.values() for q in inputs} | set(load_assumptions())
    return tuple(q.id for q in catalog if q.id in used or q.type == "number")


class Screen:
    """The decision the engine would reach on changed answers, by the rules' own conditions.

    The same conditions (expert.reasoning.conditions), the same figures and the same scoring as the
    engine, without building experta's agenda; only the rules that read a changed answer (or a
    figure that changed) are re-checked, then findings are chained to a fixed point. Fast enough
    to try every pair of changes. Every flip it finds is confirmed by the real engine, and the
    tests check it agrees with the engine on every single change of every bundled example.
    """

    def __init__(self, answers: dict):
        self.answers = dict(answers)
        self.rules = _scoring_rules()
        self.readers: dict[str, set] = {}
        self.figure_readers = set()
        for i, (_meta, direct, _needs) in enumerate(self.rules):
            for c in direct:
                if c.fact == "Answer":
                    self.readers.setdefault(c.subject, set()).add(i)
                else:
                    self.figure_readers.add(i)
        self._figures_cache = {}
        self.base_figures = self._figures(self.answers)
        self.base_direct = [self._direct(i, self.answers, self.base_figures)
                            for i in range(len(self.rules))]

    def _figures(self, answers: dict) -> dict:
        key = tuple((q, answers.get(q)) for q in _figure_questions())
        if key not in self._figures_cache:
            self._figures_cache[key] = {f["name"]: f["value"] for f in figure_facts(answers)}
        return self._figures_cache[key]

    def _direct(self, i: int, answers: dict, figures: dict) -> bool:
        for c in self.rules[i][1]:
            known = answers if c.fact == "Answer" else figures
            if c.subject not in known or not c.holds({"value": known[c.subject]}):
                return False
        return True

    def decision(self, changes=()) -> tuple[str, dict]:
        """(option, scores) after the (question, value) changes; None as value removes."""
        answers = dict(self.answers)
        for qid, value in changes:
            if value is None:
                answers.pop(qid, None)
            else:
                answers[qid] = value
        figures = self._figures(answers)
        touched = set().union(*(self.readers.get(q, ()) for q, _ in changes))
        if figures != self.base_figures:
            touched |= self.figure_readers
        direct = list(self.base_direct)
        for i in touched:
            direct[i] = self._direct(i, answers, figures)
        findings, fired, progress = set(), set(), True
        while progress:  # forward chaining to a fixed point: findings may enable more rules
            progress = False
            for i, (meta, _direct, needs) in enumerate(self.rules):
                if i not in fired and direct[i] and needs <= findings:
                    fired.add(i)
                    findings.update(meta.finds)
                    progress = True
        order = option_ids()
        scores = dict.fromkeys(order, 0)
        for i in fired:
            for option, weight in self.rules[i][0].evidence:
                scores[option] += weight
        return min(order, key=lambda o: (-scores[o], order.index(o))), scores


SHOWN_FLIPS = 10  # a consultant needs a few ways the answer could turn, not hundreds


def sensitivity(answers: dict, pairs: bool = True) -> dict:
    """The smallest answer changes (one, then pairs) that change the recommendation.

    Only questions some rule reads are varied. Pairs (of two different questions) are tried
    only when no single change flips the result. Candidates are screened with ``Screen``; the
    flips shown (the first SHOWN_FLIPS in questionnaire order) are each confirmed by a run of the
    real pipeline, and the total says how many the screen found.
    """
    base = advise(answers)
    winner = base.decision.option
    screen = Screen(answers)
    read = {q for meta in all_rules() for q in questions_of(meta)}
    singles = [((q.id, value),) for q in load_catalog() if q.id in read
               for value in candidate_values(q, answers.get(q.id))]
    flips, found = [], 0

    def try_all(candidates):
        nonlocal found
        for changes in candidates:
            if screen.decision(changes)[0] == winner:
                continue
            found += 1
            if len(flips) < SHOWN_FLIPS:
                result = advise(apply_changes(answers, changes))
                if result.decision.option != winner:
                    flips.append(_flip_row(answers, changes, base, result))

    try_all(singles)
    size, paired = 1, []
    if not found and pairs:
        size = 2
        paired = [(a[0], b[0]) for a, b in combinations(singles, 2) if a[0][0] != b[0][0]]
        try_all(paired)
    return {
        "recommendation": winner,
        "label": load_options()[winner].label,
        "margin": base.decision.margin,
        "size": size if flips else 0,
        "found": found,
        "flips": flips,
        "tried_single": len(singles),
        "tried_pairs": len(paired),
    }


def _flip_row(answers, changes, base, result) -> dict:
    diff = compare(base, result)
    return {"changes": change_rows(answers, changes), "option": diff["after"]["option"],
            "label": diff["after"]["label"], "tie": diff["after"]["tie"],
            "scores": diff["scores"], "newly_fired": diff["newly_fired"],
            "no_longer_fired": diff["no_longer_fired"]}


def explanation(answers: dict, meta: dict | None = None, why_not_options=(), changes=(),
                with_sensitivity: bool = False) -> dict:
    """The whole ``explain`` model. With no question asked, why-not for every losing option.

    Inputs are checked before any run, so a bad option or change fails with nothing computed.
    """
    for option in why_not_options:
        check_option(option)
    for text in changes:
        parse_change(text)
    result = advise(answers, meta)
    if not why_not_options and not changes and not with_sensitivity:
        why_not_options = result.decision.ranking[1:]
    return {
        "client": (meta or {}).get("client", ""),
        "option": result.decision.option,
        "label": load_options()[result.decision.option].label,
        "why_not": [why_not(result, o) for o in why_not_options],
        "what_if": what_if(answers, list(changes)) if changes else None,
        "sensitivity": sensitivity(answers) if with_sensitivity else None,
    }


def bench() -> None:
    """``python -m expert.explain.whynot``: time sensitivity on every bundled example (never in tests)."""
    from expert.inputs.examples import example_names, load_example
    advise({})  # build the shared engine first: that cost is paid once per process
    for name in example_names():
        answers, _ = load_example(name)
        started = time.perf_counter()
        model = sensitivity(answers)
        took = time.perf_counter() - started
        print(f"{name:32} {took:6.3f} s  single {model['tried_single']:3}  "
              f"pairs {model['tried_pairs']:4}  found {model['found']:4}  shown {len(model['flips'])} (size {model['size']})")


if __name__ == "__main__":
    bench()
