"""A whole consultation on an 80-column pseudo-terminal, `?` asked at every prompt: the count
never rises, nothing is wider than the terminal, and call_load takes two answers."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
import yaml

from expert.inputs.examples import load_example

pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")

COUNT = re.compile(r"^Question (\d+)(?: of about (\d+)|, the last one|)(, and a few more)?", re.M)
JARGON = re.compile(r"\b(CF|certainty|facts?|stages?|rules?|findings?|seeds?|hints?|evidence|"
                    r"vetoe?s?|tiers?)\b", re.I)
EXAMPLE = "specialist_line_staged_plan"


def test_a_consultation_at_80_columns_counts_down_and_takes_two_call_loads(
        spawn_consult, answer_to_the_end, ccadvisor_exe, tmp_path):
    answers, _ = load_example(EXAMPLE)
    answers = {**answers, "call_load": "2,3"}  # staff pulled off their work, and calls lost
    child = spawn_consult(tmp_path, "--session", "s.yaml")
    asked, helps = [], []

    def ask_for_help(child, qid):
        child.sendline("?")
        child.expect(rf"\n{qid}> ")
        helps.append(child.before)
    answer_to_the_end(child, answers, asked, before=ask_for_help)

    lines = child.lines()
    text = "\n".join(lines)
    counts = COUNT.findall(text)
    assert [int(n) for n, _, _ in counts] == list(range(1, len(asked) + 1))
    totals = [int(total) for _, total, _ in counts if total]
    assert totals and totals == sorted(totals, reverse=True), totals
    assert not [line for line in lines if len(line) > 80]
    for shown in helps:  # the help the consultant reads out is the client's, not the trainer's
        assert not JARGON.search(shown.split("?", 1)[1]), shown
    saved = yaml.safe_load((tmp_path / "s.yaml").read_text())
    assert saved["call_load"] == ["staff_distracted", "calls_lost"]

    report = subprocess.run([ccadvisor_exe, "advise", "--answers", "s.yaml", "--format", "json"],
                            cwd=tmp_path, capture_output=True, text=True, check=True)
    fired = {rule["id"] for rule in json.loads(report.stdout)["fired_rules"]}
    assert {"staff_distracted_by_calls_need_a_centre", "lost_calls_need_a_centre"} <= fired
