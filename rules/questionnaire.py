"""Stage 1, need: seed 003's questionnaire, written as rows of data.

Seed 003 asks its questions in a table of three columns: «Не нужен Call-центр» (no centre is
needed), «Нужен собственный Call-центр» (an own centre is needed) and «Воспользуемся услугами
аутсорсингового Call-центра» (use an outsourced centre). Every row here is one cell of that table:
an answer and the column(s) it sits in. The column decides the evidence, once, for every row, and
every row is a hint (a questionnaire row is never a categorical statement):

* ``NONE``: the first column only: a hint for no dedicated handling;
* ``CENTRE``: the second and third columns alike (or a two-cell row whose right cell spans both):
  a hint for dedicated handling, and no argument about who should do it;
* ``OWN`` / ``OUTSOURCED``: one of the two: a hint for dedicated handling, and, should the
  sourcing stage be reached, a hint for own people (at home or in a centre) or for an outsourcer;
  ``OUTSOURCED_STREAM`` names a side stream (after-hours calls), which the hybrid sends out too;
* ``NONE_AND_OUTSOURCED``: «Нет» in the four «Нет Да Нет» rows, which sits in the first column
  and in the third at once. It says nothing about the need for a centre (both columns say
  «Нет»); it only says that the own-centre reason is absent, so it is a hint for an outsourcer
  over own people, should the sourcing stage be reached.

The sourcing stage hears only the second and third columns, and only once per statement: where
seed 003's cheat sheet argues a row's point (confidentiality, control and training of staff, a
marketing promotion), the row gives the need stage its vote and leaves sourcing to the cheat
sheet's rule (``sourcing_by``). The staff row is read through findings (``rules/findings.py``),
from the client's own count.
"""
from typing import NamedTuple

from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import at_least, below, make_rule, ruleset, weighed
from rules.groups import HINT, OUTSIDE, OWN, SIDE_OUT, SIDE_STREAM
from rules.seeds import SEED_003


class Column(NamedTuple):
    """Where a cell sits in the table: the need stage's option it is a hint for (or none), the
    sourcing options it is a hint for, and how the reason says so."""
    need: str
    sourcing: tuple
    words: str


NONE = Column("none", (), "in the first column (no centre needed)")
CENTRE = Column("dedicated", (), "outside the first column (a centre is needed, own or outsourced)")
OWN_COLUMN = Column("dedicated", OWN, "in the second column (an own centre): own people")
OUTSOURCED = Column("dedicated", OUTSIDE, "in the third column (an outsourced centre)")
OUTSOURCED_STREAM = Column("dedicated", SIDE_OUT, "in the third column (an outsourced centre), "
                                                  "a side stream the hybrid gives out too")
NONE_AND_OUTSOURCED = Column("", OUTSIDE, "in the first and the third column at once («Нет» under "
                                          "both): nothing about the need, only that the own-"
                                          "centre reason is absent")


class Row(NamedTuple):
    id: str
    patterns: tuple
    column: Column
    title: str
    quote: str
    gloss: str
    finds: tuple = ()
    sourcing_by: str = ""   # the cheat-sheet rule that gives this point its sourcing vote
    # A cell that can hold with the row's other cells (its question takes several answers,
    # data/questions: ``multiple``): a statement of its own. kb check's "double votes" names
    # a row whose cells can fire together without it.
    together: bool = False


