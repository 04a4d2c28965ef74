"""rules ID: one rule as written, what it concludes, its seed, and the examples that fire it."""
import json

import pytest

from expert.inputs.examples import example_names, load_example
from expert.reasoning import heuristic
from expert.reasoning.advisor import advise
from expert.reasoning.conditions import condition_of, conditions_of
from expert.reasoning.facts import Answer, Figure, Finding, Recommended, Stage
from rules import all_rules


@pytest.fixture(scope="module")
def fired_by_example():
    # a follow-up rule may fire twice (for the choice and the runner-up): its first step
    return {name: {f.rule: f.step for f in reversed(advise(load_example(name)[0]).firings)}
            for name in example_names()}


@pytest.mark.parametrize("meta", all_rules(), ids=lambda m: m.id)
def test_every_rule_can_be_shown(ccadvisor, meta, fired_by_example):
    run = ccadvisor("rules", meta.id)
    assert run.code == 0, run.err
    assert run.out.startswith(f"{meta.id}  (")
    assert meta.quote.split()[0] in run.out and meta.gloss.split()[0] in run.out
    assert max(len(line) for line in run.out.splitlines()) <= 80
    for option, weight in meta.evidence:
        assert f"evidence {'for' if weight > 0 else 'against'} {option} {weight:+d}" in run.out
    for option, scope in meta.excludes:
        forbidden = "building an own centre" if option == "building" else option
        assert f"a veto: {forbidden} excluded {'for now' if scope == 'for_now' else 'for this client'}" in run.out
    for item in meta.advice + meta.finds:
        assert item in run.out
    firing = {name: fired[meta.id] for name, fired in fired_by_example.items() if meta.id in fired}
    for name, step in firing.items():
        assert f"  {name}: step {step} of " in run.out
    if not firing:
        assert "Fired by none of the" in run.out
    else:
        assert f"Fired by {len(firing)} of the {len(fired_by_example)} bundled examples:" in run.out


@pytest.mark.parametrize("meta", all_rules(), ids=lambda m: m.id)
def test_the_conditions_shown_as_written_read_back_as_the_rule_s_own(ccadvisor, meta):
    model = json.loads(ccadvisor("rules", meta.id, "--format", "json").out)
    names = {"Answer": Answer, "Figure": Figure, "Finding": Finding, "Recommended": Recommended,
             "Stage": Stage,
             **{n: getattr(heuristic, n) for n in ("L", "at_least", "above", "below", "one_of")}}
    shown = [condition_of(eval(text, names)) for text in model["written"]]  # noqa: S307
    assert [(c.fact, c.subject, [(f, t.op, t.expected) for f, t in c.tests]) for c in shown] == \
        [(c.fact, c.subject, [(f, t.op, t.expected) for f, t in c.tests]) for c in conditions_of(meta)]


def test_an_unknown_rule_is_one_line_with_a_suggestion(ccadvisor):
    run = ccadvisor("rules", "lost_calls_need_a_centr")
    assert run.code == 2 and run.out == ""
    assert run.err == ("ccadvisor: error: unknown rule 'lost_calls_need_a_centr' "
                       "(did you mean 'lost_calls_need_a_centre'?)\n")
