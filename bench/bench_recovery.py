"""Table recovery after a restart of two workers: RocksDB store vs memory store, for the same state.

A throwaway measurement with a table of its own (one bytes -> bytes Faust table, co-partitioned with its source
topic, one standby replica, as deploy/k8s runs the workers), so the numbers do not depend on what the contact
tables do this week. For each store: start two workers, fill the table with --keys entries, stop both
(SIGTERM, as Kubernetes does), start both again and time how long until both are ready again (Faust's recovery
done, no rebalance under way, for 3 s in a row); then probe --probes random keys through the agent, which
answers from the recovered table, to show the state really came back. Reported: restart -> ready (what a user
waits, including Python start-up and the group join) and Faust's own recovery phase (changelog replay), both
per restart.

    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092 .venv/bin/python -m bench.bench_recovery --keys 200000

Without KAFKA_BOOTSTRAP_SERVERS it starts the project's local broker on free ports (deleted afterwards).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PARTITIONS = 8
STABLE_S = 3.0  # both workers must stay ready this long to count as recovered


# --- the worker (run as `python -m bench.bench_recovery worker`, configured by BENCH_* variables) ------------


def make_app(app_id: str, store: str, datadir: str, port: int, bootstrap: str) -> Any:
    import faust

    app = faust.App(
        app_id, broker="kafka://" + bootstrap, store=store, datadir=datadir, value_serializer="raw",
        key_serializer="raw", topic_partitions=PARTITIONS, table_standby_replicas=1,
        consumer_auto_offset_reset="earliest", producer_acks=-1, web_port=port, web_host="127.0.0.1",
        web_bind="127.0.0.1", canonical_url=f"http://127.0.0.1:{port}", stream_wait_empty=False,
        broker_session_timeout=10, broker_heartbeat_interval=2,
    )
    table = app.Table("state", default=None, partitions=PARTITIONS, key_type=bytes, value_type=bytes)
    source = app.topic(f"{app_id}.fill", partitions=PARTITIONS)
    answers = app.topic(f"{app_id}.answers", partitions=1)

    @app.agent(source)
    async def apply(stream: Any) -> None:
        async for event in stream.events():
            if event.value == b"?":
                found = table.get(event.key) is not None
                await answers.send(key=event.key, value=b"hit" if found else b"miss")
            else:
                table[event.key] = event.value

    @app.page("/state")
    async def state(web: Any, request: Any) -> Any:
        recovery = app.tables.recovery
        ready = recovery.completed.is_set() and not app.rebalancing and not app.in_recovery
        began, ended = getattr(recovery, "_recovery_started_at", None), getattr(recovery, "_recovery_ended_at", None)
        phase = ended - began if began is not None and ended is not None and ended >= began else None
        return web.json({"ready": ready, "rebalances": app.rebalancing_count, "recovery_phase_s": phase})

    return app


def run_worker() -> None:
    from faust import Worker

    env = os.environ
    app = make_app(env["BENCH_APP_ID"], env["BENCH_STORE"], env["BENCH_DATADIR"], int(env["BENCH_PORT"]),
                   env["KAFKA_BOOTSTRAP_SERVERS"])
    Worker(app, loglevel=env.get("BENCH_LOGLEVEL", "warning")).execute_from_commandline()


# --- the driver ---------------------------------------------------------------------------------------------


class Worker:
    def __init__(self, app_id: str, store: str, datadir: Path, bootstrap: str, n: int) -> None:
        from streams.kafka.local_broker import free_port

        self.port = free_port()
        self.log = datadir / f"worker-{n}.log"
        self.env = {**os.environ, "BENCH_APP_ID": app_id, "BENCH_STORE": store, "BENCH_PORT": str(self.port),
                    "BENCH_DATADIR": str(datadir / f"w{n}"), "KAFKA_BOOTSTRAP_SERVERS": bootstrap}
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "bench.bench_recovery", "worker"], env=self.env,
                                         cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def state(self) -> dict[str, Any]:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise RuntimeError(f"worker exited {self.proc.returncode}: {self.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/state", timeout=2) as resp:
                return json.loads(resp.read())
        except OSError:
            return {"ready": False}

    def ready(self) -> bool:
        return bool(self.state()["ready"])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


def wait_ready(workers: list[Worker], timeout: float = 600.0) -> float:
    """Seconds from now until every worker is ready and stays so for STABLE_S (the stable stretch not counted)."""
    began = time.monotonic()
    since: float | None = None
    while time.monotonic() - began < timeout:
        now = time.monotonic()
        if all(w.ready() for w in workers):
            since = since if since is not None else now
            if now - since >= STABLE_S:
                return since - began
        else:
            since = None
        time.sleep(0.1)
    raise TimeoutError("workers not ready")


async def create_topics(bootstrap: str, names: dict[str, int]) -> None:
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(n, p, 1) for n, p in names.items()])
    finally:
        await admin.close()


async def fill(bootstrap: str, topic: str, keys: int, value_bytes: int) -> None:
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20, max_batch_size=256 * 1024)
    await producer.start()
    try:
        pending = []
        for i in range(keys):
            pending.append(await producer.send(topic, os.urandom(value_bytes // 2).hex().encode(),
                                               key=b"k%09d" % i))
            if len(pending) >= 5000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


async def caught_up(bootstrap: str, group: str, source: str, changelog: str, keys: int) -> bool:
    """The table holds every key (changelog) and the source offsets are committed (no replay after restart)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await consumer.start()
    await admin.start()
    try:
        ends = await consumer.end_offsets([TopicPartition(changelog, p) for p in range(PARTITIONS)])
        source_ends = await consumer.end_offsets([TopicPartition(source, p) for p in range(PARTITIONS)])
        committed = await admin.list_consumer_group_offsets(group)
        done = sum(committed[tp].offset for tp in source_ends if tp in committed)
        return sum(ends.values()) >= keys and done >= sum(source_ends.values())
    finally:
        await consumer.stop()
        await admin.close()


