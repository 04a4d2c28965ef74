"""Stage 2, sourcing: seed 000, an own («внутренний», «собственный») contact centre against an
external one.

Seed 000 weighs own people against an outsourcer, so its statements vote for own people at home
or in a centre alike (rules/groups.py), except where it speaks of what only a centre needs: its
launch time and its PBX. Its wording sets the strength: «однозначно» is categorical;
«правильнее» and «выглядит предпочтительнее» are argued factors; a question it puts to the
reader («А если ...?») is a hint. Its two vetoes forbid *building* an own centre (for a
short-term task; for now, when the client's own launch estimate misses the go-live), which rules
out the own centre and the hybrid's own core, but not a centre the client runs already.
"""
from expert.reasoning.facts import Answer
from expert.reasoning.heuristic import BUILDING, HERE, heuristic
from rules.groups import (
    ARGUED,
    CATEGORICAL,
    CORE,
    HINT,
    OUTSIDE,
    OWN,
    OWN_CENTRE,
    OWN_CORE,
    SIDE_OUT,
    SIDE_STREAM,
)
from rules.seeds import SEED_000


class SourcingRules:
    @heuristic(
        Answer(question="task_complexity", value="simple"),
        seed=SEED_000, strength=ARGUED, favours=OUTSIDE,
        quote="Простые задачи правильнее отдать на решение внешнему контактному центру, тогда "
              "время Ваших специалистов будет расходоваться эффективнее",
        gloss="Simple tasks are better handed to an external contact centre: your own "
              "specialists' time is then spent better.",
    )
    def simple_tasks_favour_outsourcing():
        """Simple tasks are better handed to an outsourced centre.

        Seed 000 argues it («правильнее»): your own specialists' time is then spent better."""

    @heuristic(
        Answer(question="task_complexity", value="specialist"),
        seed=SEED_000, strength=ARGUED, favours=OWN_CORE, finds=[CORE],
        quote="если требуются узкопрофильные знания и навыки, то внутренний контактный центр "
              "выглядит предпочтительнее",
        gloss="If narrow specialist knowledge and skills are needed, an internal centre looks "
              "preferable.",
    )
    def specialist_tasks_stay_with_own_staff():
        """Work needing narrow specialist knowledge is better done by own people: a core to keep.

        Seed 000: an internal centre «выглядит предпочтительнее» (looks preferable), an argued
        factor, not a categorical one; an outsourcer staffed by nuclear physicists is, in
        practice, an empty promise. The specialist work is a core the hybrid keeps in-house."""

    @heuristic(
        Answer(question="period", value="short_term"),
        seed=SEED_000, strength=CATEGORICAL, favours=SIDE_OUT, finds=[SIDE_STREAM],
        quote="При краткосрочных задачах однозначно рекомендуется использоваться услуги внешнего партнера.",
        gloss="For short-term tasks an external partner is unambiguously recommended.",
    )
    def short_term_task_favours_outsourcing():
        """A short-term task (such as a holiday promotion) clearly goes to an outsourcer.

        Seed 000 says so categorically («однозначно»), against own people at home or in a
        centre alike. The task goes out, not necessarily everything: beside an own centre the
        client runs, it is a side stream, and the hybrid (that centre kept, the task given out)
        gets the same vote. Without a running centre the hybrid's core would have to be built,
        which the next rule forbids for a short-term task."""

    @heuristic(
        Answer(question="period", value="short_term"),
        seed=SEED_000, excludes={BUILDING: HERE},
        quote="Учтите затраты на организацию работы внутреннего КЦ, поиск и обучение персонала и "
              "т.д... Стоит ли это того для проведения, например, новогодней акции для клиентов?",
        gloss="Count the cost of organising an internal centre, finding and training staff: is "
              "it worth it for, say, a New Year promotion for customers?",
    )
    def short_term_task_does_not_justify_building_an_own_centre():
        """A short-term task does not justify building an own centre.

        Seed 000: the cost of organising an internal centre, finding and training its staff is
        not worth it for a promotion. It forbids building: an own centre the client runs
        already, or a home team, is not ruled out by it."""

    @heuristic(
        Answer(question="rapid_scaling", value="yes"),
        seed=SEED_000, strength=HINT, against=OWN,
        quote="А если поток обращений необходимо быстро масштабировать?",
        gloss="And what if the flow of requests has to be scaled quickly?",
    )
    def need_to_scale_strains_own_staff():
        """A flow that must be scaled quickly strains own staff.

        Seed 000 puts the question to anyone who thinks own operators are "hire people and put
        them on the phone": they are hard to find and must be trained and adapted."""

    @heuristic(
        Answer(question="has_pbx", value="no"),
        seed=SEED_000, strength=HINT, against=OWN_CENTRE,
        quote="А как насчет АТС? Готовы ли Вы потратить время и деньги на её развертывание?",
        gloss="And what about a PBX? Are you ready to spend time and money deploying one?",
    )
    def missing_pbx_weighs_on_own_centre():
        """Without a telephone exchange (PBX), an own centre must first deploy one.

        Seed 000 asks whether the client is ready to spend the time and money: a question it
        raises, so a hint."""

    @heuristic(
        Answer(question="campaigns_or_acquisition", value="yes"),
        seed=SEED_000, strength=HINT, favours=SIDE_OUT, finds=[SIDE_STREAM],
        quote="К услугам аутсорсинговых центров обращаются в том числе и компании, имеющие "
              "собственные контактные центры, например, во время проведения рекламных кампаний "
              "или для привлечения новых клиентов.",
        gloss="Companies with their own centres also use outsourcers, e.g. for ad campaigns or "
              "customer acquisition.",
    )
    def campaigns_go_out_even_from_own_centres():
        """Campaigns and customer acquisition go to outsourcers, even from companies with own centres.

        Seed 000 observes it: a side stream an outsourcer takes, in full outsourcing as beside
        an own core (the hybrid)."""
