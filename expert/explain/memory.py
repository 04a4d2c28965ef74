"""What a class asks of working memory at the step prompt: facts, agenda, matches.

CLIPS's ``(facts)``, ``(agenda)`` and ``(matches RULE)``, as plain-dict models for the
``templates/step/*.txt.j2`` views. Fact ids are the engine's own (``f-12``). The agenda shows
the very key the engine orders it by (``conflict_key``), and says which part of the key puts
each activation before the next.
"""
from __future__ import annotations

from expert.explain.stepping import fact_row
from expert.explain.whynot import condition_row
from expert.reasoning.conditions import SUBJECT_FIELD, conditions_of
from expert.reasoning.engine import fact_as_dict, fact_id
from rules import rule_index


def fact_ref(fact) -> dict:
    """A fact in working memory as a view row: its id and its wording."""
    return {"id": fact_id(fact), **fact_row(fact_as_dict(fact))}


def origins(engine) -> dict:
    """fact id -> the firing that added it (facts declared from outside have none)."""
    return {i: firing for firing in engine.firings for i in firing.added_ids}


def facts_model(engine) -> dict:
    found_by = origins(engine)
    rows = []
    for fact in engine.facts_in_order():
        firing = found_by.get(fact_id(fact))
        rows.append({**fact_ref(fact), "step": firing.step if firing else None,
                     "by": firing.rule if firing else None})
    return {"facts": rows}


def _before_reason(key, other) -> dict:
    """Which part of the conflict-resolution key puts ``key`` before ``other``."""
    (salience, facts, position), (o_salience, o_facts, o_position) = key, other
    if salience != o_salience:
        return {"by": "salience", "first": salience, "second": o_salience}
    for mine, theirs in zip(facts, o_facts):
        if mine != theirs:  # ids are negated in the key: the larger is the older fact
            return {"by": "older_fact", "first": -mine, "second": -theirs}
    if len(facts) != len(o_facts):  # same oldest facts: the longer list is the larger key
        return {"by": "more_facts", "first": len(facts), "second": len(o_facts)}
    return {"by": "rule_order", "first": -position + 1, "second": -o_position + 1}


def agenda_model(engine, waiting) -> dict:
    """The waiting activations in firing order, each with its key and why it precedes the next."""
    keys = [engine.conflict_key(a) for a in waiting]
    rows = []
    for i, activation in enumerate(waiting):
        meta = rule_index()[activation.rule]
        salience, facts, position = keys[i]
        rows.append({
            "rule": meta.id, "title": meta.title, "salience": salience,
            "fact_ids": [-f for f in facts], "position": -position + 1,
            "matched": [fact_ref(f) for f in activation.facts],
            "before_next": _before_reason(keys[i], keys[i + 1]) if i + 1 < len(keys) else None,
        })
    return {"agenda": rows, "rules_total": len(rule_index())}


def matches_model(engine, rule_id: str, waiting) -> dict:
    """Each condition of the rule against working memory: on which facts it holds, or what it
    needed and what was there (CLIPS's partial matches, in the conditions' own words)."""
    meta = rule_index()[rule_id]
    facts = engine.facts_in_order()
    as_dicts = [fact_as_dict(f) for f in facts]
    rows = []
    for condition in conditions_of(meta):
        subject = SUBJECT_FIELD.get(condition.fact)
        on = [fact_id(f) for f, d in zip(facts, as_dicts)
              if d["fact"] == condition.fact and condition.holds(d)
              and (condition.subject is None or d.get(subject) == condition.subject)]
        rows.append({**condition_row(condition, as_dicts), "on": on})
    fired = [f.step for f in engine.firings if f.rule == rule_id]
    return {"rule": meta.id, "title": meta.title, "conditions": rows,
            "held": sum(1 for r in rows if r["on"]),
            "fired": fired[0] if fired else None,
            "waiting": any(a.rule == rule_id for a in waiting)}