ROWS = (
    Row('feeling_the_need_to_improve_service_means_a_centre_is_needed',
        (Answer(question="improve_service_felt", value="yes"),), CENTRE,
        'A felt need to improve service, loyalty and the history of contacts means a contact centre is needed.',
        quote='Если Вы интуитивно чувствуете потребность в улучшении качества обслуживания клиентов, оптимизации взаимодействия Компании с клиентом, формировании клиентской лояльности и истории взаимодействия, то видимо он уже Вам нужен.',
        gloss='If you feel a need to improve customer service, the company\'s interaction with customers, customer loyalty and the history of contacts, then you probably need one already.'),
    Row('staff_coping_with_calls_needs_no_centre',
        (Answer(question="call_load", value="staff_cope"),), NONE,
        'Staff who cope with the calls need no contact centre.',
        quote='Секретарь и/или сотрудники справляются с входящими звонками.',
        gloss='The secretary and/or staff cope with the incoming calls.'),
    Row('staff_distracted_by_calls_need_a_centre',
        (Answer(question="call_load", value="staff_distracted"),), CENTRE,
        'Staff pulled off their main work by calls mean a contact centre is needed.',
        quote='Сотрудники вместо основной работы занимаются приемом входящих звонков.',
        gloss='Staff take incoming calls instead of doing their main work.', together=True),
    Row('lost_calls_need_a_centre',
        (Answer(question="call_load", value="calls_lost"),), CENTRE,
        'Lost calls and customers who cannot get through mean a contact centre is needed.',
        quote='Вы чувствуете, что теряете звонки, но не можете посчитать сколько. … Клиенты жалуются, что к Вам сложно дозвониться.',
        gloss='You feel you are losing calls; customers complain it is hard to get through.',
        together=True),
    Row('few_calls_in_working_hours_need_no_centre',
        (Answer(question="call_flow", value="few_in_hours"),), NONE,
        'A few calls within the working day need no contact centre.',
        quote='Звонков небольшое количество, поступают в течение рабочего дня.',
        gloss='There are few calls and they come during the working day.'),
    Row('even_flow_in_working_hours_suits_own_staff',
        (Answer(question="call_flow", value="even_in_hours"),), OWN_COLUMN,
        'An even flow of calls strictly in working hours suits own operators.',
        quote='Клиенты звонят строго в рабочее время, звонки в выходные и праздничные дни отсутствуют. Поток звонков равномерный.',
        gloss='Customers call strictly in working hours, none at weekends; the flow is even.'),
    Row('after_hours_calls_suit_outsourcing',
        (Answer(question="call_flow", value="outside_hours"),), OUTSOURCED_STREAM,
        'Calls outside working hours, at weekends and on holidays suit an outsourced centre.',
        quote='Есть необходимость принимать обращения клиентов вне рамок обычного рабочего времени, включая выходные и праздничные дни.',
        gloss='Requests must be taken outside normal working hours, weekends and holidays included.',
        finds=(SIDE_STREAM,)),
    Row('planned_campaign_spike_needs_a_centre',
        (Answer(question="planned_spikes", value="yes"),), OUTSOURCED_STREAM,
        'A planned spike from a promotion or campaign means a contact centre is needed.',
        quote='Планируется всплеск звонков в результате проведения маркетинговой акции, рекламной кампании и т.п.',
        gloss='A spike in calls is planned from a marketing promotion or advertising campaign.',
        finds=(SIDE_STREAM,), sourcing_by="marketing_promotion_is_work_an_outsourcer_does_well"),
    Row('small_customer_base_needs_no_centre',
        (Answer(question="customer_base", value=below(1000)),), NONE,
        'A customer base below 1000 needs no contact centre.',
        quote='Какова клиентская база Компании? До 1000',
        gloss="What is the company's customer base? Up to 1000."),
    Row('customer_base_of_1000_needs_a_centre',
        (Answer(question="customer_base", value=at_least(1000)),), CENTRE,
        'A customer base of 1000 or more calls for a contact centre.',
        quote='Какова клиентская база Компании? … От 1000',
        gloss="What is the company's customer base? From 1000."),
    Row('fewer_than_five_on_calls_needs_no_centre',
        (Finding(name="fewer_than_five_on_calls"),), NONE,
        'Fewer than five people on calls need no contact centre.',
        quote='Сколько человек работает на приеме звонков? Меньше 5',
        gloss='How many people take calls? Fewer than 5.'),
    Row('five_or_more_on_calls_need_a_centre',
        (Finding(name="five_or_more_on_calls"),), CENTRE,
        'Five or more people on calls call for a contact centre.',
        quote='Сколько человек работает на приеме звонков? … От 5 и более',
        gloss='How many people take calls? 5 or more.'),
    Row('short_answers_need_no_centre',
        (Answer(question="call_handling", value="short_answers"),), NONE,
        'Calls that need only short answers need no contact centre.',
        quote='Короткие ответы, с которыми справляется секретарь или любой сотрудник',
        gloss='Short answers that the secretary or any employee can handle.'),
    Row('frequent_transfers_need_a_centre',
        (Answer(question="call_handling", value="frequent_transfers"),), CENTRE,
        'Calls passed from one employee to another call for a contact centre.',
        quote='Звонки приходится часто переключать от одного сотрудника к другому, прежде чем найдется специалист, способный ответить на вызов',
        gloss='Calls often have to be passed between staff before a specialist who can answer is found.'),
    Row('service_outside_image_needs_no_centre',
        (Answer(question="service_is_image", value="no"),), NONE,
        'Customer work that is not part of the image needs no contact centre.',
        quote='Работа с клиентами является частью имиджа компании? Нет',
        gloss="Is customer work part of the company's image? No."),
    Row('service_as_image_needs_a_centre',
        (Answer(question="service_is_image", value="yes"),), CENTRE,
        "Customer service that is part of the company's image calls for a contact centre.",
        quote='Работа с клиентами является частью имиджа компании? … Да',
        gloss="Is customer work part of the company's image? Yes."),
    Row('no_history_needed_needs_no_centre',
        (Answer(question="interaction_history", value="not_needed"),), NONE,
        'No need for an interaction history means no contact centre is needed.',
        quote='Компании важно вести историю взаимодействия с клиентами? Нет',
        gloss='Is keeping a history of customer interactions important? No.'),
    Row('essential_history_favours_own_staff',
        (Answer(question="interaction_history", value="essential"),), OWN_COLUMN,
        'An essential interaction history favours own operators.',
        quote='Компании важно вести историю взаимодействия с клиентами? … Да',
        gloss='Is keeping a history of customer interactions important? Yes.'),
    Row('optional_history_suits_outsourcing',
        (Answer(question="interaction_history", value="nice_to_have"),), OUTSOURCED,
        'An interaction history that is merely nice to have suits an outsourced centre.',
        quote='Не особенно принципиально, но в целом было бы неплохо.',
        gloss='Not essential, but on the whole it would be good.'),
    Row('loyalty_programmes_favour_own_staff',
        (Answer(question="loyalty_programmes", value="yes"),), OWN_COLUMN,
        'Customer loyalty programmes favour own operators.',
        quote='Есть ли в Компании программы лояльности клиента? Нет Да',
        gloss='Does the company run loyalty programmes? No / Yes / No: only the own-centre column says yes.'),
    Row('no_loyalty_programmes_lean_to_outsourcing',
        (Answer(question="loyalty_programmes", value="no"),), NONE_AND_OUTSOURCED,
        'Without loyalty programmes, the own-centre reason of this row is absent.',
        quote='Есть ли в Компании программы лояльности клиента? Нет',
        gloss='Does the company run loyalty programmes? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('confidential_data_or_own_crm_needs_a_centre',
        (Finding(name="own_customer_data"),), OWN_COLUMN,
        'Confidential customer data or work in an own CRM calls for a contact centre.',
        quote='Приходится работать с конфиденциальными клиентскими данными и/или в собственной CRM-системе? Нет Да',
        gloss='Confidential customer data or an own CRM? No / Yes / No: only the own-centre column says yes.',
        sourcing_by="confidential_data_stays_with_own_staff"),
    Row('no_confidential_data_leans_to_outsourcing',
        (Answer(question="confidential_data", value="no"), Answer(question="own_crm", value="no"),), NONE_AND_OUTSOURCED,
        'Without confidential data or an own CRM, the own-centre reason of this row is absent.',
        quote='Приходится работать с конфиденциальными клиентскими данными и/или в собственной CRM-системе? Нет',
        gloss='Confidential customer data or an own CRM? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('fast_reaction_favours_own_staff',
        (Answer(question="fast_reaction", value="yes"),), OWN_COLUMN,
        'A need to react to requests quickly and effectively favours own operators.',
        quote='Необходимо быстро и эффективно реагировать на обращение клиента? Нет Да',
        gloss='Must requests get a fast, effective reaction? No / Yes / No: only the own-centre column says yes.'),
    Row('no_fast_reaction_leans_to_outsourcing',
        (Answer(question="fast_reaction", value="no"),), NONE_AND_OUTSOURCED,
        'Without a need for a fast reaction, the own-centre reason of this row is absent.',
        quote='Необходимо быстро и эффективно реагировать на обращение клиента? Нет',
        gloss='Must requests get a fast, effective reaction? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('staff_control_and_training_need_a_centre',
        (Answer(question="staff_control_training", value="yes"),), OWN_COLUMN,
        'Constant supervision and training of service staff call for a contact centre.',
        quote='Требуется постоянный контроль за специалистами клиентской службы и повышение их квалификации? Нет Да',
        gloss='Constant control and training of service staff? No / Yes / No: only the own-centre column says yes.',
        sourcing_by="control_and_training_stay_with_own_staff"),
    Row('no_staff_control_leans_to_outsourcing',
        (Answer(question="staff_control_training", value="no"),), NONE_AND_OUTSOURCED,
        'Without constant supervision and training of staff, the own-centre reason of this row is absent.',
        quote='Требуется постоянный контроль за специалистами клиентской службы и повышение их квалификации? Нет',
        gloss='Constant control and training of service staff? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('no_product_information_needs_no_centre',
        (Answer(question="product_information", value="not_needed"),), NONE,
        'No need to inform customers about products means no contact centre is needed.',
        quote='Предоставление информации Клиенту о товарах или услугах Компании… Не требуется',
        gloss='Informing customers about products or services: not required.'),
    Row('expert_frequently_changing_information_favours_own_staff',
        (Answer(question="product_information", value="expert_frequent_updates"),), OWN_COLUMN,
        'Product information that needs expert knowledge and changes often favours own operators.',
        quote='Требуется отличное знание о товарах/услугах. … Информация о товарах/услугах часто обновляется.',
        gloss='Excellent product knowledge is needed; product information is updated often.'),
    Row('conveying_the_benefits_favours_own_staff',
        (Answer(question="convey_benefits", value="yes"),), OWN_COLUMN,
        'Operators who must convey the benefits of the products favour own operators.',
        quote='Необходимо умение донести до клиента преимущества товара/услуги',
        gloss='The ability to convey the benefits of the product or service to the customer is needed.'),
    Row('simple_stable_information_suits_outsourcing',
        (Answer(question="product_information", value="simple_rare_updates"),), OUTSOURCED,
        'Simple product information that rarely changes suits an outsourced centre.',
        quote='Отличное знание товаров/услуг не является принципиальным или не сложно. Информация о товарах/услугах обновляется редко.',
        gloss='Excellent product knowledge is not essential; the information is rarely updated.'),
    Row('nothing_to_automate_needs_no_centre',
        (Answer(question="automation_needed", value="no"),), NONE,
        'Nothing to automate means no contact centre is needed.',
        quote='Есть ли необходимость в автоматизации каких-либо сервисов? Ничего не нужно автоматизировать',
        gloss='Does anything need automating? Nothing needs automating.'),
    Row('automation_needs_a_centre',
        (Answer(question="automation_needed", value="yes"),), CENTRE,
        'IVR, callbacks or auto-dialling call for a contact centre.',
        quote='Голосовое меню (IVR), информационные сообщения, обратный звонок клиенту, проведение автоматического обзвона, другие…',
        gloss='An IVR voice menu, information messages, callbacks, automatic dialling, others.'),
    Row('no_loyalty_service_needs_no_centre',
        (Answer(question="loyalty_quality", value="no"),), NONE,
        'No need for loyalty-building telephone service means no contact centre is needed.',
        quote='Необходимо качественное обслуживание на уровне телефонного общения, способное формировать лояльность клиента. Нет',
        gloss='Is loyalty-building telephone service needed? No.'),
    Row('loyalty_service_favours_own_staff',
        (Answer(question="loyalty_quality", value="yes"),), OWN_COLUMN,
        'Loyalty-building telephone service favours own operators.',
        quote='Необходимо качественное обслуживание … способное формировать лояльность клиента. … Да',
        gloss='Is loyalty-building telephone service needed? Yes.'),
    Row('wished_for_loyalty_service_suits_outsourcing',
        (Answer(question="loyalty_quality", value="would_like"),), OUTSOURCED,
        'Loyalty-building service that is only wished for suits an outsourced centre.',
        quote='Необходимо качественное обслуживание … способное формировать лояльность клиента. … Хотелось бы',
        gloss='Is loyalty-building telephone service needed? It would be nice.'),
    Row('missed_calls_harmless_need_no_centre',
        (Answer(question="missed_call_costs", value="no"),), NONE,
        'When a missed call costs nothing, no contact centre is needed.',
        quote='Любой не отвеченный звонок в Вашу компанию оборачивается потерей клиента, а следовательно и денег. Нет',
        gloss='Every unanswered call means a lost customer and lost money? No.'),
    Row('costly_missed_calls_need_a_centre',
        (Answer(question="missed_call_costs", value="yes"),), CENTRE,
        'When every missed call is a lost customer, a contact centre (own or outsourced) is needed.',
        quote='Любой не отвеченный звонок в Вашу компанию оборачивается потерей клиента, а следовательно и денег. Нет Да Да',
        gloss='Every unanswered call means a lost customer and lost money? No / Yes / Yes.'),
    Row('single_channel_needs_no_centre',
        (Answer(question="multichannel", value="no"),), NONE,
        'A single channel of contact needs no contact centre.',
        quote='Вам необходимо отвечать на обращения клиентов по нескольким каналам связи (звонок, электронная почта, веб-чат, смс) Нет',
        gloss='Must customers be answered over several channels? No.'),
    Row('several_channels_need_a_centre',
        (Answer(question="multichannel", value="yes"),), CENTRE,
        'Several channels (calls, email, chat, SMS) call for a contact centre, own or outsourced.',
        quote='Вам необходимо отвечать на обращения клиентов по нескольким каналам связи (звонок, электронная почта, веб-чат, смс) Нет Да Да',
        gloss='Must customers be answered over several channels (call, email, chat, SMS)? No / Yes / Yes.'),
)


