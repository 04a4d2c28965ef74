"""ccadvisor graph: the reasoning chain as a Graphviz DOT or Mermaid graph."""
import click

from commands.common import answers_source, check_output_target, emit, format_option, load_source, output_option


@click.command()
@answers_source
@format_option("dot", "mermaid", default="dot")
@output_option
def graph(answers_file, example, fmt, output):
    """Draw answers -> rules fired -> evidence and advice -> options (losers with their scores)."""
    from expert.reasoning.advisor import advise
    from expert.report.graph import reasoning_graph, render_graph

    check_output_target(output, answers_file)
    answers, meta = load_source(answers_file, example)
    emit(render_graph(reasoning_graph(advise(answers, meta)), fmt), output)
