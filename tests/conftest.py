"""Shared fixtures. The broker is real everywhere: KAFKA_BOOTSTRAP_SERVERS if set, else a testcontainers Kafka
when a Docker engine answers a ping, else the project's own local Kafka (KRaft) on free ports, with its own
data folder that is deleted afterwards."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.kafka.local_broker import LocalKafka, free_port
from streams.settings import Settings

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
CORPUS_ABSENT = "the shared corpus is not part of the repository"


def docker_available() -> bool:
    """A daemon that answers a ping, not merely a docker CLI on PATH."""
    try:
        import docker

        docker.from_env(timeout=2).ping()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    configured = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if configured:
        yield configured
        return
    if docker_available():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer().with_kraft() as container:
            yield container.get_bootstrap_server()
        return
    broker = LocalKafka(Settings().kafka_home, port=free_port(), controller_port=free_port())
    broker.start()
    try:
        yield broker.bootstrap
    finally:
        broker.reset()


@pytest.fixture(scope="session")
def nlp():
    from extractors import load_nlp

    return load_nlp()


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is absent ({CORPUS_ABSENT})")
    return path


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """In CI (CI=true) a skipped integration test fails the run: a broker that could not start, or a tool that is
    missing, must not pass for green. Tests that need the shared corpus still skip when it is absent (it is not
    part of the repository), whatever their markers."""
    outcome = yield
    report = outcome.get_result()
    if not (_ci() and report.skipped and item.get_closest_marker("integration") is not None):
        return
    reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if item.get_closest_marker("corpus") is not None or CORPUS_ABSENT in reason:
        return
    report.outcome = "failed"
    report.longrepr = f"integration test skipped in CI (CI=true), which fails the run: {reason}"
