"""Stage 2, sourcing: seed 001, own home-based operators («инхаус») against an outsourced contact
centre.

Seed 001 compares own operators with an outsourcer. Where it speaks of own operators as such
(quick script changes), its statement votes for own people at home or in a centre alike; where
it speaks of what only home operators are (the cheapest option; its own profile of a small
business), for the home team; the outsourcer's advantages it lists vote for the outsourcer.
None of them vetoes anything: «будет хорошим решением» recommends the home team for a small
business on a budget with little traffic, it does not forbid one to a busier line. Strengths
follow the wording: the recommendation; advantages it argues («так как процесс отлажен», «этим
занимается менеджер или супервайзер») are argued factors; the kinds of company an outsourcer
«подойдет» are hints, as is what medium and large businesses prefer.
"""
from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import heuristic, one_of
from rules.groups import ARGUED, HINT, HOME, OUTSIDE, OWN, RECOMMENDATION
from rules.seeds import SEED_001

OUTSOURCER_ADVANTAGES = "outsourcers_advantages_needed"
OUTSOURCER_PROFILE = "fits_the_outsourcers_profile"
DEPARTURES_MATTER = "sudden_departures_would_hurt"


class HomeOperatorRules:
    @heuristic(
        Answer(question="budget", value="limited"),
        seed=SEED_001, strength=ARGUED, favours=HOME,
        quote="Самый бюджетный вариант для бизнеса. Как правило, стоимость на услуги надомных "
              "операторов гораздо ниже, чем у крупных колл-центров.",
        gloss="The most budget-friendly option for a business: home operators usually cost far "
              "less than large call centres.",
    )
    def limited_budget_favours_home_operators():
        """A limited budget favours own operators at home, whatever the size of the business.

        Seed 001: home operators are the most budget-friendly option, far cheaper than large
        call centres, own or outsourced."""

    @heuristic(
        Answer(question="business_size", value="small"),
        Answer(question="budget", value="limited"),
        Finding(name="fewer_than_five_on_calls"),
        seed=SEED_001, strength=RECOMMENDATION, favours=HOME,
        quote="Создание инхаус команд операторов будет хорошим решением для небольшого бизнеса "
              "с ограниченным бюджетом, а также небольшим трафиком.",
        gloss="A team of own operators is a good solution for a small business with a limited "
              "budget and little traffic.",
    )
    def small_business_on_a_budget_with_little_traffic_suits_home_team():
        """A small business on a limited budget with little traffic is well served by a home team.

        Seed 001 recommends it («будет хорошим решением»). Little traffic is read as seed 003's
        one number for a small line: fewer than five people on calls, as the client counts them.
        It recommends; it forbids nothing to a busier line."""

    @heuristic(
        Answer(question="frequent_script_changes", value="yes"),
        seed=SEED_001, strength=ARGUED, favours=OWN,
        quote="инхаус оператору можно дать оперативное задание внести изменения в скрипт "
              "разговора. С контакт-центром такой процесс может занять 2-3 дня.",
        gloss="An own operator can be told to change the call script at once; with a contact "
              "centre this can take 2-3 days.",
    )
    def frequent_script_changes_favour_own_operators():
        """Scripts that change often favour own operators over an outsourced centre.

        Seed 001: fewer bureaucratic steps with own operators; an outsourced contact centre needs
        2-3 days."""

    @heuristic(
        Answer(question="business_size", value=one_of("medium", "large")),
        seed=SEED_001, strength=HINT, favours=OUTSIDE,
        quote="Средний и крупный бизнес отдают предпочтение аутсорсинговым контакт-центром, где "
              "они могут получить как комплексное обслуживание, так и гарантию качества и "
              "безопасности.",
        gloss="Medium and large businesses prefer outsourced contact centres, where they get "
              "complex service and a guarantee of quality and security.",
    )
    def medium_or_large_business_prefers_outsourcing():
        """Medium and large businesses prefer an outsourced contact centre to own operators.

        Seed 001 reports what they prefer: a hint, not an argument for this client."""

    @heuristic(
        Answer(question="quality_guarantee_needed", value="yes"),
        seed=SEED_001, strength=ARGUED, against=HOME,
        quote="Из минусов работы с надомными операторами можно отметить отсутствие юридической "
              "безопасности, а также отсутствие договоров на гарантию качества услуг.",
        gloss="Among the minuses of home operators: no legal protection and no contracts "
              "guaranteeing the quality of service.",
    )
    def contractual_guarantees_rule_against_home_operators():
        """A business that needs contractual guarantees of quality should not rely on home operators.

        Seed 001 lists it among the home team's minuses: no legal protection, no contract that
        guarantees the quality of service. One minus, one vote."""

    @heuristic(
        Answer(question="fault_tolerance_critical", value="yes"),
        seed=SEED_001, finds=[DEPARTURES_MATTER],
        quote="Также бизнес не защищен от внезапного ухода надомного оператора",
        gloss="The business is not protected from a home operator leaving suddenly.",
    )
    def service_that_must_not_stop_cannot_lose_operators_suddenly():
        """Service that must not stop cannot afford operators who leave without notice.

        Seed 001, the home team's second minus. Only a finding: the minus votes once, by
        sudden_departures_rule_against_home_operators."""

    @heuristic(
        Answer(question="dedicated_operators", value="yes"),
        seed=SEED_001, finds=[DEPARTURES_MATTER],
        quote="без предварительного уведомления",
        gloss="...without prior notice.",
    )
    def operators_who_must_stay_cannot_leave_without_notice():
        """Operators who must stay with the project cannot be ones who may leave without notice.

        Seed 001, the home team's second minus. Only a finding: the minus votes once."""

    @heuristic(
        Finding(name=DEPARTURES_MATTER),
        seed=SEED_001, strength=ARGUED, against=HOME,
        quote="Также бизнес не защищен от внезапного ухода надомного оператора без "
              "предварительного уведомления. Из-за этого может страдать качество обслуживания "
              "клиентов.",
        gloss="The business is not protected from a home operator leaving suddenly without "
              "notice; service quality may suffer from it.",
    )
    def sudden_departures_rule_against_home_operators():
        """A line that must not stop, or operators who must stay, cannot rest on home operators.

        Seed 001, the home team's other minus: nothing protects the business from an operator's
        sudden departure, and service suffers from it. One minus, one vote, whichever of the
        two needs it hurts."""

    # The outsourcer's advantages over own operators are one list, one statement: any of its
    # items that the client needs reaches the one finding, and the list votes once.
    @heuristic(
        Answer(question="own_supervision_time", value="no"),
        seed=SEED_001, finds=[OUTSOURCER_ADVANTAGES],
        quote="сокращение времени на за качеством работы операторов. В колл-центре этим "
              "занимается менеджер или супервайзер",
        gloss="Less of your time spent on operators' quality: in a call centre a manager or "
              "supervisor does it.",
    )
    def no_time_to_supervise_needs_an_outsourcers_supervisors():
        """A company with no time to supervise operators needs what an outsourcer's supervisors do.

        Seed 001, the outsourcer's first advantage. Only a finding: the list votes once, by
        outsourcers_advantages_favour_outsourcing."""

    @heuristic(
        Answer(question="fault_tolerance_critical", value="yes"),
        seed=SEED_001, finds=[OUTSOURCER_ADVANTAGES],
        quote="высокая скорость работы, так как в аутсорсинговых контакт-центрах процесс "
              "отлажен; высокая отказоустойчивость",
        gloss="High speed, because the process at outsourced centres is debugged; high fault "
              "tolerance.",
    )
    def critical_availability_needs_an_outsourcers_tested_process():
        """Service that must not stop needs an outsourcer's tested process and fault tolerance.

        Seed 001, the outsourcer's next advantages. Only a finding: the list votes once."""

    @heuristic(
        Finding(name=OUTSOURCER_ADVANTAGES),
        seed=SEED_001, strength=ARGUED, favours=OUTSIDE,
        quote="Аутсорсинговый колл-центр может предложить ряд таких преимуществ, как: сокращение "
              "времени на за качеством работы операторов. В колл-центре этим занимается менеджер "
              "или супервайзер; высокая скорость работы, так как в аутсорсинговых контакт-центрах "
              "процесс отлажен; высокая отказоустойчивость; гарантия результата.",
        gloss="An outsourced call centre offers advantages: less time spent on operators' quality "
              "(a manager or supervisor does it), high speed from a debugged process, high fault "
              "tolerance, a guaranteed result.",
    )
    def outsourcers_advantages_favour_outsourcing():
        """What the client needs is among the advantages an outsourcer has over own operators.

        Seed 001 argues each advantage («так как процесс отлажен», «этим занимается
        супервайзер»): an argued factor, counted once however many of its items apply."""

    # The kinds of company an outsourcer suits are one sentence too.
    @heuristic(
        Answer(question="regular_inbound_flow", value="yes"),
        seed=SEED_001, finds=[OUTSOURCER_PROFILE],
        quote="у которых есть регулярный поток входящих обращений",
        gloss="...that have a regular flow of inbound requests.",
    )
    def regular_inbound_flow_fits_the_outsourcers_profile():
        """A regular inbound flow is one of the kinds of company an outsourcer suits.

        Seed 001. Only a finding: the sentence votes once, by outsourcer_suits_this_kind_of_company."""

    @heuristic(
        Answer(question="rapid_scaling", value="yes"),
        seed=SEED_001, finds=[OUTSOURCER_PROFILE],
        quote="необходимо масштабироваться",
        gloss="...that need to scale.",
    )
    def need_to_scale_fits_the_outsourcers_profile():
        """A flow that must be scaled quickly is one of the kinds of company an outsourcer suits.

        Seed 001. Only a finding: the sentence votes once."""

    @heuristic(
        Answer(question="service_expertise_needed", value="yes"),
        seed=SEED_001, finds=[OUTSOURCER_PROFILE],
        quote="нужна экспертиза в обслуживании клиентов",
        gloss="...that need expertise in customer service.",
    )
    def need_for_service_expertise_fits_the_outsourcers_profile():
        """A company that needs customer-service expertise is one an outsourcer suits.

        Seed 001. Only a finding: the sentence votes once."""

    @heuristic(
        Finding(name=OUTSOURCER_PROFILE),
        seed=SEED_001, strength=HINT, favours=OUTSIDE,
        quote="Аутсорсинговый контакт-центр подойдет тем компаниям, у которых есть регулярный "
              "поток входящих обращений, необходимо масштабироваться, нужна экспертиза в "
              "обслуживании клиентов.",
        gloss="An outsourced contact centre suits companies with a regular flow of inbound "
              "requests, a need to scale, a need for customer-service expertise.",
    )
    def outsourcer_suits_this_kind_of_company():
        """The company is of a kind an outsourced contact centre suits.

        Seed 001 lists the kinds an outsourcer «подойдет» (suits): a hint, counted once however
        many of them the company is."""
