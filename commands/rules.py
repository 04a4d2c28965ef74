"""ccadvisor rules: the rule base, as text, Markdown (knowledge_base.md) or JSON; or one rule."""
import click

from commands.common import emit, format_option, output_option
from expert.i18n import gettext as _
from expert.report.render import terminal_width


@click.command()
@click.argument("rule_id", metavar="[ID]", required=False)
@format_option("text", "md", "json")
@output_option
def rules(rule_id, fmt, output):
    """List every rule: id, title, seed, conditions and conclusion; or show rule ID in full."""
    from expert.report.render import render

    if rule_id:
        from expert.kb.rule import rule_detail
        if fmt == "md":
            raise click.UsageError(_("one rule is shown as text or json; --format md writes the "
                                     "whole rule base"))
        model = rule_detail(rule_id)
        if fmt == "text":
            model = {**model, "width": terminal_width()}
        emit(render("rule", fmt, model), output)
        return
    from expert.kb.listing import rules_model
    model = rules_model()
    emit(render("rules", fmt, model["rules"] if fmt == "json" else model), output)
