"""Follow-up for a company that already outsources: keep, switch or split, and how to govern it.

The seeds say much about governing an outsourcer (seed 000: it cannot be connected and forgotten;
seed 002: a curator, agreed control criteria, reporting, recordings, audit, reaction speed, and
that most failed projects fail on communication; seed 004: clear boundaries and
non-contradictory KPIs), and nothing about which option an existing contract favours. So these
rules only advise, once an outsourced (or hybrid) centre is recommended, on what goes wrong today.
"""
from expert.reasoning.facts import Answer, Recommended
from expert.reasoning.heuristic import L, heuristic
from rules.seeds import SEED_000, SEED_002

OUTSOURCING = L("outsource") | L("hybrid")
OUTSOURCING_TODAY = L("outsourcer") | L("mix")  # the outsourcer_problem question is for them
DETAIL = -1  # after the option's general advice (see rules/followup.py)


class ArrangementRules:
    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="current_arrangement", value=OUTSOURCING_TODAY),
        Answer(question="outsourcer_problem", value="communication"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_fix_communication_first"],
        quote="около 70% -78% от всички неуспешни опити за реализиране на проект с помощта на кол "
              "център са свързани именно с липса на разбиране между клиента и мениджъра",
        gloss="About 70-78% of all failed call-centre projects come from a lack of understanding "
              "between the client and the vendor's manager.",
    )
    def misunderstanding_is_fixed_before_switching():
        """When the trouble is misunderstanding, fix the communication before switching vendors.

        Seed 002: most failed projects fail on communication, which a new vendor would inherit."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="current_arrangement", value=OUTSOURCING_TODAY),
        Answer(question="outsourcer_problem", value="keeping_up"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_check_reaction_speed"],
        quote="Обезателно проверете скоростта на реакцията на възможни събития.",
        gloss="Be sure to check how fast it reacts to possible events.",
    )
    def slow_vendor_is_held_to_its_reaction_speed():
        """A vendor that does not keep up is held to its reaction speed, then measured.

        Seed 002 asks every client to check a vendor's reaction speed; agree it, measure it."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="current_arrangement", value=OUTSOURCING_TODAY),
        Answer(question="outsourcer_problem", value="quality"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_demand_reporting"],
        quote="пълна подробна отчетност",
        gloss="Full, detailed reporting.",
    )
    def poor_quality_is_met_with_reporting_and_recordings():
        """Poor quality is met with full reporting, call recordings and audit.

        Seed 002 lists what a client should ask a vendor for: full reporting, recordings,
        reconciliation of recordings with the report, and audit access."""

    @heuristic(
        Recommended(option="outsource"),
        Answer(question="current_arrangement", value=OUTSOURCING_TODAY),
        Answer(question="outsourcer_problem", value=L("keeping_up") | L("quality")),
        salience=DETAIL - 1, seed=SEED_002, advice=["vendor_switch_by_checklist"],
        quote="Следването на тези препоръки ще ви помогне да изберете кол центъра, в чиято работа "
              "няма да останете разочаровани",
        gloss="Following these recommendations will help you choose a call centre whose work "
              "will not disappoint you.",
    )
    def a_vendor_that_stays_behind_is_switched_by_the_checklist():
        """If the vendor still falls short once held to its terms, switch by the vendor checklist.

        Seed 002's checklist is how to choose a vendor that will not disappoint."""
