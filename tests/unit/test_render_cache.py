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


def test_a_cached_template_wraps_and_speaks_as_each_run_asks(tmp_path):
    """Filters of constants are not folded at compile time: a cache filled by an English run at
    120 columns serves a Russian one at 40 columns its own width and numbers."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    wide = subprocess.run(RUN + ["--lang", "en"], capture_output=True, text=True, timeout=120,
                          env=dict(env, COLUMNS="120"))
    narrow = subprocess.run(RUN + ["--lang", "ru"], capture_output=True, text=True, timeout=120,
                            env=dict(env, COLUMNS="40"))
    fresh = subprocess.run(RUN + ["--lang", "ru"], capture_output=True, text=True, timeout=120,
                           env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "other"), COLUMNS="40"))
    assert wide.returncode == narrow.returncode == fresh.returncode == 0
    assert max(map(len, wide.stdout.splitlines())) > 80
    assert narrow.stdout == fresh.stdout


def test_a_filter_of_a_constant_is_computed_at_render():
    from expert.i18n import using
    from expert.report.render import environment
    template = environment(False).from_string('{{ 0.5 | fixed(1) }} {{ "a b" | wrap }}')
    with using("ru"):
        assert template.render() == "0,5 a b"
