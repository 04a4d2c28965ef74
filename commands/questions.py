"""ccadvisor questions: the question catalog."""
import click

from commands.common import emit, format_option


@click.command()
@format_option("text", "json")
def questions(fmt):
    """List every question the rules can ask, with its type and allowed answers."""
    from expert.inputs.catalog import load_catalog
    from expert.report.render import render

    rows = []
    for q in load_catalog():
        row = {"id": q.id, "text": q.text, "type": q.type, "source": q.source, "topic": q.topic}
        if q.type == "choice":
            row["choices"] = list(q.choice_ids)
            row["choice_labels"] = dict(q.choices)
            if q.multiple:  # several choices may hold at once; ``alone`` ones go with no other
                row.update({"multiple": True, "alone": list(q.alone)})
        if q.type == "number":
            row.update({"min": q.min, "max": q.max, "unit": q.unit, "integer": q.integer})
        row["help"] = q.help
        rows.append(row)
    model = rows if fmt == "json" else {"questions": rows}
    emit(render("questions", fmt, model), None)
