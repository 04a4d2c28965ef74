"""ccadvisor rules: the rule base, as text, Markdown (knowledge_base.md) or JSON."""
import click

from commands.common import emit, format_option, output_option


@click.command()
@format_option("text", "md", "json")
@output_option
def rules(fmt, output):
    """List every rule: id, title, seed, conditions and conclusion."""
    from expert.kb.listing import rules_model
    from expert.report.render import render

    model = rules_model()
    emit(render("rules", fmt, model["rules"] if fmt == "json" else model), output)
