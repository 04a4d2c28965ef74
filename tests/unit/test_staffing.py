"""Erlang C staffing: known answers, properties that must always hold, and clean errors."""
import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from expert.errors import InputError
from expert.numbers.staffing import Target, erlang_c, parse_target, required_agents, service_level


@pytest.mark.parametrize("target, agents", [("80/20", 54), ("80/15", 55)])
def test_48_erlangs_need_the_published_number_of_agents(target, agents):
    # 360 calls in 30 minutes at 240 s = 48 Erlangs
    result = required_agents(360, 30, 240, parse_target(target))
    assert result.load_erlangs == 48
    assert result.agents == agents


def test_occupancy_cap_case_needs_14_agents():
    assert required_agents(100, 30, 180, parse_target("80/20"), max_occupancy_pct=85).agents == 14


def test_occupancy_cap_raises_the_agents_when_it_binds():
    free = required_agents(360, 30, 240, parse_target("80/20"))
    capped = required_agents(360, 30, 240, parse_target("80/20"), max_occupancy_pct=85)
    assert (free.agents, capped.agents) == (54, math.ceil(48 / 0.85))
    assert capped.limited_by == "max_occupancy" and capped.occupancy_pct <= 85


def test_shrinkage_turns_agents_on_the_line_into_a_larger_rota():
    result = required_agents(360, 30, 240, parse_target("80/20"), shrinkage_pct=30)
    assert result.scheduled_agents == math.ceil(54 / 0.7)


def test_erlang_c_matches_the_closed_formula_on_a_small_case():
    # A = 2, N = 3: C = (A^N/N! * N/(N-A)) / (sum_{k<N} A^k/k! + A^N/N! * N/(N-A)) = 4/9
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)


def test_a_large_load_is_computed_without_overflow():
    # 50,000 calls an hour at 4 minutes: 3,333 Erlangs; the textbook A^N/N! would overflow
    capped = required_agents(50_000, 60, 240, parse_target("80/20"), max_occupancy_pct=85)
    assert (capped.agents, capped.limited_by) == (math.ceil(50_000 * 240 / 3600 / 0.85), "max_occupancy")
    free = required_agents(50_000, 60, 240, parse_target("80/20"))
    load = 50_000 * 240 / 3600
    assert service_level(free.agents, load, 240, 20) >= 0.8 > service_level(free.agents - 1, load, 240, 20)


calls = st.floats(min_value=1, max_value=5000, allow_nan=False)
aht = st.floats(min_value=10, max_value=900, allow_nan=False)
percent = st.integers(min_value=50, max_value=99)
seconds = st.integers(min_value=1, max_value=120)


@settings(max_examples=150, deadline=None)
@given(calls, st.floats(min_value=0, max_value=500), aht, percent, seconds)
def test_more_calls_never_need_fewer_agents(base, extra, handling, pct, secs):
    target = Target(pct, secs)
    assert required_agents(base + extra, 60, handling, target).agents >= \
        required_agents(base, 60, handling, target).agents


@settings(max_examples=150, deadline=None)
@given(calls, aht, percent, st.integers(0, 40), seconds, st.integers(0, 60))
def test_a_stricter_target_never_needs_fewer_agents(volume, handling, pct, more_pct, secs, fewer_secs):
    loose = Target(pct, secs + fewer_secs)
    strict = Target(min(99, pct + more_pct), secs)
    assert required_agents(volume, 60, handling, strict).agents >= \
        required_agents(volume, 60, handling, loose).agents


@settings(max_examples=150, deadline=None)
@given(calls, aht, percent, seconds, st.one_of(st.none(), st.integers(60, 100)))
def test_the_achieved_service_level_always_meets_the_target(volume, handling, pct, secs, cap):
    result = required_agents(volume, 60, handling, Target(pct, secs), max_occupancy_pct=cap)
    load = volume * handling / 3600
    assert service_level(result.agents, load, handling, secs) >= pct / 100
    # and it is the fewest: one agent fewer misses the target or the occupancy cap
    fewer = result.agents - 1
    assert fewer <= load or service_level(fewer, load, handling, secs) < pct / 100 \
        or (cap is not None and load / fewer > cap / 100)


def test_command_prints_agents_and_rota(ccadvisor):
    run = ccadvisor("staffing", "--calls", "360", "--interval-minutes", "30",
                    "--aht-seconds", "240", "--target", "80/20", "--shrinkage", "30")
    assert run.code == 0, run.err
    assert "Agents on the line       54" in run.out
    assert "Scheduled agents         78 (after 30% shrinkage)" in run.out


def test_command_json_has_agents_and_scheduled_agents(ccadvisor):
    run = ccadvisor("staffing", "--calls", "100", "--interval-minutes", "30", "--aht-seconds", "180",
                    "--max-occupancy", "85", "--format", "json")
    data = json.loads(run.out)
    # No --shrinkage: the cost model's assumed 30 %, said to be an assumption (14 / 0.7 = 20).
    assert (data["agents"], data["scheduled_agents"], data["shrinkage_pct"]) == (14, 20, 30)
    assert data["shrinkage_assumed"] is True
    run = ccadvisor("staffing", "--calls", "100", "--interval-minutes", "30", "--aht-seconds", "180",
                    "--max-occupancy", "85", "--shrinkage", "0", "--format", "json")
    data = json.loads(run.out)
    assert (data["scheduled_agents"], data["shrinkage_assumed"]) == (14, False)


@pytest.mark.parametrize("args, message", [
    (["--target", "0.8/20"], "target service level 0.8 looks like a fraction; type percentages as "
                             "percent, e.g. 80 for 80%"),
    (["--max-occupancy", "0.85"], "maximum occupancy 0.85 looks like a fraction"),
    (["--shrinkage", "0.3"], "shrinkage 0.3 looks like a fraction"),
    (["--target", "100/20"], "target '100/20' is impossible"),
    (["--target", "80/0"], "target '80/0': the answer time must be above 0 seconds"),
    (["--target", "120/20"], "target service level 120% is over 100%"),
    (["--target", "eighty"], "target 'eighty' is not PERCENT/SECONDS, e.g. 80/20"),
    (["--calls", "0"], "calls must be a number above 0, got 0"),
    (["--aht-seconds", "-5"], "average handling time (seconds) must be a number above 0, got -5"),
    (["--interval-minutes", "0"], "interval minutes must be a number above 0, got 0"),
    (["--shrinkage", "100"], "shrinkage 100% is impossible"),
    (["--calls", "1e12"], "Erlangs is beyond this calculator"),
])
def test_bad_input_is_one_clear_line_with_exit_2(ccadvisor, args, message):
    base = {"--calls": "100", "--aht-seconds": "180"}
    base.update(dict(zip(args[::2], args[1::2])))
    run = ccadvisor("staffing", *[x for kv in base.items() for x in kv])
    assert run.code == 2
    assert run.err.startswith("ccadvisor: error: ") and message in run.err
    assert run.err.count("\n") == 1 and not run.out


def test_parse_target_refuses_a_fraction_directly():
    with pytest.raises(InputError):
        parse_target("0.8/20")
