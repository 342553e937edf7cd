"""`parley worker` and `parley feed`: run a worker; send articles to the `articles` topic."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import orjson
import typer

from streams.cli import errors
from streams.cli.kafka_io import require_topic, start_client
from streams.kafka.security import client_kwargs
from streams.settings import get_settings


def _iter_input(source: str) -> Iterator[tuple[str, bytes]]:
    """(label, raw JSON bytes) for each article in a JSONL file, stdin ('-'), or a folder of .txt (the text), .json
    (one article) and .jsonl files."""
    path = Path(source)
    if source != errors.STDIN and path.is_dir():
        for file in errors.folder_inputs(path, (".txt", ".json", ".jsonl")):
            if file.suffix == ".txt":
                text = file.read_text(encoding="utf-8", errors="replace")
                yield file.name, orjson.dumps({"id": file.stem, "text": text})
            elif file.suffix == ".json":
                yield file.name, file.read_bytes()
            else:
                for where, raw in errors.raw_lines(file):
                    yield where.replace(str(file), file.name, 1), raw
        return
    yield from errors.raw_lines(source)


def worker(
    web_port: Annotated[int | None, typer.Option("--web-port", help="Web server port (PARLEY_WEB_PORT).")] = None,
    web_host: Annotated[str | None, typer.Option("--web-host", help="Bind address (PARLEY_WEB_HOST).")] = None,
    loglevel: Annotated[str | None, typer.Option("--loglevel", help="Log level (PARLEY_LOG_LEVEL).")] = None,
) -> None:
    """Run a Faust worker: consumes `articles`, publishes events, serves the HTTP API."""
    import asyncio

    from streams.app import create_app
    from streams.kafka.topics import TopicMismatch, ensure_topics
    from streams.ops.log_noise import Worker

    settings = get_settings()
    updates = {k: v for k, v in {"web_port": web_port, "web_host": web_host, "log_level": loglevel}.items() if v}
    if updates:
        settings = settings.model_copy(update=updates)
    bootstrap = settings.bootstrap
    try:
        created = asyncio.run(ensure_topics(settings, bootstrap))
    except TopicMismatch as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    except Exception as exc:
        typer.echo(f"error: cannot reach Kafka at {bootstrap}: {exc!r}\n"
                   "Start the local broker with `parley kafka start` or set KAFKA_BOOTSTRAP_SERVERS.", err=True)
        raise typer.Exit(2) from exc
    if created:
        typer.echo(f"created topics: {', '.join(created)}", err=True)
    faust_app = create_app(settings, bootstrap)
    worker_ = Worker(faust_app, loglevel=settings.log_level)
    # Faust's terminal spinner sets the root logger to DEBUG whenever the level is WARNING or above, so every
    # debug record of aiokafka and Faust is built and then dropped: about a tenth of a busy worker's CPU.
    worker_.spinner = None
    worker_.execute_from_commandline()

def feed(
    source: Annotated[str, typer.Argument(help="A JSONL file, a folder of .txt/.json/.jsonl files, or - for stdin.")],
    topic: Annotated[str | None, typer.Option(help="Topic (default: the articles topic).")] = None,
    validate: Annotated[bool, typer.Option(
        help="Reject locally what the worker would dead-letter; --no-validate sends every line as it is "
             "(for testing the dead-letter path).")] = True,
) -> None:
    """Send articles to the `articles` topic (keyed by article id) and print a summary."""
    import asyncio

    from aiokafka import AIOKafkaProducer
    from tqdm import tqdm

    from schemas.article import InputRejected, decode_article

    if source != errors.STDIN and not Path(source).exists():
        raise errors.UserError(f"{source}: no such file or folder")
    settings = get_settings()
    target = topic or settings.topic("articles")

    async def run() -> tuple[int, int]:
        await require_topic(settings.bootstrap, target)
        producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", **client_kwargs(),
                                    max_request_size=settings.max_message_bytes, enable_idempotence=True)
        await start_client(producer)
        sent = rejected = 0
        try:
            pending = []
            for label, raw in tqdm(_iter_input(source), unit=" articles", file=sys.stderr):
                key: str | None = None
                if validate:
                    try:
                        article = decode_article(raw, settings.max_text_chars)
                    except InputRejected as exc:
                        rejected += 1
                        tqdm.write(f"{label}: rejected ({exc})", file=sys.stderr)
                        continue
                    obj = orjson.loads(raw)
                    obj.pop("gold", None)
                    obj["id"] = key = article.id
                    raw = orjson.dumps(obj)
                pending.append(await producer.send(target, raw, key=key.encode() if key else None))
                sent += 1
            await asyncio.gather(*pending)
        finally:
            await producer.stop()
        return sent, rejected

    sent, rejected = asyncio.run(run())
    typer.echo(f"sent {sent}, rejected {rejected} -> {target}")
    if rejected and not sent:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Adds `worker` and `feed` to the `parley` command."""
    app.command()(worker)
    app.command()(feed)
