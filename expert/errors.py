"""The exceptions the command line turns into a clean one-line error: bad input (exit code 2),
and a program this tool relies on that is missing here (exit code 1: the input was fine)."""
import difflib

from expert.i18n import N_
from expert.i18n import gettext as _


class InputError(Exception):
    """Bad input from the user: a file, an answer, an option value.

    The message is a single line that says what is wrong and where (file, line, question id).
    """

    def __init__(self, message: str, where: str | None = None):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class ToolMissing(Exception):
    """An external program (Graphviz's ``dot``) is not installed or failed; the message says
    which and what to do instead. Not the user's input: exit code 1, as for any failure."""


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM: ``timeout``, ``kill``, a service manager). A
    KeyboardInterrupt, so that every path that cleans up after Ctrl-C (a temporary file
    removed, a consultation's answers saved, a pool of workers stopped) does so for it too; the
    command line tells them apart only by the exit code (143, not 130)."""
    signal_name = "SIGTERM"
    code = 143  # as shells count it: 128 + the signal's number


class HungUp(Terminated):
    """The terminal went away (SIGHUP: its window closed, an ssh link dropped): stopped as on
    SIGTERM, with the shell's 129."""
    signal_name = "SIGHUP"
    code = 129


def did_you_mean(name, known, otherwise: str = "") -> str:
    """" (did you mean 'x'?)" for the closest known name, else ``otherwise``."""
    close = difflib.get_close_matches(str(name), list(known), n=1)
    return " " + _("(did you mean '{name}'?)").format(name=close[0]) if close else otherwise


def os_reason(err: OSError | UnicodeError) -> str:
    """Why reading or writing failed, for the one-line error: the system's words (strerror),
    in the current language for the errors a user meets; any other exactly as the system says."""
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    return _(reason) if reason in _OS_REASONS else reason


# The system's own words (C library, English) for the errors reading or writing a file meets.
_OS_REASONS = frozenset({
    N_("Permission denied"), N_("Operation not permitted"), N_("No such file or directory"),
    N_("No space left on device"), N_("Disk quota exceeded"), N_("Read-only file system"),
    N_("Is a directory"), N_("Not a directory"), N_("Broken pipe"), N_("Input/output error"),
    N_("File name too long"), N_("Too many levels of symbolic links"),
    N_("Too many open files"), N_("No such device or address"), N_("Text file busy"),
    N_("File too large"),
})
