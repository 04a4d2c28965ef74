"""The ``ccadvisor cost`` report model: the cost model plus the option labels and sources."""
from __future__ import annotations

from expert.i18n import gettext as _
from expert.numbers.assumptions import EXAMPLE_SOURCE, load_assumptions
from expert.numbers.cost import OPTIONS, cost_model, staged_plan
from expert.numbers.leverage import deciding_rates
from expert.reasoning.options import load_options


def cost_report(answers: dict, meta: dict | None = None, assumptions: dict | None = None,
                months: int | None = None, assumptions_source: str = "",
                plan: tuple | None = None) -> dict:
    """The cost model plus what a report needs around it: client, option labels, sources;
    ``plan``: (now, later, months now carries the calls) of a staged plan, costed as one more
    row (``staged``)."""
    labels = {o: load_options()[o].label for o in OPTIONS}
    model = cost_model(answers, assumptions, months)
    rates = load_assumptions() if assumptions is None else assumptions
    for option in model["options"]:
        option["label"] = labels[option["option"]]
    meta = meta or {}
    return {"client": meta.get("client", ""), "description": meta.get("description", ""),
            "assumptions_source": rates_source(assumptions_source),
            "ask_first": deciding_rates(answers, rates, months),
            "staged": staged_plan(model, *plan) if plan else None, **model}


def rates_source(source: str) -> str:
    """Where the rates come from, as the report names it: the bundled example rates in the
    output's language (the msgid is EXAMPLE_SOURCE), a file the user gave as it is."""
    if source == EXAMPLE_SOURCE:
        return _("bundled EXAMPLE values (data/assumptions.yaml)")
    return source
