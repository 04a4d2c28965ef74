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
    assert "decided at the need stage: nothing substantial speaks against it" in " ".join(text.split())
    assert "WHAT WOULD CHANGE" not in text and "COST OVER" not in text  # not computed: not shown


def test_reasons_split_for_and_against_strongest_first():
    result = advise(load_example("network_explosive_growth")[0])
    result.evidence = [{"option": "hybrid", "weight": w, "rule": r} for w, r in
                       ((1, "need_to_scale_suits_a_centre"),
                        (-2, "need_to_scale_strains_own_centre"),
                        (3, "explosive_growth_offloaded_to_outsourcer"),
                        (-1, "campaigns_go_out_even_from_own_centres"))]
    pros, cons = reasons(result, "hybrid")
    assert [r["weight"] for r in pros] == [3, 1] and [r["weight"] for r in cons] == [-2, -1]
    assert pros[0]["article"]["title"].startswith("Hybrid contact centres")
