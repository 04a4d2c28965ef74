"""Stage 1, need: seed 003's questionnaire, written as rows of data.

Seed 003 asks its questions in a table of three columns: «Не нужен Call-центр» (no centre is
needed), «Нужен собственный Call-центр» (an own centre is needed) and «Воспользуемся услугами
аутсорсингового Call-центра» (use an outsourced centre). Every row here is one cell of that table:
an answer and the column(s) it sits in. The column decides the evidence, once, for every row:

* ``NONE``: the first column only: a hint (1) for no dedicated handling;
* ``CENTRE``: the second and third columns alike (or a two-cell row whose right cell spans both):
  a hint for dedicated handling, and no argument about sourcing;
* ``OWN`` / ``OUTSOURCED``: one of the two: a hint for dedicated handling, and, should the
  sourcing stage be reached, a hint for an own or an outsourced centre. (That part counts only if
  the sourcing stage opens: the need stage never hears it.)
* ``NONE_OR_OUTSOURCED``: the «Нет Да Нет» rows answered «Нет»: the answer sits in the first
  column, and the third says «Нет» too. It is a hint for no dedicated handling, and no argument for
  outsourcing: the row says what an own centre is for, not what an outsourcer is good at.

Each weighs 1: a row of a questionnaire is a hint, never a categorical statement. The staff row
is read through findings (``rules/findings.py``), so the row's evidence is given once however the
count is known (the client's answer, or the agents Erlang C computes). A planned campaign spike
sits in the outsourced column, but its outsourcing vote is given once, by the cheat sheet's
«маркетинговой акции» (rules/cheatsheet.py), which says the same thing more strongly.
"""
from typing import NamedTuple

from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import at_least, below, make_rule, ruleset
from rules.seeds import SEED_003

NONE = {"none": 1}
CENTRE = {"dedicated": 1}
OWN = {"dedicated": 1, "in_house": 1}
OUTSOURCED = {"dedicated": 1, "outsource": 1}
NONE_OR_OUTSOURCED = {"none": 1}

COLUMN_WORDS = {
    id(NONE): "in the first column (no centre needed)",
    id(CENTRE): "outside the first column (a centre is needed, own or outsourced)",
    id(OWN): "in the second column (an own centre)",
    id(OUTSOURCED): "in the third column (an outsourced centre)",
    id(NONE_OR_OUTSOURCED): "in the first column; the third says «Нет» too, which is no argument "
                            "for outsourcing",
}


class Row(NamedTuple):
    id: str
    patterns: tuple
    column: dict
    title: str
    quote: str
    gloss: str
    finds: tuple = ()


