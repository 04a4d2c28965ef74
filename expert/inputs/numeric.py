"""The one gate every number from outside passes before any arithmetic touches it.

Numbers arrive typed (YAML and JSON give ints and floats) or as text (a CSV cell, a consult
prompt, a command-line option). Python takes them all, but ``.inf``, ``NaN``, JSON ``Infinity``
and a 400-digit integer then break whatever comes next: ``float(10**400)`` and ``int(inf)``
raise OverflowError, ``inf * 0`` is NaN. So finiteness and size are checked here, on the value as
it came, before it is converted or compared, and every reader of numbers goes through here.
"""
from __future__ import annotations

import math

from expert.errors import InputError

LIMIT = 10**15  # far beyond any count, volume or price a client gives, and exact as a float
MAX_TEXT = 1000  # characters: longer text is no number anyone typed (and int() is slow on it)


def shown(value) -> str:
    """A number as a message can show it: a 400-digit integer is not printed in full."""
    if isinstance(value, int) and abs(value) >= 10**20:
        digits = str(abs(value))
        return f"{'-' if value < 0 else ''}{digits[:4]}...{digits[-4:]} ({len(digits)} digits)"
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**16:
        return str(int(value))
    return str(value)


def short_text(text: str) -> str:
    """Text as a one-line message can quote it: at most 40 characters."""
    return text if len(text) <= 40 else text[:40] + "..."


def problem(value: int | float) -> str:
    """Why ``value`` cannot be taken ("" when it can): not finite, or beyond +-LIMIT.

    Integers are compared as integers, never converted to float first (that is what overflows).
    """
    if isinstance(value, float) and not math.isfinite(value):
        return "not a finite number"
    if abs(value) > LIMIT:
        return "too large (this tool takes numbers up to 10^15)"
    return ""


def checked(value: int | float) -> int | float:
    """``value`` unchanged when ``problem`` finds nothing, else an InputError saying why."""
    reason = problem(value)
    if reason:
        raise InputError(f"{shown(value)} is {reason}")
    return value


def to_number(text: str) -> int | float:
    """Text as typed ('2500', '2,500', '2.5', '1e3') to a number, not yet ``checked``.

    ValueError when it is not a number; text too long to be one is refused before int() sees it.
    """
    text = text.strip().replace(",", "")
    if len(text) > MAX_TEXT:
        raise ValueError(f"{len(text)} characters is too long for a number")
    return int(text) if text.lstrip("+-").isdigit() else float(text)


def parse(text: str) -> int | float:
    """``to_number`` then ``checked``: one InputError for anything that is not a usable number."""
    try:
        number = to_number(text)
    except ValueError:
        raise InputError(f"{short_text(text)!r} is not a number") from None
    return checked(number)
