"""Runs extraction off the event loop: a spawn-context process pool whose processes load the model once.

Why processes: spaCy holds the GIL, so a thread would stall Faust's heartbeats and commits. Why spawn: a forked
child would inherit the worker's event loop and Kafka sockets. Each child asks the kernel to kill it when the
worker dies (PR_SET_PDEATHSIG), so a SIGKILLed worker leaves no orphan NLP process behind.

Each article has a CPU budget, enforced inside the child with a CPU-time timer (ITIMER_PROF): an overrun becomes
an `extraction_timeout` outcome for that article alone. A wall-clock backstop in the parent catches a child that
hangs in native code; the pool is then killed and rebuilt, and the batch retried article by article.

Whose fault is a dead pool? After every crash the pool is rebuilt and must extract a known-good canary article.
If it cannot (the model does not load, the processes die on any work), the trouble is the pool's, not the
article's: `PoolUnavailable` is raised and the caller retries with backoff, then stops the worker uncommitted.
Only an article that kills a pool which then passes the canary, twice, is an `extractor_crash`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import concurrent.futures.process
import ctypes
import logging
import multiprocessing
import os
import signal
from dataclasses import dataclass
from typing import Any

from schemas.article import Article
from streams.pipeline.records import last_line

log = logging.getLogger("parley.nlp")

OK = "ok"
TIMEOUT = "extraction_timeout"
ERROR = "extractor_error"
CRASH = "extractor_crash"


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # ok | extraction_timeout | extractor_error | extractor_crash
    result: dict[str, Any] | None = None  # Extraction.to_dict() when ok
    detail: str = ""


class _BudgetExceeded(Exception):
    pass


_nlp: Any = None
_snapshot: dict[str, Any] | None = None


def _on_budget(signum: int, frame: Any) -> None:
    raise _BudgetExceeded()


def _child_init(model: str | None, snapshot_path: str | None, actor_files: tuple[str, ...] = ()) -> None:
    try:  # Linux: die with the parent (the worker), even when it is SIGKILLed.
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides when we stop
    signal.signal(signal.SIGPROF, _on_budget)
    global _nlp, _snapshot
    from extractors import load_nlp, load_snapshot
    from extractors.resolve import officeholders
    from extractors.resolve.data import reference

    officeholders.configure(actor_files)  # the dictionary, with the users' files, before the first article
    _nlp = load_nlp(model)
    _snapshot = load_snapshot(snapshot_path) if snapshot_path else None
    reference()  # the reference tables load once per process (about a second): before the first article
    _nlp("Warm-up sentence so the first real article does not pay for lazy initialisation.")



def _with_budget(seconds: float, fn: Any, *args: Any) -> Any:
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        return fn(*args)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def _run_batch(rows: list[dict[str, Any]], budget_s: float) -> list[Outcome]:
    """The whole batch through nlp.pipe when it fits in ONE article's budget (then no article can have exceeded
    its own); otherwise each article alone on its own budget, so one slow or failing article is dead-lettered
    alone and cannot take the others down with it. A pooled budget (one per article, summed) would let a slow
    article pass on the time its fast neighbours left unused."""
    from extractors import extract, extract_batch

    articles = [Article(**row) for row in rows]
    if len(articles) > 1:
        try:
            results = _with_budget(budget_s,
                                   lambda: [r.to_dict() for r in extract_batch(articles, _nlp, snapshot=_snapshot)])
            return [Outcome(OK, r) for r in results]
        except (_BudgetExceeded, Exception):
            pass
    outcomes = []
    for article in articles:
        try:
            result = _with_budget(budget_s, lambda a=article: extract(a, _nlp, _snapshot).to_dict())
            outcomes.append(Outcome(OK, result))
        except _BudgetExceeded:
            outcomes.append(Outcome(TIMEOUT, detail=f"over the CPU budget of {budget_s:g} s"))
        except Exception as exc:  # an extractor bug on this article: dead-letter it, keep going
            outcomes.append(Outcome(ERROR, detail=last_line(exc)))
    return outcomes


def _ping() -> int:
    return os.getpid()


CANARY = Article(id="parley-canary", text="The foreign ministers of France and Germany met in Paris on Monday.")
POOL_ERRORS = (concurrent.futures.process.BrokenProcessPool, TimeoutError)


class PoolUnavailable(RuntimeError):
    """The NLP pool cannot start or cannot extract even the canary article: not any article's fault."""


