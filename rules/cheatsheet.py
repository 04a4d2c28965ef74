"""Stage 2, sourcing: seed 003's cheat sheet, own contact centre versus outsourced call centre.

The cheat sheet closes seed 003 with four lines, each weighing an own centre against an
outsourcer: capital costs and payback, control and training of staff, quality of handling, and
confidentiality; the outsourcer's column adds where it is «Эффективно» (one-off outbound calling,
hotlines, marketing promotions, pronounced seasonality). Each line compares the two as one
statement, so it votes once, for the side its answer favours. Staff, training and handling are
about own people, at home or in a centre; capital, payback and premises about a centre only.
What a line argues is an argued factor; an aside («не всегда», «Опыт обработки типовых
обращений») is a hint. The capital line is a veto: without capital outlay no own centre can be
built (one the client runs already is not built).
"""
from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import BUILDING, HERE, heuristic
from expert.reasoning.options import OWN_CENTRE_RUNS
from rules.groups import (
    ARGUED,
    CORE,
    HINT,
    HYBRID,
    KEPT_CENTRE,
    OUTSIDE,
    OWN,
    OWN_CORE,
    SIDE_STREAM,
)
from rules.seeds import SEED_003

EFFECTIVE = "work_an_outsourcer_does_well"
EFFECTIVE_STREAM = "side_stream_an_outsourcer_does_well"
EFFECTIVE_QUOTE = ("Эффективно при необходимости проведения разового исходящего обзвона, обработки "
                   "звонков горячей линии или маркетинговой акции, при выраженной сезонности "
                   "бизнеса.")
EFFECTIVE_GLOSS = ("Effective for a one-off outbound calling round, hotline calls or a marketing "
                   "promotion, and with pronounced seasonality.")


