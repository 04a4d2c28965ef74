"""One set of rates for everything a command computes: ``--assumptions FILE`` moves the figures
the rules read, the cost table and the sensitivity search together, in advise, explain, consult,
batch, graph and replay. A consultant who gives the client's own salary must never see a cost
table on those rates beside a rule that fired on the bundled ones."""
import json

import pytest

EXAMPLE = "specialist_equipment_support"  # 60-month horizon, a volume: the cost rules fire
GAP = "own_centre_extra_cost_over_horizon"


@pytest.fixture
def rates(tmp_path):
    path = tmp_path / "rates.yaml"
    path.write_text("operator_salary_per_month: 5000000\n")
    return path


def figure_of(model: dict, name: str) -> dict:
    """The figure as the rules that fired on it saw it (the report's chain of rules)."""
    for firing in model["fired_rules"]:
        for fact in firing["matched"]:
            if fact["kind"] == "Figure" and fact["name"] == name:
                return fact
    raise AssertionError(f"no rule fired on {name}")


def totals(model: dict) -> dict:
    return {row["option"]: row["total"] for row in model["page"]["costs"]["options"]}


def report(ccadvisor, *args) -> dict:
    run = ccadvisor("advise", "--example", EXAMPLE, "--format", "json", *args)
    assert run.code == 0, run
    return json.loads(run.out)


def test_advise_the_rules_figure_and_the_cost_table_move_together(ccadvisor, rates):
    shipped, mine = report(ccadvisor), report(ccadvisor, "--assumptions", str(rates))
    for model in (shipped, mine):
        gap = figure_of(model, GAP)["value"]
        assert gap == totals(model)["in_house"] - totals(model)["outsource"]
    assert totals(mine)["in_house"] > 20 * totals(shipped)["in_house"]
    # the own centre was far cheaper than outsourcing on the bundled rates; at 5,000,000 a month
    # per operator it is far dearer, and the rule that says so is the one that fired
    fired = lambda model: {f["id"] for f in model["fired_rules"]}  # noqa: E731
    assert "own_centre_pays_back_within_horizon" in fired(shipped)
    assert "horizon_ends_before_own_centre_pays_back" not in fired(shipped)
    assert "horizon_ends_before_own_centre_pays_back" in fired(mine)
    assert "own_centre_pays_back_within_horizon" not in fired(mine)
    assert mine["page"]["costs"]["source"] == str(rates)


def test_advise_text_says_the_same_figure_in_the_chain_and_the_table(ccadvisor, rates):
    run = ccadvisor("advise", "--example", EXAMPLE, "--assumptions", str(rates),
                    env={"COLUMNS": "200"})
    assert run.code == 0, run
    assert "own centre 5,117,173,000 - outsourcing 126,150,000" in run.out  # the rule's figure
    assert "Own contact centre" in run.out and "5,117,173,000" in run.out.split("NEXT STEPS")[0]


def test_explain_reasons_on_the_rates_given(ccadvisor, rates):
    def why_not(*args):
        run = ccadvisor("explain", "--example", EXAMPLE, "--why-not", "in_house",
                        "--format", "json", *args)
        assert run.code == 0, run
        return json.loads(run.out)
    shipped, mine = why_not(), why_not("--assumptions", str(rates))
    rules = lambda model, part: [r["rule"] for r in model["why_not"][0][part]]  # noqa: E731
    # on the bundled rates the own centre pays back, so the cost rule against it does not
    # fire; on the client's it fires, against the own centre
    assert "horizon_ends_before_own_centre_pays_back" not in rules(shipped, "against")
    assert "horizon_ends_before_own_centre_pays_back" in rules(mine, "against")


def test_explain_what_if_and_sensitivity_take_the_rates(ccadvisor, rates):
    run = ccadvisor("explain", "--example", EXAMPLE, "--assumptions", str(rates), "--what-if",
                    "horizon_months=1", "--format", "json")
    assert run.code == 0, run
    model = json.loads(run.out)["what_if"]
    assert "horizon_ends_before_own_centre_pays_back" not in json.dumps(model["newly_fired"])


