"""ccadvisor examples: the bundled examples, one per line."""
import click


@click.command()
def examples():
    """List the bundled examples: name, then a one-line description."""
    from expert.inputs.examples import list_examples
    rows = list_examples()
    width = max(len(name) for name, _ in rows)
    for name, description in rows:
        click.echo(f"{name.ljust(width)}  {description}")
