"""The exit-code table (docs/reference.md): anything unexpected is one line and exit 1, never a
traceback; Ctrl-D at a consult prompt quits with exit 0 and the resume line."""
import pytest

import expert.reasoning.advisor


@pytest.fixture
def broken_advisor(monkeypatch):
    def boom(*_args, **_kwargs):
        raise RuntimeError("boom\nsecond line")
    monkeypatch.setattr(expert.reasoning.advisor, "advise", boom)


def test_an_unexpected_error_is_one_line_and_exit_1(ccadvisor, broken_advisor):
    run = ccadvisor("advise", "--example", "home_team_startup")
    assert run.code == 1, run
    assert run.err == ("ccadvisor: error: unexpected RuntimeError: boom second line "
                       "(set CCADVISOR_DEBUG=1 to see where)\n")


def test_ccadvisor_debug_keeps_the_traceback(ccadvisor, broken_advisor):
    run = ccadvisor("advise", "--example", "home_team_startup", env={"CCADVISOR_DEBUG": "1"})
    assert isinstance(run.exception, RuntimeError)


def test_ctrl_d_at_a_prompt_quits_with_exit_0_and_the_resume_line(ccadvisor, tmp_path):
    session = tmp_path / "s.yaml"
    run = ccadvisor("consult", "--session", str(session), input="skip\n")  # then end of input
    assert run.code == 0, run
    assert run.out.endswith(f"\nSession saved: {session}\nResume with: ccadvisor consult --resume {session}\n")
    assert "unknown" in session.read_text()


def test_an_unknown_matcher_in_the_environment_is_bad_input(ccadvisor, monkeypatch):
    monkeypatch.setattr(expert.reasoning.advisor, "shared_engine",
                        expert.reasoning.advisor.shared_engine.__wrapped__)  # build anew
    run = ccadvisor("advise", "--example", "home_team_startup",
                    env={"CCADVISOR_MATCHER": "clips"})
    assert run.code == 2, run
    assert run.err == ("ccadvisor: error: $CCADVISOR_MATCHER: unknown matcher 'clips'; "
                       "choose one of: compiled, rete\n")
