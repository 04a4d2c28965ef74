"""Stage 3: follow-up advice for the recommended option (and the runner-up on a close call).

These rules match the ``Recommended`` fact that the decision step declares after the evidence
has been weighed, so they never change the scores; they only add advice items
(``expert/data/advice.yaml``).
"""
from experta import L

from expert.facts import Recommended
from expert.heuristic import heuristic
from rules.seeds import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004


class FollowUpRules:
    @heuristic(
        Recommended(option=L("outsource") | L("hybrid")),
        seed=SEED_002, advice=["vendor_checklist", "vendor_pricing"],
        quote="общата цена на проекта обикновено се състои от две части: постоянна … променлива",
        gloss="The project's total price usually has two parts: a fixed one and a variable one.",
    )
    def outsourcing_calls_for_vendor_checklist():
        """Outsourcing brings in the vendor-choice checklist and the usual pricing model.

        Seed 002: choose by specialisation and scale, talk to vendors live, demand reporting and
        recordings; price is a fixed set-up part plus a per-minute part."""

    @heuristic(
        Recommended(option=L("outsource") | L("hybrid")),
        seed=SEED_000, advice=["outsourcer_needs_feeding"],
        quote="подключить внешний контактный центр и \"забыть\" точно не получится",
        gloss="You certainly cannot connect an external contact centre and forget it.",
    )
    def outsourcer_cannot_be_forgotten():
        """An outsourcer must be kept informed: it cannot be connected and forgotten.

        Seed 000: operators will not guess that the price list changed or that answers must now
        be given in English."""

    @heuristic(
        Recommended(option="hybrid"),
        seed=SEED_004, advice=["hybrid_one_team"],
        quote="очень четко очертить границы ответственности и поставить непротиворечивые KPI "
              "для каждого участника процесса",
        gloss="Draw the boundaries of responsibility very clearly and set non-contradictory KPIs for each party.",
    )
    def hybrid_needs_boundaries_and_kpis():
        """A hybrid works as one team with clear boundaries and non-contradictory KPIs.

        Seed 004: the own and the outsourced centre share one goal and one set of criteria."""

    @heuristic(
        Recommended(option="in_house"),
        seed=SEED_000, advice=["in_house_build_plan"],
        quote="Стоимость создания контактного центра включает в себя постоянные затраты на "
              "аренду помещения, услуги связи, заработную плату, использования CRM-систем",
        gloss="Building a centre has fixed costs (premises, telecom, salaries, CRM) and variable ones (hiring, training, upkeep).",
    )
    def own_centre_needs_a_build_plan():
        """An own centre needs a build plan: up to six months, fixed and variable costs, a PBX.

        Seed 000: launch can take half a year; costs are premises, telecom, salaries, CRM,
        hiring, training, upkeep, and a PBX to deploy."""

    @heuristic(
        Recommended(option="home_team"),
        seed=SEED_001, advice=["home_team_cautions"],
        quote="отсутствие юридической безопасности, а также отсутствие договоров на гарантию "
              "качества услуг",
        gloss="No legal protection and no contracts guaranteeing the quality of service.",
    )
    def home_team_comes_with_cautions():
        """A home-based team comes with risks and hidden costs.

        Seed 001: no legal protection, no quality guarantee, operators who leave without notice,
        and the time and money spent on hiring, training and infrastructure."""

    @heuristic(
        Recommended(option="none"),
        seed=SEED_003, advice=["revisit_triggers"],
        quote="Секретарь и/или сотрудники справляются с входящими звонками.",
        gloss="The secretary and/or staff cope with the incoming calls.",
    )
    def no_centre_until_triggers_appear():
        """Without a centre, watch for the signs in seed 003's other columns.

        Seed 003: lost calls, staff pulled off their work, 1000+ customers, 5+ people on calls
        are the signs that a centre has become necessary."""
