"""The reasoning as a graph: answers -> rules fired -> evidence, findings, advice -> options.

The model is built only from the engine's record (``Result.firings`` and the decision), so the
picture shows exactly what was derived. Nodes are numbered in order of first appearance (the
firing order), so the same answers draw the same graph byte for byte. Labels are escaped here
for each output language; the layout lives in templates ``graph.dot.j2`` / ``graph.mermaid.j2``.
SVG comes from Graphviz's ``dot`` when it is installed, and is simply absent when it is not.
"""
from __future__ import annotations

import shutil
import subprocess

from expert.reasoning.advisor import Result
from expert.inputs.catalog import load_catalog
from expert.reasoning.options import load_options
from expert.report.render import environment

FORMATS = ("dot", "mermaid")


class _Builder:
    def __init__(self):
        self.nodes, self.edges, self._ids = [], [], {}

    def node(self, key: tuple, kind: str, label: str) -> str:
        if key not in self._ids:
            self._ids[key] = f"n{len(self._ids) + 1}"
            self.nodes.append({"id": self._ids[key], "kind": kind, "label": label})
        return self._ids[key]

    def edge(self, source: str, target: str, label: str = "") -> None:
        edge = {"source": source, "target": target, "label": label}
        if edge not in self.edges:
            self.edges.append(edge)


def _answer_label(qid: str, value) -> str:
    question = load_catalog().get(qid)  # choice ids are short; numbers get their unit
    return f"{qid} = {question.label(value) if question.type == 'number' else value}"


def reasoning_graph(result: Result) -> dict:
    """Nodes (id, kind, label) and edges (source, target, label) of one consultation."""
    decision, options, g = result.decision, load_options(), _Builder()

    def option_node(option):
        rank = ("recommended" if option == decision.option
                else "runner-up" if option == decision.runner_up else "not chosen")
        kind = "chosen" if option == decision.option else "option"
        stage = options[option].stage
        return g.node(("option", option), kind,
                      f"{options[option].label} [{option}]\n{stage} stage, "
                      f"score {decision.scores.get(option, 0):+d} ({rank})")

    for firing in result.firings:
        sources = []
        for fact in firing.matched:
            kind = fact["fact"]
            if kind == "Answer":
                source = g.node(("answer", fact["question"]), "answer",
                                _answer_label(fact["question"], fact["value"]))
            elif kind == "Figure":
                source = g.node(("figure", fact["name"]), "figure", f"{fact['name']} = {fact['value']}")
            elif kind == "Finding":
                source = g.node(("finding", fact["name"]), "finding", f"finding: {fact['name']}")
            elif kind == "Stage":  # opened by the decision step when the stage before called for it
                source = g.node(("stage", fact["name"]), "finding", f"{fact['name']} stage open")
            else:  # Recommended: the follow-up rules hang off the decision
                source = option_node(fact["option"])
            sources.append(source)
        rule = g.node(("rule", firing.rule), "rule", f"{firing.step}. {firing.rule}")
        for source in sources:
            g.edge(source, rule)
        for fact in firing.added:
            if fact["fact"] == "Evidence":
                g.edge(rule, option_node(fact["option"]), f"{fact['weight']:+d}")
            elif fact["fact"] == "Exclusion":
                g.edge(rule, option_node(fact["option"]),
                       "excludes" + (" for now" if fact["scope"] == "for_now" else ""))
            elif fact["fact"] == "Finding":
                g.edge(rule, g.node(("finding", fact["name"]), "finding", f"finding: {fact['name']}"))
            elif fact["fact"] == "Advice":
                g.edge(rule, g.node(("advice", fact["item"]), "advice", f"advice: {fact['item']}"))
    for option in decision.ranking:  # losing options appear even when no rule touched them
        option_node(option)
    return {"nodes": g.nodes, "edges": g.edges, "recommendation": decision.option}


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _mermaid_escape(text: str) -> str:
    # Mermaid entity codes; a raw quote would end the label, < and > would be read as HTML.
    text = text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return text.replace("\n", "<br/>")


_ESCAPE = {"dot": _dot_escape, "mermaid": _mermaid_escape}


def render_graph(model: dict, fmt: str) -> str:
    """The graph as DOT or Mermaid text (``templates/graph.<fmt>.j2``)."""
    escape = _ESCAPE[fmt]
    nodes = [{**n, "label": escape(n["label"])} for n in model["nodes"]]
    edges = [{**e, "label": escape(e["label"])} for e in model["edges"]]
    template = environment(False).get_template(f"graph.{fmt}.j2")
    return template.render(nodes=nodes, edges=edges)


def dot_available() -> bool:
    return shutil.which("dot") is not None


def svg_of(dot_text: str) -> str | None:
    """Inline SVG (no XML prologue) from Graphviz, or None when ``dot`` is absent or fails."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    try:
        done = subprocess.run([dot, "-Tsvg"], input=dot_text, capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    start = done.stdout.find("<svg")
    if done.returncode != 0 or start < 0:
        return None
    return done.stdout[start:]


def graph_svg(result: Result) -> str | None:
    return svg_of(render_graph(reasoning_graph(result), "dot"))
