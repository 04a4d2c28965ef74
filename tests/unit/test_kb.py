"""ccadvisor kb check: the real rule base is sound, and every check catches what it is for."""
import json
import os
import shutil

import pytest

from expert.inputs.catalog import Catalog, Question, load_catalog
from expert.reasoning._experta import AS, L, Rule
from expert.reasoning.facts import Answer, Finding, Recommended
from expert.reasoning.heuristic import heuristic, heuristics_of
from expert.kb.checks import DEFAULT_SEEDS_DIR, check_rule_base
from expert.kb.runs import (Runner, check_fires, check_stages, check_termination, check_vetoes,
                            example_answer_sets)
from expert.kb.runs import check_hybrid_core
from expert.kb.static import (check_advice, check_citations, check_contradictions, check_ids,
                              check_one_statement_one_vote, check_questions, check_requirements,
                              check_strengths, check_veto_scopes, seed_texts)
from expert.reasoning import decision
from expert.reasoning.options import load_options
from rules import RULESETS, all_rules
from rules.seeds import SEED_000, SEED_001, SEED_003, SEEDS

REAL = list(all_rules())


def messages(problems):
    return [f"{p.check}: {p.subject}: {p.message}" for p in problems]


@pytest.mark.seeds
def test_the_rule_base_is_sound(ccadvisor):
    run = ccadvisor("kb", "check")
    assert run.code == 0, run.out
    text = " ".join(run.out.split())  # however the width wrapped it
    assert text.startswith(f"kb check: sound - {len(REAL)} rules, {len(load_catalog())} questions, "
                           f"quotes verified against {DEFAULT_SEEDS_DIR}")
    assert "300 random answer sets" in text


def test_json_format_lists_problems(ccadvisor):
    run = ccadvisor("kb", "check", "--format", "json", "--runs", "5")
    assert run.code == 0, run.out
    report = json.loads(run.out)
    assert report["sound"] is True and report["problems"] == [] and report["random_runs"] == 5


@pytest.mark.seeds
def test_a_quote_missing_from_its_seed_fails_the_command_with_one_line_per_problem(ccadvisor, tmp_path):
    for seed in SEEDS:
        shutil.copy(DEFAULT_SEEDS_DIR / seed, tmp_path / seed)
    seed_003 = tmp_path / SEED_003
    seed_003.write_text(seed_003.read_text(encoding="utf-8").replace("До 1000", "До 2000"),
                        encoding="utf-8")
    run = ccadvisor("kb", "check", "--seeds", str(tmp_path), "--runs", "1")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0] == ("citations: small_customer_base_needs_no_centre: quote fragment not found in "
                        f"{SEED_003}: «Какова клиентская база Компании? До 1000»")
    assert lines[-1] == f"kb check: 1 problem in {len(REAL)} rules and {len(load_catalog())} questions."


def test_an_absent_seeds_directory_is_said_clearly(ccadvisor, tmp_path):
    result = check_rule_base(seeds_dir=tmp_path / "nowhere", runs=1)
    assert result.sound and not result.quotes_verified
    run = ccadvisor("kb", "check", "--seeds", str(tmp_path / "nowhere"))
    assert run.code == 2
    assert run.err == (f"ccadvisor: error: --seeds: '{tmp_path / 'nowhere'}' does not exist; "
                       "expected a directory of the seed articles\n")


@pytest.mark.parametrize("make", [lambda p: p.write_text("root:x:0:0\n"), os.mkfifo])
def test_seeds_that_are_a_file_are_not_said_to_be_missing(ccadvisor, tmp_path, make):
    """kb check --seeds /etc/passwd: the path is there, it is just no directory."""
    seeds = tmp_path / "passwd"
    make(seeds)
    run = ccadvisor("kb", "check", "--seeds", str(seeds))
    assert (run.code, run.err) == (2, f"ccadvisor: error: --seeds: '{seeds}' is not a directory; "
                                      "expected a directory of the seed articles\n")


