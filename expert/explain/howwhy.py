"""MYCIN's two questions at the step prompt, read from the engine's own record.

* ``how FACT``: how a fact came to be - the firing that added it and the facts that firing
  matched, down to the client's answers (a figure goes down to the answers it is computed
  from; a recommendation to the evidence the decision step summed).
* ``why``: why the rule about to fire matters. Asked again, it climbs one level each time:
  the rule, then the rules that chain on what it finds, up to the goal (the recommendation the
  evidence is summed into, or the follow-up advice on it).
"""
from __future__ import annotations

from expert.explain.memory import fact_ref, origins
from expert.explain.standing import engine_standing
from expert.numbers.figures import FIGURE_INPUTS
from expert.reasoning.conditions import conditions_of
from expert.reasoning.engine import fact_as_dict, fact_id
from rules import all_rules, rule_index


def parse_fact_id(text: str) -> int | None:
    """``f-12``, ``f12`` or ``12`` -> 12; anything else None."""
    digits = text.strip().lower().removeprefix("f").removeprefix("-")
    return int(digits) if digits.isdigit() else None


def find_fact(engine, text: str) -> int | None:
    """The id of the fact ``text`` names: a fact id, or what a class would call it - a finding's
    or figure's name, a question id, an advice item, a recommended option (the first such)."""
    fid = parse_fact_id(text)
    facts = engine.facts_in_order()
    if fid is not None:
        return fid if any(fact_id(f) == fid for f in facts) else None
    for fact in facts:
        fields = fact_as_dict(fact)
        named = {fields.get(k) for k in ("name", "question", "item")}
        if fields["fact"] == "Recommended":
            named.add(fields["option"])
        if text in named:
            return fact_id(fact)
    return None


def how_model(engine, fid: int) -> dict:
    """The derivation tree of fact ``fid`` as a flat list of rows with a depth, each fact
    explained once (a fact met again refers back)."""
    facts = {fact_id(f): f for f in engine.facts_in_order()}
    found_by = origins(engine)
    rows, seen = [], set()

    def explain(i: int, depth: int) -> None:
        fact = facts[i]
        row = {"depth": depth, "fact": fact_ref(fact), "again": i in seen}
        rows.append(row)
        if row["again"]:
            return
        seen.add(i)
        kind = fact_as_dict(fact)["fact"]
        premises = []
        if i in found_by:
            firing = found_by[i]
            row.update(origin="rule", step=firing.step, rule=firing.rule,
                       title=rule_index()[firing.rule].title)
            premises = firing.matched_ids
        elif kind == "Figure":
            inputs = FIGURE_INPUTS.get(fact["name"], ())
            premises = [j for j, f in facts.items()
                        if type(f).__name__ == "Answer" and f["question"] in inputs]
            row["origin"] = "figure"
        elif kind == "Recommended":
            premises = [j for j, f in facts.items()
                        if type(f).__name__ == "Evidence" and f["option"] == fact["option"]]
            row["origin"] = "decision"
        else:
            row["origin"] = "answer" if kind == "Answer" else "declared"
        for j in premises:
            explain(j, depth + 1)

    explain(fid, 0)
    return {"id": fid, "rows": rows}


def _consumers(findings) -> list:
    """The rules whose conditions need any of these findings, in rule order."""
    return [m for m in all_rules()
            if any(c.fact == "Finding" and c.subject in findings for c in conditions_of(m))]


def why_chain(rule_id: str) -> list[dict]:
    """The levels ``why`` climbs for a rule: the rule itself, then the rules chaining on its
    findings (one level per link), then the goal."""
    meta = rule_index()[rule_id]
    levels = [{"kind": "rule", "rules": [meta.id]}]
    current, visited = [meta], {meta.id}
    while True:
        findings = {name for m in current for name in m.finds}
        users = [m for m in _consumers(findings) if m.id not in visited]
        if not users:
            break
        levels.append({"kind": "chain", "findings": sorted(findings),
                       "rules": [m.id for m in users]})
        visited.update(m.id for m in users)
        current = users
    reached = [meta] + [rule_index()[r] for level in levels[1:] for r in level["rules"]]
    levels.append({"kind": "goal",
                   "evidence": any(m.evidence for m in reached),
                   "advice": any(m.advice for m in reached)})
    return levels


def why_model(engine, waiting, level: int) -> dict:
    """Level ``level`` (0 first) of the why chain of the next rule to fire."""
    activation = waiting[0]
    levels = why_chain(activation.rule)
    level = min(level, len(levels) - 1)
    shown = levels[level]
    rules = [rule_index()[r] for r in shown.get("rules", ())]
    return {
        "level": level + 1, "levels": len(levels), "top": level == len(levels) - 1,
        "kind": shown["kind"], "rule": activation.rule,
        "on": [fact_ref(f) for f in activation.facts],
        "rules": [{"id": m.id, "title": m.title,
                   "evidence": [{"option": o, "weight": w} for o, w in m.evidence],
                   "findings": list(m.finds), "advice": list(m.advice)} for m in rules],
        "findings": shown.get("findings", []),
        "evidence": shown.get("evidence", False), "advice": shown.get("advice", False),
        "standing": engine_standing(engine),
    }
