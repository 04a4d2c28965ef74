"""The gettext catalogs: every message the code and the templates mark is translated, with its
placeholders kept; the compiled ``.mo`` the tool reads is the ``.po`` of the repository; and
no English escapes extraction, in a template or in an error line.

Regenerating after a change (docs/development.md, "Translations"): pybabel extract, update, compile.
"""
import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from jinja2 import nodes

from expert.i18n import DOMAIN, LANGUAGES, LOCALE_DIR
from expert.report.render import TEMPLATES, environment

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = ("run: pybabel extract -F expert/locale/babel.cfg --no-wrap -o expert/locale/ccadvisor.pot "
              "--ignore-dirs '.* __pycache__' cli.py commands expert && pybabel update -i expert/locale/ccadvisor.pot -d expert/locale "
              "-D ccadvisor --no-wrap && pybabel compile -d expert/locale -D ccadvisor")
OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != "en"]
METHODS = [("**/templates/**.j2", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.j2": {"trimmed": "true"}}


def _not_hidden(path) -> bool:
    """Babel's own filter also skips folders named _like_this; reasoning/_experta holds messages
    (so the pybabel command of docs/development.md gives --ignore-dirs ".* __pycache__" too)."""
    return not Path(path).name.startswith(".") and Path(path).name != "__pycache__"


def extracted() -> dict:
    """msgid (or (singular, plural)) -> where, for everything marked in cli.py, commands/, expert/."""
    found = {}
    for directory in ("commands", "expert"):
        for filename, lineno, message, _comments, _context in extract_from_dir(
                ROOT / directory, METHODS, options_map=OPTIONS, directory_filter=_not_hidden):
            found.setdefault(message, f"{directory}/{filename}:{lineno}")
    with open(ROOT / "cli.py", "rb") as handle:
        from babel.messages.extract import extract
        for lineno, message, _comments, _context in extract("python", handle):
            found.setdefault(message, f"cli.py:{lineno}")
    return found


def catalog(lang: str):
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as handle:
        return read_po(handle, locale=lang)


PLACEHOLDERS = re.compile(r"%\([a-z_]+\)[sdr]|\{[a-z_]+(?:![rs])?(?::[^}]*)?\}|%%")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDERS.findall(text))


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_every_marked_message_is_translated(lang):
    po = catalog(lang)
    missing = [f"{where}: {message!r}" for message, where in extracted().items()
               if not (po.get(message) and _filled(po.get(message).string))]
    assert not missing, f"{len(missing)} messages lack their {lang} text ({REGENERATE}): " + "; ".join(missing[:10])


def _key(text):
    """A plural message's forms come as a list from one reader and a tuple from the other."""
    return tuple(text) if isinstance(text, (list, tuple)) else text


def _filled(string) -> bool:
    return all(s.strip() for s in string) if isinstance(string, tuple) else bool(string.strip())


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_translations_keep_their_placeholders_and_none_is_fuzzy(lang):
    wrong = []
    for message in catalog(lang):
        if not message.id:
            continue
        if message.fuzzy:
            wrong.append(f"fuzzy: {message.id!r}")
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, text in enumerate(forms):
            # A plural's first form answers the English singular, the others its plural.
            english = message.id if isinstance(message.id, str) else message.id[min(index, 1)]
            if placeholders(text) != placeholders(english) and "%(count)s" not in english:
                wrong.append(f"{message.id!r} -> {text!r}")
    assert not wrong, "; ".join(wrong[:10])


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_the_compiled_catalog_is_the_po(lang):
    def entries(messages):
        return {_key(m.id): _key(m.string) for m in messages if m.id and not m.fuzzy}

    with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
        compiled = entries(read_mo(handle))
    written = entries(catalog(lang))
    assert compiled == written, f"{DOMAIN}.mo is stale: {REGENERATE}"


# Words a template may hold outside a message: the syntax of the formats it writes (HTML
# attributes, CSS, DOT, Mermaid), and names that are the same in every language.
SYNTAX = set("""
    digraph graph node edge subgraph cluster label shape style fillcolor fontname color rankdir
    LR TB TD box rounded filled dashed bold penwidth fontsize tooltip href URL true false
    flowchart classDef class linkStyle stroke fill width px rect ellipse solid dotted
    ccadvisor KPI CRM IVR SLA PBX CF MYCIN EMYCIN JSON YAML CSV HTML Markdown CNews
    Erlang rank same margin height invis arrowhead none normal empty diamond record plaintext
    Helvetica Bold arrowsize fontcolor labelfontname labelfontsize nodesep ranksep id
    answer option advice chosen
""".split())
PROSE = re.compile(r"[A-Za-z]{2,}")


def _strip_markup(text: str) -> str:
    text = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"&[a-z]+;|&#\d+;|#[0-9a-fA-F]{3,6}\b", " ", text)
    return re.sub(r"\[[a-z_]+\]|\b[a-z]+_[a-z_]+\b|--[a-z-]+", " ", text)  # ids, options


