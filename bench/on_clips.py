"""The same rule base as CLIPS rules, run by CLIPS itself (clipspy): what a C Rete engine costs.

``clips_rule_base()`` writes every rule (read through expert/reasoning/conditions.py, as
bench/plain.py reads them) as one CLIPS defrule whose right-hand side asserts ``Fired`` (rule id
and basis: "assumed" when a matched Figure rests on assumed rates) and the rule's findings.
``clips_advise`` runs a profile the way plain.py's ``plain_advise`` does: answers and figures in,
run, then the same Python ``decide`` opens the next stage (a ``Stage`` fact, run again) while it
calls for one, and at the end the ``Recommended`` facts go in for one last run. Facts go in and
fired rules come out through deffunctions, one call each (clipspy's per-fact API leaks memory).

``clips_runner`` gives bench/matchers.py one warm environment to time beside experta's matchers
and plain.py, checked to reach the same decision and fire the same rules as plain.py on every
profile (``python bench/run.py``; needs ``pip install .[bench]``).
"""
from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import expert.reasoning  # noqa: F401  (experta compatibility first)
from expert.reasoning.advisor import figure_dicts, recommendation_facts
from expert.reasoning.conditions import SUBJECT_FIELD, conditions_of
from expert.reasoning.decision import Decision, decide
from rules import all_rules, rule_index

TEMPLATES = (
    "(deftemplate Answer (slot question) (slot value))",
    "(deftemplate Figure (slot name) (slot value) (slot source))",
    "(deftemplate Finding (slot name))",
    "(deftemplate Stage (slot name))",
    "(deftemplate Recommended (slot option) (slot rank))",
    "(deftemplate Fired (slot rule) (slot basis))",
)
# In: a flat list of fields, e.g. Answer "q" "v" Figure "f" 12 "assumption" ... (kind symbols).
# Out: "rule basis rule basis ..." for every Fired fact.
FUNCTIONS = ("""
(deffunction put-facts ($?args)
  (bind ?i 1) (bind ?n (length$ ?args))
  (while (<= ?i ?n)
    (bind ?kind (nth$ ?i ?args))
    (switch ?kind
      (case Answer then (assert (Answer (question (nth$ (+ ?i 1) ?args)) (value (nth$ (+ ?i 2) ?args))))
                        (bind ?i (+ ?i 3)))
      (case Figure then (assert (Figure (name (nth$ (+ ?i 1) ?args)) (value (nth$ (+ ?i 2) ?args))
                                        (source (nth$ (+ ?i 3) ?args))))
                        (bind ?i (+ ?i 4)))
      (case Stage then (assert (Stage (name (nth$ (+ ?i 1) ?args)))) (bind ?i (+ ?i 2)))
      (case Recommended then (assert (Recommended (option (nth$ (+ ?i 1) ?args))
                                                  (rank (nth$ (+ ?i 2) ?args))))
                             (bind ?i (+ ?i 3)))
      (default (println "put-facts: unknown kind " ?kind) (return FALSE))))
  (run))""", """
(deffunction fired-rules ()
  (bind ?out "")
  (do-for-all-facts ((?f Fired)) TRUE (bind ?out (str-cat ?out ?f:rule " " ?f:basis " ")))
  ?out)""")


