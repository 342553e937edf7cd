"""A real single-node Apache Kafka (KRaft) for machines without a Docker engine.

The broker's jars come from Maven Central (deploy/kafka/pom.xml names them), resolved once into a cache folder
outside the repository; its data lives there too. Nothing here is a mock: it is the official broker, run with a
bounded heap and `auto.create.topics.enable=false`.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

KAFKA_VERSION = "4.1.1"
DEPLOY_DIR = Path(__file__).resolve().parents[2] / "deploy" / "kafka"
HEAP = "512m"


class LocalKafkaError(RuntimeError):
    pass


@dataclass(frozen=True)
class LocalKafka:
    """One broker instance: `home` holds the jars (shared) and, per port, the data, config, log and pid."""

    home: Path
    port: int = 9092
    controller_port: int | None = None

    @property
    def libs(self) -> Path:
        return self.home / f"kafka-{KAFKA_VERSION}" / "libs"

    @property
    def instance_dir(self) -> Path:
        return self.home / f"broker-{self.port}"

    data_dir = property(lambda self: self.instance_dir / "data")
    pid_file = property(lambda self: self.instance_dir / "broker.pid")
    log_file = property(lambda self: self.instance_dir / "broker.log")
    config_file = property(lambda self: self.instance_dir / "server.properties")

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _controller_port(self) -> int:
        return self.controller_port or self.port + 1

    # -- jars -------------------------------------------------------------------------------------------------
    def ensure_jars(self) -> None:
        """Resolve the broker's jars with Maven once (a few seconds from Maven Central, then cached)."""
        marker = self.libs / ".complete"
        if marker.exists():
            return
        if shutil.which("mvn") is None or shutil.which("java") is None:
            raise LocalKafkaError("the local broker needs Java 17+ and Maven on PATH (or set KAFKA_BOOTSTRAP_SERVERS)")
        self.libs.mkdir(parents=True, exist_ok=True)
        cmd = ["mvn", "-q", "-B", "-f", str(DEPLOY_DIR / "pom.xml"), "dependency:copy-dependencies",
               "-DincludeScope=runtime", f"-DoutputDirectory={self.libs}", f"-Dkafka.version={KAFKA_VERSION}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0 or not any(self.libs.glob("kafka_2.13-*.jar")):
            raise LocalKafkaError(
                f"Maven could not resolve Kafka {KAFKA_VERSION}:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
        marker.write_text(KAFKA_VERSION)

    def _java(self, main: str, *args: str, heap: str = "256m") -> list[str]:
        return ["java", f"-Xmx{heap}", f"-Dlog4j2.configurationFile={DEPLOY_DIR / 'log4j2.properties'}",
                "-cp", str(self.libs / "*"), main, *args]

    # -- lifecycle ----------------------------------------------------------------------------------------------
    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return pid
        return pid

    def accepts_connections(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def _format_storage(self) -> None:
        if (self.data_dir / "meta.properties").exists():
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            self._java("kafka.tools.StorageTool", "format", f"--cluster-id={_kafka_uuid(str(uuid.uuid4()))}",
                       "-c", str(self.config_file)),
            capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise LocalKafkaError(
                f"formatting the broker's storage failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")

    def start(self, timeout: float = 120.0) -> float:
        """Start in the background (idempotent) and wait until the broker serves requests; returns seconds taken."""
        began = time.monotonic()
        if self.pid() is not None:
            self.wait_ready(timeout)
            return time.monotonic() - began
        if self.accepts_connections():
            raise LocalKafkaError(f"port {self.port} is already taken by another process; choose another port")
        self.ensure_jars()
        self.instance_dir.mkdir(parents=True, exist_ok=True)
        template = (DEPLOY_DIR / "server.properties.template").read_text()
        self.config_file.write_text(template.format(port=self.port, controller_port=self._controller_port(),
                                                   log_dir=self.data_dir))
        self._format_storage()
        log = self.log_file.open("ab")
        proc = subprocess.Popen(
            self._java("kafka.Kafka", str(self.config_file), heap=HEAP),
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.pid_file.write_text(str(proc.pid))
        try:
            self.wait_ready(timeout, proc)
        except LocalKafkaError:
            self.stop()
            raise
        return time.monotonic() - began

    def wait_ready(self, timeout: float, proc: subprocess.Popen | None = None) -> None:
        """Ready means the broker answers a metadata request, not only that the port is open."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                tail = self.log_file.read_text(errors="replace")[-3000:] if self.log_file.exists() else ""
                raise LocalKafkaError(f"the broker exited with code {proc.returncode}; log tail:\n{tail}")
            if self.accepts_connections() and _answers_metadata(self.bootstrap):
                return
            time.sleep(0.2)
        raise LocalKafkaError(f"the broker did not become ready within {timeout:.0f} s (log: {self.log_file})")

    def stop(self, timeout: float = 30.0) -> bool:
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pid() is not None:
            _reap(pid)
            time.sleep(0.1)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.2)
            _reap(pid)
        self.pid_file.unlink(missing_ok=True)
        return True

    def reset(self) -> None:
        self.stop()
        shutil.rmtree(self.instance_dir, ignore_errors=True)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def _kafka_uuid(value: str) -> str:
    """Kafka cluster ids are 16 bytes in URL-safe base64 without padding."""
    import base64

    return base64.urlsafe_b64encode(uuid.UUID(value).bytes).decode().rstrip("=")


def _answers_metadata(bootstrap: str) -> bool:
    import asyncio
    import concurrent.futures

    from aiokafka.admin import AIOKafkaAdminClient

    async def probe() -> bool:
        client = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
        try:
            await client.start()
            await client.list_topics()
            return True
        except Exception:
            return False
        finally:
            try:
                await client.close()
            except Exception:
                pass

    # In its own thread: callers may already run an event loop (async tests, the CLI inside asyncio).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as runner:
        return runner.submit(asyncio.run, probe()).result()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
