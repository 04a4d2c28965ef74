"""Follow-up for a recommended hybrid: the split of the work, stream by stream, as rows of data.

Seeds 000 and 004 describe the mixed model as an own centre keeping part of the work while an
outsourcer takes the rest. Once the hybrid is recommended (``Recommended(option="hybrid")``),
each row below names one stream the client has and where it goes, with the sentence that puts
it there: the core the own centre keeps, or a side stream for the outsourcer. Every row is one
advice item (``expert/data/advice.yaml``), so the report shows the split with a reason for each
stream. The rows add no evidence: the hybrid was weighed, and its core and side stream required,
before it was recommended (``data/options.yaml``, ``requires``).
"""
from typing import NamedTuple

from expert.reasoning.facts import Answer, Finding, Recommended
from expert.reasoning.heuristic import make_rule, ruleset
from expert.reasoning.options import OWN_CENTRE_RUNS
from rules.seeds import SEED_000, SEED_003, SEED_004

# A stream's advice is a detail of the hybrid's general advice (rules/followup.py), so it comes
# after it: without a lower salience it would come first (its answer is an older fact).
DETAIL = -1
CORE, SIDE = "the core, kept in-house", "a side stream, given to the outsourcer"


class Stream(NamedTuple):
    id: str
    when: object          # the pattern that says the client has the stream
    goes: str             # CORE or SIDE
    advice: str
    seed: str
    title: str
    reason: str
    quote: str
    gloss: str


STREAMS = (
    Stream("specialist_work_is_the_core", Answer(question="task_complexity", value="specialist"),
           CORE, "hybrid_core_specialist", SEED_000,
           "The specialist work stays in-house.",
           "Seed 000: narrow specialist knowledge is better with an internal centre.",
           quote="если требуются узкопрофильные знания и навыки, то внутренний контактный центр "
                 "выглядит предпочтительнее",
           gloss="If narrow specialist knowledge and skills are needed, an internal centre looks "
                 "preferable."),
    Stream("confidential_work_is_the_core", Answer(question="confidential_data", value="yes"),
           CORE, "hybrid_core_confidential", SEED_003,
           "The work with confidential customer data stays in-house.",
           "Seed 003's cheat sheet: an own centre keeps customer information confidential.",
           quote="Конфиденциальность клиентской информации.",
           gloss="Confidentiality of customer information."),
    Stream("complaints_are_the_core", Answer(question="complaint_handling", value="yes"),
           CORE, "hybrid_core_complaints", SEED_003,
           "Complaints and non-standard requests stay in-house.",
           "Seed 003's cheat sheet: an own centre handles requests and complaints better and "
           "reacts flexibly.",
           quote="Более высокое качество обработки обращений клиентов, работы с претензиями, "
                 "гибкая реакция на запросы.",
           gloss="Higher quality handling of requests and complaints, a flexible reaction to "
                 "queries."),
    Stream("the_own_centres_work_is_the_core", Finding(name=OWN_CENTRE_RUNS),
           CORE, "hybrid_core_existing_centre", SEED_004,
           "What the own centre does today stays with it.",
           "Seed 004: a company with a centre takes an outsourcer in addition to its own "
           "resources.",
           quote="либо прибегает к услугам аутсорсера в дополнение к собственным ресурсам",
           gloss="...or it takes an outsourcer in addition to its own resources."),
    Stream("campaigns_and_acquisition_go_to_the_outsourcer",
           Answer(question="campaigns_or_acquisition", value="yes"),
           SIDE, "hybrid_stream_campaigns", SEED_000,
           "Campaigns and customer acquisition go to the outsourcer.",
           "Seed 000: companies with own centres use outsourcers for exactly these.",
           quote="например, во время проведения рекламных кампаний или для привлечения новых "
                 "клиентов",
           gloss="For example during advertising campaigns or to attract new customers."),
    Stream("campaign_spikes_go_to_the_outsourcer", Answer(question="planned_spikes", value="yes"),
           SIDE, "hybrid_stream_spikes", SEED_003,
           "Planned spikes from promotions go to the outsourcer.",
           "Seed 003 places a planned campaign spike in the outsourced column.",
           quote="Планируется всплеск звонков в результате проведения маркетинговой акции, "
                 "рекламной кампании и т.п.",
           gloss="A spike in calls is planned from a marketing promotion or advertising "
                 "campaign."),
    Stream("one_off_outbound_goes_to_the_outsourcer",
           Answer(question="one_off_outbound", value="yes"),
           SIDE, "hybrid_stream_outbound", SEED_003,
           "The one-off outbound round goes to the outsourcer.",
           "Seed 003's cheat sheet: where an outsourced centre is effective.",
           quote="разового исходящего обзвона", gloss="A one-off outbound calling round."),
    Stream("after_hours_calls_go_to_the_outsourcer",
           Answer(question="call_flow", value="outside_hours"),
           SIDE, "hybrid_stream_after_hours", SEED_003,
           "Calls outside working hours, at weekends and on holidays go to the outsourcer.",
           "Seed 003 places after-hours calls in the outsourced column.",
           quote="вне рамок обычного рабочего времени, включая выходные и праздничные дни",
           gloss="Outside normal working hours, weekends and holidays included."),
    Stream("seasonal_peaks_go_to_the_outsourcer",
           Answer(question="pronounced_seasonality", value="yes"),
           SIDE, "hybrid_stream_seasonal", SEED_003,
           "Seasonal peaks go to the outsourcer.",
           "Seed 003's cheat sheet: an outsourcer is effective with pronounced seasonality.",
           quote="сезонности бизнеса", gloss="Seasonality of the business."),
    Stream("explosive_growth_goes_to_the_outsourcer",
           Answer(question="explosive_growth", value="yes"),
           SIDE, "hybrid_stream_growth", SEED_004,
           "The part of explosive growth the own centre cannot absorb goes to the outsourcer.",
           "Seed 004: renting ready capacity on top of one's own beats building it in a hurry.",
           quote="гораздо выгоднее арендовать уже готовые ресурсы в дополнение к собственным",
           gloss="It is far more profitable to rent ready resources in addition to one's own."),
)


def _rule(stream: Stream):
    return make_rule(
        Recommended(option="hybrid"), stream.when, id=stream.id, title=stream.title,
        reason=f"{stream.reason} In the split: {stream.goes}.", seed=stream.seed,
        quote=stream.quote, gloss=stream.gloss, advice=[stream.advice], salience=DETAIL,
        topic="hybrid_split")


HybridSplitRules = ruleset("HybridSplitRules", [_rule(stream) for stream in STREAMS])
