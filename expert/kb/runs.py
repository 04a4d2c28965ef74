"""The kb checks that run the engine: every rule really fires, and every run terminates.

Answers satisfying a rule's Answer conditions are constructed, Findings are chained through a
rule that finds them, and rules that wait for a ``Recommended`` option or a computed Figure are
searched for over the bundled examples and seeded random answer sets.
"""
from __future__ import annotations

import random

from expert.errors import InputError
from expert.i18n import gettext as _
from expert.inputs.catalog import Catalog
from expert.inputs.examples import example_names, load_example
from expert.kb.listing import stage_name
from expert.kb.problem import Problem
from expert.reasoning.advisor import advise
from expert.reasoning.conditions import conditions_of
from expert.reasoning.engine import build_engine
from expert.reasoning.options import load_stages, option_ids, stage_options
from rules.groups import CORE, SIDE_STREAM


class Unsatisfiable(Exception):
    """No answer set can satisfy a rule's conditions (the message says why)."""


def satisfying_value(question, test):
    """A valid answer to ``question`` that passes ``test``, or Unsatisfiable."""
    if test.op == "==":
        candidates = [test.expected]
    elif test.op == "in":
        candidates = list(test.expected)
    elif test.op in (">=", ">", "<"):
        bound = test.expected
        step = 1 if question.integer or float(bound).is_integer() else abs(bound) / 10 or 1
        nearby = {">=": [bound], ">": [bound + step], "<": [bound - step]}[test.op]
        candidates = nearby + [v for v in (question.min, question.max) if v is not None]
    else:
        raise Unsatisfiable(_("cannot construct an answer for the test {test!r}").format(test=test.text))
    for value in candidates:
        try:
            normalised = question.validate(value)
        except InputError:
            continue
        if normalised is not None and test.holds(normalised):
            return normalised
    raise Unsatisfiable(_("no valid answer to '{question}' is {test}")
                        .format(question=question.id, test=test.text))


def required_answers(meta, metas, catalog: Catalog, _chain=()) -> dict:
    """Answers that satisfy the rule's Answer conditions and, through other rules, its Findings."""
    if meta.id in _chain:
        raise Unsatisfiable(_("its findings chain back to itself"))
    answers: dict = {}

    def merge(qid, value):
        if qid in answers and answers[qid] != value:
            raise Unsatisfiable(_("needs '{question}' to be both {first} and {second}")
                                .format(question=qid, first=answers[qid], second=value))
        answers[qid] = value

    for condition in conditions_of(meta):
        if condition.fact == "Answer":
            if condition.subject not in catalog:
                raise Unsatisfiable(_("reads unknown question '{question}'")
                                    .format(question=condition.subject))
            merge(condition.subject, satisfying_value(catalog.get(condition.subject), condition.value_test))
        elif condition.fact == "Finding":
            reasons = []
            for finder in (m for m in metas if condition.subject in m.finds):
                try:
                    chained = required_answers(finder, metas, catalog, (*_chain, meta.id))
                    if all(answers.get(q, v) == v for q, v in chained.items()):
                        for qid, value in chained.items():
                            merge(qid, value)
                        break
                except Unsatisfiable as why:
                    reasons.append(str(why))
            else:
                raise Unsatisfiable(_("no rule can find '{finding}'").format(finding=condition.subject)
                                    + (f" ({reasons[0]})" if reasons else ""))
    return answers


def needs_search(meta) -> bool:
    """Rules waiting for the decision step (a stage opened, a recommendation) or for a computed
    figure cannot be satisfied from their own answers alone."""
    return any(c.fact in ("Recommended", "Figure", "Stage") for c in conditions_of(meta))


def interesting_numbers(question, metas) -> list:
    """Numbers worth trying for a number question: its range ends, rule thresholds, round values."""
    values = {question.min, question.max}
    for meta in metas:
        for condition in conditions_of(meta):
            test = condition.value_test
            if test is not None and test.op in (">=", ">", "<") and isinstance(test.expected, (int, float)):
                values.update({test.expected - 1, test.expected, test.expected + 1})
    values.update(10 ** k for k in range(10))
    values.update(5 * 10 ** k for k in range(9))
    fits = sorted(v for v in values if v is not None and question.min <= v <= question.max)
    return [int(v) if question.integer else v for v in fits]


def random_answer_sets(catalog: Catalog, metas, count: int, seed: int) -> list[dict]:
    """``count`` reproducible answer sets; each question answered with probability 0.7."""
    rng = random.Random(seed)
    numbers = {q.id: interesting_numbers(q, metas) for q in catalog if q.type == "number"}
    sets = []
    for _run in range(count):
        answers = {}
        for q in catalog:
            if rng.random() >= 0.7:
                continue
            if q.type == "yes_no":
                answers[q.id] = rng.choice(("yes", "no"))
            elif q.type == "choice":
                answers[q.id] = rng.choice(q.choice_ids)
            elif numbers[q.id]:
                answers[q.id] = rng.choice(numbers[q.id])
        sets.append(answers)
    return sets


def example_answer_sets() -> list[dict]:
    return [load_example(name)[0] for name in example_names()]


