"""The client's numbers: rules over the figures computed from them (expert/numbers/figures.py).

A Figure exists only when the client gave the volume or date it rests on. The rates behind it
may be assumptions: such a figure's ``source`` is "assumption", and the evidence a rule draws
from it is marked assumed, counts as a hint, and never outvotes the client's own answers. Only a
figure resting wholly on the client's numbers can veto.
"""
from expert.reasoning.facts import Figure
from expert.reasoning.heuristic import above, at_least, below, heuristic
from rules.seeds import SEED_000, SEED_003


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
        who takes calls today. Only a finding: the row's evidence is given once."""

    @heuristic(
        Figure(name="agents_required", value=below(5)),
        seed=SEED_003, finds=["fewer_than_five_on_calls"],
        quote="Сколько человек работает на приеме звонков? Меньше 5",
        gloss="How many people take calls? Fewer than 5.",
    )
    def fewer_than_five_agents_computed():
        """The call volume needs fewer than five agents on the line.

        Seed 003, staff row, left column, read with the agents Erlang C computes. Only a finding."""

    @heuristic(
        Figure(name="own_centre_late_by_months", value=above(0), source="client"),
        seed=SEED_000, excludes={"in_house": "for_now", "hybrid": "for_now"},
        evidence={"outsource": 2},
        quote="Перед запуском собственного контактного центра стоит учитывать сроки его "
              "развертывания, этот процесс может занимать до полугода. Тогда как "
              "аутсорсинговый контактный центр может начать принимать звонки сразу после "
              "обучения специалистов.",
        gloss="Before launching an own contact centre, count its deployment time: it can take up "
              "to half a year, whereas an outsourcer can start taking calls right after training.",
    )
    def own_centre_cannot_launch_by_go_live():
        """An own centre the client expects to launch after the go-live is out for now; an outsourcer can start.

        Seed 000: deploying an own centre takes time («до полугода», up to half a year), an
        outsourcer starts after training. With the client's own launch estimate later than the
        go-live, the calls need an outsourcer until an own centre (or the own core of a hybrid)
        is ready: it can still come later."""

    @heuristic(
        Figure(name="own_centre_late_by_months", value=above(0), source="assumption"),
        seed=SEED_000, evidence={"outsource": 1},
        quote="Тогда как аутсорсинговый контактный центр может начать принимать звонки сразу после "
              "обучения специалистов.",
        gloss="Whereas an outsourced centre can start taking calls right after its specialists are trained.",
    )
    def own_centre_may_not_be_ready_by_go_live():
        """An own centre may not be ready by the go-live; an outsourcer starts after training.

        Seed 000 says «до полугода», up to half a year, not exactly six months: with only the
        assumed launch time against the go-live, this is a hint, not a veto. Ask the client for
        their own launch estimate (own_centre_launch_months) to settle it."""

    @heuristic(
        Figure(name="own_centre_extra_cost_over_horizon", value=above(0)),
        seed=SEED_000, evidence={"outsource": 1},
        quote="Учтите затраты на организацию работы внутреннего КЦ, поиск и обучение персонала и т.д...",
        gloss="Count the cost of setting up an internal centre, finding and training staff.",
    )
    def horizon_ends_before_own_centre_pays_back():
        """Over the client's horizon an own centre costs more than outsourcing.

        Seed 000 weighs the cost of building and staffing an own centre against the period it is
        needed for. The cost model rests on rates that are mostly assumptions: a hint."""

    @heuristic(
        Figure(name="own_centre_extra_cost_over_horizon", value=below(0)),
        seed=SEED_003, evidence={"in_house": 1},
        quote="Быстрая окупаемость при грамотном выстраивании работы.",
        gloss="Quick payback when the work is organised competently.",
    )
    def own_centre_pays_back_within_horizon():
        """Over the client's horizon an own centre costs less than outsourcing.

        Seed 003's cheat sheet: an own centre pays back quickly when run well; the break-even
        month falls inside the horizon. A hint, as its rates are mostly assumptions."""
