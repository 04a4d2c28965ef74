"""Options and helpers several commands share: where the answers come from, where output goes."""
from __future__ import annotations

import contextlib
import os
import re
import sys

import click

from expert.errors import InputError
from expert.i18n import gettext as _


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
        raise click.UsageError(_("give exactly one of --answers FILE or --example NAME"))
    return load_answers(answers_file) if answers_file else load_example(example)


class Number(click.ParamType):
    """A number option through the same gate as every number from outside
    (expert/inputs/numeric.py): 1e308, inf or nan is refused as one line naming the option."""
    name = "number"

    def convert(self, value, param, ctx):
        if isinstance(value, (int, float)):  # a default: a float, as click's own float type gives
            return float(value)
        from expert.inputs.numeric import parse
        try:
            return float(parse(value))
        except InputError as err:
            raise InputError(str(err), where=param.opts[0]) from None


NUMBER = Number()


class WholeNumber(click.IntRange):
    """A whole-number option (--months, --jobs, --runs) in digits only: Python's int() also
    takes 1_2 as twelve, which no other input path of the tool reads so."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not re.fullmatch(r"[+-]?[0-9]+", value.strip()):
            self.fail(_("{value!r} is not a valid {number_type}.").format(
                value=value, number_type="integer"), param, ctx)
        return super().convert(value, param, ctx)


def format_option(*formats, default="text"):
    return click.option("--format", "fmt", type=click.Choice(formats), default=default,
                        show_default=True, help="Output format.")


def output_option(func):
    return click.option("--output", "-o", metavar="FILE",
                        help="Write to FILE (atomically) instead of standard output; - is "
                             "standard output. Only a regular file or a new path is written.")(func)


def to_stdout(output: str | None) -> bool:
    from expert.inputs.files import STDOUT
    return output in (None, STDOUT)


def emit(text: str, output: str | None) -> None:
    """Print, or write the whole text atomically; nothing is written if rendering failed."""
    with output_stream(output) as handle:
        handle.write(text)


@contextlib.contextmanager
def output_stream(output: str | None):
    """A text handle on standard output or on FILE written atomically (nothing on failure)."""
    from expert.inputs.files import Writes, atomic_writer
    if to_stdout(output):
        out = Writes(sys.stdout, _("standard output"))
        yield out  # a reader that stops early (`| head`) ends the command in cli.py, quietly
        out.finish(sys.stdout.flush)
        return
    with atomic_writer(output, inputs_read()) as handle:
        yield handle
    from expert.report.controls import visible
    click.echo(_("written: {path}").format(path=visible(output)), err=True)  # as errors show it


# The parameters, in any command, that name a file or directory the command reads: answers,
# assumptions, a template, a batch file, seeds, the session. None of them is ever an output,
# whatever name the output gives it (a symlink, a hard link). A new input option goes here too
# (tests/unit/test_input_params.py finds any that is missing).
INPUT_PARAMS = frozenset({"answers_file", "assumptions_file", "template", "file", "seeds_dir",
                          "session_file", "resume_file"})


def inputs_read(*more: str | os.PathLike | None) -> list:
    """Every input the running command was given (INPUT_PARAMS), and ``more`` (consult's
    session, whose path may be the default one)."""
    ctx = click.get_current_context(silent=True)
    given = [value for name, value in (ctx.params if ctx else {}).items()
             if name in INPUT_PARAMS and value]
    return given + [path for path in more if path]


def check_output_target(output: str | None) -> None:
    """Fail before doing any work if --output cannot or must not be written (not a regular file,
    or one of the inputs the command reads)."""
    if not to_stdout(output):
        from expert.inputs.files import check_target
        check_target(output, inputs_read())


def assumptions_option(func):
    return click.option("--assumptions", "assumptions_file", metavar="FILE",
                        help="YAML or JSON replacing any of the bundled example rates and the "
                             "currency (data/assumptions.yaml).")(func)


def load_rates(assumptions_file: str | None) -> dict | None:
    """The rates of --assumptions FILE over the bundled examples; None when not given."""
    if not assumptions_file:
        return None
    from expert.numbers.assumptions import load_assumptions
    return load_assumptions(assumptions_file)