def _reason(row: Row) -> str:
    reason = f"Seed 003's questionnaire: the answer sits {row.column.words}."
    if row.sourcing_by:
        reason += (f" Who should do it is argued by seed 003's cheat sheet ({row.sourcing_by}), "
                   "so the row votes once, at the need stage.")
    return reason


def _evidence(row: Row) -> dict:
    """The row's hints: for its need-stage option, and for the sourcing options of its column
    unless the cheat sheet gives that vote."""
    evidence = weighed(HINT, [row.column.need] if row.column.need else ())
    if not row.sourcing_by:
        evidence.update(weighed(HINT, row.column.sourcing))
    return evidence


def _statement(row: Row) -> str:
    """The table row a cell belongs to, named by what it asks: the seed's text has no full stops
    between rows, so its sentences cannot tell them apart. The cells of one row are one
    statement, and answer one question, so they never fire together - but for a row whose
    cells name troubles that can all be true at once (a multi-choice question: staff pulled
    off their work, and calls lost): there each cell is a statement of its own, and votes."""
    pattern = row.patterns[0]
    subject = pattern.get("question") or pattern.get("name")
    if row.together:
        return f"{SEED_003}: {subject}={pattern.get('value')}"
    return f"{SEED_003}: {subject}"


def _rule(row: Row):
    return make_rule(
        *row.patterns, id=row.id, title=row.title, reason=_reason(row),
        seed=SEED_003, quote=row.quote, gloss=row.gloss, evidence=_evidence(row), finds=row.finds,
        topic="questionnaire", strength=HINT, statement=_statement(row))


QuestionnaireRules = ruleset("QuestionnaireRules", [_rule(row) for row in ROWS])
