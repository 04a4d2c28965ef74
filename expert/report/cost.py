"""The ``ccadvisor cost`` report model: the cost model plus the option labels and sources."""
from __future__ import annotations

from expert.numbers.cost import OPTIONS, cost_model
from expert.reasoning.options import load_options


def cost_report(answers: dict, meta: dict | None = None, assumptions: dict | None = None,
                months: int | None = None, assumptions_source: str = "") -> dict:
    """The cost model plus what a report needs around it: client, option labels, sources."""
    labels = {o: load_options()[o].label for o in OPTIONS}
    model = cost_model(answers, assumptions, months)
    for option in model["options"]:
        option["label"] = labels[option["option"]]
    meta = meta or {}
    return {"client": meta.get("client", ""), "description": meta.get("description", ""),
            "assumptions_source": assumptions_source, **model}
