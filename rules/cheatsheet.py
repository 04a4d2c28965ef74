"""Stage 3, sourcing: seed 003's cheat sheet, own contact centre versus outsourced call centre.

The cheat sheet closes seed 003 with four lines, each weighing an own centre against an
outsourcer: capital costs and payback, control and training of staff, quality of handling, and
confidentiality; the outsourcer's column adds where it is effective (one-off outbound calling,
hotlines, marketing promotions, pronounced seasonality). Where it says an outsourcer is
«Эффективно», that is an argued factor (2); an advantage named in passing is a hint (1). The
capital line is a veto: without capital outlay there is no own centre to build.
"""
from expert.reasoning.facts import Answer
from expert.reasoning.heuristic import heuristic
from rules.seeds import SEED_003


class CheatSheetRules:
    @heuristic(
        Answer(question="capital_expenditure", value="no"),
        seed=SEED_003, excludes={"in_house": "here"}, evidence={"outsource": 1},
        quote="Необходимы капитальные затраты — помещение, оборудование, программное обеспечение. "
              "… Высокая абонентская плата за услуги, но нет необходимости в капитальных тратах.",
        gloss="An own centre needs capital outlay (premises, equipment, software); an outsourcer "
              "charges a high fee but needs no capital spending.",
    )
    def no_capital_outlay_rules_out_own_centre():
        """Without capital outlay an own centre cannot be built: it is out; an outsourcer needs none.

        Seed 003, cheat sheet, first line: an own centre needs premises, equipment and software
        bought up front; an outsourcer needs none of that, only a high monthly fee."""

    @heuristic(
        Answer(question="one_off_outbound", value="yes"),
        seed=SEED_003, evidence={"outsource": 2}, finds=["side_stream_for_outsourcer"],
        quote="Эффективно при необходимости проведения разового исходящего обзвона",
        gloss="Effective when a one-off outbound calling round is needed.",
    )
    def one_off_outbound_calling_suits_outsourcing():
        """A one-off outbound calling round is work for an outsourcer.

        Seed 003, cheat sheet, outsourcer column: where an outsourced call centre is effective."""

    @heuristic(
        Answer(question="hotline", value="yes"),
        seed=SEED_003, evidence={"outsource": 2},
        quote="Эффективно при необходимости … обработки звонков горячей линии",
        gloss="Effective for handling hotline calls.",
    )
    def hotline_suits_outsourcing():
        """A hotline is work an outsourced call centre handles effectively.

        Seed 003, cheat sheet, outsourcer column."""

    @heuristic(
        Answer(question="planned_spikes", value="yes"),
        seed=SEED_003, evidence={"outsource": 2}, finds=["side_stream_for_outsourcer"],
        quote="Эффективно при необходимости … маркетинговой акции",
        gloss="Effective for a marketing promotion.",
    )
    def marketing_promotion_suits_outsourcing():
        """A marketing promotion is work an outsourced call centre handles effectively.

        Seed 003 says it twice, in the questionnaire's outsourced column and in the cheat sheet;
        it is counted once, here, where the seed argues it (the questionnaire row only says a
        centre is needed)."""

    @heuristic(
        Answer(question="pronounced_seasonality", value="yes"),
        seed=SEED_003, evidence={"outsource": 2}, finds=["side_stream_for_outsourcer"],
        quote="при выраженной сезонности бизнеса",
        gloss="With pronounced seasonality of the business.",
    )
    def pronounced_seasonality_suits_outsourcing():
        """Seasonal peaks are served well by an outsourcer.

        Seed 003, cheat sheet, outsourcer column."""

    @heuristic(
        Answer(question="staff_control_training", value="yes"),
        seed=SEED_003, evidence={"outsource": -1},
        quote="невозможность влиять на процесс обучения",
        gloss="No way to influence how the operators are trained.",
    )
    def outsourcer_training_is_out_of_reach():
        """A company that must control and train its service staff cannot do so at an outsourcer.

        Seed 003, cheat sheet, second line: at an outsourcer the client cannot influence training."""

    @heuristic(
        Answer(question="dedicated_operators", value="yes"),
        seed=SEED_003, evidence={"in_house": 1, "outsource": -1},
        quote="работа операторов на нескольких проектах … Высокий уровень текучки по отрасли.",
        gloss="Operators work on several projects; high staff turnover across the industry.",
    )
    def dedicated_operators_favour_own_centre():
        """Operators who must work only for you, and stay, favour an own centre.

        Seed 003, cheat sheet, second line: an outsourcer's operators work on several projects
        and the industry's turnover is high; an own centre can motivate and develop its staff."""

    @heuristic(
        Answer(question="complaint_handling", value="yes"),
        seed=SEED_003, evidence={"in_house": 1},
        quote="Более высокое качество обработки обращений клиентов, работы с претензиями, гибкая "
              "реакция на запросы.",
        gloss="Higher quality handling of requests and complaints, a flexible reaction to queries.",
    )
    def complaint_handling_favours_own_centre():
        """Complaints and non-standard requests that need a flexible reaction favour an own centre.

        Seed 003, cheat sheet, third line, own-centre column."""

    @heuristic(
        Answer(question="complaint_handling", value="no"),
        seed=SEED_003, evidence={"outsource": 1},
        quote="Опыт обработки типовых обращений.",
        gloss="Experience in handling typical requests.",
    )
    def typical_requests_suit_outsourcer_experience():
        """Typical requests, with no complaints that need a flexible reaction, match an outsourcer's experience.

        Seed 003, cheat sheet, third line, outsourcer column."""

    @heuristic(
        Answer(question="confidential_data", value="yes"),
        seed=SEED_003, evidence={"outsource": -2}, finds=["core_for_own_centre"],
        quote="Предоставление информации о клиентах стороннему поставщику услуг. Возможность "
              "утечки конфиденциальной информации.",
        gloss="Customer information goes to a third-party provider; confidential data may leak.",
    )
    def confidential_data_at_risk_with_outsourcer():
        """Confidential customer data argues against an outsourcer, and makes a core to keep in-house.

        Seed 003, cheat sheet, last line: an own centre keeps customer information confidential;
        an outsourcer receives it, with a risk of leaks. An own CRM alone is no such argument."""

