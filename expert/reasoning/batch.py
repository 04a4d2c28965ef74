"""Running a batch: every validated Row through the advisor, one result row each.

Work is spread over processes with ``jobs``; each worker builds its engine once (building the
Rete network is the slow part) and ``advise`` resets it between rows. Results come back in input
order and, since the engine is deterministic, are identical for any number of jobs.
"""
from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import os
import signal
from collections.abc import Iterable, Iterator

from expert.errors import InputError
from expert.i18n import gettext as _
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


# The signals that stop a run (cli.py turns them into Terminated): a worker dies of them at once.
_STOPS = {signal.SIGTERM, signal.SIGHUP}


def _serve(inbox, outbox, parent: int, one, inherited) -> None:
    """A worker's life: build the engine, then answer each chunk of rows sent, until the
    parent closes its end (or dies).

    Ctrl-C and SIGTERM are the parent's to handle (it stops the workers); a worker that caught
    them too would print a traceback. So a worker ignores Ctrl-C and dies of SIGTERM at once, as
    ``timeout``'s signal to the whole group and the kernel, when the parent dies (SIGKILL
    included), send it. An orphan would otherwise write its results into a pipe no one reads,
    and print a traceback of the broken pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stop in _STOPS:  # SIGHUP too: a closed terminal hangs up the whole group
        signal.signal(stop, signal.SIG_DFL)
    _die_with(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # blocked by _workers, see there
    for connection in inherited:  # the parent's ends: EOF must reach us when the parent closes
        connection.close()
    shared_engine()
    try:
        while True:
            outbox.send(_answer(one, inbox.recv()))
    except (EOFError, OSError):  # the parent is done, or gone
        return


def _answer(one, chunk: list) -> tuple:
    """(True, the result rows), or (False, the exception a row raised), to be raised in the
    parent as Pool would."""
    try:
        return True, [one(row) for row in chunk]
    except Exception as err:
        return False, err


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
    for result in _in_workers(one, rows, jobs):
        yield result
        if on_done:
            on_done(1)


CHUNK = 50  # rows sent to a worker at a time: big enough that the sending costs little


def _in_workers(one, rows: Iterable[Row], jobs: int) -> Iterator[dict]:
    """``one(row)`` of every row, in input order, computed in ``jobs`` worker processes.

    Chunk k of the input goes to worker k mod jobs, and the answers are read in the same round:
    the input order comes back, and no more than one chunk per worker is held at once. A worker
    is sent its next chunk only once its answer is read, so neither side can block writing to
    a full pipe that the other is not reading. Each worker has pipes of its own and shares no
    lock with the others (a multiprocessing.Pool's do): one that dies, as a SIGTERM to the whole
    group (`timeout`) kills them, can leave nothing locked for the parent to wait on forever."""
    rows = iter(rows)
    chunks = iter(lambda: list(itertools.islice(rows, CHUNK)), [])
    with _workers(one, jobs) as workers:
        pending = collections.deque()
        for worker, chunk in zip(workers, chunks):
            worker.send(chunk)
            pending.append(worker)
        while pending:
            worker = pending.popleft()
            done, answer = worker.receive()
            if not done:
                raise answer
            chunk = next(chunks, None)
            if chunk is not None:
                worker.send(chunk)
                pending.append(worker)
            yield from answer


class _Worker:
    """One worker process and its two pipes, seen from the parent."""

    def __init__(self, context, one, others: list):
        inbox, self.tasks = context.Pipe(duplex=False)  # (the reading end, the writing end)
        self.results, outbox = context.Pipe(duplex=False)
        # the parent's ends, which the fork copies into the worker: closed there
        inherited = [end for worker in (*others, self) for end in (worker.tasks, worker.results)]
        self.process = context.Process(target=_serve, daemon=True,
                                       args=(inbox, outbox, os.getpid(), one, inherited))
        self.process.start()
        inbox.close()  # the worker's ends: only the worker may hold them, so EOF reaches it
        outbox.close()

    def send(self, chunk: list) -> None:
        self.tasks.send(chunk)

    def receive(self) -> tuple:
        try:
            return self.results.recv()
        except EOFError:
            raise RuntimeError(_("a batch worker process stopped before its rows were done "
                                 "(exit code {code})").format(code=self.process.exitcode)) from None

    def stop(self, at_once: bool) -> None:
        """Closing its pipe ends a worker; ``at_once`` (the run was broken off) kills it."""
        self.tasks.close()
        self.results.close()
        if at_once:
            self.process.kill()
        self.process.join()


@contextlib.contextmanager
def _workers(one, jobs: int):
    """``jobs`` forked workers, stopped when the block ends.

    SIGTERM stays blocked while they are forked: a worker inherits the parent's handler (which
    raises, and would print a traceback in the worker) until _serve replaces it, and a signal in
    that window is only delivered once the worker is ready for it. A SIGTERM to the parent
    meanwhile waits, then stops the workers as Ctrl-C does."""
    import multiprocessing
    context = multiprocessing.get_context("fork")
    workers: list[_Worker] = []
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        for _ in range(jobs):
            workers.append(_Worker(context, one, workers))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    broken_off = True
    try:
        yield workers
        broken_off = False
    finally:
        for worker in workers:
            worker.stop(at_once=broken_off)
