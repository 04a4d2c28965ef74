"""Plain-dict models for the consultation's templates (expert/templates/consult/)."""
from __future__ import annotations

from expert.inputs.catalog import Question
from expert.interview.consultation import Consultation
from expert.interview.planner import Known
from expert.numbers.figures import FIGURE_INPUTS
from expert.reasoning.conditions import Condition, conditions_of
from expert.reasoning.options import load_options, load_stages

SHOWN_OPEN = 5  # the open questions status lists: the ones that weigh most

def question_model(question: Question, consultation: Consultation) -> dict:
    """Everything a prompt shows: text, allowed answers, progress."""
    return {
        "id": question.id,
        "text": question.text,
        "type": question.type,
        "choices": [{"id": cid, "label": label} for cid, label in question.choices],
        "expects": question.expects(),
        "help": question.help,
        "example": question.example,
        "source": question.source,
        "number": consultation.number,
        "more": consultation.at_most_more,
        "stage": consultation.plan.stage,
        # follow-up only when the answer can refine the advice but no longer move a score
        "follow_up": consultation.settled and not consultation.changes_scores(question.id),
        "withdrawn": _withdrawn_label(question, consultation.withdrawn),
    }


def _withdrawn_label(question: Question, withdrawn: dict) -> str:
    if question.id not in withdrawn:
        return ""
    value = withdrawn[question.id]
    return "unknown" if value is None else question.label(value)


def condition_text(cond: Condition) -> str:
    test = cond.value_test
    if cond.fact == "Answer":
        return f"{cond.subject} is {test.text}" if test else cond.subject
    if cond.fact == "Figure":
        return f"the computed {cond.subject} is {test.text}" if test else cond.subject
    if cond.fact == "Finding":
        return f"it is found that {cond.subject}"
    if cond.fact == "Stage":
        return f"the {cond.subject} stage is open"
    return "the recommendation is " + " and ".join(t.text for _, t in cond.tests)


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
                            for o, _ in (*w.rule.evidence, *w.rule.excludes)})
            open_questions.append({"id": qid, "text": consultation.catalog.get(qid).text,
                                   "options": moves})
    leader = decision.stages[-1].winner or decision.option
    return {"options": rows, "leader": leader, "stage": stages[decision.stages[-1].stage].label,
            "settled": consultation.settled,
            "open": open_questions, "more_open": max(len(consultation.plan.questions) - SHOWN_OPEN, 0),
            "left": consultation.at_most_more + (consultation.current() is not None)}


def settled_model(consultation: Consultation) -> dict:
    """The moment the choice is made: what was chosen, and what the questions left are for."""
    decision, options = consultation.decision, load_options()
    return {"option": decision.option, "label": options[decision.option].label,
            "runner_up": options[decision.runner_up].label if decision.runner_up else "",
            "left": consultation.at_most_more + (consultation.current() is not None)}
