"""ccadvisor advise: an answers file in, an explained recommendation out."""
import click

from commands.common import answers_source, check_output_target, emit, format_option, load_source, output_option


@click.command()
@answers_source
@format_option("text", "md", "json", "html")
@output_option
def advise(answers_file, example, fmt, output):
    """Recommend how to handle customer contacts, with the chain of rules that led there."""
    from expert.advisor import advise as run_advice
    from expert.render import render
    from expert.report import build_report

    check_output_target(output)
    answers, meta = load_source(answers_file, example)
    emit(render("report", fmt, build_report(run_advice(answers, meta))), output)
