"""The ``ccadvisor cost`` report model: the cost model plus the option labels and sources."""
from __future__ import annotations

from expert.i18n import gettext as _
from expert.numbers.assumptions import EXAMPLE_SOURCE
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
            "assumptions_source": rates_source(assumptions_source), **model}


def rates_source(source: str) -> str:
    """Where the rates come from, as the report names it: the bundled example rates in the
    output's language (the msgid is EXAMPLE_SOURCE), a file the user gave as it is."""
    if source == EXAMPLE_SOURCE:
        return _("bundled EXAMPLE values (data/assumptions.yaml)")
    return source
