"""ccadvisor batch: a file of client profiles in, one result row per client out."""
import contextlib
import sys

import click

from commands.common import (assumptions_option, check_output_target, load_rates, output_option,
                             output_stream, WholeNumber)
from expert.i18n import gettext as _


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--jobs", "-j", type=WholeNumber(1, 64), default=1, show_default=True,
              help="Worker processes; the output is the same for any number.")
@click.option("--format", "fmt", type=click.Choice(("csv", "jsonl")), default="csv",
              show_default=True, help="Output format.")
@click.option("--max-rows", type=WholeNumber(1), default=100_000, show_default=True,
              help="Refuse a file with more rows than this (split it, or raise the limit).")
@output_option
@assumptions_option
def batch(file, jobs, fmt, max_rows, output, assumptions_file):
    """Advise every client in FILE (CSV with question-id columns, or JSONL).

    A row that fails validation is reported in the 'error' field of its output row and skipped;
    the other rows still run. Rows are streamed: memory stays flat however long the file is.
    """
    from expert.inputs.rows import count_rows, iter_rows
    from expert.reasoning.batch import run_rows
    from expert.report.batch import Tally, result_lines
    from expert.report.render import render

    check_output_target(output)
    assumptions = load_rates(assumptions_file)
    total = count_rows(file, max_rows)  # a whole-file problem is found before anything is written
    tally = Tally()
    tty = sys.stderr.isatty()  # a bar is noise in a log file or a pipe
    progress = (click.progressbar(length=total, label=_("advising"), file=sys.stderr) if tty
                else contextlib.nullcontext())
    with output_stream(output) as out, progress as bar:
        results = run_rows(iter_rows(file, max_rows), jobs=jobs,
                           on_done=bar.update if tty else None, assumptions=assumptions)
        out.writelines(result_lines(map(tally.add, results), fmt))
    click.echo(render("batch_summary", "text", tally.as_dict()), err=True, nl=False)
