"""The terminal side of step mode: print each step, read Enter / c / q.

``step_listener()`` returns the ``before_firing`` callable the engine takes; expert/stepping.py
builds what is shown. Enter fires the next rule, ``c`` continues to the end without stopping,
``q`` stops the run (in ``advise``; ``consult`` needs the engine to finish, so there ``q`` only
stops showing steps). The end of the input counts as ``q``.
"""
from __future__ import annotations

import sys

import click

KEYS = {"": "next", "c": "continue", "q": "quit"}


def _render(name: str, **model) -> str:
    from expert.report.render import render
    return render(name, "text", model)


def read_key(prompt: str) -> str:
    """Enter, c or q; anything else asks again. End of input is q."""
    while True:
        click.echo(prompt, nl=False)
        line = sys.stdin.readline()
        if not line:
            click.echo("")
            return "quit"
        if not sys.stdin.isatty():
            click.echo(line.rstrip("\n"))  # scripted input: keep the transcript readable
        key = line.strip().lower()
        if key in KEYS:
            return KEYS[key]


class StepListener:
    """The engine's ``before_firing`` for step mode, with the Stepper that remembers state."""

    def __init__(self, quit_stops: bool = True):
        from expert.explain.stepping import Stepper
        self.stepper = Stepper()
        self.mode = "next"           # next | continue | quit
        self.quit_stops = quit_stops

    @property
    def stopped(self) -> bool:
        return self.mode == "quit" and self.quit_stops

    def __call__(self, engine, activations) -> bool:
        if self.mode == "quit":
            return not self.quit_stops
        model = self.stepper.snapshot(engine, activations)
        if self.mode == "continue":
            return True
        click.echo(_render("step", **model), nl=False)
        self.mode = read_key(_render("step_prompt", rule=model["agenda"][0]["rule"]).rstrip("\n"))
        return not self.stopped


def step_listener(quit_stops: bool = True) -> StepListener:
    return StepListener(quit_stops)


def run_stepping(answers: dict, meta: dict):
    """advise --step: the same pipeline on an engine with the step listener. -> (result, stopped)."""
    from expert.reasoning.advisor import advise
    from expert.reasoning.engine import AdvisorEngine
    from expert.explain.stepping import decision_model, derived_model

    listener = step_listener()
    result = advise(answers, meta, engine=AdvisorEngine(before_firing=listener))
    decision = decision_model(result.decision)
    if listener.stopped:
        shown = decision if listener.stepper.decision_shown else None
        click.echo(_render("step_stopped", derived=derived_model(result.firings), decision=shown),
                   nl=False)
        return result, True
    if not listener.stepper.decision_shown and listener.mode == "next":
        click.echo(_render("step_decision", model=decision), nl=False)
    return result, False
