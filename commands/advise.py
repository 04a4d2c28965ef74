"""ccadvisor advise: an answers file in, an explained recommendation out."""
import click

from commands.common import (answers_source, assumptions_option, check_output_target, emit,
                             format_option, load_rates, load_source, output_option)


@click.command()
@answers_source
@format_option("text", "md", "json", "html")
@output_option
@click.option("--template", "template", metavar="FILE",
              help="Render with your own Jinja template (sandboxed and bounded in memory and "
                   "time; escaped if FILE is .html, .xml, .svg or other markup).")
@click.option("--step", is_flag=True,
              help="Step through the rules at a prompt: Enter fires the next; help lists the "
                   "commands (facts, agenda, matches, how, why, break, scores...).")
@click.option("--watch", metavar="ITEMS",
              help="Trace the run on stderr as the engine goes: facts, rules, activations "
                   "(comma-separated, or all); stdout keeps the report.")
@click.option("--brief", is_flag=True,
              help="The client page alone: recommendation, certainty, reasons, cost, next steps.")
@assumptions_option
def advise(answers_file, example, fmt, output, template, step, watch, brief, assumptions_file):
    """Recommend how to handle customer contacts: a client page first, then the chain of rules."""
    from expert.explain.client import client_report
    from expert.reasoning.advisor import advise as run_advice
    from expert.report.render import render

    check_output_target(output)
    if watch:
        from expert.explain.watch import parse_watch
        watch = parse_watch(watch)
    answers, meta = load_source(answers_file, example)
    assumptions = load_rates(assumptions_file)
    if step or watch:
        from commands.stepping import run_traced
        # Only a text report shares stdout with the transcript; any other keeps it to itself.
        result, stopped = run_traced(answers, meta, step, watch, err=fmt != "text",
                                     assumptions=assumptions)
        if stopped:
            return  # step mode has printed what was derived so far
    else:
        result = run_advice(answers, meta, assumptions=assumptions)
    model = client_report(result, "text" if template else fmt, assumptions_file)
    if template:  # the user's own layout over the plain report model, rendered in the sandbox
        from expert.report.sandbox import render_user_template
        emit(render_user_template(template, model), output)
        return
    emit(render("brief" if brief and fmt != "json" else "report", fmt, model), output)
