"""On a terminal, `ccadvisor examples` wraps each description under itself to the terminal's
width; piped, it keeps one example a line (tests/cli/test_commands.py)."""
import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is needed to drive a pseudo-terminal")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_examples_fit_an_80_column_terminal(ccadvisor_exe, lang):
    child = pexpect.spawn(ccadvisor_exe, ["examples", "--lang", lang], encoding="utf-8",
                          dimensions=(50, 80), env={"TERM": "xterm", "PATH": "/usr/bin:/bin"})
    child.expect(pexpect.EOF)
    lines = child.before.replace("\r\n", "\n").splitlines()
    assert len(lines) > 9  # nine examples, some on more than one line
    assert not [line for line in lines if len(line) > 80]
    assert lines[0].startswith("clinic_core_with_campaigns  ")