class NlpPool:
    """The worker's NLP processes. `extract` never raises for a bad article; it raises only when the pool itself
    cannot be kept alive, which the caller treats as transient (retry, never acknowledge)."""

    def __init__(self, processes: int = 1, model: str | None = None, budget_s: float = 30.0,
                 snapshot_path: str | None = None, actor_files: tuple[str, ...] = ()) -> None:
        self.processes = processes
        self.model = model
        self.snapshot_path = snapshot_path
        self.actor_files = tuple(actor_files)
        self.budget_s = budget_s
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self.rebuilds = 0
        self.crashes = 0
        self.in_flight = 0

    def start(self) -> None:
        self._pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=self.processes, mp_context=multiprocessing.get_context("spawn"),
            initializer=_child_init, initargs=(self.model, self.snapshot_path, self.actor_files))

    async def warm_up(self) -> None:
        """Start every process and load the model before the worker says it is ready."""
        loop = asyncio.get_running_loop()
        assert self._pool is not None
        await asyncio.gather(*(loop.run_in_executor(self._pool, _ping) for _ in range(self.processes)))

    def pids(self) -> list[int]:
        return list(getattr(self._pool, "_processes", {}) or {})

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                proc.kill()
            except Exception:
                pass
        pool.shutdown(wait=False, cancel_futures=True)

    def rebuild(self) -> None:
        self._kill()
        self.rebuilds += 1
        self.start()

    def stop(self) -> None:
        self._kill()

    async def _submit(self, rows: list[dict[str, Any]]) -> list[Outcome]:
        loop = asyncio.get_running_loop()
        if self._pool is None:
            self.start()
        assert self._pool is not None
        backstop = self.budget_s * len(rows) * 2 + 60  # model load after a rebuild + the batch's CPU budget
        self.in_flight += len(rows)
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._pool, _run_batch, rows, self.budget_s), backstop)
        finally:
            self.in_flight -= len(rows)

    async def extract(self, articles: list[Article]) -> list[Outcome]:
        """One outcome per article; raises PoolUnavailable when the pool itself is broken (nothing is blamed on an
        article then)."""
        rows = [a.to_dict() for a in articles]
        try:
            return await self._submit(rows)
        except POOL_ERRORS as exc:
            log.warning("the NLP pool broke on a batch of %d article(s) (%r): rebuilt, retrying them one by one",
                        len(rows), exc)
            await self.recover()
        # The pool died or hung on this batch and is healthy again: isolate the article that does it.
        return [await self._alone(row) for row in rows]

    async def _alone(self, row: dict[str, Any]) -> Outcome:
        detail = ""
        for _attempt in range(2):
            try:
                return (await self._submit([row]))[0]
            except POOL_ERRORS as exc:
                detail = repr(exc)
                await self.recover()  # raises when the pool fails without this article too
        self.crashes += 1
        return Outcome(CRASH, detail=f"NLP process died twice on this article alone: {detail}")

    async def recover(self) -> None:
        """Rebuild the pool and make it extract the canary article; PoolUnavailable when it cannot."""
        self.rebuild()
        assert self._pool is not None
        loop = asyncio.get_running_loop()
        try:
            outcome = (await asyncio.wait_for(
                loop.run_in_executor(self._pool, _run_batch, [CANARY.to_dict()], self.budget_s),
                self.budget_s + 120))[0]
        except (*POOL_ERRORS, OSError) as exc:
            self.rebuild()
            raise PoolUnavailable(f"the rebuilt NLP pool cannot extract the canary article: {exc!r}") from exc
        if outcome.status != OK:
            raise PoolUnavailable(f"the rebuilt NLP pool fails on the canary article: {outcome.status} "
                                  f"{outcome.detail}")

    async def start_and_warm_up(self, retry_limit_s: float = 300.0) -> None:
        """Start the processes and load the model, with backoff; PoolUnavailable past `retry_limit_s`."""
        delay, waited = 1.0, 0.0
        while True:
            try:
                if self._pool is None:
                    self.start()
                await asyncio.wait_for(self.warm_up(), self.budget_s + 120)
                return
            except (*POOL_ERRORS, OSError) as exc:
                self._kill()
                if waited >= retry_limit_s:
                    raise PoolUnavailable(f"the NLP pool cannot start: {exc!r}") from exc
                log.warning("the NLP pool cannot start (%r); retrying in %.0f s", exc, delay)
                await asyncio.sleep(delay)
                waited += delay
                delay = min(delay * 2, 30.0)
