"""Stage 3: follow-up advice for the recommended option (and the runner-up on a close call).

These rules match the ``Recommended`` fact that the decision step declares after the evidence
has been weighed, so they never change the scores; they only add advice items
(``expert/data/advice.yaml``). Vendor choice (seed 002) has its own module, rules/vendor.py.
"""
from expert.reasoning.facts import Answer, Figure, Recommended
from expert.reasoning.heuristic import L, above, heuristic, one_of
from rules.seeds import SEED_000, SEED_001, SEED_003, SEED_004

OUTSOURCING = L("outsource") | L("hybrid")
# Advice that also depends on an answer is a detail of the option's general advice: without a
# lower salience it would come first (its answer is an older fact than Recommended).
DETAIL = -1
# Every option that runs a contact centre of some kind (all but "none").
ANY_CENTRE = L("home_team") | L("outsource") | L("hybrid") | L("in_house")


class FollowUpRules:
    @heuristic(
        Recommended(option=OUTSOURCING),
        seed=SEED_000, advice=["outsourcer_needs_feeding"],
        quote="подключить внешний контактный центр и \"забыть\" точно не получится",
        gloss="You certainly cannot connect an external contact centre and forget it.",
    )
    def outsourcer_cannot_be_forgotten():
        """An outsourcer must be kept informed: it cannot be connected and forgotten.

        Seed 000: operators will not guess that the price list changed or that answers must now
        be given in English."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="budget", value="limited"),
        salience=DETAIL, seed=SEED_001, advice=["outsourcer_what_you_pay_for"],
        quote="высокая скорость работы, так как в аутсорсинговых контакт-центрах процесс "
              "отлажен; высокая отказоустойчивость; гарантия результата. Из недостатков можно "
              "выделить более высокую стоимость работ",
        gloss="High speed, a debugged process, high fault tolerance and a guaranteed result; the "
              "drawback is a higher price.",
    )
    def outsourcer_sells_speed_and_guarantees_at_a_price():
        """On a limited budget, know what an outsourcer's higher price buys.

        Seed 001 lists the outsourcer's advantages (supervision, speed, fault tolerance, a
        guaranteed result) and its one drawback, the higher cost compared with remote employees."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="confidential_data", value="yes"),
        salience=DETAIL, seed=SEED_003, advice=["outsourcer_confidentiality"],
        quote="Предоставление информации о клиентах стороннему поставщику услуг. Возможность "
              "утечки конфиденциальной информации.",
        gloss="Customer information goes to a third-party provider; confidential data may leak.",
    )
    def confidential_data_needs_protection_at_outsourcer():
        """Confidential data handed to an outsourcer needs protecting.

        Seed 003, cheat sheet: outsourcing means giving customer information to a third party,
        with a risk of leaks."""

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
        Recommended(option="hybrid"),
        seed=SEED_000, advice=["hybrid_coordination"],
        quote="Важно правильно скоординировать работу специалистов, тогда и результат Вас порадует.",
        gloss="It is important to coordinate the specialists' work properly; then the result will please you.",
    )
    def mixed_model_needs_coordination():
        """The mixed model needs the work of both sides coordinated.

        Seed 000: part of the tasks stays with the internal centre and the rest goes to external
        ones; the result depends on coordinating them."""

    @heuristic(
        Recommended(option="in_house"),
        Answer(question="current_arrangement", value=one_of("staff", "home_team", "outsourcer")),
        salience=DETAIL, seed=SEED_000, advice=["in_house_build_plan"],
        quote="Стоимость создания контактного центра включает в себя постоянные затраты на "
              "аренду помещения, услуги связи, заработную плату, использования CRM-систем",
        gloss="Building a centre has fixed costs (premises, telecom, salaries, CRM) and variable ones (hiring, training, upkeep).",
    )
    def own_centre_needs_a_build_plan():
        """An own centre needs a build plan: up to six months, fixed and variable costs, a PBX.

        Seed 000: launch can take half a year; costs are premises, telecom, salaries, CRM,
        hiring, training, upkeep, and a PBX to deploy."""

    @heuristic(
        Recommended(option="in_house"),
        Figure(name="own_centre_late_by_months", value=above(0)),
        salience=DETAIL, seed=SEED_000, advice=["in_house_launch_gap"],
        quote="этот процесс может занимать до полугода. Тогда как аутсорсинговый контактный центр "
              "может начать принимать звонки сразу после обучения специалистов.",
        gloss="Deployment can take up to half a year, while an outsourcer can start taking calls "
              "right after training its specialists.",
    )
    def own_centre_may_miss_an_early_go_live():
        """An own centre may not be ready by the go-live: plan for the gap.

        Seed 000: deploying an own centre can take up to half a year; the launch time (the
        client's estimate, or the assumed one) ends after the go-live."""

    @heuristic(
        Recommended(option="in_house"),
        seed=SEED_003, advice=["in_house_control_and_training"],
        quote="Затраты на персонал, но возможность полного контроля, гибкая подстройка "
              "бизнес-процессов, качественное обучение персонала.",
        gloss="Staff costs, but full control, flexible tuning of business processes, quality training.",
    )
    def own_centre_pays_staff_for_full_control():
        """An own centre pays for its staff and gets full control and training in return.

        Seed 003, cheat sheet, second line, own-centre column: staff can be motivated and
        developed as the company prefers."""

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
        Recommended(option="home_team"),
        seed=SEED_001, advice=["home_team_pay_scheme"],
        quote="обычно действует схема оплаты — фикс + KPI",
        gloss="The usual payment scheme is a fixed part plus KPI.",
    )
    def home_team_is_paid_fix_plus_kpi():
        """Home-based operators are usually paid a fixed part plus KPI.

        Seed 001: the cheapest option, with a pay scheme tied to results."""

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

    @heuristic(
        Recommended(option=L("in_house") | L("outsource") | L("hybrid")),
        Answer(question="period", value="long_term"),
        salience=DETAIL, seed=SEED_000, advice=["long_term_either_way"],
        quote="Для решения долгосрочных задач можно использовать и тот, и другой варианты.",
        gloss="For long-term tasks either option can be used.",
    )
    def long_term_work_can_go_either_way():
        """For long-term work both an own centre and an outsourcer remain possible.

        Seed 000: only short-term tasks are clearly for an outsourcer; for long-term ones the
        other factors decide, so the runner-up deserves a look."""

    @heuristic(
        Recommended(option=ANY_CENTRE),
        Answer(question="priority_goal", value=one_of("cost", "quality", "sales", "reliability")),
        salience=DETAIL, seed=SEED_004, advice=["measure_against_goals"],
        quote="Оценка эффективности зависит от бизнес-целей заказчика. … Разница – в весомости "
              "каждой из этих целей",
        gloss="Assessing effectiveness depends on the client's business goals; the difference "
              "lies in the weight of each goal.",
    )
    def effectiveness_is_measured_against_the_goals():
        """Measure the centre's effectiveness against the client's goals, weighted as the client weighs them.

        Seed 004: the goals are nearly always the same (lower costs, better service, more sales,
        reliable service); what differs is their weight. The same methods work for an own and an
        outsourced centre. The seed does not say which option each goal favours, so this is
        advice, not evidence."""

    @heuristic(
        Recommended(option=L("in_house") | L("hybrid"), rank="later"),
        seed=SEED_000, advice=["staged_plan_build_later"],
        quote="Перед запуском собственного контактного центра стоит учитывать сроки его "
              "развертывания, этот процесс может занимать до полугода.",
        gloss="Before launching an own centre, count its deployment time: it can take up to half "
              "a year.",
    )
    def own_centre_later_the_calls_taken_meanwhile():
        """The own centre is the long-run favourite but cannot be ready in time: a staged plan.

        Seed 000: an own centre takes up to half a year to deploy; what rules building out only
        for now (a go-live before the own centre can launch) calls for a staged plan, and the
        recommendation for now takes the calls meanwhile."""

    @heuristic(
        Recommended(option=L("in_house") | L("hybrid"), rank="later"),
        Recommended(option="outsource", rank="chosen"),
        salience=DETAIL, seed=SEED_000, advice=["staged_plan_outsource_first"],
        quote="Тогда как аутсорсинговый контактный центр может начать принимать звонки сразу "
              "после обучения специалистов.",
        gloss="Whereas an outsourced centre can start taking calls right after training its "
              "specialists.",
    )
    def outsourcer_first_while_the_own_centre_is_built():
        """When the staged plan starts with an outsourcer, it takes the calls right after training.

        Seed 000: an outsourced centre can start taking calls right after its specialists are
        trained."""

    @heuristic(
        Recommended(option="outsource"),
        Answer(question="task_complexity", value="specialist"),
        salience=DETAIL, seed=SEED_000, advice=["outsourcer_specialist_knowledge"],
        quote="В теории, найти контактный центр, в котором работают физики-ядерщики, конечно, "
              "можно... На практике же скорее всего это будут пустые обещания.",
        gloss="In theory you can find a contact centre staffed by nuclear physicists; in practice "
              "it will most likely be empty promises.",
    )
    def specialist_knowledge_at_an_outsourcer_must_be_proven():
        """Specialist work at an outsourcer: test the knowledge, and feed it.

        Seed 000: an outsourcer's promise of narrow specialist knowledge is most likely empty;
        the knowledge must be transferred and checked."""

    @heuristic(
        Recommended(option="hybrid"),
        seed=SEED_000, advice=["hybrid_core_in_house"],
        quote="часть задач решается внутренним call-центром",
        gloss="Part of the tasks is handled by the internal call centre.",
    )
    def hybrid_keeps_the_core_in_house():
        """In the hybrid, the core work stays with the own centre (the one the client runs, or one built for it).

        Seed 000's mixed model: part of the tasks stays with the internal centre. The core it
        keeps is named below, stream by stream."""

    @heuristic(
        Recommended(option="in_house"),
        Answer(question="current_arrangement", value=one_of("own_centre", "mix")),
        salience=DETAIL, seed=SEED_004, advice=["in_house_keep_and_measure"],
        quote="методики эти одни и те же как для собственного, так и для аутсорсингового "
              "контакт-центра",
        gloss="The methods are the same for an own and an outsourced contact centre.",
    )
    def own_centre_is_kept_and_measured():
        """Keep the own centre, and measure it as an outsourcer would be measured.

        Seed 004: the methods of assessing a centre's effectiveness are the same for an own and an
        outsourced one: costs, quality, sales and reliability can all be measured."""
