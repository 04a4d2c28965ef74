"""The numbers behind staffing and cost: the client's answer where given, else a labelled assumption.

``data/assumptions.yaml`` ships clearly labelled EXAMPLE values for every rate the seeds name but
do not quantify; ``--assumptions FILE`` replaces any of them. ``resolve(answers, assumptions)``
then gives each number with its provenance, so a report can say of every figure whether it came
from the client or from an assumption.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from expert import DATA_DIR
from expert.errors import InputError, did_you_mean
from expert.i18n import current
from expert.i18n import gettext as _
from expert.i18n.numbers import answer, is_currency
from expert.inputs import numeric
from expert.inputs.yamlload import load_localized

ASSUMPTIONS_FILE = DATA_DIR / "assumptions.yaml"
CLIENT, ASSUMPTION = "client", "assumption"
EXAMPLE_SOURCE = "bundled EXAMPLE values (data/assumptions.yaml)"  # where rates come from by default


@dataclass(frozen=True)
class Number:
    key: str
    value: float
    unit: str
    source: str      # CLIENT or ASSUMPTION
    text: str
    seed: str

    def as_dict(self) -> dict:
        return {"key": self.key, "value": self.value, "unit": self.unit, "source": self.source,
                "text": self.text, "seed": self.seed}


CURRENCY = "currency"  # the one setting that is not a number: the unit of every amount


def _shipped_file() -> dict:
    """The bundled file, its texts and units in the output's language."""
    return load_localized(ASSUMPTIONS_FILE)


def shipped_assumptions() -> dict:
    """key -> entry (value, unit, text, seed, min, max): every number of the bundled file.
    (Cached per language: resolve() reads it on every advice; callers only read it.)"""
    return _numbers_in(current())


@lru_cache(maxsize=None)
def _numbers_in(lang: str) -> dict:
    return {key: entry for key, entry in load_localized(ASSUMPTIONS_FILE, lang).items()
            if key != CURRENCY}


def shipped_currency() -> dict:
    """The bundled currency setting: value (a code such as RUB) and text."""
    return _shipped_file()[CURRENCY]


def _currency(raw, where: str) -> str:
    """The currency of every amount: the ISO 4217 code of a currency in use today (EUR, RUB,
    USD), which CLDR lets each language write (RUB is ₽ in Russian); nothing else is ever
    printed as one. Codes are capitals, as ISO writes them: 'eur' is refused, saying so."""
    value = _value(CURRENCY, raw, where)
    code = value.strip() if isinstance(value, str) else value
    if isinstance(code, str) and code != code.upper() and is_currency(code.upper()):
        raise InputError(_("'{key}' must be written in capitals, as ISO 4217 writes it: {code}, "
                           "not {value}").format(key=CURRENCY, code=code.upper(),
                                                 value=_shown(value)), where=where)
    if not isinstance(code, str) or not is_currency(code):
        raise InputError(_("'{key}' must be an ISO 4217 currency code such as EUR or RUB, got "
                           "{value}").format(key=CURRENCY, value=_shown(value)), where=where)
    return code


def _shown(value) -> str:
    """A refused value as the line quotes it: text as written, JSON's true as true, an empty
    value as nothing, a list or mapping by its kind (never Python's spelling of it)."""
    from expert.inputs.answers import found_kind
    if isinstance(value, str):
        return repr(numeric.short_text(value))
    if isinstance(value, bool):
        return str(value).lower()
    return found_kind(value)


def whole_number(key: str) -> bool:
    """Whether the rate counts whole things. A rate that is also a question (calls_per_month,
    horizon_months) is the default for that answer, so it is read as the answer is: where the
    question takes a whole number, 6.000 and 2.5 are refused here too."""
    from expert.inputs.catalog import load_catalog
    catalog = load_catalog()
    return key in catalog and catalog.get(key).integer


