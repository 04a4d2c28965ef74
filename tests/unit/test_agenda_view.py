"""The step REPL's agenda shows the key the engine really orders by, and the right reason."""
import pytest

from expert.explain.memory import agenda_model
from expert.inputs.examples import example_names, load_example
from expert.reasoning.advisor import advise
from expert.reasoning.engine import AdvisorEngine


@pytest.mark.parametrize("example", example_names())
def test_each_activation_precedes_the_next_for_the_reason_shown(example):
    agendas = []
    engine = AdvisorEngine(before_firing=lambda eng, waiting: agendas.append(
        (agenda_model(eng, waiting)["agenda"], [eng.conflict_key(a) for a in waiting])))
    result = advise(load_example(example)[0], engine=engine)
    assert [rows[0]["rule"] for rows, _ in agendas] == [f.rule for f in result.firings]
    pairs = 0
    for rows, keys in agendas:
        for i in range(len(rows) - 1):
            assert keys[i] > keys[i + 1]  # the agenda is in the order of the key shown
            first, second = rows[i], rows[i + 1]
            reason = first["before_next"]["by"]
            if first["salience"] != second["salience"]:
                assert reason == "salience"
            elif first["fact_ids"] != second["fact_ids"]:
                assert reason in ("older_fact", "more_facts")
                if reason == "older_fact":
                    assert first["before_next"]["first"] < first["before_next"]["second"]
            else:
                assert reason == "rule_order" and first["position"] < second["position"]
            pairs += 1
    assert pairs
