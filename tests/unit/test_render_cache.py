"""Compiled templates are cached between runs, and a changed template is not served stale."""
import os
import subprocess
import sys

RUN = [sys.executable, "-c", "import cli; cli.main()", "advise", "--example", "new_year_promotion"]


def test_cache_is_filled_and_reports_are_unchanged(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    first = subprocess.run(RUN, capture_output=True, text=True, env=env, timeout=120)
    cached = list((tmp_path / "ccadvisor" / "jinja").glob("*.cache"))
    second = subprocess.run(RUN, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == second.returncode == 0
    assert cached, "the first run stores the compiled templates"
    assert second.stdout == first.stdout


def test_unwritable_cache_directory_is_not_an_error(tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    env = dict(os.environ, XDG_CACHE_HOME=str(blocked))
    done = subprocess.run(RUN, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stderr == ""
    assert "RECOMMENDATION: Outsourced contact centre [outsource]" in done.stdout
