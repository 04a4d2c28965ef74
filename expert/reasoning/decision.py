"""From evidence and vetoes to a recommendation, stage by stage, with an honest certainty.

The stages (data/options.yaml) are **need** (no dedicated handling, or dedicated: seed 003's
questionnaire) and then **sourcing** (own home-based operators, an own centre, an outsourced one,
or a hybrid: every article's own-versus-external comparisons). Each stage is decided on its own
evidence only; the sourcing stage is opened (the advisor declares ``Stage``) only when the need
stage's outcome calls for it, so it never outvotes the need stage. Within a stage:

* **Vetoes first.** An option with an ``Exclusion`` cannot win; it is shown as excluded, with the
  rule that excluded it. A veto forbids an option itself, or *building* an own centre: that one
  excludes every option that would need a centre built (data/options.yaml ``builds``: the own
  centre, and the hybrid's own core), unless the client runs an own centre already (the finding
  ``own_centre_runs``): keeping a centre is not building one. An option excluded only "for now"
  that still has the best standing is the long-run favourite (``later``): a staged plan.
* **An option exists only where its requirements hold**: the hybrid needs a core for an own team
  and a side stream for an outsourcer (``requires``: findings). Without them it is shown as out
  of reach, naming what it lacks.
* **Only an option the evidence favours can win.** Candidates are the options allowed with more
  evidence for them than against (or, in a stage of two options, evidence against the other).
  With none, the one option left wins by elimination; otherwise the stage is *undecided* between
  the options left or, when no answer bore on it at all, *not assessed*: the next stage opens, as
  the client's questions presume, and the report says so. The last stage has nothing after it to
  presume, so there it is undecided.
* **Ranking follows the strength of the wording, tier by tier** (data/options.yaml
  ``strengths``): the net of the categorical statements first, then of the recommendations and
  argued factors, then of the hints, then of the evidence resting on assumed rates. So a
  categorical statement is outweighed only by another categorical one (or a veto), hints decide
  only among options the stronger evidence leaves level, and a figure on assumed rates never
  outvotes the client's own answers. Equal keys at the top are a tie: no option order breaks it.

Certainty is MYCIN/EMYCIN's: each piece of evidence carries the certainty factor of its wording
(categorical 0.8, recommendation or argued 0.5, hint 0.2: this tool's assumption); for and
against combine as ``1 - (1 - a)(1 - b)``, except that the tiers below a strength together never
reach one statement of it (``caps``: hints at most 0.45, everything below categorical at most
0.75), so twelve hints never outweigh «однозначно». An option's CF is ``(for - against) / (1 -
min(for, against))``. A stage's certainty is the winner's CF compared with each allowed rival on
the evidence that tells the two apart (``compared``: a statement for own people at home or in a
centre speaks for both, and says nothing between them), the lowest of them, in [0, 1]; when the
vetoes left no rival, it is what the evidence against the winner leaves; the recommendation's
certainty is the lowest over the stages that decided it. It is high only when nothing
substantial (weight 2 or more) speaks against the winner, nor for a rival still allowed, even
where that evidence tells no two options apart. Adding evidence for the winner never lowers it,
adding evidence against never raises it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from expert.reasoning.options import (
    ASSUMED_TIER,
    BUILDING,
    OWN_CENTRE_RUNS,
    builders,
    caps,
    certainty_factors,
    load_options,
    load_stages,
    option_ids,
    stage_options,
    tiers,
)

CLOSE_MARGIN = 1     # a net margin of one hint or less is a close call
SUBSTANTIAL = 2      # evidence of this weight or more is more than a hint
HIGH, MEDIUM = 0.5, 0.2
TIERS = (1, 2, 3, ASSUMED_TIER)


@dataclass(frozen=True)
class Standing:
    """One option at its stage: the evidence for and against it, kept apart."""
    option: str
    for_: int                   # sum of the positive weights
    against: int                # sum of the negative weights, as a positive number
    net: int                    # for - against, answers and assumed together
    tiers: tuple                # the net per tier: categorical, substantial, hints, assumed
    cf_for: float
    cf_against: float
    cf: float
    excluded: tuple = ()        # ((rule, scope), ...)
    strongest_against: int = 0  # the largest single weight against it
    unmet: tuple = ()           # the requirements (findings) it lacks for this client

    @property
    def net_answers(self) -> int:
        """The part of the net resting on the client's answers."""
        return sum(self.tiers[:3])

    @property
    def key(self) -> tuple:
        """Ranking: the net of each tier in turn (categorical, substantial, hints, assumed),
        then the certainty factor (which prefers fewer, stronger arguments among equals)."""
        return (*self.tiers, self.cf)

    @property
    def allowed(self) -> bool:
        return not self.excluded and not self.unmet


@dataclass(frozen=True)
class StageResult:
    stage: str
    standings: tuple            # Standing per option, best first (out of the running last)
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
    unmet: dict = field(default_factory=dict)      # option -> (finding, ...) it lacks

    def stage(self, stage_id: str) -> StageResult | None:
        return next((s for s in self.stages if s.stage == stage_id), None)


