"""graph: the reasoning chain as DOT and Mermaid."""
import re
import shutil
import subprocess

import pytest

from expert.reasoning.advisor import advise
from expert.inputs.examples import example_names, load_example
from expert.report.graph import reasoning_graph, render_graph
from expert.reasoning.options import option_ids

needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz 'dot' is not installed (apt-get install graphviz)")


def labels(dot_text):
    return re.findall(r'label="((?:[^"\\]|\\.)*)"', dot_text)


@pytest.mark.parametrize("example", example_names())
def test_dot_names_every_fired_rule_and_every_option_with_its_score(ccadvisor, example):
    run = ccadvisor("graph", "--example", example, "--format", "dot")
    assert run.code == 0 and run.out.startswith("digraph reasoning {")
    result = advise(load_example(example)[0])
    shown = labels(run.out)
    for firing in result.firings:
        assert f"{firing.step}. {firing.rule}" in shown
    for option in option_ids():
        score = result.decision.scores[option]
        rank = "recommended" if option == result.decision.option else ""
        assert any(f"[{option}]\\nscore {score:+d}" in label and rank in label for label in shown)


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
    ids = {n["label"].split("\n")[0]: n["id"] for n in model["nodes"]}
    rule = next(i for label, i in ids.items() if label.endswith(". explosive_growth_offloaded_to_outsourcer"))
    hybrid = ids["Hybrid - own centre plus an outsourcer [hybrid]"]
    assert {"source": rule, "target": hybrid, "label": "+3"} in model["edges"]
    answer = ids["has_own_centre = yes"]
    assert {"source": answer, "target": rule, "label": ""} in model["edges"]


def test_mermaid_is_a_flowchart_with_the_same_nodes(ccadvisor):
    run = ccadvisor("graph", "--example", "home_team_startup", "--format", "mermaid")
    assert run.code == 0 and run.out.startswith("flowchart LR\n")
    assert "score +" in run.out and "(recommended)" in run.out
    assert re.search(r'n\d+ -->\|"\+3"\| n\d+', run.out)
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
    assert run.code == 2 and "'png' is not one of 'dot', 'mermaid'" in run.err
