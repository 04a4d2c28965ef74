"""ccadvisor batch: a file of client profiles in, one result row per client out."""
import sys

import click

from commands.common import check_output_target, emit, output_option


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes; the output is the same for any number.")
@click.option("--format", "fmt", type=click.Choice(("csv", "jsonl")), default="csv",
              show_default=True, help="Output format.")
@output_option
def batch(file, jobs, fmt, output):
    """Advise every client in FILE (CSV with question-id columns, or JSONL).

    A row that fails validation is reported in the 'error' field of its output row and skipped;
    the other rows still run.
    """
    from expert.inputs.rows import read_rows
    from expert.reasoning.batch import run_rows
    from expert.report.batch import format_results, summary
    from expert.report.render import render

    check_output_target(output, file)
    rows = read_rows(file)
    if sys.stderr.isatty():  # a bar is noise in a log file or a pipe
        with click.progressbar(length=len(rows), label="advising", file=sys.stderr) as bar:
            results = run_rows(rows, jobs=jobs, on_done=bar.update)
    else:
        results = run_rows(rows, jobs=jobs)
    emit(format_results(results, fmt), output)
    click.echo(render("batch_summary", "text", summary(results)), err=True, nl=False)
