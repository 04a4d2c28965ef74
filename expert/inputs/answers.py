"""Reading answers files (YAML or JSON) into validated answers, with clean one-line errors.

An answers file is a mapping of question ids to answers. The key ``meta`` is reserved for
optional metadata (client, consultant, description, started, updated, and ``notes``: question
id -> the consultant's free text), so a saved consultation session is a valid answers file.
Every check that can be done before parsing is (size first), and every error names the file
and, where it can, the line.
"""
from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Hashable
from pathlib import Path
from typing import BinaryIO

import yaml

from expert.errors import InputError
from expert.inputs.catalog import load_catalog
from expert.inputs.yamlload import SafeLoader

MAX_BYTES = 1024 * 1024  # a full answers file is a few KB; anything near this is not one
MAX_DEPTH = 8  # an answers file nests two levels (meta.notes); deeper is not one, and would
              # only make the parsers recurse
META_KEY = "meta"
META_TEXT_FIELDS = ("client", "consultant", "description", "started", "updated", "status")


class _UniqueKeyLoader(SafeLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last one."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):  # "? [a, b]: c" - a list cannot be a question id
                raise InputError(f"line {key_node.start_mark.line + 1}: a key must be a plain value")
            if key in seen:
                raise InputError(f"line {key_node.start_mark.line + 1}: duplicate key '{key}'")
            seen.add(key)
        return super().construct_mapping(node, deep)


def reject_duplicate_json_keys(pairs):
    keys = [k for k, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise InputError(f"duplicate key '{key}'")
    return dict(pairs)


def _line_of(text: str, key: str) -> int | None:
    """The line where a top-level key is written, for error messages."""
    match = re.search(rf"(?m)^[ \t{{,]*[\"']?{re.escape(str(key))}[\"']?\s*:", text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def cannot_read(err: OSError, where: str) -> InputError:
    """An OSError on reading (no permission, an I/O error) as the one-line error."""
    return InputError(f"cannot read: {err.strerror or err}", where=where)


def open_input(path: str | Path) -> BinaryIO:
    """The file opened for binary reading, refusing what is missing or not a regular file.

    The type is checked before opening: opening a named pipe would wait for a writer.
    """
    where = str(path)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("file not found", where=where) from None
    except OSError as err:  # e.g. a directory on the way without search permission
        raise cannot_read(err, where) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file", where=where)
    try:
        return open(path, "rb")
    except OSError as err:
        raise cannot_read(err, where) from None


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text, refusing missing, oversized, non-UTF-8 and empty files before parsing."""
    where = str(path)
    with open_input(path) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit", where=where)
            data = handle.read(max_bytes + 1)  # never more than the limit, even if the file grows
        except OSError as err:
            raise cannot_read(err, where) from None
    if len(data) > max_bytes:
        raise InputError(f"file is over the {max_bytes:,}-byte limit", where=where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start})", where=where) from None
    if not text.strip():
        raise InputError("file is empty", where=where)
    return text


def refuse_lone_surrogates(data, at: str = "") -> None:
    """Refuse JSON's escaped half UTF-16 pairs ("\\ud800"), naming where one is.

    json.loads turns such an escape into a lone surrogate: a str that no file and no terminal
    can encode, so it would break the first print or save. (Text decoded from UTF-8 never holds
    one, and YAML refuses the escape itself.)
    """
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        name = f"{at}.{key}" if at else str(key)
        for text in (key, value):
            if isinstance(text, str) and not _encodable(text):
                shown = name.encode("utf-8", "backslashreplace").decode("utf-8")
                raise InputError(f"{shown}: a lone surrogate (an escape like \\ud800 without its "
                                 "pair) is not text")
        refuse_lone_surrogates(value, name)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_BRACKETS_OUTSIDE_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"?|([\[\]{}])')


def check_structure(text: str, json_format: bool) -> None:
    """Refuse nesting deeper than MAX_DEPTH, and YAML aliases, before any object is built.

    Both are cheap scans (a regex over JSON, YAML's flat event stream), so a hostile file never
    reaches the recursive parts of the parsers, and an alias cannot multiply a small file into a
    huge structure (the "billion laughs").
    """
    depth = 0
    if json_format:
        for match in _BRACKETS_OUTSIDE_STRINGS.finditer(text):
            bracket = match.group(1)
            if bracket:
                depth += 1 if bracket in "[{" else -1
                if depth > MAX_DEPTH:
                    line = text.count("\n", 0, match.start()) + 1
                    raise InputError(f"line {line}: nested deeper than {MAX_DEPTH} levels")
        return
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise InputError(f"line {event.start_mark.line + 1}: YAML aliases (*{event.anchor}) "
                             "are not allowed in answers files")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(f"line {event.start_mark.line + 1}: nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def parse_mapping(text: str, where: str, json_format: bool) -> dict:
    """Parse YAML or JSON text whose top level must be a mapping."""
    try:
        check_structure(text, json_format)
        if json_format:
            data = json.loads(text, object_pairs_hook=reject_duplicate_json_keys)
        else:
            data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except json.JSONDecodeError as err:
        raise InputError(f"line {err.lineno}: malformed JSON: {err.msg}", where=where) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise InputError(f"{line}malformed YAML: {err.problem or err.context}", where=where) from None
    except yaml.YAMLError as err:  # e.g. ReaderError, whose str() spans two lines
        raise InputError(f"malformed YAML: {_one_line(err)}", where=where) from None
    except InputError as err:
        raise InputError(str(err), where=where) from None
    except RecursionError:
        raise InputError("nested too deeply", where=where) from None
    except ValueError as err:  # a value the parser accepts but cannot build: 2024-13-45, huge ints
        fmt = "JSON" if json_format else "YAML"
        raise InputError(f"malformed {fmt}: {err}".splitlines()[0], where=where) from None
    try:
        refuse_lone_surrogates(data)
    except InputError as err:
        raise InputError(str(err), where=where) from None
    if not isinstance(data, dict):
        found = "nothing" if data is None else f"a {type(data).__name__}"
        raise InputError(f"the top level must be a mapping of question ids to answers, found {found}",
                         where=where)
    return data


def _one_line(err) -> str:
    return " ".join(str(err).split())


def printable(key):
    """A key as it can be shown in a one-line error: a quoted key may hold a line break."""
    return key if not isinstance(key, str) or key.isprintable() else repr(key)[1:-1]


def _clean_meta(meta, where: str) -> dict:
    if not isinstance(meta, dict):
        raise InputError(f"'{META_KEY}' must be a mapping", where=where)
    clean = {}
    for key in META_TEXT_FIELDS:
        if meta.get(key) is not None:
            clean[key] = str(meta[key])
    notes = meta.get("notes") or {}
    if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
        raise InputError(f"'{META_KEY}.notes' must map question ids to text", where=where)
    catalog = load_catalog()
    for qid in notes:
        if qid not in catalog:
            raise InputError(f"{META_KEY}.notes: {catalog.unknown_message(printable(qid))}", where=where)
    if notes:
        clean["notes"] = {str(k): v for k, v in notes.items()}
    return clean


def validate_answers(raw: dict, where: str, text: str = "") -> tuple[dict, dict]:
    """Split off metadata and validate every answer. Returns (answers, meta)."""
    raw = dict(raw)
    meta = _clean_meta(raw.pop(META_KEY, None) or {}, where)
    catalog = load_catalog()
    answers = {}
    for qid, value in raw.items():
        line = _line_of(text, qid) if text else None
        at = f"{where}: line {line}" if line else where
        if not isinstance(qid, str) or qid not in catalog:
            raise InputError(catalog.unknown_message(printable(qid)), where=at)
        try:
            answers[qid] = catalog.get(qid).validate(value)
        except InputError as err:
            raise InputError(str(err), where=at) from None
    return catalog.in_order(answers), meta


def load_answers(path: str | Path) -> tuple[dict, dict]:
    """Read, parse and validate an answers file. Returns (answers, meta)."""
    where = str(path)
    text = read_text(path)
    is_json = Path(path).suffix.lower() == ".json" or text.lstrip().startswith("{")
    return validate_answers(parse_mapping(text, where, is_json), where, text)


def answer_count(answers: dict) -> tuple[int, int]:
    """(answered, left unknown) of a mapping of question id -> value (None = unknown).

    The one count of answers: the interview, the resume line and the report all use it, so
    they agree; a question left unknown is not counted as answered."""
    known = sum(1 for value in answers.values() if value is not None)
    return known, len(answers) - known
