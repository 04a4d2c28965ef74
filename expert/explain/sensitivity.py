"""Sensitivity: the smallest changes to the answers that would flip the recommendation.

A fast screen (``Screen``) applies the rules' own conditions to changed answers; every flip it
finds is confirmed by the real pipeline (``expert.reasoning.advisor.advise``).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from expert.explain.tipping import rule_bounds, tipping_points
from expert.explain.whynot import apply_changes, change_rows, compare
from expert.inputs.catalog import load_catalog
from expert.reasoning.advisor import advise, figure_dicts
from expert.reasoning.conditions import conditions_of, questions_of
from expert.reasoning.decision import decide
from expert.reasoning.options import load_options
from rules import all_rules


def candidate_values(question, current) -> list:
    """The values worth trying for one question, other than its current one.

    Numbers are only tried at the bounds the rules test and one unit below each (the smallest
    whole step across the line), never at invented values; a number that every rule would judge
    exactly as the current one is skipped because it cannot change anything.
    """
    if question.type == "yes_no":
        values = ["yes", "no"]
    elif question.type == "choice":
        values = list(question.choice_ids)
    else:
        bounds = rule_bounds(question.id)
        values = []
        for b in bounds:
            for v in (b - 1, b):
                if question.min <= v <= question.max and v not in values:
                    values.append(int(v) if question.integer else v)

        def side(v):
            return tuple(v is not None and v >= b for b in bounds)
        values = [v for v in values if current is None or side(v) != side(current)]
    values = [v for v in values if v != current]
    if current is not None:
        values.append(None)
    return values


@lru_cache(maxsize=1)
def _scoring_rules() -> tuple:
    """(meta, direct conditions, findings needed) of every rule that adds evidence or findings.

    Follow-up rules (on ``Recommended``) are left out: they only add advice, never scores.
    """
    rules = []
    for meta in all_rules():
        conditions = conditions_of(meta)
        if any(c.fact == "Recommended" for c in conditions) or not (meta.scores or meta.finds):
            continue
        direct = tuple(c for c in conditions if c.fact in ("Answer", "Figure"))
        # Findings and opened stages are both derived: a rule waits for all of them.
        needs = frozenset((c.fact, c.subject) for c in conditions if c.fact in ("Finding", "Stage"))
        rules.append((meta, direct, needs))
    return tuple(rules)


@lru_cache(maxsize=1)
def _figure_questions() -> tuple:
    """The answers figures can depend on: their inputs and any rate a client's answer overrides."""
    from expert.numbers.assumptions import load_assumptions
    from expert.numbers.figures import FIGURE_INPUTS
    catalog = load_catalog()
    used = {q for inputs in FIGURE_INPUTS.values() for q in inputs} | set(load_assumptions())
    return tuple(q.id for q in catalog if q.id in used or q.type == "number")


