"""Stage 1: does the business need a dedicated contact centre at all?

Seed 003's questionnaire has three columns: not needed / own centre / outsourced centre. Each
row becomes one rule per column answer: the left column votes for ``none``; the middle column
votes against ``none`` and for ``in_house``; the right column against ``none`` and for
``outsource``; a row where two columns say the same votes for both (middle and right: own
centre and outsourcer; left and right, as in the "Нет Да Нет" rows: none and outsourcer). Each of
these is one row of a questionnaire, so each weighs 1; rules that mark the centre as needed also
record the finding ``contact_centre_needed`` that later rules chain on.
"""
from expert.reasoning.facts import Answer, Finding
from expert.reasoning.heuristic import at_least, below, heuristic
from rules.seeds import SEED_003


class NeedRules:
    @heuristic(
        Answer(question="call_load", value="staff_cope"),
        seed=SEED_003, evidence={"none": 1},
        quote="Секретарь и/или сотрудники справляются с входящими звонками.",
        gloss="The secretary and/or staff cope with the incoming calls.",
    )
    def staff_coping_with_calls_needs_no_centre():
        """Staff who cope with the calls need no contact centre.

        Seed 003, first row of the questionnaire, left column."""

    @heuristic(
        Answer(question="call_load", value="staff_distracted"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Сотрудники вместо основной работы занимаются приемом входящих звонков.",
        gloss="Staff take incoming calls instead of doing their main work.",
    )
    def staff_distracted_by_calls_need_a_centre():
        """Staff pulled off their main work by calls mean a contact centre is needed.

        Seed 003, first row: the answer sits outside the "not needed" column."""

    @heuristic(
        Answer(question="call_load", value="calls_lost"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Вы чувствуете, что теряете звонки, но не можете посчитать сколько. … "
              "Клиенты жалуются, что к Вам сложно дозвониться.",
        gloss="You feel you are losing calls; customers complain it is hard to get through.",
    )
    def lost_calls_need_a_centre():
        """Lost calls and customers who cannot get through mean a contact centre is needed.

        Seed 003, first row: the answer sits outside the "not needed" column."""

    @heuristic(
        Answer(question="call_flow", value="few_in_hours"),
        seed=SEED_003, evidence={"none": 1},
        quote="Звонков небольшое количество, поступают в течение рабочего дня.",
        gloss="There are few calls and they come during the working day.",
    )
    def few_calls_in_working_hours_need_no_centre():
        """A few calls within the working day need no contact centre.

        Seed 003, second row, left column."""

    @heuristic(
        Answer(question="call_flow", value="even_in_hours"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Клиенты звонят строго в рабочее время, звонки в выходные и праздничные дни "
              "отсутствуют. Поток звонков равномерный.",
        gloss="Customers call strictly in working hours, none at weekends; the flow is even.",
    )
    def even_flow_in_working_hours_suits_own_centre():
        """An even flow of calls strictly in working hours suits an own centre.

        Seed 003, second row, middle column."""

    @heuristic(
        Answer(question="call_flow", value="outside_hours"),
        seed=SEED_003, evidence={"none": -1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Есть необходимость принимать обращения клиентов вне рамок обычного рабочего "
              "времени, включая выходные и праздничные дни.",
        gloss="Requests must be taken outside normal working hours, weekends and holidays included.",
    )
    def after_hours_calls_suit_outsourcing():
        """Calls outside working hours, at weekends and on holidays suit an outsourced centre.

        Seed 003, second row, right column."""

    @heuristic(
        Answer(question="planned_spikes", value="yes"),
        seed=SEED_003, evidence={"none": -1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Планируется всплеск звонков в результате проведения маркетинговой акции, "
              "рекламной кампании и т.п.",
        gloss="A spike in calls is planned from a marketing promotion or advertising campaign.",
    )
    def planned_campaign_spike_suits_outsourcing():
        """A planned spike from a promotion or campaign suits an outsourced centre.

        Seed 003, second row, right column."""

    @heuristic(
        Answer(question="customer_base", value=below(1000)),
        seed=SEED_003, evidence={"none": 1},
        quote="Какова клиентская база Компании? До 1000",
        gloss="What is the company's customer base? Up to 1000.",
    )
    def small_customer_base_needs_no_centre():
        """A customer base below 1000 needs no contact centre.

        Seed 003, customer-base row, left column."""

    @heuristic(
        Answer(question="customer_base", value=at_least(1000)),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Какова клиентская база Компании? … От 1000",
        gloss="What is the company's customer base? From 1000.",
    )
    def customer_base_of_1000_needs_a_centre():
        """A customer base of 1000 or more calls for a contact centre.

        Seed 003, customer-base row: "from 1000" sits outside the "not needed" column."""

    @heuristic(
        Answer(question="call_staff", value=below(5)),
        seed=SEED_003, finds=["fewer_than_five_on_calls"],
        quote="Сколько человек работает на приеме звонков? Меньше 5",
        gloss="How many people take calls? Fewer than 5.",
    )
    def fewer_than_five_people_take_calls():
        """Fewer than five people take calls today.

        Seed 003, staff row, left column. Only a finding: the row's evidence is given once, by
        fewer_than_five_on_calls_needs_no_centre, however the count is known (answer or Erlang C)."""

    @heuristic(
        Answer(question="call_staff", value=at_least(5)),
        seed=SEED_003, finds=["five_or_more_on_calls"],
        quote="Сколько человек работает на приеме звонков? … От 5 и более",
        gloss="How many people take calls? 5 or more.",
    )
    def five_or_more_people_take_calls():
        """Five or more people take calls today.

        Seed 003, staff row. Only a finding: the row's evidence is given once, by
        five_or_more_on_calls_need_a_centre, however the count is known (answer or Erlang C)."""

    @heuristic(
        Finding(name="fewer_than_five_on_calls"),
        seed=SEED_003, evidence={"none": 1},
        quote="Сколько человек работает на приеме звонков? Меньше 5",
        gloss="How many people take calls? Fewer than 5.",
    )
    def fewer_than_five_on_calls_needs_no_centre():
        """Fewer than five people on calls need no contact centre.

        Seed 003, staff row, left column."""

    @heuristic(
        Finding(name="five_or_more_on_calls"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Сколько человек работает на приеме звонков? … От 5 и более",
        gloss="How many people take calls? 5 or more.",
    )
    def five_or_more_on_calls_need_a_centre():
        """Five or more people on calls call for a contact centre.

        Seed 003, staff row: "5 or more" sits outside the "not needed" column."""

    @heuristic(
        Answer(question="call_handling", value="short_answers"),
        seed=SEED_003, evidence={"none": 1},
        quote="Короткие ответы, с которыми справляется секретарь или любой сотрудник",
        gloss="Short answers that the secretary or any employee can handle.",
    )
    def short_answers_need_no_centre():
        """Calls that need only short answers need no contact centre.

        Seed 003, call-handling row, left column."""

    @heuristic(
        Answer(question="call_handling", value="frequent_transfers"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Звонки приходится часто переключать от одного сотрудника к другому, прежде чем "
              "найдется специалист, способный ответить на вызов",
        gloss="Calls often have to be passed between staff before a specialist who can answer is found.",
    )
    def frequent_transfers_need_a_centre():
        """Calls passed from one employee to another call for a contact centre.

        Seed 003, call-handling row: outside the "not needed" column."""

    @heuristic(
        Answer(question="service_is_image", value="no"),
        seed=SEED_003, evidence={"none": 1},
        quote="Работа с клиентами является частью имиджа компании? Нет",
        gloss="Is customer work part of the company's image? No.",
    )
    def service_outside_image_needs_no_centre():
        """Customer work that is not part of the image needs no contact centre.

        Seed 003, image row, left column."""

    @heuristic(
        Answer(question="service_is_image", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Работа с клиентами является частью имиджа компании? … Да",
        gloss="Is customer work part of the company's image? Yes.",
    )
    def service_as_image_favours_own_centre():
        """Customer service that is part of the company's image favours an own centre.

        Seed 003, image row, middle column."""

    @heuristic(
        Answer(question="interaction_history", value="not_needed"),
        seed=SEED_003, evidence={"none": 1},
        quote="Компании важно вести историю взаимодействия с клиентами? Нет",
        gloss="Is keeping a history of customer interactions important? No.",
    )
    def no_history_needed_needs_no_centre():
        """No need for an interaction history means no contact centre is needed.

        Seed 003, history row, left column."""

    @heuristic(
        Answer(question="interaction_history", value="essential"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Компании важно вести историю взаимодействия с клиентами? … Да",
        gloss="Is keeping a history of customer interactions important? Yes.",
    )
    def essential_history_favours_own_centre():
        """An essential interaction history favours an own centre.

        Seed 003, history row, middle column."""

    @heuristic(
        Answer(question="interaction_history", value="nice_to_have"),
        seed=SEED_003, evidence={"none": -1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Не особенно принципиально, но в целом было бы неплохо.",
        gloss="Not essential, but on the whole it would be good.",
    )
    def optional_history_suits_outsourcing():
        """An interaction history that is merely nice to have suits an outsourced centre.

        Seed 003, history row, right column."""

    @heuristic(
        Answer(question="loyalty_programmes", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Есть ли в Компании программы лояльности клиента? Нет Да Нет",
        gloss="Does the company run loyalty programmes? No / Yes / No: only the own-centre column says yes.",
    )
    def loyalty_programmes_favour_own_centre():
        """Customer loyalty programmes favour an own centre.

        Seed 003, loyalty-programme row: only the middle column says yes."""

    @heuristic(
        Answer(question="loyalty_programmes", value="no"),
        seed=SEED_003, evidence={"none": 1, "outsource": 1},
        quote="Есть ли в Компании программы лояльности клиента? Нет Да Нет",
        gloss="Does the company run loyalty programmes? No / Yes / No: the not-needed and the outsourced columns say no.",
    )
    def no_loyalty_programmes_need_no_own_centre():
        """Without loyalty programmes, no centre or an outsourced one will do.

        Seed 003, loyalty-programme row: "no" stands in both the left and the right column: the answer
        counts for both, and not for the own centre."""

    @heuristic(
        Answer(question="confidential_data", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Приходится работать с конфиденциальными клиентскими данными и/или в собственной "
              "CRM-системе? Нет Да Нет",
        gloss="Confidential customer data or an own CRM? No / Yes / No: only the own-centre column says yes.",
    )
    def confidential_data_favours_own_centre():
        """Confidential customer data or an own CRM favours an own centre.

        Seed 003, confidentiality row: only the middle column says yes."""

    @heuristic(
        Answer(question="confidential_data", value="no"),
        seed=SEED_003, evidence={"none": 1, "outsource": 1},
        quote="Приходится работать с конфиденциальными клиентскими данными и/или в собственной "
              "CRM-системе? Нет Да Нет",
        gloss="Confidential customer data or an own CRM? No / Yes / No: the not-needed and the outsourced columns say no.",
    )
    def no_confidential_data_needs_no_own_centre():
        """Without confidential data or an own CRM, no centre or an outsourced one will do.

        Seed 003, confidentiality row: "no" stands in both the left and the right column: the answer
        counts for both, and not for the own centre."""

    @heuristic(
        Answer(question="fast_reaction", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Необходимо быстро и эффективно реагировать на обращение клиента? Нет Да Нет",
        gloss="Must requests get a fast, effective reaction? No / Yes / No: only the own-centre column says yes.",
    )
    def fast_reaction_favours_own_centre():
        """A need to react to requests quickly and effectively favours an own centre.

        Seed 003, reaction row: only the middle column says yes."""

    @heuristic(
        Answer(question="fast_reaction", value="no"),
        seed=SEED_003, evidence={"none": 1, "outsource": 1},
        quote="Необходимо быстро и эффективно реагировать на обращение клиента? Нет Да Нет",
        gloss="Must requests get a fast, effective reaction? No / Yes / No: the not-needed and the outsourced columns say no.",
    )
    def no_fast_reaction_needs_no_own_centre():
        """Without a need for a fast reaction, no centre or an outsourced one will do.

        Seed 003, reaction row: "no" stands in both the left and the right column: the answer
        counts for both, and not for the own centre."""

    @heuristic(
        Answer(question="staff_control_training", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Требуется постоянный контроль за специалистами клиентской службы и повышение их "
              "квалификации? Нет Да Нет",
        gloss="Constant control and training of service staff? No / Yes / No: only the own-centre column says yes.",
    )
    def staff_control_and_training_favour_own_centre():
        """Constant supervision and training of service staff favour an own centre.

        Seed 003, control-and-training row: only the middle column says yes."""

    @heuristic(
        Answer(question="staff_control_training", value="no"),
        seed=SEED_003, evidence={"none": 1, "outsource": 1},
        quote="Требуется постоянный контроль за специалистами клиентской службы и повышение их "
              "квалификации? Нет Да Нет",
        gloss="Constant control and training of service staff? No / Yes / No: the not-needed and the outsourced columns say no.",
    )
    def no_staff_control_needs_no_own_centre():
        """Without constant supervision and training of staff, no centre or an outsourced one will do.

        Seed 003, control-and-training row: "no" stands in both the left and the right column: the answer
        counts for both, and not for the own centre."""

    @heuristic(
        Answer(question="product_information", value="not_needed"),
        seed=SEED_003, evidence={"none": 1},
        quote="Предоставление информации Клиенту о товарах или услугах Компании… Не требуется",
        gloss="Informing customers about products or services: not required.",
    )
    def no_product_information_needs_no_centre():
        """No need to inform customers about products means no contact centre is needed.

        Seed 003, product-information row, left column."""

    @heuristic(
        Answer(question="product_information", value="expert_frequent_updates"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Требуется отличное знание о товарах/услугах. … Информация о товарах/услугах "
              "часто обновляется.",
        gloss="Excellent product knowledge is needed; product information is updated often.",
    )
    def expert_frequently_changing_information_favours_own_centre():
        """Product information that needs expert knowledge and changes often favours an own centre.

        Seed 003, product-information row, middle column."""

    @heuristic(
        Answer(question="product_information", value="simple_rare_updates"),
        seed=SEED_003, evidence={"none": -1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Отличное знание товаров/услуг не является принципиальным или не сложно. "
              "Информация о товарах/услугах обновляется редко.",
        gloss="Excellent product knowledge is not essential; the information is rarely updated.",
    )
    def simple_stable_information_suits_outsourcing():
        """Simple product information that rarely changes suits an outsourced centre.

        Seed 003, product-information row, right column."""

    @heuristic(
        Answer(question="automation_needed", value="no"),
        seed=SEED_003, evidence={"none": 1},
        quote="Есть ли необходимость в автоматизации каких-либо сервисов? Ничего не нужно автоматизировать",
        gloss="Does anything need automating? Nothing needs automating.",
    )
    def nothing_to_automate_needs_no_centre():
        """Nothing to automate means no contact centre is needed.

        Seed 003, automation row, left column."""

    @heuristic(
        Answer(question="automation_needed", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Голосовое меню (IVR), информационные сообщения, обратный звонок клиенту, "
              "проведение автоматического обзвона, другие…",
        gloss="An IVR voice menu, information messages, callbacks, automatic dialling, others.",
    )
    def automation_needs_a_centre():
        """IVR, callbacks or auto-dialling call for a contact centre.

        Seed 003, automation row: outside the "not needed" column."""

    @heuristic(
        Answer(question="loyalty_quality", value="no"),
        seed=SEED_003, evidence={"none": 1},
        quote="Необходимо качественное обслуживание на уровне телефонного общения, способное "
              "формировать лояльность клиента. Нет",
        gloss="Is loyalty-building telephone service needed? No.",
    )
    def no_loyalty_service_needs_no_centre():
        """No need for loyalty-building telephone service means no contact centre is needed.

        Seed 003, service-quality row, left column."""

    @heuristic(
        Answer(question="loyalty_quality", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1},
        finds=["contact_centre_needed"],
        quote="Необходимо качественное обслуживание … способное формировать лояльность клиента. … Да",
        gloss="Is loyalty-building telephone service needed? Yes.",
    )
    def loyalty_service_favours_own_centre():
        """Loyalty-building telephone service favours an own centre.

        Seed 003, service-quality row, middle column."""

    @heuristic(
        Answer(question="loyalty_quality", value="would_like"),
        seed=SEED_003, evidence={"none": -1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Необходимо качественное обслуживание … способное формировать лояльность клиента. … Хотелось бы",
        gloss="Is loyalty-building telephone service needed? It would be nice.",
    )
    def wished_for_loyalty_service_suits_outsourcing():
        """Loyalty-building service that is only wished for suits an outsourced centre.

        Seed 003, service-quality row, right column."""

    @heuristic(
        Answer(question="missed_call_costs", value="no"),
        seed=SEED_003, evidence={"none": 1},
        quote="Любой не отвеченный звонок в Вашу компанию оборачивается потерей клиента, а "
              "следовательно и денег. Нет",
        gloss="Every unanswered call means a lost customer and lost money? No.",
    )
    def missed_calls_harmless_need_no_centre():
        """When a missed call costs nothing, no contact centre is needed.

        Seed 003, missed-call row, left column."""

    @heuristic(
        Answer(question="missed_call_costs", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Любой не отвеченный звонок в Вашу компанию оборачивается потерей клиента, а "
              "следовательно и денег. Нет Да Да",
        gloss="Every unanswered call means a lost customer and lost money? No / Yes / Yes.",
    )
    def costly_missed_calls_need_a_centre():
        """When every missed call is a lost customer, a contact centre (own or outsourced) is needed.

        Seed 003, missed-call row: both the middle and the right column say yes."""

    @heuristic(
        Answer(question="multichannel", value="no"),
        seed=SEED_003, evidence={"none": 1},
        quote="Вам необходимо отвечать на обращения клиентов по нескольким каналам связи "
              "(звонок, электронная почта, веб-чат, смс) Нет",
        gloss="Must customers be answered over several channels? No.",
    )
    def single_channel_needs_no_centre():
        """A single channel of contact needs no contact centre.

        Seed 003, channels row, left column."""

    @heuristic(
        Answer(question="multichannel", value="yes"),
        seed=SEED_003, evidence={"none": -1, "in_house": 1, "outsource": 1},
        finds=["contact_centre_needed"],
        quote="Вам необходимо отвечать на обращения клиентов по нескольким каналам связи "
              "(звонок, электронная почта, веб-чат, смс) Нет Да Да",
        gloss="Must customers be answered over several channels (call, email, chat, SMS)? No / Yes / Yes.",
    )
    def several_channels_need_a_centre():
        """Several channels (calls, email, chat, SMS) call for a contact centre, own or outsourced.

        Seed 003, channels row: both the middle and the right column say yes."""
