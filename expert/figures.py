"""Figures computed from the answers (staffing, cost, launch time) that rules reason over.

``FIGURE_INPUTS`` maps each figure name to the question ids it is computed from; the consultation
uses it to know which questions a rule on a Figure waits for. ``compute_figures(answers)`` returns
the figures that the given answers allow computing (a figure whose inputs are missing is absent,
so rules that need it simply do not fire).
"""
from __future__ import annotations

FIGURE_INPUTS: dict[str, tuple[str, ...]] = {}


def compute_figures(answers: dict) -> dict:
    """name -> value for every figure the answers allow; none are defined yet."""
    return {}
