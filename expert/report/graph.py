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
import textwrap

from expert.errors import ToolMissing
from expert.i18n import N_
from expert.i18n import gettext as _
from expert.inputs.catalog import load_catalog
from expert.numbers.figures import FIGURE_INPUTS
from expert.reasoning.advisor import Result
from expert.reasoning.options import BUILDING, load_options
from expert.report.render import environment

FORMATS = ("dot", "mermaid", "svg")
# Stage ids and ranks read as words: shown through these (English drops a "stage|" context).
STAGE_NAMES = {"need": N_("stage|need"), "sourcing": N_("stage|sourcing")}
RANKS = {"recommended": N_("recommended"), "runner-up": N_("runner-up"),
         "not chosen": N_("not chosen")}


class _Builder:
    def __init__(self):
        self.nodes, self.edges, self._ids = [], [], {}

    def node(self, key: tuple, kind: str, label: str) -> str:
        """``key``: (kind of thing, its id); the id is kept as ``ref`` (a rule's for a link)."""
        if key not in self._ids:
            self._ids[key] = f"n{len(self._ids) + 1}"
            self.nodes.append({"id": self._ids[key], "kind": kind, "label": label, "ref": key[1]})
        return self._ids[key]

    def edge(self, source: str, target: str, label: str = "", kind: str = "") -> None:
        """``kind``: "for" / "against" (evidence), "input" (answer -> figure), "" otherwise."""
        edge = {"source": source, "target": target, "label": label, "kind": kind}
        if edge not in self.edges:
            self.edges.append(edge)


LINE = 22  # characters per label line: narrow nodes keep the graph legible at page width


def _lines(text: str) -> str:
    """A label broken into lines of about LINE characters; identifiers break after an
    underscore (``explosive_growth_`` / ``offloaded_to_outsourcer``)."""
    if " " in text:
        return "\n".join(textwrap.wrap(text, LINE))
    return "\n".join(line.replace(" ", "") for line in textwrap.wrap(text.replace("_", "_ "), LINE))


def _answer_label(qid: str, value) -> str:
    question = load_catalog().get(qid)  # choice ids are short; numbers get their unit
    shown = question.label(value) if question.type == "number" else value
    return f"{_lines(qid)}\n= {shown}"


def _excluded_by(decision, rule: str, target: str) -> list:
    """The options a veto took out: the option it forbids, or, for a veto on building an own
    centre, every option that would need one built (a centre the client runs is spared)."""
    if target != BUILDING:
        return [target]
    return [option for option, vetoes in decision.excluded.items()
            if any(by == rule for by, _scope in vetoes)]


def _exclusion_label(fact: dict) -> str:
    if fact["option"] == BUILDING:
        return _("excludes building for now") if fact["scope"] == "for_now" else _("excludes building")
    return _("excludes for now") if fact["scope"] == "for_now" else _("excludes")


