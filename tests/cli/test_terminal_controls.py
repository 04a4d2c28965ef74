"""Control characters in user text never reach the terminal raw (issue 12): the text and
Markdown outputs show them escaped; HTML escapes as HTML does."""
import pytest

CLEAR = "\x1b[2J\x1b[31m"  # clear the screen, then red
NAME = f"Evil{CLEAR} Ltd\rGood Co\u202e"
SHOWN = "Evil\\x1b[2J\\x1b[31m Ltd\\x0dGood Co\\u202e"


@pytest.fixture
def answers(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"meta": {"client": "Evil\\u001b[2J\\u001b[31m Ltd\\rGood Co\\u202e", '
                    '"notes": {"call_load": "see \\u001b]0;owned\\u0007"}}, "call_load": "calls_lost"}')
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_text_and_markdown_reports_show_control_characters_escaped(ccadvisor, answers, fmt):
    run = ccadvisor("advise", "--answers", answers, "--format", fmt)
    assert run.code == 0, run
    assert SHOWN in " ".join(run.out.split())  # however the width wrapped it
    assert "see \\x1b]0;owned\\x07" in run.out
    assert not set(run.out) & set("\x1b\r\x07\u202e")


def test_a_user_text_template_shows_them_escaped_too(ccadvisor, answers, tmp_path):
    template = tmp_path / "mine.txt"
    template.write_text("{{ client }}\n")
    run = ccadvisor("advise", "--answers", answers, "--template", str(template))
    assert run.out == SHOWN + "\n"


def test_the_consultation_shows_a_client_name_escaped(ccadvisor, tmp_path):
    run = ccadvisor("consult", "--session", str(tmp_path / "s.yaml"), "--client", NAME, input="quit\n")
    assert run.code == 0, run
    assert f"ccadvisor consultation for {SHOWN}\n" in run.out
    assert "\x1b" not in run.out


def test_an_error_line_shows_them_escaped(ccadvisor, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(f"client,{CLEAR}\nx,y\n")
    run = ccadvisor("batch", str(path))
    assert run.code == 2
    assert run.err.startswith(f"ccadvisor: error: {path}: line 1: column 2: unknown question id "
                              "'\\x1b[2J\\x1b[31m'")


def test_batch_csv_output_shows_them_escaped(ccadvisor, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"client": "Evil\\u001b[2J Ltd", "call_load": "calls_lost"}\n')
    run = ccadvisor("batch", str(path))
    assert run.code == 0, run
    assert run.out.splitlines()[1].startswith("1,Evil\\x1b[2J Ltd,")


def run_piped(args, stdin: str, cwd):
    """The real command with its input on a pipe, as `printf ... | ccadvisor ...` runs it."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-c", "import cli; cli.main()", *args], input=stdin,
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_piped_input_is_echoed_escaped(tmp_path):
    """The echo of a piped line once sent a live OSC sequence (retitle the window) to the
    terminal; the session keeps the note as typed, and YAML stores it escaped."""
    done = run_piped(["consult", "--session", "s.yaml"], "note \x1b]0;PWN\x07\nquit\n", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "note \\x1b]0;PWN\\x07\n" in done.stdout
    assert not set(done.stdout) & set("\x1b\x07")
    saved = (tmp_path / "s.yaml").read_text()
    assert "\x1b" not in saved and "\\e]0;PWN\\a" in saved


def test_piped_step_commands_are_echoed_escaped(tmp_path):
    done = run_piped(["advise", "--example", "network_explosive_growth", "--step"],
                     "\x1b[2Jhelp\nq\n", tmp_path)
    assert "\\x1b[2Jhelp\n" in done.stdout
    assert "\x1b" not in done.stdout
