"""Writing files so that an interrupted write leaves the old file or none, never half of one.

Only a regular file or a new path is ever written: ``-o /dev/null`` as root would otherwise
replace the device node with a file. A new file gets the mode the umask gives (mkstemp's 0600
is for secrets), a replaced one keeps its mode, and the directory is fsynced after the rename,
so that the rename itself survives a power cut. A temporary's name says whose it is (machine
and process), and the next write of the same file removes one whose process is gone.

A symbolic link at the output path is followed only as ``symlink_refusal`` allows, and never at
a name the tool made up itself (``follow_symlinks=False``: the link itself is replaced). The
temporary file is made by mkstemp, which opens it O_CREAT | O_EXCL | O_NOFOLLOW.
"""
from __future__ import annotations

import contextlib
import os
import re
import socket
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from expert.errors import InputError, os_reason
from expert.i18n import gettext as _
from expert.inputs.kinds import FileKind

STDOUT = "-"  # ``-o -``: standard output, as most tools take it


def check_target(path: str | Path, inputs: Iterable[str | Path | None] = (),
                 follow_symlinks: bool = True) -> None:
    """Refuse an output path that is not a regular file or a new path in an existing directory,
    a symbolic link ``symlink_refusal`` refuses, or one of the run's ``inputs`` (writing it
    would destroy what is being read). With ``follow_symlinks`` False a link there is no
    concern: it is replaced itself."""
    where = str(path)
    if not where:
        raise InputError(_("the output path is empty: give a file name, or - for standard output"))
    if where.endswith(os.sep):  # Path() would drop the slash and write the file "o/newname"
        raise InputError(_("names a directory (it ends in {sep}): give a file name")
                         .format(sep=os.sep), where=where)
    try:
        problem = directory_problem(Path(path).parent)
        if problem:
            raise InputError(problem, where=where)
        if not follow_symlinks and os.path.islink(path):
            return
        refusal = symlink_refusal(path)
        if refusal:
            raise InputError(refusal, where=where)
        if _inside_the_tool(path):
            raise InputError(_("is part of ccadvisor itself (its rules, data or templates): "
                               "choose another output"), where=where)
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as err:  # a name too long, a loop of links, a directory not searchable
        raise InputError(_("cannot write: {reason}").format(reason=os_reason(err)),
                         where=where) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(_("is a directory"), where=where)
    if not stat.S_ISREG(info.st_mode):
        raise InputError(_("not a regular file (a device, pipe or socket): only a regular file or "
                           "a new path is written; use -o - for standard output"), where=where)
    for source in inputs:
        if source and source != STDOUT and _same_file(info, source):
            raise InputError(_("is the input file {source!r}: writing it would destroy it; choose "
                               "another output").format(source=str(source)), where=where)


def symlink_refusal(path: str | Path) -> str | None:
    """Why a symbolic link on the way to ``path`` must not be followed to write there; None when
    there is none, or only links that may be followed.

    The policy: a link is followed, as cp, sort -o and the shell's ``>`` follow one, only when
    the user running the tool owns it and it sits in a directory no other user can write. A
    link another user owns, or any link in a directory another user can write (world- or
    group-writable, or owned by another user; ``/tmp``, a shared folder), may have been planted
    to make this user, root above all, replace a file they never named: it is refused, never
    followed. Every link on the way is judged so: one for a directory of the path, and each
    link a link leads to. A dangling link is judged the same way (writing would create its
    target).
    """
    given = Path(os.getcwd(), path)
    pending = list(given.parts[1:])
    current, hops = Path(given.anchor), 0
    while pending:
        candidate = current / pending.pop(0)
        try:
            info = os.lstat(candidate)
        except OSError:  # the rest is not there yet, or unreachable: the write will say so
            return None
        if not stat.S_ISLNK(info.st_mode):
            current = candidate
            continue
        refusal = _link_refusal(info, current, candidate if candidate != given else None)
        hops += 1
        if refusal or hops > 40:  # 40: the kernel's own limit (ELOOP), which the write reports
            return refusal
        target = Path(os.readlink(candidate))
        if target.is_absolute():
            current = Path(target.anchor)
        pending[:0] = target.parts[1:] if target.is_absolute() else target.parts
    return None


