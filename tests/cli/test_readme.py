"""README is what a newcomer reads first: "Try this first" fits the first screen, and the output
it shows is what the commands print (excerpts: each `...` stands for lines left out); the
reference it links to exists; neither README, the docs nor any --help carries the project's
internal issue numbers, which mean nothing to a user."""
import re
import shlex
from pathlib import Path

import pytest

from expert.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FIRST_SCREEN = 52  # lines
ISSUE = re.compile(r"\b(issues?|задач[аиеу]|issue #)\s*#?\d+", re.I)


def shown_runs() -> list[tuple[list[str], list[str]]]:
    """README's ```text blocks that start with `$ ccadvisor ...`: (arguments, excerpt lines)."""
    runs = []
    for block in re.findall(r"^```text\n(.*?)\n```$", README, flags=re.S | re.M):
        first, *rest = block.split("\n")
        if first.startswith("$ ccadvisor "):
            runs.append((shlex.split(first[2:])[1:], rest))
    return runs


def test_try_this_first_is_the_first_screen():
    lines = README.split("\n")
    assert lines[0] == "# ccadvisor"
    start = lines.index("## Try this first")
    assert start < 10
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("## "))
    assert end <= FIRST_SCREEN, f"'Try this first' runs to line {end}"
    section = "\n".join(lines[start:end])
    assert section.count("```sh\n") == 2  # the two set-up commands
    commands = [args[0] for args, _ in shown_runs()]
    assert commands == ["advise", "consult"]
    assert "--example" in shown_runs()[0][0]
    assert section.count("An excerpt") == 2  # said to be one, each


@pytest.mark.parametrize("args, excerpt", shown_runs(),
                         ids=lambda x: x[0] if isinstance(x, list) else None)
def test_the_output_shown_is_what_the_command_prints(ccadvisor, tmp_path, monkeypatch, args,
                                                     excerpt):
    """Every excerpt line is an output line, in order; `name> answer` lines are what was typed
    (and are echoed back when input is not a terminal). Rendered at 80 columns, as shown."""
    monkeypatch.chdir(tmp_path)  # consult writes its session here
    typed = [m.group(1) for line in excerpt if (m := re.fullmatch(r"[a-z_]+> (.+)", line))]
    run = ccadvisor(*args, input="".join(f"{t}\n" for t in typed + ["quit"]) if typed else None,
                    env={"COLUMNS": "80"})
    assert run.code == 0, run.err
    output = [line.rstrip() for line in run.out.split("\n")]
    position = 0
    for line in excerpt:
        if line == "...":
            continue
        assert line in output[position:], f"not printed (in this order): {line!r}"
        position = output.index(line, position) + 1
    assert excerpt.count("...") >= 1  # an excerpt, and marked as one


def test_readme_links_every_reference_page_and_they_exist():
    linked = re.findall(r"\]\((docs/[\w.-]+\.md)\)", README)
    assert linked and all((ROOT / page).is_file() for page in linked)
    assert {str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md")} == set(linked)


def test_readme_and_the_docs_carry_no_issue_numbers():
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        found = ISSUE.findall(path.read_text(encoding="utf-8"))
        assert not found, (path.name, found)


def commands_with_help():
    import click

    import cli
    found = [()]

    def walk(group, prefix):  # the group loads its commands lazily
        context = click.Context(group)
        for name in group.list_commands(context):
            found.append((*prefix, name))
            command = group.get_command(context, name)
            if isinstance(command, click.Group):
                walk(command, (*prefix, name))
    walk(cli.main, ())
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_help_text_carries_an_issue_number(ccadvisor, lang):
    commands = commands_with_help()
    assert ("advise",) in commands and ("kb", "check") in commands
    for command in commands:
        run = ccadvisor("--lang", lang, *command, "--help")
        assert run.code == 0, (command, run.err)
        assert not ISSUE.findall(run.out), (command, ISSUE.findall(run.out))


def test_the_issue_check_itself():
    assert ISSUE.findall("since issue 23 (the options)") and ISSUE.findall("targets are issue 16's")
    assert not ISSUE.findall("a known issue with 2 vendors")
