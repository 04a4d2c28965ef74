"""graph: the reasoning chain as DOT and Mermaid."""
import re
import shutil
import subprocess

import pytest

from expert.reasoning.advisor import advise
from expert.inputs.examples import example_names, load_example
from expert.report.graph import reasoning_graph, render_graph
from expert.reasoning.options import load_options, option_ids

needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz 'dot' is not installed (apt-get install graphviz)")


def labels(dot_text):
    """Every label, with the line breaks that keep nodes narrow taken out."""
    return [label.replace("\\n", "") for label in re.findall(r'label="((?:[^"\\]|\\.)*)"', dot_text)]


@pytest.mark.parametrize("example", example_names())
def test_dot_names_every_fired_rule_and_every_option_with_its_score(ccadvisor, example):
    run = ccadvisor("graph", "--example", example, "--format", "dot")
    assert run.code == 0 and run.out.startswith("digraph reasoning {")
    result = advise(load_example(example)[0])
    shown = labels(run.out)
    for firing in result.firings:  # a rule that fired twice shows both steps: "20, 24. rule"
        assert any(label.endswith(f". {firing.rule}")
                   and str(firing.step) in label.rsplit(". ", 1)[0].split(", ") for label in shown)
    for option in option_ids():
        score, stage = result.decision.scores.get(option, 0), load_options()[option].stage
        rank = "recommended" if option == result.decision.option else ""
        assert any(f"[{option}]{stage} stage, score {score:+d}" in label and rank in label
                   for label in shown)


