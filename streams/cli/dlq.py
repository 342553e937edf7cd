"""`parley dlq show|replay`: look at dead letters and send them back to `articles` once their cause is fixed.

Replay is stateless: it reads the dead-letter topic up to its current end and re-sends the selected messages with
their original key and bytes. Replaying twice is harmless because an article's event ids and table updates are
deterministic in its id.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Annotated

import typer
from aiokafka import AIOKafkaProducer

from streams.kafka.read import TopicUnavailable, read_topic
from streams.kafka.security import client_kwargs
from streams.settings import get_settings

dlq_app = typer.Typer(help="Dead letters: inspect them, replay them into `articles`.", no_args_is_help=True)


async def _dead_letters(bootstrap: str, topic: str) -> list:
    try:
        return await read_topic(bootstrap, topic)
    except TopicUnavailable as exc:
        raise typer.BadParameter(str(exc)) from exc


def _reason(record) -> str:
    return dict(record.headers or ()).get("dlq_reason", b"unknown").decode("utf-8", "replace")


@dlq_app.command("show")
def show() -> None:
    """Count the dead letters by reason."""

    settings = get_settings()
    records = asyncio.run(_dead_letters(get_settings().bootstrap, settings.topic("articles.dlq")))
    for reason, n in sorted(Counter(_reason(r) for r in records).items()):
        typer.echo(f"{n:8d}  {reason}")
    typer.echo(f"{len(records):8d}  total")


@dlq_app.command("replay")
def replay(
    reason: Annotated[list[str] | None, typer.Option("--reason", help="Replay only this reason (repeatable).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Replay every dead letter.")] = False,
) -> None:
    """Send dead letters back to `articles` (original key and bytes, plus a `dlq_replayed` header)."""

    if not all_ and not reason:
        typer.echo("error: say which dead letters to replay: --reason REASON (repeatable) or --all", err=True)
        raise typer.Exit(2)
    settings = get_settings()
    bootstrap = get_settings().bootstrap
    wanted = set(reason or ())

    async def run() -> Counter[str]:
        records = await _dead_letters(bootstrap, settings.topic("articles.dlq"))
        chosen = [r for r in records if all_ or _reason(r) in wanted]
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, **client_kwargs(), acks="all", enable_idempotence=True,
                                    max_request_size=settings.max_message_bytes)
        await producer.start()
        sent: Counter[str] = Counter()
        try:
            futures = []
            for r in chosen:
                headers = [("dlq_replayed", f"{r.topic}/{r.partition}/{r.offset}".encode())]
                futures.append(await producer.send(settings.topic("articles"), r.value, key=r.key, headers=headers))
                sent[_reason(r)] += 1
            await asyncio.gather(*futures)
        finally:
            await producer.stop()
        return sent

    sent = asyncio.run(run())
    for why, n in sorted(sent.items()):
        typer.echo(f"replayed {n:6d}  {why}")
    typer.echo(f"replayed {sum(sent.values())} dead letter(s) into {settings.topic('articles')}")


def register(app: typer.Typer) -> None:
    app.add_typer(dlq_app, name="dlq")
