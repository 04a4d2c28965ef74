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

from expert.errors import InputError, os_reason
from expert.i18n import N_
from expert.i18n import gettext as _
from expert.i18n.numbers import number
from expert.inputs.catalog import load_catalog
from expert.inputs.kinds import ANSWERS, FileKind
from expert.inputs.yamlload import SafeLoader

MAX_BYTES = 1024 * 1024  # a full answers file is a few KB; anything near this is not one
MAX_DEPTH = 8  # an answers file nests two levels (meta.notes); deeper is not one, and would
              # only make the parsers recurse
META_KEY = "meta"
META_TEXT_FIELDS = ("client", "consultant", "description", "started", "updated", "status")
# The total a consultation's "question N of about M" has shown, so that a resumed interview
# never shows a higher one: a hint of the tool's own, dropped (not refused) if it is no count.
META_TOTAL = "expected_questions"


_NULL_TAG = "tag:yaml.org,2002:null"


class _UniqueKeyLoader(SafeLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last one, and reads
    every plain scalar as text but an empty one (or ``~``, ``null``), which is no answer.

    YAML's own readings of a scalar (``6.000`` as 6, ``0x10`` as 16, ``yes`` and ``on`` as true,
    ``2024-13-45`` as a date) are not the ones a consultant types at the prompt or into a CSV
    cell. Text goes through the one number parser every input path uses, so a value means the
    same wherever it is written, and each refusal is the tool's own line.
    """
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == _NULL_TAG]
        for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()}

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):  # "? [a, b]: c" - a list cannot be a question id
                raise InputError(_("line {line}: a key must be a plain value")
                                 .format(line=key_node.start_mark.line + 1))
            if key in seen:
                raise InputError(_("line {line}: duplicate key '{key}'")
                                 .format(line=key_node.start_mark.line + 1, key=key))
            seen.add(key)
        return super().construct_mapping(node, deep)


def reject_duplicate_json_keys(pairs):
    keys = [k for k, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise InputError(_("duplicate key '{key}'").format(key=key))
    return dict(pairs)


def load_json(text: str):
    """JSON as the answers readers take it: duplicate keys refused, and every number (NaN and
    Infinity too) kept as the text it was written in, for the one number parser to read, as the
    YAML loader keeps them (``_UniqueKeyLoader``)."""
    return json.loads(text, object_pairs_hook=reject_duplicate_json_keys, parse_int=str,
                      parse_float=str, parse_constant=str)


def _line_of(text: str, key: str) -> int | None:
    """The line where a top-level key is written, for error messages."""
    match = re.search(rf"(?m)^[ \t{{,]*[\"']?{re.escape(str(key))}[\"']?\s*:", text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def cannot_read(err: OSError, where: str) -> InputError:
    """An OSError on reading (no permission, an I/O error) as the one-line error."""
    return InputError(_("cannot read: {reason}").format(reason=os_reason(err)), where=where)


def open_input(path: str | Path, kind: FileKind = ANSWERS) -> BinaryIO:
    """The file opened for binary reading, refusing what is missing or not a regular file (the
    refusal says what ``kind`` of file was expected).

    The type is checked before opening: opening a named pipe would wait for a writer.
    """
    where = str(path)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(_("file not found"), where=where) from None
    except OSError as err:  # e.g. a directory on the way without search permission
        raise cannot_read(err, where) from None
    if not stat.S_ISREG(info.st_mode):
        raise not_a_file(info, kind, where)
    try:
        return open(path, "rb")
    except OSError as err:
        raise cannot_read(err, where) from None


def not_a_file(info: os.stat_result, kind: FileKind, where: str) -> InputError:
    """A path that is there but is no regular file, named as what it is and what was expected."""
    if stat.S_ISDIR(info.st_mode):
        return InputError(_("is a directory; expected {what}").format(what=kind.expected()),
                          where=where)
    return InputError(_("not a regular file (a device, pipe or socket); expected {what}")
                      .format(what=kind.expected()), where=where)


def read_text(path: str | Path, max_bytes: int = MAX_BYTES, kind: FileKind = ANSWERS) -> str:
    """The file's text, refusing missing, oversized, non-UTF-8 and empty files before parsing."""
    where = str(path)
    with open_input(path, kind) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise InputError(_("file is {size} bytes, over the {limit}-byte limit")
                                 .format(size=number(size), limit=number(max_bytes)), where=where)
            data = handle.read(max_bytes + 1)  # never more than the limit, even if the file grows
        except OSError as err:
            raise cannot_read(err, where) from None
    if len(data) > max_bytes:
        raise InputError(_("file is over the {limit}-byte limit").format(limit=number(max_bytes)),
                         where=where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(_("not UTF-8 text (byte {byte})").format(byte=err.start),
                         where=where) from None
    if not text.strip():
        raise InputError(_("file is empty"), where=where)
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
                raise InputError(_("{name}: a lone surrogate (an escape like \\ud800 without its "
                                   "pair) is not text").format(name=shown))
        refuse_lone_surrogates(value, name)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_BRACKETS_OUTSIDE_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"?|([\[\]{}])')


def check_structure(text: str, json_format: bool, kind: FileKind = ANSWERS) -> None:
    """Refuse nesting deeper than MAX_DEPTH, and YAML aliases, before any object is built.

    Both are cheap scans (a regex over JSON, YAML's flat event stream), so a hostile file never
    reaches the recursive parts of the parsers, and an alias cannot multiply a small file into a
    huge structure (the "billion laughs").
    """
    if json_format:
        depth = 0
        for match in _BRACKETS_OUTSIDE_STRINGS.finditer(text):
            bracket = match.group(1)
            if bracket:
                depth += 1 if bracket in "[{" else -1
                if depth > MAX_DEPTH:
                    line = text.count("\n", 0, match.start()) + 1
                    raise InputError(_("line {line}: nested deeper than {depth} levels")
                                     .format(line=line, depth=MAX_DEPTH))
        return
    try:
        _check_events(yaml.parse(text, Loader=SafeLoader), kind)
    except yaml.YAMLError:
        # libyaml reads ahead and has limits of its own (a flow nested 1000 deep): it may refuse
        # a file before its events reach ours. The pure-Python parser reads ahead at most one
        # simple key (1024 characters), so on a refused file it tells whether ours is the
        # reason, and the line says the same whichever parser met the file first.
        try:
            _check_events(yaml.parse(text, Loader=yaml.SafeLoader), kind)
        except yaml.YAMLError:
            pass
        raise


def _check_events(events, kind: FileKind) -> None:
    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            raise InputError(kind.no_aliases(event.start_mark.line + 1, event.anchor))
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(_("line {line}: nested deeper than {depth} levels")
                                 .format(line=event.start_mark.line + 1, depth=MAX_DEPTH))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def parse_mapping(text: str, where: str, json_format: bool, kind: FileKind = ANSWERS) -> dict:
    """Parse YAML or JSON text whose top level must be a mapping (the one ``kind`` describes)."""
    try:
        check_structure(text, json_format, kind)
        if json_format:
            data = load_json(text)
        else:
            data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except json.JSONDecodeError as err:
        raise InputError(_("line {line}: malformed JSON: {problem}")
                         .format(line=err.lineno, problem=parser_words(err.msg)),
                         where=where) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = parser_words(err.problem or err.context)
        message = (_("line {line}: malformed YAML: {problem}").format(line=mark.line + 1,
                                                                      problem=problem)
                   if mark else _("malformed YAML: {problem}").format(problem=problem))
        raise InputError(message, where=where) from None
    except yaml.YAMLError as err:  # e.g. ReaderError, whose str() spans two lines
        raise InputError(_("malformed YAML: {problem}").format(problem=_one_line(err)),
                         where=where) from None
    except InputError as err:
        raise InputError(str(err), where=where) from None
    except RecursionError:
        raise InputError(_("nested too deeply"), where=where) from None
    except ValueError as err:  # a value the parser accepts but cannot build: 2024-13-45, huge ints
        message = (_("malformed JSON: {problem}") if json_format
                   else _("malformed YAML: {problem}")).format(problem=err)
        raise InputError(message.splitlines()[0], where=where) from None
    try:
        refuse_lone_surrogates(data)
    except InputError as err:
        raise InputError(str(err), where=where) from None
    if not isinstance(data, dict):
        raise InputError(kind.not_a_mapping(found_kind(data)), where=where)
    return data


# What a parser found where a mapping was expected, by Python type name.
_KINDS = {"list": N_("a list"), "str": N_("a str"), "int": N_("a int"), "float": N_("a float"),
          "bool": N_("a bool"), "date": N_("a date"), "datetime": N_("a datetime"),
          "NoneType": N_("a NoneType"), "dict": N_("a mapping")}


def found_kind(data, none: bool = True) -> str:
    """"nothing" (or "a NoneType" when not ``none``), "a list", "a str"...: what was found
    instead of a mapping."""
    if data is None and none:
        return _("nothing")
    name = type(data).__name__
    return _(_KINDS[name]) if name in _KINDS else f"a {name}"


# The parsers' own words (json's, libyaml's) for the mistakes people make in a hand-written
# file; any other is shown as the parser says it.
_PARSER_WORDS = frozenset({
    N_("Expecting value"), N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ',' delimiter"), N_("Expecting ':' delimiter"), N_("Extra data"),
    N_("Unterminated string starting at"), N_("Invalid control character at"),
    N_("Invalid \\escape"), N_("Invalid \\uXXXX escape"),
    N_("mapping values are not allowed in this context"),
    N_("mapping values are not allowed here"),
    N_("did not find expected ',' or ']'"), N_("did not find expected ',' or '}'"),
    N_("did not find expected '-' indicator"), N_("did not find expected key"),
    N_("did not find expected node content"), N_("could not find expected ':'"),
    N_("found character that cannot start any token"), N_("found unexpected end of stream"),
    N_("found unknown escape character"), N_("found undefined alias"),
    N_("found a tab character that violates indentation"),
    N_("block sequence entries are not allowed in this context"),
    N_("field larger than field limit (131072)"),
})


def parser_words(problem) -> str:
    """A parser's message in the current language where it is one of _PARSER_WORDS."""
    return _(problem) if problem in _PARSER_WORDS else str(problem)


def _one_line(err) -> str:
    return " ".join(str(err).split())


def printable(key):
    """A key as it can be shown in a one-line error: a quoted key may hold a line break."""
    return key if not isinstance(key, str) or key.isprintable() else repr(key)[1:-1]


def _clean_meta(meta, where: str) -> dict:
    if not isinstance(meta, dict):
        raise InputError(_("'{key}' must be a mapping").format(key=META_KEY), where=where)
    clean = {}
    for key in META_TEXT_FIELDS:
        if meta.get(key) is not None:
            clean[key] = str(meta[key])
    total = str(meta.get(META_TOTAL, "")).strip()
    if total.isascii() and total.isdigit() and 0 < int(total) <= 10_000:
        clean[META_TOTAL] = int(total)
    notes = meta.get("notes") or {}
    if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
        raise InputError(_("'{key}.notes' must map question ids to text").format(key=META_KEY),
                         where=where)
    catalog = load_catalog()
    for qid in notes:
        if qid not in catalog:
            raise InputError(catalog.unknown_message(printable(qid)), where=f"{where}: {META_KEY}.notes")
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
        at = _("{file}: line {line}").format(file=where, line=line) if line else where
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
