"""The planner: which question to ask next. Pure functions of the rules and what is known.

After every answer the consultation (expert/interview/consultation.py) runs the engine, and the
planner reads the rules' declarative conditions (expert/reasoning/conditions.py):

* a rule is *open* when it has not fired and none of its conditions is contradicted by what is
  known (an answer given, a question skipped, a figure computed, the current recommendation);
* its *pending questions* are its unanswered Answer subjects, the unanswered inputs of its Figure
  conditions (expert/numbers/figures.FIGURE_INPUTS), and, for a Finding not yet derived, the pending
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

from dataclasses import dataclass, field, replace

from expert.inputs.catalog import load_catalog
from expert.numbers.figures import FIGURE_INPUTS, FIGURE_RATES
from expert.reasoning.conditions import Condition, conditions_of
from expert.reasoning.decision import TIERS, Decision, tier_of
from expert.reasoning.options import forbidden_by, load_stages, option_ids
from rules import all_rules

EVIDENCE, FOLLOW_UP, DONE = "evidence", "follow-up", "done"

@dataclass(frozen=True)
class Known:
    """What the planner may rely on after a run."""
    answers: dict                      # question id -> normalised value
    skipped: frozenset = frozenset()   # questions answered "unknown"
    figures: dict = field(default_factory=dict)   # name -> {"value", "source"}
    findings: frozenset = frozenset()
    stages: frozenset = frozenset({"need"})       # the stages opened so far
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


def _pending(meta, known: Known, rules, seen=frozenset(), foresee=False):
    """{question id: (Waiting, ...)} a rule waits on, or None when it can no longer fire.

    ``foresee``: also the rates a condition on a figure's source will wait on once the figure
    is computed (for the bound on the questions left; the planner asks for the inputs first)."""
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
                figure = known.figures[cond.subject]
                if cond.holds(figure):
                    continue
                # A rule on where the figure comes from waits on the rates the client has not
                # given yet: giving one changes the figure's source (and its value).
                rates = [q for q in FIGURE_RATES.get(cond.subject, ())
                         if q not in known.answers and q not in known.skipped]
                if not rates or "source" not in dict(cond.tests):
                    return None
                for qid in rates:
                    pending.setdefault(qid, []).append(Waiting(meta, cond))
                continue
            inputs = FIGURE_INPUTS.get(cond.subject, ())
            missing = [q for q in inputs if q not in known.answers]
            if not missing or any(q in known.skipped or q not in load_catalog() for q in inputs):
                return None  # the figure cannot be computed from what is or can be known
            if foresee and "source" in dict(cond.tests):
                missing += [q for q in FIGURE_RATES.get(cond.subject, ())
                            if q not in known.answers and q not in known.skipped]
            for qid in missing:
                pending.setdefault(qid, []).append(Waiting(meta, cond))
        elif cond.fact == "Finding":
            if cond.subject in known.findings:
                continue
            reachable = False
            for other in rules:
                if cond.subject not in other.finds or other.id in known.fired or other.id in seen:
                    continue
                sub = _pending(other, known, rules, seen | {meta.id}, foresee)
                if sub:
                    reachable = True
                    for qid in sub:
                        pending.setdefault(qid, []).append(Waiting(meta, None, via=cond.subject))
            if not reachable:
                return None
        elif cond.fact == "Stage":
            if cond.subject not in known.stages:
                return None  # its stage is not open: nothing to ask for it yet
        elif cond.fact == "Recommended":
            if not any(cond.holds(fact) for fact in known.recommended):
                return None
    return {qid: tuple(w) for qid, w in pending.items()}


def contenders(open_rules, stage) -> set:
    """The options of the stage being decided that the open rules could still make win.

    ``stage`` is the decision's StageResult. The ranking goes tier by tier (categorical first,
    then the substantial, then hints), so each option's best case is its net per tier plus every
    positive weight still open for it, in the tier of that weight; the leader's worst case is its
    net per tier plus every negative weight open against it; a challenger is in play when its
    best case reaches the leader's worst, compared as the ranking compares them. An open veto on
    the leader (on the option, or on building a centre it would need) puts every other option in
    play. Rules on the same question exclude each other, and an option that lacks a finding may
    still get it, so this over-estimates: it never stops too early. With no leader (a tie, or
    nothing known yet), every option that has or could get a reason for it is in play.
    """
    standings = {s.option: s for s in stage.standings}
    size = len(TIERS)
    gain = {o: [0] * size for o in standings}
    loss = {o: [0] * size for o in standings}
    vetoed = set()
    for meta in open_rules:
        for option, weight in meta.evidence:
            if option in standings:
                at = TIERS.index(tier_of({"weight": weight}))
                (gain if weight > 0 else loss)[option][at] += weight
        for target, _span in meta.excludes:
            vetoed.update(forbidden_by(target))
    vetoed &= set(standings)
    allowed = {o for o, s in standings.items() if not s.excluded}
    hopeful = {o for o in allowed if standings[o].for_ > 0 or any(gain[o])}
    if len(standings) == len(allowed) == 2:  # between two, against one is a reason for the other
        for o in allowed:
            other = (allowed - {o}).pop()
            if standings[other].against or any(loss[other]):
                hopeful.add(o)
    leader = stage.winner
    if leader is None:
        opened = any(any(g) for g in gain.values()) or any(any(v) for v in loss.values())
        return hopeful if opened or vetoed & allowed else set()
    if leader in vetoed:
        return hopeful - {leader}
    floor = tuple(n + d for n, d in zip(standings[leader].tiers, loss[leader]))
    # ">=": a level score falls to what a lower tier or the certainty factor says.
    return {o for o in hopeful if o != leader
            and tuple(n + g for n, g in zip(standings[o].tiers, gain[o])) >= floor}


def _hopeful(open_rules, stage) -> set:
    """The options of a stage that have, or could still get, a reason for them (with any
    rival's: between two, a reason against one is for the other), whoever leads: unlike the
    contenders, a set that only shrinks as answers come in."""
    standings = {s.option: s for s in stage.standings}
    allowed = {o for o, s in standings.items() if not s.excluded}
    gaining = {o for meta in open_rules for o, weight in meta.evidence if weight > 0}
    hopeful = {o for o in allowed if standings[o].for_ > 0 or o in gaining}
    if len(standings) == len(allowed) == 2 and any(
            standings[o].against or any(o == option and weight < 0 for meta in open_rules
                                        for option, weight in meta.evidence)
            for o in allowed):
        hopeful = set(allowed)
    return hopeful


def _weighs(meta, options) -> int:
    """How much a rule can move the given options: its weights on them, a veto counting 3."""
    return (sum(abs(w) for o, w in meta.evidence if o in options)
            + sum(3 for target, _ in meta.excludes if set(forbidden_by(target)) & set(options)))


def open_rules(known: Known, rules=None, foresee=False) -> dict:
    """{rule id: (meta, {question id: (Waiting, ...)})} of every rule that has not fired and
    can still fire, with what it waits on (``foresee``: see _pending)."""
    rules = all_rules() if rules is None else rules
    states = {}
    for meta in rules:
        if meta.id in known.fired:
            continue
        pending = _pending(meta, known, rules, foresee=foresee)
        if pending:
            states[meta.id] = (meta, pending)
    return states


def plan(known: Known, decision: Decision, rules=None, order=None) -> Plan:
    """What to ask next, given what is known and the current decision.

    While the recommendation is not declared, only questions that can still change the outcome
    of the stage being decided (the last one reached) are asked, most weight on the options in
    play first; a question that can move only options out of the running asks nothing.
    """
    rules = all_rules() if rules is None else rules
    order = order or [q.id for q in load_catalog()]
    states = open_rules(known, rules)

    if not known.recommended:
        stage = decision.stages[-1]
        scoring = [m for m, _ in states.values() if m.scores and not _follows_up(m)]
        in_play = contenders(scoring, stage)
        if in_play:
            if stage.winner:
                in_play.add(stage.winner)
            pending = [(m, states[m.id][1]) for m in scoring if _weighs(m, in_play)]
            if pending:
                return _ranked(EVIDENCE, pending, lambda m: _weighs(m, in_play), order)
        return Plan(stage=FOLLOW_UP)  # nothing left to ask that can change the decision

    # Follow-up stage: only advice can still change, so only advice rules are worth a question.
    advice_rules = [(m, p) for m, p in states.values() if m.advice and not m.scores]
    if advice_rules:
        # A question that still moves a score (though not the choice) comes before those that
        # only shape the advice, so the interview's follow-up part stays one block.
        scoring = {qid for m, p in states.values()
                   if m.scores and m.stage == decision.decided_by for qid in p}
        return _ranked(FOLLOW_UP, advice_rules, lambda m: len(m.advice), order, first=scoring)
    return Plan(stage=DONE)


def waiting_on(qid: str, known: Known, rules=None) -> tuple:
    """Every open rule waiting on a question, whatever the stage, in canonical rule order."""
    return tuple(wait for _, pending in open_rules(known, rules).values()
                 for wait in pending.get(qid, ()))


def _ranked(stage, rule_states, usefulness, order, first=frozenset()) -> Plan:
    score: dict[str, int] = {}
    waiting: dict[str, list] = {}
    for meta, pending in rule_states:
        for qid, waits in pending.items():
            score[qid] = score.get(qid, 0) + usefulness(meta)
            waiting.setdefault(qid, []).extend(waits)
    position = {qid: i for i, qid in enumerate(order)}
    ranked = sorted(score, key=lambda q: (q not in first, -score[q], position.get(q, len(position)), q))
    return Plan(stage=stage, questions=tuple(ranked),
                waiting={q: tuple(waiting[q]) for q in ranked})


RANKS = ("chosen", "runner_up", "later", "tied")  # every rank a Recommended fact can have


def _later_stages(stage, in_play) -> set:
    """The stages that may still open after ``stage`` (a StageResult): those an option still in
    play there opens, and every stage those can open in turn."""
    stages = load_stages()
    later, todo = set(), [stage.stage]
    while todo:
        current = todo.pop()
        for option, following in stages[current].opens if current in stages else ():
            if (current != stage.stage or option in in_play) and following not in later:
                later.add(following)
                todo.append(following)
    return later


def questions_left(known: Known, decision: Decision, rules=None) -> frozenset:
    """Every question the interview could still ask: an honest upper bound on the rest.

    Once the recommendation is declared, the questions of the open advice rules (the only ones
    the follow-up asks). Before, the questions of the scoring rules that weigh an option still
    in play at the stage being decided (the only ones the planner asks there), the questions of
    every rule of a stage that an option in play may still open (its Stage condition taken as
    holding), and the follow-up questions, each follow-up rule's condition on the
    recommendation taken as possible for every option. Answers only close rules and take
    options out of play, so the bound shrinks as the interview goes on; the consultation still
    keeps the total it shows from ever rising (Consultation.progress)."""
    rules = all_rules() if rules is None else rules
    states = open_rules(known, rules, foresee=True)
    if known.recommended:
        return frozenset(qid for meta, pending in states.values()
                         if meta.advice and not meta.scores for qid in pending)
    stage = decision.stages[-1]
    scoring = [m for m, _ in states.values() if m.scores and not _follows_up(m)]
    in_play = _hopeful(scoring, stage)
    left = {qid for meta in scoring if _weighs(meta, in_play) for qid in states[meta.id][1]}
    later = _later_stages(stage, in_play)
    possible = replace(known, stages=known.stages | later,
                       recommended=tuple({"option": o, "rank": rank}
                                         for o in option_ids() for rank in RANKS))
    for meta, pending in open_rules(possible, rules, foresee=True).values():
        if (meta.scores and meta.stage in later) or (meta.advice and not meta.scores):
            left.update(pending)
    return frozenset(left)
