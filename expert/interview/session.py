"""Consultation session files: every answer on disk the moment it is given.

A session file is an ordinary answers file (``ccadvisor advise --answers FILE`` reads it): the
answers at the top level, in the order they were given, a skipped question written as
``unknown``, and the reserved ``meta`` key (client, consultant, started, updated, status, notes).
Keeping the order and the skips in the file itself is what lets ``--resume`` continue without
asking anything twice and lets ``back`` work across a resume. Every save goes through
``write_atomic`` (temporary file, fsync, rename), so a crash or SIGKILL leaves the previous
complete file, never half of one.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import yaml

from expert.errors import InputError
from expert.i18n import gettext as _
from expert.inputs.answers import (
    META_KEY,
    META_TOTAL,
    cannot_read,
    not_a_file,
    parse_mapping,
    read_text,
    validate_answers,
)
from expert.inputs.catalog import UNKNOWN
from expert.inputs.files import directory_problem, write_atomic
from expert.inputs.kinds import SESSION

IN_PROGRESS, FINISHED = "in_progress", "finished"
SUFFIXES = (".yaml", ".yml")


def now_text() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_path(now: datetime | None = None) -> Path:
    """``ccadvisor-session-YYYYmmdd-HHMMSS.yaml`` in the current directory (local time)."""
    now = now or datetime.now()
    return Path(f"ccadvisor-session-{now:%Y%m%d-%H%M%S}.yaml")


@dataclass
class Session:
    path: Path
    answers: dict = field(default_factory=dict)   # question id -> value, None = unknown
    history: list = field(default_factory=list)   # question ids in the order answered
    meta: dict = field(default_factory=dict)
    # A new session's file is the tool's own, made by its first save: a link put there later
    # is replaced, never followed. A resumed one is the user's path, followed as -o is.
    follow_symlinks: bool = True
    # Why the last save failed (a full disk), while the answers since are only in memory.
    save_error: Exception | None = field(default=None, compare=False)

    @property
    def finished(self) -> bool:
        return self.meta.get("status") == FINISHED

    @property
    def notes(self) -> dict:
        return self.meta.setdefault("notes", {})

    def record(self, answers: dict, history: list, total: int | None = None) -> None:
        """The answers as they stand; ``total``: the count the interview has shown (never
        raised, even across a resume)."""
        self.answers, self.history = dict(answers), list(history)
        if total:
            self.meta[META_TOTAL] = total

    def add_note(self, qid: str, text: str) -> None:
        """A note on one answer; a second note on the same answer is appended, never lost."""
        old = self.notes.get(qid)
        self.notes[qid] = f"{old}; {text}" if old else text

    def to_yaml(self) -> str:
        meta = {k: v for k, v in self.meta.items() if k != "notes"}
        if self.meta.get("notes"):
            meta["notes"] = dict(sorted(self.meta["notes"].items()))
        data = {META_KEY: meta}
        for qid in self.history:
            value = self.answers[qid]
            # several choices: a YAML list, as an answers file gives them
            data[qid] = UNKNOWN if value is None else list(value) if isinstance(value, tuple) \
                else value
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)

    def save(self, status: str | None = None) -> None:
        if status:
            self.meta["status"] = status
        self.meta.setdefault("started", now_text())
        self.meta["updated"] = now_text()
        write_atomic(self.path, self.to_yaml(), follow_symlinks=self.follow_symlinks)


def check_path(path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(_("a session file must end in .yaml or .yml"), where=str(path))
    return path


def new_session(path: str | Path, client: str | None = None,
                consultant: str | None = None) -> Session:
    """A fresh session; refuses to overwrite an existing file (it may hold someone's answers)."""
    path, where = check_path(path), str(path)
    problem = directory_problem(path.parent)
    if problem:
        raise InputError(problem, where=where)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise cannot_read(err, where) from None
    if info and not stat.S_ISREG(info.st_mode):  # a directory is no session to continue
        raise not_a_file(info, SESSION, where)
    if info or os.path.lexists(path):  # a link too, even one to nothing: never followed
        raise InputError(_("already exists; continue it with --resume, or choose another "
                           "--session"), where=where)
    meta = {k: v for k, v in (("client", client), ("consultant", consultant)) if v}
    meta.update(started=now_text(), status=IN_PROGRESS)
    return Session(path=path, meta=meta, follow_symlinks=False)


def load_session(path: str | Path) -> Session:
    """Read a session (or any YAML answers file) to continue it. Errors are clean InputErrors."""
    path = check_path(path)
    where = str(path)
    text = read_text(path, kind=SESSION)
    raw = parse_mapping(text, where, json_format=False, kind=SESSION)
    answers, meta = validate_answers(raw, where, text)
    history = [qid for qid in raw if qid != META_KEY]
    # validate_answers drops unknowns; keep them, so a skipped question is not asked again.
    values = {qid: answers.get(qid) for qid in history}
    meta.setdefault("status", IN_PROGRESS)
    return Session(path=path, answers=values, history=history, meta=meta)
