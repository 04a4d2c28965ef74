"""A batch's results as CSV or JSONL, line by line as they come, and the counts for its closing
line.

The CSV goes through defusedcsv (OWASP's advice on CSV injection, kept as a maintained drop-in for
the csv module): a cell starting with =, +, -, @, | or % is a formula to a spreadsheet, so a
client named ``=cmd|' /C calc'!A0`` is written as text ('=cmd\\|' /C calc'!A0), not run. The
CSV often goes to a terminal, so control characters in names are shown escaped, as in reports
(JSONL escapes them itself).
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

from defusedcsv import csv

from expert.report.controls import visible

# The output columns, in order.
FIELDS = ("row", "client", "option", "stage", "tie", "confidence", "scores", "fired_rules",
          "error")
FIRST_FAILED = 10  # how many failed row numbers the closing line names


class Tally:
    """Counts for the closing line, kept as the results stream past."""

    def __init__(self):
        self.rows = 0
        self.failed = 0
        self.first_failed: list[int] = []

    def add(self, result: dict) -> dict:
        self.rows += 1
        if result["error"]:
            self.failed += 1
            if len(self.first_failed) < FIRST_FAILED:
                self.first_failed.append(result["row"])
        return result

    def as_dict(self) -> dict:
        return {"rows": self.rows, "failed": self.failed, "first_failed": self.first_failed}


def result_lines(results: Iterable[dict], fmt: str) -> Iterator[str]:
    """CSV (scores as ``option=score`` pairs; tied options and rule ids space-separated) or
    JSONL, one line each."""
    if fmt == "jsonl":
        for r in results:
            yield json.dumps(r, ensure_ascii=False) + "\n"
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")

    def line(cells) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(cells)
        return out.getvalue()
    yield line(FIELDS)
    for r in results:
        scores = " ".join(f"{o}={s}" for o, s in r["scores"].items()) if r["scores"] else ""
        yield line([r["row"], visible(r["client"]), r["option"] or "", r["stage"] or "",
                    " ".join(r["tie"] or ()),
                    "" if r["confidence"] is None else r["confidence"], scores,
                    " ".join(r["fired_rules"] or ()), r["error"]])

