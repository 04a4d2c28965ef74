"""ccadvisor advise: an answers file in, an explained recommendation out."""
import click

from commands.common import answers_source, check_output_target, emit, format_option, load_source, output_option


@click.command()
@answers_source
@format_option("text", "md", "json", "html")
@output_option
@click.option("--template", "template", metavar="FILE",
              help="Render with your own Jinja template (sandboxed and bounded in memory and "
                   "time; escaped if FILE is .html, .xml, .svg or other markup).")
@click.option("--step", is_flag=True,
              help="Step through the rules: Enter fires the next, c continues, q stops.")
def advise(answers_file, example, fmt, output, template, step):
    """Recommend how to handle customer contacts, with the chain of rules that led there."""
    from expert.reasoning.advisor import advise as run_advice
    from expert.report.render import render
    from expert.report.model import build_html_report, build_report

    check_output_target(output, answers_file, template)
    answers, meta = load_source(answers_file, example)
    if step:
        from commands.stepping import run_stepping
        result, stopped = run_stepping(answers, meta)
        if stopped:
            return  # step mode has printed what was derived so far
    else:
        result = run_advice(answers, meta)
    if template:  # the user's own layout over the plain report model, rendered in the sandbox
        from expert.report.sandbox import render_user_template
        emit(render_user_template(template, build_report(result)), output)
        return
    build = build_html_report if fmt == "html" else build_report  # HTML embeds the graph
    emit(render("report", fmt, build(result)), output)