# --- deliberately broken rule sets: each check must catch its own kind of fault --------------

class Broken:
    @heuristic(
        Answer(question="call_flow", value="lunchtime"),
        seed=SEED_003, strength="hint", favours=["outsource"],
        quote="Поток звонков равномерный.", gloss="The flow is even.",
    )
    def impossible_answer_rule():
        """Reads a choice the question does not have."""

    @heuristic(
        Answer(question="call_colour", value="blue"),
        seed=SEED_003, strength="hint", favours=["outsource"],
        quote="Поток звонков равномерный.", gloss="The flow is even.",
    )
    def unknown_question_rule():
        """Reads a question that does not exist."""

    @heuristic(
        Recommended(option="nobody"),
        seed=SEED_000, advice=["vendor_checklist"],
        quote="Пусть Ваш выбор будет правильным!", gloss="May your choice be right!",
    )
    def never_recommended_rule():
        """Waits for an option the decision step never declares."""

    @heuristic(
        Answer(question="hotline", value="yes"),
        seed=SEED_003, strength="hint", against=["outsource"], advice=["no_such_advice"],
        quote="Нужен собственный Call-центр, а за ним — ещё один", gloss="Invented.",
    )
    def hotline_is_work_an_outsourcer_does_well():
        """Same id as a real rule, an invented quote, advice that does not exist."""

    @heuristic(
        Finding(name="never_found"),
        seed="005_invented.txt", strength="hint", favours=["none"],
        quote="", gloss="",
    )
    def unfindable_finding_rule():
        """Chains on a finding no rule reaches, cites no seed."""

    @heuristic(
        Answer(question="task_complexity", value="simple"),
        seed=SEED_000, strength="argued", against=["outsource"],
        quote="Простые задачи правильнее отдать на решение внешнему контактному центру",
        gloss="Read the wrong way round.",
    )
    def simple_tasks_stay_inside():
        """The opposite sign on the same conditions as simple_tasks_favour_outsourcing."""


BROKEN = heuristics_of(Broken)


class OffTheScale:
    @heuristic(
        Answer(question="hotline", value="yes"),
        seed=SEED_003, strength="hint", evidence={"outsource": 30},
        quote="Эффективно при необходимости … обработки звонков горячей линии",
        gloss="A hint that weighs thirty.",
    )
    def hotline_weighs_thirty():
        """A weight off the named scale: it would silently overturn every decision."""

    @heuristic(
        Answer(question="hotline", value="yes"),
        seed=SEED_003, strength="strong", evidence={"outsource": 2},
        quote="Эффективно при необходимости … обработки звонков горячей линии",
        gloss="A strength the scale does not name.",
    )
    def hotline_strongly():
        """Names a strength that is not on the scale."""


class DoubleVotes:
    @heuristic(
        Answer(question="period", value="short_term"), Answer(question="hotline", value="yes"),
        seed=SEED_000, strength="categorical", favours=["outsource"],
        quote="При краткосрочных задачах однозначно", gloss="The same sentence, quoted again.",
    )
    def short_term_counted_again():
        """A second quote of the sentence short_term_task_favours_outsourcing votes with."""

    @heuristic(
        Answer(question="business_size", value="small"),
        seed=SEED_001, strength="argued", favours=["home_team"],
        quote="Самый бюджетный вариант", gloss="The same statement, from another module.",
    )
    def budget_counted_again():
        """The cheapest-option sentence of seed 001, voting for the home team a second time."""

    @heuristic(
        Answer(question="call_load", value="staff_cope"),
        seed=SEED_003, excludes={"dedicated": "here"},
        quote="Секретарь и/или сотрудники справляются",
        gloss="A veto on an option that, with this answer, has nothing for it anyway.",
    )
    def pointless_veto():
        """Excludes dedicated handling where the answers never support it."""