def _literal(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _constraint(var: str, test) -> str:
    """A slot constraint for one FieldTest (``var`` names the slot's variable)."""
    if test.op == "==":
        return _literal(test.expected)
    if test.op == "in":
        return f"{var}&:(or {' '.join(f'(eq {var} {_literal(v)})' for v in test.expected)} FALSE)"
    if test.op in (">=", ">", "<", "<="):
        return f"{var}&:(and (numberp {var}) ({test.op} {var} {_literal(test.expected)}))"
    raise ValueError(f"no CLIPS form for {test.op!r}")


def _defrule(meta, conditions) -> str:
    patterns, sources, n = [], [], 0
    for c in conditions:
        slots = [] if c.subject is None else [f"({SUBJECT_FIELD[c.fact]} {_literal(c.subject)})"]
        tests = dict(c.tests)
        if c.fact == "Figure":  # bind the source, to mark the evidence as assumed
            n += 1
            src = f"?src{n}"
            sources.append(src)
            slots.append(f"(source {src}" + (f"&{_constraint(src, tests.pop('source'))})"
                                             if "source" in tests else ")"))
        for field, test in tests.items():
            n += 1
            slots.append(f"({field} {_constraint(f'?v{n}', test)})")
        patterns.append(f"  ({c.fact} {' '.join(slots)})")
    basis = '"answers"'
    if sources:
        checks = " ".join(f'(eq {s} "assumption")' for s in sources)
        basis = f'(if (or {checks} FALSE) then "assumed" else "answers")'
    rhs = [f"  (assert (Fired (rule {_literal(meta.id)}) (basis {basis})))"]
    rhs += [f"  (assert (Finding (name {_literal(name)})))" for name in meta.finds]
    return f"(defrule {meta.id}\n" + "\n".join(patterns) + "\n  =>\n" + "\n".join(rhs) + ")"


def _constructs() -> list[str]:
    return [*TEMPLATES, *FUNCTIONS, *(_defrule(meta, conditions_of(meta)) for meta in all_rules())]


def clips_rule_base() -> str:
    """The whole rule base as CLIPS source."""
    return "\n\n".join(_constructs()) + "\n"


def _clipspy():
    """clipspy's ``clips`` package (ImportError when the bench extra is not installed)."""
    import clips
    return clips


def clips_environment():
    clips = _clipspy()
    env = clips.Environment()
    for construct in _constructs():
        env.build(construct)
    return env


_META = None


def _found(fired) -> set:
    """The findings the fired rules reached (the hybrid and the vetoes read them)."""
    index = rule_index()
    return {name for rule in fired for name in index[rule].finds}


def _evidence(fired_text: str):
    global _META
    if _META is None:
        _META = {meta.id: (i, meta) for i, meta in enumerate(all_rules())}
    words = fired_text.split()
    fired = sorted(zip(words[::2], words[1::2]), key=lambda rb: _META[rb[0]][0])
    evidence, exclusions = [], []
    for rule, basis in fired:
        votes, vetoes = _META[rule][1].votes(basis)
        evidence += votes
        exclusions += vetoes
    return evidence, exclusions, frozenset(rule for rule, _ in fired)


def clips_advise(env, answers: dict) -> tuple[Decision, frozenset]:
    """(decision, ids of the rules that fire) for validated answers, by CLIPS."""
    clips = _clipspy()

    load, fired_rules = env.find_function("put-facts"), env.find_function("fired-rules")
    env.reset()
    args = []
    for qid, value in answers.items():
        args += [clips.Symbol("Answer"), qid, value]
    for name, figure in figure_dicts(answers).items():
        args += [clips.Symbol("Figure"), name, figure["value"], figure["source"]]
    load(*args)
    reached = ["need"]
    evidence, exclusions, fired = _evidence(fired_rules())
    while (decision := decide(evidence, exclusions, reached, _found(fired))).opens:
        reached.append(decision.opens)
        load(clips.Symbol("Stage"), decision.opens)
        evidence, exclusions, fired = _evidence(fired_rules())
    args = []
    for fact in recommendation_facts(decision):
        args += [clips.Symbol("Recommended"), fact["option"], fact["rank"]]
    if args:
        load(*args)
        fired = _evidence(fired_rules())[2]
    return decision, fired


def clips_runner():
    """``run(answers) -> (decision, fired rule ids)`` over one warm CLIPS environment, or None
    when clipspy is not installed. bench/matchers.py times it beside the other engines."""
    try:
        _clipspy()
    except ImportError:
        return None
    env = clips_environment()
    return lambda answers: clips_advise(env, answers)
