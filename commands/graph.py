"""ccadvisor graph: the reasoning chain as Graphviz DOT, Mermaid, or an SVG drawn by Graphviz."""
import click

from commands.common import (answers_source, assumptions_option, check_output_target, emit,
                             format_option, load_rates, load_source, output_option)


@click.command()
@answers_source
@format_option("dot", "mermaid", "svg", default="dot")
@click.option("--focus", is_flag=True,
              help="Draw only the chain behind the recommended option (and the runner-up of a "
                   "close call).")
@output_option
@assumptions_option
def graph(answers_file, example, fmt, focus, output, assumptions_file):
    """Draw answers -> rules fired -> evidence and advice -> options (losers with their scores)."""
    from expert.reasoning.advisor import advise
    from expert.report.graph import focused, reasoning_graph, render_graph, require_svg

    check_output_target(output)
    answers, meta = load_source(answers_file, example)
    model = reasoning_graph(advise(answers, meta, assumptions=load_rates(assumptions_file)))
    if focus:
        model = focused(model)
    if fmt == "svg":
        emit(require_svg(render_graph(model, "dot")), output)
    else:
        emit(render_graph(model, fmt), output)
