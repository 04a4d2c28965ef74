"""Findings other rules chain on: one fact however many rules reach it, so a seed statement that
can be known two ways still votes once.

* The staff row of seed 003 (fewer than five people on calls, or five and more), from the
  client's own count. (A headcount Erlang C computes is a different number, what the volume
  would need, and it rests on assumed targets unless the client gave them: it is shown with the
  costs, and places no questionnaire row.)
* The confidentiality row of seed 003 asks about two things at once, confidential customer data
  and/or work in the company's own CRM; either one is the row's «Да».
* Whether the client runs an own contact centre today (seeds 000 and 004 speak of companies that
  have one): keeping it is not building one, so a veto on building does not reach it.
"""
from expert.reasoning.facts import Answer
from expert.reasoning.heuristic import at_least, below, heuristic, one_of
from expert.reasoning.options import OWN_CENTRE_RUNS
from rules.groups import CORE
from rules.seeds import SEED_003, SEED_004


class FindingRules:
    @heuristic(
        Answer(question="call_staff", value=below(5)),
        seed=SEED_003, finds=["fewer_than_five_on_calls"],
        quote="Сколько человек работает на приеме звонков? Меньше 5",
        gloss="How many people take calls? Fewer than 5.",
    )
    def fewer_than_five_people_take_calls():
        """Fewer than five people take calls today.

        Seed 003, staff row, left column. Only a finding: the row's evidence is given once, by
        fewer_than_five_on_calls_needs_no_centre."""

    @heuristic(
        Answer(question="call_staff", value=at_least(5)),
        seed=SEED_003, finds=["five_or_more_on_calls"],
        quote="Сколько человек работает на приеме звонков? … От 5 и более",
        gloss="How many people take calls? 5 or more.",
    )
    def five_or_more_people_take_calls():
        """Five or more people take calls today.

        Seed 003, staff row. Only a finding: the row's evidence is given once, by
        five_or_more_on_calls_need_a_centre."""

    @heuristic(
        Answer(question="confidential_data", value="yes"),
        seed=SEED_003, finds=["own_customer_data"],
        quote="Приходится работать с конфиденциальными клиентскими данными",
        gloss="The company has to work with confidential customer data.",
    )
    def confidential_customer_data_is_handled():
        """The company works with confidential customer data.

        Seed 003, confidentiality row. Only a finding: the row votes once, by
        confidential_data_or_own_crm_needs_a_centre, whether data, an own CRM or both are the
        reason."""

    @heuristic(
        Answer(question="own_crm", value="yes"),
        seed=SEED_003, finds=["own_customer_data"],
        quote="и/или в собственной CRM-системе",
        gloss="...and/or in its own CRM system.",
    )
    def work_in_own_crm():
        """The company's customer work runs in its own CRM system.

        Seed 003, confidentiality row, second half. A CRM is no confidentiality argument by itself,
        so it does not reach the cheat sheet's rule on leaks; it only places the row's answer."""

    @heuristic(
        Answer(question="current_arrangement", value=one_of("own_centre", "mix")),
        seed=SEED_004, finds=[OWN_CENTRE_RUNS, CORE],
        quote="так и у тех, кто такие подразделения имеет в своей структуре",
        gloss="...and among those who have such units in their structure.",
    )
    def own_centre_runs_today():
        """The company runs an own contact centre today, and what it does there is a core.

        Seed 004 speaks of companies that already have a contact centre in their structure, and
        of those that take an outsourcer in addition to their own resources: the work the centre
        does today is a core it can keep, whether or not it is worth its cost (that is weighed
        apart). Keeping it is not building one: a veto on building an own centre does not reach
        it."""