def _link_refusal(link: os.stat_result, directory: Path, shown: Path | None) -> str | None:
    """Why this link (in ``directory``) is not followed, or None; ``shown``: the link's own
    path, when it is not the output path itself."""
    if link.st_uid != os.geteuid():
        return (_("leads through the symbolic link {link!r}, owned by another user: not "
                  "followed; choose another output").format(link=str(shown)) if shown else
                _("is a symbolic link owned by another user: not followed; remove it or choose "
                  "another output"))
    try:
        info = os.stat(directory)
    except OSError:
        return None
    if _others_can_write(info):
        return (_("leads through the symbolic link {link!r}, in a directory other users can "
                  "write: not followed; choose another output").format(link=str(shown)) if shown
                else _("is a symbolic link in a directory other users can write: not followed; "
                       "remove it or choose another output"))
    return None


def _others_can_write(directory: os.stat_result) -> bool:
    """Whether a user other than this one (or root) may add or replace entries there: it is
    world-writable, group-writable for a group that is not this user's own, or another
    user's."""
    return bool(directory.st_mode & stat.S_IWOTH
                or directory.st_mode & stat.S_IWGRP and directory.st_gid != os.getegid()
                or directory.st_uid not in (os.geteuid(), 0))


# The tool's own code and data (rules, examples, shipped rates, templates, catalogs): read by
# every run, never an output.
_OWN_TREES = tuple(str(Path(__file__).resolve().parents[2] / name) for name in ("expert", "rules"))


def _inside_the_tool(path: str | Path) -> bool:
    real = os.path.realpath(path)
    return any(real == tree or real.startswith(tree + os.sep) for tree in _OWN_TREES)


def directory_problem(directory: str | Path, kind: FileKind | None = None) -> str:
    """Why ``directory`` cannot be used as one ("" when it can): it does not exist, or a file (or
    a device) has its name; with ``kind``, what the path should have been."""
    path, shown = Path(directory), str(directory)
    if path.is_dir():
        return ""
    if kind is None:
        return (_("{directory!r} is not a directory") if path.exists()
                else _("directory {directory!r} does not exist")).format(directory=shown)
    return (_("{directory!r} is not a directory; expected {what}") if path.exists()
            else _("{directory!r} does not exist; expected {what}")).format(
                directory=shown, what=kind.expected())


def _same_file(info: os.stat_result, other: str | Path) -> bool:
    try:
        theirs = os.stat(other)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino)


def _new_file_mode() -> int:
    """0666 less the umask: what ``open()`` would give a new file. (os.umask can only be read by
    setting it; the command line runs this before starting any thread that creates files.)"""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


class WriteError(InputError):
    """Writing failed: a full disk, a closed pipe, text the encoding cannot take."""


def cannot_write(err: OSError | UnicodeError, where: str) -> WriteError:
    return WriteError(_("cannot write: {reason}").format(reason=os_reason(err)), where=where)


class Writes:
    """A text handle whose own write errors become the one-line WriteError naming ``where``.

    Errors raised while producing the text (a batch reads and advises as it writes) pass through
    unchanged, so they are never blamed on the output. So does BrokenPipeError: a reader that
    stopped early (`| head`) is no fault of the input, and the command line ends quietly on it.
    """

    def __init__(self, handle: TextIO, where: str):
        self.handle, self.where = handle, where

    def write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except BrokenPipeError:
            raise
        except (OSError, UnicodeError) as err:
            raise cannot_write(err, self.where) from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def finish(self, *steps) -> None:
        """Run the closing steps (flush, fsync, rename) with the same error conversion."""
        try:
            for step in steps:
                step()
        except BrokenPipeError:
            raise
        except (OSError, UnicodeError) as err:
            raise cannot_write(err, self.where) from None


