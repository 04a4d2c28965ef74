"""The interview: which question to ask next, and what answering it does. No terminal here.

The rules decide what is asked. After every answer the engine runs again on all the answers so
far (a fresh run: cheap, and it makes ``back`` an honest retraction of everything that rested on
the old answer), and the planner reads the rules' declarative conditions (expert/conditions.py):

* a rule is *open* when it has not fired and none of its conditions is contradicted by what is
  known (an answer given, a question skipped, a figure computed, the current recommendation);
* its *pending questions* are its unanswered Answer subjects, the unanswered inputs of its Figure
  conditions (expert/figures.FIGURE_INPUTS), and, for a Finding not yet derived, the pending
  questions of the open rules that can derive it.

Stage "evidence": while some option could still overtake the leader (each option's best and
worst case from the evidence of the open rules), ask the pending question with the largest total
|evidence weight| that the open rules waiting on it put on options still in play; ties go to
catalog order. Stage "follow-up":
once nothing can change the recommendation, the decision is declared (``Recommended``) and the
questions of open advice rules are asked - follow-up rules only when their Recommended condition
holds - so a business that clearly needs no centre is never asked about vendors. Then "done".
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from expert.reasoning.advisor import Result, advise, answer_facts
from expert.inputs.catalog import Question, load_catalog
from expert.reasoning.conditions import Condition, conditions_of
from expert.reasoning.decision import Decision, decide
from expert.reasoning.engine import AdvisorEngine, Firing
from expert.reasoning.facts import Evidence, Figure, Finding, Recommended
from expert.numbers.figures import FIGURE_INPUTS, compute_figures
from rules import all_rules

EVIDENCE, FOLLOW_UP, DONE = "evidence", "follow-up", "done"


# --- the planner: pure functions of the rules and what is known ---------------------------

@dataclass(frozen=True)
class Known:
    """What the planner may rely on after a run."""
    answers: dict                      # question id -> normalised value
    skipped: frozenset = frozenset()   # questions answered "unknown"
    figures: dict = field(default_factory=dict)
    findings: frozenset = frozenset()
    fired: frozenset = frozenset()     # rule ids
    recommended: tuple = ()            # ({"option", "rank"}, ...) once declared


@dataclass(frozen=True)
class Waiting:
    """An open rule waiting on a question: directly (``condition``) or through a finding."""
    rule: object                       # RuleMeta
    condition: Condition | None
    via: str | None = None             # the finding the question can lead to


@dataclass(frozen=True)
class Plan:
    stage: str                         # EVIDENCE, FOLLOW_UP or DONE
    questions: tuple = ()              # pending question ids, most useful first
    waiting: dict = field(default_factory=dict)  # question id -> (Waiting, ...)


def _follows_up(meta) -> bool:
    return any(c.fact == "Recommended" for c in conditions_of(meta))


def _pending(meta, known: Known, rules, seen=frozenset()):
    """{question id: (Waiting, ...)} a rule waits on, or None when it can no longer fire."""
    pending: dict[str, list] = {}
    for cond in conditions_of(meta):
        if cond.fact == "Answer":
            if cond.subject in known.answers:
                if not cond.holds({"value": known.answers[cond.subject]}):
                    return None
            elif cond.subject in known.skipped or cond.subject not in load_catalog():
                return None  # unknown, or a question the catalog cannot ask
            else:
                pending.setdefault(cond.subject, []).append(Waiting(meta, cond))
        elif cond.fact == "Figure":
            if cond.subject in known.figures:
                if not cond.holds({"value": known.figures[cond.subject]}):
                    return None
                continue
            inputs = FIGURE_INPUTS.get(cond.subject, ())
            missing = [q for q in inputs if q not in known.answers]
            if not missing or any(q in known.skipped or q not in load_catalog() for q in inputs):
                return None  # the figure cannot be computed from what is or can be known
            for qid in missing:
                pending.setdefault(qid, []).append(Waiting(meta, cond))
        elif cond.fact == "Finding":
            if cond.subject in known.findings:
                continue
            reachable = False
            for other in rules:
                if cond.subject not in other.finds or other.id in known.fired or other.id in seen:
                    continue
                sub = _pending(other, known, rules, seen | {meta.id})
                if sub:
                    reachable = True
                    for qid in sub:
                        pending.setdefault(qid, []).append(Waiting(meta, None, via=cond.subject))
            if not reachable:
                return None
        elif cond.fact == "Recommended":
            if not any(cond.holds(fact) for fact in known.recommended):
                return None
    return {qid: tuple(w) for qid, w in pending.items()}


def contenders(open_rules, scores: dict, leader: str) -> set:
    """Options the open rules could still lift to the leader's worst case.

    Each option's best case is its score plus every positive weight still open for it; the
    leader's worst case is its score plus every negative weight still open against it. Rules on
    the same question exclude each other, so this over-estimates: it never stops too early.
    """
    gain = {o: 0 for o in scores}
    loss = {o: 0 for o in scores}
    for meta in open_rules:
        for option, weight in meta.evidence:
            (gain if weight > 0 else loss)[option] += weight
    floor = scores[leader] + loss[leader]
    # ">=": on an exact tie the option order decides, which may favour the challenger.
    return {o for o in scores if o != leader and scores[o] + gain[o] >= floor}


def can_change(open_rules, scores: dict, leader: str) -> bool:
    """Could any answer still change the recommendation?"""
    return bool(contenders(open_rules, scores, leader))


def plan(known: Known, decision: Decision, rules=None, order=None) -> Plan:
    """What to ask next, given what is known and the current decision."""
    rules = all_rules() if rules is None else rules
    order = order or [q.id for q in load_catalog()]
    states = {}
    for meta in rules:
        if meta.id in known.fired:
            continue
        pending = _pending(meta, known, rules)
        if pending:
            states[meta.id] = (meta, pending)

    if not known.recommended:
        open_rules = [m for m, _ in states.values() if m.evidence and not _follows_up(m)]
        in_play = contenders(open_rules, decision.scores, decision.option)
        if in_play:
            # Weigh only the evidence on options still in play: a rule that can move only
            # options out of the running cannot change the recommendation, so it asks nothing.
            in_play.add(decision.option)

            def weight(meta) -> int:
                return sum(abs(w) for o, w in meta.evidence if o in in_play)
            pending = [(m, states[m.id][1]) for m in open_rules if weight(m)]
            if pending:
                return _ranked(EVIDENCE, pending, weight, order)
        return Plan(stage=FOLLOW_UP)  # nothing left to ask that can change the decision

    # Follow-up stage: only advice can still change, so only advice rules are worth a question.
    advice_rules = [(m, p) for m, p in states.values() if m.advice and not m.evidence]
    if advice_rules:
        return _ranked(FOLLOW_UP, advice_rules, lambda m: len(m.advice), order)
    return Plan(stage=DONE)


def waiting_on(qid: str, known: Known, rules=None) -> tuple:
    """Every open rule waiting on a question, whatever the stage, in canonical rule order."""
    rules = all_rules() if rules is None else rules
    found = []
    for meta in rules:
        if meta.id not in known.fired:
            found.extend((_pending(meta, known, rules) or {}).get(qid, ()))
    return tuple(found)


def _ranked(stage, rule_states, usefulness, order) -> Plan:
    score: dict[str, int] = {}
    waiting: dict[str, list] = {}
    for meta, pending in rule_states:
        for qid, waits in pending.items():
            score[qid] = score.get(qid, 0) + usefulness(meta)
            waiting.setdefault(qid, []).extend(waits)
    position = {qid: i for i, qid in enumerate(order)}
    ranked = sorted(score, key=lambda q: (-score[q], position.get(q, len(position)), q))
    return Plan(stage=stage, questions=tuple(ranked),
                waiting={q: tuple(waiting[q]) for q in ranked})


# --- the consultation: answers in, one question at a time out ------------------------------

@lru_cache(maxsize=1)
def consultation_engine() -> AdvisorEngine:
    """The consultations' engine: its working memory lives on between answers, so it is kept
    apart from advise()'s shared engine, which resets for every run."""
    return AdvisorEngine()


