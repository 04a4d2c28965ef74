"""ccadvisor consult: interview a client in the terminal; every answer is saved as it is given.

This module only reads lines, prints rendered templates and saves the session; which question
comes next, what an answer does and what the prompt commands mean is expert/interview's
business (flow.py).
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

import click

from commands.common import assumptions_option, inputs_read, load_rates
from expert.errors import HungUp, InputError, Terminated
from expert.i18n import gettext as _
from expert.report.controls import visible

REPORT_FORMATS = {".md": "md", ".html": "html", ".json": "json"}


class Terminal:
    """Line input and rendered output; colour only on a TTY and never with NO_COLOR set."""

    def __init__(self):
        self.colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        self.line_editor = LineEditor() if sys.stdin.isatty() and sys.stdout.isatty() else None

    def styled(self, prompt: str) -> str:
        if not self.colour:
            return prompt
        # \001 and \002 tell readline the escape codes take no room on the line
        styled = click.style(prompt, bold=True)
        if self.line_editor is None:
            return styled
        return styled.replace("\033[1m", "\001\033[1m\002").replace("\033[0m", "\001\033[0m\002")

    def show(self, name: str, style: dict | None = None, **model) -> None:
        from expert.report.render import render
        text = render(f"consult/{name}", "text", model)
        if self.colour and style:
            text = click.style(text, **style)
        click.echo(text, nl=False)

    def read(self, prompt: str, completions: dict | None = None) -> str:
        """One line; raises EOFError at the end of the input and lets Ctrl-C through.

        On a terminal the line is read with readline: arrow keys edit, the session's earlier
        lines come back with Up, TAB completes ``completions``. Piped input is read plainly."""
        while True:
            try:
                if self.line_editor is not None:
                    line = self.line_editor.read(self.styled(prompt), completions or {})
                else:
                    click.echo(self.styled(prompt), nl=False)
                    line = read_line(sys.stdin)
                break
            except UnicodeError:
                click.echo()
                self.show("notice", style={"fg": "red"}, kind="not_text")
        if not line:
            raise EOFError
        if not sys.stdin.isatty():  # scripted input: keep the transcript readable, and harmless
            click.echo(visible(line.rstrip("\n")))
        return line.strip()

    def prompt_text(self, name: str, **model) -> str:
        from expert.report.render import render
        return render(f"consult/{name}", "text", model).rstrip("\n")


class LineEditor:
    """The standard library's readline on a terminal: editing, history within this session (no
    history file), TAB completion of what the prompt offers."""

    def __init__(self):
        import readline
        self.readline = readline
        self.words: dict = {}
        readline.clear_history()
        readline.set_completer_delims(" ")
        readline.set_completer(self._complete)
        readline.parse_and_bind("tab: complete")

    def _complete(self, text: str, state: int):
        before = self.readline.get_line_buffer()[:self.readline.get_begidx()].split()
        key = before[0].lower() if before else ""
        candidates = [w for w in self.words.get(key, ()) if w.startswith(text)] \
            if len(before) <= 1 else []
        return candidates[state] if state < len(candidates) else None

    def read(self, prompt: str, words: dict) -> str:
        self.words = words
        with signals_noticed():
            line = input(prompt)
        line.encode("utf-8")  # undecodable bytes may come back as surrogates
        return line + "\n"


# How often a wait at a readline prompt is woken to act on a signal that came at its start.
TICK_SECONDS = 0.2


@contextlib.contextmanager
def signals_noticed():
    """Act on Ctrl-C or SIGTERM whenever it comes while readline waits for a line.

    CPython's readline prints the prompt and then waits for a key in select() with no timeout;
    a signal that lands between the two (Ctrl-C the moment the prompt appears) only marks its
    handler as due, and nothing runs it until the next key: the prompt seems hung. A timer
    signal interrupts that select() every TICK_SECONDS, and readline then runs the handlers that
    are due. The timer's own handler does nothing: being delivered is all it is for."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _wake)
    signal.siginterrupt(signal.SIGALRM, False)  # other calls resume; select() never does
    signal.setitimer(signal.ITIMER_REAL, TICK_SECONDS, TICK_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _wake(signum, frame):
    pass


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
@assumptions_option
def consult(session_file, resume_file, client, consultant, trace, step, assumptions_file):
    """Interview a client question by question; the rules decide what to ask next."""
    from expert.interview.lock import session_lock
    from expert.interview.session import default_path, load_session, new_session

    if session_file and resume_file:
        raise click.UsageError(_("give --session FILE for a new session or --resume FILE, not "
                                 "both"))
    for option, given in (("--session", session_file), ("--resume", resume_file)):
        if given is not None and not given.strip():  # '' would quietly mean "a new default file"
            raise InputError(_("the path is empty: give a file name"), where=option)
    path = resume_file or session_file or default_path()
    rates = load_rates(assumptions_file)  # a bad file fails before the first question
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
        run(session, Terminal(), trace=trace, resumed=bool(resume_file), before_firing=listener,
            rates=(rates, assumptions_file))


def run(session, term: Terminal, trace: bool = False, resumed: bool = False,
        before_firing=None, rates=(None, None)) -> None:
    """Run the interview (expert/interview/flow.py) and turn how it ended into what the
    terminal shows and the exit code."""
    from expert.interview import flow

    outcome, consultation = flow.run_interview(session, term, trace=trace, resumed=resumed,
                                               before_firing=before_firing, assumptions=rates[0])
    path_arg = flow.resume_argument(session)
    if outcome in (flow.QUIT, flow.END_OF_INPUT):  # Ctrl-D at a prompt is a quit (exit 0)
        if outcome == flow.END_OF_INPUT:
            click.echo()  # the prompt's line was never ended
        term.show("notice", kind="quit", path=str(session.path), path_arg=path_arg,
                  unsaved=session.save_error is not None)
    elif outcome == flow.INTERRUPTED:
        interrupted(session, term, path_arg, "Ctrl-C", code=130)
    elif outcome == flow.TERMINATED:  # timeout, kill, a service manager: 128 + SIGTERM
        interrupted(session, term, path_arg, "SIGTERM", code=Terminated.code)
    elif outcome == flow.HUNG_UP:  # the terminal closed: 128 + SIGHUP
        interrupted(session, term, path_arg, "SIGHUP", code=HungUp.code)
    elif outcome == flow.CLOSED:
        return
    elif consultation is None:  # the session was finished before, and its report is wanted
        finished_session(session, term, rates)
    else:
        term.show("notice", kind="done", path=str(session.path))
        show_report(consultation.result(session.meta), term, rates[1], inputs_read(session.path))
    if session.save_error is not None:  # the last save failed: one line naming the file, exit 2
        raise session.save_error


def interrupted(session, term: Terminal, path_arg: str, reason: str, code: int):
    """Say how to resume (the flow has saved), and exit with ``code`` (130 for Ctrl-C, 143 for
    SIGTERM)."""
    term.show("notice", kind="interrupted", reason=reason, path=str(session.path),
              path_arg=path_arg, unsaved=session.save_error is not None)
    raise SystemExit(code)


def finished_session(session, term: Terminal, rates=(None, None)) -> None:
    """--resume on a finished session, report wanted: the report of its answers."""
    from expert.reasoning.advisor import advise
    answers = {q: v for q, v in session.answers.items() if v is not None}
    show_report(advise(answers_in_catalog_order(answers), session.meta, assumptions=rates[0]),
                term, rates[1], inputs_read(session.path))


def answers_in_catalog_order(answers: dict) -> dict:
    from expert.inputs.catalog import load_catalog
    return {q.id: answers[q.id] for q in load_catalog() if q.id in answers}


def show_report(result, term: Terminal, rates_file: str | None = None, inputs=()) -> None:
    """The report ``ccadvisor advise`` prints (client page, then the appendix), then an offer to
    write it as md/html/json. The result carries its rates; ``rates_file`` names their file
    (--assumptions), if any. A name that is one of the ``inputs`` is refused, as -o is."""
    from expert.explain.client import client_report
    from expert.inputs.files import write_atomic
    from expert.interview import flow
    from expert.report.render import render

    click.echo(render("report", "text", client_report(result, "text", rates_file)), nl=False)
    while True:
        try:
            name = term.read(term.prompt_text("notice", kind="write_offer"))
        except EOFError:  # Ctrl-D: no file wanted
            click.echo()
            return
        # Ctrl-C (and SIGTERM) goes on to the command line: the session is saved, and it
        # stops with the exit code docs/reference.md's table gives it (130, 143)
        if not name or name.lower() in flow.NO_WORDS:
            return
        fmt = REPORT_FORMATS.get(os.path.splitext(name)[1].lower())
        if fmt is None:
            term.show("notice", kind="bad_report_name",
                      reason=_("{name}: the name must end in .md, .html or .json").format(name=name))
            continue
        try:
            write_atomic(name, render("report", fmt, client_report(result, fmt, rates_file)),
                         inputs)
        except InputError as err:
            term.show("notice", kind="bad_report_name", reason=str(err))
            continue
        term.show("notice", kind="written", path=name)
        return
