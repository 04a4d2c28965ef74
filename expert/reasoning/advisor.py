"""The consultation pipeline: answers in, an explained Result out.

Two runs of the same engine, with the decision step in between:
1. the answers (and figures computed from them) are declared and the engine runs: stage 1 and 2
   rules add evidence and findings;
2. ``decide`` weighs the evidence and declares ``Recommended`` facts;
3. the engine runs again: stage 3 rules add follow-up advice for the recommended option(s).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from expert.inputs.catalog import load_catalog
from expert.reasoning.decision import Decision, decide
from expert.reasoning.engine import AdvisorEngine, Firing
from expert.reasoning.facts import Advice, Answer, Evidence, Figure, Recommended
from expert.numbers.figures import compute_figures


@dataclass
class Result:
    answers: dict                  # normalised, in catalog order
    firings: list[Firing]
    decision: Decision
    evidence: list[dict]           # {"option", "weight", "rule"} in firing order
    advice: list[dict]             # {"item", "rule"} in firing order
    meta: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def shared_engine() -> AdvisorEngine:
    """One engine per process: building the Rete network is the slow part; reset() is cheap."""
    return AdvisorEngine()


def answer_facts(answers: dict) -> list:
    """Answer facts in catalog order, so fact ids (and so the firing order) never vary."""
    catalog = load_catalog()
    return [Answer(question=q.id, value=answers[q.id]) for q in catalog if q.id in answers]


def figure_facts(answers: dict) -> list:
    """Figure facts for every figure the answers allow, in name order."""
    figures = compute_figures(answers)
    return [Figure(name=name, value=figures[name]) for name in sorted(figures)]


def advise(answers: dict, meta: dict | None = None, engine: AdvisorEngine | None = None) -> Result:
    """Run a consultation on already validated answers (see Catalog.validate)."""
    engine = engine or shared_engine()
    engine.reset()
    engine.declare(*answer_facts(answers), *figure_facts(answers))
    engine.run()
    decision = decide(engine.facts_of(Evidence))
    engine.declare(Recommended(option=decision.option, rank="chosen"))
    if decision.runner_up:
        engine.declare(Recommended(option=decision.runner_up, rank="runner_up"))
    engine.run()
    return Result(
        answers=dict(answers),
        firings=list(engine.firings),
        decision=decision,
        evidence=[{k: f[k] for k in ("option", "weight", "rule")} for f in engine.facts_of(Evidence)],
        advice=[{"item": f["item"], "rule": f["rule"]} for f in engine.facts_of(Advice)],
        meta=dict(meta or {}),
    )
