"""Running a batch: every validated Row through the advisor, one result row each.

Work is spread over processes with ``jobs``; each worker builds its engine once (building the
Rete network is the slow part) and ``advise`` resets it between rows. Results come back in input
order and, since the engine is deterministic, are identical for any number of jobs.
"""
from __future__ import annotations

import contextlib
import functools
import itertools
import os
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


def _warm_worker(parent: int):
    """Pool initializer: build the engine once, before the first row arrives.

    Ctrl-C and SIGTERM are the parent's to handle (it stops the pool); a worker that caught
    them too would print a traceback. So a worker ignores Ctrl-C and dies of SIGTERM at once, as
    the parent's stopping of the pool, ``timeout``'s signal to the whole group, and the kernel
    when the parent dies (SIGKILL included) send it: an orphan would write its results into a
    pipe no one reads, and print a traceback of the broken pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # blocked by run_rows, see there
    shared_engine()


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with(parent: int) -> None:
    """Have the kernel send this process SIGTERM when ``parent`` dies (Linux's prctl; where
    there is none, nothing is done)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # no prctl here
        return
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(0)


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
    # Pool.imap would pull the whole input into its task queue at once; feeding it a slice at a
    # time keeps memory flat. A slice is big enough that workers rarely wait at its end.
    chunk = 50
    with _workers(jobs) as pool:
        rows = iter(rows)
        while piece := list(itertools.islice(rows, chunk * jobs * 32)):
            for result in pool.imap(one, piece, chunksize=chunk):
                yield result
                if on_done:
                    on_done(1)


@contextlib.contextmanager
def _workers(jobs: int):
    """A pool of ``jobs`` forked workers, stopped (terminated) when the block ends.

    SIGTERM stays blocked while they are forked: a worker inherits the parent's handler (which
    raises, and would print a traceback in the worker) until its initializer replaces it, and a
    signal in that window is only delivered once the worker is ready for it. A SIGTERM to the
    parent meanwhile waits, then stops the pool as Ctrl-C does."""
    import multiprocessing
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_warm_worker,
                                                        initargs=(os.getpid(),))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    with pool:
        yield pool