def reasoning_graph(result: Result, final_scores: bool = True) -> dict:
    """Nodes (id, kind, label, rule) and edges (source, target, label, kind) of one consultation.

    Each figure is tied to the answers it is computed from (FIGURE_INPUTS), so a figure never
    stands as if the client had given it. Without ``final_scores`` the options carry no score
    (the replay shows the running scores beside the graph, which must not contradict them).
    """
    decision, options, g = result.decision, load_options(), _Builder()

    def option_node(option):
        rank = ("recommended" if option == decision.option
                else "runner-up" if option == decision.runner_up else "not chosen")
        kind = "chosen" if option == decision.option else "option"
        stage = options[option].stage
        score = ("\n" + _("{stage} stage, score {score} ({rank})").format(
            stage=_(STAGE_NAMES[stage]).rpartition("|")[2] if stage in STAGE_NAMES else stage,
            score=f"{decision.scores.get(option, 0):+d}", rank=_(RANKS[rank]))
            if final_scores else "")
        return g.node(("option", option), kind, f"{_lines(options[option].label)}\n[{option}]{score}")

    def answer_node(qid):
        return g.node(("answer", qid), "answer", _answer_label(qid, result.answers[qid]))

    steps = {}  # a follow-up rule fires once for the choice and once for the runner-up
    for firing in result.firings:
        steps.setdefault(firing.rule, []).append(firing.step)
    for firing in result.firings:
        sources = []
        for fact in firing.matched:
            kind = fact["fact"]
            if kind == "Answer":
                source = answer_node(fact["question"])
            elif kind == "Figure":
                source = g.node(("figure", fact["name"]), "figure",
                                f"{_lines(fact['name'])}\n= {fact['value']}")
                for qid in FIGURE_INPUTS.get(fact["name"], ()):
                    if qid in result.answers:
                        g.edge(answer_node(qid), source, kind="input")
            elif kind == "Finding":
                source = g.node(("finding", fact["name"]), "finding",
                                _("found:\n{name}").format(name=_lines(fact["name"])))
            elif kind == "Stage":  # a gate the decision step opened, not a reason: no edge
                continue
            else:  # Recommended: the follow-up rules hang off the decision
                source = option_node(fact["option"])
            sources.append(source)
        rule = g.node(("rule", firing.rule), "rule",
                      f"{', '.join(map(str, steps[firing.rule]))}. {_lines(firing.rule)}")
        for source in sources:
            g.edge(source, rule)
        for fact in firing.added:
            if fact["fact"] == "Evidence":
                weight = fact["weight"]
                g.edge(rule, option_node(fact["option"]), f"{weight:+d}",
                       "for" if weight > 0 else "against")
            elif fact["fact"] == "Exclusion":
                for option in _excluded_by(decision, firing.rule, fact["option"]):
                    g.edge(rule, option_node(option), _exclusion_label(fact), "against")
            elif fact["fact"] == "Finding":
                g.edge(rule, g.node(("finding", fact["name"]), "finding",
                                    _("found:\n{name}").format(name=_lines(fact["name"]))))
            elif fact["fact"] == "Advice":
                g.edge(rule, g.node(("advice", fact["item"]), "advice",
                                    _("advice:\n{item}").format(item=_lines(fact["item"]))))
    for option in decision.ranking:  # losing options appear even when no rule touched them
        option_node(option)
    return {"nodes": g.nodes, "edges": g.edges, "recommendation": decision.option,
            "runner_up": decision.runner_up}


def focused(model: dict) -> dict:
    """Only the chain behind the recommended option (and the runner-up of a close call): those
    option nodes and everything that leads to them, backwards along the edges."""
    option_ids = {n["id"] for n in model["nodes"] if n["kind"] in ("option", "chosen")}
    wanted = {n["id"] for n in model["nodes"] if n["id"] in option_ids
              and n["ref"] in (model["recommendation"], model["runner_up"])}
    into = {}
    for e in model["edges"]:
        if e["source"] in option_ids:  # follow-up rules hang off the decision: not behind it
            continue
        into.setdefault(e["target"], []).append(e["source"])
    keep, todo = set(wanted), list(wanted)
    while todo:
        for source in into.get(todo.pop(), ()):
            if source not in keep:
                keep.add(source)
                todo.append(source)
    return {**model, "nodes": [n for n in model["nodes"] if n["id"] in keep],
            "edges": [e for e in model["edges"] if e["source"] in keep and e["target"] in keep]}


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _mermaid_escape(text: str) -> str:
    # Mermaid entity codes; a raw quote would end the label, < and > would be read as HTML.
    text = text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return text.replace("\n", "<br/>")


_ESCAPE = {"dot": _dot_escape, "mermaid": _mermaid_escape}


def render_graph(model: dict, fmt: str, links: bool = False) -> str:
    """The graph as DOT or Mermaid text (``templates/graph.<fmt>.j2``); ``links``: rule nodes
    link to the rule's entry in the HTML report (``#rule-<id>``)."""
    escape = _ESCAPE[fmt]
    nodes = [{**n, "label": escape(n["label"]), "ref": escape(str(n.get("ref", n["id"])))}
             for n in model["nodes"]]
    edges = [{**e, "label": escape(e["label"]), "kind": e.get("kind", "")} for e in model["edges"]]
    template = environment(False).get_template(f"graph.{fmt}.j2")
    return template.render(nodes=nodes, edges=edges, links=links)


def require_svg(dot_text: str) -> str:
    """The SVG for ``graph --format svg``, or ToolMissing saying why there is none."""
    if not dot_available():
        raise ToolMissing(_("--format svg needs Graphviz's 'dot' program, which is not installed "
                            "(apt-get install graphviz); --format dot writes the graph for it"))
    svg = svg_of(dot_text)
    if svg is None:
        raise ToolMissing(_("Graphviz's 'dot' failed to draw the graph; --format dot writes its "
                            "input"))
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + svg


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


def graph_svg(result: Result, links: bool = True, final_scores: bool = True) -> str | None:
    return svg_of(render_graph(reasoning_graph(result, final_scores), "dot", links=links))
