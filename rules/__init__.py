"""The rule base: one module per topic, each a mixin class of heuristics.

``RULESETS`` is the canonical order; within a module, rules keep the order they are written in.
That order breaks agenda ties (see expert/engine.py) and orders every listing, so the same
answers always give the same chain.
"""
from __future__ import annotations

from functools import lru_cache

from expert.reasoning.heuristic import heuristics_of
from rules.need import NeedRules
from rules.sourcing import SourcingRules
from rules.numbers import NumberRules
from rules.cheatsheet import CheatSheetRules
from rules.followup import FollowUpRules
from rules.vendor import VendorRules

RULESETS = (NeedRules, SourcingRules, NumberRules, CheatSheetRules, VendorRules, FollowUpRules)


@lru_cache(maxsize=1)
def all_rules() -> tuple:
    """Every rule's RuleMeta, in canonical order."""
    return tuple(meta for ruleset in RULESETS for meta in heuristics_of(ruleset))


@lru_cache(maxsize=1)
def rule_index() -> dict:
    """Rule id -> RuleMeta."""
    return {meta.id: meta for meta in all_rules()}
