"""One consultation per session file at a time.

Two ``consult`` processes on one session would each save their own answers over the other's, and
the last writer would silently win. So a consultation holds an exclusive ``flock`` on a lock file
beside the session for as long as it runs, and a second one is refused with a line naming the
holder. The lock is on a separate file because every save replaces the session file itself (a
new inode, which a lock on the old one would not cover). The kernel drops the lock when the
holder dies, even by SIGKILL, so a stale lock file never blocks anyone.

The lock's name is the tool's own, so it is never followed: anyone who can write the session's
directory could have put a symbolic link (or a hard link to some other file) there, and writing
the holder's line through it would overwrite the file it names. The lock file is created with
O_EXCL | O_NOFOLLOW, and one already there (a stale lock) is used only if it is a regular file
with no other name.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

from expert.errors import InputError, os_reason
from expert.i18n import gettext as _
from expert.inputs.files import cannot_write


def lock_path(session: str | Path) -> Path:
    session = Path(session)
    return session.with_name(f".{session.name}.lock")


@contextlib.contextmanager
def session_lock(session: str | Path) -> Iterator[None]:
    """Hold the session's lock for the block; InputError when another process holds it."""
    path = lock_path(session)
    if not path.parent.is_dir():  # the session's own checks say so, in their words
        yield
        return
    fd = _acquire(path, str(session))
    try:
        _write_holder(fd, path)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)  # while still holding it: a waiting opener then sees a changed inode
        os.close(fd)


def _write_holder(fd: int, path: Path) -> None:
    """Who holds the lock, for holder(); a full disk is named as the lock file's."""
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}".encode())
    except OSError as err:
        raise cannot_write(err, str(path)) from None


def _open_lock(path: Path) -> int | None:
    """The lock file, created here or a stale one left by a holder that died; never through a
    link. None when a holder removed it between the two opens (then try again)."""
    flags = os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        try:
            return os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as err:
        if os.path.islink(path):  # O_NOFOLLOW's ELOOP: say what is there, not "too many levels"
            raise _not_a_lock(path, _("is a symbolic link")) from None
        raise InputError(_("cannot lock: {reason}").format(reason=os_reason(err)),
                         where=str(path)) from None  # the file that could not be made
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        raise _not_a_lock(path, _("is not a regular file") if not stat.S_ISREG(info.st_mode)
                          else _("is a hard link (the file has another name)"))
    return fd


def _not_a_lock(path: Path, what: str) -> InputError:
    return InputError(_("{what}, not a session lock: not used; remove it, then run consult "
                        "again").format(what=what), where=str(path))


def _acquire(path: Path, where: str) -> int:
    while True:
        fd = _open_lock(path)
        if fd is None:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            written = os.read(fd, 200).decode("utf-8", "replace").strip()
            os.close(fd)
            raise InputError(_("in use by another consult ({holder}); finish or quit that one "
                               "first").format(holder=holder(written)), where=where) from None
        if _still_there(fd, path):
            return fd
        os.close(fd)  # the holder unlinked it after we opened it: lock the new one instead


def holder(written: str) -> str:
    """Who holds the lock, from what the holder wrote in the lock file (always in the same
    words, whatever its language), in the words of the output being produced."""
    if not written:
        return _("starting up")
    found = re.fullmatch(r"pid (\d+) on (.*)", written)
    return _("pid {pid} on {host}").format(pid=found[1], host=found[2]) if found else written


def _still_there(fd: int, path: Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False
