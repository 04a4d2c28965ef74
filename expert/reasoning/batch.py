"""Running a batch: every validated Row through the advisor, one result row each.

Work is spread over processes with ``jobs``; each worker builds its engine once (building the
Rete network is the slow part) and ``advise`` resets it between rows. Results come back in input
order and, since the engine is deterministic, are identical for any number of jobs.
"""
from __future__ import annotations

from expert.errors import InputError
from expert.inputs.rows import Row, failed
from expert.reasoning.advisor import advise, shared_engine
from expert.reasoning.options import option_ids


def advise_row(row: Row) -> dict:
    """The result row for one profile (run on this process's shared engine)."""
    if row.error:
        return {"row": row.row, "client": row.client, "option": None, "stage": None,
                "tie": None, "confidence": None, "scores": None, "fired_rules": None,
                "error": row.error}
    try:
        result = advise(row.answers)
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
    """Pool initializer: build the engine once, before the first row arrives."""
    shared_engine()


def run_rows(rows: list[Row], jobs: int = 1, on_done=None) -> list[dict]:
    """Result rows in input order. ``on_done(n)`` is told how many more rows are done."""
    results = []
    if jobs <= 1 or len(rows) < 2:
        for row in rows:
            results.append(advise_row(row))
            if on_done:
                on_done(1)
        return results
    import multiprocessing
    chunk = max(1, min(200, len(rows) // (jobs * 8)))  # big enough to amortise, small for progress
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_warm_worker) as pool:
        for result in pool.imap(advise_row, rows, chunksize=chunk):
            results.append(result)
            if on_done:
                on_done(1)
    return results


