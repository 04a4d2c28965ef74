"""Stage 3, sourcing: the hybrid as a split of work (seed 000's mixed model, seed 004).

A hybrid is not "an own centre plus something": it is recommended when the core work favours
own handling (specialist knowledge, confidential data, a well-run own centre) and a side stream
favours an outsourcer (campaigns, one-off outbound, after-hours calls, seasonal or explosive
peaks). Both halves are findings, reached by the rules that argue them; the report names which
stream goes where (rules/followup.py), with seed 004's governance.
"""
from expert.reasoning.facts import Finding
from expert.reasoning.heuristic import heuristic
from rules.seeds import SEED_000


class HybridRules:
    @heuristic(
        Finding(name="core_for_own_centre"),
        Finding(name="side_stream_for_outsourcer"),
        seed=SEED_000, evidence={"hybrid": 2, "in_house": -1, "outsource": -1},
        quote="смешанная модель использования контактных центров, где часть задач решается "
              "внутренним call-центром, а остальные распределяются между внешними контактными "
              "центрами",
        gloss="The mixed model: part of the tasks is handled by the internal call centre, the rest "
              "is distributed among external contact centres.",
    )
    def own_core_with_outsourced_side_streams_is_a_hybrid():
        """A core that favours own handling plus a side stream that favours an outsourcer is a hybrid.

        Seed 000's mixed model, whether or not an own centre exists yet: the specialist,
        confidential or well-run core stays in-house; campaigns, one-off outbound rounds,
        after-hours calls, seasonal or explosive peaks go to an outsourcer. Either pure option
        would leave one part of the work where the seeds say it does not belong: a hint
        against each."""
