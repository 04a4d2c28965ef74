"""ccadvisor replay in headless Chromium: stepped with the keyboard, the page shows at step k
what the engine recorded at step k (rule, facts added, running scores)."""
from __future__ import annotations

import re
import shutil

import pytest

from expert.inputs.examples import load_example
from expert.reasoning.advisor import advise

RIGHT, LEFT, END, HOME = "\ue014", "\ue012", "\ue010", "\ue011"  # WebDriver key codes

STATE = """
const frame = document.querySelector(".frame:not([hidden])");
const rows = Array.from(frame.querySelectorAll("tr[data-option]"));
const rule = frame.querySelector("[data-field=rule]");
return {
  kind: frame.dataset.kind, step: Number(frame.dataset.step), where: document.getElementById("where").textContent,
  visible: document.querySelectorAll(".frame:not([hidden])").length,
  rule: frame.dataset.rule || null, shown: rule ? rule.textContent : null,
  added: Array.from(frame.querySelectorAll(".added [data-fact-id]")).map(li => Number(li.dataset.factId)),
  scores: Object.fromEntries(rows.map(r => [r.dataset.option, Number(r.dataset.score)])),
  marked: Array.from(document.querySelectorAll(".graph g.node.now")).map(g => g.id),
};
"""


@pytest.mark.parametrize("example", ["network_explosive_growth", "home_team_startup"])
def test_stepping_through_every_firing_shows_the_engine_s_record(ccadvisor, browser, tmp_path, example,
                                                               standing_after):
    page = tmp_path / "class.html"
    run = ccadvisor("replay", "--example", example, "-o", str(page))
    assert run.code == 0, run.err
    firings = advise(load_example(example)[0]).firings
    browser.open(page.as_uri())
    states = [browser.run(STATE)]
    while True:  # the arrow key, until it stops moving
        browser.press(RIGHT)
        state = browser.run(STATE)
        if state["where"] == states[-1]["where"]:
            break
        states.append(state)
    assert all(s["visible"] == 1 for s in states)
    assert [s["where"] for s in states] == [f"Step {i} of {len(states)}" for i in range(1, len(states) + 1)]
    assert states[0]["kind"] == "start"
    # a decision step for each stage it opens and one for the recommendation
    opened = {m["name"] for f in firings for m in f.matched if m["fact"] == "Stage"}
    assert 1 <= [s["kind"] for s in states].count("decision") <= len(opened) + 1
    shown = [s for s in states if s["kind"] == "firing"]
    assert [s["step"] for s in shown] == [f.step for f in firings]
    for state, firing in zip(shown, firings):
        k = firing.step
        assert state["rule"] == firing.rule and state["shown"] == f"{k}. {firing.rule}"
        assert state["added"] == firing.added_ids
        expected = standing_after(firings, k)
        assert state["scores"] == {row["option"]: row["score"] for row in expected}
        if shutil.which("dot"):
            assert state["marked"] == [f"node_rule_{firing.rule}"]
    # and back again, one step at a time, to the start
    for expected in reversed(states[:-1]):
        browser.press(LEFT)
        assert browser.run(STATE) == expected
    browser.press(END)
    assert browser.run(STATE) == states[-1]


def test_the_page_is_self_contained_and_escapes_client_text(ccadvisor, browser, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text('meta:\n  client: "<img src=x onerror=alert(1)>"\ncall_load: calls_lost\n')
    page = tmp_path / "class.html"
    assert ccadvisor("replay", "--answers", str(answers), "-o", str(page)).code == 0
    html = page.read_text()
    # nothing is fetched: no external file, and the page's own policy forbids any
    assert not re.search(r'<(script|link|img|iframe)[^>]*\b(src|href)=', html)
    assert "default-src 'none'" in html
    browser.open(page.as_uri())
    assert browser.run("return document.title") == "ccadvisor replay: <img src=x onerror=alert(1)>"
    assert browser.run("return document.querySelectorAll('img').length") == 0
