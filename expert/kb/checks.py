"""Verifying the rule base (``ccadvisor kb check``): is it sound, cited and complete?

Every check returns ``Problem``s; none means sound. The checks:

* ``ids``: every rule id is unique across the rule sets;
* ``citations``: every rule cites one of the five seeds, and every "…"-separated fragment of its
  quote occurs verbatim (whitespace normalised) in that seed file; every seed is cited;
* ``questions``: every rule reads only known questions, every question is read by some rule (or
  feeds a computed figure that rules read);
* ``advice``: every advice item a rule adds exists in data/advice.yaml;
* ``contradictions``: no two rules with the same conditions give opposite signs to one option;
* ``fires``: every rule really fires. Answers satisfying the rule's Answer conditions are
  constructed, Findings are chained through a rule that finds them, and rules that wait for a
  ``Recommended`` option or a computed Figure are searched for over the bundled examples and
  seeded random answer sets. The engine is then run and the firing looked up in its record;
* ``termination``: the engine finishes on every seeded random answer set within a firing cap.

The check takes its inputs (rule sets, catalog, seeds directory) as arguments so that tests can
feed it a deliberately broken rule base and see each check fail.
"""
from __future__ import annotations

from expert import PACKAGE_DIR
import random
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from expert.reasoning.advisor import advise
from expert.numbers.assumptions import shipped_assumptions
from expert.inputs.catalog import Catalog, load_catalog
from expert.reasoning.conditions import UnreadablePattern, conditions_of
from expert.reasoning.engine import build_engine
from expert.errors import InputError
from expert.inputs.examples import example_names, load_example
from expert.numbers.figures import FIGURE_INPUTS
from expert.reasoning.heuristic import heuristics_of
from expert.report.model import advice_catalog
from rules import RULESETS
from rules.seeds import SEEDS

REPO_ROOT = PACKAGE_DIR.resolve().parent
DEFAULT_SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"  # ../shared/seeds from the repo root
FRAGMENT_JOINER = "…"  # a quote may join verbatim fragments with an ellipsis, nothing else
RANDOM_RUNS = 300
RANDOM_SEED = 20141003  # seed 000's date: any fixed number keeps the check reproducible


@dataclass(frozen=True)
class Problem:
    check: str
    subject: str
    message: str


@dataclass
class CheckResult:
    problems: list
    rules: int
    questions: int
    seeds_dir: str
    random_runs: int

    @property
    def sound(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"sound": self.sound, "problems": [asdict(p) for p in self.problems],
                "rules": self.rules, "questions": self.questions,
                "seeds_dir": self.seeds_dir, "random_runs": self.random_runs}


class Unsatisfiable(Exception):
    """No answer set can satisfy a rule's conditions (the message says why)."""


# --- ids, citations, questions, advice, contradictions: read the metadata only ---------------

def check_ids(metas) -> list[Problem]:
    seen, problems = set(), []
    for meta in metas:
        if meta.id in seen:
            problems.append(Problem("ids", meta.id, "rule id is used more than once"))
        seen.add(meta.id)
    return problems


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quote_fragments(quote: str) -> list[str]:
    return [f for f in (normalise(part) for part in quote.split(FRAGMENT_JOINER)) if f]


def check_citations(metas, seeds_dir: Path) -> list[Problem]:
    problems = []
    if not seeds_dir.is_dir():
        return [Problem("citations", str(seeds_dir),
                        "seeds directory not found, so no quote can be verified (give --seeds DIR)")]
    texts = {}
    for seed in SEEDS:
        path = seeds_dir / seed
        if path.is_file():
            texts[seed] = normalise(path.read_text(encoding="utf-8"))
        else:
            problems.append(Problem("citations", seed, f"seed file missing from {seeds_dir}"))
    for meta in metas:
        if meta.seed not in SEEDS:
            problems.append(Problem("citations", meta.id, f"cites {meta.seed!r}, not one of the five seeds"))
            continue
        if not meta.gloss.strip():
            problems.append(Problem("citations", meta.id, "has no English gloss"))
        fragments = quote_fragments(meta.quote)
        if not fragments:
            problems.append(Problem("citations", meta.id, "has no quote"))
        for fragment in fragments:
            if meta.seed in texts and fragment not in texts[meta.seed]:
                problems.append(Problem("citations", meta.id,
                                        f"quote fragment not found in {meta.seed}: «{fragment}»"))
    cited = {meta.seed for meta in metas}
    problems += [Problem("citations", seed, "no rule cites this seed") for seed in SEEDS if seed not in cited]
    return problems


