"""advise --watch: CLIPS's watch trace on stderr, checked against the engine's own record."""
import re

import pytest

from expert.inputs.examples import example_names, load_example
from expert.reasoning.advisor import advise


def trace_lines(err: str) -> list[str]:
    """The trace with wrapped lines joined back (continuations are indented)."""
    lines = []
    for line in err.splitlines():
        if line.startswith(" ") and lines:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return lines


def ids(text: str) -> list[int]:
    return [int(i) for i in re.findall(r"f-(\d+)", text)]


@pytest.mark.parametrize("example", example_names())
def test_watch_prints_each_firing_and_what_it_added_as_the_engine_recorded(ccadvisor, example):
    run = ccadvisor("advise", "--example", example, "--watch", "facts,rules,activations")
    assert run.code == 0, run.err
    assert run.out == ccadvisor("advise", "--example", example).out  # stdout keeps the report
    firings = advise(load_example(example)[0]).firings
    seen, current = [], None
    for line in trace_lines(run.err):
        fire = re.match(r"FIRE +(\d+) (\w+): (.*)$", line)
        if fire:
            current = {"step": int(fire[1]), "rule": fire[2], "matched": ids(fire[3]), "added": []}
            seen.append(current)
        elif line.startswith("==> f-"):
            if current is not None:
                current["added"].append(ids(line)[0])
        else:
            assert line.startswith(("==> Activation ", "<== Activation ", "--- ")), line
            current = None  # facts after these lines were not added by a firing
    assert seen == [{"step": f.step, "rule": f.rule, "matched": f.matched_ids,
                     "added": f.added_ids} for f in firings]


def test_every_activation_that_fired_was_announced_first(ccadvisor):
    run = ccadvisor("advise", "--example", "network_explosive_growth", "--watch", "all")
    announced = set()
    for line in trace_lines(run.err):
        activation = re.match(r"==> Activation -?\d+ (\w+): (.*)$", line)
        if activation:
            announced.add((activation[1], tuple(ids(activation[2]))))
        fire = re.match(r"FIRE +\d+ (\w+): (.*)$", line)
        if fire:
            assert (fire[1], tuple(ids(fire[2]))) in announced


def test_watch_rules_alone_prints_only_the_firings(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--watch", "rules")
    firings = advise(load_example("home_team_startup")[0]).firings
    assert [line.split(":")[0] for line in trace_lines(run.err)] == \
        [f"FIRE {f.step:4d} {f.rule}" for f in firings]


def test_an_unknown_watch_item_is_one_line(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--watch", "facts,rule")
    assert run.code == 2 and run.out == ""
    assert run.err == "ccadvisor: error: --watch: unknown item 'rule' (did you mean 'rules'?)\n"
