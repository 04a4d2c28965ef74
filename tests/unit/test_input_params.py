"""Every option that names a file a command reads is in commands.common.INPUT_PARAMS, the one
list the output check (-o, consult's report prompt) compares against (issue 22, item 3)."""
import click

import cli
from commands.common import INPUT_PARAMS


def every_command(group=cli.main, ctx=None):
    ctx = ctx or click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield command
        if isinstance(command, click.Group):
            yield from every_command(command, ctx)


def test_every_file_or_directory_a_command_reads_is_an_input():
    reads = {(command.name, param.name) for command in every_command()
             for param in command.params
             if param.metavar in ("FILE", "DIR") and param.name != "output"}
    assert reads and {name for _, name in reads} <= INPUT_PARAMS, sorted(reads)
