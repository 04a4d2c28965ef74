"""The Jinja environments: plain text and Markdown unescaped, HTML autoescaped.

All user-facing prose lives in templates/; code only builds the plain-dict models they render.
A user's own template (``advise --template FILE``) renders in Jinja's immutable sandbox: it sees
the same model, but cannot reach Python internals (``__class__``, ``__globals__``...), change the
model, include other files or blow up memory with huge repetitions; any of that is an InputError.
"""
from __future__ import annotations

from expert import TEMPLATES_DIR
import json
import os
import sys
import textwrap
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

TEMPLATES = TEMPLATES_DIR
FORMATS = ("text", "md", "json", "html")
_SUFFIX = {"text": "txt", "md": "md", "html": "html"}


MIN_WIDTH = 40  # narrower than this, wrapped prose is unreadable anyway
_width: ContextVar[int | None] = ContextVar("width", default=None)


def terminal_width() -> int:
    """The width text output is wrapped to: the terminal's, when standard output is one;
    otherwise ``$COLUMNS`` if set, else 80. Never below MIN_WIDTH."""
    width = 0
    if sys.stdout is not None and sys.stdout.isatty():
        try:
            width = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            width = 0
    if not width:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.strip().isdigit() else 80
    return max(width or 80, MIN_WIDTH)


def current_width() -> int:
    """The width of the render in progress (see ``render``), else the terminal's."""
    return _width.get() or terminal_width()


def _wrap(text: str, width: int | None = None, indent: str = "", hang: str | None = None) -> str:
    """Wrap to the current width (a ``width`` given is only ever narrowed to it); the first line
    starts with ``indent``, the others with ``hang`` (default: the same ``indent``). A word
    longer than the width (a path, a URL) is kept whole on a line of its own."""
    limit = current_width() if width is None else min(width, current_width())
    hang = indent if hang is None else hang
    return "\n".join(textwrap.wrap(str(text).strip(), width=limit,
                                   initial_indent=indent, subsequent_indent=hang,
                                   break_long_words=False, break_on_hyphens=False)) or indent.rstrip()


def _signed(number) -> str:
    return f"{number:+d}" if isinstance(number, int) else f"{number:+g}"


_OPTIONS = dict(
    undefined=StrictUndefined,  # a typo in a template fails loudly, never renders blank
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
MAX_REPEAT = 100_000  # "x" * n in a user template: far more than any report needs
MAX_EXPONENT = 64


def _add_filters(env: Environment) -> Environment:
    env.filters["wrap"] = _wrap
    env.filters["signed"] = _signed
    env.filters["pct"] = lambda x: f"{round(x * 100)}%"
    env.filters["evidence_text"] = lambda e: (f"{e['option']} {_signed(e['weight'])}"
                                              + (" (assumed rates)" if e.get("basis") == "assumed" else ""))
    env.filters["exclusion_text"] = lambda x: (
        f"{x['option']} ({'for now' if x['scope'] == 'for_now' else 'for this client'})")
    env.filters["rule_weight"] = lambda e: f"{e['rule']} ({_signed(e['weight'])})"
    env.filters["change_text"] = lambda c: f"{c['question']}: {c['before']} -> {c['after']}"
    env.filters["score_change"] = lambda s: f"{s['option']} {_signed(s['before'])} -> {_signed(s['after'])}"
    return env


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept in the user's cache directory between runs.

    Compiling the report templates took about 70 ms of every cold ``advise``. Jinja keys each
    cached entry by the template's source checksum, so an edited template is recompiled; a cache
    directory that cannot be created just means compiling every time.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = os.path.join(base, "ccadvisor", "jinja")
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(directory) if os.access(directory, os.W_OK) else None


@lru_cache(maxsize=2)
def environment(html: bool) -> Environment:
    return _add_filters(Environment(loader=FileSystemLoader(TEMPLATES), autoescape=html,
                                    bytecode_cache=_bytecode_cache(), **_OPTIONS))


class _UserSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, also refusing arithmetic that would build huge values."""
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):
        if operator == "**" and _is_number(right) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"'** {right}' is over this tool's limit of {MAX_EXPONENT}")
        if operator == "*" and not (_is_number(left) and _is_number(right)):
            count = right if _is_number(right) else left  # "ab" * 3 or 3 * "ab"
            if _is_number(count) and count > MAX_REPEAT:
                raise SecurityError(f"repeating a value {count} times is over this tool's limit "
                                    f"of {MAX_REPEAT}")
        return super().call_binop(context, operator, left, right)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def render_user_template(path: str, model: dict) -> str:
    """Render a user's template file on the report model, in the sandbox.

    HTML-escaped when the file name says HTML (``.html``, ``.htm``, with or without ``.j2``).
    """
    from expert.inputs.answers import read_text
    from expert.errors import InputError
    text = read_text(path)
    html = any(part in (".html", ".htm") for part in Path(path).suffixes)
    env = _add_filters(_UserSandbox(loader=None, autoescape=html, **_OPTIONS))
    try:
        return env.from_string(text).render(**model)
    except TemplateSyntaxError as err:
        raise InputError(f"line {err.lineno}: template syntax: {err.message}", where=path) from None
    except SecurityError as err:
        raise InputError(f"not allowed in a template: {err}", where=path) from None
    except UndefinedError as err:
        raise InputError(f"template uses {err.message}", where=path) from None
    except TemplateError as err:  # e.g. {% include %}: a user template has no files to include
        raise InputError(f"template error: {err.message or type(err).__name__}", where=path) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError,
            RecursionError) as err:
        raise InputError(f"template error: {' '.join(str(err).split())}", where=path) from None


def render(name: str, fmt: str, model: dict, width: int | None = None) -> str:
    """Render ``templates/<name>.<fmt>.j2``; ``json`` dumps the model itself.

    Text is wrapped to ``width`` (default: ``terminal_width()``), which templates also see as
    ``width``."""
    if fmt == "json":
        return json.dumps(model, ensure_ascii=False, indent=2) + "\n"
    template = environment(fmt == "html").get_template(f"{name}.{_SUFFIX[fmt]}.j2")
    token = _width.set(max(width or terminal_width(), MIN_WIDTH))
    try:
        return template.render(**{"width": _width.get(), **model})
    finally:
        _width.reset(token)
