"""Stage 3, seed 002: choosing the outsourcing vendor, once outsourcing is in play.

Every rule here waits for ``Recommended(option=outsource | hybrid)``, declared by the decision
step, so the vendor questions never change which option wins and a consultation asks them only
after an outsourcer has been recommended (as the chosen option or the runner-up of a close call).
The advice texts are in ``expert/data/advice.yaml``.
"""
from expert.reasoning.facts import Answer, Recommended
from expert.reasoning.heuristic import L, heuristic
from rules.seeds import SEED_002

OUTSOURCING = L("outsource") | L("hybrid")
# Advice that also depends on an answer is a detail of the option's general advice: without a
# lower salience it would come first (its answer is an older fact than Recommended).
DETAIL = -1


class VendorRules:
    @heuristic(
        Recommended(option=OUTSOURCING),
        seed=SEED_002, advice=["vendor_checklist", "vendor_pricing", "vendor_controls"],
        quote="общата цена на проекта обикновено се състои от две части: … постоянна (еднократно "
              "плащане за подготовка на проект); … променлива, която е равна на цената на една "
              "минута обработка",
        gloss="The project's total price usually has two parts: a fixed one and a variable one "
              "equal to the price of one processed minute.",
    )
    def outsourcing_calls_for_vendor_checklist():
        """Outsourcing brings in the vendor-choice checklist, the usual pricing model and the controls to demand.

        Seed 002: talk to vendors live, look at their size and portfolio; the price is a fixed
        set-up part plus a per-minute part; ask for full reporting, call recordings,
        reconciliation of recording lengths with the report, audit access to the vendor's
        platform (without meddling in its internal processes), and check its reaction speed."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        seed=SEED_002,
        advice=["vendor_long_list", "vendor_service_and_culture", "vendor_project_manager",
                "vendor_automation_tools"],
        quote="създаване на списък с потенциални доставчици на услуги (обикновено се използват "
              "резултати от търсачките, проучват се сайтове, отзиви и препоръки)",
        gloss="Make a list of potential vendors (usually from search results, sites, reviews and "
              "recommendations).",
    )
    def outsourcing_calls_for_a_long_list_and_a_close_look():
        """Outsourcing starts with a long list of vendors, each looked at for service, people and tools.

        Seed 002: the list comes from search results, sites, reviews and recommendations; while
        choosing, find out the vendor's level of service, its technology and its culture; its
        project managers must align content, costs, schedule and expectations; and managing a
        centre today can hardly be done without automated tools. Each is a checklist item of its
        own, quoted in the advice file."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="curator_named", value="yes"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_three_roles"],
        quote="системата за взаимодействие се състои от три ключови лица: мениджър, ръководител "
              "на група оператори, куратор от страна на клиента",
        gloss="The working system has three key people: the manager, the operators' team lead, "
              "and the client's curator.",
    )
    def named_curator_meets_the_other_two_roles():
        """With a curator named, connect the three key people from the "zero" point.

        Seed 002: an outsourced project runs through the vendor's manager, its operators' team
        lead and the client's curator; contact made at the start eases the work later."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="vendor_task", value="telemarketing"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_telemarketing_specialist"],
        quote="има компании на пазара, които са специализирани в телемаркетинг услуги",
        gloss="There are companies on the market specialised in telemarketing services.",
    )
    def telemarketing_calls_for_a_telemarketing_specialist():
        """Telemarketing work goes to a vendor specialised in telemarketing.

        Seed 002: most centres call themselves universal, but some specialise; the task decides
        which specialisation to look for."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="vendor_task", value="hotline"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_hotline_leader"],
        quote="или са лидери в сегмента на горещите линии",
        gloss="...or are leaders in the hotline segment.",
    )
    def hotline_calls_for_a_hotline_leader():
        """Hotline work goes to a vendor that leads in hotlines.

        Seed 002: choose the vendor by specialisation, telemarketing or hotline."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="project_scale", value="large_volume"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_large_centre"],
        quote="гореща линия с голям обем минути е възможна само за големи кол центрове",
        gloss="A hotline with a large volume of minutes is possible only for large call centres.",
    )
    def large_volume_needs_a_large_vendor():
        """A high-volume project needs a large vendor: many operators and a portfolio of projects.

        Seed 002: for a hotline with thousands of minutes the total number of operators is one of
        the most important criteria; look at the projects the vendor has delivered."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="project_scale", value="small"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_small_centre"],
        quote="в малък кол център вашият проект ще бъде третиран по-внимателно",
        gloss="In a small call centre your project will be treated more carefully.",
    )
    def small_project_suits_a_small_vendor():
        """A small project or a survey of a few hundred contacts suits a small or specialised vendor.

        Seed 002: a small hotline or an information survey of a few hundred contacts goes to a
        small or specialised centre, where it gets more care."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="curator_named", value="no"),
        salience=DETAIL, seed=SEED_002, advice=["name_the_curator"],
        quote="По-добре е от самото начало да решите дали в бъдеще този служител ще се справя с "
              "координацията на  проекта.",
        gloss="Better decide from the very start whether this employee will coordinate the project later.",
    )
    def name_the_client_curator_early():
        """Without a named client-side curator, name one before choosing the vendor.

        Seed 002: the person who looks for the vendor often becomes the project's curator; decide
        it from the start."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="control_criteria_agreed", value="no"),
        salience=DETAIL, seed=SEED_002, advice=["agree_control_criteria"],
        quote="около 70% -78% от всички неуспешни опити за реализиране на проект с помощта на кол "
              "център са свързани именно с липса на разбиране между клиента и мениджъра",
        gloss="About 70-78% of all failed call-centre projects come from a lack of understanding "
              "between the client and the vendor's manager.",
    )
    def agree_control_criteria_up_front():
        """Without agreed control criteria, agree them before signing.

        Seed 002: most failed projects are failures of communication at the negotiation stage;
        knowing how the client will control the work lets both sides understand each other."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="offers_received", value="yes"),
        salience=DETAIL, seed=SEED_002, advice=["check_offer_tailoring"],
        quote="До каква степен търговското предложение е адаптирано или потенциалният изпълнител "
              "е подходил стандартно към въпроса и е изпратил стандартна оферта.",
        gloss="How far the commercial offer was adapted, or whether the vendor sent a standard offer.",
    )
    def check_whether_offers_were_tailored():
        """With offers in hand, check whether each was tailored to you or a standard one.

        Seed 002: did the vendor's manager collect information and ask clarifying questions; how
        much time will the future project manager give you."""

    @heuristic(
        Recommended(option=OUTSOURCING),
        Answer(question="multichannel", value="yes"),
        salience=DETAIL, seed=SEED_002, advice=["vendor_omnichannel"],
        quote="операторите трябва да овладеят умения на работа в нови канали за комуникация с "
              "клиентите",
        gloss="Operators must master work in new channels of communication with customers.",
    )
    def several_channels_need_omnichannel_operators():
        """Several channels need a vendor whose operators work in all of them.

        Seed 002: digital channels keep spreading, so operators must master new channels."""

    @heuristic(
        Recommended(option=L("hybrid")),
        seed=SEED_002, advice=["hybrid_is_a_management_skill"],
        quote="а в случай на големи обеми от работа и двете едновременно; само по себе си се "
              "превръща в отделно управленско умение",
        gloss="...and with large volumes of work, both at once; this in itself becomes a separate "
              "management skill.",
    )
    def running_both_is_a_management_skill():
        """Running an own centre and a vendor at once is a management skill of its own.

        Seed 002: the client often lacks these competences, especially in medium businesses."""
