"""The same decisions as plain Python, without experta: the engine's overhead as a known number.

The evaluator reads every rule's conditions through expert/conditions.py (the reading the
explanations use) and runs them to a fixpoint over plain dict facts: a rule fires when each of its
conditions is met by some fact; its evidence, vetoes, advice and findings are added once (as the
engine ignores duplicate facts). Then the same ``decide`` weighs the stages: while it calls for
the next stage, a ``Stage`` fact is added and the rules run to a fixpoint again; at the end the
``Recommended`` facts are added for the follow-up advice - the runs of
expert/reasoning/advisor.py. It checks the engine; it does not replace it (no firing order, no
record of matched facts).
"""
from __future__ import annotations

from functools import lru_cache

import expert.reasoning  # noqa: F401  (experta compatibility first)
from expert.reasoning.advisor import figure_dicts, recommendation_facts
from expert.reasoning.conditions import conditions_of, subject_of
from expert.reasoning.decision import Decision, decide
from rules import all_rules


@lru_cache(maxsize=1)
def _rules() -> tuple:
    return tuple((meta, conditions_of(meta)) for meta in all_rules())


def _met(condition, facts: dict) -> bool:
    """Some fact of the condition's kind and subject passes all its field tests."""
    return any(condition.holds(f) for f in facts.get((condition.fact, condition.subject), ()))


def _add(facts: dict, fact: dict) -> None:
    kind = fact["fact"]
    bucket = facts.setdefault((kind, subject_of(kind, fact)), [])
    if fact not in bucket:
        bucket.append(fact)


def _assumed(conditions, facts: dict) -> bool:
    """Did the rule match a figure resting on assumed rates (as the engine marks evidence)?"""
    return any(f.get("source") == "assumption" for c in conditions if c.fact == "Figure"
               for f in facts.get(("Figure", c.subject), ()))


def _run(facts: dict, fired: set, evidence: list, exclusions: list, advice: list) -> None:
    changed = True
    while changed:
        changed = False
        for meta, conditions in _rules():
            if meta.id in fired or not all(_met(c, facts) for c in conditions):
                continue
            fired.add(meta.id)
            changed = True
            basis = "assumed" if _assumed(conditions, facts) else "answers"
            votes, vetoes = meta.votes(basis)
            evidence += votes
            exclusions += vetoes
            advice += [{"item": item, "rule": meta.id} for item in meta.advice]
            for name in meta.finds:
                _add(facts, {"fact": "Finding", "name": name})


def _findings(facts: dict) -> set:
    return {name for kind, name in facts if kind == "Finding"}


def plain_advise(answers: dict) -> tuple[Decision, frozenset]:
    """(decision, ids of the rules that fire) for validated answers."""
    facts: dict = {}
    for qid, value in answers.items():
        _add(facts, {"fact": "Answer", "question": qid, "value": value})
    for name, figure in figure_dicts(answers).items():
        _add(facts, {"fact": "Figure", "name": name, **figure})
    fired, evidence, exclusions, advice, reached = set(), [], [], [], ["need"]
    _run(facts, fired, evidence, exclusions, advice)
    while (decision := decide(evidence, exclusions, reached, _findings(facts))).opens:
        reached.append(decision.opens)
        _add(facts, {"fact": "Stage", "name": decision.opens})
        _run(facts, fired, evidence, exclusions, advice)
    for fact in recommendation_facts(decision):
        _add(facts, {"fact": "Recommended", **fact})
    _run(facts, fired, evidence, exclusions, advice)
    return decision, frozenset(fired)
