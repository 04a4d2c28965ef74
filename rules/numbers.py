"""The client's numbers: rules over the figures computed from them (expert/numbers/figures.py).

A Figure exists only when the client gave the volume or date it rests on. The rates behind it
may be assumptions: such a figure's ``source`` is "assumption", and the evidence a rule draws
from it is marked assumed, weighs at most as a hint, counts below every answer of the client's,
and never vetoes. Only a figure resting wholly on the client's numbers can veto.
"""
from expert.reasoning.facts import Figure
from expert.reasoning.heuristic import BUILDING, FOR_NOW, above, below, heuristic
from rules.groups import ARGUED, HINT, OUTSIDE, OWN_CENTRE
from rules.seeds import SEED_000

COST_QUOTE = ("Стоимость создания контактного центра включает в себя постоянные затраты на аренду "
              "помещения, услуги связи, заработную плату, использования CRM-систем и т.д. "
              "Переменные затраты: поиск и найм специалистов, проведение тренингов, обслуживание "
              "техники.")
COST_GLOSS = ("Building a contact centre costs fixed amounts (premises, telecom, salaries, CRM) "
              "and variable ones (hiring, training, upkeep).")


class NumberRules:
    @heuristic(
        Figure(name="own_centre_late_by_months", value=above(0), source="client"),
        seed=SEED_000, excludes={BUILDING: FOR_NOW},
        quote="Перед запуском собственного контактного центра стоит учитывать сроки его "
              "развертывания, этот процесс может занимать до полугода. Тогда как "
              "аутсорсинговый контактный центр может начать принимать звонки сразу после "
              "обучения специалистов.",
        gloss="Before launching an own contact centre, count its deployment time: it can take up "
              "to half a year, whereas an outsourcer can start taking calls right after training.",
    )
    def own_centre_cannot_launch_by_go_live():
        """An own centre the client cannot launch by the go-live cannot be built in time: not for now.

        Seed 000: deploying an own centre takes time («до полугода», up to half a year), an
        outsourcer starts after training. With the client's own launch estimate later than the
        go-live, building an own centre (or the hybrid's own core) is out until it can be ready;
        it can still come later. A centre the client runs already needs no launch."""

    @heuristic(
        Figure(name="own_centre_late_by_months", value=above(0), source="assumption"),
        seed=SEED_000, strength=HINT, favours=OUTSIDE,
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
        seed=SEED_000, strength=ARGUED, against=OWN_CENTRE,
        quote=COST_QUOTE, gloss=COST_GLOSS,
    )
    def horizon_ends_before_own_centre_pays_back():
        """Over the client's horizon an own centre costs more than outsourcing.

        Seed 000 names the fixed and variable costs of building and running an own centre; the
        cost model adds them up over the client's horizon against outsourcing. On the client's
        own rates an argued factor against the own centre (the figure weighs a centre, not a home
        team, against outsourcing); resting on assumed rates, a hint below every answer."""

    @heuristic(
        Figure(name="own_centre_extra_cost_over_horizon", value=below(0)),
        seed=SEED_000, strength=ARGUED, favours=OWN_CENTRE,
        quote=COST_QUOTE, gloss=COST_GLOSS,
    )
    def own_centre_pays_back_within_horizon():
        """Over the client's horizon an own centre costs less than outsourcing.

        The same comparison of seed 000's costs, the other way: the own centre's cumulative cost
        falls below outsourcing's within the horizon. On assumed rates, a hint below every
        answer."""