def combine(factors) -> float:
    """MYCIN's parallel combination of certainty factors of one sign."""
    remaining = 1.0
    for factor in factors:
        remaining *= 1.0 - factor
    return 1.0 - remaining


def tiered(factors_by_tier: dict, strongest: int = 1) -> float:
    """The combined certainty factor of one side's evidence, tier by tier from the weakest: where
    evidence of tier ``strongest`` stands in the comparison, the tiers from ``t`` (below it) down
    combine to at most ``caps()[t]``, below one statement of tier t-1. Hints alone, with nothing
    stronger on either side, combine freely: there is nothing for them to outweigh."""
    limits = caps()
    total = 0.0
    for tier in sorted(TIERS, reverse=True):
        total = combine([*factors_by_tier.get(tier, ()), total])
        if tier in limits and tier > strongest:
            total = min(total, limits[tier])
    return total


def _strongest(*sides: dict) -> int:
    """The strongest tier present on any side of a comparison (the largest when none is)."""
    return min((t for side in sides for t, factors in side.items() if factors), default=max(TIERS))


def certainty_of(cf_for: float, cf_against: float) -> float:
    """EMYCIN's net certainty factor of an option from its for and against parts."""
    if cf_for == cf_against:
        return 0.0
    return (cf_for - cf_against) / (1.0 - min(cf_for, cf_against))


def tier_of(evidence: dict) -> int:
    """The tier a piece of evidence counts in: its wording's, or below every answer when it rests
    on assumed rates."""
    if evidence.get("basis", "answers") == "assumed":
        return ASSUMED_TIER
    return tiers()[min(abs(evidence["weight"]), 3)]


def _factors_by_tier(evidence) -> dict[int, list]:
    """The certainty factors of ``evidence`` (of one side), by the tier each piece counts in."""
    factors, by_tier = certainty_factors(), {}
    for e in evidence:
        by_tier.setdefault(tier_of(e), []).append(factors[min(abs(e["weight"]), 3)])
    return by_tier


def _standing(option: str, evidence: list, excluded: tuple, unmet: tuple) -> Standing:
    mine = [e for e in evidence if e["option"] == option]
    net = dict.fromkeys(TIERS, 0)
    for e in mine:
        net[tier_of(e)] += e["weight"]
    pos = _factors_by_tier(e for e in mine if e["weight"] > 0)
    neg = _factors_by_tier(e for e in mine if e["weight"] < 0)
    strongest = _strongest(pos, neg)
    cf_for, cf_against = tiered(pos, strongest), tiered(neg, strongest)
    return Standing(
        option=option, for_=sum(e["weight"] for e in mine if e["weight"] > 0),
        against=-sum(e["weight"] for e in mine if e["weight"] < 0),
        net=sum(e["weight"] for e in mine), tiers=tuple(net[t] for t in TIERS),
        cf_for=round(cf_for, 4), cf_against=round(cf_against, 4),
        cf=round(certainty_of(cf_for, cf_against), 4), excluded=excluded,
        strongest_against=max((-e["weight"] for e in mine if e["weight"] < 0), default=0),
        unmet=unmet)


def vetoes_of(option: str, exclusions: list, findings) -> tuple:
    """The vetoes that hold against ``option``: those that forbid it, and those that forbid
    building an own centre when it needs one and the client runs none."""
    builds = option in builders() and OWN_CENTRE_RUNS not in findings
    return tuple((x["rule"], x["scope"]) for x in exclusions
                 if x["option"] == option or (x["option"] == BUILDING and builds))


def unmet_of(option: str, findings) -> tuple:
    return tuple(r.finding for r in load_options()[option].requires if r.finding not in findings)


