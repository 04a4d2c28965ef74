"""The step prompt's little language (CLIPS and MYCIN nouns) and the state that decides when
the run stops next. No terminal here: commands/stepping.py reads the lines and prints the views.

Commands that move the run: Enter (fire the next rule), ``run N``, ``continue`` (``c``),
``quit`` (``q``). Commands that only look: ``facts``, ``agenda``, ``matches RULE``,
``how FACT``, ``why`` (repeat to climb), ``scores``, ``break RULE`` (stop before RULE fires),
``help``. Each also has a Russian word (``RUSSIAN``: ``почему`` is ``why``), accepted whatever
the language. Anything else is answered with a view saying so.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from expert.errors import did_you_mean
from expert.explain.howwhy import find_fact, how_model, why_model
from expert.explain.memory import agenda_model, facts_model, matches_model
from expert.explain.standing import engine_standing, stage
from expert.reasoning.engine import fact_id
from rules import rule_index

MOVES = ("next", "run", "continue", "quit")
LOOKS = ("facts", "agenda", "matches", "how", "why", "scores", "break", "help")
ALIASES = {"": "next", "c": "continue", "q": "quit", "?": "help", "h": "help"}
# The Russian words for the commands, typed in any language (the Russian help lists them).
# The one-letter keys mean the same on a Russian keyboard layout: the c key types "с", so
# "с" continues as "c" does (it must never mean quit), and the q key's "й" quits.
RUSSIAN = {"шаг": "next", "пуск": "run", "дальше": "continue", "д": "continue", "с": "continue",
           "стоп": "quit", "й": "quit", "факты": "facts", "агенда": "agenda",
           "условия": "matches", "как": "how", "почему": "why", "останов": "break",
           "баллы": "scores", "помощь": "help", "справка": "help"}
ALIASES.update(RUSSIAN)
NEEDS_ARGUMENT = {"run": "N", "matches": "RULE", "how": "FACT", "break": "RULE"}


@dataclass(frozen=True)
class Command:
    name: str          # one of MOVES or LOOKS, or "unknown" / "bad"
    arg: str = ""      # the argument; for "unknown" / "bad", what was typed
    problem: str = ""  # for "bad": what is wrong, as a word the notice template words
    hint: str = ""     # " (did you mean 'x'?)" when something close exists


def parse(line: str) -> Command:
    text = " ".join(line.split())
    word, _, arg = text.partition(" ")
    name = ALIASES.get(word.lower(), word.lower())
    if name not in MOVES + LOOKS:
        return Command("unknown", text, hint=did_you_mean(word, MOVES + LOOKS + tuple(RUSSIAN)))
    if name in NEEDS_ARGUMENT and not arg:
        return Command("bad", text, "missing", NEEDS_ARGUMENT[name])
    if name not in NEEDS_ARGUMENT and arg:
        return Command("bad", text, "extra")
    if name == "run" and not (arg.isdigit() and int(arg) > 0):
        return Command("bad", text, "not_a_count")
    if name in ("matches", "break") and arg not in rule_index():
        return Command("bad", text, "unknown_rule", did_you_mean(arg, rule_index()))
    return Command(name, arg)


class StepSession:
    """When to stop next. Every move is a budget of firings: Enter 1, ``run N`` N, ``continue``
    all, the first of them being the rule waiting at the prompt; a breakpoint stops the run
    before its rule fires (so never before the one the move itself fires: the run could not get
    past it)."""

    def __init__(self):
        self.left = 0            # firings allowed before the next stop
        self.quit = False
        self.breaks: list[str] = []
        self.why_level = 0
        self.hit_break = None    # the breakpoint the run stopped at, for the view

    def should_stop(self, next_rule: str) -> bool:
        """Asked before each firing but the one a move fires."""
        self.hit_break = None
        if self.left and next_rule in self.breaks:
            self.left, self.hit_break = 0, next_rule
        if not self.left:
            self.why_level = 0   # a new step: why starts again from its rule
            return True
        self.left -= 1
        return False

    def move(self, command: Command) -> None:
        """A moving command: the rule at the prompt fires, then ``left`` more may."""
        self.quit = command.name == "quit"
        budget = {"next": 1, "continue": math.inf}.get(command.name, 0)
        if command.name == "run":
            budget = int(command.arg)
        self.left = max(budget - 1, 0)


def view(command: Command, session: StepSession, engine, waiting) -> tuple[str, dict]:
    """(template under step/, model) answering a looking command."""
    name = command.name
    if name == "facts":
        return "facts", facts_model(engine)
    if name == "agenda":
        return "agenda", agenda_model(engine, waiting)
    if name == "matches":
        return "matches", matches_model(engine, command.arg, waiting)
    if name == "how":
        fid = find_fact(engine, command.arg)
        if fid is None:
            return "notice", {"kind": "no_such_fact", "arg": command.arg,
                              "last": max(fact_id(f) for f in engine.facts_in_order())}
        return "how", how_model(engine, fid)
    if name == "why":
        model = why_model(engine, waiting, session.why_level)
        session.why_level = 0 if model["top"] else session.why_level + 1
        return "why", model
    if name == "scores":
        return "scores", {"standing": engine_standing(engine), "stage": stage(engine),
                          "fired": len(engine.firings)}
    if name == "break":
        if command.arg not in session.breaks:
            session.breaks.append(command.arg)
        return "notice", {"kind": "break_set", "arg": command.arg, "breaks": session.breaks}
    if name == "help":
        return "help", {}
    return "notice", {"kind": name, "arg": command.arg, "problem": command.problem,
                      "hint": command.hint}
