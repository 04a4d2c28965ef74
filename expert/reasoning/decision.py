"""From evidence and vetoes to a recommendation, stage by stage, with an honest certainty.

The stages are seed 003's order (data/options.yaml): **need** (no dedicated handling, or
dedicated), then **form** (a home-based team, or a contact centre), then **sourcing** (own,
outsourced or hybrid). Each stage is decided on its own evidence only; a later stage is opened
(the advisor declares ``Stage``) only when the earlier one's outcome calls for it, so it can never
outvote the earlier one. Within a stage:

* **Vetoes first.** An option with an ``Exclusion`` cannot win; it is shown as excluded, with the
  rule that excluded it. An option excluded only "for now" that still has the best standing is
  the long-run favourite (``later``): the advice becomes a staged plan.
* **Only an option the evidence favours can win.** Candidates are the options not excluded with
  more evidence for them than against (or, in a stage of two options, evidence against the
  other). With none, the one option left by the vetoes wins by elimination; otherwise the stage
  is *undecided* between the options left or, when no answer bore on it at all, *not assessed*:
  the next stage opens, as the client's questions presume, and the report says so. The last
  stage has nothing after it to presume, so there it is undecided.
* **Ranking:** by the net score (sum of weights) of evidence from the client's answers; evidence
  resting on figures computed from assumed rates only breaks what the answers leave level, so it
  never outvotes the answers. Equal keys at the top are a tie: no option order breaks it.

Certainty is MYCIN/EMYCIN's: each piece of evidence carries the certainty factor of its wording
(options.yaml: categorical 0.8, recommendation 0.5, hint 0.2, this tool's assumption); for and
against combine as ``1 - (1 - a)(1 - b)``; an option's CF is ``(for - against) / (1 - min(for,
against))``. A stage's certainty is the winner's CF less the best allowed rival's (if positive),
in [0, 1]; when the vetoes left no rival, it is what the evidence against the winner leaves;
the recommendation's certainty is the lowest over the stages that decided it. It is high only when
nothing substantial (weight 2 or more) speaks against the winner or for a rival that is still
allowed. Adding evidence for the winner never lowers it, adding evidence against never raises it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from expert.reasoning.options import (
    certainty_factors,
    load_options,
    load_stages,
    option_ids,
    stage_options,
)

CLOSE_MARGIN = 1     # a net margin of one hint or less is a close call
SUBSTANTIAL = 2      # evidence of this weight or more is more than a hint
HIGH, MEDIUM = 0.5, 0.2


@dataclass(frozen=True)
class Standing:
    """One option at its stage: the evidence for and against it, kept apart."""
    option: str
    for_: int                   # sum of the positive weights
    against: int                # sum of the negative weights, as a positive number
    net: int                    # for - against, answers and assumed together
    net_answers: int            # the part resting on the client's answers
    cf_for: float
    cf_against: float
    cf: float
    excluded: tuple = ()        # ((rule, scope), ...)
    strongest_against: int = 0  # the largest single weight against it

    @property
    def key(self) -> tuple:
        """Ranking: the answers' net score, then the assumed figures' (which so never outvote
        the answers), then the certainty factor (which prefers fewer, stronger arguments over
        many weak ones of the same sum)."""
        return (self.net_answers, self.net - self.net_answers, self.cf)


@dataclass(frozen=True)
class StageResult:
    stage: str
    standings: tuple            # Standing per option, best first (excluded last)
    winner: str | None          # None when tied or not assessed
    tie: tuple = ()
    assessed: bool = False      # did any evidence or veto bear on this stage?
    by_elimination: bool = False
    certainty: float = 0.0      # the winner's CF less the best allowed rival's, in [0, 1]
    opposed: bool = False       # anything at all against the winner, or for an allowed rival
    tension: bool = False       # substantial evidence against the winner or for a rival

    @property
    def doubt(self) -> float:
        """What this stage takes away from a recommendation decided at a later stage: nothing
        when its outcome was unopposed (or not assessed), else as much as its own certainty
        falls short. So a later stage's certainty is not diluted by an earlier stage that merely
        confirmed the way, and strong evidence for a rival there still lowers it."""
        return 1.0 - self.certainty if self.opposed and self.winner else (
            1.0 if self.tie else 0.0)

    def standing(self, option: str) -> Standing:
        return next(s for s in self.standings if s.option == option)

    @property
    def outcome(self) -> str | None:
        """The option the pipeline goes on with: the winner, or the one that opens the next
        stage when this stage was not assessed (what the client's questions presume)."""
        if self.winner:
            return self.winner
        if not self.assessed or self.tie:
            opens = load_stages()[self.stage].opens
            return opens[0][0] if opens else None
        return None


@dataclass(frozen=True)
class Decision:
    option: str                 # the recommendation (on a tie: the first tied, and ``tie`` says so)
    decided_by: str             # the stage that decided it
    stages: tuple               # StageResult per stage reached, in order
    scores: dict                # option -> net score, every option of every stage reached
    ranking: tuple              # the final options, recommendation first
    margin: int
    confidence: float           # the certainty, in [0, 1]
    level: str                  # "high", "medium", "low"
    tie: tuple                  # options tied for the recommendation (empty unless tied)
    close_call: bool
    runner_up: str | None       # named on a close call or a real tension
    no_evidence: bool
    excluded: dict = field(default_factory=dict)   # option -> ((rule, scope), ...)
    later: str | None = None    # the long-run favourite, excluded only for now
    tension: bool = False
    opens: str | None = None    # the next stage the advisor must open before this is final

    def stage(self, stage_id: str) -> StageResult | None:
        return next((s for s in self.stages if s.stage == stage_id), None)


def combine(factors) -> float:
    """MYCIN's parallel combination of certainty factors of one sign."""
    remaining = 1.0
    for factor in factors:
        remaining *= 1.0 - factor
    return 1.0 - remaining


def certainty_of(cf_for: float, cf_against: float) -> float:
    """EMYCIN's net certainty factor of an option from its for and against parts."""
    if cf_for == cf_against:
        return 0.0
    return (cf_for - cf_against) / (1.0 - min(cf_for, cf_against))


def _standing(option: str, evidence: list, excluded: tuple) -> Standing:
    factors = certainty_factors()
    weights = [(e["weight"], e.get("basis", "answers")) for e in evidence if e["option"] == option]
    pos = [w for w, _ in weights if w > 0]
    neg = [-w for w, _ in weights if w < 0]
    cf_for = combine(factors[min(w, 3)] for w in pos)
    cf_against = combine(factors[min(w, 3)] for w in neg)
    return Standing(
        option=option, for_=sum(pos), against=sum(neg), net=sum(w for w, _ in weights),
        net_answers=sum(w for w, basis in weights if basis == "answers"),
        cf_for=round(cf_for, 4), cf_against=round(cf_against, 4),
        cf=round(certainty_of(cf_for, cf_against), 4), excluded=excluded,
        strongest_against=max(neg, default=0))


def decide_stage(stage: str, evidence: list, exclusions: list) -> StageResult:
    options = stage_options(stage)
    mine = [e for e in evidence if e["option"] in options]
    vetoes = {o: tuple((x["rule"], x["scope"]) for x in exclusions if x["option"] == o)
              for o in options}
    standings = [_standing(o, mine, vetoes[o]) for o in options]
    allowed = [s for s in standings if not s.excluded]
    # Only an option the evidence favours can win: more for it than against it, or - in a stage
    # of two options - evidence against the other, which is then a reason for this one.
    binary = len(options) == 2
    # "More for than against" is read as the ranking reads it: the answers first, the figures
    # on assumed rates only where the answers are level.
    candidates = [s for s in allowed if s.key[:2] > (0, 0) or (
        binary and s.key[:2] >= (0, 0) and any(o.against for o in allowed if o is not s))]
    assessed = bool(mine) or any(vetoes.values())
    ranked = tuple(sorted(standings, key=lambda s: (bool(s.excluded), tuple(-k for k in s.key),
                                                    options.index(s.option))))
    final_stage = not load_stages()[stage].opens
    winner, tie, by_elimination = None, (), False
    if candidates:
        best = max(s.key for s in candidates)
        top = [s.option for s in ranked if s in candidates and s.key == best]
        winner, tie = (top[0], ()) if len(top) == 1 else (None, tuple(top))
    elif len(allowed) == 1 and assessed:
        winner, by_elimination = allowed[0].option, True
    elif assessed or final_stage:
        # Nothing favours any option left: undecided between them (at the last stage, even
        # when no answer bore on it: there is no later stage to presume).
        tie = tuple(s.option for s in ranked if not s.excluded)
    certainty, opposed, tension = 0.0, False, False
    if winner:
        won = next(s for s in standings if s.option == winner)
        rivals = [s for s in allowed if s.option != winner]
        rival_cf = max((max(0.0, s.cf) for s in rivals), default=0.0)
        if rivals:
            certainty = min(1.0, max(0.0, won.cf - rival_cf))
        else:  # the vetoes left nothing else: only what speaks against it can shake it
            certainty = 1.0 - won.cf_against
        opposed = won.against > 0 or rival_cf > 0
        tension = won.strongest_against >= SUBSTANTIAL or any(
            e["weight"] >= SUBSTANTIAL for e in mine if e["option"] in {s.option for s in rivals})
    return StageResult(stage=stage, standings=ranked, winner=winner, tie=tie, assessed=assessed,
                       by_elimination=by_elimination, certainty=round(certainty, 2),
                       opposed=opposed, tension=tension)


def decide(evidence: list, exclusions: list = (), reached=("need",)) -> Decision:
    """The decision over the stages reached so far (the advisor opens the next one while
    ``opens`` names it). ``evidence``: dicts or facts with option, weight (and basis);
    ``exclusions``: option, rule, scope."""
    evidence = [dict(option=e["option"], weight=e["weight"], rule=e["rule"],
                     basis=e.get("basis", "answers")) for e in evidence]
    exclusions = [dict(option=x["option"], rule=x["rule"], scope=x["scope"]) for x in exclusions]
    stages, opens = [], None
    for stage_id in load_stages():
        if stage_id not in reached:
            break
        result = decide_stage(stage_id, evidence, exclusions)
        stages.append(result)
        nxt = load_stages()[stage_id].next_after(result.outcome) if result.outcome else None
        if nxt is None:
            break
        if nxt not in reached:
            opens = nxt
            break
    return _recommend(tuple(stages), evidence, exclusions, opens)


def _recommend(stages: tuple, evidence: list, exclusions: list, opens: str | None) -> Decision:
    finals = option_ids()
    last = stages[-1]
    # The stage that decided: the first one whose outcome is a final option or that tied.
    deciding = next((s for s in stages if s.tie or (s.winner and load_options()[s.winner].final)),
                    last)
    tie = ()
    if deciding.tie:
        # A stage outcome in a tie (dedicated, centre) stands for what it became further on,
        # when a later stage decided that; else it stays itself ("dedicated handling").
        became = last.winner if last is not deciding and last.winner else None
        tie = tuple(dict.fromkeys(
            t if load_options()[t].final or became is None else became for t in deciding.tie))
    option = deciding.winner if deciding.winner and load_options()[deciding.winner].final else None
    if option is None:
        option = tie[0] if tie and load_options()[tie[0]].final else (last.winner or finals[0])
    path = [s for s in stages if s.assessed and stages.index(s) <= stages.index(deciding)]
    earlier = [s for s in path if s is not deciding]
    certainty = 0.0 if deciding.tie else min(
        [deciding.certainty, *(1.0 - s.doubt for s in earlier)])
    tension = any(s.tension for s in path)
    scores = {s.option: s.net for st in stages for s in st.standings}
    rivals = [s for s in deciding.standings
              if s.option != option and not s.excluded and load_options()[s.option].final]
    runner = rivals[0] if rivals and rivals[0].for_ > 0 else None
    won = next((s for s in deciding.standings if s.option == option), None)
    margin = (won.net - runner.net) if won and runner else (won.net if won else 0)
    close_call = bool(runner) and not deciding.tie and margin <= CLOSE_MARGIN
    no_evidence = not evidence and not exclusions
    if deciding.tie or no_evidence:
        level = "low"
    elif certainty >= HIGH and not tension and not close_call:
        level = "high"
    else:
        level = "medium" if certainty >= MEDIUM and not close_call else "low"
    later = None
    if won:  # the long-run favourite: excluded only for now, with a better case than the winner
        waiting = [s for s in deciding.standings if s.excluded and s.for_ > 0
                   and all(scope == "for_now" for _, scope in s.excluded) and s.key > won.key]
        later = waiting[0].option if waiting else None
    order = [option, *(s.option for s in deciding.standings if load_options()[s.option].final)]
    ranking = tuple(dict.fromkeys([*order, *finals]))
    excluded = {s.option: s.excluded for st in stages for s in st.standings if s.excluded}
    return Decision(
        option=option, decided_by=deciding.stage, stages=stages, scores=scores, ranking=ranking,
        margin=margin, confidence=round(certainty, 2), level=level, tie=tie,
        close_call=close_call, runner_up=runner.option if runner and (close_call or tension) else None,
        no_evidence=no_evidence, excluded=excluded, later=later, tension=tension, opens=opens)
