"""replay, without a browser: one frame per firing in the engine's order, and a page that says
so when Graphviz is missing (the browser test steps through it: tests/browser/test_replay.py)."""
import re

import expert.report.graph
from expert.inputs.examples import load_example
from expert.reasoning.advisor import advise


def frames(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<section class="frame" data-kind="(\w+)" data-step="\d+"(?: data-rule="(\w+)")?', html)


def test_one_frame_per_firing_after_the_start_with_the_decision_steps_between(ccadvisor):
    run = ccadvisor("replay", "--example", "network_explosive_growth")
    assert run.code == 0, run.err
    result = advise(load_example("network_explosive_growth")[0])
    shown = frames(run.out)
    assert shown[0] == ("start", "")
    assert [rule for kind, rule in shown if kind == "firing"] == [f.rule for f in result.firings]
    # the graph's options carry no final score, which would contradict the running scores
    if "<svg" in run.out:
        assert "score +" not in run.out.split("<svg")[1].split("</svg>")[0]
    # a decision frame comes right before the first firing of each stage it opens, and before
    # the first follow-up firing (the recommendation)
    firsts = []
    for fact in ({"fact": "Stage", "name": "sourcing"},):
        firsts.append(next(f.rule for f in result.firings if fact in f.matched))
    firsts.append(next(f.rule for f in result.firings
                       if any(m["fact"] == "Recommended" for m in f.matched)))
    for rule in firsts:
        assert shown[shown.index(("firing", rule)) - 1] == ("decision", "")
    assert shown.count(("decision", "")) == 2


def test_without_graphviz_the_page_says_so_and_still_steps(ccadvisor, monkeypatch):
    monkeypatch.setattr(expert.report.graph.shutil, "which", lambda name: None)
    run = ccadvisor("replay", "--example", "home_team_startup")
    assert run.code == 0 and "<svg" not in run.out
    assert "The graph needs Graphviz" in run.out and len(frames(run.out)) > 2


def test_when_the_need_stage_fires_nothing_the_decision_still_has_its_frame(ccadvisor, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("meta:\n  client: Only the period is known\nperiod: short_term\n")
    run = ccadvisor("replay", "--answers", str(answers))
    assert run.code == 0, run.err
    assert [kind for kind, _ in frames(run.out)][:2] == ["start", "decision"]
    assert "stage sourcing open" in run.out.split('data-kind="decision"')[1].split("</section>")[0]
