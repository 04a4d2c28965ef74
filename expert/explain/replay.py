"""``ccadvisor replay``: one consultation as frames a trainer steps through on a projector.

The engine runs once with two listeners. Before each firing the agenda is taken (with its
conflict-resolution keys, exactly as the step REPL's ``agenda`` shows it); after each firing
the facts it added and the running standing. The decision between the two runs is a frame of
its own. Every frame also says which parts of the reasoning graph exist by then, so the page
can fade what is still to come and mark the firing. No terminal and no HTML here: the page is
``templates/replay.html.j2``.
"""
from __future__ import annotations

from expert.explain.memory import agenda_model, fact_ref
from expert.explain.standing import engine_standing, stage
from expert.explain.stepping import decision_model
from expert.i18n import current
from expert.reasoning.advisor import advise
from expert.reasoning.engine import AdvisorEngine, fact_id
from expert.reasoning.facts import Recommended, Stage
from expert.report.graph import graph_svg, reasoning_graph
from rules import rule_index


class _Recorder:
    """The engine's listeners: one frame per firing, plus the start and each decision.

    A decision frame is whatever the program declared between firings (the decision step's
    Recommended facts today; any fact that no firing added), so a decision taken in several
    steps shows as several frames without this module knowing their classes.
    """

    def __init__(self):
        self.frames: list[dict] = []
        self._pending = None   # the frame of the firing under way (agenda taken, facts to come)
        self._known: set = set()  # fact ids already in a frame

    def _unseen(self, engine, keep=lambda fact: True) -> list:
        """Facts in no frame yet (those ``keep`` accepts), now taken into one."""
        new = [f for f in engine.facts_in_order() if fact_id(f) not in self._known and keep(f)]
        self._known.update(fact_id(f) for f in new)
        return new

    def start(self, engine, waiting) -> None:
        """The first frame: what was declared before the first firing, and the agenda."""
        self.frames.append({"kind": "start", "step": 0, "stage": stage(engine),
                            # when the need stage fired nothing, decisions are in too: not yet
                            "declared": [fact_ref(f) for f in self._unseen(
                                engine, lambda f: not isinstance(f, (Recommended, Stage)))],
                            "agenda": agenda_model(engine, waiting)["agenda"],
                            "standing": engine_standing(engine)})

    def before_firing(self, engine, waiting) -> bool:
        if not self.frames:
            self.start(engine, waiting)
        self.decision(engine)
        meta = rule_index()[waiting[0].rule]
        self._pending = {"kind": "firing", "step": len(engine.firings) + 1, "rule": meta.id,
                         "title": meta.title, "topic": meta.topic, "source": meta.seed,
                         "quote": meta.quote, "gloss": meta.gloss, "stage": stage(engine),
                         "matched": [fact_ref(f) for f in waiting[0].facts],
                         "agenda": agenda_model(engine, waiting)["agenda"]}
        return True

    def on_firing(self, engine, firing) -> None:
        facts = {fact_id(f): f for f in engine.facts_in_order()}
        self._known.update(firing.added_ids)
        self.frames.append({**self._pending,
                            "added": [fact_ref(facts[i]) for i in firing.added_ids],
                            "standing": engine_standing(engine)})

    def decision(self, engine) -> None:
        """A frame for the facts the program declared since the last look, if any."""
        declared = self._unseen(engine)
        if declared:
            chosen = [f["option"] for f in declared
                      if isinstance(f, Recommended) and f["rank"] == "chosen"]
            self.frames.append({"kind": "decision", "step": len(engine.firings),
                                "stage": "decision", "declared": [fact_ref(f) for f in declared],
                                "chosen": chosen[0] if chosen else "",
                                "standing": engine_standing(engine)})


def _graph_steps(model: dict, result) -> dict:
    """SVG element id -> the step from which it exists (0: from the start): nodes by what added
    them, edges by the later of their two ends."""
    firing_of = {f.rule: f.step for f in result.firings}
    added_at = {}
    for f in result.firings:
        for fact in f.added:
            ref = fact.get("name") or fact.get("item")
            kind = "finding" if fact["fact"] == "Finding" else "advice"
            if ref and fact["fact"] in ("Finding", "Advice"):
                added_at.setdefault((kind, ref), f.step)
    node_step = {}
    for n in model["nodes"]:
        key = (n["kind"], n["ref"])
        node_step[n["id"]] = (firing_of[n["ref"]] if n["kind"] == "rule"
                              else added_at.get(key, 0))
    steps = {f"node_{n['kind']}_{n['ref']}": node_step[n["id"]] for n in model["nodes"]}
    for e in model["edges"]:
        steps[f"edge_{e['source']}_{e['target']}"] = max(node_step[e["source"]],
                                                          node_step[e["target"]])
    return steps


def replay_model(answers: dict, meta: dict | None = None, assumptions: dict | None = None) -> dict:
    recorder = _Recorder()
    engine = AdvisorEngine()
    engine.before_firing = recorder.before_firing
    engine.on_firing = lambda firing: recorder.on_firing(engine, firing)
    result = advise(answers, meta, engine=engine, assumptions=assumptions)
    if not recorder.frames:  # no rule fired at all: still a start, then the decision
        recorder.start(engine, [])
    recorder.decision(engine)  # when no follow-up rule fired after it
    frames = recorder.frames
    model = reasoning_graph(result)
    return {
        "lang": current(),  # the page's <html lang>
        "client": (meta or {}).get("client", ""),
        "description": (meta or {}).get("description", ""),
        "frames": frames,
        "firings": len(result.firings),
        "decision": decision_model(result.decision),
        "graph_svg": graph_svg(result, links=False, final_scores=False) or "",
        "graph_steps": _graph_steps(model, result),
    }