def _in_gettext(node, parents) -> bool:
    return any(isinstance(p, nodes.Call) and isinstance(p.node, nodes.Name)
               and p.node.name in ("_", "gettext", "ngettext") for p in parents)


def escaped_words(source: str, html: bool = False) -> list[str]:
    """English a template prints that no message holds: literal text between its tags, and
    string constants of more than one word outside _()."""
    env = environment(html)
    found, literal = [], []

    def walk(node, parents):
        if isinstance(node, nodes.TemplateData):
            literal.append(node.data)
        elif isinstance(node, nodes.Output):
            literal.append("\x00")  # a printed value: may sit inside a tag (<li id="rule-{{ id }}">)
        if isinstance(node, nodes.TemplateData):
            pass
        elif isinstance(node, nodes.Const) and isinstance(node.value, str) and " " in node.value.strip() \
                and not _in_gettext(node, parents):
            found.extend(w for w in PROSE.findall(_strip_markup(node.value)) if w not in SYNTAX)
        for child in node.iter_child_nodes():
            walk(child, parents + [node])

    walk(env.parse(source), [])
    # The literal text is read as a whole, so that a tag written around a printed value is
    # markup, not prose.
    prose = _strip_markup("".join(literal)).replace("\x00", " ")
    return [w for w in PROSE.findall(prose) if w not in SYNTAX] + found


TEMPLATE_NAMES = sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.j2"))


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_no_template_string_escapes_extraction(name):
    words = escaped_words((TEMPLATES / name).read_text(encoding="utf-8"), name.endswith(".html.j2"))
    assert not words, f"{name} prints English outside _() or {{% trans %}}: {sorted(set(words))[:15]}"


def test_the_escape_check_sees_an_unmarked_sentence():
    """The check itself: a literal sentence, and a two-word constant, are caught; a message, a
    one-word key and HTML markup are not."""
    source = ('Both sides\n{{ _("Both sides") }}\n{{ "for now" if x }}\n'
              '{{ x | selectattr("option") }}\n<p class="note">{% trans %}Advice{% endtrans %}</p>\n')
    assert escaped_words(source, html=True) == ["Both", "sides", "for", "now"]


# Error lines: the exceptions a user reads as one line must be built from a message.
ERRORS = {"InputError", "ToolMissing", "UsageError", "BadParameter", "UnknownLanguage"}


def _untranslated(arg) -> bool:
    """A literal, an f-string or a concatenation holding one: English that gettext never saw."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return bool(PROSE.search(arg.value))
    if isinstance(arg, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and PROSE.search(v.value) for v in arg.values)
    if isinstance(arg, ast.BinOp):
        return _untranslated(arg.left) or _untranslated(arg.right)
    return False


def unmarked_errors() -> list[str]:
    found = []
    for path in [ROOT / "cli.py", *sorted((ROOT / "commands").rglob("*.py")),
                 *sorted((ROOT / "expert").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ERRORS \
                    and node.args and _untranslated(node.args[0]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_error_line_is_a_message():
    found = unmarked_errors()
    assert not found, f"error lines not marked with _(): {found[:15]}"
