"""Numbers and amounts as the current language writes them: 12,345.5 in English; 12 345,5 in
Russian, with a no-break space between thousands (so that wrapping never splits a number) and a
decimal comma."""
from __future__ import annotations

from decimal import Decimal

from expert.i18n import current

NBSP = "\u00a0"
# (thousands separator, decimal mark) per language; English is Python's own.
_SEPARATORS = {"ru": (NBSP, ",")}
# How a currency code reads in running text; a code without a name is shown as it is.
_CURRENCY_NAMES = {"ru": {"RUB": "руб.", "BGN": "лв.", "EUR": "евро", "USD": "долл. США"}}


def decimal_comma() -> bool:
    """Does the current language write decimals with a comma (so that 1,5 is one and a half)?"""
    return _SEPARATORS.get(current(), (",", "."))[1] == ","


def _local(formatted: str) -> str:
    separators = _SEPARATORS.get(current())
    if not separators:
        return formatted
    group, decimal = separators
    return formatted.translate({ord(","): group, ord("."): decimal})


def number(x) -> str:
    """An integer in full, grouped; any other number to 4 significant digits."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    return _local(f"{x:,}" if isinstance(x, int) else f"{x:,.4g}")


def answer(x) -> str:
    """A number as an answer is written back to the user: 1000000000, not 1e+09, and 2.5 stays
    2.5; in Russian grouped, with a decimal comma (1 000 000 000; 2,5)."""
    text = str(int(x)) if float(x).is_integer() else str(x)
    if current() not in _SEPARATORS:
        return text
    # Positional, never 1e-05: Decimal writes the float's shortest repr out in full.
    whole, _, fraction = format(Decimal(text), "f").partition(".")
    return _local(f"{int(whole):,}" + ("." + fraction if fraction else ""))


def fixed(x, places: int = 2) -> str:
    """``x`` with exactly ``places`` decimals, grouped."""
    return _local(f"{x:,.{places}f}")


def currency(code: str) -> str:
    """The currency code as the current language names it (RUB reads "руб." in Russian)."""
    return _CURRENCY_NAMES.get(current(), {}).get(code, code)
