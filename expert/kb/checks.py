"""Verifying the rule base (``ccadvisor kb check``): is it sound, cited and complete?

Every check returns ``Problem``s; none means sound. The checks:

* ``ids``: every rule id is unique across the rule sets;
* ``citations``: every rule cites one of the five seeds, and every "…"-separated fragment of its
  quote occurs verbatim (whitespace normalised) in that seed file; every seed is cited;
* ``questions``: every rule reads only known questions, every question is read by some rule (or
  feeds a computed figure that rules read);
* ``advice``: every advice item a rule adds exists in data/advice.yaml, and every item cites a
  seed and quotes it (verified as rules' quotes are);
* ``contradictions``: no two rules with the same conditions give opposite signs to one option;
* ``strengths``: every rule that weighs an option names a strength on the scale
  (data/options.yaml), and gives exactly that strength's weight;
* ``vetoes``: every veto declares what it forbids (building an own centre, or an option) and for
  how long, and none rests on a figure of assumed rates; every veto takes effect: in some run it
  excludes an option that had support;
* ``requirements``: what an option requires some rule can find, the hybrid requires a core, and
  no run recommends the hybrid without a core for an own team and a side stream for an
  outsourcer;
* ``double votes``: one seed statement, one vote: no two scoring rules that can fire together
  quote the same sentence (or a declared statement) and vote the same way on one option;
* ``fires``: every rule really fires. Answers satisfying the rule's Answer conditions are
  constructed, Findings are chained through a rule that finds them, and rules that wait for a
  ``Recommended`` option or a computed Figure are searched for over the bundled examples and
  seeded random answer sets. The engine is then run and the firing looked up in its record;
* ``termination``: the engine finishes on every seeded random answer set within a firing cap;
* ``stages``: every stage is reached, each of its options wins it, and every final option is
  recommended, in some run of the examples and the random answer sets.

The check takes its inputs (rule sets, catalog, seeds directory) as arguments so that tests can
feed it a deliberately broken rule base and see each check fail.
"""
from __future__ import annotations

from pathlib import Path

from expert import PACKAGE_DIR
from expert.inputs.catalog import Catalog, load_catalog
from expert.kb.problem import CheckResult, Problem
from expert.kb.runs import (
    Runner,
    check_fires,
    check_hybrid_core,
    check_stages,
    check_termination,
    check_vetoes,
    example_answer_sets,
    random_answer_sets,
)
from expert.kb.static import (
    check_advice,
    check_citations,
    check_contradictions,
    check_ids,
    check_one_statement_one_vote,
    check_questions,
    check_requirements,
    check_strengths,
    check_veto_scopes,
    seed_texts,
)
from expert.reasoning.conditions import UnreadablePattern, conditions_of
from expert.reasoning.heuristic import heuristics_of
from expert.report.model import advice_catalog
from rules import RULESETS

REPO_ROOT = PACKAGE_DIR.resolve().parent
DEFAULT_SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"  # ../shared/seeds from the repo root
RANDOM_RUNS = 300
RANDOM_SEED = 20141003  # seed 000's date: any fixed number keeps the check reproducible


def check_rule_base(rulesets=RULESETS, catalog: Catalog | None = None,
                    seeds_dir: Path | None = None, runs: int = RANDOM_RUNS,
                    seed: int = RANDOM_SEED, advice_items: dict | None = None) -> CheckResult:
    """Run every check; the arguments default to the real rule base, catalog and seeds."""
    catalog = catalog or load_catalog()
    seeds_dir = Path(seeds_dir) if seeds_dir else DEFAULT_SEEDS_DIR
    advice_items = advice_catalog() if advice_items is None else advice_items
    metas = [meta for ruleset in rulesets for meta in heuristics_of(ruleset)]
    problems = []
    for meta in metas:  # a pattern the explanations cannot read would break every other check
        try:
            conditions_of(meta)
        except UnreadablePattern as why:
            problems.append(Problem("conditions", meta.id, f"unreadable pattern: {why}"))
    if problems:
        return CheckResult(problems, len(metas), len(catalog), str(seeds_dir), 0)
    texts, unreadable = seed_texts(seeds_dir)
    problems += check_ids(metas)
    problems += unreadable + check_citations(metas, texts)
    problems += check_questions(metas, catalog)
    problems += check_advice(metas, advice_items, texts)
    problems += check_contradictions(metas)
    problems += check_strengths(metas)
    problems += check_veto_scopes(metas)
    problems += check_requirements(metas)
    problems += check_one_statement_one_vote(metas, texts)
    random_sets = random_answer_sets(catalog, metas, runs, seed)
    # Each rule fires at most once per combination of facts; ten times the rule count is far
    # beyond any finishing run and still stops a runaway one quickly.
    runner = Runner(rulesets, cap=10 * len(metas))
    examples = example_answer_sets()
    problems += check_termination(runner, examples + random_sets)
    problems += check_fires(metas, catalog, runner, examples + random_sets)
    problems += check_vetoes(metas, catalog, runner, examples + random_sets)
    problems += check_hybrid_core(runner)
    problems += check_stages(runner)  # last: it reads what every run before it reached
    return CheckResult(problems, len(metas), len(catalog), str(seeds_dir), runs,
                       quotes_verified=seeds_dir.is_dir())
