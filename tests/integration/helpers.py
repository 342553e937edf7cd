"""Real workers as subprocesses (`parley worker`) and plain aiokafka clients, for integration tests."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from streams.kafka.local_broker import free_port

REPO = Path(__file__).resolve().parents[2]


class WorkerProcess:
    def __init__(self, bootstrap: str, prefix: str, data_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.log_path = data_dir / f"worker-{self.port}.log"
        self.env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "PARLEY_TOPIC_PREFIX": prefix,
                    "PARLEY_WEB_PORT": str(self.port), "PARLEY_DATA_DIR": str(data_dir),
                    "PARLEY_SESSION_TIMEOUT_S": "10", **env}
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> WorkerProcess:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=self.env, cwd=REPO,
                                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def get(self, path: str) -> tuple[int, Any]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as resp:
                return resp.status, orjson.loads(resp.read())
        except urllib.error.HTTPError as exc:
            return exc.code, orjson.loads(exc.read() or b"null")

    def wait_ready(self, timeout: float = 90.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                status, body = self.get("/health")
                if status == 200:
                    return body
            except (OSError, ValueError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"worker not ready within {timeout} s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout: float = 30.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            return self.proc.wait(10)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def unique_prefix() -> str:
    return "t" + uuid.uuid4().hex[:10]


async def produce(bootstrap: str, topic: str, values: list[bytes], keys: list[bytes | None] | None = None) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=9 * 1024 * 1024)
    await producer.start()
    try:
        futures = [await producer.send(topic, v, key=(keys[i] if keys else None)) for i, v in enumerate(values)]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def consume(bootstrap: str, topic: str, expect: int, timeout: float = 60.0,
                  settle: float = 0.0) -> list[Any]:
    """Read `topic` from the beginning until `expect` records arrived (then `settle` seconds more, to catch extras)
    or the timeout passed."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, group_id=None)
    await consumer.start()
    records: list[Any] = []
    try:
        deadline = time.monotonic() + timeout
        settle_until: float | None = None
        while time.monotonic() < deadline:
            if settle_until is None and len(records) >= expect:
                settle_until = time.monotonic() + settle
            if settle_until is not None and time.monotonic() >= settle_until:
                break
            batch = await consumer.getmany(timeout_ms=200)
            for recs in batch.values():
                records.extend(recs)
    finally:
        await consumer.stop()
    return records


async def group_state(bootstrap: str, group: str) -> tuple[str, int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        (described,) = (await admin.describe_consumer_groups([group]))[0].groups
        return described[2], len(described[5])  # (state, members)
    finally:
        await admin.close()


async def wait_stable(bootstrap: str, group: str, members: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while (state := await group_state(bootstrap, group)) != ("Stable", members):
        assert time.monotonic() < deadline, f"group {group} not stable with {members} members: {state}"
        await asyncio.sleep(0.5)


def worker_groups(prefix: str) -> list[str]:
    """The consumer groups of the workers on `prefix`: `articles`, the tables' fan-out (`meetings`) and fold."""
    return [f"{prefix}-worker-articles", f"{prefix}-worker-fan-out", f"{prefix}-worker-tables"]


async def wait_workers_stable(bootstrap: str, prefix: str, members: int, timeout: float = 120) -> None:
    """Every group of the workers on `prefix` is stable with `members` members."""
    for group in worker_groups(prefix):
        await wait_stable(bootstrap, group, members, timeout)
