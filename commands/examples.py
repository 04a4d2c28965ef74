"""ccadvisor examples: the bundled examples, one per line."""
import sys

import click


@click.command()
def examples():
    """List the bundled examples: name, then a one-line description."""
    from expert.inputs.examples import list_examples
    from expert.report.render import terminal_width
    rows = list_examples()
    width = max(len(name) for name, _ in rows)
    # One line each for a pipe (`ccadvisor examples | cut -d' ' -f1`); on a terminal the
    # description wraps under itself, to the terminal's width.
    wrap = sys.stdout.isatty()
    for name, description in rows:
        line = f"{name.ljust(width)}  {description}"
        click.echo(click.wrap_text(line, terminal_width(), subsequent_indent=" " * (width + 2),
                                   preserve_paragraphs=False) if wrap else line)