@contextlib.contextmanager
def atomic_writer(path: str | Path, inputs: Iterable[str | Path | None] = (),
                  follow_symlinks: bool = True) -> Iterator[Writes]:
    """A text handle whose content replaces ``path`` only when the block ends without error.

    Written to a temporary file beside ``path``, fsynced, renamed over it, then the directory is
    fsynced. On any error (Ctrl-C included) the temporary goes and the old file stays; the
    writing's own OSError or UnicodeError becomes the one-line WriteError. ``path`` is checked
    first (check_target: never one of the ``inputs``); ``follow_symlinks`` False is for a name
    the tool made up, where a link is replaced, never followed.
    """
    where = str(path)
    check_target(path, inputs, follow_symlinks)
    if follow_symlinks:  # through a link check_target allowed: the file it names is replaced
        path = Path(os.path.realpath(path))
    else:
        path = Path(os.path.realpath(Path(path).parent)) / Path(path).name
    try:
        info = os.stat(path, follow_symlinks=follow_symlinks)
        # a link's own mode is 0777: what replaces it is a new file
        mode = _new_file_mode() if stat.S_ISLNK(info.st_mode) else stat.S_IMODE(info.st_mode)
        if info.st_uid != os.geteuid():  # another user's file (0666 in /tmp): ours, after the
            mode &= ~(stat.S_IWGRP | stat.S_IWOTH)  # rename, is writable by us alone
    except FileNotFoundError:
        mode = _new_file_mode()
    except OSError as err:
        raise cannot_write(err, where) from None
    remove_stale_temporaries(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temporary_prefix(path), suffix=".tmp")
    except OSError as err:  # e.g. a read-only directory
        raise cannot_write(err, where) from None
    try:
        handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        try:
            out = Writes(handle, where)
            out.finish(lambda: os.fchmod(fd, mode))
            yield out
            out.finish(handle.flush, lambda: os.fsync(handle.fileno()), handle.close)
        finally:
            _close_after_failure(handle)
        out.finish(lambda: os.replace(tmp, path), lambda: _fsync_directory(path.parent))
    except BaseException:  # including Ctrl-C: the old file stays, the temporary goes
        Path(tmp).unlink(missing_ok=True)
        raise


def _close_after_failure(handle: TextIO) -> None:
    """Close a temporary whose writing failed. Its buffer holds what a full disk refused, so
    closing tries to write it again and fails the same way; that second error would replace
    the one-line WriteError already on its way, and the temporary is removed anyway."""
    with contextlib.suppress(OSError):
        handle.close()


def _temporary_prefix(path: Path) -> str:
    """``.NAME.HOST-PID.``: whose temporary it is, so that a later run can tell one left by a
    process that is gone (SIGKILL, a power cut) from one still being written, even in a folder
    that other machines share."""
    return f"{_this_machines(path)}{os.getpid()}."


def _this_machines(path: Path) -> str:
    """``.NAME.HOST-``: the start of every temporary of ``path`` written on this machine."""
    return f".{path.name}.{re.sub(r'[^A-Za-z0-9-]', '_', socket.gethostname())}-"


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporaries of ``path`` left by processes of this machine that are gone."""
    start = _this_machines(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return  # creating the temporary will say what is wrong
    for name in names:
        pid = name[len(start):].split(".")[0]
        if name.startswith(start) and name.endswith(".tmp") and _gone(pid):
            with contextlib.suppress(OSError):
                os.unlink(path.parent / name)


def _gone(pid: str) -> bool:
    """Whether ``pid`` (as written in a temporary's name) names no running process."""
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):  # another user's process; no pid at all
        return False
    return False


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: str | Path, text: str, inputs: Iterable[str | Path | None] = (),
                 follow_symlinks: bool = True) -> None:
    """Write ``text`` to ``path`` through ``atomic_writer``."""
    with atomic_writer(path, inputs, follow_symlinks) as handle:
        handle.write(text)
