"""The exceptions the command line turns into a clean one-line error: bad input (exit code 2),
and a program this tool relies on that is missing here (exit code 1: the input was fine)."""
import difflib


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


def did_you_mean(name, known, otherwise: str = "") -> str:
    """" (did you mean 'x'?)" for the closest known name, else ``otherwise``."""
    close = difflib.get_close_matches(str(name), list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else otherwise
