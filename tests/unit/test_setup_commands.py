"""README's two set-up commands are what a newcomer copies, and what CI runs: the first installs
the newest releases and runs the main job on an example, the second installs the locked test
extras and runs the tests; .ci/run runs both, exactly as written, the test command last."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def setup_commands() -> list[str]:
    """README's first two ```sh blocks, as a fresh-clone check extracts them, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```sh\n(.*?)\n```$", readme, flags=re.S | re.M)[:2]


def test_readme_sets_up_with_exactly_two_commands():
    first, second = setup_commands()
    assert "\n" not in first and "\n" not in second  # one line each, copied whole
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Try this first\n", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^```sh\n(.*?)\n```$", section, flags=re.S | re.M) == [first, second]
    assert first.endswith("ccadvisor advise --example network_explosive_growth")
    assert "pip install -q -e . " in first and "constraints" not in first
    assert "pip install -q -c tests/constraints.txt -e '.[test]'" in second
    assert second.endswith("python -m pytest -q")


def test_ci_runs_both_commands_as_written_the_tests_last():
    first, second = setup_commands()
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert first in lines
    assert lines[-1] == second


def test_the_lock_pins_every_package_to_one_version_per_python():
    pins = [line for line in (ROOT / "tests" / "constraints.txt").read_text().splitlines()
            if line and not line.startswith((" ", "#"))]
    assert pins and all(re.fullmatch(r"[a-z0-9._-]+==[\w.]+( ; .+)?", pin) for pin in pins), pins
    names = {pin.split("==")[0] for pin in pins}
    assert {"experta", "click", "jinja2", "pyyaml", "babel", "pytest"} <= names
