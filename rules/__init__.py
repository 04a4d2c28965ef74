"""The rule base: one module per topic, each a mixin class of heuristics.

``RULESETS`` is the canonical order, which is the order of the stages: need (seed 003's
questionnaire), findings, then sourcing (seed 001's home operators, seed 000, seed 003's cheat
sheet, seed 004 and the hybrid), numbers, then the follow-up advice (vendor choice, governance of a current outsourcer, the rest, and a
recommended hybrid's split of the work). Within
a module, rules keep the order they are written in. That order breaks agenda ties (see
expert/reasoning/engine.py) and orders every listing, so the same answers always give the same
chain.
"""
from __future__ import annotations

from functools import lru_cache

from expert.reasoning.heuristic import heuristics_of
from rules.arrangement import ArrangementRules
from rules.cheatsheet import CheatSheetRules
from rules.findings import FindingRules
from rules.followup import FollowUpRules
from rules.home_operators import HomeOperatorRules
from rules.hybrid import HybridRules
from rules.hybrid_split import HybridSplitRules
from rules.numbers import NumberRules
from rules.questionnaire import QuestionnaireRules
from rules.sourcing import SourcingRules
from rules.vendor import VendorRules

RULESETS = (QuestionnaireRules, FindingRules, HomeOperatorRules, SourcingRules, CheatSheetRules,
            HybridRules, NumberRules, VendorRules, ArrangementRules, FollowUpRules, HybridSplitRules)


@lru_cache(maxsize=1)
def all_rules() -> tuple:
    """Every rule's RuleMeta, in canonical order."""
    return tuple(meta for ruleset in RULESETS for meta in heuristics_of(ruleset))


@lru_cache(maxsize=1)
def rule_index() -> dict:
    """Rule id -> RuleMeta."""
    return {meta.id: meta for meta in all_rules()}