class UndeclaredVetoes:
    @heuristic(
        Answer(question="period", value="short_term"),
        seed=SEED_000, excludes={"centre": "here"},
        quote="краткосрочных задач однозначно", gloss="Forbids something no option is.",
    )
    def short_term_forbids_a_centre():
        """Names neither building nor an option: which options does it rule out?"""

    @heuristic(
        Answer(question="period", value="short_term"),
        seed=SEED_000, excludes={"building": "always"},
        quote="краткосрочных задач однозначно", gloss="A span that is not on the list.",
    )
    def short_term_forbids_building_always():
        """Declares a span that is neither for this client nor for now."""


class HybridForAll:
    @heuristic(
        Answer(question="call_load", value="calls_lost"),
        seed=SEED_003, strength="categorical", favours=["hybrid"],
        quote="Клиенты жалуются, что к Вам сложно дозвониться.", gloss="Hard to get through.",
    )
    def lost_calls_mean_a_hybrid():
        """Would advise the hybrid to any client who loses calls, whatever work it has."""


def test_duplicate_ids_are_caught():
    assert messages(check_ids(REAL + BROKEN)) == [
        "ids: hotline_is_work_an_outsourcer_does_well: rule id is used more than once"]


@pytest.mark.seeds
def test_invented_quotes_and_seeds_are_caught():
    texts, _ = seed_texts(DEFAULT_SEEDS_DIR)
    found = messages(check_citations(REAL + BROKEN, texts))
    assert found == [
        f"citations: hotline_is_work_an_outsourcer_does_well: quote fragment not found in "
        f"{SEED_003}: «Нужен собственный Call-центр, а за ним — ещё один»",
        "citations: unfindable_finding_rule: cites '005_invented.txt', not one of the five seeds",
    ]


def test_an_uncited_seed_is_caught():
    without_004 = [m for m in REAL if m.seed != SEEDS[4]]
    texts, _ = seed_texts(DEFAULT_SEEDS_DIR)
    assert messages(check_citations(without_004, texts)) == [
        f"citations: {SEEDS[4]}: no rule cites this seed"]


def test_unused_and_unknown_questions_are_caught():
    extra = Question(id="favourite_colour", text="Which colour?", type="yes_no",
                     source=SEED_003, topic="test")
    catalog = Catalog([*load_catalog(), extra])
    found = messages(check_questions(REAL + BROKEN, catalog))
    assert "questions: unknown_question_rule: reads unknown question 'call_colour'" in found
    assert "questions: favourite_colour: no rule reads this question" in found
    assert len(found) == 2


def test_missing_advice_items_are_caught():
    items = {"vendor_checklist": {"seed": SEED_000, "topic": "vendor",
                                  "quote": "Пусть Ваш выбор будет правильным!"}}
    assert messages(check_advice(BROKEN, items, {})) == [
        "advice: hotline_is_work_an_outsourcer_does_well: adds advice item 'no_such_advice' "
        "missing from data/advice.yaml"]


@pytest.mark.seeds
def test_advice_without_a_quote_found_in_its_seed_is_caught():
    texts, _ = seed_texts(DEFAULT_SEEDS_DIR)
    items = {"unquoted": {"seed": SEED_000, "points": ["Outsource it."]},
             "misquoted": {"seed": SEED_000, "quote": "Аутсорсинг всегда дешевле."},
             "unsourced": {"seed": "005_invented.txt", "quote": "Что угодно."},
             "quoted": {"seed": SEED_000, "quote": "Пусть Ваш выбор будет правильным!"}}
    items = {key: {"topic": "vendor", **item} for key, item in items.items()}
    assert messages(check_advice([], items, texts)) == [
        "advice: unquoted: has no quote",
        f"advice: misquoted: quote fragment not found in {SEED_000}: «Аутсорсинг всегда дешевле.»",
        "advice: unsourced: cites '005_invented.txt', not one of the five seeds",
    ]


