"""Step mode's model: the agenda and the newly added facts before each firing, as plain dicts.

Like CLIPS's ``(run 1)`` + ``(agenda)`` + ``(watch facts)``: the engine calls the step listener
(``AdvisorEngine(before_firing=...)``) with the waiting activations, next to fire first; a
``Stepper`` turns that into a model for ``templates/step.txt.j2``. It knows nothing of
terminals: commands/stepping.py reads the keys and prints.

The advise pipeline runs the engine stage by stage, with the decision in between
(expert/reasoning/advisor.py). The decision is not a rule firing, so the Stepper shows it as a
step of its own: when a ``Stage`` fact it declared first appears (a stage decided, the next
opened), and when the ``Recommended`` facts appear (the recommendation), the snapshot carries the
decision, worked out by the same ``decide`` on the same facts.
"""
from __future__ import annotations

from expert.inputs.catalog import load_catalog
from expert.reasoning.advisor import decide_on
from expert.reasoning.decision import Decision
from expert.reasoning.engine import fact_as_dict, fact_id
from expert.reasoning.facts import Recommended, Stage
from expert.reasoning.options import load_options, load_stages
from rules import rule_index


def fact_row(fact: dict) -> dict:
    """A fact dict (``fact_as_dict``) with, for answers, the answer's wording."""
    row = dict(fact)
    if fact["fact"] == "Answer" and fact["question"] in load_catalog():
        row["label"] = load_catalog().get(fact["question"]).label(fact["value"])
    return row


def decision_model(decision: Decision, opening: str | None = None, final: bool = True) -> dict:
    """The decision step as a class sees it: each stage reached, its options' net scores (for
    and against), its outcome; then either the stage it opens or the recommendation."""
    options, stages = load_options(), load_stages()
    return {
        "final": final,
        "opening": opening,
        "opening_label": stages[opening].label if opening else "",
        "option": decision.option,
        "label": options[decision.option].label,
        "decided_by": decision.decided_by,
        "runner_up": decision.runner_up,
        "close_call": decision.close_call,
        "later": decision.later,
        "confidence": decision.confidence,
        "level": decision.level,
        "tie": list(decision.tie),
        "no_evidence": decision.no_evidence,
        "stages": [{"stage": st.stage, "label": stages[st.stage].label, "winner": st.winner,
                    "outcome": st.outcome, "tie": list(st.tie), "assessed": st.assessed,
                    "options": [{"option": s.option, "net": s.net, "for": s.for_,
                                 "against": s.against, "excluded": bool(s.excluded)}
                                for s in st.standings]}
                   for st in decision.stages if st.stage != opening],
        "scores": [{"option": o, "score": decision.scores.get(o, 0)} for o in decision.ranking],
    }


def derived_model(firings) -> list[dict]:
    """What the firings so far derived, in order: for the view after a stop."""
    return [{"step": f.step, "rule": f.rule, "title": rule_index()[f.rule].title,
             "added": [fact_row(a) for a in f.added]} for f in firings]


class Stepper:
    """Remembers which facts were already shown, across steps and across engine resets."""

    def __init__(self):
        self._facts = None      # the engine's fact list last seen; reset() replaces it
        self._shown = set()     # fact ids already shown from that list
        self.decision_shown = False
        self.steps = 0
        self._fired = 0         # firings already accounted for in a shown step

    def snapshot(self, engine, activations) -> dict:
        """The step model: decision (if just taken), facts added since last step, the agenda."""
        if engine.facts is not self._facts:  # a fresh run after reset(): every fact is new
            self._facts, self._shown, self.decision_shown = engine.facts, set(), False
            self._fired = 0
        new = [f for f in engine.facts_in_order() if fact_id(f) not in self._shown]
        self._shown.update(fact_id(f) for f in new)
        decision = None
        opened = [f["name"] for f in new if isinstance(f, Stage)]
        if not self.decision_shown and any(isinstance(f, Recommended) for f in new):
            decision = decision_model(decide_on(engine))
            self.decision_shown = True
        elif opened:  # a stage decided, and the next one opened for its rules to fire
            decision = decision_model(decide_on(engine), opening=opened[-1], final=False)
        self.steps += 1
        fired = engine.firings[self._fired:]  # more than one after run N or a breakpoint
        self._fired = len(engine.firings)
        return {
            "step": len(engine.firings) + 1,
            "fired": [{"step": f.step, "rule": f.rule} for f in fired] if len(fired) > 1 else [],
            "decision": decision,
            "added": [fact_row(fact_as_dict(f)) for f in new],
            "agenda": [self._activation_row(a) for a in activations],
        }

    @staticmethod
    def _activation_row(activation) -> dict:
        meta = rule_index()[activation.rule]
        return {"rule": meta.id, "title": meta.title, "salience": activation.salience,
                "source": meta.seed,
                "matched": [fact_row(fact_as_dict(f)) for f in activation.facts]}
