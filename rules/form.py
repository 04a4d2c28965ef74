"""Stage 2, form: a small team of own home-based operators, or a contact centre?

Seed 001 compares own home-based operators with an outsourced contact centre. Its comparisons are
weighed here, between ``home_team`` and ``centre``; they say nothing about an own centre against
an outsourced one, so they never reach the sourcing stage. Weights follow the wording: «будет
хорошим решением» is a recommendation (2); a listed advantage is a hint (1).
"""
from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import heuristic, one_of
from rules.seeds import SEED_001


class FormRules:
    @heuristic(
        Answer(question="business_size", value="small"),
        Answer(question="budget", value="limited"),
        seed=SEED_001, evidence={"home_team": 2},
        quote="Создание инхаус команд операторов будет хорошим решением для небольшого бизнеса "
              "с ограниченным бюджетом",
        gloss="A team of own operators is a good solution for a small business with a limited budget.",
    )
    def small_business_on_a_budget_suits_home_team():
        """A small business with a limited budget is well served by a home-based team of its own.

        Seed 001 recommends it («будет хорошим решением»): home operators are the most budget-
        friendly option. The same sentence asks for little traffic; that half is a veto,
        home_team_needs_little_traffic, so a busy line rules the team out."""

    @heuristic(
        Finding(name="five_or_more_on_calls"),
        seed=SEED_001, excludes={"home_team": "here"},
        quote="а также небольшим трафиком",
        gloss="...and also with little traffic.",
    )
    def home_team_needs_little_traffic():
        """Five or more people on calls is more traffic than a home team is for: it is out.

        Seed 001 proposes home operators only where traffic is small; the one number the seeds
        give for "small" is seed 003's line of five people on calls (counted, or computed by
        Erlang C for the busiest hour)."""

    @heuristic(
        Answer(question="business_size", value=one_of("medium", "large")),
        seed=SEED_001, evidence={"centre": 1},
        quote="Средний и крупный бизнес отдают предпочтение аутсорсинговым контакт-центром",
        gloss="Medium and large businesses prefer outsourced contact centres.",
    )
    def medium_or_large_business_prefers_a_centre():
        """Medium and large businesses prefer a contact centre to home-based operators.

        Seed 001: they get complex service and a guarantee of quality and security."""

    @heuristic(
        Answer(question="regular_inbound_flow", value="yes"),
        seed=SEED_001, evidence={"centre": 1},
        quote="Аутсорсинговый контакт-центр подойдет тем компаниям, у которых есть регулярный "
              "поток входящих обращений",
        gloss="An outsourced centre suits companies with a regular flow of inbound requests.",
    )
    def regular_inbound_flow_suits_a_centre():
        """A regular inbound flow suits a contact centre better than a few home operators.

        Seed 001 names it first among the companies an outsourced centre fits."""

    @heuristic(
        Answer(question="rapid_scaling", value="yes"),
        seed=SEED_001, evidence={"centre": 1},
        quote="Аутсорсинговый контакт-центр подойдет тем компаниям, у которых … необходимо "
              "масштабироваться",
        gloss="An outsourced contact centre suits companies that need to scale.",
    )
    def need_to_scale_suits_a_centre():
        """A flow that must be scaled quickly suits a contact centre, not a few home operators.

        Seed 001 lists the need to scale among the reasons to choose an outsourced centre."""

    @heuristic(
        Answer(question="service_expertise_needed", value="yes"),
        seed=SEED_001, evidence={"centre": 1},
        quote="нужна экспертиза в обслуживании клиентов",
        gloss="Expertise in customer service is needed.",
    )
    def need_for_service_expertise_suits_a_centre():
        """A company that needs customer-service expertise suits a contact centre.

        Seed 001 names it last among the companies an outsourced centre fits."""

    @heuristic(
        Answer(question="frequent_script_changes", value="yes"),
        seed=SEED_001, evidence={"home_team": 2},
        quote="инхаус оператору можно дать оперативное задание внести изменения в скрипт "
              "разговора. С контакт-центром такой процесс может занять 2-3 дня.",
        gloss="An own operator can be told to change the call script at once; with a contact "
              "centre this can take 2-3 days.",
    )
    def frequent_script_changes_favour_home_team():
        """Scripts that change often favour own home-based operators over a contact centre.

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

        Seed 001 lists the home team's minuses: no legal protection, no quality contract."""

    @heuristic(
        Answer(question="quality_guarantee_needed", value="yes"),
        seed=SEED_001, evidence={"centre": 1},
        quote="гарантию качества и безопасности",
        gloss="A guarantee of quality and security.",
    )
    def guaranteed_quality_favours_a_centre():
        """A business that needs a guarantee of quality and results finds it at a contact centre.

        Seed 001: medium and large businesses choose outsourcers for complex service with a
        guarantee of quality and security."""

    @heuristic(
        Answer(question="own_supervision_time", value="no"),
        seed=SEED_001, evidence={"centre": 1},
        quote="сокращение времени на за качеством работы операторов. В колл-центре этим "
              "занимается менеджер или супервайзер",
        gloss="Less of your time spent on operators' quality: in a call centre a manager or "
              "supervisor does it.",
    )
    def no_time_to_supervise_favours_a_centre():
        """A company with no time to supervise operators gains from a centre's supervisors.

        Seed 001: in a call centre a manager or supervisor watches the quality of the work."""

    @heuristic(
        Answer(question="fault_tolerance_critical", value="yes"),
        seed=SEED_001, evidence={"centre": 1},
        quote="высокая скорость работы, так как в аутсорсинговых контакт-центрах процесс "
              "отлажен; высокая отказоустойчивость",
        gloss="High speed, because the process at outsourced centres is debugged; high fault tolerance.",
    )
    def critical_availability_favours_a_centre():
        """Service that must not stop favours a centre's tested process and fault tolerance.

        Seed 001 names speed and high fault tolerance among the outsourcer's advantages over
        home operators, who may leave without notice."""
