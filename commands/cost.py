"""ccadvisor cost: monthly and cumulative cost of each option, its breakdown and launch time."""
import click

from commands.common import (answers_source, assumptions_option, check_output_target, emit,
                             format_option, load_source, output_option, WholeNumber)
from expert.errors import InputError
from expert.i18n import gettext as _

MAX_MONTHS = 120


@click.command()
@answers_source
@assumptions_option
@click.option("--months", type=WholeNumber(), default=None,
              help=f"Horizon in months (1-{MAX_MONTHS}); default: the client's horizon_months answer.")
@format_option("text", "md", "json", "html")
@output_option
def cost(answers_file, example, assumptions_file, months, fmt, output):
    """Cost of home_team, in_house, outsource and hybrid over the horizon, with every number's source."""
    from expert.numbers.assumptions import EXAMPLE_SOURCE, load_assumptions
    from expert.report.cost import cost_report
    from expert.report.render import render

    if months is not None and not 1 <= months <= MAX_MONTHS:
        raise InputError(_("--months must be from 1 to {limit}, got {months}")
                         .format(limit=MAX_MONTHS, months=months))
    check_output_target(output)
    answers, meta = load_source(answers_file, example)
    assumptions = load_assumptions(assumptions_file)
    source = assumptions_file or EXAMPLE_SOURCE
    emit(render("cost", fmt, cost_report(answers, meta, assumptions, months, source)), output)