def figure_facts_of(figures: dict) -> list:
    return [Figure(name=name, value=figures[name]) for name in sorted(figures)]


def recommendation_facts(decision: Decision) -> tuple:
    """The Recommended facts the decision step declares, as advise() does."""
    facts = ({"option": decision.option, "rank": "chosen"},)
    if decision.runner_up:
        facts += ({"option": decision.runner_up, "rank": "runner_up"},)
    return facts


def firing_key(firing: Firing) -> str:
    """A firing's identity across runs: the rule and the facts it matched (fact ids dropped)."""
    return json.dumps([firing.rule, firing.matched], sort_keys=True, default=str)


class Consultation:
    """The ask/answer loop as a small state machine, driven by any front end.

    ``history`` is the questions in the order they were answered (skipped ones included);
    ``answers`` maps them to normalised values, None meaning "unknown". ``on_firing(firing)`` is
    told of each rule firing that was not standing before (trace mode); ``before_firing`` is
    passed to the engine unchanged (step mode).
    """

    def __init__(self, answers: dict | None = None, history: list | None = None,
                 before_firing=None, on_firing=None):
        self.catalog = load_catalog()
        self.answers: dict = dict(answers or {})
        self.history: list = list(history or self.answers)
        self.on_firing = on_firing
        self.before_firing = before_firing
        self.engine: AdvisorEngine = consultation_engine()
        self._session_firings: list | None = None  # engine.firings as this consultation left it
        self._declared: dict = {}
        self._figures: dict = {}
        self._recommended: tuple = ()
        self._standing: set = set()
        self._previous: list[Firing] = []
        self._forced: str | None = None
        self.withdrawn: dict = {}  # question id -> the answer ``back`` took away, to show it
        self.retracted: list[Firing] = []
        self.evaluate()

    # the engine runs here, and only here
    def evaluate(self) -> None:
        """Let the engine run on the answers so far, then plan the next question.

        A new answer is added to the engine's working memory and the engine runs on from there,
        as forward chaining does. Experta keeps no record of what a fact supported, so when that
        is not enough the answers are replayed on a reset engine instead: after ``back``, when a
        computed figure changed, when the runner-up that follow-up rules matched has changed,
        or when the engine was reset by someone else in between.
        """
        engine = self.engine
        engine.before_firing, engine.on_firing = self.before_firing, self._fired
        try:
            if not self._run(replay=False):
                self._run(replay=True)
            self.state = self._known()
        finally:
            engine.before_firing = engine.on_firing = None
        self._standing = {firing_key(f) for f in engine.firings}
        # Firings that stood before and no longer do rested on an answer that was withdrawn.
        self.retracted = [f for f in self._previous if firing_key(f) not in self._standing]
        self._previous = list(engine.firings)

    def _run(self, replay: bool) -> bool:
        """One evaluation; False when it must be replayed from a reset engine."""
        engine = self.engine
        answers = self.known_answers()
        figures = compute_figures(answers)
        if replay or not self._extends(answers, figures):
            engine.reset()
            self._session_firings = engine.firings
            self._declared, self._figures, self._recommended = {}, {}, ()
        new_answers = {q: v for q, v in answers.items() if q not in self._declared}
        new_figures = {n: v for n, v in figures.items() if n not in self._figures}
        # Catalog order for answers and name order for figures, as advise() declares them.
        engine.declare(*answer_facts(new_answers), *figure_facts_of(new_figures))
        self._declared.update(new_answers)
        self._figures = dict(figures)
        engine.run()
        self.decision = decide(engine.facts_of(Evidence))
        recommended = recommendation_facts(self.decision)
        if self._recommended:
            if self._recommended != recommended:
                return False
        else:
            self.plan = plan(self._known(), self.decision)
            if self.plan.stage == EVIDENCE:
                return True
            engine.declare(*(Recommended(**fact) for fact in recommended))
            self._recommended = recommended
            engine.run()
        self.plan = plan(self._known(), self.decision)
        return True

    def _extends(self, answers: dict, figures: dict) -> bool:
        """Is the engine's working memory a part of what is known now (so it can run on)?"""
        return (self.engine.firings is self._session_firings
                and all(answers.get(q) == v for q, v in self._declared.items())
                and all(figures.get(n) == v for n, v in self._figures.items()))

    def _fired(self, firing: Firing) -> None:
        if firing_key(firing) not in self._standing and self.on_firing is not None:
            self.on_firing(firing)

    def _known(self) -> Known:
        recommended = tuple({"option": f["option"], "rank": f["rank"]}
                            for f in self.engine.facts_of(Recommended))
        return Known(
            answers=self.known_answers(),
            skipped=frozenset(q for q, v in self.answers.items() if v is None),
            figures=compute_figures(self.known_answers()),
            findings=frozenset(f["name"] for f in self.engine.facts_of(Finding)),
            fired=frozenset(f.rule for f in self.engine.firings),
            recommended=recommended,
        )

    def known_answers(self) -> dict:
        """The answers given (not skipped), in catalog order."""
        return {q.id: self.answers[q.id] for q in self.catalog
                if self.answers.get(q.id) is not None}

    # what the front end asks
    @property
    def finished(self) -> bool:
        return self.current() is None

    def current(self) -> Question | None:
        """The question to ask now, or None when the interview is over."""
        if self._forced is not None:
            return self.catalog.get(self._forced)
        if self.plan.stage == DONE or not self.plan.questions:
            return None
        return self.catalog.get(self.plan.questions[0])

    @property
    def number(self) -> int:
        """The current question's number in this interview (1-based)."""
        return len(self.history) + 1

    @property
    def about_more(self) -> int:
        """A rough count of the questions still pending after the current one."""
        question = self.current()
        return len([q for q in self.plan.questions if question is None or q != question.id])

    def waiting_on(self, qid: str) -> tuple:
        """The open rules waiting on a question (for ``why``)."""
        return waiting_on(qid, self.state)

    def answer(self, qid: str, value) -> None:
        """Record an answer (None = unknown/skipped) and let the engine run."""
        self.answers.pop(qid, None)
        if qid in self.history:
            self.history.remove(qid)
        self.answers[qid] = value
        self.history.append(qid)
        self._forced = None
        self.evaluate()

    def back(self) -> str | None:
        """Withdraw the last answer; its question becomes the current one again."""
        if not self.history:
            return None
        qid = self.history.pop()
        self.withdrawn[qid] = self.answers.pop(qid)
        self.evaluate()
        self._forced = qid
        return qid

    def result(self, meta: dict | None = None) -> Result:
        """The same Result ``ccadvisor advise`` gives for these answers (a fresh two-stage run)."""
        return advise(self.known_answers(), meta, engine=self.engine)


# --- plain-dict models for the consultation's templates (expert/templates/consult/) --------

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
        "more": consultation.about_more,
        "stage": consultation.plan.stage,
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
    return "holds" if known.recommended else "open"
