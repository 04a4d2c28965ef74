"""The consultation: the ask/answer loop as a small state machine. No terminal here.

The rules decide what is asked (expert/interview/planner.py). After every answer the engine runs
on from its working memory, or replays the answers on a reset engine when an answer was taken
back, so ``back`` is an honest retraction of everything that rested on the old answer.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from expert.inputs.catalog import Question, load_catalog
from expert.interview.planner import (
    DONE,
    EVIDENCE,
    Known,
    plan,
    questions_left,
    waiting_on,
)
from expert.reasoning.advisor import (
    Result,
    advise,
    answer_facts,
    figure_dicts,
    figure_facts,
    reached_stages,
    recommendation_facts,
    run_stages,
)
from expert.reasoning.engine import AdvisorEngine, Firing
from expert.reasoning.facts import Finding, Recommended


@lru_cache(maxsize=1)
def consultation_engine() -> AdvisorEngine:
    """The consultations' engine: its working memory lives on between answers, so it is kept
    apart from advise()'s shared engine, which resets for every run."""
    return AdvisorEngine()


@dataclass(frozen=True)
class Progress:
    """``number``: the current question's; ``total``: the total shown, never raised; ``more``:
    the planner's bound on the questions after this one; ``over``: that bound goes past the
    total (the estimate was too low: "and a few more")."""
    number: int
    total: int
    more: int
    over: bool = False

    @property
    def last(self) -> bool:
        return self.more == 0


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
                 before_firing=None, on_firing=None, assumptions: dict | None = None,
                 total: int | None = None):
        self.catalog = load_catalog()
        self.assumptions = assumptions  # the rates figures rest on (--assumptions FILE)
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
        # The total "question N of about M" has shown (a resumed session's, from its file): it
        # is never raised, only lowered (``progress``).
        self.total: int | None = total if isinstance(total, int) and total > 0 else None
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
        figures = figure_dicts(answers, self.assumptions)
        if replay or not self._extends(answers, figures):
            engine.reset()
            self._session_firings = engine.firings
            self._declared, self._figures, self._recommended = {}, {}, ()
        new_answers = {q: v for q, v in answers.items() if q not in self._declared}
        new_figures = {n: v for n, v in figures.items() if n not in self._figures}
        # Catalog order for answers and name order for figures, as advise() declares them.
        engine.declare(*answer_facts(new_answers), *figure_facts(figures=new_figures))
        self._declared.update(new_answers)
        self._figures = dict(figures)
        # Each stage stays closed while a question can still change the outcome of the one
        # before it: a later stage never runs ahead of an earlier one.
        self.decision = run_stages(
            engine, hold=lambda decision: plan(self._known(), decision).stage == EVIDENCE)
        if reached_stages(engine) != [s.stage for s in self.decision.stages]:
            return False  # an earlier stage's outcome changed under a stage already opened
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
        """What the planner reasons from. The figures are the ones ``_run`` just declared for
        these very answers (the cost model behind them is not run again)."""
        recommended = tuple({"option": f["option"], "rank": f["rank"]}
                            for f in self.engine.facts_of(Recommended))
        return Known(
            answers=self.known_answers(),
            skipped=frozenset(q for q, v in self.answers.items() if v is None),
            figures=dict(self._figures),
            findings=frozenset(f["name"] for f in self.engine.facts_of(Finding)),
            stages=frozenset(reached_stages(self.engine)),
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
    def at_most_more(self) -> int:
        """An upper bound on the questions after the current one (planner.questions_left)."""
        question = self.current()
        return len(questions_left(self.state, self.decision) - {question.id if question else None})

    def progress(self) -> Progress:
        """Where the interview stands: the current question's number, and the total to show.

        The total is the planner's bound on the questions left plus those asked, but it never
        goes up: once shown, a higher bound (an answer that opened more than the bound foresaw,
        or ``back``) keeps the total as it was and says that a few more may come instead."""
        number, more = self.number, self.at_most_more
        estimate = number + more
        over = self.total is not None and estimate > self.total
        if not over:
            self.total = estimate
        return Progress(number=number, total=self.total, more=more, over=over)

    @property
    def to_go(self) -> int:
        """The questions still to come, the current one included, as the progress shows them:
        the shown total less the questions asked (the bound itself once it is over it)."""
        progress = self.progress()
        if progress.over:
            return progress.more + 1
        return progress.total - progress.number + 1

    @property
    def settled(self) -> bool:
        """Is the choice made (nothing left to ask can change it)?"""
        return self.plan.stage != EVIDENCE

    def changes_scores(self, qid: str) -> bool:
        """Could this question's answer still move a score of the stage that decides? (The
        earlier stages are closed: the planner opened each only once nothing could change it.)"""
        stage = self.decision.decided_by
        return any(w.rule.scores and w.rule.stage == stage for w in self.waiting_on(qid))

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

    def change(self, qid: str) -> None:
        """Ask ``qid`` now: its answer, if any, and everything that rested on it are withdrawn
        until it is answered again (``back`` for any question)."""
        question = self.catalog.get(qid)  # an unknown id is an InputError with did-you-mean
        if qid in self.answers:
            self.history.remove(qid)
            self.withdrawn[qid] = self.answers.pop(qid)
            self.evaluate()
        self._forced = question.id

    def result(self, meta: dict | None = None) -> Result:
        """The same Result ``ccadvisor advise`` gives for these answers (a fresh two-stage run)."""
        return advise(self.known_answers(), meta, engine=self.engine, assumptions=self.assumptions)


