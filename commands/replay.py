"""ccadvisor replay: one self-contained HTML page to step through a consultation in class."""
import click

from commands.common import (answers_source, assumptions_option, check_output_target, emit,
                             load_rates, load_source, output_option)


@click.command()
@answers_source
@output_option
@assumptions_option
def replay(answers_file, example, output, assumptions_file):
    """Write a page that replays the reasoning step by step (arrow keys), with no network."""
    from expert.explain.replay import replay_model
    from expert.report.render import render

    check_output_target(output)
    answers, meta = load_source(answers_file, example)
    emit(render("replay", "html", replay_model(answers, meta, load_rates(assumptions_file))),
         output)
