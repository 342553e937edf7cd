from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.integration.helpers import WorkerProcess, unique_prefix


@pytest.fixture
def start_worker(kafka_bootstrap: str, tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Start real `parley worker` processes on a topic prefix of this test's own; stopped afterwards."""
    prefix = unique_prefix()
    started: list[WorkerProcess] = []

    def start(**env: str) -> WorkerProcess:
        worker = WorkerProcess(kafka_bootstrap, env.pop("prefix", prefix), tmp_path, **env).start()
        started.append(worker)
        worker.wait_ready()
        return worker

    start.prefix = prefix  # type: ignore[attr-defined]
    yield start
    for worker in started:
        worker.stop()
