"""Numbers and amounts as the current language writes them, from CLDR through Babel: 12,345.5
in English; 12 345,5 in Russian (CLDR's group mark there is a no-break space, so wrapping never
splits a number, and its decimal mark a comma).

No figure is ever written in exponent form: a consultant who typed a salary of 60000.5 reads
60,000.5 back, not 6e+04. Babel is imported on the first number, not at start-up.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from expert.i18n import current

NBSP = "\u00a0"
SIGNIFICANT = 4   # digits kept of a fraction below 1 (0.0035, 0.8512)
PLACES = 2        # decimals kept of a number of 1 or more (60,000.5; 12.35)


def _babel():
    from babel import numbers  # noqa: PLC0415 - a 20-40 ms import that --help never needs
    return numbers


def _decimal(x) -> Decimal:
    """The number exactly as Python writes it shortest (0.1 is 0.1, not 0.1000000000000000055)."""
    return Decimal(x) if isinstance(x, int) else Decimal(repr(float(x)))


def _format(x, pattern: str) -> str:
    d = _decimal(x)
    with localcontext() as context:  # rounding a 1e300 needs its 300 digits of precision
        context.prec = max(context.prec, d.adjusted() + pattern.count("#") + pattern.count("0") + 2)
        context.rounding = ROUND_HALF_UP  # as people round: 2.675 is 2.68, 0.5 is 1
        return _babel().format_decimal(d, format=pattern, locale=current())


def _places(x) -> int:
    """Decimals a consultant writes: PLACES at 1 or more, SIGNIFICANT digits below."""
    d = _decimal(x)
    if d == d.to_integral_value():
        return 0
    if abs(d) >= 1:
        return PLACES
    return SIGNIFICANT - 1 - d.adjusted()


def decimal_comma() -> bool:
    """Does the current language write decimals with a comma (so that 1,5 is one and a half)?"""
    return _symbols(current())[1] == ","


@lru_cache(maxsize=None)
def _symbols(lang: str) -> tuple[str, str]:
    babel = _babel()
    return babel.get_group_symbol(lang), babel.get_decimal_symbol(lang)


def number(x) -> str:
    """A number grouped, to the precision a consultant writes: an integer in full, a fraction
    to two decimals (60,000.5; 12.35), or below 1 to four significant digits (0.0035)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if x != x or x in (float("inf"), float("-inf")):
        return str(x)
    places = _places(x)
    return _format(x, "#,##0" + ("." + "#" * places if places else ""))


def answer(x) -> str:
    """A number as an answer is written back to the user, with every digit it was given:
    1000000000, not 1e+09, and 2.5 stays 2.5; grouped where the language groups what it types
    (Russian: 1 000 000 000; 2,5)."""
    d = _decimal(int(x) if float(x).is_integer() else x)
    places = max(0, -d.as_tuple().exponent)
    whole = "#,##0" if current() != "en" else "0"
    return _format(d if places else int(d), whole + ("." + "0" * places if places else ""))


def fixed(x, places: int = 2) -> str:
    """``x`` with exactly ``places`` decimals, grouped."""
    return _format(x, "#,##0" + ("." + "0" * places if places else ""))


def is_currency(code: str) -> bool:
    """Is ``code`` the ISO 4217 code, in capitals, of a currency that some territory uses today
    according to CLDR (RUB, EUR, USD...)?

    CLDR knows far more codes than clients pay in: withdrawn ones (RUR, the rouble before 1998),
    the test and "no currency" codes (XTS, XXX), gold (XAU). Any of those would label every
    amount of a report with money nobody can budget in."""
    return code in _currencies_in_use()


@lru_cache(maxsize=1)
def _currencies_in_use() -> frozenset[str]:
    # Once, on the first currency checked: --help and most commands never need Babel's data.
    from babel.core import get_global  # noqa: PLC0415 - as in _babel()
    babel = _babel()
    return frozenset(code for territory in get_global("territory_currencies")
                     for code in babel.get_territory_currencies(territory))  # today's, by default


def currency(code: str) -> str:
    """The currency as the current language writes it beside amounts (CLDR's symbol): RUB in
    English, ₽ in Russian, € for EUR in both; an unknown code is shown as it is."""
    return _babel().get_currency_symbol(code, locale=current())
