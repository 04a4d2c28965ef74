"""The HTML report: the reasoning graph inline as SVG with Graphviz, the ordered chain without.

The browser test opens the report in headless Chromium (Debian packages chromium and
chromium-driver; .ci/run installs them; conftest.py starts it) and is skipped, saying why, when
Chromium is absent.
"""
import json
import shutil
import subprocess

import pytest

import expert.report.graph
from expert.reasoning.advisor import advise
from expert.inputs.examples import example_names, load_example

needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz 'dot' is not installed (apt-get install graphviz)")


def html_report(ccadvisor, tmp_path, *args):
    target = tmp_path / "report.html"
    run = ccadvisor("advise", *args, "--format", "html", "--output", str(target))
    assert run.code == 0, run.err
    return target


def dump_dom(chromium, path) -> str:
    done = subprocess.run([*chromium, "--dump-dom", path.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@needs_dot
def test_report_embeds_the_graph_as_inline_svg(ccadvisor, tmp_path):
    html = html_report(ccadvisor, tmp_path, "--example", "network_explosive_growth").read_text()
    figure = html.split('<figure id="graph"')[1].split("</figure>")[0]
    assert "<svg" in figure and "<?xml" not in html
    assert "explosive_growth_is_a_side_stream" in figure
    assert 'id="graph-missing"' not in html


def test_without_graphviz_the_report_keeps_the_ordered_chain(ccadvisor, tmp_path, monkeypatch):
    monkeypatch.setattr(expert.report.graph.shutil, "which", lambda name: None)
    html = html_report(ccadvisor, tmp_path, "--example", "network_explosive_growth").read_text()
    assert 'id="graph-missing"' in html and "Graphviz" in html and "<svg" not in html
    result = advise(load_example("network_explosive_growth")[0])
    chain = html.split('<ol class="chain" id="chain">')[1].split("</ol>")[0]
    positions = [chain.index(f"<strong>{f.rule}</strong>") for f in result.firings]
    assert positions == sorted(positions)


def test_json_report_carries_no_svg(ccadvisor):
    run = ccadvisor("advise", "--example", "home_team_startup", "--format", "json")
    assert "graph_svg" not in json.loads(run.out)


@needs_dot
@pytest.mark.parametrize("example", example_names())
def test_report_opens_in_chromium_with_its_graph(ccadvisor, chromium, tmp_path, example):
    dom = dump_dom(chromium, html_report(ccadvisor, tmp_path, "--example", example))
    result = advise(load_example(example)[0])
    assert 'id="recommendation"' in dom and f"<code>{result.decision.option}</code>" in dom
    graph = dom.split('id="graph"')[1].split("</figure>")[0]
    assert "<svg" in graph
    assert graph.count('class="node"') >= len(result.firings) + 5  # rules and the five options
    first = result.firings[0].rule
    node = graph.split(f'id="node_rule_{first}"')[1].split("</g>")[0]
    assert "1. " + first.split("_")[0] in node  # the label, wrapped at underscores
    # each rule node links to the rule's text in the report
    for firing in result.firings:
        assert f'href="#rule-{firing.rule}"' in graph and f'<li id="rule-{firing.rule}">' in dom


def test_client_text_is_escaped_in_the_browser(ccadvisor, chromium, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text('meta:\n  client: "<img src=x onerror=alert(1)>"\ncall_load: calls_lost\n')
    dom = dump_dom(chromium, html_report(ccadvisor, tmp_path, "--answers", str(answers)))
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom and "<img" not in dom
