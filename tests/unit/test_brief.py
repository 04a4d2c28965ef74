"""client_page on its own: the one function that builds the client page from a Result."""
from dataclasses import replace

from expert.inputs.examples import load_example
from expert.reasoning.advisor import advise
from expert.report.brief import client_page, reasons
from expert.report.render import render


def test_a_decision_with_no_rival_left_still_renders():
    result = advise(load_example("small_office_secretary_copes")[0])
    alone = replace(result, decision=replace(result.decision, ranking=(result.decision.option,)))
    page = client_page(alone)
    assert page["runner_up"] is None
    text = render("brief", "text", {"page": page, "client": "", "description": ""}, width=80)
    # Only the stage that decided was left: the page says so, and names no rival.
    assert "decided at the need stage" in " ".join(text.split())
    assert page["certainty"]["rival"] == "" and "compared with" not in text
    assert "WHAT WOULD CHANGE" not in text and "COST OVER" not in text  # not computed: not shown


def test_reasons_split_for_and_against_strongest_first():
    result = advise(load_example("network_explosive_growth")[0])
    result.evidence = [{"option": "hybrid", "weight": w, "rule": r} for w, r in
                       ((1, "working_own_centre_takes_an_outsourcer_beside_it"),
                        (-2, "need_to_scale_strains_own_staff"),
                        (2, "side_streams_an_outsourcer_handles_well_suit_a_hybrid"),
                        (-1, "campaigns_go_out_even_from_own_centres"))]
    pros, cons = reasons(result, "hybrid")
    assert [r["weight"] for r in pros] == [2, 1] and [r["weight"] for r in cons] == [-2, -1]
    assert [r["strength"] for r in pros] == ["argued", "hint"]
    assert pros[0]["article"]["title"] == "When you need your own call centre"
