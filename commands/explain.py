"""ccadvisor explain: why not another option, what if an answer changed, what would flip it."""
import click

from commands.common import (answers_source, assumptions_option, check_output_target, emit,
                             format_option, load_rates, load_source, output_option)


@click.command()
@answers_source
@click.option("--why-not", "why_not", metavar="OPTION", multiple=True,
              help="Why OPTION was not recommended (repeatable). Default: every losing option.")
@click.option("--what-if", "what_if", metavar="QUESTION=VALUE", multiple=True,
              help="Rerun with this answer changed ('unknown' removes it; repeatable).")
@click.option("--sensitivity", is_flag=True,
              help="The smallest answer changes (one, then pairs) that change the recommendation.")
@format_option("text", "md", "json")
@output_option
@assumptions_option
def explain(answers_file, example, why_not, what_if, sensitivity, fmt, output, assumptions_file):
    """Explain a recommendation by what did not happen: why not, what if, what would flip it."""
    from expert.explain.explanation import explanation
    from expert.report.render import render

    check_output_target(output)
    answers, meta = load_source(answers_file, example)
    model = explanation(answers, meta, why_not, what_if, sensitivity,
                        assumptions=load_rates(assumptions_file))
    emit(render("explain", fmt, model), output)
