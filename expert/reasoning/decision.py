"""From evidence to a recommendation: scores, ranking, margin, confidence, close calls.

Scores are plain sums of evidence weights per option - the simplest rule a class can check by
hand. How ties and near-ties are handled (this tool's policy, not the seeds'):

* Exact tie at the top: the tied options are ranked in the order of data/options.yaml (the one
  that commits the business to less first), ``tie`` lists them, and the report says so.
* Close call: when the margin between the first two is at most ``CLOSE_MARGIN`` the runner-up
  is declared too, so its follow-up advice is given, and the report shows both sides.
* No evidence at all: the first option in tie order, confidence 0, and the report says that
  nothing the client answered bore on the choice.

Confidence is the margin relative to the evidence behind the first two options,
``margin / (|top| + |second|)`` (0 when there is no evidence), in [0, 1]; its level is "high"
at 0.5 and above, "medium" from 0.2, "low" below that or on a close call.
"""
from __future__ import annotations

from dataclasses import dataclass

from expert.reasoning.options import option_ids

CLOSE_MARGIN = 1


@dataclass(frozen=True)
class Decision:
    option: str
    scores: dict            # option -> score, in option order
    ranking: tuple          # options, best first
    margin: int
    confidence: float
    level: str
    tie: tuple              # options tied at the top (empty unless there is a tie)
    close_call: bool
    runner_up: str | None   # declared only on a close call
    no_evidence: bool


def decide(evidence: list) -> Decision:
    """``evidence``: Evidence facts (or dicts) with ``option`` and ``weight``."""
    order = option_ids()
    scores = {option: 0 for option in order}
    for item in evidence:
        scores[item["option"]] += item["weight"]
    ranking = tuple(sorted(order, key=lambda o: (-scores[o], order.index(o))))
    top, second = ranking[0], ranking[1]
    margin = scores[top] - scores[second]
    spread = abs(scores[top]) + abs(scores[second])
    confidence = round(margin / spread, 2) if spread else 0.0
    tie = tuple(o for o in ranking if scores[o] == scores[top]) if margin == 0 else ()
    no_evidence = not evidence
    close_call = not no_evidence and margin <= CLOSE_MARGIN
    if close_call or confidence < 0.2:
        level = "low"
    else:
        level = "high" if confidence >= 0.5 else "medium"
    return Decision(option=top, scores=scores, ranking=ranking, margin=margin,
                    confidence=confidence, level=level, tie=tie, close_call=close_call,
                    runner_up=second if close_call else None, no_evidence=no_evidence)
