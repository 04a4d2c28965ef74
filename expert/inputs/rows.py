"""Batch input: a CSV or JSONL file of client profiles in, one validated Row per profile out.

Running the rows is expert/reasoning/batch.py; formatting the results, expert/report/batch.py.

* CSV: one client a row; the header names question ids, plus an optional ``client`` column.
  Cells are read like typed-in answers (``Question.parse_text``); an empty cell is unknown.
* JSONL: one answers mapping a line, typed values (``Question.validate``), optional ``client``.

A problem with the whole file (missing, empty, an unknown column, more rows than the limit) is an
InputError. A problem with one row never stops the others: that row's result carries an ``error``
naming the row and what is wrong, so every input row gives exactly one output row. (A blank line
is not a row; a CSV row of empty cells is one, a client with nothing known.)

Rows are read one at a time (``iter_rows``), so memory stays flat whatever the file holds: lines
are read with a length cap, and a row is dropped once it is advised. ``count_rows`` runs the same
reader to the end first, so that a whole-file problem is found before any output is written.
"""
from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from expert.errors import InputError
from expert.i18n import gettext as _
from expert.i18n.numbers import number as grouped
from expert.inputs.answers import (
    cannot_read,
    check_structure,
    found_kind,
    load_json,
    open_input,
    parser_words,
    printable,
    refuse_lone_surrogates,
)
from expert.inputs.catalog import load_catalog
from expert.inputs.kinds import BATCH

DEFAULT_MAX_ROWS = 100_000  # about 25 minutes of advice at 67 profiles/s; --max-rows raises it
MAX_LINE = 1024 * 1024      # bytes: a full profile is a few hundred, so a longer line is no row
CLIENT = "client"
FORMATS = ("csv", "jsonl")
# An answers file or a session given as batch input: read as CSV, its first line would be
# refused as a header of unknown question ids, which says nothing of the real mistake.
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Row:
    """One input profile: validated answers, or the error that made it unusable."""
    row: int                # 1-based position among the data rows
    line: int               # line in the input file where the row ends
    client: str = ""
    answers: dict = field(default_factory=dict)
    error: str = ""


def input_format(path: str | Path, first_line: str) -> str:
    """``jsonl`` for .jsonl/.ndjson files or a first line starting with '{', else ``csv``."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    return "jsonl" if first_line.lstrip().startswith("{") else "csv"


def iter_rows(path: str | Path, max_rows: int | None = DEFAULT_MAX_ROWS) -> Iterator[Row]:
    """Every profile in the file, validated, one at a time; whole-file problems raise InputError
    (possibly after some rows: see ``count_rows``). ``max_rows`` None means no limit."""
    where = str(path)
    with open_input(path, BATCH) as handle:
        if Path(path).suffix.lower() in YAML_SUFFIXES:
            raise InputError(_("a YAML file is not batch input: expected CSV (a header of "
                               "question ids, a client a row) or JSONL (an answers mapping a "
                               "line)"), where=where)
        lines = _text_lines(handle, where)
        blank = []
        for first in lines:
            if first.strip():
                break
            blank.append(first)
        else:
            raise InputError(_("file is empty"), where=where)
        lines = itertools.chain(blank, [first], lines)  # given back, so line numbers stay true
        fmt = input_format(path, first)
        rows = _csv_rows(lines, where) if fmt == "csv" else _jsonl_rows(lines, where)
        count = 0
        for count, row in enumerate(rows, 1):
            if max_rows is not None and count > max_rows:
                raise InputError(_("more than {limit} rows, the limit: split the file, or raise "
                                   "the limit with --max-rows N").format(limit=grouped(max_rows)),
                                 where=where)
            yield row
    if not count:
        raise InputError(_("no profiles: the file has no data rows"), where=where)


def count_rows(path: str | Path, max_rows: int | None = DEFAULT_MAX_ROWS) -> int:
    """How many rows ``iter_rows`` gives, reading the whole file once and keeping nothing."""
    return sum(1 for _ in iter_rows(path, max_rows))


def read_rows(path: str | Path, max_rows: int | None = None) -> list[Row]:
    """All rows at once, for callers that want a list (bench/); the command streams."""
    return list(iter_rows(path, max_rows))


def _text_lines(handle: BinaryIO, where: str) -> Iterator[str]:
    """The file's lines as text, each at most MAX_LINE bytes, so no line can fill the memory."""
    for line in itertools.count(1):
        try:
            data = handle.readline(MAX_LINE + 1)
        except OSError as err:
            raise cannot_read(err, where) from None
        if not data:
            return
        if len(data) > MAX_LINE:
            raise InputError(_("line {line}: longer than {limit} bytes, so not a profile")
                             .format(line=line, limit=grouped(MAX_LINE)), where=where)
        try:
            yield data.decode("utf-8-sig" if line == 1 else "utf-8")
        except UnicodeDecodeError as err:
            raise InputError(_("line {line}: not UTF-8 text (byte {byte} of the line)")
                             .format(line=line, byte=err.start + 1), where=where) from None


