"""`python -m bench.ledger_memory [--articles N] [--bootstrap HOST:PORT]`: the retraction ledger's memory per worker.

Feeds N articles (default 100,000) through `RetractionLedger.records_for`, the code path the worker runs for every
extracted article, with the event mix of a wire stream (0 to 6 events per article, 2.4 on average: a meeting has
two or three countries, quotes one), all on the partitions of ONE worker (the worst case: a single worker holds
every partition). Reports the ledger's own memory (tracemalloc of what it keeps), the bytes per article, and, with
`--bootstrap`, the time and memory to load those ledger records back from a real topic (what a worker does when it
is given the partitions). Writes bench/out/ledger_memory.json.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import random
import time
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

import orjson

from schemas.article import Article
from streams.pipeline.retraction_ledger import DAY_MS, RetractionLedger

OUT = Path(__file__).resolve().parent / "out"
PARTITIONS = 8
EVENTS_PER_ARTICLE = (0, 1, 1, 2, 3, 4, 6)  # mean 2.43
PAIRS = ["AUS|JPN", "CHN|USA", "DEU|FRA", "IND|JPN", "GBR|USA", "BRA|IND", "KOR|USA|JPN", "RUS|UKR"]


def article_records(rng: random.Random, n: int) -> tuple[Article, list[Any]]:
    article = Article(id=f"wire-{n:07d}-{rng.getrandbits(32):08x}", text="-")
    records = []
    for k in range(rng.choice(EVENTS_PER_ARTICLE)):
        quote = rng.random() < 0.5
        event = {"schema_version": "quote.v1" if quote else "meeting.v1",
                 "event_id": hashlib.sha256(f"{article.id}|{k}".encode()).hexdigest()[:32]}
        key = (rng.choice(["AUS", "JPN", "USA", "none"]) if quote else rng.choice(PAIRS)).encode()
        records.append(("t.quotes" if quote else "t.meetings", key, orjson.dumps(event), [], None))
    return article, records


def fill(ledger: RetractionLedger, articles: int, seed: int) -> list[Any]:
    """Every article once, on this worker's partitions; returns the ledger records the worker would send."""
    rng = random.Random(seed)
    sent = []
    for n in range(articles):
        article, records = article_records(rng, n)
        sent.extend(ledger.records_for(article, n % PARTITIONS, records, "bench", n))
    return sent


def measure(articles: int, seed: int) -> dict[str, Any]:
    ledger = RetractionLedger("t.article-events", {"meeting.v1": "t.meetings", "quote.v1": "t.quotes"},
                              window_ms=30 * DAY_MS)
    for p in range(PARTITIONS):
        ledger.rows[p] = {}
    gc.collect()
    tracemalloc.start()
    began = time.perf_counter()
    sent = fill(ledger, articles, seed)
    seconds = time.perf_counter() - began
    del sent[:]  # what was handed to the producer is not the ledger's
    gc.collect()
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"articles": articles, "entries": ledger.size(), "bytes": held, "bytes_per_article": held / articles,
            "records_for_s": seconds}


async def load_from_broker(bootstrap: str, articles: int, seed: int) -> dict[str, Any]:
    """Writes the ledger records of `articles` articles to a fresh topic, then loads them as a worker does."""
    from aiokafka import AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    topic = f"bench-ledger-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, PARTITIONS, 1, topic_configs={
            "cleanup.policy": "compact,delete", "retention.ms": str(30 * DAY_MS)})])
        writer = RetractionLedger(topic, {"meeting.v1": "t.meetings", "quote.v1": "t.quotes"})
        for p in range(PARTITIONS):
            writer.rows[p] = {}
        records = [r for r in fill(writer, articles, seed) if r[0] == topic]
        del writer
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=20, acks=1)
        await producer.start()
        try:
            for start in range(0, len(records), 5000):
                futures = [await producer.send(t, v, key=k, partition=p)
                           for t, k, v, _h, p in records[start:start + 5000]]
                await asyncio.gather(*futures)
        finally:
            await producer.stop()
        reader = RetractionLedger(topic, {"meeting.v1": "t.meetings", "quote.v1": "t.quotes"})
        gc.collect()
        tracemalloc.start()
        began = time.perf_counter()
        await reader.load(bootstrap, range(PARTITIONS))
        seconds = time.perf_counter() - began
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"records": len(records), "entries": reader.size(), "load_s": seconds, "bytes": held,
                "peak_bytes": peak}
    finally:
        try:
            await admin.delete_topics([topic])
        finally:
            await admin.close()


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(prog="python -m bench.ledger_memory", description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--bootstrap", help="a broker: also measure loading the ledger back from a topic")
    args = p.parse_args(argv)
    result = measure(args.articles, args.seed)
    print(f"retraction ledger, {args.articles:,} articles on one worker: {result['entries']:,} entries, "
          f"{result['bytes'] / 2**20:.1f} MiB ({result['bytes_per_article']:.0f} B per article), "
          f"records_for {result['records_for_s']:.1f} s")
    if args.bootstrap:
        result["load"] = asyncio.run(load_from_broker(args.bootstrap, args.articles, args.seed))
        load = result["load"]
        print(f"loaded back from the topic ({load['records']:,} records): {load['load_s']:.1f} s, "
              f"{load['bytes'] / 2**20:.1f} MiB held, peak {load['peak_bytes'] / 2**20:.1f} MiB")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "ledger_memory.json").write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    return result


if __name__ == "__main__":
    main()
