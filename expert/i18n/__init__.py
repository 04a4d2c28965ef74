"""The language of everything a user reads: English by default, Russian with ``--lang ru``.

The language is a context variable, set once by the command line (``using``) and read wherever
words are produced: the templates' ``_()`` and ``{% trans %}`` (gettext catalogs under
``expert/locale``), the error lines raised deep in the engine room, the data texts (``texts``)
and the numbers (``numbers``). The engine itself never asks: it decides in ids.

This package sits below everything else (errors included), so that any module may translate.
"""
from __future__ import annotations

import contextlib
import gettext as _gettext
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "ccadvisor"
DEFAULT = "en"
# The languages a user may choose. English is the source language and has no catalog; every
# other one has a gettext catalog (locale/<lang>/LC_MESSAGES/ccadvisor.mo) and its data texts
# beside the data (<dir>/<lang>/<file>.yaml). Adding a language is adding those (docs/development.md).
LANGUAGES = ("en", "ru")
ENV_VAR = "CCADVISOR_LANG"

_language: ContextVar[str] = ContextVar("language", default=DEFAULT)


class UnknownLanguage(ValueError):
    """A language that is not one of LANGUAGES; the message is the one line to print."""


def current() -> str:
    """The language of the output being produced."""
    return _language.get()


def checked(lang: str, where: str = "--lang") -> str:
    lang = (lang or "").strip().lower()
    if lang not in LANGUAGES:
        raise UnknownLanguage(gettext("{where}: unknown language {lang!r}; choose one of: {known}")
                              .format(where=where, lang=lang, known=", ".join(LANGUAGES)))
    return lang


def from_environment(environ) -> str:
    """The language the environment asks for: $CCADVISOR_LANG (which must name one of
    LANGUAGES), else Russian when the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX
    orders them) names Russian in UTF-8, else English.

    Only a UTF-8 locale switches: a KOI8-R or ISO-8859-5 terminal (glibc's plain ``ru_RU``)
    cannot show the reports' «» and dashes, and English was what such a terminal got before."""
    chosen = environ.get(ENV_VAR, "")
    if chosen.strip():
        return checked(chosen, "$" + ENV_VAR)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(name, "").lower()
        if locale:  # the first one set decides, as for every POSIX program
            utf8 = locale.partition(".")[2].partition("@")[0].replace("-", "") == "utf8"
            return next((lang for lang in LANGUAGES[1:] if locale.startswith(lang) and utf8),
                        DEFAULT)
    return DEFAULT


def set_language(lang: str) -> None:
    """Switch the language of the current context (the command line does, inside ``using``)."""
    _language.set(checked(lang))


@contextlib.contextmanager
def using(lang: str):
    """Produce output in ``lang`` inside the block; the language before it is restored after."""
    token = _language.set(checked(lang))
    try:
        yield
    finally:
        _language.reset(token)


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``lang``; English, the source language, translates to itself.
    (Every shipped language has one: tests/unit/test_i18n_catalogs.py fails otherwise.)"""
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def gettext(message: str) -> str:
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_language.get()).ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Mark ``message`` for extraction only: it is translated later, where it is shown."""
    return message
