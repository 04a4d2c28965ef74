"""A batch's results as CSV or JSONL, and the counts for its closing line."""
from __future__ import annotations

import csv
import io
import json

# The output columns, in order.
FIELDS = ("row", "client", "option", "stage", "tie", "confidence", "scores", "fired_rules",
          "error")


def summary(results: list[dict]) -> dict:
    """Counts for the closing line: rows, failed rows and the first failed row numbers."""
    failed = [r["row"] for r in results if r["error"]]
    return {"rows": len(results), "failed": len(failed), "first_failed": failed[:10]}


def format_results(results: list[dict], fmt: str) -> str:
    """CSV (scores as ``option=score`` pairs; tied options and rule ids space-separated) or
    JSONL."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for r in results:
        scores = " ".join(f"{o}={s}" for o, s in r["scores"].items()) if r["scores"] else ""
        writer.writerow([r["row"], r["client"], r["option"] or "", r["stage"] or "",
                         " ".join(r["tie"] or ()),
                         "" if r["confidence"] is None else r["confidence"], scores,
                         " ".join(r["fired_rules"] or ()), r["error"]])
    return out.getvalue()
