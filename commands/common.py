"""Options and helpers several commands share: where the answers come from, where output goes."""
from __future__ import annotations

import click

from expert.errors import InputError


def answers_source(func):
    """``--answers FILE | --example NAME``: exactly one of them."""
    func = click.option("--example", "example", metavar="NAME",
                        help="A bundled example (see 'ccadvisor examples').")(func)
    func = click.option("--answers", "answers_file", metavar="FILE",
                        help="A YAML or JSON file mapping question ids to answers.")(func)
    return func


def load_source(answers_file: str | None, example: str | None) -> tuple[dict, dict]:
    """(answers, meta) from whichever of --answers / --example was given."""
    from expert.inputs.answers import load_answers
    from expert.inputs.examples import load_example
    if bool(answers_file) == bool(example):
        raise click.UsageError("give exactly one of --answers FILE or --example NAME")
    return load_answers(answers_file) if answers_file else load_example(example)


class Number(click.ParamType):
    """A number option through the same gate as every number from outside
    (expert/inputs/numeric.py): 1e308, inf or nan is refused as one line naming the option."""
    name = "number"

    def convert(self, value, param, ctx):
        if isinstance(value, (int, float)):  # a default
            return value
        from expert.inputs.numeric import parse
        try:
            return float(parse(value))
        except InputError as err:
            raise InputError(str(err), where=param.opts[0]) from None


NUMBER = Number()


def format_option(*formats, default="text"):
    return click.option("--format", "fmt", type=click.Choice(formats), default=default,
                        show_default=True, help="Output format.")


def output_option(func):
    return click.option("--output", "-o", metavar="FILE",
                        help="Write to FILE (atomically) instead of standard output.")(func)


def emit(text: str, output: str | None) -> None:
    """Print, or write the whole text atomically; nothing is written if rendering failed."""
    if output:
        from expert.inputs.files import write_atomic
        write_atomic(output, text)
        click.echo(f"written: {output}", err=True)
    else:
        click.echo(text, nl=False)


def check_output_target(output: str | None) -> None:
    """Fail before doing any work if --output cannot be written."""
    if output:
        from pathlib import Path
        parent = Path(output).parent
        if not parent.is_dir():
            raise InputError(f"directory {str(parent)!r} does not exist", where=output)