def _number(key: str, value, where: str) -> int | float:
    """A rate's value as the prompt reads a number (``numeric.to_number``: 6,000, and in Russian
    35,5), then finite and within the tool's limit, before any arithmetic touches it."""
    whole = whole_number(key)
    if isinstance(value, str):
        try:
            value = numeric.to_number(value, whole)
        except numeric.AmbiguousNumber as err:
            raise InputError(_("'{key}': {problem}").format(key=key, problem=err),
                             where=where) from None
        except ValueError:
            pass  # not a number at all: refused below, quoting it as written
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(_("'{key}' must be a number, got {value}")
                         .format(key=key, value=_shown(value)), where=where)
    reason = numeric.problem(value)
    if reason:
        raise InputError(_("'{key}' is {value}: {reason}")
                         .format(key=key, value=numeric.shown(value), reason=reason), where=where)
    if whole and value != int(value):
        raise InputError(_("'{key}' must be a whole number, got {value}")
                         .format(key=key, value=answer(value)), where=where)
    return int(value) if whole else value


def _value(key: str, raw, where: str):
    """What ``key: value`` or ``key: {value: ...}`` holds (the bundled file's other fields, as a
    copied entry has them, are ignored)."""
    if not isinstance(raw, dict):
        return raw
    if "value" not in raw:
        raise InputError(_("'{key}' is a mapping without 'value': write {key}: 30 or "
                           "{key}: {{value: 30}}").format(key=key), where=where)
    return raw["value"]


def _checked(key: str, raw, where: str) -> float:
    entry = shipped_assumptions()[key]
    value = _number(key, _value(key, raw, where), where)
    if entry["unit"] == "%" and 0 < value < 1:
        raise InputError(_("'{key}' is {value}, which looks like a fraction; type percentages "
                           "as percent, e.g. {percent}").format(key=key, value=answer(value),
                                                                percent=answer(value * 100)),
                         where=where)
    if not entry["min"] <= value <= entry["max"]:
        raise InputError(_("'{key}' is {value}, out of range: expected {min} to {max} "
                           "({unit})").format(key=key, value=answer(value), min=answer(entry["min"]),
                                              max=answer(entry["max"]), unit=entry["unit"]),
                         where=where)
    return value


def load_assumptions(path: str | Path | None = None) -> dict:
    """key -> value: the shipped examples, with any keys of ``path`` replacing them; every value
    is a number except ``currency``'s."""
    values = {key: entry["value"] for key, entry in shipped_assumptions().items()}
    values[CURRENCY] = shipped_currency()["value"]
    if path is None:
        return values
    from expert.inputs.answers import parse_mapping, read_text
    from expert.inputs.kinds import ASSUMPTIONS
    where = str(path)
    text = read_text(path, kind=ASSUMPTIONS)
    data = parse_mapping(text, where, where.lower().endswith(".json"), ASSUMPTIONS)
    for key, raw in data.items():
        if key not in values:
            raise InputError(_unknown(key, values), where=where)
        values[key] = _currency(raw, where) if key == CURRENCY else _checked(key, raw, where)
    return values


def _unknown(key, known) -> str:
    """The line for a key no assumption has: the closest one, or, when the file is an answers
    file given as rates (a question id, or the answers' ``meta``), where it belongs."""
    from expert.inputs.answers import META_KEY, printable
    from expert.inputs.catalog import load_catalog
    shown = printable(key)
    if key == META_KEY or key in load_catalog():
        return _("unknown assumption '{key}': this is an answers file's key, and answers go "
                 "in --answers").format(key=shown)
    return _("unknown assumption '{key}'").format(key=shown) + did_you_mean(shown, known)


def resolve(answers: dict, assumptions: dict[str, float]) -> dict[str, Number]:
    """Every number the cost model uses, from the client's answers first, then the assumptions."""
    from expert.inputs.catalog import load_catalog
    catalog, numbers = load_catalog(), {}
    for key, entry in shipped_assumptions().items():
        if key in answers:  # the client's answer, worded as the question that asked for it
            numbers[key] = Number(key, answers[key], entry["unit"], CLIENT,
                                  catalog.get(key).text, entry["seed"])
        else:
            numbers[key] = Number(key, assumptions[key], entry["unit"], ASSUMPTION,
                                  entry["text"], entry["seed"])
    return numbers
