"""click's own words (a usage error, a missing option, the help's headings) in the output's
language.

click marks its messages for gettext but looks them up in Python's global, locale-driven
catalog; here its modules look them up in ours instead, so that ``--lang ru`` also reaches
"Missing option" and "Usage:". ``MESSAGES`` names the ones a user meets, so that extraction
puts them in our catalog; tests/unit/test_click_words.py checks that the installed click still
says each of them, word for word.
"""
from __future__ import annotations

import importlib

from expert.i18n import N_, gettext, ngettext

# The modules whose ``_`` and ``ngettext`` are gettext's, bound when click was imported.
CLICK_MODULES = ("click.core", "click.exceptions", "click.parser", "click.types",
                 "click.decorators", "click.formatting", "click.termui")

MESSAGES = (
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Show this message and exit."),
    N_("Show the version and exit."), N_("Try '{command} {option}' for help."),
    N_("Error: {message}"), N_("No such option {name!r}."), N_("No such command {name!r}."),
    N_("Missing option"), N_("Missing argument"), N_("Missing command."),
    N_("Missing parameter"), N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"), N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."), N_("default: {default}"),
    N_("Aborted!"), N_("Option {name!r} does not take a value."),
)
# Plural messages are marked by calling ngettext itself (N_ takes one form); the result is unused.
PLURAL_MESSAGES = (
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1),
    ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1),
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1),
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1),
)


def speak_our_language() -> None:
    """Point click's gettext calls at ours (idempotent)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
