"""The one gate every number from outside passes before any arithmetic touches it.

Numbers arrive typed (YAML and JSON give ints and floats) or as text (a CSV cell, a consult
prompt, a command-line option). Python takes them all, but ``.inf``, ``NaN``, JSON ``Infinity``
and a 400-digit integer then break whatever comes next: ``float(10**400)`` and ``int(inf)``
raise OverflowError, ``inf * 0`` is NaN. So finiteness and size are checked here, on the value as
it came, before it is converted or compared, and every reader of numbers goes through here.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

from expert.errors import InputError
from expert.i18n import gettext as _
from expert.i18n import ngettext
from expert.i18n.numbers import decimal_comma

LIMIT = 10**15  # far beyond any count, volume or price a client gives, and exact as a float
MAX_TEXT = 1000  # characters: longer text is no number anyone typed (and int() is slow on it)


def shown(value) -> str:
    """A number as a message can show it: a 400-digit integer is not printed in full, and no
    number in exponent form (1.5e-07 is 0.00000015)."""
    if isinstance(value, float) and math.isfinite(value) and abs(value) >= 10**20:
        value = int(Decimal(repr(value)))
    if isinstance(value, int) and abs(value) >= 10**20:
        digits = str(abs(value))
        return ngettext("{sign}{first}...{last} ({count} digit)",
                        "{sign}{first}...{last} ({count} digits)", len(digits)).format(
            sign="-" if value < 0 else "", first=digits[:4], last=digits[-4:], count=len(digits))
    return plain(value)


def plain(value) -> str:
    """A number in positional notation in any language, as a file or a command line takes it
    back: 80, 12.5, 0.00001 (never 1e-05)."""
    if isinstance(value, float) and math.isfinite(value):
        text = format(Decimal(repr(value)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def short_text(text: str) -> str:
    """Text as a one-line message can quote it: at most 40 characters."""
    return text if len(text) <= 40 else text[:40] + "..."


def problem(value: int | float) -> str:
    """Why ``value`` cannot be taken ("" when it can): not finite, or beyond +-LIMIT.

    Integers are compared as integers, never converted to float first (that is what overflows).
    """
    if isinstance(value, float) and not math.isfinite(value):
        return _("not a finite number")
    if abs(value) > LIMIT:
        return _("too large (this tool takes numbers up to 10^15)")
    return ""


def checked(value: int | float) -> int | float:
    """``value`` unchanged when ``problem`` finds nothing, else an InputError saying why."""
    reason = problem(value)
    if reason:
        raise InputError(_("{value} is {reason}").format(value=shown(value), reason=reason))
    return value


# Spaces people put between groups of thousands: a space, a no-break space (U+00A0), a thin
# space (U+2009) and a narrow no-break space (U+202F), as the Russian seeds write 6 000.
_GROUP_SPACES = " \u00a0\u2009\u202f"
# Digits are 0-9 only, the ones this tool writes back: Python's int() and float() and the \d of a
# str pattern also take every other script's digits (Arabic-Indic "١٢" is 12, full-width "６" is
# 6), which is no number a consultant typed on purpose, and which a colleague reading the file
# or a spreadsheet reading the CSV would not take as one. _OTHER_DIGIT finds them first, so they
# are "not a number" whatever surrounds them ("６,000" is not a comma problem).
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_PLAIN = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_GROUPED = re.compile(rf"[+-]?[0-9]{{1,3}}(?:(?:,[0-9]{{3}})+|(?:[{_GROUP_SPACES}][0-9]{{3}})+)"
                      r"(\.[0-9]+)?")
_POINT_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+")


class AmbiguousNumber(ValueError):
    """A number written in a way this tool will not guess at (the message says why)."""


def parse_number(text: str, integer: bool = False) -> int | float:
    """A number as people type it, the same at the prompt, in a CSV cell and in an answers file.

    Thousands may be grouped by commas (6,000) or by spaces (6 000, also no-break and thin
    spaces), in groups of exactly three digits; a point is always the decimal point. In a
    language that writes a decimal comma (``--lang ru``) a comma is that instead (1,5), and
    thousands are grouped by spaces only (``_decimal_comma``). Anything
    else is refused with the reason: "1,5" (a comma that does not group thousands: decimals take
    a point) and, for a whole-number question, "6.000" (a point cannot group thousands).
    Raises AmbiguousNumber saying why for those, ValueError for what is not a number at all."""
    text = text.strip()
    if _OTHER_DIGIT.search(text):
        raise ValueError(_("{text!r} is not a number").format(text=text))
    if "," in text and decimal_comma():
        text = _decimal_comma(text)
    if _GROUPED.fullmatch(text):
        text = re.sub(rf"[,{_GROUP_SPACES}]", "", text)
    elif "," in text:
        raise AmbiguousNumber(_("{text!r}: a comma only separates thousands, in groups of three "
                                "(6,000); write decimals with a point (1.5)").format(text=text))
    elif integer and _POINT_GROUPED.fullmatch(text):
        raise AmbiguousNumber(_("{text!r}: a point is a decimal point here; write thousands as "
                                "6000, 6,000 or 6 000").format(text=text))
    if not _PLAIN.fullmatch(text):
        raise ValueError(_("{text!r} is not a number").format(text=text))
    return int(text) if re.fullmatch(r"[+-]?[0-9]+", text) else float(text)


_COMMA_DECIMAL = re.compile(rf"([+-]?(?:[0-9]{{1,3}}(?:[{_GROUP_SPACES}][0-9]{{3}})+|[0-9]+)),"
                            r"([0-9]+)")


def _decimal_comma(text: str) -> str:
    """In a language that writes decimals with a comma (Russian: 1,5; 2 500,75), the same number
    with a point. "1,500" is refused there: it is 1.5 to a Russian reader and 1500 to an
    English one, and the same answers must never mean two numbers."""
    match = _COMMA_DECIMAL.fullmatch(text)
    if not match:
        raise AmbiguousNumber(_("{text!r}: a comma is the decimal comma here (1,5); group "
                                "thousands with spaces (6 000)").format(text=text))
    whole, fraction = match.groups()
    if len(fraction) == 3 and whole.lstrip("+-").isdigit() and len(whole.lstrip("+-")) <= 3:
        short = whole + ("," + fraction.rstrip("0") if fraction.rstrip("0") else "")
        raise AmbiguousNumber(_("{text!r} is ambiguous: write {thousands} for thousands, or "
                                "{fraction} for a fraction").format(
                                    text=text, thousands=f"{whole} {fraction}", fraction=short))
    return re.sub(rf"[{_GROUP_SPACES}]", "", whole) + "." + fraction


# YAML's spellings of infinity and NaN: an answers file reads its scalars as text, and these are
# still numbers (which ``checked`` then refuses as not finite), as Python's "inf" is.
_YAML_SPECIAL = {".inf": "inf", "+.inf": "inf", "-.inf": "-inf", ".nan": "nan"}
# Beyond parse_number's forms only the exponent form (1e3, 1.5E-7) and the names of infinity and
# NaN are numbers. float() takes more (1_000 as a thousand), but that is Python's reading,
# as 0x10 is YAML's: a consultant's text means what the tool's rules say, in every input path.
_EXPONENT_OR_SPECIAL = re.compile(r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+"
                                  r"|inf|infinity|nan)", re.IGNORECASE)


def to_number(text: str, integer: bool = False) -> int | float:
    """Text as typed to a number, not yet ``checked``: ``parse_number``'s forms, and the exponent
    form and names of infinity and NaN (1e3, 1e309, inf: numbers still, which ``checked`` then
    judges); nothing else Python's float() would take (1_000).

    AmbiguousNumber for "1,5" and the like; ValueError when it is not a number; text too long to
    be one is refused before int() sees it.
    """
    if len(text) > MAX_TEXT:
        raise ValueError(ngettext("{count} character is too long for a number",
                                  "{count} characters is too long for a number", len(text))
                         .format(count=len(text)))
    try:
        return parse_number(text, integer)
    except AmbiguousNumber:
        raise
    except ValueError:
        text = text.strip()
        text = _YAML_SPECIAL.get(text.lower(), text)
        if not _EXPONENT_OR_SPECIAL.fullmatch(text):
            raise
        return float(text)


def parse(text: str) -> int | float:
    """``to_number`` then ``checked``: one InputError for anything that is not a usable number."""
    try:
        number = to_number(text)
    except AmbiguousNumber as err:
        raise InputError(str(err)) from None
    except ValueError:
        raise InputError(_("{text!r} is not a number").format(text=short_text(text))) from None
    return checked(number)
