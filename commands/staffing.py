"""ccadvisor staffing: how many agents a flow of calls needs (Erlang C)."""
import click

from commands.common import NUMBER, emit, format_option


@click.command()
@click.option("--calls", type=NUMBER, required=True, help="Calls arriving in the interval.")
@click.option("--interval-minutes", type=NUMBER, default=60, show_default=True,
              help="Length of the interval the calls arrive in.")
@click.option("--aht-seconds", type=NUMBER, required=True,
              help="Average handling time per call: talk plus after-call work, in seconds.")
@click.option("--target", default="80/20", show_default=True,
              help="Service level PERCENT/SECONDS: e.g. 80/20 = 80% answered within 20 s.")
@click.option("--max-occupancy", type=NUMBER, default=None,
              help="Highest share of time an agent may spend on calls, in percent (e.g. 85).")
@click.option("--shrinkage", type=NUMBER, default=None,
              help="Share of paid time agents are off the line, in percent. Default: the "
                   "assumption the cost model uses (shrinkage_pct in the assumptions file).")
@format_option("text", "json")
def staffing(calls, interval_minutes, aht_seconds, target, max_occupancy, shrinkage, fmt):
    """Agents needed on the line for a service-level target, and the rota after shrinkage."""
    from expert.numbers.assumptions import load_assumptions
    from expert.numbers.staffing import parse_target, required_agents
    from expert.report.render import render

    assumed = shrinkage is None   # one shrinkage for staffing and cost: the assumptions file's
    if assumed:
        shrinkage = load_assumptions()["shrinkage_pct"]
    result = required_agents(calls, interval_minutes, aht_seconds, parse_target(target),
                             max_occupancy, shrinkage)
    emit(render("staffing", fmt, {**result.as_dict(), "shrinkage_assumed": assumed}), None)
