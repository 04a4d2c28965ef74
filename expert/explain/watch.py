"""``advise --watch facts,rules,activations``: CLIPS's watch, as events while the engine runs.

The engine's two listeners feed a ``Watcher``: ``on_firing`` gives each firing from the engine's
own record (rule, matched fact ids, added facts and their ids); ``before_firing`` gives the
agenda, and the activations that appeared or went since the last look are its difference. Facts
declared from outside the rules (answers, figures, the decision's Recommended) are reported when
the watcher next looks, or at ``finish``. Events are plain dicts for ``templates/watch.txt.j2``;
printing them (to stderr) is the command's business.
"""
from __future__ import annotations

from expert.errors import InputError, did_you_mean
from expert.explain.memory import fact_ref
from expert.i18n import gettext as _
from expert.reasoning.engine import fact_id

WATCHABLE = ("facts", "rules", "activations")


def parse_watch(text: str) -> frozenset:
    """``facts,rules`` -> the items to watch; ``all`` is all three."""
    items = [item.strip().lower() for item in text.split(",") if item.strip()]
    if items == ["all"]:
        return frozenset(WATCHABLE)
    for item in items:
        if item not in WATCHABLE:
            expected = _(": expected {items} or all").format(items=", ".join(WATCHABLE))
            raise InputError(_("--watch: unknown item '{item}'").format(item=item)
                             + did_you_mean(item, WATCHABLE, expected))
    if not items:
        raise InputError(_("--watch: expected {items} or all").format(items=", ".join(WATCHABLE)))
    return frozenset(items)


def _key(activation) -> tuple:
    return activation.rule, tuple(fact_id(f) for f in activation.facts)


class Watcher:
    def __init__(self, items, emit):
        self.items = frozenset(items)
        self.emit = emit                # called with a list of events, as they happen
        self._facts = None              # the engine's fact list last seen; reset() replaces it
        self._shown: set = set()        # fact ids already reported
        self._agenda: dict = {}         # activation key -> Pending, as last seen

    def _sync(self, engine) -> None:
        if engine.facts is not self._facts:
            self._facts, self._shown, self._agenda = engine.facts, set(), {}

    def _new_facts(self, engine, declared: bool) -> list[dict]:
        """Facts not reported yet; ``declared`` when they come from outside the rules (answers,
        figures, the decision), which the trace heads with a line of its own."""
        new = [f for f in engine.facts_in_order() if fact_id(f) not in self._shown]
        self._shown.update(fact_id(f) for f in new)
        if "facts" not in self.items or not new:
            return []
        head = [{"event": "declared", "count": len(new)}] if declared else []
        return head + [{"event": "fact", **fact_ref(f)} for f in new]

    def before_firing(self, engine, waiting) -> bool:
        self._sync(engine)
        events = self._new_facts(engine, declared=True)
        now = {_key(a): a for a in waiting}
        if "activations" in self.items:
            events += [{"event": "deactivated", "rule": r, "ids": list(ids)}
                       for (r, ids) in self._agenda if (r, ids) not in now]
            events += [{"event": "activated", "rule": a.rule, "ids": list(k[1]),
                        "salience": a.salience} for k, a in now.items() if k not in self._agenda]
        self._agenda = now
        if events:
            self.emit(events)
        return True

    def on_firing(self, engine, firing) -> None:
        self._sync(engine)
        self._agenda.pop((firing.rule, tuple(firing.matched_ids)), None)  # fired, not withdrawn
        events = []
        if "rules" in self.items:
            events.append({"event": "fire", "step": firing.step, "rule": firing.rule,
                           "ids": list(firing.matched_ids)})
        events += self._new_facts(engine, declared=False)
        if events:
            self.emit(events)

    def finish(self, engine) -> None:
        """Whatever was declared after the last look (the decision, when no rule follows it)."""
        self._sync(engine)
        events = self._new_facts(engine, declared=True)
        if events:
            self.emit(events)
