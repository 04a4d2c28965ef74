"""A whole interview as a consultant runs it: an 80-column pseudo-terminal, readline on."""
from __future__ import annotations

import re

import pytest
import yaml

from expert.inputs.catalog import load_catalog
from expert.inputs.examples import load_example
from expert.reasoning.options import load_options

pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")

PROMPT = r"\n(\w+)> "
FILE_OFFER = r"Also write the report to a file\?.*file: "
EXAMPLE = "network_explosive_growth"
WIDTH = 80


def test_a_client_interviewed_in_80_columns(spawn_consult, answer_to_the_end, tmp_path):
    answers, meta = load_example(EXAMPLE)
    catalog, labels = load_catalog(), {o: opt.label for o, opt in load_options().items()}
    child = spawn_consult(tmp_path, "--session", "s.yaml", "--client", meta["client"])
    asked, completed, status_seen = [], False, False
    while child.expect([PROMPT, FILE_OFFER]) == 0:
        qid = child.match.group(1)
        asked.append(qid)
        question = catalog.get(qid)
        if question.type == "choice" and not completed:
            child.send("\t\t")  # TAB TAB lists what can be typed here: the choice ids too
            child.expect(PROMPT)
            listing = child.before
            assert all(cid in listing for cid in question.choice_ids), listing
            child.send("\x15")  # Ctrl-U: clear the line
            completed = True
        if len(asked) == 3:
            child.sendline("status")
            child.expect(PROMPT)
            standing = child.before
            assert "Where the options stand" in standing
            assert "Need stage:" in standing  # three answers in: still deciding whether
            for option in ("none", "dedicated"):  # dedicated handling is needed at all
                assert re.search(rf"^    {option} +[+-]\d+ +for \+\d+ +against [+-]?\d+", standing,
                                 re.M), (option, standing)
            assert "could still change it" in " ".join(standing.split())
            child.send("\x1b[A")  # Up: the session's history brings "status" back
            child.expect("status")
            child.send("\x15")
            status_seen = True
        value = answers.get(qid)
        child.sendline("skip" if value is None else str(value))
    child.sendline("n")  # "n" declines the file, it is not a file name
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and completed and status_seen

    text = "\n".join(child.lines())
    settled = re.search(r"The choice is settled: ([^.(]+?)(?: \(|\.)", " ".join(text.split()))
    assert settled and settled.group(1) == labels["hybrid"]
    # The notice comes before the first question that can no longer change the choice.
    assert text.index("The choice is settled") < text.rindex("Question ")
    wide = [line for line in child.lines() if len(line) > WIDTH]
    assert not wide, wide
    assert not list(tmp_path.glob("*.md")) and not (tmp_path / "n").exists()
    saved = yaml.safe_load((tmp_path / "s.yaml").read_text())
    assert saved["meta"]["status"] == "finished"

    # Resumed, the finished session takes a changed answer; the advice follows it.
    child = spawn_consult(tmp_path, "--resume", "s.yaml")
    child.expect("This session is finished")
    child.expect(r"\[report\] ")
    child.sendline("change current_arrangement")
    child.expect(PROMPT)
    assert child.match.group(1) == "current_arrangement"
    child.sendline("staff")
    answer_to_the_end(child, answers, [])
    report = " ".join("\n".join(child.lines()).split())
    assert f"RECOMMENDATION {labels['outsource']}." in report
    assert not [line for line in child.lines() if len(line) > WIDTH]
    saved = yaml.safe_load((tmp_path / "s.yaml").read_text())
    assert saved["current_arrangement"] == "staff" and saved["meta"]["status"] == "finished"
