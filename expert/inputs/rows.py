"""Batch input: a CSV or JSONL file of client profiles in, one validated Row per profile out.

Running the rows is expert/reasoning/batch.py; formatting the results, expert/report/batch.py.

* CSV: one client a row; the header names question ids, plus an optional ``client`` column.
  Cells are read like typed-in answers (``Question.parse_text``); an empty cell is unknown.
* JSONL: one answers mapping a line, typed values (``Question.validate``), optional ``client``.

A problem with the whole file (missing, empty, too big, an unknown column) is an InputError. A
problem with one row never stops the others: that row's result carries an ``error`` naming the
row and what is wrong, so every input row gives exactly one output row. (A blank line is not a
row; a CSV row of empty cells is one, a client with nothing known.)
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from expert.inputs.answers import check_structure, read_text, reject_duplicate_json_keys
from expert.inputs.catalog import load_catalog
from expert.errors import InputError

MAX_BATCH_BYTES = 20 * 1024 * 1024  # ~60,000 full profiles; a bigger list should be split
CLIENT = "client"
FORMATS = ("csv", "jsonl")


@dataclass
class Row:
    """One input profile: validated answers, or the error that made it unusable."""
    row: int                # 1-based position among the data rows
    line: int               # line in the input file where the row ends
    client: str = ""
    answers: dict = field(default_factory=dict)
    error: str = ""


def input_format(path: str | Path, text: str) -> str:
    """``jsonl`` for .jsonl/.ndjson files or text starting with '{', else ``csv``."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    return "jsonl" if text.lstrip().startswith("{") else "csv"


def read_rows(path: str | Path) -> list[Row]:
    """Every profile in the file, validated; whole-file problems raise InputError."""
    where = str(path)
    text = read_text(path, max_bytes=MAX_BATCH_BYTES)
    fmt = input_format(path, text)
    rows = _csv_rows(text, where) if fmt == "csv" else _jsonl_rows(text, where)
    if not rows:
        raise InputError("no profiles: the file has no data rows", where=where)
    return rows


def failed(row: Row, message: str) -> Row:
    row.error = f"row {row.row} (line {row.line}): {message}"
    row.answers = {}
    return row


def _header(cells: list[str], where: str) -> list[str]:
    catalog = load_catalog()
    columns = [c.strip() for c in cells]
    for number, column in enumerate(columns, 1):
        if not column:
            raise InputError(f"line 1: column {number} has no name", where=where)
        if column != CLIENT and column not in catalog:
            raise InputError(f"line 1: column {number}: {catalog.unknown_message(column)}", where=where)
        if columns.count(column) > 1:
            raise InputError(f"line 1: column '{column}' appears more than once", where=where)
    return columns


def _csv_rows(text: str, where: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
        columns = _header(header, where)
        catalog = load_catalog()
        rows = []
        for cells in reader:
            if not cells:
                continue  # a blank line is not a client
            row = Row(row=len(rows) + 1, line=reader.line_num)
            rows.append(row)
            raw = dict(zip(columns, cells))
            row.client = raw.pop(CLIENT, "").strip()  # kept even for a bad row, to find it by
            if len(cells) != len(columns):  # a shifted row would put answers under wrong questions
                failed(row, f"has {len(cells)} cells, the header has {len(columns)}")
                continue
            try:
                answers = {qid: catalog.get(qid).parse_text(cell) for qid, cell in raw.items()}
            except InputError as err:
                failed(row, str(err))
                continue
            row.answers = catalog.in_order(answers)
    except csv.Error as err:
        raise InputError(f"line {reader.line_num}: malformed CSV: {err}", where=where) from None
    return rows


def _jsonl_rows(text: str, where: str) -> list[Row]:
    catalog = load_catalog()
    rows = []
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        row = Row(row=len(rows) + 1, line=line_no)
        rows.append(row)
        try:
            check_structure(line, json_format=True)
            raw = json.loads(line, object_pairs_hook=reject_duplicate_json_keys)
        except InputError as err:
            failed(row, str(err))
            continue
        except (ValueError, RecursionError) as err:  # JSONDecodeError, or an int too long to read
            failed(row, f"malformed JSON: {getattr(err, 'msg', err)}")
            continue
        if not isinstance(raw, dict):
            failed(row, f"expected a mapping of question ids to answers, found a {type(raw).__name__}")
            continue
        client = raw.pop(CLIENT, "")
        row.client = client if isinstance(client, str) else json.dumps(client)
        try:
            row.answers = catalog.validate(raw)
        except InputError as err:
            failed(row, str(err))
    return rows