def check_questions(metas, catalog: Catalog) -> list[Problem]:
    problems, used = [], set()
    for meta in metas:
        for condition in conditions_of(meta):
            if condition.fact == "Answer":
                used.add(condition.subject)
                if condition.subject not in catalog:
                    problems.append(Problem("questions", meta.id,
                                            f"reads unknown question '{condition.subject}'"))
            elif condition.fact == "Figure":
                # A figure reads the questions it rests on, and the rates behind it: questions
                # that are also assumption keys are the client's own value for such a rate.
                used.update(FIGURE_INPUTS.get(condition.subject, ()))
                used.update(q.id for q in catalog if q.id in shipped_assumptions())
    problems += [Problem("questions", q.id, "no rule reads this question")
                 for q in catalog if q.id not in used]
    return problems


def check_advice(metas, items: dict) -> list[Problem]:
    return [Problem("advice", meta.id, f"adds advice item '{item}' missing from data/advice.yaml")
            for meta in metas for item in meta.advice if item not in items]


def _condition_key(condition) -> tuple:
    return (condition.fact, condition.subject,
            tuple((field, t.op, repr(t.expected)) for field, t in condition.tests))


def check_contradictions(metas) -> list[Problem]:
    """Rules with the very same conditions must not pull one option both ways."""
    groups: dict[tuple, list] = {}
    for meta in metas:
        key = tuple(sorted(_condition_key(c) for c in conditions_of(meta)))
        groups.setdefault(key, []).append(meta)
    problems = []
    for group in groups.values():
        for option in sorted({o for meta in group for o, _ in meta.evidence}):
            signs = [(meta.id, w) for meta in group for o, w in meta.evidence if o == option]
            if any(w > 0 for _, w in signs) and any(w < 0 for _, w in signs):
                pulls = ", ".join(f"{rid} {w:+d}" for rid, w in signs)
                problems.append(Problem("contradictions", option,
                                        f"the same conditions pull it both ways: {pulls}"))
    return problems


# --- fires, termination: run the engine ---------------------------------------------------------

def satisfying_value(question, test):
    """A valid answer to ``question`` that passes ``test``, or Unsatisfiable."""
    if test.op == "==":
        candidates = [test.expected]
    elif test.op == "in":
        candidates = list(test.expected)
    elif test.op in (">=", ">", "<"):
        bound = test.expected
        step = 1 if question.integer or float(bound).is_integer() else abs(bound) / 10 or 1
        nearby = {">=": [bound], ">": [bound + step], "<": [bound - step]}[test.op]
        candidates = nearby + [v for v in (question.min, question.max) if v is not None]
    else:
        raise Unsatisfiable(f"cannot construct an answer for the test {test.text!r}")
    for value in candidates:
        try:
            normalised = question.validate(value)
        except InputError:
            continue
        if normalised is not None and test.holds(normalised):
            return normalised
    raise Unsatisfiable(f"no valid answer to '{question.id}' is {test.text}")


def required_answers(meta, metas, catalog: Catalog, _chain=()) -> dict:
    """Answers that satisfy the rule's Answer conditions and, through other rules, its Findings."""
    if meta.id in _chain:
        raise Unsatisfiable("its findings chain back to itself")
    answers: dict = {}

    def merge(qid, value):
        if qid in answers and answers[qid] != value:
            raise Unsatisfiable(f"needs '{qid}' to be both {answers[qid]} and {value}")
        answers[qid] = value

    for condition in conditions_of(meta):
        if condition.fact == "Answer":
            if condition.subject not in catalog:
                raise Unsatisfiable(f"reads unknown question '{condition.subject}'")
            merge(condition.subject, satisfying_value(catalog.get(condition.subject), condition.value_test))
        elif condition.fact == "Finding":
            reasons = []
            for finder in (m for m in metas if condition.subject in m.finds):
                try:
                    chained = required_answers(finder, metas, catalog, (*_chain, meta.id))
                    if all(answers.get(q, v) == v for q, v in chained.items()):
                        for qid, value in chained.items():
                            merge(qid, value)
                        break
                except Unsatisfiable as why:
                    reasons.append(str(why))
            else:
                raise Unsatisfiable(f"no rule can find '{condition.subject}'"
                                    + (f" ({reasons[0]})" if reasons else ""))
    return answers


