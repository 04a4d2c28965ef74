"""The whole ``ccadvisor explain`` model: why-not, what-if and sensitivity together."""
from __future__ import annotations

from expert.explain.sensitivity import sensitivity
from expert.explain.whynot import check_option, parse_change, what_if, why_not
from expert.reasoning.advisor import advise
from expert.reasoning.options import load_options


def explanation(answers: dict, meta: dict | None = None, why_not_options=(), changes=(),
                with_sensitivity: bool = False, assumptions: dict | None = None) -> dict:
    """The whole ``explain`` model. With no question asked, why-not for every losing option.
    Figures rest on ``assumptions`` (--assumptions FILE; default: the bundled example rates).

    Inputs are checked before any run, so a bad option or change fails with nothing computed.
    """
    for option in why_not_options:
        check_option(option)
    for text in changes:
        parse_change(text)
    result = advise(answers, meta, assumptions=assumptions)
    if not why_not_options and not changes and not with_sensitivity:
        why_not_options = result.decision.ranking[1:]
    return {
        "client": (meta or {}).get("client", ""),
        "option": result.decision.option,
        "label": load_options()[result.decision.option].label,
        "tie": [{"option": o, "label": load_options()[o].label} for o in result.decision.tie],
        "why_not": [why_not(result, o) for o in why_not_options],
        "what_if": what_if(answers, list(changes), assumptions) if changes else None,
        "sensitivity": sensitivity(answers, assumptions=assumptions) if with_sensitivity else None,
    }