def test_a_malformed_advice_item_is_caught():
    """A point YAML read as a mapping (an unquoted 'a: b'), an unknown topic, an action with no
    place among the next steps: each named, with the item."""
    items = {"colon": {"seed": SEED_000, "topic": "plan", "quote": "Пусть Ваш выбор будет правильным!",
                       "points": ["Fine.", {"Its operators will not guess": "keep them informed."}]},
             "lost": {"seed": SEED_000, "topic": "misc", "quote": "Пусть Ваш выбор будет правильным!"},
             "half": {"seed": SEED_000, "topic": "vendor", "action": "Do it",
                      "quote": "Пусть Ваш выбор будет правильным!"}}
    found = messages(check_advice([], items, {}))
    assert found == [
        "advice: colon: point 2 is not a sentence (quote it in the YAML): "
        "{'Its operators will not guess': 'keep them informed.'}",
        "advice: lost: topic 'misc' is not one of: plan, vendor, hybrid, hybrid_split, "
        "own_centre, home_team, running, no_centre",
        "advice: half: a next step needs both an action (one line) and an order (a whole number)"]


def test_every_shipped_advice_item_is_quoted():
    from expert.report.model import ADVICE_FILE
    import yaml
    items = yaml.safe_load(ADVICE_FILE.read_text(encoding="utf-8"))
    assert [i for i, item in items.items() if not item.get("quote")] == []


def test_opposite_signs_on_the_same_conditions_are_caught():
    found = messages(check_contradictions(REAL + BROKEN))
    assert found == ["contradictions: outsource: the same conditions pull it both ways: "
                     "simple_tasks_favour_outsourcing +2, simple_tasks_stay_inside -2"]
    assert check_contradictions(REAL) == []


def test_a_weight_off_the_named_scale_is_caught():
    assert messages(check_strengths(REAL + heuristics_of(OffTheScale))) == [
        "strengths: hotline_weighs_thirty: gives outsource +30, off the named scale: hint weighs 1",
        "strengths: hotline_strongly: names no strength on the scale (categorical, "
        "recommendation, argued, hint): 'strong'",
    ]
    assert check_strengths(REAL) == []


@pytest.mark.seeds
def test_one_statement_voting_twice_is_caught():
    texts, _ = seed_texts(DEFAULT_SEEDS_DIR)
    assert messages(check_one_statement_one_vote(REAL + heuristics_of(DoubleVotes), texts)) == [
        "double votes: budget_counted_again: gives a vote for home_team from the statement "
        "limited_budget_favours_home_operators quotes: one statement, one vote",
        "double votes: short_term_counted_again: gives a vote for outsource from the statement "
        "short_term_task_favours_outsourcing quotes: one statement, one vote",
    ]
    assert check_one_statement_one_vote(REAL, texts) == []


def test_a_veto_whose_scope_is_not_declared_is_caught():
    assert messages(check_veto_scopes(REAL + heuristics_of(UndeclaredVetoes))) == [
        "vetoes: short_term_forbids_a_centre: forbids 'centre': a veto forbids building an own "
        "centre ('building') or one of the options none, home_team, outsource, hybrid, in_house",
        "vetoes: short_term_forbids_building_always: holds 'always': a veto holds 'here' or "
        "'for_now'",
    ]
    assert check_veto_scopes(REAL) == []


def test_a_hybrid_that_requires_no_core_is_caught():
    options = load_options()
    hybrid = options["hybrid"]
    without_core = {**options, "hybrid": type(hybrid)(**{
        **hybrid.__dict__, "requires": tuple(r for r in hybrid.requires
                                             if r.finding != "core_for_own_centre")})}
    assert messages(check_requirements(REAL, without_core)) == [
        "requirements: hybrid: does not require 'core_for_own_centre': a hybrid could be "
        "advised without a core for an own team"]
    assert check_requirements(REAL) == []


