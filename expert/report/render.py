"""The Jinja environments: HTML autoescaped; plain text and Markdown unescaped, with control
characters made visible.

All user-facing prose lives in templates/; code only builds the plain-dict models they render.
A user's own template (``advise --template FILE``) renders in expert/report/sandbox.py.
"""
from __future__ import annotations

from expert import TEMPLATES_DIR
import json
import os
import textwrap
from functools import lru_cache

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from expert.report.controls import visible

TEMPLATES = TEMPLATES_DIR
FORMATS = ("text", "md", "json", "html")
_SUFFIX = {"text": "txt", "md": "md", "html": "html"}


def _wrap(text: str, width: int = 88, indent: str = "", hang: str | None = None) -> str:
    """Wrapped to ``width``; continuation lines take ``hang`` (default: the same ``indent``)."""
    return "\n".join(textwrap.wrap(str(text), width=width, initial_indent=indent,
                                   subsequent_indent=indent if hang is None else hang)) or indent


def _signed(number) -> str:
    return f"{number:+d}" if isinstance(number, int) else f"{number:+g}"


OPTIONS = dict(
    undefined=StrictUndefined,  # a typo in a template fails loudly, never renders blank
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def add_filters(env: Environment) -> Environment:
    env.filters["wrap"] = _wrap
    env.filters["signed"] = _signed
    env.filters["pct"] = lambda x: f"{round(x * 100)}%"
    return env


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
    return FileSystemBytecodeCache(directory, pattern=f"__ccadvisor_{kind}_%s.cache")


@lru_cache(maxsize=2)
def environment(html: bool) -> Environment:
    """HTML escapes what it prints; text and Markdown, which reach terminals, pass every printed
    value through ``visible`` (control characters escaped) instead."""
    return add_filters(Environment(loader=FileSystemLoader(TEMPLATES), autoescape=html,
                                    finalize=None if html else visible,
                                    bytecode_cache=_bytecode_cache("html" if html else "text"),
                                    **OPTIONS))


def render(name: str, fmt: str, model: dict) -> str:
    """Render ``templates/<name>.<fmt>.j2``; ``json`` dumps the model itself."""
    if fmt == "json":
        return json.dumps(model, ensure_ascii=False, indent=2) + "\n"
    template = environment(fmt == "html").get_template(f"{name}.{_SUFFIX[fmt]}.j2")
    return template.render(**model)
