"""Plain-dict models for the consultation's templates (expert/templates/consult/)."""
from __future__ import annotations

from expert import DATA_DIR
from expert.i18n import DEFAULT, N_, current
from expert.i18n import gettext as _
from expert.i18n import numbers as local
from expert.inputs.catalog import Question
from expert.inputs.yamlload import load_localized
from expert.interview.consultation import Consultation
from expert.interview.planner import Known
from expert.numbers.figures import FIGURE_INPUTS
from expert.reasoning.conditions import Condition, conditions_of
from expert.reasoning.options import load_options, load_stages

SHOWN_OPEN = 5  # the open questions status lists: the ones that weigh most
# Values that are ids but read as words (a yes/no answer, a recommendation's rank): English shows
# them as the rules write them; another language in its words.
_VALUE_WORDS = {"yes": N_("yes"), "no": N_("no"), "chosen": N_("the choice"),
                "runner_up": N_("the runner-up"), "later": N_("for later"), "tied": N_("tied")}

def question_model(question: Question, consultation: Consultation) -> dict:
    """Everything a prompt shows: text, allowed answers, progress."""
    progress = consultation.progress()
    return {
        "id": question.id,
        "text": question.text,
        "type": question.type,
        "choices": [{"id": cid, "label": label} for cid, label in question.choices],
        "multiple": question.multiple,               # several choices may be given
        "yes_no_choices": bool(question.yes_no_choices()),  # y/n taken too
        "expects": question.expects(),
        "help": question.help,
        "example": question.example,
        "source": question.source,
        "article": _article(question.source),  # the source named in words, for the client
        "number": progress.number,
        "total": progress.total,   # never raised as the interview goes on
        "more": progress.more,
        "over": progress.over,     # more may come than the total said: "and a few more"
        "stage": consultation.plan.stage,
        # follow-up only when the answer can refine the advice but no longer move a score
        "follow_up": consultation.settled and not consultation.changes_scores(question.id),
        "withdrawn": _withdrawn_label(question, consultation.withdrawn),
    }


def _article(seed: str) -> str:
    """A seed article's title in the output's language ("" for one the list does not name)."""
    entry = load_localized(DATA_DIR / "seeds.yaml").get(seed) or {}
    return str(entry.get("title", ""))


def _withdrawn_label(question: Question, withdrawn: dict) -> str:
    if question.id not in withdrawn:
        return ""
    value = withdrawn[question.id]
    return _("unknown") if value is None else question.label(value)


def condition_text(cond: Condition) -> str:
    test = cond.value_test
    if cond.fact == "Answer":
        return _("{subject} is {test}").format(subject=cond.subject, test=test_text(test)) \
            if test else cond.subject
    if cond.fact == "Figure":
        return _("the computed {subject} is {test}").format(subject=cond.subject,
                                                            test=test_text(test)) \
            if test else cond.subject
    if cond.fact == "Finding":
        return _("it is found that {finding}").format(finding=cond.subject)
    if cond.fact == "Stage":
        return _("the {stage} stage is open").format(stage=_stage_name(cond.subject))
    tests = [test_text(t) for _field, t in cond.tests]
    text = tests[0] if tests else ""
    for more in tests[1:]:
        text = _("{left} and {right}").format(left=text, right=more)
    return _("the recommendation is {tests}").format(tests=text)


def test_text(test) -> str:
    """What a field test asks for, in the current language: in English exactly the words the
    rule's test carries ("at least 1000", "one of medium, large")."""
    if test.op == ">=":
        return _("at least {bound}").format(bound=_number_text(test.expected))
    if test.op == ">":
        return _("above {bound}").format(bound=_number_text(test.expected))
    if test.op == "<":
        return _("below {bound}").format(bound=_number_text(test.expected))
    if test.op == "in" and isinstance(test.expected, tuple):
        return _("one of {values}").format(values=", ".join(map(_value_text, test.expected)))
    if test.op == "==":
        return _value_text(test.expected)
    return test.text


