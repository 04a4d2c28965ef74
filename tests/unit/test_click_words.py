"""click's own messages in the output's language: the ones commands/_click_words.py names are
still click's, word for word (a click upgrade that rewords one fails here, instead of leaving it
silently English), and a usage error in Russian reads Russian."""
import ast
from pathlib import Path

import click

from commands._click_words import CLICK_MODULES

SOURCE = Path(__file__).resolve().parents[2] / "commands" / "_click_words.py"


def our_marked_messages() -> list[str]:
    """The literal first arguments of N_() and ngettext() in commands/_click_words.py."""
    tree = ast.parse(SOURCE.read_text(encoding="utf-8"))
    return [node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("N_", "ngettext")
            and node.args and isinstance(node.args[0], ast.Constant)]


def test_every_message_we_translate_is_one_click_says():
    click_source = "".join(Path(click.__file__).with_name(f"{name.rpartition('.')[2]}.py")
                           .read_text(encoding="utf-8") for name in CLICK_MODULES)
    flat = " ".join(click_source.split())
    missing = [m for m in our_marked_messages() if f'"{m}"' not in flat and f"'{m}'" not in flat]
    assert len(our_marked_messages()) >= 20
    assert not missing, f"click no longer says: {missing}"


def test_a_usage_error_in_russian(ccadvisor):
    run = ccadvisor("staffing", "--calls", "1", "--lang", "ru")
    assert run.code == 2
    assert "Ошибка: Не задан параметр '--aht-seconds'." in run.err
    assert "Использование: " in run.err and "Справка: " in run.err


def test_an_unknown_option_before_lang_is_reported_in_its_language(ccadvisor):
    run = ccadvisor("advise", "--nope", "--lang", "ru")
    assert run.code == 2 and "Ошибка: Нет такого параметра '--nope'." in run.err
    assert "Error: No such option '--nope'." in ccadvisor("advise", "--nope").err
