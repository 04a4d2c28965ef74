"""Stage 2: which sourcing model - home_team, in_house, outsource or hybrid.

Weights: 1 a hint, 2 a factor the seed argues for, 3 a seed's categorical statement.
"""
from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import heuristic, one_of
from rules.seeds import SEED_000, SEED_001, SEED_004


class SourcingRules:
    @heuristic(
        Answer(question="task_complexity", value="simple"),
        seed=SEED_000, evidence={"outsource": 2},
        quote="Простые задачи правильнее отдать на решение внешнему контактному центру",
        gloss="Simple tasks are better handed to an external contact centre.",
    )
    def simple_tasks_favour_outsourcing():
        """Simple tasks are better handed to an outsourced centre.

        Seed 000: your own specialists' time is then spent better."""

    @heuristic(
        Answer(question="task_complexity", value="specialist"),
        seed=SEED_000, evidence={"in_house": 2, "outsource": -1},
        quote="если требуются узкопрофильные знания и навыки, то внутренний контактный центр "
              "выглядит предпочтительнее",
        gloss="If narrow specialist knowledge and skills are needed, an internal centre looks preferable.",
    )
    def specialist_tasks_favour_own_centre():
        """Tasks needing narrow specialist knowledge favour an own centre.

        Seed 000: an outsourcer staffed by nuclear physicists is, in practice, an empty promise."""

    @heuristic(
        Answer(question="period", value="short_term"),
        seed=SEED_000, evidence={"outsource": 3, "in_house": -1},
        quote="При краткосрочных задачах однозначно рекомендуется использоваться услуги внешнего партнера.",
        gloss="For short-term tasks an external partner is unambiguously recommended.",
    )
    def short_term_task_favours_outsourcing():
        """A short-term task (such as a holiday promotion) clearly goes to an outsourcer.

        Seed 000: setting up an own centre, finding and training staff is not worth it for, say,
        a New Year promotion."""

    @heuristic(
        Answer(question="rapid_scaling", value="yes"),
        seed=SEED_001, evidence={"outsource": 1},
        quote="Аутсорсинговый контакт-центр подойдет тем компаниям, у которых … необходимо масштабироваться",
        gloss="An outsourced contact centre suits companies that need to scale.",
    )
    def need_to_scale_favours_outsourcing():
        """A flow that must be scaled quickly favours an outsourcer.

        Seed 001 lists the need to scale among the reasons to outsource; seed 000 asks the same
        question of anyone planning an own centre."""

    @heuristic(
        Answer(question="has_own_centre", value="yes"),
        Answer(question="campaigns_or_acquisition", value="yes"),
        seed=SEED_000, evidence={"hybrid": 2},
        quote="К услугам аутсорсинговых центров обращаются в том числе и компании, имеющие "
              "собственные контактные центры, например, во время проведения рекламных кампаний "
              "или для привлечения новых клиентов.",
        gloss="Companies with their own centres also use outsourcers, e.g. for ad campaigns or customer acquisition.",
    )
    def own_centre_outsources_campaigns():
        """A company with its own centre hands campaigns and customer acquisition to an outsourcer.

        Seed 000: that is the mixed model - the own centre keeps its work, the campaign goes out."""

    @heuristic(
        Answer(question="has_own_centre", value="yes"),
        Answer(question="explosive_growth", value="yes"),
        seed=SEED_004, evidence={"hybrid": 3},
        quote="Часть этой возникшей нагрузки они передают нам, так как это быстрее и проще "
              "сделать, чем наращивать мощности собственного контакт-центра",
        gloss="They pass part of the new load to us: faster and simpler than growing their own centre.",
    )
    def explosive_growth_offloaded_to_outsourcer():
        """Explosive growth on top of an own centre is offloaded in part to an outsourcer.

        Seed 004: renting ready capacity beats finding and training staff and buying equipment
        when there is no time."""

    @heuristic(
        Answer(question="has_own_centre", value="no"),
        Answer(question="explosive_growth", value="yes"),
        seed=SEED_004, evidence={"outsource": 2, "in_house": -1},
        quote="это быстрее и проще сделать, чем … искать и обучать персонал, закупать и "
              "устанавливать оборудование – на это у клиента просто нет времени",
        gloss="Faster and simpler than finding and training staff and buying equipment: there is no time.",
    )
    def explosive_growth_without_own_centre_favours_outsourcing():
        """Explosive growth with no own centre in place favours an outsourcer.

        Seed 004: building capacity (staff, training, equipment) is slower than renting it."""

    @heuristic(
        Answer(question="has_own_centre", value="yes"),
        Answer(question="own_centre_too_costly", value="yes"),
        seed=SEED_004, evidence={"outsource": 2, "in_house": -1},
        quote="компания понимает, что тратит на поддержку этого подразделения слишком много "
              "средств и усилий, и решает полностью передать функцию контакт-центра на аутсорсинг",
        gloss="A company sees it spends too much on its own centre and hands the whole function to an outsourcer.",
    )
    def costly_own_centre_moves_to_outsourcing():
        """An own centre that costs too much money and effort may be outsourced entirely.

        Seed 004 names this as one of two paths for companies that already have a centre."""

    @heuristic(
        Answer(question="has_own_centre", value="yes"),
        Answer(question="own_centre_too_costly", value="no"),
        seed=SEED_004, evidence={"hybrid": 2},
        quote="либо прибегает к услугам аутсорсера в дополнение к собственным ресурсам",
        gloss="...or it turns to an outsourcer in addition to its own resources.",
    )
    def affordable_own_centre_adds_an_outsourcer():
        """A company whose own centre is affordable adds an outsourcer on top of it.

        Seed 004: of the two paths for companies that already have a centre, the one that does
        not overspend keeps it and rents extra capacity."""

    @heuristic(
        Finding(name="contact_centre_needed"),
        Answer(question="business_size", value="small"),
        Answer(question="budget", value="limited"),
        seed=SEED_001, evidence={"home_team": 3},
        quote="Создание инхаус команд операторов будет хорошим решением для небольшого бизнеса "
              "с ограниченным бюджетом, а также небольшим трафиком.",
        gloss="A team of own operators is a good solution for a small business with a limited budget and little traffic.",
    )
    def small_business_on_a_budget_suits_home_team():
        """A small business with a limited budget that needs call handling suits a home-based team.

        Seed 001: own home-based operators are the most budget-friendly option."""

    @heuristic(
        Answer(question="budget", value="limited"),
        seed=SEED_001, evidence={"home_team": 1, "outsource": -1},
        quote="Самый бюджетный вариант для бизнеса. Как правило, стоимость на услуги надомных "
              "операторов гораздо ниже, чем у крупных колл-центров.",
        gloss="The most budget-friendly option: home operators usually cost far less than large call centres.",
    )
    def limited_budget_favours_home_team():
        """A limited budget favours home-based operators over an outsourcer.

        Seed 001: home operators cost much less; an outsourcer's work costs more."""

    @heuristic(
        Answer(question="business_size", value=one_of("medium", "large")),
        seed=SEED_001, evidence={"outsource": 1, "home_team": -1},
        quote="Средний и крупный бизнес отдают предпочтение аутсорсинговым контакт-центром",
        gloss="Medium and large businesses prefer outsourced contact centres.",
    )
    def medium_or_large_business_prefers_outsourcing():
        """Medium and large businesses prefer outsourced centres to home-based operators.

        Seed 001: they get complex service and a guarantee of quality and security."""

    @heuristic(
        Answer(question="regular_inbound_flow", value="yes"),
        seed=SEED_001, evidence={"outsource": 1},
        quote="Аутсорсинговый контакт-центр подойдет тем компаниям, у которых есть регулярный "
              "поток входящих обращений",
        gloss="An outsourced centre suits companies with a regular flow of inbound requests.",
    )
    def regular_inbound_flow_suits_outsourcing():
        """A regular inbound flow suits an outsourced centre.

        Seed 001 names it first among the companies an outsourcer fits."""

    @heuristic(
        Answer(question="rapid_scaling", value="yes"),
        seed=SEED_000, evidence={"in_house": -1},
        quote="А если поток обращений необходимо быстро масштабировать?",
        gloss="And what if the flow of requests has to be scaled quickly?",
    )
    def need_to_scale_strains_own_centre():
        """A flow that must be scaled quickly strains an own centre.

        Seed 000 puts the question to anyone who thinks an own centre is "hire people and put
        them on the phone": operators are hard to find and must be trained and adapted."""

    @heuristic(
        Answer(question="has_pbx", value="no"),
        seed=SEED_000, evidence={"in_house": -1},
        quote="А как насчет АТС? Готовы ли Вы потратить время и деньги на её развертывание?",
        gloss="And what about a PBX? Are you ready to spend time and money deploying one?",
    )
    def missing_pbx_weighs_on_own_centre():
        """Without a telephone exchange (PBX), an own centre must first deploy one.

        Seed 000: the PBX costs time and money that an outsourcer's client does not spend."""

    @heuristic(
        Answer(question="frequent_script_changes", value="yes"),
        seed=SEED_001, evidence={"home_team": 2, "outsource": -1},
        quote="инхаус оператору можно дать оперативное задание внести изменения в скрипт "
              "разговора. С контакт-центром такой процесс может занять 2-3 дня.",
        gloss="An own operator can be told to change the call script at once; with a contact "
              "centre this can take 2-3 days.",
    )
    def frequent_script_changes_favour_home_team():
        """Scripts that change often favour own home-based operators over an outsourcer.

        Seed 001: fewer bureaucratic steps with an own team; a contact centre needs 2-3 days."""

    @heuristic(
        Answer(question="quality_guarantee_needed", value="yes"),
        seed=SEED_001, evidence={"home_team": -2},
        quote="отсутствие юридической безопасности, а также отсутствие договоров на гарантию "
              "качества услуг",
        gloss="No legal protection and no contracts guaranteeing the quality of service.",
    )
    def guaranteed_quality_rules_against_home_team():
        """A business that needs contractual quality guarantees should not rely on home operators.

        Seed 001 lists the home team's minuses: no legal protection, no quality contract, and
        operators who may leave without notice."""

    @heuristic(
        Answer(question="quality_guarantee_needed", value="yes"),
        seed=SEED_001, evidence={"outsource": 1},
        quote="гарантию качества и безопасности",
        gloss="A guarantee of quality and security.",
    )
    def guaranteed_quality_favours_outsourcing():
        """A business that needs a guarantee of quality and results finds it at an outsourcer.

        Seed 001: medium and large businesses choose outsourcers for complex service with a
        guarantee of quality and security; "гарантия результата" is among its advantages."""

    @heuristic(
        Answer(question="own_supervision_time", value="no"),
        seed=SEED_001, evidence={"outsource": 1},
        quote="сокращение времени на за качеством работы операторов. В колл-центре этим "
              "занимается менеджер или супервайзер",
        gloss="Less of your time spent on operators' quality: in a call centre a manager or "
              "supervisor does it.",
    )
    def no_time_to_supervise_favours_outsourcing():
        """A company with no time to supervise operators' quality gains from an outsourcer.

        Seed 001: at an outsourcer a manager or supervisor watches the quality of the work."""

    @heuristic(
        Answer(question="fault_tolerance_critical", value="yes"),
        seed=SEED_001, evidence={"outsource": 1},
        quote="высокая скорость работы, так как в аутсорсинговых контакт-центрах процесс "
              "отлажен; высокая отказоустойчивость",
        gloss="High speed, because the process at outsourced centres is debugged; high fault tolerance.",
    )
    def critical_availability_favours_outsourcing():
        """Service that must not stop favours an outsourcer's tested process and fault tolerance.

        Seed 001 names speed and high fault tolerance among the outsourcer's advantages."""

    @heuristic(
        Answer(question="service_expertise_needed", value="yes"),
        seed=SEED_001, evidence={"outsource": 1},
        quote="нужна экспертиза в обслуживании клиентов",
        gloss="Expertise in customer service is needed.",
    )
    def need_for_service_expertise_favours_outsourcing():
        """A company that needs customer-service expertise from outside suits an outsourcer.

        Seed 001 names it last among the companies an outsourced centre fits."""
