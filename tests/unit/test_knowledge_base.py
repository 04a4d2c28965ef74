"""knowledge_base.md is the rule base's documentation: it must say exactly what the rules say."""
import re
from pathlib import Path

from expert.kb.listing import rules_model
from expert.report.render import render
from rules import all_rules
from rules.seeds import SEEDS

KNOWLEDGE_BASE = Path(__file__).resolve().parents[2] / "knowledge_base.md"
REGENERATE = "regenerate it with: ccadvisor rules --format md -o knowledge_base.md"


def documented_ids(text: str) -> list[str]:
    return re.findall(r"^### `([^`]+)`$", text, flags=re.MULTILINE)


def disagreement(text: str) -> str:
    """Empty when the document lists exactly the rule ids; else which are missing or extra."""
    documented = documented_ids(text)
    rules = [meta.id for meta in all_rules()]
    missing = sorted(set(rules) - set(documented))
    extra = sorted(set(documented) - set(rules))
    if not missing and not extra:
        return ""
    return f"knowledge_base.md and the rule base disagree: missing {missing}, extra {extra}; {REGENERATE}"


def test_knowledge_base_documents_exactly_the_rules():
    problem = disagreement(KNOWLEDGE_BASE.read_text(encoding="utf-8"))
    assert not problem, problem


def test_knowledge_base_is_the_fresh_render():
    fresh = render("rules", "md", rules_model())
    committed = KNOWLEDGE_BASE.read_text(encoding="utf-8")
    changed = [rid for rid in documented_ids(fresh)
               if section(fresh, rid) != section(committed, rid)]
    assert committed == fresh, f"knowledge_base.md is stale (rules changed: {changed}); {REGENERATE}"


def section(text: str, rule_id: str) -> str:
    match = re.search(rf"^### `{re.escape(rule_id)}`$(.*?)(?=^##|\Z)", text, flags=re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def test_every_rule_is_documented_with_if_then_weight_seed_quote_and_gloss():
    text = KNOWLEDGE_BASE.read_text(encoding="utf-8")
    for meta in all_rules():
        body = section(text, meta.id)
        for label in ("**IF**", "**THEN**", "**Weight:**", "**Source:**", "**Gloss:**"):
            assert label in body, f"{meta.id}: no {label}"
        assert meta.seed in body and meta.quote in body and meta.gloss in body, meta.id


def test_a_missing_or_extra_rule_is_named_in_the_failure():
    text = KNOWLEDGE_BASE.read_text(encoding="utf-8").replace(
        "### `lost_calls_need_a_centre`", "### `lost_calls_renamed`")
    assert disagreement(text).startswith(
        "knowledge_base.md and the rule base disagree: missing ['lost_calls_need_a_centre'], "
        "extra ['lost_calls_renamed'];")


def test_rules_json_lists_at_least_40_cited_rules_citing_every_seed(ccadvisor):
    import json
    run = ccadvisor("rules", "--format", "json")
    assert run.code == 0, run
    rules = json.loads(run.out)
    assert len(rules) >= 40
    assert all(r["source"] in SEEDS and r["quote"] and r["gloss"] for r in rules)
    assert {r["source"] for r in rules} == set(SEEDS)


def test_every_questionnaire_row_that_defers_its_sourcing_vote_names_a_real_rule():
    """A row whose sourcing vote is argued by the cheat sheet names that rule: a renamed rule
    would otherwise leave the row silent on sourcing with a reason pointing nowhere."""
    from rules import rule_index
    from rules.questionnaire import ROWS
    deferred = {row.id: row.sourcing_by for row in ROWS if row.sourcing_by}
    assert deferred and all(rule in rule_index() for rule in deferred.values()), deferred