def _english() -> bool:
    return current() == DEFAULT


def _number_text(value) -> str:
    """A bound as the rules write it in English (1000); grouped as the language writes numbers
    in another (1 000)."""
    return str(value) if _english() else local.number(value)


def _value_text(value) -> str:
    if _english() or not isinstance(value, str) or value not in _VALUE_WORDS:
        return str(value)
    return _(_VALUE_WORDS[value])


def _stage_name(stage: str) -> str:
    """A stage in a condition: by its id in English (as the rules name it), by its label in
    another language."""
    if _english():
        return stage
    stages = load_stages()
    return stages[stage].label if stage in stages else stage


def why_model(question: Question, consultation: Consultation) -> dict:
    """MYCIN-style WHY: the rules waiting on this answer, their conditions, their conclusions."""
    known = consultation.state
    rules = []
    seen = set()
    for wait in consultation.waiting_on(question.id):
        if wait.rule.id in seen:
            continue
        seen.add(wait.rule.id)
        meta = wait.rule
        conditions = []
        for cond in conditions_of(meta):
            state = _condition_state(cond, question.id, known)
            conditions.append({"text": condition_text(cond), "state": state})
        rules.append({
            "id": meta.id, "title": meta.title, "seed": meta.seed, "via": wait.via,
            "conditions": conditions,
            "evidence": [{"option": o, "weight": w} for o, w in meta.evidence],
            "excludes": [{"option": o, "scope": s} for o, s in meta.excludes],
            "findings": list(meta.finds), "advice": list(meta.advice),
        })
    return {"id": question.id, "text": question.text, "rules": rules}


def _condition_state(cond: Condition, qid: str, known: Known) -> str:
    """"this" (the question asked), "holds", or "open" (not known yet)."""
    if cond.fact == "Answer":
        if cond.subject == qid:
            return "this"
        return "holds" if cond.subject in known.answers else "open"
    if cond.fact == "Figure":
        if qid in FIGURE_INPUTS.get(cond.subject, ()):
            return "this"
        return "holds" if cond.subject in known.figures else "open"
    if cond.fact == "Finding":
        return "holds" if cond.subject in known.findings else "open"
    if cond.fact == "Stage":
        return "holds" if cond.subject in known.stages else "open"
    return "holds" if known.recommended else "open"


def status_model(consultation: Consultation) -> dict:
    """``status``: each option's standing (evidence for and against), and what could change it."""
    decision, options, stages = consultation.decision, load_options(), load_stages()
    rows = [{"option": s.option, "label": options[s.option].label, "score": s.net,
             "for": s.for_, "against": -s.against, "excluded": bool(s.excluded),
             "stage": stages[st.stage].label}
            for st in decision.stages for s in st.standings]
    open_questions = []
    if not consultation.settled:
        for qid in consultation.plan.questions[:SHOWN_OPEN]:
            moves = sorted({o for w in consultation.plan.waiting.get(qid, ())
                            for o, _weight in (*w.rule.evidence, *w.rule.excludes)})
            open_questions.append({"id": qid, "text": consultation.catalog.get(qid).text,
                                   "options": moves})
    leader = decision.stages[-1].winner or decision.option
    return {"options": rows, "leader": leader, "stage": stages[decision.stages[-1].stage].label,
            "settled": consultation.settled,
            "open": open_questions, "more_open": max(len(consultation.plan.questions) - SHOWN_OPEN, 0),
            "left": consultation.to_go if consultation.current() is not None else 0}


def settled_model(consultation: Consultation) -> dict:
    """The moment the choice is made: what was chosen, and what the questions left are for."""
    decision, options = consultation.decision, load_options()
    return {"option": decision.option, "label": options[decision.option].label,
            "runner_up": options[decision.runner_up].label if decision.runner_up else "",
            "left": consultation.to_go if consultation.current() is not None else 0}
