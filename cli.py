"""The ``ccadvisor`` command line: a thin click layer over the ``expert`` package.

Each command lives in its own module under ``commands/`` and is imported only when it is run,
so ``ccadvisor --help`` does not pay for the rule engine. Bad input anywhere surfaces as
``expert.errors.InputError`` and is printed here as one line on stderr with exit code 2.
Ctrl-C exits 130, a reader of the output that stops early (`| head`) quietly 141, and any
other failure one line with exit code 1 (docs/reference.md: exit codes).
"""
from __future__ import annotations

import contextlib
import errno
import importlib
import os
import signal
import sys

import click

from expert.errors import HungUp, Terminated
from expert.i18n import gettext as _

# command name -> "module:function"; the order is the order `ccadvisor --help` lists them.
COMMANDS = {
    "advise": "commands.advise:advise",
    "batch": "commands.batch:batch",
    "examples": "commands.examples:examples",
    "explain": "commands.explain:explain",
    "graph": "commands.graph:graph",
    "replay": "commands.replay:replay",
    "questions": "commands.questions:questions",
    "rules": "commands.rules:rules",
    "kb": "commands.kb:kb",
    "staffing": "commands.staffing:staffing",
    "cost": "commands.cost:cost",
    "consult": "commands.consult:consult",
}


def _choose_language(ctx, param, value):
    """``--lang``: eager, so that the errors of every other option are already in it."""
    if value is not None:
        from expert.i18n import UnknownLanguage, set_language
        try:
            set_language(value)
        except UnknownLanguage as err:
            fail(ctx, str(err), 2)


def lang_option() -> click.Option:
    return click.Option(["--lang"], metavar="LANG", expose_value=False, is_eager=True,
                        callback=_choose_language,
                        help="Language of questions, reports and errors: en or ru. Default: "
                             "$CCADVISOR_LANG, else ru when LC_ALL or LANG names Russian, "
                             "else en.")


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, _, attr = COMMANDS[name].partition(":")
        command = getattr(importlib.import_module(module), attr)
        with_language(command)
        return command

    def main(self, args=None, *rest, **kwargs):
        """Run in the language the environment names (``--lang`` may switch it), and restore
        the one before afterwards, so that an in-process caller (a test) is left as it was.

        An unknown $CCADVISOR_LANG is bad input, unless the command line chooses for itself
        (``--lang``) or asks only for help or the version."""
        from expert.i18n import DEFAULT, LANGUAGES, UnknownLanguage, from_environment, using
        words = list(sys.argv[1:] if args is None else args)
        try:
            lang = from_environment(os.environ)
        except UnknownLanguage as err:
            if not any(word.split("=")[0] in ("--lang", "--help", "-h", "--version") for word in words):
                click.echo(_("ccadvisor: error: {message}").format(message=err), err=True)
                raise SystemExit(2) from None
            lang = DEFAULT
        # --lang speaks from the start, so that click's errors about the options before it
        # (--nope --lang ru) are in its language too; the option itself still checks the value.
        asked = _lang_in(words)
        lang = asked if asked in LANGUAGES else lang
        from commands._click_words import speak_our_language
        speak_our_language()
        with using(lang), terminated_as_interrupted():
            _shown_as_it_can_be()
            if sys.stdin is None:  # started with `<&-`: read as an empty input, as </dev/null is
                sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 (for the process)
            if sys.stdout is None:  # started with `>&-`: nothing the command says could be seen
                click.echo(_("ccadvisor: error: {message}").format(
                    message=_("cannot write to standard output: it is closed")), err=True)
                raise SystemExit(2)
            return super().main(args, *rest, **kwargs)

    def parse_args(self, ctx, args):
        """The group's own --help and --version print here, before ``invoke``: a reader that
        stops early (`| head -c 1`) ends them as it ends a command."""
        try:
            with flushed_stdout():
                return super().parse_args(ctx, args)
        except BrokenPipeError:
            reader_gone(ctx)
        except OSError as err:
            output_failed(ctx, err)

    def invoke(self, ctx):
        """The exit codes docs/reference.md's table promises: bad input 2, Ctrl-C 130, the output's
        reader gone 141 (quietly), anything else unexpected 1; each with one line on stderr and no traceback (CCADVISOR_DEBUG=1 shows it)."""
        from expert.errors import InputError, ToolMissing
        try:
            with flushed_stdout():
                return super().invoke(ctx)
        except BrokenPipeError:
            reader_gone(ctx)
        except OSError as err:
            output_failed(ctx, err)
        except InputError as err:
            fail(ctx, str(err), 2)
        except ToolMissing as err:
            fail(ctx, str(err), 1)
        except Terminated as stop:  # as shells count it: 128 + the signal's number
            fail(ctx, _("terminated ({signal})").format(signal=stop.signal_name), stop.code)
        except KeyboardInterrupt:  # as shells count it: 128 + SIGINT
            fail(ctx, _("interrupted"), 130)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:
            if os.environ.get("CCADVISOR_DEBUG"):
                raise
            fail(ctx, _("unexpected {kind}: {error} (set CCADVISOR_DEBUG=1 to see where)")
                 .format(kind=type(err).__name__, error=err), 1)


