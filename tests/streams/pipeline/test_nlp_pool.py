"""The NLP process pool: same results as offline extraction, a CPU budget per article, and no orphans."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from extractors import extract
from schemas.article import Article, article_from_mapping
from streams.pipeline.nlp_pool import ERROR, OK, TIMEOUT, NlpPool, Outcome, PoolUnavailable

pytestmark = pytest.mark.timeout(180)

TEXTS = [
    "Chinese President Xi Jinping held talks with French President Emmanuel Macron in Beijing on Thursday.",
    "\"We will not back down,\" the union leader said after the vote.",
    "Rain is expected across the north of the country this weekend.",
]


async def extract_in_pool(articles: list[Article], budget_s: float) -> list[Outcome]:
    pool = NlpPool(1, budget_s=budget_s)
    pool.start()
    try:
        await pool.warm_up()
        return await pool.extract(articles)
    finally:
        pool.stop()


async def test_pool_gives_the_same_results_as_offline_extraction(nlp) -> None:
    articles = [article_from_mapping({"id": f"p{i}", "text": t}) for i, t in enumerate(TEXTS)]
    outcomes = await extract_in_pool(articles, budget_s=60)
    assert [o.status for o in outcomes] == [OK] * 3
    assert [o.result for o in outcomes] == [extract(a, nlp).to_dict() for a in articles]


async def test_an_article_over_its_cpu_budget_times_out_alone() -> None:
    long_text = " ".join(["The delegations met again in Geneva and talked late into the night."] * 2500)
    articles = [article_from_mapping({"id": "short", "text": TEXTS[0]}),
                article_from_mapping({"id": "long", "text": long_text})]
    outcomes = await extract_in_pool(articles, budget_s=0.5)
    assert [o.status for o in outcomes] == [OK, TIMEOUT]


async def test_a_slow_article_cannot_borrow_the_budget_its_fast_batch_neighbours_left() -> None:
    # About 3 s of CPU: six times its 0.5 s budget, yet well inside a pooled budget of 16 x 0.5 s.
    slow_text = " ".join(["The delegations met again in Geneva and talked late into the night."] * 1200)
    articles = [article_from_mapping({"id": f"fast-{i}", "text": TEXTS[i % 3]}) for i in range(15)]
    articles.insert(7, article_from_mapping({"id": "slow", "text": slow_text}))
    outcomes = await extract_in_pool(articles, budget_s=0.5)
    assert [o.status for o in outcomes] == [OK] * 7 + [TIMEOUT] + [OK] * 8


def test_nlp_processes_die_with_a_killed_parent(tmp_path) -> None:
    script = textwrap.dedent("""
        import asyncio, sys
        from streams.pipeline.nlp_pool import NlpPool
        async def main():
            pool = NlpPool(2)
            pool.start()
            await pool.warm_up()
            print(" ".join(map(str, pool.pids())), flush=True)
            await asyncio.sleep(600)
        asyncio.run(main())
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert parent.stdout is not None
    children = [int(p) for p in parent.stdout.readline().split()]
    assert len(children) == 2 and all(_alive(p) for p in children)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in children):
        time.sleep(0.1)
    assert not any(_alive(p) for p in children), "an NLP process outlived its SIGKILLed worker"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead: reaped by init, or show as Z
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


async def test_an_exception_inside_the_nlp_fails_that_article_only() -> None:
    # spaCy refuses texts over nlp.max_length (1,000,000 characters) with ValueError E088: a real NLP exception.
    huge = article_from_mapping({"id": "huge", "text": "word " * 210_000}, max_text_chars=2_000_000)
    fine = article_from_mapping({"id": "fine", "text": TEXTS[2]})
    outcomes = await extract_in_pool([huge, fine], budget_s=60)
    assert [o.status for o in outcomes] == [ERROR, OK]
    assert outcomes[0].detail.startswith("ValueError: [E088]"), "the traceback's last line"


async def test_a_pool_whose_model_cannot_load_is_unavailable_not_every_articles_fault() -> None:
    """Reproduced in issue 18: such a pool dead-lettered every article as extractor_crash."""
    pool = NlpPool(1, model="no_such_spacy_model_package", budget_s=5)
    try:
        with pytest.raises(PoolUnavailable, match="cannot start"):
            await pool.start_and_warm_up(retry_limit_s=0)
        pool.start()
        with pytest.raises(PoolUnavailable, match="canary"):
            await pool.extract([article_from_mapping({"id": "a", "text": TEXTS[0]})])
    finally:
        pool.stop()


async def test_an_nlp_process_killed_mid_batch_blames_no_article(nlp) -> None:
    texts = [" ".join([TEXTS[i % 3]] * 40) for i in range(16)]
    articles = [article_from_mapping({"id": f"k{i}", "text": t}) for i, t in enumerate(texts)]
    pool = NlpPool(1, budget_s=60)
    pool.start()
    try:
        await pool.warm_up()
        running = asyncio.ensure_future(pool.extract(articles))
        while pool.in_flight == 0:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)
        assert not running.done(), "the batch must still be running when its NLP process is killed"
        for pid in pool.pids():
            os.kill(pid, signal.SIGKILL)
        outcomes = await running
    finally:
        pool.stop()
    assert [o.status for o in outcomes] == [OK] * len(articles)
    assert [o.result for o in outcomes] == [extract(a, nlp).to_dict() for a in articles]
    assert pool.crashes == 0 and pool.rebuilds >= 1
