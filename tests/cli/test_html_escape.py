"""User text is escaped in HTML, and a user's own template renders in the sandbox."""
import pytest

HOSTILE = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


@pytest.fixture
def hostile_answers(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(
        "meta:\n"
        f"  client: '{HOSTILE} & Co'\n"
        f"  description: '<img src=x onerror=alert(1)> {HOSTILE}'\n"
        "  notes:\n"
        f"    call_load: '{HOSTILE}'\n"
        "call_load: calls_lost\n"
        "period: long_term\n",
        encoding="utf-8")
    return str(path)


def test_html_report_escapes_client_description_and_notes(ccadvisor, hostile_answers):
    run = ccadvisor("advise", "--answers", hostile_answers, "--format", "html")
    assert run.code == 0, run
    assert "<script" not in run.out and "<img" not in run.out
    assert f"{ESCAPED} &amp; Co" in run.out                 # the client, in title and heading
    assert "&lt;img src=x onerror=alert(1)&gt;" in run.out   # the description
    assert run.out.count(ESCAPED) >= 4                       # title, heading, description, note


def write_template(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_user_html_template_is_autoescaped_and_sees_the_report_model(ccadvisor, tmp_path, hostile_answers):
    template = write_template(tmp_path, "mine.html.j2",
                              "<h1>{{ client }}</h1><p>{{ recommendation.option }}</p>\n"
                              "{% for r in fired_rules %}<li>{{ r.id }}</li>{% endfor %}\n")
    run = ccadvisor("advise", "--answers", hostile_answers, "--template", template)
    assert run.code == 0, run
    assert run.out.startswith(f"<h1>{ESCAPED} &amp; Co</h1><p>")
    assert "<li>lost_calls_need_a_centre</li>" in run.out


def test_user_text_template_is_not_escaped(ccadvisor, tmp_path):
    template = write_template(tmp_path, "mine.txt", "{{ recommendation.option }} & {{ '<b>' }}\n")
    run = ccadvisor("advise", "--example", "home_team_startup", "--template", template)
    assert run.code == 0, run
    assert run.out == "home_team & <b>\n"


@pytest.mark.parametrize("text, message", [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}",
     "not allowed in a template: access to attribute '__class__' of 'str' object is unsafe."),
    ("{{ cycler.__init__.__globals__ }}", "not allowed in a template: "),
    ("{{ recommendation.update(option='none') }}", "not allowed in a template: "),
    ("{{ 'x' * 1000000000 }}", "not allowed in a template: repeating a value 1000000000 times"),
    ("{{ 2 ** 100000000 }}", "not allowed in a template: '** 100000000' is over this tool's limit"),
    ("{% include '/etc/passwd' %}", "template error: "),
    ("{{ no_such_field }}", "template uses 'no_such_field' is undefined"),
    ("line one\n{% if %}", "line 2: template syntax: "),
    ("{{ recommendation.option | no_such_filter }}", "line 1: template syntax: No filter named 'no_such_filter'"),
])
def test_unsafe_or_broken_user_template_is_a_clean_exit_2(ccadvisor, tmp_path, text, message):
    template = write_template(tmp_path, "bad.txt", text)
    out = tmp_path / "report.txt"
    run = ccadvisor("advise", "--example", "home_team_startup", "--template", template, "--output", str(out))
    assert run.code == 2, run
    assert run.err.startswith(f"ccadvisor: error: {template}: {message}")
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert not out.exists()


def test_missing_user_template_is_a_clean_exit_2(ccadvisor, tmp_path):
    missing = str(tmp_path / "none.j2")
    run = ccadvisor("advise", "--example", "home_team_startup", "--template", missing)
    assert run.code == 2 and run.err == f"ccadvisor: error: {missing}: file not found\n"
