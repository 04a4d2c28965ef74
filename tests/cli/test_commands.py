"""Each foundation command as a user runs it."""
import json

import pytest

from expert.inputs.examples import example_names
from expert.reasoning.options import option_ids

# The documented recommendation of every bundled example and the stage that decided it
# (docs/reference.md lists the same).
EXPECTED = {
    "clinic_core_with_campaigns": ("hybrid", "sourcing"),
    "home_team_startup": ("home_team", "sourcing"),
    "network_explosive_growth": ("hybrid", "sourcing"),
    "new_year_promotion": ("outsource", "sourcing"),
    "outsourced_vendor_falls_behind": ("outsource", "sourcing"),
    "regular_inbound_midsize": ("outsource", "sourcing"),
    "small_office_secretary_copes": ("none", "need"),
    "specialist_equipment_support": ("in_house", "sourcing"),
    "specialist_line_staged_plan": ("outsource", "sourcing"),
}


def test_examples_lists_name_then_description(ccadvisor):
    run = ccadvisor("examples")
    lines = run.out.splitlines()
    assert run.code == 0 and len(lines) >= 5
    names = [line.split()[0] for line in lines]
    assert names == example_names()
    assert all(len(line.split(None, 1)) == 2 for line in lines)  # every one has a description


def test_every_example_is_documented():
    assert set(EXPECTED) == set(example_names())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_gives_its_documented_recommendation(ccadvisor, name):
    report = json.loads(ccadvisor("advise", "--example", name, "--format", "json").out)
    option, stage = EXPECTED[name]
    assert report["recommendation"]["option"] == option
    assert report["recommendation"]["decided_by"] == stage


def test_examples_reach_every_option():
    assert {option for option, _ in EXPECTED.values()} == set(option_ids())


def test_advise_json_has_the_documented_shape(ccadvisor):
    report = json.loads(ccadvisor("advise", "--example", "new_year_promotion", "--format", "json").out)
    assert set(report["recommendation"]) >= {"option", "confidence"}
    assert 0 <= report["recommendation"]["confidence"] <= 1
    assert set(report["scores"]) >= set(option_ids())
    sourcing = {o: report["scores"][o] for o in ("in_house", "outsource", "hybrid")}
    assert max(sourcing, key=sourcing.get) == "outsource"
    assert [s["id"] for s in report["stages"]] == ["need", "sourcing"]
    assert report["stages"][1]["winner"] == "outsource"
    excluded = {o["option"]: o["excluded"] for o in report["stages"][1]["options"]}
    assert excluded["in_house"][0]["rule"] == "short_term_task_does_not_justify_building_an_own_centre"
    assert excluded["hybrid"][0]["rule"] == "short_term_task_does_not_justify_building_an_own_centre"
    fired = report["fired_rules"]
    assert fired and all(set(f) >= {"id", "title", "source", "because"} for f in fired)
    short_term = next(f for f in fired if f["id"] == "short_term_task_favours_outsourcing")
    assert short_term["because"] == {"period": "short_term"}
    assert short_term["source"] == "000_094a889f70470e6c.txt"
    assert [a["item"] for a in report["advice"]][:1] == ["vendor_checklist"]
    assert report["answers"]["period"] == "short_term"


def test_advise_text_shows_recommendation_stages_chain_and_advice(ccadvisor):
    out = ccadvisor("advise", "--example", "network_explosive_growth").out
    appendix = out.index("APPENDIX: HOW THE ADVICE WAS REACHED")
    assert out.index("RECOMMENDATION\n  Hybrid - own core, outsourced side streams.") < appendix
    assert "RECOMMENDATION: Hybrid - own core, outsourced side streams [hybrid]" in out[appendix:]
    assert "Decided at the sourcing stage." in out[appendix:]
    stages = out.index("Stages (")
    chain = out.index("The chain of rules")
    assert appendix < stages
    advice = out.index("\nAdvice, by topic\n")
    assert stages < chain < advice
    assert "x home_team: excluded" not in out[stages:chain]  # nothing the seeds say forbids it
    assert "in_house     +2  for 3, against 1; CF 0.50" in out[stages:chain]
    assert "explosive_growth_is_a_side_stream  [004_56472794fa4e6891.txt]" in out
    assert "because explosive_growth = yes" in out
    assert "Running the hybrid as one team" in out[advice:]
    assert "To the outsourcer: the load the own centre cannot absorb" in out[advice:]


def test_advise_markdown_and_html(ccadvisor):
    md = ccadvisor("advise", "--example", "small_office_secretary_copes", "--format", "md").out
    assert md.startswith("# Advice on handling customer contacts for Small accounting office")
    assert "## Recommendation: No dedicated contact centre (`none`)" in md
    html = ccadvisor("advise", "--example", "small_office_secretary_copes", "--format", "html").out
    assert html.startswith("<!DOCTYPE html>") and 'id="chain"' in html


def test_html_escapes_client_text(ccadvisor, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text('meta:\n  client: "<script>alert(1)</script> & Co"\n  notes:\n    period: "<b>bold</b>"\n'
                    "period: short_term\n")
    html = ccadvisor("advise", "--answers", str(path), "--format", "html").out
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_advise_output_file(ccadvisor, tmp_path):
    out = tmp_path / "r.md"
    run = ccadvisor("advise", "--example", "home_team_startup", "--format", "md", "--output", str(out))
    assert run.code == 0 and run.out == "" and out.read_text().startswith("# Advice on handling customer contacts")


def test_questions_json(ccadvisor):
    questions = json.loads(ccadvisor("questions", "--format", "json").out)
    by_id = {q["id"]: q for q in questions}
    assert {q["type"] for q in questions} == {"yes_no", "choice", "number"}
    assert all(q["text"].endswith("?") and q["source"] for q in questions)
    assert by_id["period"]["choices"] == ["short_term", "long_term"]
    assert by_id["customer_base"]["min"] == 0 and "max" in by_id["customer_base"]
    assert "choices" not in by_id["planned_spikes"]


def test_questions_text(ccadvisor):
    out = ccadvisor("questions").out
    assert "period  (choice)  [000_094a889f70470e6c.txt]" in out
    assert "    short_term: A short-term task or campaign" in out


def test_rules_json_and_text(ccadvisor):
    rules = json.loads(ccadvisor("rules", "--format", "json").out)
    by_id = {r["id"]: r for r in rules}
    rule = by_id["short_term_task_favours_outsourcing"]
    assert rule["source"] == "000_094a889f70470e6c.txt" and rule["title"]
    assert rule["conditions"][0]["formal"] == "period = short_term"
    assert rule["conclusion"]["evidence"] == {"outsource": 3, "hybrid": 3}
    assert rule["stage"] == "sourcing"
    assert rule["conditions"][1]["formal"] == "stage sourcing open"
    assert rule["strength"] == "categorical"
    veto = by_id["short_term_task_does_not_justify_building_an_own_centre"]
    assert veto["conclusion"]["excludes"] == {"building": "here"}
    text = ccadvisor("rules").out
    assert ("  IF   period = short_term AND stage sourcing open\n  THEN outsource +3, hybrid +3; find side_stream_for_outsourcer\n") in text
    assert "  THEN exclude building an own centre for this client\n" in text
