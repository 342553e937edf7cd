"""`parley reprocess`: re-extract the whole `articles` history after an extractor upgrade.

It runs a worker under a new app version: app id `<prefix>-worker-v<N>`, so new consumer groups (the articles
group `<prefix>-worker-v<N>-articles` among them) that start at the earliest article, and new table changelogs
that are rebuilt from the re-published events. Event ids do not depend on the extractor version, so the
re-published events upsert the old ones; events the new extractor no longer yields are retracted (the retraction
ledger's topic does not depend on the app version). The `articles` topic keeps every article for this
(`PARLEY_ARTICLES_RETENTION_MS`, forever by default).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from typing import Annotated, Any

import typer
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams.kafka.security import client_kwargs
from streams.settings import Settings

log = logging.getLogger("parley.reprocess")


def versioned(settings: Settings, app_version: int) -> Settings:
    return settings.model_copy(update={"app_version": app_version})


async def caught_up(bootstrap: str, group: str, ends: dict[TopicPartition, int]) -> bool:
    """True once the group has committed every partition up to `ends` (the end of `articles` when it started)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_kwargs())
    await admin.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    return all(end == 0 or (tp in committed and committed[tp].offset >= end) for tp, end in ends.items())


async def end_offsets(bootstrap: str, topic: str) -> dict[TopicPartition, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, **client_kwargs(), group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.subscribe([topic])  # without a group: assigned every partition once metadata arrives
        while not consumer.assignment():
            await asyncio.sleep(0.1)
        return await consumer.end_offsets(sorted(consumer.assignment()))
    finally:
        await consumer.stop()


def register(app: typer.Typer) -> None:
    """Adds this module's commands to the `parley` CLI."""

    @app.command()
    def reprocess(
        app_version: Annotated[int, typer.Option("--app-version", min=2,
                                                 help="New app version (2, 3, ...): a new consumer group and new "
                                                      "tables; use a number never used before.")],
        exit_when_done: Annotated[bool, typer.Option(
            "--exit-when-done/--keep-running",
            help="Stop once every article that was on the topic at the start is reprocessed (default), or keep "
                 "running as the new worker.")] = True,
        web_port: Annotated[int | None, typer.Option("--web-port", help="Web server port (PARLEY_WEB_PORT).")] = None,
    ) -> None:
        """Rebuild events and tables from the `articles` topic under a new app version (after an extractor
        upgrade). Give it a web port no running worker uses; --keep-running stays on as the new version's worker."""
        from streams.app import create_app
        from streams.kafka.topics import TopicMismatch, ensure_topics
        from streams.ops.log_noise import Worker
        from streams.settings import get_settings

        settings = versioned(get_settings(), app_version)
        if web_port:
            settings = settings.model_copy(update={"web_port": web_port})
        bootstrap = get_settings().bootstrap
        articles = settings.topic("articles")
        try:
            asyncio.run(ensure_topics(settings, bootstrap))
            ends = asyncio.run(end_offsets(bootstrap, articles))
        except TopicMismatch as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        total = sum(ends.values())
        typer.echo(f"reprocessing {total} article messages of {articles} as {settings.app_id}", err=True)
        faust_app = create_app(settings, bootstrap)
        began = time.monotonic()

        if exit_when_done:
            @faust_app.timer(2.0)
            async def stop_when_caught_up() -> None:
                if await caught_up(bootstrap, settings.articles_group, ends):
                    log.warning("reprocessed %d article messages in %.1f s (%s)", total, time.monotonic() - began,
                                settings.app_id)
                    os.kill(os.getpid(), signal.SIGTERM)

        worker: Any = Worker(faust_app, loglevel=settings.log_level)
        worker.execute_from_commandline()
