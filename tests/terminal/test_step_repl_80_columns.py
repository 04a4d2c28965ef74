"""The step REPL on an 80-column pseudo-terminal: its prompt, `help`, `matches RULE` for every
rule, and the other views fit the terminal, in every language. What the user typed (echoed
after the prompt) is the user's, and not counted."""
from __future__ import annotations

import os

import pytest

from expert.i18n import LANGUAGES
from rules import all_rules

pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")

# Long rule ids both on the agenda and in the prompt; a staged plan opens every stage.
EXAMPLES = ("specialist_line_staged_plan", "home_team_startup")
PROMPT = r"(help|помощь): $"


def transcript_lines(ccadvisor_exe, tmp_path, example, lang, commands):
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    environ.update(TERM="xterm", NO_COLOR="1")
    child = pexpect.spawn(ccadvisor_exe, ["advise", "--example", example, "--step", "--lang", lang],
                          cwd=str(tmp_path), env=environ, encoding="utf-8", timeout=60,
                          dimensions=(50, 80))
    shown = []
    child.expect(PROMPT)
    shown.append(child.before + child.after)
    for command in commands:
        child.sendline(command)
        child.expect(PROMPT)
        before = child.before.replace("\r\n", "\n")
        assert before.startswith(command), (command, before[:200])  # the terminal's echo
        shown.append(before[len(command):] + child.after)
    child.sendline("q")
    child.expect(pexpect.EOF)
    return "".join(shown).replace("\r\n", "\n").split("\n")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_help_matches_and_every_view_fit_80_columns(ccadvisor_exe, tmp_path, example, lang):
    ids = [rule.id for rule in all_rules()]
    commands = ["help", "facts", "agenda", "scores", "why", "how f-1", "run 5", "help",
                *[f"matches {rule}" for rule in ids]]
    lines = transcript_lines(ccadvisor_exe, tmp_path, example, lang, commands)
    too_wide = [line for line in lines if len(line) > 80]
    assert not too_wide, too_wide
    text = "\n".join(lines)
    longest = max(ids, key=len)
    assert longest in text  # its `matches` was shown, wrapped, not lost
    assert "run N" in text or "пуск N" in text  # help was shown
