"""Running a batch: every validated Row through the advisor, one result row each.

Work is spread over processes with ``jobs``; each worker builds its engine once (building the
Rete network is the slow part) and ``advise`` resets it between rows. Results come back in input
order and, since the engine is deterministic, are identical for any number of jobs.
"""
from __future__ import annotations

import functools
import itertools
import signal
from collections.abc import Iterable, Iterator

from expert.errors import InputError
from expert.inputs.rows import Row, failed
from expert.reasoning.advisor import advise, shared_engine
from expert.reasoning.options import option_ids


def advise_row(row: Row, assumptions: dict | None = None) -> dict:
    """The result row for one profile (run on this process's shared engine), its figures on
    ``assumptions`` (--assumptions FILE; default: the bundled example rates)."""
    if row.error:
        return {"row": row.row, "client": row.client, "option": None, "stage": None,
                "tie": None, "confidence": None, "scores": None, "fired_rules": None,
                "error": row.error}
    try:
        result = advise(row.answers, assumptions=assumptions)
    except InputError as err:  # valid answers a computation cannot take (e.g. the staffing limit)
        return advise_row(failed(row, str(err)))
    decision = result.decision
    return {"row": row.row, "client": row.client,
            # an undecided tie has no option: the tie column names the tied ones
            "option": "" if decision.tie else decision.option,
            "stage": decision.decided_by, "tie": list(decision.tie),
            "confidence": decision.confidence,
            # the final options only, in report order (stage outcomes are in the report)
            "scores": {o: result.decision.scores.get(o, 0) for o in option_ids()},
            "fired_rules": [f.rule for f in result.firings], "error": ""}


def _warm_worker():
    """Pool initializer: build the engine once, before the first row arrives. Ctrl-C is the
    parent's to handle (it stops the pool); a worker that caught it too would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    shared_engine()


def run_rows(rows: Iterable[Row], jobs: int = 1, on_done=None,
             assumptions: dict | None = None) -> Iterator[dict]:
    """Result rows in input order, each as soon as it is ready, so that no more than a bounded
    slice of the input is held at once. ``on_done(n)`` is told how many more rows are done."""
    one = functools.partial(advise_row, assumptions=assumptions)
    if jobs <= 1:
        for row in rows:
            yield one(row)
            if on_done:
                on_done(1)
        return
    import multiprocessing
    # Pool.imap would pull the whole input into its task queue at once; feeding it a slice at a
    # time keeps memory flat. A slice is big enough that workers rarely wait at its end.
    chunk = 50
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_warm_worker) as pool:
        rows = iter(rows)
        while piece := list(itertools.islice(rows, chunk * jobs * 32)):
            for result in pool.imap(one, piece, chunksize=chunk):
                yield result
                if on_done:
                    on_done(1)