def failed(row: Row, message: str) -> Row:
    row.error = _("row {row} (line {line}): {message}").format(row=row.row, line=row.line,
                                                                message=message)
    row.answers = {}
    return row


def _header(cells: list[str], where: str) -> list[str]:
    catalog = load_catalog()
    columns = [c.strip() for c in cells]
    for position, column in enumerate(columns, 1):
        if not column:
            raise InputError(_("line 1: column {column} has no name").format(column=position),
                             where=where)
        if column != CLIENT and column not in catalog:
            raise InputError(_("line 1: column {column}: {problem}").format(
                column=position, problem=catalog.unknown_message(printable(column))), where=where)
        if columns.count(column) > 1:
            raise InputError(_("line 1: column '{name}' appears more than once")
                             .format(name=printable(column)), where=where)
    return columns


def _csv_rows(lines: Iterator[str], where: str) -> Iterator[Row]:
    reader = csv.reader(lines)
    try:
        columns = _header(next(reader), where)
        catalog = load_catalog()
        number = 0
        for cells in reader:
            if not cells:
                continue  # a blank line is not a client
            number += 1
            row = Row(row=number, line=reader.line_num)
            raw = dict(zip(columns, cells))
            row.client = raw.pop(CLIENT, "").strip()  # kept even for a bad row, to find it by
            if len(cells) != len(columns):  # a shifted row would put answers under wrong questions
                yield failed(row, _("has {cells} cells, the header has {columns}")
                             .format(cells=len(cells), columns=len(columns)))
                continue
            try:
                answers = {qid: catalog.get(qid).parse_text(cell) for qid, cell in raw.items()}
            except InputError as err:
                yield failed(row, str(err))
                continue
            row.answers = catalog.in_order(answers)
            yield row
    except csv.Error as err:
        raise InputError(_("line {line}: malformed CSV: {problem}")
                         .format(line=reader.line_num, problem=parser_words(str(err))),
                         where=where) from None


def _jsonl_rows(lines: Iterator[str], where: str) -> Iterator[Row]:
    catalog = load_catalog()
    number = 0
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        number += 1
        row = Row(row=number, line=line_no)
        try:
            check_structure(line, json_format=True)
            raw = load_json(line)
            refuse_lone_surrogates(raw)
        except InputError as err:
            yield failed(row, str(err))
            continue
        except (ValueError, RecursionError) as err:  # JSONDecodeError, or an int too long to read
            yield failed(row, _("malformed JSON: {problem}")
                         .format(problem=parser_words(getattr(err, "msg", err))))
            continue
        if not isinstance(raw, dict):
            yield failed(row, _("expected a mapping of question ids to answers, found {found}")
                         .format(found=found_kind(raw, none=False)))
            continue
        client = raw.pop(CLIENT, "")
        row.client = client if isinstance(client, str) else json.dumps(client)
        try:
            row.answers = catalog.validate(raw)
        except InputError as err:
            failed(row, str(err))
        yield row
