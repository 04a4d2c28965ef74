"""The client's numbers: rules over the figures computed from them (expert/figures.py).

A Figure exists only when the client gave the volume or date it rests on; the rates behind the
cost figures may be labelled assumptions, and the report shows which. Weights follow sourcing.py:
1 a hint, 2 a factor the seed argues for.
"""
from expert.reasoning.facts import Figure
from expert.reasoning.heuristic import above, at_least, below, heuristic
from rules.seeds import SEED_000, SEED_001, SEED_003


class NumberRules:
    @heuristic(
        Figure(name="agents_required", value=at_least(5)),
        seed=SEED_003, finds=["five_or_more_on_calls"],
        quote="Сколько человек работает на приеме звонков? … От 5 и более",
        gloss="How many people take calls? 5 or more.",
    )
    def five_or_more_agents_computed():
        """The call volume needs five or more agents on the line.

        Seed 003, staff row, read with the agents Erlang C says the busiest hour needs rather than
        who takes calls today. Only a finding: five_or_more_on_calls_need_a_centre gives the row's
        evidence once, even when the client also gave call_staff."""

    @heuristic(
        Figure(name="agents_required", value=below(5)),
        seed=SEED_003, finds=["fewer_than_five_on_calls"],
        quote="Сколько человек работает на приеме звонков? Меньше 5",
        gloss="How many people take calls? Fewer than 5.",
    )
    def fewer_than_five_agents_computed():
        """The call volume needs fewer than five agents on the line.

        Seed 003, staff row, left column, read with the agents Erlang C says the busiest hour needs.
        Only a finding: fewer_than_five_on_calls_needs_no_centre gives the row's evidence once."""

    @heuristic(
        Figure(name="operators_headcount", value=at_least(5)),
        seed=SEED_001, evidence={"home_team": -2},
        quote="Создание инхаус команд операторов будет хорошим решением для небольшого бизнеса с "
              "ограниченным бюджетом, а также небольшим трафиком.",
        gloss="A home team of operators suits a small business with a limited budget and little traffic.",
    )
    def home_team_only_for_a_small_headcount():
        """A flow that needs five or more operators is too big for a home team.

        Seed 001 proposes home-based operators only where traffic is small; the one number the seeds
        give for "small" is seed 003's line of five people on calls, so a computed headcount of
        five or more (after shrinkage and shifts) counts against a home team."""

    @heuristic(
        Figure(name="own_centre_late_by_months", value=above(0)),
        seed=SEED_000, evidence={"outsource": 2, "in_house": -1}, finds=["own_centre_too_late"],
        quote="Тогда как аутсорсинговый контактный центр может начать принимать звонки сразу после "
              "обучения специалистов.",
        gloss="Whereas an outsourced centre can start taking calls right after its specialists are trained.",
    )
    def own_centre_not_ready_by_go_live_favours_outsourcing():
        """An own centre that cannot be launched by the required go-live favours an outsourcer.

        Seed 000: deploying an own centre can take up to half a year (own_centre_launch_months,
        6 by default), an outsourcer starts after training; at least until the own centre is
        ready, the calls need an (interim) outsourcer. This is the only rule on the launch time,
        so that one sentence of the seed is counted once."""

    @heuristic(
        Figure(name="own_centre_extra_cost_over_horizon", value=above(0)),
        seed=SEED_000, evidence={"outsource": 2, "in_house": -1},
        quote="Учтите затраты на организацию работы внутреннего КЦ, поиск и обучение персонала и т.д... "
              "Стоит ли это того",
        gloss="Count the cost of setting up an internal centre, finding and training staff: is it worth it?",
    )
    def horizon_ends_before_own_centre_pays_back():
        """Over the client's horizon an own centre costs more than outsourcing: outsourcing is favoured.

        Seed 000 weighs the cost of building and staffing an own centre against the period it is
        needed for; seed 003 says the outsourcer needs no capital costs. When the horizon ends
        before the own centre's break-even month, those costs are never earned back."""

    @heuristic(
        Figure(name="own_centre_extra_cost_over_horizon", value=below(0)),
        seed=SEED_003, evidence={"in_house": 1},
        quote="Необходимы капитальные затраты — помещение, оборудование, программное обеспечение. "
              "Быстрая окупаемость при грамотном выстраивании работы.",
        gloss="Capital costs are needed (premises, equipment, software); quick payback when run well.",
    )
    def own_centre_pays_back_within_horizon():
        """Over the client's horizon an own centre costs less than outsourcing: it is favoured.

        Seed 003's cheat sheet: an own centre needs capital costs but pays back quickly when run well;
        the break-even month falls inside the horizon."""
