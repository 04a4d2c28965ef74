"""Writing files so that an interrupted write leaves the old file or none, never half of one."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from expert.errors import InputError


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file beside ``path``, fsync it, then rename it over ``path``."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"directory {str(directory)!r} does not exist", where=str(path))
    if path.is_dir():
        raise InputError("is a directory", where=str(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:  # e.g. a read-only directory
        raise InputError(f"cannot write: {err.strerror or err}", where=str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:  # including Ctrl-C: the old file stays, the temporary goes
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):  # a full disk is the user's problem to fix, not a traceback
            raise InputError(f"cannot write: {err.strerror or err}", where=str(path)) from None
        raise