@needs_dot
@pytest.mark.parametrize("example", example_names())
def test_dot_output_parses_with_graphviz(ccadvisor, example):
    run = ccadvisor("graph", "--example", example)
    done = subprocess.run(["dot", "-Tsvg"], input=run.out, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "<svg" in done.stdout
    assert done.stderr == ""


def test_edges_carry_the_evidence_weights(ccadvisor):
    model = reasoning_graph(advise(load_example("network_explosive_growth")[0]))
    ids = {(n["kind"], n["ref"]): n["id"] for n in model["nodes"]}
    kept = ids["rule", "own_centre_that_pays_its_way_is_kept"]
    hybrid, in_house = ids["chosen", "hybrid"], ids["option", "in_house"]
    assert {"source": kept, "target": hybrid, "label": "+2", "kind": "for"} in model["edges"]
    assert {"source": kept, "target": in_house, "label": "+2", "kind": "for"} in model["edges"]
    strains = ids["rule", "need_to_scale_strains_own_staff"]
    assert {"source": strains, "target": in_house, "label": "-1", "kind": "against"} in model["edges"]
    answer = ids["answer", "current_arrangement"]
    runs = ids["rule", "own_centre_runs_today"]
    assert {"source": answer, "target": runs, "label": "", "kind": ""} in model["edges"]


def test_a_veto_on_building_points_at_every_option_that_would_need_it(ccadvisor):
    model = reasoning_graph(advise(load_example("new_year_promotion")[0]))
    ids = {(n["kind"], n["ref"]): n["id"] for n in model["nodes"]}
    veto = ids["rule", "short_term_task_does_not_justify_building_an_own_centre"]
    for option in ("in_house", "hybrid"):
        assert {"source": veto, "target": ids["option", option], "label": "excludes building",
                "kind": "against"} in model["edges"]
    assert not any(e["source"] == veto and e["target"] == ids["option", "home_team"]
                   for e in model["edges"])

def test_mermaid_is_a_flowchart_with_the_same_nodes(ccadvisor):
    run = ccadvisor("graph", "--example", "network_explosive_growth", "--format", "mermaid")
    assert run.code == 0 and run.out.startswith("flowchart LR\n")
    assert "score +" in run.out and "(recommended)" in run.out
    # evidence for: a thick line, against: a dotted one, each in its colour
    assert re.search(r'n\d+ ==>\|"\+2"\| n\d+', run.out)
    assert re.search(r'n\d+ -\.->\|"-1"\| n\d+', run.out)
    assert "stroke:#1b7f3b" in run.out and "stroke:#c62828" in run.out
    assert "class " in run.out and " chosen" in run.out


def test_labels_are_escaped_for_each_language():
    model = {"nodes": [{"id": "n1", "kind": "answer", "label": 'say "hi" <b> \\ #1'},
                       {"id": "n2", "kind": "rule", "label": "1. r"}],
             "edges": [{"source": "n1", "target": "n2", "label": '"+1"'}]}
    dot = render_graph(model, "dot")
    assert 'label="say \\"hi\\" <b> \\\\ #1"' in dot
    mermaid = render_graph(model, "mermaid")
    assert 'n1["say #quot;hi#quot; #lt;b#gt; \\ #35;1"]' in mermaid
    assert '-->|"#quot;+1#quot;"|' in mermaid
    if shutil.which("dot"):
        done = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


def test_graph_is_deterministic_and_writes_atomically(ccadvisor, tmp_path):
    first = ccadvisor("graph", "--example", "new_year_promotion").out
    assert ccadvisor("graph", "--example", "new_year_promotion").out == first
    target = tmp_path / "g.dot"
    run = ccadvisor("graph", "--example", "new_year_promotion", "--output", str(target))
    assert run.code == 0 and target.read_text() == first


def test_graph_rejects_an_unknown_format(ccadvisor):
    run = ccadvisor("graph", "--example", "new_year_promotion", "--format", "png")
    assert run.code == 2 and "'png' is not one of 'dot', 'mermaid', 'svg'" in run.err


def dot_edges(dot_text):
    """(source, target, attributes) of every edge in DOT text."""
    return re.findall(r"^  (n\d+) -> (n\d+) \[(.*)\];$", dot_text, flags=re.M)


@pytest.mark.parametrize("example", example_names())
def test_for_and_against_differ_in_colour_and_in_line_style(ccadvisor, example):
    run = ccadvisor("graph", "--example", example)
    looks = {}
    for _, _, attributes in dot_edges(run.out):
        weight = re.search(r'label="([+-]\d+)"', attributes)
        if weight:
            colour = re.search(r'color="(#\w+)"', attributes)[1]
            style = re.search(r"style=(\w+)", attributes)[1]
            looks.setdefault(weight[1][0], set()).add((colour, style))
    assert looks["+"] and len(looks["+"]) == 1
    if "-" in looks:  # every example has evidence against something, but say why if not
        assert len(looks["-"]) == 1
        (for_colour, for_style), = looks["+"]
        (against_colour, against_style), = looks["-"]
        assert for_colour != against_colour and for_style != against_style


def test_each_figure_hangs_off_the_answers_it_is_computed_from():
    from expert.numbers.figures import FIGURE_INPUTS
    result = advise(load_example("new_year_promotion")[0])
    model = reasoning_graph(result)
    ids = {(n["kind"], n["ref"]): n["id"] for n in model["nodes"]}
    figures = [ref for kind, ref in ids if kind == "figure"]
    assert figures
    for name in figures:
        inputs = [q for q in FIGURE_INPUTS[name] if q in result.answers]
        assert inputs
        for qid in inputs:
            assert {"source": ids["answer", qid], "target": ids["figure", name], "label": "",
                    "kind": "input"} in model["edges"]


def test_focus_keeps_only_the_chain_behind_the_recommendation_and_runner_up():
    from dataclasses import replace

    from expert.report.graph import focused
    alone = advise(load_example("network_explosive_growth")[0])
    assert alone.decision.runner_up is None  # the kept centre's case is shared with the hybrid
    result = replace(alone, decision=replace(alone.decision, runner_up="in_house"))
    for res, shown in ((alone, {"hybrid"}), (result, {"hybrid", "in_house"})):
        model = reasoning_graph(res)
        focus = focused(model)
        kept = {(n["kind"], n["ref"]) for n in focus["nodes"]}
        assert {ref for kind, ref in kept if kind in ("option", "chosen")} == shown
        voters = {e["rule"] for e in res.evidence if e["option"] in shown}
        assert {ref for kind, ref in kept if kind == "rule"} >= voters
        # nothing kept that does not lead to a shown option
        assert not any(kind == "advice" for kind, _ in kept)
        assert len(focus["nodes"]) < len(model["nodes"])


@needs_dot
def test_svg_is_drawn_by_graphviz(ccadvisor):
    run = ccadvisor("graph", "--example", "home_team_startup", "--format", "svg")
    assert run.code == 0 and run.out.startswith("<?xml") and "<svg" in run.out
    assert 'id="node_rule_staff_distracted_by_calls_need_a_centre"' in run.out


def test_svg_without_graphviz_is_one_line_and_exit_1(ccadvisor, monkeypatch):
    import expert.report.graph
    monkeypatch.setattr(expert.report.graph.shutil, "which", lambda name: None)
    run = ccadvisor("graph", "--example", "home_team_startup", "--format", "svg")
    assert run.code == 1 and run.out == ""
    assert run.err == ("ccadvisor: error: --format svg needs Graphviz's 'dot' program, which is "
                       "not installed (apt-get install graphviz); --format dot writes the graph "
                       "for it\n")