def decide_stage(stage: str, evidence: list, exclusions: list, findings=frozenset()) -> StageResult:
    options = stage_options(stage)
    mine = [e for e in evidence if e["option"] in options]
    vetoes = {o: vetoes_of(o, exclusions, findings) for o in options}
    standings = [_standing(o, mine, vetoes[o], unmet_of(o, findings)) for o in options]
    allowed = [s for s in standings if s.allowed]
    # Only an option the evidence favours can win: more for it than against it, or - in a stage
    # of two options - evidence against the other, which is then a reason for this one. Both are
    # read as the ranking reads them: tier by tier.
    zero = (0,) * len(TIERS)
    binary = len(options) == 2
    candidates = [s for s in allowed if s.tiers > zero or (
        binary and s.tiers >= zero and any(o.against for o in allowed if o is not s))]
    assessed = bool(mine) or any(vetoes.values())
    ranked = tuple(sorted(standings, key=lambda s: (not s.allowed, tuple(-k for k in s.key),
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
        tie = tuple(s.option for s in ranked if s.allowed)
    certainty, opposed, tension = 0.0, False, False
    if winner:
        won = next(s for s in standings if s.option == winner)
        rivals = [s.option for s in allowed if s.option != winner]
        if rivals:  # the winner against each rival, on what tells the two apart
            pairs = [compared(mine, winner, rival) for rival in rivals]
            certainty = min(1.0, max(0.0, min(p.cf for p in pairs)))
        else:  # the vetoes left nothing else: only what speaks against it can shake it
            certainty, pairs = 1.0 - won.cf_against, []
        # Substantial evidence against the winner is a tension even where it speaks against
        # every rival too and so tells them not apart: it is shown, never cancelled away.
        opposed = won.against > 0 or any(p.against for p in pairs)
        tension = won.strongest_against >= SUBSTANTIAL or any(
            e["weight"] >= SUBSTANTIAL for p in pairs for e in p.against)
    return StageResult(stage=stage, standings=ranked, winner=winner, tie=tie, assessed=assessed,
                       by_elimination=by_elimination, certainty=round(certainty, 2),
                       opposed=opposed, tension=tension)


@dataclass(frozen=True)
class Comparison:
    """One option against another, on the evidence that tells the two apart: a statement that
    speaks for both (own people, at home or in a centre) or against both says nothing between
    them. ``for_`` and ``against`` hold the evidence, each with a positive weight."""
    option: str
    rival: str
    for_: tuple
    against: tuple
    cf: float


def compared(evidence: list, option: str, rival: str) -> Comparison:
    """``option`` against ``rival``: what speaks for it or against the rival, and what speaks
    for the rival or against it, each rule once, and the EMYCIN factor of the two sides."""
    def votes(who):
        return {(e["rule"], e["weight"] > 0): e for e in evidence if e["option"] == who}
    mine, theirs = votes(option), votes(rival)
    pro = [e for key, e in mine.items() if key[1] and key not in theirs] + [
        {**e, "weight": -e["weight"]} for key, e in theirs.items() if not key[1] and key not in mine]
    con = [e for key, e in theirs.items() if key[1] and key not in mine] + [
        {**e, "weight": -e["weight"]} for key, e in mine.items() if not key[1] and key not in theirs]
    pro_tiers, con_tiers = _factors_by_tier(pro), _factors_by_tier(con)
    strongest = _strongest(pro_tiers, con_tiers)
    return Comparison(option=option, rival=rival, for_=tuple(pro), against=tuple(con),
                      cf=round(certainty_of(tiered(pro_tiers, strongest),
                                            tiered(con_tiers, strongest)), 4))


def decide(evidence: list, exclusions: list = (), reached=("need",), findings=()) -> Decision:
    """The decision over the stages reached so far (the advisor opens the next one while
    ``opens`` names it). ``evidence``: dicts or facts with option, weight (and basis);
    ``exclusions``: option (or "building"), rule, scope; ``findings``: the names of the
    findings derived (an own centre runs; the hybrid's core and side streams)."""
    evidence = [dict(option=e["option"], weight=e["weight"], rule=e["rule"],
                     basis=e.get("basis", "answers")) for e in evidence]
    exclusions = [dict(option=x["option"], rule=x["rule"], scope=x["scope"]) for x in exclusions]
    findings = frozenset(f if isinstance(f, str) else f["name"] for f in findings)
    stages, opens = [], None
    for stage_id in load_stages():
        if stage_id not in reached:
            break
        result = decide_stage(stage_id, evidence, exclusions, findings)
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
        # A stage outcome in a tie (dedicated) stands for what it became further on, when a
        # later stage decided that; else it stays itself ("dedicated handling").
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
              if s.option != option and s.allowed and load_options()[s.option].final]
    runner = rivals[0] if rivals and rivals[0].for_ > 0 else None
    won = next((s for s in deciding.standings if s.option == option), None)
    margin = (won.net - runner.net) if won and runner else (won.net if won else 0)
    close_call = bool(runner) and not deciding.tie and _close(won, runner)
    no_evidence = not evidence and not exclusions
    if deciding.tie or no_evidence:
        level = "low"
    elif certainty >= HIGH and not tension and not close_call:
        level = "high"
    else:
        level = "medium" if certainty >= MEDIUM and not close_call else "low"
    later = None
    if won:  # the long-run favourite: excluded only for now, with at least as good a case as the winner
        waiting = [s for s in deciding.standings if s.excluded and not s.unmet and s.for_ > 0
                   and all(scope == "for_now" for _, scope in s.excluded) and s.key >= won.key]
        later = waiting[0].option if waiting else None
    order = [option, *(s.option for s in deciding.standings if load_options()[s.option].final)]
    ranking = tuple(dict.fromkeys([*order, *finals]))
    excluded = {s.option: s.excluded for st in stages for s in st.standings if s.excluded}
    unmet = {s.option: s.unmet for st in stages for s in st.standings if s.unmet}
    return Decision(
        option=option, decided_by=deciding.stage, stages=stages, scores=scores, ranking=ranking,
        margin=margin, confidence=round(certainty, 2), level=level, tie=tie,
        close_call=close_call, runner_up=runner.option if runner and (close_call or tension) else None,
        no_evidence=no_evidence, excluded=excluded, later=later, tension=tension, opens=opens,
        unmet=unmet)


def _close(won: Standing, runner: Standing) -> bool:
    """A close call: the two are level on every tier but the one that separates them, and there
    by no more than one hint's weight."""
    for mine, theirs in zip(won.tiers, runner.tiers):
        if mine != theirs:
            return mine - theirs <= CLOSE_MARGIN
    return True
