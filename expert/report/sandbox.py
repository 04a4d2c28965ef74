"""A user's own template (``advise --template FILE``): Jinja's immutable sandbox, run in a child
process bounded in memory, time and output.

The sandbox sees the report model but cannot reach Python internals (``__class__``,
``__globals__``...), change the model or include files; the arithmetic checks below refuse the
obvious huge values (``'x' * 10**9``, ``2 ** 10**8``). Neither bounds what a template builds in
steps (``{% set a = 'a' * 100000 %}{{ a * 100000 }}`` is 10 GB from 60 bytes) nor how long nested
loops run, and no check inside Jinja can. So the rendering runs in a forked child with an
address-space limit (RLIMIT_AS: MemoryError past it) and a CPU-time limit, the parent kills it
after TIME_LIMIT seconds, and the output is capped; each is the one-line error with exit code 2.

Markup templates are autoescaped: any suffix in MARKUP_SUFFIXES, in any case (``R.HTML``,
``page.xhtml.j2``). Other templates print to terminals, so control characters are made visible.
"""
from __future__ import annotations

import math
import os
import re
import resource
import selectors
import signal
import time
from pathlib import Path

from jinja2 import TemplateError
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from expert.errors import InputError
from expert.i18n import N_
from expert.i18n import gettext as _
from expert.i18n.numbers import number
from expert.inputs.answers import read_text
from expert.inputs.kinds import TEMPLATE
from expert.report.controls import visible
from expert.report.render import OPTIONS, add_filters

MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".xml", ".svg", ".mathml", ".xht"})
MAX_REPEAT = 100_000                # "x" * n: far more than any report needs
MAX_EXPONENT = 64
MEMORY_LIMIT = 256 * 1024 * 1024    # bytes the child may map beyond what it starts with
TIME_LIMIT = 10.0                   # seconds; a full report renders in milliseconds
OUTPUT_LIMIT = 10 * 1024 * 1024     # characters; a full report is about 20,000


class _UserSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, also refusing arithmetic that would build huge values."""
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):
        if operator == "**" and _is_number(right) and abs(right) > MAX_EXPONENT:
            raise SecurityError(_("'** {exponent}' is over this tool's limit of {limit}")
                                .format(exponent=right, limit=MAX_EXPONENT))
        if operator == "*" and not (_is_number(left) and _is_number(right)):
            count = right if _is_number(right) else left  # "ab" * 3 or 3 * "ab"
            if _is_number(count) and count > MAX_REPEAT:
                raise SecurityError(_("repeating a value {count} times is over this tool's limit "
                                      "of {limit}").format(count=count, limit=MAX_REPEAT))
        return super().call_binop(context, operator, left, right)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_markup(path: str | Path) -> bool:
    """Whether the file name says HTML, XML or SVG (``R.HTML``, ``mine.svg.j2``)."""
    return any(suffix.lower() in MARKUP_SUFFIXES for suffix in Path(path).suffixes)


def render_user_template(path: str, model: dict) -> str:
    """Render a user's template file on the report model, in the sandbox, in a bounded child."""
    text = read_text(path, kind=TEMPLATE)
    return _in_child(lambda: _render(text, is_markup(path), model, path), path)


def _render(text: str, markup: bool, model: dict, path: str) -> str:
    env = add_filters(_UserSandbox(loader=None, autoescape=markup,
                                   finalize=None if markup else visible, **OPTIONS))
    try:
        parts, size = [], 0
        for part in env.from_string(text).generate(**model):
            size += len(part)
            if size > OUTPUT_LIMIT:  # stop building it, not only refuse it at the end
                raise InputError(_("template output is over this tool's limit of {limit} "
                                   "characters").format(limit=number(OUTPUT_LIMIT)), where=path)
            parts.append(part)
        return "".join(parts)
    except TemplateSyntaxError as err:
        raise InputError(_("line {line}: template syntax: {problem}")
                         .format(line=err.lineno, problem=err.message), where=path) from None
    except SecurityError as err:
        raise InputError(_("not allowed in a template: {problem}").format(problem=_template_words(err)),
                         where=path) from None
    except UndefinedError as err:
        raise InputError(_("template uses {problem}").format(problem=_template_words(err.message)),
                         where=path) from None
    except TemplateError as err:  # e.g. {% include %}: a user template has no files to include
        raise InputError(_("template error: {problem}")
                         .format(problem=_template_words(err.message or type(err).__name__)),
                         where=path) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError,
            RecursionError) as err:
        raise InputError(_("template error: {problem}")
                         .format(problem=_template_words(" ".join(str(err).split()))),
                         where=path) from None


