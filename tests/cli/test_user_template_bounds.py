"""A user's template is bounded in memory, time and output, and escaped by any markup suffix
(issue 12): each bound is a one-line error, exit 2, nothing written."""
import pytest

HOSTILE = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


def refused(ccadvisor, tmp_path, text, name="t.txt"):
    template = tmp_path / name
    template.write_text(text)
    out = tmp_path / "report.txt"
    run = ccadvisor("advise", "--example", "home_team_startup", "--template", str(template),
                    "-o", str(out))
    assert run.code == 2, run
    assert not out.exists()
    return run.err.removeprefix(f"ccadvisor: error: {template}: ")


def test_a_template_building_a_huge_value_in_steps_is_stopped_by_the_memory_bound(ccadvisor, tmp_path):
    err = refused(ccadvisor, tmp_path, "{% set a = 'a' * 100000 %}{% set b = a * 5000 %}{{ b | length }}")
    assert err == "the template needs more than this tool's limit of 256 MB of memory\n"


def test_a_template_that_runs_on_is_stopped_by_the_time_bound(ccadvisor, tmp_path, monkeypatch):
    monkeypatch.setattr("expert.report.sandbox.TIME_LIMIT", 0.5)
    err = refused(ccadvisor, tmp_path,
                  "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert err == "the template took longer than this tool's limit of 0.5 s\n"


def test_a_template_with_huge_output_is_stopped_by_the_output_bound(ccadvisor, tmp_path):
    err = refused(ccadvisor, tmp_path, "{% set a = 'a' * 100000 %}{{ a * 200 }}")
    assert err == "template output is over this tool's limit of 10,485,760 characters\n"


@pytest.fixture
def hostile_answers(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(f"meta:\n  client: '{HOSTILE}'\ncall_load: calls_lost\n")
    return str(path)


@pytest.mark.parametrize("name", ["R.HTML", "page.xhtml", "picture.svg", "feed.XML.j2", "mine.Htm"])
def test_every_markup_suffix_in_any_case_is_escaped(ccadvisor, tmp_path, hostile_answers, name):
    template = tmp_path / name
    template.write_text("<p>{{ client }}</p>\n")
    run = ccadvisor("advise", "--answers", hostile_answers, "--template", str(template))
    assert run.code == 0, run
    assert run.out == f"<p>{ESCAPED}</p>\n"
