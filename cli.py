"""The ``ccadvisor`` command line: a thin click layer over the ``expert`` package.

Each command lives in its own module under ``commands/`` and is imported only when it is run,
so ``ccadvisor --help`` does not pay for the rule engine. Bad input anywhere surfaces as
``expert.errors.InputError`` and is printed here as one line on stderr with exit code 2.
"""
from __future__ import annotations

import importlib

import click

# command name -> "module:function"; the order is the order `ccadvisor --help` lists them.
COMMANDS = {
    "advise": "commands.advise:advise",
    "batch": "commands.batch:batch",
    "examples": "commands.examples:examples",
    "explain": "commands.explain:explain",
    "graph": "commands.graph:graph",
    "replay": "commands.replay:replay",
    "questions": "commands.questions:questions",
    "rules": "commands.rules:rules",
    "kb": "commands.kb:kb",
    "staffing": "commands.staffing:staffing",
    "cost": "commands.cost:cost",
    "consult": "commands.consult:consult",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[name].partition(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx):
        from expert.errors import InputError, ToolMissing
        try:
            return super().invoke(ctx)
        except InputError as err:
            click.echo(f"ccadvisor: error: {err}", err=True)
            ctx.exit(2)
        except ToolMissing as err:
            click.echo(f"ccadvisor: error: {err}", err=True)
            ctx.exit(1)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ccadvisor")
def main():
    """Advise a business how to handle its customer contacts, and show why."""
