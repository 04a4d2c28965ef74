"""The running standing of the options and the stage of the run, read from working memory.

The one place the step REPL, the watch trace and the replay page get scores and stages from,
so a change to how the decision weighs evidence (decision.py) is picked up everywhere at once.
The standing is the decision over what the engine has derived so far: the stages opened (the
``Stage`` facts the decision step declared), their evidence and their vetoes.
"""
from __future__ import annotations

from expert.reasoning.advisor import decide_on
from expert.reasoning.facts import Recommended
from expert.reasoning.options import load_options

FOLLOW_UP = "follow-up"


def standing(decision) -> list[dict]:
    """Every option of every stage the decision covers, the stages in order and each stage's
    options best first, with its net score, and whether a veto has excluded it."""
    options = load_options()
    return [{"option": s.option, "label": options[s.option].label, "score": s.net,
             "stage": st.stage, "excluded": bool(s.excluded)}
            for st in decision.stages for s in st.standings]


def engine_standing(engine) -> list[dict]:
    return standing(decide_on(engine))


def stage(engine) -> str:
    """The stage being decided (need, sourcing: the last one opened) until the decision
    step has declared its Recommended facts, then ``follow-up``."""
    if engine.facts_of(Recommended):
        return FOLLOW_UP
    return decide_on(engine).stages[-1].stage