def _shown_as_it_can_be() -> None:
    """On a terminal whose encoding is not UTF-8 (KOI8-R, ISO-8859-5), a character it has no
    code for (the quotes' «…», a Cyrillic word in English output) is shown as "?" rather than
    ending the command: the report stays readable, and its files (-o) are UTF-8 anyway."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding not in ("utf8", "utf_8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _lang_in(words: list[str]) -> str | None:
    """The value of the last --lang among the command-line words, if any."""
    found = None
    for word, following in zip(words, [*words[1:], None]):
        if word == "--lang":
            found = following
        elif word.startswith("--lang="):
            found = word.partition("=")[2]
    return found.strip().lower() if found else None


def with_language(command: click.Command) -> None:
    """Give ``command`` (and its subcommands) the ``--lang`` option, once."""
    if not any(param.name == "lang" for param in command.params):
        command.params.append(lang_option())
    for sub in getattr(command, "commands", {}).values():
        with_language(sub)


@contextlib.contextmanager
def terminated_as_interrupted():
    """SIGTERM raises Terminated, a KeyboardInterrupt, for the block (SIGHUP its kind HungUp,
    the terminal gone): the command stops as it
    does on Ctrl-C instead of dying on the spot with its temporary files left behind. The
    handler before is restored after (a test runs the command line in its own process)."""
    import threading
    if threading.current_thread() is not threading.main_thread():  # only there can it be set
        yield
        return
    previous = {number: signal.signal(number, _raise_terminated)
                for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _raise_terminated(signum, frame):
    # Only raises (both classes are imported already: an import takes a lock): a handler runs
    # between any two bytecodes, in the middle of a write or with a lock held, where doing I/O
    # itself could deadlock or garble the output.
    raise HungUp if signum == signal.SIGHUP else Terminated


@contextlib.contextmanager
def flushed_stdout():
    """Flush standard output at the end of the block, whatever ends it: a pipe closed early is
    then found here, as a BrokenPipeError, and not in the interpreter's last flush at exit,
    which would print a multi-line "Exception ignored" instead."""
    try:
        yield
    finally:
        if sys.stdout is not None:
            sys.stdout.flush()


# The reader of standard output went away (`| head` has all it wants): as Unix tools do, stop
# quietly with 141 (128 + SIGPIPE, the status a shell reports for `yes | head -1`), the same
# for every command. It says nothing of the user's input, so no error line and not exit 2.
READER_GONE = 141


def reader_gone(ctx):
    """Stop quietly (the shell's 141)."""
    _drop_stdout()
    ctx.exit(READER_GONE)


# What a full disk or a failing device says when standard output is a file there: every file
# the tool writes itself goes through expert/inputs/files.py, which names it (an InputError),
# so an OSError of this kind that reaches the command line is the output stream's.
_OUTPUT_FAILED = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def output_failed(ctx, err: OSError):
    """Standard output cannot be written (``>/dev/full``): one line, exit 2, as for a file given
    with -o; any other OSError is unexpected."""
    if err.errno not in _OUTPUT_FAILED:
        raise err
    from expert.inputs.files import cannot_write
    _drop_stdout()
    fail(ctx, str(cannot_write(err, _("standard output"))), 2)


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so that nothing left in its buffer is written (and
    fails) again at exit, where the interpreter would print a multi-line error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind it (a test's capture)
        pass


def fail(ctx, message: str, code: int):
    """One line on stderr, control characters made visible, then exit with ``code``."""
    from expert.report.controls import visible
    try:
        click.echo(_("ccadvisor: error: {message}").format(
            message=" ".join(visible(message).splitlines())), err=True)
    except (OSError, ValueError, AttributeError):  # stderr full or closed: the code still says it
        pass
    ctx.exit(code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             params=[lang_option()])
@click.version_option(package_name="ccadvisor")
def main():
    """Advise a business how to handle its customer contacts, and show why."""
