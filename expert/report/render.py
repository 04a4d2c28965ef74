"""The Jinja environments: HTML autoescaped; plain text and Markdown unescaped; in all three,
control characters made visible.

All user-facing prose lives in templates/; code only builds the plain-dict models they render.
A user's own template (``advise --template FILE``) renders in expert/report/sandbox.py.
"""
from __future__ import annotations

import json
import os
import sys
import textwrap
from contextvars import ContextVar
from functools import lru_cache

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
)
from markupsafe import Markup

from expert import TEMPLATES_DIR
from expert.i18n import current, gettext, ngettext
from expert.i18n import numbers as local
from expert.report.controls import visible

TEMPLATES = TEMPLATES_DIR
FORMATS = ("text", "md", "json", "html")
_SUFFIX = {"text": "txt", "md": "md", "html": "html"}


MIN_WIDTH = 40  # narrower than this, wrapped prose is unreadable anyway
# Wider than this, no line is ever read whole either; a width is also a size (rules and table
# cells are built as strings that long), so COLUMNS=99999999999 must not allocate gigabytes.
MAX_WIDTH = 1000
_width: ContextVar[int | None] = ContextVar("width", default=None)


def terminal_width() -> int:
    """The width text output is wrapped to: the terminal's, when standard output is one;
    otherwise ``$COLUMNS`` if set, else 80. Always within MIN_WIDTH..MAX_WIDTH."""
    width = 0
    if sys.stdout is not None and sys.stdout.isatty():
        try:
            width = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            width = 0
    if not width:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.strip().isdigit() else 80
    return min(max(width or 80, MIN_WIDTH), MAX_WIDTH)


def current_width() -> int:
    """The width of the render in progress (see ``render``), else the terminal's."""
    return _width.get() or terminal_width()


def _wrap(text: str, width: int | None = None, indent: str = "", hang: str | None = None) -> str:
    """Wrap to the current width (a ``width`` given is only ever narrowed to it); the first line
    starts with ``indent``, the others with ``hang`` (default: the same ``indent``). A word
    longer than the width (a path, a URL) is kept whole on a line of its own."""
    limit = current_width() if width is None else min(width, current_width())
    hang = indent if hang is None else hang
    # Control characters are made visible first: wrapping would turn a carriage return into a
    # space and hide it.
    return "\n".join(textwrap.wrap(visible(text).strip(), width=limit,
                                   initial_indent=indent, subsequent_indent=hang,
                                   break_long_words=False, break_on_hyphens=False)) or indent.rstrip()


def _signed(number) -> str:
    return f"{number:+d}" if isinstance(number, int) else f"{number:+g}"


OPTIONS = dict(
    undefined=StrictUndefined,  # a typo in a template fails loudly, never renders blank
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def _at_render(func):
    """A filter whose result depends on the render in progress (its width, its language).

    Jinja folds a filter on constant arguments (``"literal" | wrap``, ``0.5 | fixed(1)``) into
    a constant when it compiles the template, and the bytecode cache keeps that constant: the
    width and language of the first render would hold for every later one. A filter that takes
    the context is never folded."""
    @pass_context
    def at_render(_context, *args, **kwargs):
        return func(*args, **kwargs)
    return at_render


def add_filters(env: Environment) -> Environment:
    """The filters every template may use, and gettext: ``_()`` and ``{% trans %}`` (trimmed,
    so a block's line breaks are not part of its message) translate into the current language
    (expert/i18n)."""
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals["lang"] = current  # <html lang="{{ lang() }}">
    env.filters["num"] = _at_render(local.number)
    env.filters["fixed"] = _at_render(local.fixed)
    env.filters["currency"] = _at_render(local.currency)
    env.filters["wrap"] = _at_render(_wrap)
    env.filters["signed"] = _signed
    env.filters["quoted"] = _at_render(lambda text: gettext("\"{text}\"").format(text=text))
    env.filters["pct"] = lambda x: f"{round(x * 100)}%"
    env.filters["evidence_text"] = _at_render(lambda e: (
        (gettext("{option} {weight} (assumed rates)") if e.get("basis") == "assumed"
         else "{option} {weight}").format(option=e["option"], weight=_signed(e["weight"]))))
    env.filters["exclusion_text"] = _at_render(lambda x: (
        (gettext("{option} (for now)") if x["scope"] == "for_now"
         else gettext("{option} (for this client)")).format(
            option=gettext("building an own centre") if x["option"] == "building" else x["option"])))
    env.filters["rule_weight"] = lambda e: f"{e['rule']} ({_signed(e['weight'])})"
    env.filters["change_text"] = lambda c: f"{c['question']}: {c['before']} -> {c['after']}"
    env.filters["score_change"] = lambda s: f"{s['option']} {_signed(s['before'])} -> {_signed(s['after'])}"
    if env.autoescape is True and env.finalize is None:
        # A user's HTML template (sandbox.py builds its environment with no finalize) prints
        # to the same terminals and browsers as ours.
        env.finalize = visible_markup
    return env


def visible_markup(value) -> str | Markup:
    """What an HTML template prints, control characters made visible as in text output.

    Escaping HTML leaves ESC, BEL and the like as they are: raw in a ``<title>`` they retitle or
    clear the terminal the page is printed to, and HTML forbids them anyway. Markup is shown the
    same way and stays Markup: a translated message formats the client's name into one
    (``_("... %(client)s")``), and an inline SVG carries its labels. The escapes are backslashes,
    letters and digits, so they cannot open a tag or end an attribute."""
    if isinstance(value, Markup):
        return Markup(visible(value))
    return visible(value)


def _bytecode_cache(kind: str) -> FileSystemBytecodeCache | None:
    """Compiled templates kept in the user's cache directory between runs.

    Compiling the report templates took about 70 ms of every cold ``advise``. Jinja keys each
    cached entry by the template's source checksum, so an edited template is recompiled; a cache
    directory that cannot be created just means compiling every time. The key does not cover the
    environment's options, and the text and HTML environments compile the same partials
    differently (escaping, ``finalize``), so each ``kind`` has its own file names.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = os.path.join(base, "ccadvisor", "jinja")
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None
    if not os.access(directory, os.W_OK):
        return None
    return FileSystemBytecodeCache(directory, pattern=f"__ccadvisor_{COMPILED_AS}_{kind}_%s.cache")


# Part of every cached file's name: change it when the environments compile differently (the
# cache's key is only the template's source). v2: gettext, and filters that are never folded.
# v3: HTML's finalize (visible_markup).
COMPILED_AS = "v3"


@lru_cache(maxsize=2)
def environment(html: bool) -> Environment:
    """HTML escapes what it prints and shows its control characters (``visible_markup``); text
    and Markdown, which reach terminals, pass every printed value through ``visible``
    (control characters escaped) instead of escaping."""
    return add_filters(Environment(loader=FileSystemLoader(TEMPLATES), autoescape=html,
                                    finalize=visible_markup if html else visible,
                                    bytecode_cache=_bytecode_cache("html" if html else "text"),
                                    **OPTIONS))


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
