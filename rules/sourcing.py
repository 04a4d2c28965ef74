"""Stage 3, sourcing: an own centre, an outsourced one, or a hybrid (seeds 000, 003 and 004).

Weights follow the wording: «однозначно» is categorical (3); what a seed argues as a factor or
recommends is 2; a question a seed raises, or a vendor's anecdote, is a hint (1). Vetoes take an
option out with the seed's reason. Rules of this stage wait for it to open (``Stage``), which the
decision does only once a contact centre is called for.
"""
from expert.reasoning.facts import Answer
from expert.reasoning.heuristic import heuristic, one_of
from rules.seeds import SEED_000, SEED_003, SEED_004

HAS_OWN_CENTRE = one_of("own_centre", "mix")


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
        seed=SEED_000, evidence={"in_house": 2, "outsource": -1}, finds=["core_for_own_centre"],
        quote="если требуются узкопрофильные знания и навыки, то внутренний контактный центр "
              "выглядит предпочтительнее",
        gloss="If narrow specialist knowledge and skills are needed, an internal centre looks preferable.",
    )
    def specialist_tasks_favour_own_centre():
        """Tasks needing narrow specialist knowledge favour an own centre, and make a core to keep.

        Seed 000: an outsourcer staffed by nuclear physicists is, in practice, an empty promise."""

    @heuristic(
        Answer(question="period", value="short_term"),
        seed=SEED_000, evidence={"outsource": 3},
        quote="При краткосрочных задачах однозначно рекомендуется использоваться услуги внешнего партнера.",
        gloss="For short-term tasks an external partner is unambiguously recommended.",
    )
    def short_term_task_favours_outsourcing():
        """A short-term task (such as a holiday promotion) clearly goes to an outsourcer.

        Seed 000 says so categorically («однозначно»)."""

    @heuristic(
        Answer(question="period", value="short_term"),
        seed=SEED_000, excludes={"in_house": "here"},
        quote="Стоит ли это того для проведения, например, новогодней акции для клиентов?",
        gloss="Is it worth it for, say, a New Year promotion for customers?",
    )
    def short_term_task_does_not_justify_an_own_centre():
        """A short-term task does not justify building an own centre: it is out for this task.

        Seed 000: count the cost of organising an internal centre, finding and training staff;
        it is not worth it for a promotion."""

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
        Answer(question="campaigns_or_acquisition", value="yes"),
        seed=SEED_000, evidence={"in_house": -1}, finds=["side_stream_for_outsourcer"],
        quote="К услугам аутсорсинговых центров обращаются в том числе и компании, имеющие "
              "собственные контактные центры, например, во время проведения рекламных кампаний "
              "или для привлечения новых клиентов.",
        gloss="Companies with their own centres also use outsourcers, e.g. for ad campaigns or "
              "customer acquisition.",
    )
    def campaigns_go_out_even_from_own_centres():
        """Campaigns and customer acquisition go to outsourcers even from companies with own centres.

        Seed 000: a side stream an own centre need not carry; it argues against doing everything
        in-house, whether or not an own centre exists yet."""

    @heuristic(
        Answer(question="current_arrangement", value=HAS_OWN_CENTRE),
        Answer(question="own_centre_too_costly", value="no"),
        seed=SEED_003, evidence={"in_house": 2}, finds=["core_for_own_centre"],
        quote="Затраты на персонал, но возможность полного контроля, гибкая подстройка "
              "бизнес-процессов, качественное обучение персонала.",
        gloss="Staff costs, but full control, flexible tuning of business processes, quality training.",
    )
    def own_centre_that_works_is_kept():
        """An own centre that runs well and affordably is worth keeping.

        Seed 003's cheat sheet: an own centre's staff cost buys full control, flexible processes
        and quality training; when it is not costing too much (seed 004's other path), that is
        what the company already has, and its core work stays there."""

    @heuristic(
        Answer(question="current_arrangement", value=HAS_OWN_CENTRE),
        Answer(question="own_centre_too_costly", value="yes"),
        seed=SEED_004, evidence={"outsource": 2},
        quote="компания понимает, что тратит на поддержку этого подразделения слишком много "
              "средств и усилий, и решает полностью передать функцию контакт-центра на аутсорсинг",
        gloss="A company sees it spends too much on its own centre and hands the whole function "
              "to an outsourcer.",
    )
    def costly_own_centre_moves_to_outsourcing():
        """An own centre that costs too much money and effort may be outsourced entirely.

        Seed 004 names this as one of the two paths of companies that already have a centre."""

    @heuristic(
        Answer(question="current_arrangement", value=HAS_OWN_CENTRE),
        Answer(question="explosive_growth", value="yes"),
        seed=SEED_004, evidence={"hybrid": 1},
        quote="Часть этой возникшей нагрузки они передают нам, так как это быстрее и проще "
              "сделать, чем наращивать мощности собственного контакт-центра",
        gloss="They pass part of the new load to us: faster and simpler than growing their own centre.",
    )
    def explosive_growth_offloaded_to_outsourcer():
        """Explosive growth on top of an own centre can be offloaded in part to an outsourcer.

        Seed 004: one vendor's client did so. An anecdote, so a hint."""

    @heuristic(
        Answer(question="explosive_growth", value="yes"),
        seed=SEED_004, evidence={"outsource": 1}, finds=["side_stream_for_outsourcer"],
        quote="искать и обучать персонал, закупать и устанавливать оборудование – на это у "
              "клиента просто нет времени",
        gloss="Finding and training staff, buying and installing equipment: the client simply "
              "has no time for it.",
    )
    def explosive_growth_favours_rented_capacity():
        """Explosive growth favours renting ready capacity over building it.

        Seed 004, the same vendor's anecdote: building capacity (staff, training, equipment) is
        slower than renting it. A hint."""
