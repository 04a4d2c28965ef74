"""The step REPL on a real pseudo-terminal: every command, checked against the engine's record."""
from __future__ import annotations

import os
import re

import pytest

from expert.inputs.examples import load_example
from expert.reasoning.advisor import advise
from rules import all_rules

pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")

EXAMPLE = "home_team_startup"
PROMPT = r"; help: "


def test_the_step_repl_answers_every_command_as_the_engine_recorded(ccadvisor_exe, tmp_path, standing_after):
    result = advise(load_example(EXAMPLE)[0])
    firings = result.firings
    position = {m.id: i + 1 for i, m in enumerate(all_rules())}
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(ccadvisor_exe, ["advise", "--example", EXAMPLE, "--step"],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=60,
                          dimensions=(50, 200))

    def ask(line: str) -> str:
        child.sendline(line)
        child.expect(PROMPT)
        return child.before.replace("\r\n", "\n")

    child.expect(PROMPT)
    first = firings[0]

    shown = ask("help")
    for word in ("run N", "matches RULE", "how FACT", "why", "break RULE", "scores", "agenda", "facts"):
        assert word in shown

    shown = ask("facts")
    for fid, fact in zip(first.matched_ids, first.matched):
        assert re.search(rf"^  f-{fid} +answer {fact['question']} = {fact['value']}\b", shown, re.M)

    shown = ask("agenda")
    ids = ",".join(f"f-{i}" for i in first.matched_ids)
    assert f" 1. {first.rule}\n" in shown
    assert f"key: salience 0; facts {ids}; rule #{position[first.rule]}" in shown
    assert f"fires before {firings[1].rule}: " in shown

    levels = []
    while True:
        shown = ask("why")
        levels.append(re.search(r"WHY \[(\d+) of (\d+)\]", shown).groups())
        if "That is the top" in shown:
            break
    assert f"{first.rule} is next because" in ask("why")  # climbs back to the rule
    assert [int(a) for a, _ in levels] == list(range(1, int(levels[0][1]) + 1))

    shown = ask("run 3")
    assert "--- Before firing 4 ---" in shown
    assert "Fired since the last stop: " + ", ".join(
        f"{f.step}. {f.rule}" for f in firings[:3]) in shown

    # matches and how on what the engine derived at step 2
    second = firings[1]
    shown = ask(f"matches {second.rule}")
    assert "it fired at step 2." in shown and "holds" in shown and "MISSING" not in shown
    assert f"on f-{second.matched_ids[0]}" in shown
    added = second.added_ids[0]
    shown = ask(f"how f-{added}")
    assert f"f-{added} " in shown and f"<- firing 2 {second.rule}, which matched:" in shown
    assert re.search(rf"f-{second.matched_ids[0]} answer .*<- the client's answer", shown)

    later = firings[6]
    assert "Breakpoint set" in ask(f"break {later.rule}")
    shown = ask("c")
    assert f"Breakpoint: stopped before {later.rule}." in shown
    assert f"--- Before firing {later.step} ---" in shown

    shown = ask("scores")
    for row in standing_after(firings, later.step - 1):
        assert re.search(rf"^    {row['option']} +{re.escape(format(row['score'], '+d'))}  ", shown, re.M)

    assert "Unknown command 'frobnicate'. Type help" in ask("frobnicate")
    assert f"--- Before firing {later.step + 1} ---" in ask("")

    child.sendline("q")
    child.expect(pexpect.EOF)
    assert f"Stopped before firing {later.step + 1}." in child.before
    child.close()
    assert child.exitstatus == 0
