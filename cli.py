"""The ``ccadvisor`` command line: a thin click layer over the ``expert`` package.

Each command lives in its own module under ``commands/`` and is imported only when it is run,
so ``ccadvisor --help`` does not pay for the rule engine. Bad input anywhere surfaces as
``expert.errors.InputError`` and is printed here as one line on stderr with exit code 2.
Ctrl-C exits 130, and any other failure one line with exit code 1 (README: exit codes).
"""
from __future__ import annotations

import importlib
import os

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
        """The exit codes README's table promises: bad input 2, Ctrl-C 130, anything else
        unexpected 1; each with one line on stderr and no traceback (CCADVISOR_DEBUG=1 shows it)."""
        from expert.errors import InputError, ToolMissing
        try:
            return super().invoke(ctx)
        except InputError as err:
            fail(ctx, str(err), 2)
        except ToolMissing as err:
            fail(ctx, str(err), 1)
        except KeyboardInterrupt:  # as shells count it: 128 + SIGINT
            fail(ctx, "interrupted", 130)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:
            if os.environ.get("CCADVISOR_DEBUG"):
                raise
            fail(ctx, f"unexpected {type(err).__name__}: {err} (set CCADVISOR_DEBUG=1 to see "
                      "where)", 1)


def fail(ctx, message: str, code: int):
    """One line on stderr, control characters made visible, then exit with ``code``."""
    from expert.report.controls import visible
    click.echo(f"ccadvisor: error: {' '.join(visible(message).splitlines())}", err=True)
    ctx.exit(code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ccadvisor")
def main():
    """Advise a business how to handle its customer contacts, and show why."""
