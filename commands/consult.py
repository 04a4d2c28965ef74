"""ccadvisor consult: interview a client in the terminal; every answer is saved as it is given.

This module only reads lines, prints rendered templates and saves the session; which question
comes next, what an answer does and what the prompt commands mean is expert/interview's
business (flow.py).
"""
from __future__ import annotations

import os
import sys

import click

from expert.errors import InputError

REPORT_FORMATS = {".md": "md", ".html": "html", ".json": "json"}


class Terminal:
    """Line input and rendered output; colour only on a TTY and never with NO_COLOR set."""

    def __init__(self):
        self.colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

    def show(self, name: str, style: dict | None = None, **model) -> None:
        from expert.report.render import render
        text = render(f"consult/{name}", "text", model)
        if self.colour and style:
            text = click.style(text, **style)
        click.echo(text, nl=False)

    def read(self, prompt: str) -> str:
        """One line; raises EOFError at the end of the input and lets Ctrl-C through."""
        while True:
            click.echo(click.style(prompt, bold=True) if self.colour else prompt, nl=False)
            try:
                line = read_line(sys.stdin)
                break
            except UnicodeError:
                click.echo()
                self.show("notice", style={"fg": "red"}, kind="not_text")
        if not line:
            raise EOFError
        if not sys.stdin.isatty():
            click.echo(line.rstrip("\n"))  # scripted input: keep the transcript readable
        return line.strip()

    def prompt_text(self, name: str, **model) -> str:
        from expert.report.render import render
        return render(f"consult/{name}", "text", model).rstrip("\n")


def read_line(stream) -> str:
    """One line of text; UnicodeError when it is not UTF-8 (on a terminal, only that line is
    lost). Text-level reads, so that other readers of stdin (the --step listener) share it."""
    line = stream.readline()
    line.encode("utf-8")  # undecodable bytes may come back as surrogates
    return line


@click.command()
@click.option("--session", "session_file", metavar="FILE",
              help="Save the session here (default: ccadvisor-session-<date>-<time>.yaml).")
@click.option("--resume", "resume_file", metavar="FILE", help="Continue a saved session.")
@click.option("--client", metavar="NAME", help="The client's name, kept in the session file.")
@click.option("--consultant", metavar="NAME", help="Your name, kept in the session file.")
@click.option("--trace", is_flag=True, help="Show each rule as it fires, between the questions.")
@click.option("--step", is_flag=True,
              help="Stop before each firing at the step prompt: Enter fires, c continues, q stops "
                   "stepping; help lists the commands (facts, agenda, matches, how, why...).")
def consult(session_file, resume_file, client, consultant, trace, step):
    """Interview a client question by question; the rules decide what to ask next."""
    from expert.interview.lock import session_lock
    from expert.interview.session import default_path, load_session, new_session

    if session_file and resume_file:
        raise click.UsageError("give --session FILE for a new session or --resume FILE, not both")
    path = resume_file or session_file or default_path()
    with session_lock(path):  # before reading it: a second consult on it is refused
        if resume_file:
            session = load_session(path)
            for key, value in (("client", client), ("consultant", consultant)):
                if value:
                    session.meta[key] = value
        else:
            session = new_session(path, client, consultant)
        listener = None
        if step:  # q only stops the stepping here: the consultation needs the engine to finish
            from commands.stepping import step_listener
            listener = step_listener(quit_stops=False)
        run(session, Terminal(), trace=trace, resumed=bool(resume_file), before_firing=listener)


def run(session, term: Terminal, trace: bool = False, resumed: bool = False,
        before_firing=None) -> None:
    """Run the interview (expert/interview/flow.py) and turn how it ended into what the
    terminal shows and the exit code."""
    from expert.interview import flow

    outcome, consultation = flow.run_interview(session, term, trace=trace, resumed=resumed,
                                               before_firing=before_firing)
    path_arg = flow.resume_argument(session)
    if outcome in (flow.QUIT, flow.END_OF_INPUT):  # Ctrl-D at a prompt is a quit (exit 0)
        if outcome == flow.END_OF_INPUT:
            click.echo()  # the prompt's line was never ended
        term.show("notice", kind="quit", path=str(session.path), path_arg=path_arg)
    elif outcome == flow.INTERRUPTED:
        interrupted(session, term, path_arg, "Ctrl-C", code=130)
    elif consultation is None:  # the session was finished before: offer its report
        finished_session(session, term)
    else:
        term.show("notice", kind="done", path=str(session.path))
        show_report(consultation.result(session.meta), term)


def interrupted(session, term: Terminal, path_arg: str, reason: str, code: int):
    """Say how to resume (the flow has saved), and exit with ``code`` (130 for Ctrl-C)."""
    term.show("notice", kind="interrupted", reason=reason, path=str(session.path),
              path_arg=path_arg)
    raise SystemExit(code)


def finished_session(session, term: Terminal) -> None:
    """--resume on a finished session: offer the report."""
    from expert.reasoning.advisor import advise
    try:
        reply = term.read(term.prompt_text("notice", kind="finished_offer",
                                           answered=len(session.history)))
    except (EOFError, KeyboardInterrupt):
        click.echo()
        return
    if reply.lower() in ("", "y", "yes"):
        answers = {q: v for q, v in session.answers.items() if v is not None}
        show_report(advise(answers_in_catalog_order(answers), session.meta), term)


def answers_in_catalog_order(answers: dict) -> dict:
    from expert.inputs.catalog import load_catalog
    return {q.id: answers[q.id] for q in load_catalog() if q.id in answers}


def show_report(result, term: Terminal) -> None:
    """The text report ``ccadvisor advise`` prints, then an offer to write md/html/json."""
    from expert.inputs.files import write_atomic
    from expert.report.render import render
    from expert.report.model import build_report

    model = build_report(result)
    click.echo(render("report", "text", model), nl=False)
    while True:
        try:
            name = term.read(term.prompt_text("notice", kind="write_offer"))
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        if not name:
            return
        fmt = REPORT_FORMATS.get(os.path.splitext(name)[1].lower())
        if fmt is None:
            term.show("notice", kind="bad_report_name",
                      reason=f"{name}: the name must end in .md, .html or .json")
            continue
        try:
            write_atomic(name, render("report", fmt, model))
        except InputError as err:
            term.show("notice", kind="bad_report_name", reason=str(err))
            continue
        term.show("notice", kind="written", path=name)
        return