async def probe(bootstrap: str, source: str, answers: str, keys: int, probes: int) -> dict[str, int]:
    from aiokafka import AIOKafkaConsumer

    sample = random.Random(7).sample(range(keys), probes)
    consumer = AIOKafkaConsumer(answers, bootstrap_servers=bootstrap, group_id=None, auto_offset_reset="earliest")
    await consumer.start()
    try:
        from tests.integration.helpers import produce

        await produce(bootstrap, source, [b"?"] * probes, [b"k%09d" % i for i in sample])
        got: dict[str, int] = {"hit": 0, "miss": 0}
        deadline = time.monotonic() + 120
        while sum(got.values()) < probes and time.monotonic() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for r in records:
                    got[r.value.decode()] += 1
        return got
    finally:
        await consumer.stop()


def measure(store: str, bootstrap: str, keys: int, value_bytes: int, probes: int, restarts: int,
            root: Path) -> dict[str, Any]:
    app_id = f"bench-rec-{store.split(':')[0]}-{uuid.uuid4().hex[:6]}"
    source, answers, changelog = f"{app_id}.fill", f"{app_id}.answers", f"{app_id}-state-changelog"
    datadir = root / app_id
    datadir.mkdir(parents=True)
    asyncio.run(create_topics(bootstrap, {source: PARTITIONS, answers: 1}))
    workers = [Worker(app_id, store, datadir, bootstrap, n) for n in (1, 2)]
    try:
        for w in workers:
            w.start()
        first_start = wait_ready(workers)
        began = time.monotonic()
        asyncio.run(fill(bootstrap, source, keys, value_bytes))
        while not asyncio.run(caught_up(bootstrap, app_id, source, changelog, keys)):
            time.sleep(0.5)
        filled = time.monotonic() - began
        store_bytes = 0
        to_ready, phases = [], []
        for _ in range(restarts):
            for w in workers:
                w.stop()
            store_bytes = sum(f.stat().st_size for f in datadir.rglob("*") if f.is_file() and "worker-" not in f.name)
            for w in workers:
                w.start()
            to_ready.append(round(wait_ready(workers), 2))
            phases.append(round(max(w.state().get("recovery_phase_s") or 0.0 for w in workers), 3))
        answers_got = asyncio.run(probe(bootstrap, source, answers, keys, probes))
        return {"store": store, "keys": keys, "value_bytes": value_bytes, "first_start_s": round(first_start, 2),
                "fill_s": round(filled, 1), "on_disk_mb": round(store_bytes / 1e6, 1),
                "restart_to_ready_s": to_ready, "recovery_phase_s": phases, "probes": answers_got}
    finally:
        for w in workers:
            w.stop()


def main() -> None:
    if sys.argv[1:2] == ["worker"]:
        run_worker()
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keys", type=int, default=200_000)
    parser.add_argument("--value-bytes", type=int, default=200)
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument("--restarts", type=int, default=2, help="restarts of both workers, each timed")
    parser.add_argument("--stores", default="rocksdb://,memory://")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="parley-bench-recovery-"))
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    broker = None
    if not bootstrap:
        from streams.kafka.local_broker import LocalKafka, free_port
        from streams.settings import Settings

        broker = LocalKafka(Settings().kafka_home, port=free_port(), controller_port=free_port())
        broker.start()
        bootstrap = broker.bootstrap
    try:
        results = [measure(store, bootstrap, args.keys, args.value_bytes, args.probes, args.restarts, root)
                   for store in args.stores.split(",")]
    finally:
        if broker is not None:
            broker.reset()
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(results, indent=2))
    for r in results:
        print(f"{r['store']:11} {r['keys']} keys x {r['value_bytes']} B: both workers restarted -> ready in "
              f"{r['restart_to_ready_s']} s, Faust recovery phase {r['recovery_phase_s']} s (empty first start "
              f"{r['first_start_s']} s; fill {r['fill_s']} s; {r['probes']['hit']}/{sum(r['probes'].values())} "
              "probed keys found after the restarts)")


if __name__ == "__main__":
    main()
