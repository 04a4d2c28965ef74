"""The consultation pipeline: answers in, an explained Result out.

One engine, run stage by stage with the decision step in between:
1. the answers (and figures computed from them) are declared and the engine runs: the need
   stage's rules (seed 003's questionnaire) add evidence, and finding rules add findings;
2. ``decide`` weighs the need stage; when its outcome calls for the next stage, the stage is
   opened (``Stage(name="sourcing")``) and the engine runs on: only then do that stage's rules
   fire. Vetoes (``Exclusion``) take options out with a cited reason;
3. the decision is declared (``Recommended``) and the engine runs again: follow-up rules add
   advice for the recommended option (and the runner-up, and the option for later).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from expert.inputs.catalog import load_catalog
from expert.inputs.values import answer_values
from expert.numbers.assumptions import load_assumptions
from expert.numbers.figures import figure_details, source_of
from expert.reasoning.decision import Decision, decide
from expert.reasoning.engine import AdvisorEngine, Firing
from expert.reasoning.facts import (
    Advice,
    Answer,
    Evidence,
    Exclusion,
    Figure,
    Finding,
    Recommended,
    Stage,
)
from expert.reasoning.options import option_ids


@dataclass
class Result:
    answers: dict                  # normalised, in catalog order
    firings: list[Firing]
    decision: Decision
    evidence: list[dict]           # {"option", "weight", "rule"} in firing order
    advice: list[dict]             # {"item", "rule"} in firing order
    exclusions: list = field(default_factory=list)  # {"option", "rule", "scope"}: the vetoes
    meta: dict = field(default_factory=dict)
    # The rates the figures rest on (load_assumptions: the bundled examples, with --assumptions
    # FILE over them), and the figures the rules read, with their arithmetic (figure_details):
    # the report, the cost table and the sensitivity search take both from here, so every
    # number on the page is the one the rules used.
    assumptions: dict = field(default_factory=dict)
    figures: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def shared_engine() -> AdvisorEngine:
    """One engine per process: building the Rete network is the slow part; reset() is cheap."""
    return AdvisorEngine()


def answer_facts(answers: dict) -> list:
    """Answer facts in catalog order, so fact ids (and so the firing order) never vary: one
    per choice of a multi-choice answer, in the question's order."""
    catalog = load_catalog()
    return [Answer(question=q.id, value=value) for q in catalog if q.id in answers
            for value in answer_values(answers[q.id])]


def figure_dicts(answers: dict, assumptions: dict | None = None, details: dict | None = None) -> dict:
    """name -> {"value", "source"} for every figure the answers allow, in name order, on the
    ``assumptions`` given (default: the bundled rates), or from ``figure_details`` already
    computed."""
    if details is None:
        details = figure_details(answers, assumptions)  # the cost model behind it is the costly part
    return {name: {"value": details[name]["value"], "source": source_of(details[name])}
            for name in sorted(details)}


def figure_facts(answers: dict | None = None, figures: dict | None = None,
                 assumptions: dict | None = None) -> list:
    """Figure facts (from the answers on ``assumptions``, or from ``figure_dicts`` already
    computed), in name order."""
    figures = figure_dicts(answers, assumptions) if figures is None else figures
    return [Figure(name=name, **figures[name]) for name in sorted(figures)]


def reached_stages(engine) -> list:
    return ["need", *(f["name"] for f in engine.facts_of(Stage))]


def decide_on(engine) -> Decision:
    """The decision over what the engine has derived so far."""
    return decide(engine.facts_of(Evidence), engine.facts_of(Exclusion), reached_stages(engine),
                  engine.facts_of(Finding))


def run_stages(engine, hold=None) -> Decision:
    """Run the engine stage by stage: each time the decision calls for the next stage, open it
    (declare ``Stage``) and run on. ``hold(decision)`` may keep the next stage closed (the
    consultation does, while questions of the current stage can still change its outcome)."""
    engine.run()
    while True:
        decision = decide_on(engine)
        if decision.opens is None or (hold is not None and hold(decision)):
            return decision
        engine.declare(Stage(name=decision.opens))
        engine.run()


def recommendation_facts(decision: Decision) -> tuple:
    """The Recommended facts the decision step declares: the chosen option, the runner-up when
    it is named, and the long-run favourite excluded only for now. On a tie every tied option
    is declared as tied (each gets its follow-up advice, none is chosen); with no evidence at
    all, nothing is."""
    if decision.no_evidence:
        return ()
    if decision.tie:
        return tuple({"option": o, "rank": "tied"} for o in decision.tie
                     if o in option_ids())
    facts = ({"option": decision.option, "rank": "chosen"},)
    if decision.runner_up:
        facts += ({"option": decision.runner_up, "rank": "runner_up"},)
    if decision.later:
        facts += ({"option": decision.later, "rank": "later"},)
    return facts


def advise(answers: dict, meta: dict | None = None, engine: AdvisorEngine | None = None,
           assumptions: dict | None = None) -> Result:
    """Run a consultation on already validated answers (see Catalog.validate), its figures
    computed on ``assumptions`` (load_assumptions(FILE); default: the bundled example rates)."""
    engine = engine or shared_engine()
    engine.reset()
    assumptions = load_assumptions() if assumptions is None else assumptions
    details = figure_details(answers, assumptions)
    engine.declare(*answer_facts(answers),
                   *figure_facts(figures=figure_dicts(answers, details=details)))
    decision = run_stages(engine)
    engine.declare(*(Recommended(**fact) for fact in recommendation_facts(decision)))
    engine.run()
    return Result(
        answers=dict(answers),
        firings=list(engine.firings),
        decision=decision,
        evidence=[{k: f[k] for k in ("option", "weight", "rule", "basis")}
                  for f in engine.facts_of(Evidence)],
        advice=[{"item": f["item"], "rule": f["rule"]} for f in engine.facts_of(Advice)],
        exclusions=[{k: f[k] for k in ("option", "rule", "scope")}
                    for f in engine.facts_of(Exclusion)],
        meta=dict(meta or {}),
        assumptions=assumptions,
        figures=details,
    )
