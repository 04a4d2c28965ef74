"""One rule, for ``ccadvisor rules ID``: as written, what it concludes, where it comes from, and
which bundled examples fire it (found by running them, not by reading the conditions).
"""
from __future__ import annotations

from expert.errors import InputError, did_you_mean
from expert.i18n import gettext as _
from expert.inputs.examples import example_names, load_example
from expert.kb.listing import rule_row
from expert.reasoning.advisor import advise
from expert.reasoning.conditions import SUBJECT_FIELD, conditions_of
from expert.report.model import advice_catalog
from rules import all_rules, rule_index

# How a readable test is written in a rule module (expert.reasoning.heuristic's helpers).
_HELPER = {">=": "at_least", ">": "above", "<": "below", "in": "one_of"}


def _literal(value) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _written_test(test) -> str:
    if test.op == "==":
        return _literal(test.expected)
    if test.op == "in" and test.test is None:  # L(a) | L(b)
        return " | ".join(f"L({_literal(v)})" for v in test.expected)
    operands = test.expected if test.op == "in" else (test.expected,)
    return f"{_HELPER[test.op]}({', '.join(_literal(v) for v in operands)})"


def written(condition) -> str:
    """A condition the way its pattern reads in rules/: ``Answer(question="x", value="y")``."""
    fields = []
    if condition.subject is not None:
        fields.append(f"{SUBJECT_FIELD[condition.fact]}={_literal(condition.subject)}")
    fields += [f"{name}={_written_test(test)}" for name, test in condition.tests]
    return f"{condition.fact}({', '.join(fields)})"


def check_rule(rule_id: str) -> str:
    if rule_id not in rule_index():
        raise InputError(_("unknown rule '{rule}'").format(rule=rule_id)
                         + did_you_mean(rule_id, rule_index(), _(" (see 'ccadvisor rules')")))
    return rule_id


def fired_in_examples(rule_id: str) -> list[dict]:
    """Every bundled example whose run fires the rule, with the step it fires at."""
    rows = []
    for name in example_names():
        result = advise(load_example(name)[0])
        steps = [f.step for f in result.firings if f.rule == rule_id]
        if steps:
            rows.append({"example": name, "step": steps[0], "of": len(result.firings),
                         "recommendation": result.decision.option})
    return rows


def rule_detail(rule_id: str) -> dict:
    """The model of ``rules ID``: the listing's row plus the patterns as written, the rules it
    chains from and to (through findings), the advice titles and the examples that fire it."""
    meta = rule_index()[check_rule(rule_id)]
    conditions = conditions_of(meta)
    needs = [c.subject for c in conditions if c.fact == "Finding"]
    advice = advice_catalog()
    return {
        **rule_row(meta),
        "written": [written(c) for c in conditions],
        "chained_from": [{"finding": name, "rules": [m.id for m in all_rules() if name in m.finds]}
                         for name in needs],
        "chained_to": [{"finding": name,
                        "rules": [m.id for m in all_rules()
                                  if any(c.fact == "Finding" and c.subject == name
                                         for c in conditions_of(m))]}
                       for name in meta.finds],
        "advice_titles": {item: advice[item]["title"] for item in meta.advice},
        "examples": fired_in_examples(meta.id),
        "examples_total": len(example_names()),
    }
