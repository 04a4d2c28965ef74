"""Stage 2, sourcing: seed 004, companies that already run a contact centre, and the hybrid.

Seed 004 names the two paths of a company that has a contact centre: it sees that the centre
costs too much money and effort and hands the whole function to an outsourcer, or it takes an
outsourcer in addition to its own resources; and it tells one client's story of explosive
growth, part of which that client passed to the vendor rather than grow its own centre. These
are a vendor's descriptions and anecdote: hints. The hybrid itself is no rule's invention: it is
an option only where a core for an own team and a side stream for an outsourcer are found
(data/options.yaml), and it gets the votes of the statements about them (rules/groups.py).
"""
from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import heuristic
from expert.reasoning.options import OWN_CENTRE_RUNS
from rules.groups import HINT, HYBRID, OUTSIDE, SIDE_STREAM
from rules.seeds import SEED_004


class HybridRules:
    @heuristic(
        Finding(name=OWN_CENTRE_RUNS),
        Answer(question="own_centre_too_costly", value="yes"),
        seed=SEED_004, strength=HINT, favours=OUTSIDE,
        quote="компания понимает, что тратит на поддержку этого подразделения слишком много "
              "средств и усилий, и решает полностью передать функцию контакт-центра на аутсорсинг",
        gloss="A company sees it spends too much on its own centre and hands the whole function "
              "to an outsourcer.",
    )
    def costly_own_centre_moves_to_outsourcing():
        """An own centre that costs too much money and effort may be outsourced entirely.

        Seed 004 describes it as one of the two paths of companies that already have a centre:
        a vendor's description, a hint."""

    @heuristic(
        Finding(name=OWN_CENTRE_RUNS),
        Answer(question="own_centre_too_costly", value="no"),
        seed=SEED_004, strength=HINT, favours=HYBRID,
        quote="либо прибегает к услугам аутсорсера в дополнение к собственным ресурсам",
        gloss="...or it takes an outsourcer in addition to its own resources.",
    )
    def working_own_centre_takes_an_outsourcer_beside_it():
        """A company whose own centre is worth its cost takes an outsourcer in addition to it.

        Seed 004's other path: own resources kept, an outsourcer beside them. A hint for the
        hybrid, which is an option only when there is a side stream to give out."""

    @heuristic(
        Answer(question="explosive_growth", value="yes"),
        seed=SEED_004, finds=[SIDE_STREAM],
        quote="Часть этой возникшей нагрузки они передают нам",
        gloss="They pass part of this new load to us.",
    )
    def explosive_growth_is_a_side_stream():
        """The part of explosive growth that own resources cannot absorb is a side stream.

        Seed 004: the client passed part of the new load to the vendor. Only a finding."""

    @heuristic(
        Finding(name=OWN_CENTRE_RUNS),
        Answer(question="explosive_growth", value="yes"),
        seed=SEED_004, strength=HINT, favours=HYBRID,
        quote="В его ситуации гораздо выгоднее арендовать уже готовые ресурсы в дополнение к "
              "собственным.",
        gloss="In its situation it is far more profitable to rent ready resources in addition to "
              "its own.",
    )
    def explosive_growth_beside_an_own_centre_goes_to_rented_capacity():
        """Explosive growth on top of an own centre goes in part to rented capacity beside it.

        Seed 004, one vendor's client: renting ready resources in addition to its own was faster
        than finding, training and equipping more. An anecdote about a company with an own
        centre: a hint for the hybrid, and no argument for outsourcing everything."""