def test_batch_reasons_on_the_rates_given(ccadvisor, rates, tmp_path):
    from expert.inputs.examples import load_example
    answers = load_example(EXAMPLE)[0]
    rows = tmp_path / "clients.jsonl"
    rows.write_text(json.dumps({"client": "A", **answers}) + "\n")

    def fired(*args):
        run = ccadvisor("batch", str(rows), "--format", "jsonl", *args)
        assert run.code == 0, run
        return json.loads(run.out.splitlines()[0])["fired_rules"]
    assert "own_centre_pays_back_within_horizon" in fired()
    assert "horizon_ends_before_own_centre_pays_back" in fired("--assumptions", str(rates))
    assert "horizon_ends_before_own_centre_pays_back" in fired("--assumptions", str(rates),
                                                               "--jobs", "2")


def test_consult_reasons_on_the_rates_given(ccadvisor, rates, tmp_path):
    from expert.inputs.examples import load_example
    answers = load_example(EXAMPLE)[0]
    session = tmp_path / "s.yaml"
    import yaml
    session.write_text(yaml.safe_dump({**answers, "meta": {"status": "finished"}}))
    run = ccadvisor("consult", "--resume", str(session), "--assumptions", str(rates),
                    input="r\n\n", env={"COLUMNS": "200"})
    assert run.code == 0, run
    assert "own centre 5,117,173,000 - outsourcing 126,150,000" in run.out


def test_graph_and_replay_take_the_rates(ccadvisor, rates):
    run = ccadvisor("graph", "--example", EXAMPLE, "--assumptions", str(rates))
    assert run.code == 0 and "horizon_ends_before_own_centre_pays_back" in run.out
    assert "horizon_ends_before_own_centre_pays_back" not in ccadvisor(
        "graph", "--example", EXAMPLE).out
    run = ccadvisor("replay", "--example", EXAMPLE, "--assumptions", str(rates))
    assert run.code == 0 and "horizon_ends_before_own_centre_pays_back" in run.out


@pytest.mark.parametrize("command", ["advise", "explain", "graph", "replay", "cost"])
def test_a_bad_rates_file_is_one_line_in_every_command(ccadvisor, tmp_path, command):
    bad = tmp_path / "rates.yaml"
    bad.write_text("operator_salary_per_month: lots\n")
    run = ccadvisor(command, "--example", EXAMPLE, "--assumptions", str(bad))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {bad}: 'operator_salary_per_month' "
                                      "must be a number, got 'lots'\n")


@pytest.mark.parametrize("name, content, line", [
    ("rates.yaml", "operator_salary_per_month:\n", "'operator_salary_per_month' must be a number, got nothing"),
    ("rates.json", '{"operator_salary_per_month": true}', "'operator_salary_per_month' must be a number, got true"),
    ("rates.yaml", "operator_salary_per_month: [1]\n", "'operator_salary_per_month' must be a number, got a list"),
    ("rates.yaml", "operator_salary_per_month: {unit: EUR}\n",
     "'operator_salary_per_month' is a mapping without 'value': write operator_salary_per_month: "
     "30 or operator_salary_per_month: {value: 30}"),
    ("rates.json", '{"operator_salary_per_month": NaN}', "'operator_salary_per_month' is nan: not a finite number"),
    ("rates.yaml", "operator_salary_per_month: '1,5'\n", "'operator_salary_per_month': '1,5': a comma only "
     "separates thousands, in groups of three (6,000); write decimals with a point (1.5)"),
    # horizon_months is also a question, which takes whole months: so does the rate
    ("rates.yaml", "horizon_months: 2.5\n", "'horizon_months' must be a whole number, got 2.5"),
    ("rates.yaml", "horizon_months: 24.000\n", "'horizon_months': '24.000': a point is a decimal point "
     "here; write thousands as 6000, 6,000 or 6 000"),
    ("rates.yaml", "currency: {value: true}\n", "'currency' must be an ISO 4217 currency code such as EUR "
     "or RUB, got 'true'"),
])
def test_a_rate_is_refused_in_the_tools_own_words(ccadvisor, tmp_path, name, content, line):
    """No Python spelling (None, True, ['1']) and no number YAML made up reaches the line."""
    bad = tmp_path / name
    bad.write_text(content)
    run = ccadvisor("cost", "--example", EXAMPLE, "--assumptions", str(bad))
    assert (run.code, run.err) == (2, f"ccadvisor: error: {bad}: {line}\n")