def needs_search(meta) -> bool:
    """Rules waiting for the decision step or for a computed figure cannot be satisfied directly."""
    return any(c.fact in ("Recommended", "Figure") for c in conditions_of(meta))


def interesting_numbers(question, metas) -> list:
    """Numbers worth trying for a number question: its range ends, rule thresholds, round values."""
    values = {question.min, question.max}
    for meta in metas:
        for condition in conditions_of(meta):
            test = condition.value_test
            if test is not None and test.op in (">=", ">", "<") and isinstance(test.expected, (int, float)):
                values.update({test.expected - 1, test.expected, test.expected + 1})
    values.update(10 ** k for k in range(10))
    values.update(5 * 10 ** k for k in range(9))
    fits = sorted(v for v in values if v is not None and question.min <= v <= question.max)
    return [int(v) if question.integer else v for v in fits]


def random_answer_sets(catalog: Catalog, metas, count: int, seed: int) -> list[dict]:
    """``count`` reproducible answer sets; each question answered with probability 0.7."""
    rng = random.Random(seed)
    numbers = {q.id: interesting_numbers(q, metas) for q in catalog if q.type == "number"}
    sets = []
    for _ in range(count):
        answers = {}
        for q in catalog:
            if rng.random() >= 0.7:
                continue
            if q.type == "yes_no":
                answers[q.id] = rng.choice(("yes", "no"))
            elif q.type == "choice":
                answers[q.id] = rng.choice(q.choice_ids)
            elif numbers[q.id]:
                answers[q.id] = rng.choice(numbers[q.id])
        sets.append(answers)
    return sets


def example_answer_sets() -> list[dict]:
    return [load_example(name)[0] for name in example_names()]


class _Runner:
    """Runs answer sets through one engine with a firing cap, remembering what fired."""

    def __init__(self, rulesets, cap: int):
        self.cap, self.capped = cap, False
        self.seen: set = set()  # every rule that fired in any run so far
        self.engine = build_engine(rulesets, before_firing=self._before_firing)

    def _before_firing(self, engine, _activations):
        if len(engine.firings) >= self.cap:
            self.capped = True
            return False
        return True

    def fired(self, answers: dict) -> set:
        """The rules that fired; none when the advisor refuses the set as a whole (InputError,
        e.g. numbers each in range but together beyond a calculator) - that set proves nothing."""
        self.capped = False
        try:
            result = advise(answers, engine=self.engine)
        except InputError:
            return set()
        fired = {f.rule for f in result.firings}
        self.seen |= fired
        return fired


def check_fires(metas, catalog: Catalog, runner: _Runner, candidates: list[dict]) -> list[Problem]:
    """A rule already seen firing (in the termination runs) is proven; the others are given
    answers built from their conditions, and searched for over ``candidates`` when they wait for
    the decision step or a figure."""
    problems = []
    for meta in metas:
        if meta.id in runner.seen:
            continue
        try:
            required = required_answers(meta, metas, catalog)
        except Unsatisfiable as why:
            problems.append(Problem("fires", meta.id, f"can never fire: {why}"))
            continue
        tries = [{**c, **required} for c in candidates] if needs_search(meta) else [required]
        if not any(meta.id in runner.fired(answers) for answers in tries):
            problems.append(Problem("fires", meta.id,
                                    f"did not fire on any of {len(tries)} answer sets that satisfy "
                                    "its answer conditions"))
    return problems


def check_termination(runner: _Runner, answer_sets: list[dict]) -> list[Problem]:
    for number, answers in enumerate(answer_sets, 1):
        runner.fired(answers)
        if runner.capped:
            return [Problem("termination", f"answer set {number}",
                            f"the engine was still firing after {runner.cap} firings")]
    return []


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
    problems += check_ids(metas)
    problems += check_citations(metas, seeds_dir)
    problems += check_questions(metas, catalog)
    problems += check_advice(metas, advice_items)
    problems += check_contradictions(metas)
    random_sets = random_answer_sets(catalog, metas, runs, seed)
    # Each rule fires at most once per combination of facts; ten times the rule count is far
    # beyond any finishing run and still stops a runaway one quickly.
    runner = _Runner(rulesets, cap=10 * len(metas))
    examples = example_answer_sets()
    problems += check_termination(runner, examples + random_sets)
    problems += check_fires(metas, catalog, runner, examples + random_sets)
    return CheckResult(problems, len(metas), len(catalog), str(seeds_dir), runs)
