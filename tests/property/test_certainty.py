"""Certainty that does not overclaim (expert/reasoning/decision.py), as properties over evidence.

Adding evidence for the winner never lowers the certainty; adding evidence against it, or for a
rival, never raises it; evidence resting on assumed rates never outvotes the client's answers;
hints, however many, never outweigh a categorical statement; and the first page, on any answers,
never contradicts itself.
"""
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from expert.reasoning.decision import decide
from expert.inputs.catalog import load_catalog
from expert.kb.runs import random_answer_sets
from expert.reasoning.advisor import advise
from expert.reasoning.options import stage_of, stage_options
from expert.report.brief import client_page
from rules import all_rules

SOURCING = stage_options("sourcing")
HINTS = st.lists(st.builds(lambda o, w, i: {"option": o, "weight": w, "rule": f"hint{i}"},
                           st.sampled_from(SOURCING), st.sampled_from([-1, 1]),
                           st.integers(0, 10_000)), max_size=40)
SUBSTANTIAL_ITEMS = st.lists(st.builds(lambda o, w, i: {"option": o, "weight": w, "rule": f"arg{i}"},
                                       st.sampled_from(SOURCING), st.sampled_from([-2, 2]),
                                       st.integers(0, 10_000)), max_size=6)
NEEDED = {"option": "dedicated", "weight": 3, "rule": "needed"}

STAGES = ("need", "sourcing")
OPTIONS = [o for s in STAGES for o in stage_options(s)]
WEIGHTS = st.sampled_from([-3, -2, -1, 1, 2, 3])
ITEM = st.builds(lambda o, w, i: {"option": o, "weight": w, "rule": f"r{i}"},
                 st.sampled_from(OPTIONS), WEIGHTS, st.integers(0, 10_000))
EVIDENCE = st.lists(ITEM, max_size=12)
VETO = st.builds(lambda o, s: {"option": o, "rule": "veto", "scope": s},
                 st.sampled_from(OPTIONS), st.sampled_from(["here", "for_now"]))


# The hybrid's core and side stream are found, so that it competes like every other option.
FINDINGS = ("core_for_own_centre", "side_stream_for_outsourcer")


def decided(evidence, exclusions=()):
    return decide(evidence, list(exclusions), reached=STAGES, findings=FINDINGS)


def added_to(decision, weight):
    return {"option": decision.option, "weight": weight, "rule": "extra"}


@settings(max_examples=300, deadline=None)
@given(EVIDENCE, st.lists(VETO, max_size=2), st.sampled_from([1, 2, 3]))
def test_evidence_for_the_winner_never_lowers_the_certainty(evidence, vetoes, weight):
    before = decided(evidence, vetoes)
    assume(not before.tie and not before.no_evidence)
    after = decided([*evidence, added_to(before, weight)], vetoes)
    assert after.option == before.option
    assert after.confidence >= before.confidence


@settings(max_examples=300, deadline=None)
@given(EVIDENCE, st.lists(VETO, max_size=2), st.sampled_from([1, 2, 3]))
def test_evidence_against_the_winner_never_raises_the_certainty(evidence, vetoes, weight):
    before = decided(evidence, vetoes)
    assume(not before.tie and not before.no_evidence)
    after = decided([*evidence, added_to(before, -weight)], vetoes)
    assume(after.option == before.option)
    assert after.confidence <= before.confidence


@settings(max_examples=300, deadline=None)
@given(EVIDENCE, st.sampled_from([1, 2, 3]), st.data())
def test_evidence_for_a_rival_never_raises_the_certainty(evidence, weight, data):
    before = decided(evidence)
    assume(not before.tie and not before.no_evidence)
    rivals = [o for o in stage_options(before.decided_by) if o != before.option]
    rival = data.draw(st.sampled_from(rivals))
    after = decided([*evidence, {"option": rival, "weight": weight, "rule": "extra"}])
    assume(after.option == before.option)
    assert after.confidence <= before.confidence


@settings(max_examples=300, deadline=None)
@given(EVIDENCE, st.lists(ITEM, max_size=8))
def test_figures_on_assumed_rates_never_outvote_the_answers(answers, assumed):
    before = decided(answers)
    # A decision the answers make outright: a winner by net score, at every stage on its path.
    assume(not before.tie and not before.no_evidence and before.margin > 0)
    assume(all(s.winner and not s.by_elimination for s in before.stages if s.assessed))
    assume(all(s.standings[0].net_answers > s.standings[1].net_answers
               for s in before.stages if s.assessed))
    # Where the answers said nothing (a stage not assessed), a figure may speak: that is no
    # outvoting. Where they spoke, it must not.
    spoke = {s.stage for s in before.stages if s.assessed}
    after = decided([*answers, *({**a, "basis": "assumed"} for a in assumed
                                 if stage_of(a["option"]) in spoke)])
    assert after.option == before.option


@given(EVIDENCE)
# Found by hypothesis: a categorical statement against the winner that speaks against its only
# rival too tells the two apart in nothing, yet it still speaks against the winner.
@example(evidence=[{"option": "none", "weight": -3, "rule": "r0"},
                   {"option": "none", "weight": 3, "rule": "r0"},
                   {"option": "dedicated", "weight": -3, "rule": "r0"}])
def test_certainty_is_between_zero_and_one_and_high_only_without_substantial_opposition(evidence):
    decision = decided(evidence)
    assert 0.0 <= decision.confidence <= 1.0
    if decision.level == "high":
        stage = decision.stage(decision.decided_by)
        won = stage.standing(decision.option)
        assert won.strongest_against < 2 and not decision.tension
        assert stage_of(decision.option) == decision.decided_by


@settings(max_examples=300, deadline=None)
@given(HINTS, SUBSTANTIAL_ITEMS, st.sampled_from(SOURCING))
def test_hints_and_argued_factors_never_outweigh_a_categorical_statement(hints, argued, option):
    # Seed 000's «однозначно» for one option, against any number of hints and argued factors
    # (against it, or for its rivals): it is outweighed only by another categorical statement
    # or a veto, so it wins, and its certainty against each rival stays above nothing.
    decision = decided([NEEDED, *hints, *argued, {"option": option, "weight": 3, "rule": "cat"}])
    assert decision.option == option and decision.decided_by == "sourcing"
    assert decision.confidence > 0


@settings(max_examples=300, deadline=None)
@given(HINTS, st.sampled_from(SOURCING), st.integers(1, 3))
def test_any_number_of_hints_never_outweigh_one_substantial_statement(hints, option, weight):
    decision = decided([NEEDED, *hints, {"option": option, "weight": 2, "rule": "argued"}])
    assert decision.option == option


CATALOG, METAS = load_catalog(), list(all_rules())


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_the_first_page_never_contradicts_itself(seed):
    answers = random_answer_sets(CATALOG, METAS, 1, seed)[0]
    page = client_page(advise(answers))
    certainty, against = page["certainty"], page["reasons_against"]
    substantial = [r for r in against if r["strength"] in ("categorical", "recommendation", "argued")]
    if certainty["level"] == "high":  # "nothing substantial speaks against it"
        assert not substantial and not certainty["substantial_against"]
    if not against:  # "No rule weighed against it"
        assert not certainty["substantial_against"]
    rules_for = [r["rule"] for r in page["reasons_for"]]
    rules_against = [r["rule"] for r in against]
    assert len(set(rules_for)) == len(rules_for) and len(set(rules_against)) == len(rules_against)
    assert not set(rules_for) & set(rules_against)
    if certainty["rival"]:
        assert certainty["rival"] != page["label"]
