"""The one exception the command line turns into a clean one-line error with exit code 2."""


class InputError(Exception):
    """Bad input from the user: a file, an answer, an option value.

    The message is a single line that says what is wrong and where (file, line, question id).
    """

    def __init__(self, message: str, where: str | None = None):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)
