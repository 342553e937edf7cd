"""The real thing, for parts 3 to 5: a local Kafka broker and `parley worker` subprocesses.

The broker is `streams.kafka.local_broker.LocalKafka` on free ports, sharing the jar cache of `Settings().kafka_home`
with its data in its own `broker-PORT` folder, deleted afterwards; KAFKA_BOOTSTRAP_SERVERS, when set, is used
instead (and left alone). Workers are started exactly as a user starts them (`python -m streams.cli worker`),
each with its own web port and data folder under a temporary directory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from bench.corpus import REPO
from streams.kafka.local_broker import LocalKafka, LocalKafkaError, free_port
from streams.settings import Settings


@contextmanager
def broker() -> Iterator[str]:
    configured = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if configured:
        yield configured
        return
    for attempt in range(3):
        kafka = LocalKafka(Settings().kafka_home, port=free_port(), controller_port=free_port())
        try:
            kafka.start()
            break
        except LocalKafkaError:
            # LocalKafka formats its storage with a random cluster id; one starting with "-" is read as an option
            # by kafka-storage (1 in 64), so a fresh attempt on fresh ports is the whole cure.
            kafka.reset()
            if attempt == 2:
                raise
    try:
        yield kafka.bootstrap
    finally:
        kafka.reset()


class Worker:
    """One `parley worker` with one NLP process (unless env says otherwise)."""

    def __init__(self, bootstrap: str, prefix: str, data_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.log_path = data_dir / f"worker-{self.port}.log"
        self.env = {"PARLEY_LOG_LEVEL": "warning", **os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
                    "PARLEY_TOPIC_PREFIX": prefix, "PARLEY_WEB_PORT": str(self.port), "PARLEY_DATA_DIR": str(data_dir),
                    "PARLEY_NLP_PROCESSES": "1", "PARLEY_SESSION_TIMEOUT_S": "10", **env}
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Worker:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=self.env, cwd=REPO,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def health(self) -> tuple[int, dict[str, Any]]:
        try:
            with urllib.request.urlopen(self.url + "/health", timeout=5) as resp:
                return resp.status, orjson.loads(resp.read())
        except urllib.error.HTTPError as exc:
            return exc.code, orjson.loads(exc.read() or b"{}")

    def ready(self) -> bool:
        if self.proc is None or self.proc.poll() is not None:
            raise RuntimeError(f"worker exited with {self.proc and self.proc.returncode}:\n{self.log_tail()}")
        try:
            status, body = self.health()
        except (OSError, ValueError):
            return False
        return status == 200 and not body.get("rebalancing")

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""

    def processed(self) -> int:
        """Articles this worker has finished with: extracted, dead-lettered or skipped (its /health counters)."""
        _, body = self.health()
        counts = body.get("counts", {})
        return (int(counts.get("articles_extracted", 0)) + sum(body.get("dead_letters", {}).values())
                + sum(body.get("skipped", {}).values()))

    def peak_memory(self) -> dict[str, int]:
        """VmHWM (peak resident set, kB) of the worker process and of each of its children (the NLP process)."""
        assert self.proc is not None
        out = {"worker": vm_hwm_kb(self.proc.pid)}
        for pid in children(self.proc.pid):
            out[f"{child_kind(pid)}-{pid}"] = vm_hwm_kb(pid)
        return out

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time used so far by the worker's main process (Faust, Kafka, JSON) and by its NLP process(es), and
        the time the NLP process(es) spent runnable but waiting for a core (the machine's contention, not ours)."""
        assert self.proc is not None
        out = {"main": cpu_seconds(self.proc.pid), "nlp": 0.0, "nlp_waiting": 0.0}
        for pid in children(self.proc.pid):
            if child_kind(pid) == "nlp":
                out["nlp"] += cpu_seconds(pid)
                out["nlp_waiting"] += runqueue_wait_seconds(pid)
            else:
                out["main"] += cpu_seconds(pid)
        return out

    def stop(self, timeout: float = 30.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


def wait_ready(workers: list[Worker], timeout: float = 180.0) -> None:
    """All workers answer 200 on /health at the same moment (NLP warm, partitions assigned, no rebalance)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(w.ready() for w in workers):
            return
        time.sleep(0.25)
    raise RuntimeError("workers not ready in time:\n" + "\n".join(w.log_tail(1500) for w in workers))


def children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out.extend(int(p) for p in task.read_text().split())
        except OSError:
            continue
    return out


def child_kind(pid: int) -> str:
    """`nlp` for a pool process (multiprocessing's spawn_main), `tracker` for its resource tracker."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return "child"
    return "nlp" if b"spawn_main" in cmdline else "tracker" if b"resource_tracker" in cmdline else "child"


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def runqueue_wait_seconds(pid: int) -> float:
    """Time the process (all its threads) was ready to run but had no core: /proc/PID/task/*/schedstat field 2."""
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            total += int(stat.read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e9


def vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
