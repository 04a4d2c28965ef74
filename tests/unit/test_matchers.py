"""The compiled matcher (issue 16) fires exactly what experta's Rete network fires, in order.

The scenarios compare both matchers firing by firing and report by report
(tests/scenarios/test_scenarios.py); here the bundled examples and seeded random answer sets
do the same, and the matcher's own behaviour is pinned: the default, the choice by variable or
argument, retraction, and the fall-back for a rule base the compiler cannot read.
"""
from __future__ import annotations

import pytest

from expert.errors import InputError
from expert.inputs.catalog import load_catalog
from expert.kb.runs import example_answer_sets, random_answer_sets
from expert.reasoning.advisor import advise
from expert.reasoning.engine import build_engine
from expert.reasoning.facts import Answer, Stage
from expert.reasoning.heuristic import heuristic, ruleset
from rules import all_rules


def _firings(result) -> list:
    return [(f.rule, f.matched_ids, f.matched, f.added_ids, f.added) for f in result.firings]


def test_the_compiled_matcher_is_the_default_and_the_variable_chooses_rete(monkeypatch):
    monkeypatch.delenv("CCADVISOR_MATCHER", raising=False)
    assert build_engine().matcher_used == "compiled"
    monkeypatch.setenv("CCADVISOR_MATCHER", "rete")
    assert build_engine().matcher_used == "rete"
    assert build_engine(matcher="compiled").matcher_used == "compiled"  # the argument wins


def test_an_unknown_matcher_is_bad_input_naming_the_variable(monkeypatch):
    monkeypatch.setenv("CCADVISOR_MATCHER", "clips")
    with pytest.raises(InputError) as caught:
        build_engine()
    assert str(caught.value) == ("$CCADVISOR_MATCHER: unknown matcher 'clips'; "
                                 "choose one of: compiled, rete")


def test_both_matchers_agree_on_every_example_and_random_answer_sets():
    answer_sets = example_answer_sets() + random_answer_sets(
        load_catalog(), list(all_rules()), 300, seed=16)
    engines = {m: build_engine(matcher=m) for m in ("rete", "compiled")}
    differ = []
    for i, answers in enumerate(answer_sets):
        rete, compiled = (advise(answers, engine=engines[m]) for m in ("rete", "compiled"))
        if _firings(rete) != _firings(compiled) or rete.decision != compiled.decision:
            differ.append(i)
    assert len(answer_sets) > 300 and differ == []
    # ...and the runs were not trivial: every rule fired somewhere.
    fired = {f.rule for a in answer_sets for f in advise(a, engine=engines["compiled"]).firings}
    assert len(fired) > len(all_rules()) * 0.9


def _agenda(engine) -> list:
    return sorted((a.rule.__name__, sorted(f["__factid__"] for f in a.facts))
                  for a in engine.agenda.activations)


def test_a_retracted_fact_withdraws_its_activations_under_both_matchers():
    agendas = {}
    for m in ("rete", "compiled"):
        engine = build_engine(matcher=m)
        engine.reset()
        period = engine.declare(Answer(question="period", value="short_term"))
        engine.declare(Answer(question="task_complexity", value="simple"),
                       Stage(name="sourcing"))
        before = _agenda(engine)
        engine.retract(period)
        agendas[m] = (before, _agenda(engine))
    assert agendas["rete"] == agendas["compiled"]
    before, after = agendas["compiled"]
    assert any(rule == "short_term_task_favours_outsourcing" for rule, _ in before)
    assert not any(rule == "short_term_task_favours_outsourcing" for rule, _ in after)
    assert after and len(after) < len(before)


def test_a_rule_base_the_compiler_cannot_read_runs_on_experta_s_network():
    from experta import AS

    @heuristic(AS.answer << Answer(question="period", value="short_term"),
               seed="000", quote="q", gloss="g", advice=("x",))
    def a_rule_that_binds_its_fact():
        """A rule with a variable binding: beyond the compiler."""

    engine = build_engine([ruleset("Bound", [a_rule_that_binds_its_fact])], matcher="compiled")
    assert engine.matcher_used == "rete"
    engine.reset()
    engine.declare(Answer(question="period", value="short_term"))
    engine.run()
    assert [f.rule for f in engine.firings] == ["a_rule_that_binds_its_fact"]


def test_every_example_s_report_is_byte_identical_under_both_matchers():
    from expert.inputs.examples import example_names, load_example
    from expert.report.model import build_report
    from expert.report.render import render

    for name in example_names():
        answers, meta = load_example(name)
        models = {m: build_report(advise(answers, meta, engine=build_engine(matcher=m)))
                  for m in ("rete", "compiled")}
        for fmt in ("text", "html"):
            assert render("report", fmt, models["rete"], width=80) == render(
                "report", fmt, models["compiled"], width=80), (name, fmt)