class Screen:
    """The decision the engine would reach on changed answers, by the rules' own conditions.

    The same conditions (expert.reasoning.conditions), the same figures and the same scoring as the
    engine, without building experta's agenda; only the rules that read a changed answer (or a
    figure that changed) are re-checked, then findings are chained to a fixed point. Fast enough
    to try every pair of changes. Every flip it finds is confirmed by the real engine, and the
    tests check it agrees with the engine on every single change of every bundled example.
    """

    def __init__(self, answers: dict, assumptions: dict | None = None):
        self.answers = dict(answers)
        self.assumptions = assumptions
        self.rules = _scoring_rules()
        self.readers: dict[str, set] = {}
        self.figure_readers = set()
        for i, (_meta, direct, _needs) in enumerate(self.rules):
            for c in direct:
                if c.fact == "Answer":
                    self.readers.setdefault(c.subject, set()).add(i)
                else:
                    self.figure_readers.add(i)
        self._figures_cache = {}
        self._decisions = {}
        self.base_figures = self._figures(self.answers)
        self.base_direct = [self._direct(i, self.answers, self.base_figures)
                            for i in range(len(self.rules))]

    def _figures(self, answers: dict, assumptions: dict | None = None) -> dict:
        rates = self.assumptions if assumptions is None else assumptions
        key = (tuple((q, answers.get(q)) for q in _figure_questions()),
               None if rates is None else tuple(sorted(rates.items())))
        if key not in self._figures_cache:
            self._figures_cache[key] = figure_dicts(answers, rates)
        return self._figures_cache[key]

    def _direct(self, i: int, answers: dict, figures: dict) -> bool:
        for c in self.rules[i][1]:
            if c.fact == "Answer":
                if c.subject not in answers or not c.holds({"value": answers[c.subject]}):
                    return False
            elif c.subject not in figures or not c.holds(figures[c.subject]):
                return False
        return True

    def figures_on(self, assumptions: dict) -> dict:
        """The figures the screen's answers give on other rates (remembered like its own)."""
        return self._figures(self.answers, assumptions)

    def decision(self, changes=(), assumptions: dict | None = None) -> tuple[str, dict]:
        """(option, scores) after the (question, value) changes (None as value removes), the
        figures computed on ``assumptions`` when given (else on the screen's own rates)."""
        answers = dict(self.answers)
        for qid, value in changes:
            if value is None:
                answers.pop(qid, None)
            else:
                answers[qid] = value
        figures = self._figures(answers, assumptions)
        touched = set().union(*(self.readers.get(q, ()) for q, _ in changes))
        if figures != self.base_figures:
            touched |= self.figure_readers
        direct = list(self.base_direct)
        for i in touched:
            direct[i] = self._direct(i, answers, figures)
        derived, fired = {("Stage", "need")}, set()
        able = [i for i, ok in enumerate(direct) if ok]  # the rest can never fire on these answers
        while True:
            progress = True
            while progress:  # forward chaining to a fixed point: findings may enable more rules
                progress = False
                for i in able:
                    meta, _direct, needs = self.rules[i]
                    if i not in fired and needs <= derived:
                        fired.add(i)
                        derived.update(("Finding", name) for name in meta.finds)
                        progress = True
            decision = self._decided(fired, figures, [s for f, s in derived if f == "Stage"])
            if decision.opens is None:  # as the advisor does: open the next stage, run on
                return decision.option, decision.scores
            derived.add(("Stage", decision.opens))

    def _decided(self, fired: set, figures: dict, reached: list):
        """``decide`` on the fired rules' conclusions. Most changes tried leave the same rules
        firing, so decisions are remembered by what they rest on: the rules, the stages
        reached, and which figure rules rested on assumed rates."""
        assumed = frozenset(i for i in fired if i in self.figure_readers and any(
            c.fact == "Figure" and figures[c.subject]["source"] == "assumption"
            for c in self.rules[i][1]))
        key = (frozenset(fired), frozenset(reached), assumed)
        if key not in self._decisions:
            # The findings the hybrid and the vetoes read (a core, a side stream, a centre
            # the client runs), as the advisor passes them.
            findings = {name for i in fired for name in self.rules[i][0].finds}
            self._decisions[key] = decide(*self._conclusions(fired, figures), reached=reached,
                                          findings=findings)
        return self._decisions[key]

    def _conclusions(self, fired, figures) -> tuple[list, list]:
        """The evidence and vetoes of the fired rules, evidence marked assumed as the engine
        marks it (the rule matched a figure resting on assumed rates)."""
        evidence, exclusions = [], []
        for i in sorted(fired):
            meta, direct, _ = self.rules[i]
            assumed = any(c.fact == "Figure" and figures[c.subject]["source"] == "assumption"
                          for c in direct)
            votes, vetoes = meta.votes("assumed" if assumed else "answers")
            evidence += votes
            exclusions += vetoes
        return evidence, exclusions


SHOWN_FLIPS = 10  # a consultant needs a few ways the answer could turn, not hundreds


def sensitivity(answers: dict, pairs: bool = True, assumptions: dict | None = None) -> dict:
    """The smallest answer changes (one, then pairs) that change the recommendation, the figures
    computed on ``assumptions`` (default: the bundled example rates).

    Only questions some rule reads are varied. Pairs (of two different questions) are tried
    only when no single change flips the result. Candidates are screened with ``Screen``; the
    flips shown (the first SHOWN_FLIPS in questionnaire order) are each confirmed by a run of the
    real pipeline, and the total says how many the screen found.
    """
    base = advise(answers, assumptions=assumptions)
    winner = base.decision.option
    screen = Screen(answers, assumptions)
    read = {q for meta in all_rules() for q in questions_of(meta)}
    singles = [((q.id, value),) for q in load_catalog() if q.id in read
               for value in candidate_values(q, answers.get(q.id))]
    flips, found = [], 0

    def try_all(candidates):
        nonlocal found
        for changes in candidates:
            if screen.decision(changes)[0] == winner:
                continue
            found += 1
            if len(flips) < SHOWN_FLIPS:
                result = advise(apply_changes(answers, changes), assumptions=assumptions)
                if result.decision.option != winner:
                    flips.append(_flip_row(answers, changes, base, result))

    try_all(singles)
    tipping = tipping_points(answers, base.assumptions, screen, winner)
    size, paired = 1, []
    if not found and pairs:
        size = 2
        paired = [(a[0], b[0]) for a, b in combinations(singles, 2) if a[0][0] != b[0][0]]
        try_all(paired)
    return {
        "recommendation": winner,
        "label": load_options()[winner].label,
        "margin": base.decision.margin,
        "size": size if flips else 0,
        "found": found,
        "flips": flips,
        "tipping": tipping,
        "tried_single": len(singles),
        "tried_pairs": len(paired),
    }


def _flip_row(answers, changes, base, result) -> dict:
    diff = compare(base, result)
    return {"changes": change_rows(answers, changes), "option": diff["after"]["option"],
            "label": diff["after"]["label"], "tie": diff["after"]["tie"],
            "scores": diff["scores"], "newly_fired": diff["newly_fired"],
            "no_longer_fired": diff["no_longer_fired"]}


