"""The Jinja environments: plain text and Markdown unescaped, HTML autoescaped.

All user-facing prose lives in templates/; code only builds the plain-dict models they render.
"""
from __future__ import annotations

import json
import textwrap
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("text", "md", "json", "html")
_SUFFIX = {"text": "txt", "md": "md", "html": "html"}


def _wrap(text: str, width: int = 88, indent: str = "") -> str:
    return "\n".join(textwrap.wrap(str(text), width=width, initial_indent=indent,
                                   subsequent_indent=indent)) or indent


def _signed(number) -> str:
    return f"{number:+d}" if isinstance(number, int) else f"{number:+g}"


@lru_cache(maxsize=2)
def environment(html: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=html,
        undefined=StrictUndefined,  # a typo in a template fails loudly, never renders blank
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["wrap"] = _wrap
    env.filters["signed"] = _signed
    env.filters["pct"] = lambda x: f"{round(x * 100)}%"
    return env


def render(name: str, fmt: str, model: dict) -> str:
    """Render ``templates/<name>.<fmt>.j2``; ``json`` dumps the model itself."""
    if fmt == "json":
        return json.dumps(model, ensure_ascii=False, indent=2) + "\n"
    template = environment(fmt == "html").get_template(f"{name}.{_SUFFIX[fmt]}.j2")
    return template.render(**model)