ROWS = (
    Row('staff_coping_with_calls_needs_no_centre',
        (Answer(question="call_load", value="staff_cope"),), NONE,
        'Staff who cope with the calls need no contact centre.',
        quote='Секретарь и/или сотрудники справляются с входящими звонками.',
        gloss='The secretary and/or staff cope with the incoming calls.'),
    Row('staff_distracted_by_calls_need_a_centre',
        (Answer(question="call_load", value="staff_distracted"),), CENTRE,
        'Staff pulled off their main work by calls mean a contact centre is needed.',
        quote='Сотрудники вместо основной работы занимаются приемом входящих звонков.',
        gloss='Staff take incoming calls instead of doing their main work.'),
    Row('lost_calls_need_a_centre',
        (Answer(question="call_load", value="calls_lost"),), CENTRE,
        'Lost calls and customers who cannot get through mean a contact centre is needed.',
        quote='Вы чувствуете, что теряете звонки, но не можете посчитать сколько. … Клиенты жалуются, что к Вам сложно дозвониться.',
        gloss='You feel you are losing calls; customers complain it is hard to get through.'),
    Row('few_calls_in_working_hours_need_no_centre',
        (Answer(question="call_flow", value="few_in_hours"),), NONE,
        'A few calls within the working day need no contact centre.',
        quote='Звонков небольшое количество, поступают в течение рабочего дня.',
        gloss='There are few calls and they come during the working day.'),
    Row('even_flow_in_working_hours_suits_own_centre',
        (Answer(question="call_flow", value="even_in_hours"),), OWN,
        'An even flow of calls strictly in working hours suits an own centre.',
        quote='Клиенты звонят строго в рабочее время, звонки в выходные и праздничные дни отсутствуют. Поток звонков равномерный.',
        gloss='Customers call strictly in working hours, none at weekends; the flow is even.'),
    Row('after_hours_calls_suit_outsourcing',
        (Answer(question="call_flow", value="outside_hours"),), OUTSOURCED,
        'Calls outside working hours, at weekends and on holidays suit an outsourced centre.',
        quote='Есть необходимость принимать обращения клиентов вне рамок обычного рабочего времени, включая выходные и праздничные дни.',
        gloss='Requests must be taken outside normal working hours, weekends and holidays included.',
        finds=("side_stream_for_outsourcer",)),
    Row('planned_campaign_spike_suits_outsourcing',
        (Answer(question="planned_spikes", value="yes"),), CENTRE,
        'A planned spike from a promotion or campaign suits an outsourced centre.',
        quote='Планируется всплеск звонков в результате проведения маркетинговой акции, рекламной кампании и т.п.',
        gloss='A spike in calls is planned from a marketing promotion or advertising campaign.',
        finds=("side_stream_for_outsourcer",)),
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
    Row('service_as_image_favours_own_centre',
        (Answer(question="service_is_image", value="yes"),), CENTRE,
        "Customer service that is part of the company's image favours an own centre.",
        quote='Работа с клиентами является частью имиджа компании? … Да',
        gloss="Is customer work part of the company's image? Yes."),
    Row('no_history_needed_needs_no_centre',
        (Answer(question="interaction_history", value="not_needed"),), NONE,
        'No need for an interaction history means no contact centre is needed.',
        quote='Компании важно вести историю взаимодействия с клиентами? Нет',
        gloss='Is keeping a history of customer interactions important? No.'),
    Row('essential_history_favours_own_centre',
        (Answer(question="interaction_history", value="essential"),), OWN,
        'An essential interaction history favours an own centre.',
        quote='Компании важно вести историю взаимодействия с клиентами? … Да',
        gloss='Is keeping a history of customer interactions important? Yes.'),
    Row('optional_history_suits_outsourcing',
        (Answer(question="interaction_history", value="nice_to_have"),), OUTSOURCED,
        'An interaction history that is merely nice to have suits an outsourced centre.',
        quote='Не особенно принципиально, но в целом было бы неплохо.',
        gloss='Not essential, but on the whole it would be good.'),
    Row('loyalty_programmes_favour_own_centre',
        (Answer(question="loyalty_programmes", value="yes"),), OWN,
        'Customer loyalty programmes favour an own centre.',
        quote='Есть ли в Компании программы лояльности клиента? Нет Да',
        gloss='Does the company run loyalty programmes? No / Yes / No: only the own-centre column says yes.'),
    Row('no_loyalty_programmes_need_no_own_centre',
        (Answer(question="loyalty_programmes", value="no"),), NONE_OR_OUTSOURCED,
        'Without loyalty programmes, this row calls for no dedicated handling.',
        quote='Есть ли в Компании программы лояльности клиента? Нет',
        gloss='Does the company run loyalty programmes? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('confidential_data_favours_own_centre',
        (Finding(name="own_customer_data"),), OWN,
        'Confidential customer data or work in an own CRM favours an own centre.',
        quote='Приходится работать с конфиденциальными клиентскими данными и/или в собственной CRM-системе? Нет Да',
        gloss='Confidential customer data or an own CRM? No / Yes / No: only the own-centre column says yes.'),
    Row('no_confidential_data_needs_no_own_centre',
        (Answer(question="confidential_data", value="no"), Answer(question="own_crm", value="no"),), NONE_OR_OUTSOURCED,
        'Without confidential data or an own CRM, no contact centre is needed.',
        quote='Приходится работать с конфиденциальными клиентскими данными и/или в собственной CRM-системе? Нет',
        gloss='Confidential customer data or an own CRM? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('fast_reaction_favours_own_centre',
        (Answer(question="fast_reaction", value="yes"),), OWN,
        'A need to react to requests quickly and effectively favours an own centre.',
        quote='Необходимо быстро и эффективно реагировать на обращение клиента? Нет Да',
        gloss='Must requests get a fast, effective reaction? No / Yes / No: only the own-centre column says yes.'),
    Row('no_fast_reaction_needs_no_own_centre',
        (Answer(question="fast_reaction", value="no"),), NONE_OR_OUTSOURCED,
        'Without a need for a fast reaction, this row calls for no dedicated handling.',
        quote='Необходимо быстро и эффективно реагировать на обращение клиента? Нет',
        gloss='Must requests get a fast, effective reaction? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('staff_control_and_training_favour_own_centre',
        (Answer(question="staff_control_training", value="yes"),), OWN,
        'Constant supervision and training of service staff favour an own centre.',
        quote='Требуется постоянный контроль за специалистами клиентской службы и повышение их квалификации? Нет Да',
        gloss='Constant control and training of service staff? No / Yes / No: only the own-centre column says yes.'),
    Row('no_staff_control_needs_no_own_centre',
        (Answer(question="staff_control_training", value="no"),), NONE_OR_OUTSOURCED,
        'Without constant supervision and training of staff, this row calls for no dedicated handling.',
        quote='Требуется постоянный контроль за специалистами клиентской службы и повышение их квалификации? Нет',
        gloss='Constant control and training of service staff? No / Yes / No: the not-needed and the outsourced columns say no.'),
    Row('no_product_information_needs_no_centre',
        (Answer(question="product_information", value="not_needed"),), NONE,
        'No need to inform customers about products means no contact centre is needed.',
        quote='Предоставление информации Клиенту о товарах или услугах Компании… Не требуется',
        gloss='Informing customers about products or services: not required.'),
    Row('expert_frequently_changing_information_favours_own_centre',
        (Answer(question="product_information", value="expert_frequent_updates"),), OWN,
        'Product information that needs expert knowledge and changes often favours an own centre.',
        quote='Требуется отличное знание о товарах/услугах. … Информация о товарах/услугах часто обновляется.',
        gloss='Excellent product knowledge is needed; product information is updated often.'),
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
    Row('loyalty_service_favours_own_centre',
        (Answer(question="loyalty_quality", value="yes"),), OWN,
        'Loyalty-building telephone service favours an own centre.',
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


def _rule(row: Row):
    return make_rule(
        *row.patterns, id=row.id, title=row.title,
        reason=f"Seed 003's questionnaire: the answer sits {COLUMN_WORDS[id(row.column)]}.",
        seed=SEED_003, quote=row.quote, gloss=row.gloss, evidence=row.column, finds=row.finds,
        topic="questionnaire")


QuestionnaireRules = ruleset("QuestionnaireRules", [_rule(row) for row in ROWS])
