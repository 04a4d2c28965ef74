"""The running standing of the options and the stage of the run, read from working memory.

The one place the step REPL, the watch trace and the replay page get scores and stages from,
so a change to how the decision weighs evidence (decision.py) is picked up everywhere at once.
"""
from __future__ import annotations

from expert.reasoning.decision import decide
from expert.reasoning.facts import Evidence, Recommended
from expert.reasoning.options import load_options

EVIDENCE, FOLLOW_UP = "evidence", "follow-up"


def standing(evidence: list) -> list[dict]:
    """Options best first with their scores so far, from Evidence facts (or their dicts)."""
    decision, options = decide(evidence), load_options()
    return [{"option": o, "label": options[o].label, "score": decision.scores[o]}
            for o in decision.ranking]


def engine_standing(engine) -> list[dict]:
    return standing(engine.facts_of(Evidence))


def stage(engine) -> str:
    """``evidence`` until the decision step has declared its Recommended facts, then
    ``follow-up`` (the second run, on the decision)."""
    return FOLLOW_UP if engine.facts_of(Recommended) else EVIDENCE
