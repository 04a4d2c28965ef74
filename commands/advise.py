"""ccadvisor advise: an answers file in, an explained recommendation out."""
import click

from commands.common import (answers_source, assumptions_option, check_output_target, emit,
                             format_option, load_rates, load_source, output_option)


@click.command()
@answers_source
@format_option("text", "md", "json", "html")
@output_option
@click.option("--template", "template", metavar="FILE",
              help="Render with your own Jinja template (sandboxed; HTML-escaped if FILE is .html).")
@click.option("--step", is_flag=True,
              help="Step through the rules: Enter fires the next, c continues, q stops.")
@click.option("--brief", is_flag=True,
              help="The client page alone: recommendation, certainty, reasons, cost, next steps.")
@assumptions_option
def advise(answers_file, example, fmt, output, template, step, brief, assumptions_file):
    """Recommend how to handle customer contacts: a client page first, then the chain of rules."""
    from expert.explain.client import client_report
    from expert.reasoning.advisor import advise as run_advice
    from expert.report.render import render

    check_output_target(output)
    answers, meta = load_source(answers_file, example)
    assumptions = load_rates(assumptions_file)
    if step:
        from commands.stepping import run_stepping
        result, stopped = run_stepping(answers, meta)
        if stopped:
            return  # step mode has printed what was derived so far
    else:
        result = run_advice(answers, meta)
    model = client_report(result, "text" if template else fmt, assumptions, assumptions_file)
    if template:  # the user's own layout over the plain report model, rendered in the sandbox
        from expert.report.render import render_user_template
        emit(render_user_template(template, model), output)
        return
    emit(render("brief" if brief and fmt != "json" else "report", fmt, model), output)
