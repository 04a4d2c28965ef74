"""The rule base as data: what ``ccadvisor rules`` lists and knowledge_base.md is made from."""
from __future__ import annotations

from expert.i18n import N_
from expert.i18n import gettext as _
from expert.inputs.catalog import load_catalog
from expert.reasoning.conditions import conditions_of
from expert.reasoning.options import certainty_factors, load_options, load_stages, stage_options
from expert.report.model import advice_catalog
from rules import all_rules
from rules.seeds import SEEDS

# Stage ids read as words: shown through these (the msgids of the templates' stage_name), whose
# "stage|" context English drops.
STAGE_NAMES = {"need": N_("stage|need"), "sourcing": N_("stage|sourcing")}
# What a figure rests on ("client", "assumption"), in the formal form of a Figure condition.
_RESTING_ON = {"client": N_(", resting on client numbers"),
               "assumption": N_(", resting on assumption numbers")}


def stage_name(stage: str) -> str:
    return _(STAGE_NAMES[stage]).rpartition("|")[2] if stage in STAGE_NAMES else stage


def _resting_on(source: str) -> str:
    if source in _RESTING_ON:
        return _(_RESTING_ON[source])
    return f", resting on {source} numbers"


def condition_row(condition) -> dict:
    """A condition as data plus a compact formal form: ``call_load = calls_lost``."""
    catalog = load_catalog()
    row = {"fact": condition.fact, "subject": condition.subject}
    value = condition.value_test
    if condition.fact == "Answer":
        question = catalog.questions.get(condition.subject)
        row.update(op=value.op, expected=value.expected,
                   question_text=question.text if question else "")
        if question and question.type == "choice" and value.op == "==":
            row["expected_label"] = question.label(value.expected)
        row["formal"] = f"{condition.subject} {'=' if value.op == '==' else value.op} " + (
            ", ".join(map(str, value.expected)) if value.op == "in" else str(value.expected))
    elif condition.fact == "Figure":
        source = dict(condition.tests).get("source")
        row.update(op=value.op, expected=value.expected,
                   source=source.expected if source else "",
                   formal=f"{condition.subject} {value.op} {value.expected}"
                          + (_resting_on(source.expected) if source else ""))
    elif condition.fact == "Finding":
        row["formal"] = _("finding {name}").format(name=condition.subject)
    elif condition.fact == "Stage":
        row["formal"] = _("stage {stage} open").format(stage=stage_name(condition.subject))
    else:
        option = dict(condition.tests)["option"]
        row.update(op=option.op, expected=option.expected,
                   formal=_("recommended {options}").format(
                       options=_(" or ").join(option.expected) if option.op == "in"
                       else str(option.expected)))
    return row


def rule_row(meta) -> dict:
    return {
        "id": meta.id,
        "title": meta.title,
        "reason": meta.reason,
        "topic": meta.topic,
        "source": meta.seed,
        "quote": meta.quote,
        "gloss": meta.gloss,
        "weight": meta.weight,
        "stage": meta.stage,
        "salience": meta.salience,
        "conditions": [condition_row(c) for c in conditions_of(meta)],
        "strength": meta.strength,
        "conclusion": {
            "evidence": {option: weight for option, weight in meta.evidence},
            "excludes": {option: scope for option, scope in meta.excludes},
            "advice": list(meta.advice),
            "findings": list(meta.finds),
        },
    }


def rules_model() -> dict:
    rows = [rule_row(meta) for meta in all_rules()]
    topics = []
    for row in rows:
        if row["topic"] not in topics:
            topics.append(row["topic"])
    advice = advice_catalog()
    stages = [{"id": s.id, "label": s.label, "question": s.question,
                "options": list(stage_options(s.id)),
                "opens": dict(s.opens)} for s in load_stages().values()]
    return {"rules": rows, "topics": topics, "seeds": list(SEEDS), "stages": stages,
            "options": [o.id for o in load_options().values()],
            "certainty": {str(w): cf for w, cf in sorted(certainty_factors().items(), reverse=True)},
            # how many rules cite each seed, so the document shows every seed is used
            "seed_counts": {seed: sum(r["source"] == seed for r in rows) for seed in SEEDS},
            "advice_titles": {item: advice[item]["title"] for item in sorted(advice)}}