class CheatSheetRules:
    @heuristic(
        Answer(question="capital_expenditure", value="no"),
        seed=SEED_003, excludes={BUILDING: HERE},
        quote="Необходимы капитальные затраты — помещение, оборудование, программное обеспечение.",
        gloss="An own centre needs capital outlay: premises, equipment, software.",
    )
    def no_capital_outlay_rules_out_building_a_centre():
        """Without capital outlay no own centre can be built.

        Seed 003, cheat sheet, first line: an own centre needs premises, equipment and software
        bought up front. It forbids building: a centre the client runs already is not ruled out,
        and neither is a home team or an outsourcer, which needs no capital spending."""

    @heuristic(
        Finding(name=OWN_CENTRE_RUNS),
        Answer(question="own_centre_too_costly", value="no"),
        seed=SEED_003, strength=ARGUED, favours=KEPT_CENTRE, finds=[CORE],
        quote="Быстрая окупаемость при грамотном выстраивании работы.",
        gloss="Quick payback when the work is organised competently.",
    )
    def own_centre_that_pays_its_way_is_kept():
        """An own centre the client runs at a reasonable cost pays its way: keep it as the core.

        Seed 003's cheat sheet: an own centre pays back quickly when its work is organised
        competently. Its capital is spent already; the work it does well is a core, kept in the
        own centre or as the hybrid's."""

    # «Эффективно при ...» is one sentence listing the work an outsourcer does well: any of its
    # items reaches one finding, and the sentence votes once for the outsourcer; the items that
    # are side streams beside a core also vote once for the hybrid, which gives them out.
    @heuristic(
        Answer(question="one_off_outbound", value="yes"),
        seed=SEED_003, finds=[EFFECTIVE, EFFECTIVE_STREAM, SIDE_STREAM],
        quote="Эффективно при необходимости проведения разового исходящего обзвона",
        gloss="Effective when a one-off outbound calling round is needed.",
    )
    def one_off_outbound_is_work_an_outsourcer_does_well():
        """A one-off outbound calling round is work an outsourcer does well: a side stream.

        Seed 003, cheat sheet, outsourcer column. Only findings: the sentence votes once."""

    @heuristic(
        Answer(question="hotline", value="yes"),
        seed=SEED_003, finds=[EFFECTIVE],
        quote="Эффективно при необходимости … обработки звонков горячей линии",
        gloss="Effective for handling hotline calls.",
    )
    def hotline_is_work_an_outsourcer_does_well():
        """A hotline is work an outsourced call centre does well.

        Seed 003, cheat sheet, outsourcer column. A hotline is the line itself, not a stream
        beside a core. Only a finding: the sentence votes once."""

    @heuristic(
        Answer(question="planned_spikes", value="yes"),
        seed=SEED_003, finds=[EFFECTIVE, EFFECTIVE_STREAM, SIDE_STREAM],
        quote="Эффективно при необходимости … маркетинговой акции",
        gloss="Effective for a marketing promotion.",
    )
    def marketing_promotion_is_work_an_outsourcer_does_well():
        """A marketing promotion is work an outsourcer does well: a side stream.

        Seed 003 says it twice, in the questionnaire's outsourced column and in the cheat sheet;
        for sourcing it counts once, here, where the seed argues it."""

    @heuristic(
        Answer(question="pronounced_seasonality", value="yes"),
        seed=SEED_003, finds=[EFFECTIVE, EFFECTIVE_STREAM, SIDE_STREAM],
        quote="при выраженной сезонности бизнеса",
        gloss="With pronounced seasonality of the business.",
    )
    def seasonal_peaks_are_work_an_outsourcer_does_well():
        """Seasonal peaks are work an outsourcer does well: a side stream.

        Seed 003, cheat sheet, outsourcer column. Only findings: the sentence votes once."""

    @heuristic(
        Finding(name=EFFECTIVE),
        seed=SEED_003, strength=ARGUED, favours=OUTSIDE,
        quote=EFFECTIVE_QUOTE,
        gloss=EFFECTIVE_GLOSS,
    )
    def outsourcer_is_effective_for_this_work():
        """The work is of a kind an outsourced call centre handles effectively.

        Seed 003, cheat sheet, outsourcer column: «Эффективно при ...», an argued factor,
        counted once however many of its kinds of work the client has."""

    @heuristic(
        Finding(name=EFFECTIVE_STREAM),
        seed=SEED_003, strength=ARGUED, favours=HYBRID,
        quote=EFFECTIVE_QUOTE,
        gloss=EFFECTIVE_GLOSS,
    )
    def side_streams_an_outsourcer_handles_well_suit_a_hybrid():
        """The side streams an outsourcer handles effectively can go out beside an own core.

        Seed 003's same sentence, for the hybrid: one-off rounds, promotions and seasonal peaks
        are streams the hybrid gives to its outsourcer."""

    @heuristic(
        Answer(question="staff_control_training", value="yes"),
        seed=SEED_003, strength=ARGUED, favours=OWN,
        quote="Затраты на персонал, но возможность полного контроля, гибкая подстройка "
              "бизнес-процессов, качественное обучение персонала.",
        gloss="Staff costs, but full control, flexible tuning of business processes, quality "
              "training of the staff.",
    )
    def control_and_training_stay_with_own_staff():
        """A company that must control and train its service staff keeps them its own.

        Seed 003, cheat sheet, second line: own staff cost money, but can be fully controlled and
        trained (at an outsourcer the client cannot influence training). The questionnaire's row
        on the same point votes only at the need stage."""

    @heuristic(
        Answer(question="dedicated_operators", value="yes"),
        seed=SEED_003, strength=ARGUED, favours=OWN,
        quote="Возможность мотивации и развития персонала в соответствии со своими "
              "предпочтениями. … работа операторов на нескольких проектах … Высокий уровень "
              "текучки по отрасли.",
        gloss="Own staff can be motivated and developed as you prefer; an outsourcer's operators "
              "work on several projects, and the industry's turnover is high.",
    )
    def dedicated_operators_favour_own_staff():
        """Operators who must work only for you, and stay, are your own.

        Seed 003, cheat sheet, second line: an outsourcer's operators work on several projects
        and the industry's turnover is high; own staff can be motivated and developed."""

    @heuristic(
        Answer(question="highly_qualified_operators", value="yes"),
        seed=SEED_003, strength=HINT, against=OUTSIDE,
        quote="Опыт работы на телефоне, но не всегда высокий уровень квалификации операторов",
        gloss="Telephone experience, but not always a high level of operator qualification.",
    )
    def high_qualification_is_not_assured_at_an_outsourcer():
        """Operators who must be highly qualified are not assured at an outsourcer.

        Seed 003, cheat sheet, outsourcer column: telephone experience, but «не всегда» (not
        always) a high qualification: a hint against."""

    @heuristic(
        Answer(question="complaint_handling", value="yes"),
        seed=SEED_003, strength=ARGUED, favours=OWN_CORE, finds=[CORE],
        quote="Более высокое качество обработки обращений клиентов, работы с претензиями, гибкая "
              "реакция на запросы.",
        gloss="Higher quality handling of requests and complaints, a flexible reaction to queries.",
    )
    def complaint_handling_favours_own_staff():
        """Complaints and non-standard requests that need a flexible reaction favour own staff.

        Seed 003, cheat sheet, third line, own-centre column. They are a stream of their own,
        so they are a core the hybrid can keep in-house while side streams go out."""

    @heuristic(
        Answer(question="fix_errors_fast", value="yes"),
        seed=SEED_003, strength=HINT, favours=OWN,
        quote="Возможность быстрой корректировки типовых ошибок.",
        gloss="Typical errors can be corrected quickly.",
    )
    def fixing_typical_errors_fast_favours_own_staff():
        """Typical errors that must be corrected at once favour own staff.

        Seed 003, cheat sheet, third line, own-centre column, named in passing: a hint."""

    @heuristic(
        Answer(question="complaint_handling", value="no"),
        seed=SEED_003, strength=HINT, favours=OUTSIDE,
        quote="Опыт обработки типовых обращений.",
        gloss="Experience in handling typical requests.",
    )
    def typical_requests_suit_outsourcer_experience():
        """Typical requests, with no complaints that need a flexible reaction, match an outsourcer's experience.

        Seed 003, cheat sheet, third line, outsourcer column."""

    @heuristic(
        Answer(question="confidential_data", value="yes"),
        seed=SEED_003, strength=ARGUED, favours=OWN_CORE, finds=[CORE],
        quote="Конфиденциальность клиентской информации. Предоставление информации о клиентах "
              "стороннему поставщику услуг. Возможность утечки конфиденциальной информации.",
        gloss="Customer information stays confidential with own staff; an outsourcer receives it, "
              "with a risk of leaks.",
    )
    def confidential_data_stays_with_own_staff():
        """Confidential customer data stays with own staff: a core to keep in-house.

        Seed 003, cheat sheet, last line, one comparison: an own centre keeps customer
        information confidential; an outsourcer receives it, with a risk of leaks. An own CRM
        alone is no such argument."""