def test_a_hybrid_reached_without_a_core_is_caught(monkeypatch):
    # A rule base whose decision ignores what the hybrid requires, and a rule that favours it
    # for every client who loses calls: the runs see it advised with nothing to keep in-house.
    monkeypatch.setattr(decision, "unmet_of", lambda option, findings: ())
    runner = Runner((*RULESETS, HybridForAll), cap=1000)
    runner.fired({"call_load": "calls_lost", "customer_base": 5000, "period": "long_term"})
    found = messages(check_hybrid_core(runner))
    assert len(found) == 1
    assert found[0].startswith("requirements: hybrid: recommended without core_for_own_centre")
    monkeypatch.undo()
    real = Runner(RULESETS, cap=1000)
    for answers in example_answer_sets():
        real.fired(answers)
    assert check_hybrid_core(real) == []


def test_rules_that_cannot_fire_are_caught():
    rulesets = (*RULESETS, Broken)
    runner = Runner(rulesets, cap=1000)
    found = messages(check_fires(BROKEN, load_catalog(), runner, example_answer_sets()[:2]))
    assert found == [
        "fires: impossible_answer_rule: can never fire: no valid answer to 'call_flow' is lunchtime",
        "fires: unknown_question_rule: can never fire: reads unknown question 'call_colour'",
        "fires: never_recommended_rule: did not fire on any of 2 answer sets that satisfy its "
        "answer conditions",
        "fires: unfindable_finding_rule: can never fire: no rule can find 'never_found'",
    ]


def test_a_veto_that_never_takes_effect_is_caught():
    runner = Runner((*RULESETS, DoubleVotes), cap=1000)
    found = messages(check_vetoes(heuristics_of(DoubleVotes), load_catalog(), runner, [{}]))
    assert found == ["vetoes: pointless_veto: never excluded an option that had anything for "
                     "it, in 1 answer sets that satisfy its conditions"]
    real = Runner(RULESETS, cap=1000)
    assert check_vetoes(REAL, load_catalog(), real, example_answer_sets()) == []


def test_a_stage_no_answer_set_reaches_is_caught():
    runner = Runner(RULESETS, cap=1000)
    runner.fired({"call_load": "staff_cope", "customer_base": 200})  # "none": the need stage only
    assert messages(check_stages(runner)) == [
        "stages: dedicated: never wins the need stage in any answer set",
        "stages: sourcing: no answer set reaches this stage",
        *(f"stages: {o}: is never recommended in any answer set"
          for o in ("home_team", "outsource", "hybrid", "in_house")),
    ]
    for answers in example_answer_sets():
        runner.fired(answers)
    assert check_stages(runner) == []


class Runaway:
    """A plain experta rule that keeps replacing the fact it matched: it never ends by itself."""

    @heuristic(
        Answer(question="call_load", value="calls_lost"),
        seed=SEED_003, finds=["loop"],
        quote="Клиенты жалуются, что к Вам сложно дозвониться.", gloss="Hard to get through.",
    )
    def start_the_loop():
        """Records the finding the runaway rule feeds on."""

    @Rule(AS.fact << Finding(name=L("loop")))
    def keep_replacing_the_finding(self, fact):
        self.modify(fact, name="loop")


def test_an_engine_that_never_ends_is_caught():
    runner = Runner((*RULESETS, Runaway), cap=200)
    found = messages(check_termination(runner, [{"call_flow": "few_in_hours"},
                                                {"call_load": "calls_lost"}]))
    assert found == ["termination: answer set 2: the engine was still firing after 200 firings"]


def test_the_whole_check_reports_a_broken_rule_base_as_unsound():
    result = check_rule_base(
        rulesets=(*RULESETS, Broken, OffTheScale, DoubleVotes, UndeclaredVetoes), runs=2)
    assert not result.sound
    assert {p.check for p in result.problems} >= {
        "ids", "questions", "advice", "fires", "strengths", "vetoes"}
