"""The terminal side of step mode: print each step, read the step prompt's commands.

``step_listener()`` returns the ``before_firing`` callable the engine takes. What the commands
mean and what they show is expert/explain/repl.py's business; this module reads lines, prints
rendered views and keeps nothing but the streams. ``q`` stops the run (in ``advise``;
``consult`` needs the engine to finish, so there ``q`` only stops showing steps). The end of the
input counts as ``q``. The transcript goes to stdout, or to stderr when stdout carries a report
that must stay machine-readable (``advise --step --format json``).
"""
from __future__ import annotations

import sys

import click

from expert.report.controls import visible
from expert.report.render import terminal_width


def _render(name: str, **model) -> str:
    from expert.report.render import render
    return render(name, "text", {"width": terminal_width(), **model})


class StepListener:
    """The engine's ``before_firing`` for step mode: the REPL at each stop."""

    def __init__(self, quit_stops: bool = True, err: bool = False):
        from expert.explain.repl import StepSession
        from expert.explain.stepping import Stepper
        self.stepper = Stepper()
        self.session = StepSession()
        self.quit_stops = quit_stops
        self.err = err

    @property
    def stopped(self) -> bool:
        return self.session.quit and self.quit_stops

    @property
    def mode(self) -> str:
        """"quit", "continue" (runs on without stopping) or "next"."""
        if self.session.quit:
            return "quit"
        return "continue" if self.session.left > 1 else "next"

    def echo(self, text: str) -> None:
        click.echo(text, nl=False, err=self.err)

    def __call__(self, engine, waiting) -> bool:
        if self.session.quit:
            return not self.quit_stops
        if not self.session.should_stop(waiting[0].rule):
            return True
        self.echo(_render("step", **self.stepper.snapshot(engine, waiting)))
        if self.session.hit_break:
            self.echo(_render("step/notice", kind="break_hit", arg=self.session.hit_break))
        return self.prompt(engine, waiting)

    def prompt(self, engine, waiting) -> bool:
        """Read commands until one moves the run; looking commands print their view."""
        from expert.explain.repl import MOVES, parse, view
        prompt = _render("step_prompt", rule=waiting[0].rule).rstrip("\n")
        while True:
            self.echo(prompt)
            line = sys.stdin.readline()
            if not line:
                self.echo("\n")
                line = "quit"
            elif not sys.stdin.isatty():  # scripted input: keep the transcript readable, and harmless
                self.echo(visible(line.rstrip("\n")) + "\n")
            command = parse(line)
            if command.name in MOVES:
                self.session.move(command)
                return not self.stopped
            name, model = view(command, self.session, engine, waiting)
            self.echo(_render(f"step/{name}", **model))


def step_listener(quit_stops: bool = True, err: bool = False) -> StepListener:
    return StepListener(quit_stops, err)


def watcher(items):
    """A Watcher (expert/explain/watch.py) printing its events to stderr as they happen."""
    from expert.explain.watch import Watcher
    return Watcher(items, lambda events: click.echo(_render("watch", events=events), nl=False,
                                                    err=True))


def run_traced(answers: dict, meta: dict, step: bool, watch=None, err: bool = False,
               assumptions: dict | None = None):
    """advise --step / --watch: the same pipeline on an engine with the listeners.
    -> (result, stopped)."""
    from expert.explain.stepping import decision_model, derived_model
    from expert.reasoning.advisor import advise
    from expert.reasoning.engine import AdvisorEngine

    listener = step_listener(err=err) if step else None
    watching = watcher(watch) if watch else None
    engine = AdvisorEngine()
    if watching:  # the watcher looks first, so a stop at the prompt comes after its lines
        engine.on_firing = lambda firing: watching.on_firing(engine, firing)
    engine.before_firing = lambda eng, waiting: (
        (watching is None or watching.before_firing(eng, waiting))
        and (listener is None or listener(eng, waiting)))
    result = advise(answers, meta, engine=engine, assumptions=assumptions)
    if watching:
        watching.finish(engine)
    if listener is None:
        return result, False
    decision = decision_model(result.decision)
    if listener.stopped:
        shown = decision if listener.stepper.decision_shown else None
        listener.echo(_render("step_stopped", derived=derived_model(result.firings),
                              decision=shown))
        return result, True
    if not listener.stepper.decision_shown and listener.mode == "next":
        listener.echo(_render("step_decision", model=decision))
    return result, False