class Runner:
    """Runs answer sets through one engine with a firing cap, remembering what fired."""

    def __init__(self, rulesets, cap: int):
        self.cap, self.capped = cap, False
        self.seen: set = set()  # every rule that fired in any run so far
        self.reached: set = set()        # every stage reached
        self.outcomes: set = set()       # (stage, winner) of every stage decided
        self.recommended: set = set()    # every option recommended
        self.effective_vetoes: set = set()  # veto rules that took out an option with support
        self.hybrid_without: list = []   # (answers, what it lacked) of a hybrid advised anyway
        self.engine = build_engine(rulesets, before_firing=self._before_firing)

    def _before_firing(self, engine, _activations):
        if len(engine.firings) >= self.cap:
            self.capped = True
            return False
        return True

    def fired(self, answers: dict) -> set:
        """The rules that fired; none when the advisor refuses the set as a whole (InputError,
        e.g. numbers each in range but together beyond a calculator) - that set proves nothing."""
        self.capped = False
        try:
            result = advise(answers, engine=self.engine)
        except InputError:
            return set()
        fired = {f.rule for f in result.firings}
        self.seen |= fired
        decision = result.decision
        for stage in decision.stages:
            self.reached.add(stage.stage)
            if stage.winner:
                self.outcomes.add((stage.stage, stage.winner))
            self.effective_vetoes.update(
                rule for s in stage.standings if s.for_ > 0 for rule, _ in s.excluded)
        if not decision.tie and not decision.no_evidence:
            self.recommended.add(decision.option)
            if decision.option == "hybrid":
                found = {f["name"] for firing in result.firings for f in firing.added
                         if f["fact"] == "Finding"}
                lacking = [need for need in (CORE, SIDE_STREAM) if need not in found]
                if lacking:
                    self.hybrid_without.append((answers, lacking))
        return fired


def check_fires(metas, catalog: Catalog, runner: Runner, candidates: list[dict]) -> list[Problem]:
    """A rule already seen firing (in the termination runs) is proven; the others are given
    answers built from their conditions, and searched for over ``candidates`` when they wait for
    the decision step or a figure."""
    problems = []
    for meta in metas:
        if meta.id in runner.seen:
            continue
        try:
            required = required_answers(meta, metas, catalog)
        except Unsatisfiable as why:
            problems.append(Problem("fires", meta.id, _("can never fire: {why}").format(why=why)))
            continue
        tries = [{**c, **required} for c in candidates] if needs_search(meta) else [required]
        if not any(meta.id in runner.fired(answers) for answers in tries):
            problems.append(Problem("fires", meta.id,
                                    _("did not fire on any of {count} answer sets that satisfy "
                                      "its answer conditions").format(count=len(tries))))
    return problems


def check_termination(runner: Runner, answer_sets: list[dict]) -> list[Problem]:
    for number, answers in enumerate(answer_sets, 1):
        runner.fired(answers)
        if runner.capped:
            return [Problem("termination", _("answer set {number}").format(number=number),
                            _("the engine was still firing after {cap} firings")
                            .format(cap=runner.cap))]
    return []


def check_stages(runner: Runner) -> list[Problem]:
    """Every stage is reached, every option of it wins, and every final option is recommended,
    in some run of the examples and the random answer sets."""
    problems = []
    for stage in load_stages():
        if stage not in runner.reached:
            problems.append(Problem("stages", stage, _("no answer set reaches this stage")))
            continue
        for option in stage_options(stage):
            if (stage, option) not in runner.outcomes:
                problems.append(Problem("stages", option,
                                        _("never wins the {stage} stage in any answer set")
                                        .format(stage=stage_name(stage))))
    problems += [Problem("stages", option, _("is never recommended in any answer set"))
                 for option in option_ids() if option not in runner.recommended]
    return problems


def check_hybrid_core(runner: Runner) -> list[Problem]:
    """No run recommended the hybrid without a core for an own team and a side stream for an
    outsourcer: seed 000's mixed model keeps part of the work in-house and gives the rest out."""
    if not runner.hybrid_without:
        return []
    answers, lacking = runner.hybrid_without[0]
    return [Problem("requirements", "hybrid", _(
        "recommended without {lacking} in {count} answer sets, e.g. {answers}").format(
            lacking=", ".join(lacking), count=len(runner.hybrid_without),
            answers=", ".join(f"{q}={v}" for q, v in sorted(answers.items())[:6])))]


def check_vetoes(metas, catalog: Catalog, runner: Runner, candidates: list[dict]) -> list[Problem]:
    """Every veto takes effect: in some run it excludes an option that had evidence for it.
    Vetoes not yet seen doing so are tried on each candidate answer set with their own
    conditions' answers added (as check_fires searches)."""
    problems = []
    for meta in metas:
        if not meta.excludes or meta.id in runner.effective_vetoes:
            continue
        try:
            required = required_answers(meta, metas, catalog)
        except Unsatisfiable:
            continue  # check_fires reports it
        for answers in candidates:
            runner.fired({**answers, **required})
            if meta.id in runner.effective_vetoes:
                break
        else:
            problems.append(Problem("vetoes", meta.id,
                                    _("never excluded an option that had anything for it, in "
                                      "{count} answer sets that satisfy its conditions")
                                    .format(count=len(candidates))))
    return problems