# Jinja's (and Python's) words for the mistakes a template makes most: a name or attribute the
# model does not have, an attribute the sandbox refuses, an include, a division by zero.
_TEMPLATE_WORDS = (
    (re.compile(r"(.+) is undefined"), N_("{name} is undefined")),
    (re.compile(r"(.+) has no attribute (.+)"), N_("{name} has no attribute {key}")),
    (re.compile(r"(.+) has no element (.+)"), N_("{name} has no element {key}")),
    (re.compile(r"access to attribute (.+) of (.+) object is unsafe\."),
     N_("access to attribute {name} of {key} object is unsafe.")),
    (re.compile(r"(no loader for this environment specified)"),
     N_("no loader for this environment specified")),
    (re.compile(r"(division by zero)"), N_("division by zero")),
)


def _template_words(message) -> str:
    """A message of Jinja or Python about a template, in the current language where it has one
    of the forms above; any other as it is."""
    message = str(message)
    for pattern, words in _TEMPLATE_WORDS:
        match = pattern.fullmatch(message)
        if match:
            return _(words).format(name=match[1], key=match[2] if pattern.groups > 1 else "")
    return message


# ---- the child process ------------------------------------------------------------------------

_DONE, _REFUSED, _NO_MEMORY = b"O", b"E", b"M"  # the first byte the child sends


def _in_child(work, path: str) -> str:
    """``work()``'s text, computed in a forked child under the limits; InputError otherwise."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        os.close(read_end)
        _child(work, write_end)
    os.close(write_end)
    try:
        data = _collect(read_end, pid, path)
    finally:
        os.close(read_end)
        _reap(pid)
    kind, payload = data[:1], data[1:].decode("utf-8", "surrogatepass")
    if kind == _DONE:
        return payload
    if kind == _REFUSED:
        raise InputError(payload)
    if kind == _NO_MEMORY:
        raise InputError(_("the template needs more than this tool's limit of {limit} MB of "
                           "memory").format(limit=MEMORY_LIMIT // 2**20), where=path)
    raise InputError(_("the template's rendering stopped without a result (out of memory or "
                       "time)"), where=path)


def _child(work, fd: int) -> None:
    code = 0
    try:
        _limit_resources()
        try:
            data = _DONE + work().encode("utf-8", "surrogatepass")
        except InputError as err:
            data = _REFUSED + str(err).encode("utf-8", "surrogatepass")
        except MemoryError:
            data = _NO_MEMORY
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:  # noqa: BLE001 - whatever happens, the parent reports it
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


def _limit_resources() -> None:
    """Address space: what the child maps now plus MEMORY_LIMIT (Linux; elsewhere only time and
    output are bounded). CPU time: a backstop to the parent's timeout."""
    try:
        with open("/proc/self/statm") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = mapped + MEMORY_LIMIT
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard < 0 else min(soft, hard), hard))
    except (OSError, ValueError):
        pass
    seconds = math.ceil(TIME_LIMIT) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds if hard < 0 else min(seconds, hard), hard))


def _collect(fd: int, pid: int, path: str) -> bytes:
    """Everything the child writes, until it closes the pipe, within TIME_LIMIT and the cap."""
    chunks, size, deadline = [], 0, time.monotonic() + TIME_LIMIT
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                raise InputError(_("the template took longer than this tool's limit of "
                                   "{limit} s").format(limit=number(TIME_LIMIT)), where=path)
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > 4 * OUTPUT_LIMIT + 1:  # 4 bytes a character at most; the child checks too
                raise InputError(_("template output is over this tool's limit of {limit} "
                                   "characters").format(limit=number(OUTPUT_LIMIT)), where=path)
            chunks.append(chunk)


def _reap(pid: int) -> None:
    """Kill the child if it is still running (a timeout, Ctrl-C) and collect it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
