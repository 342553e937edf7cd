"""`parley`: the worker, the feeder, offline extraction and evaluation, and the local broker."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import orjson
import typer

from streams import cli_dlq, cli_people, cli_reprocess
from streams.kafka_security import client_kwargs
from streams.local_kafka import KAFKA_VERSION, LocalKafka, LocalKafkaError
from streams.settings import get_settings

app = typer.Typer(help="Parley: diplomatic meetings and quotes from news articles, on Kafka.", no_args_is_help=True,
                  add_completion=False)


def _read_jsonl(path: Path) -> list[dict]:
    with path.open("rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]


@app.command()
def extract(
    input: Annotated[Path, typer.Argument(help="Articles, one JSON object per line.", exists=True, dir_okay=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: the setting).")] = None,
    people: Annotated[Path | None, typer.Option(help="People snapshot (default: PARLEY_PEOPLE_SNAPSHOT).")] = None,
) -> None:
    """Offline extraction, no Kafka: one {"id", "meetings", "quotes"} line per article (SCORING.md format)."""
    from extractors import extract_batch, load_nlp, load_snapshot
    from schemas.article import InputRejected, article_from_mapping

    settings = get_settings()
    nlp = load_nlp(model or settings.spacy_model)
    snapshot_file = people or settings.people_snapshot
    snapshot = load_snapshot(snapshot_file) if snapshot_file else None
    articles = []
    for n, row in enumerate(_read_jsonl(input), 1):
        try:
            articles.append(article_from_mapping(row, settings.max_text_chars))
        except InputRejected as exc:
            typer.echo(f"line {n}: rejected ({exc})", err=True)
    out = output.open("wb") if output else sys.stdout.buffer
    try:
        for result in extract_batch(articles, nlp, batch_size=settings.nlp_batch_size, snapshot=snapshot):
            out.write(orjson.dumps(result.to_dict()) + b"\n")
    finally:
        if output:
            out.close()


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold corpus (ANNOTATION.md format).", exists=True, dir_okay=False)],
    pred: Annotated[Path | None, typer.Argument(help="Predictions; extracted from GOLD when omitted.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object, for machines.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List every miss and spurious item on stderr.")] = False,
    intervals: Annotated[int, typer.Option("--bootstrap", help="Bootstrap rounds for 95% intervals (0: none).")] = 1000,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: the setting).")] = None,
) -> None:
    """Score extractions by the rules of SCORING.md (the same numbers as ../shared/tools/score.py)."""
    from extractors.scoring import bootstrap, score

    gold_rows = _read_jsonl(gold)
    if pred is not None:
        pred_by_id = {r["id"]: r for r in _read_jsonl(pred)}
    else:
        from extractors import extract_batch, load_nlp
        from schemas.article import article_from_mapping

        nlp = load_nlp(model or get_settings().spacy_model)
        articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in gold_rows]
        pred_by_id = {e.id: e.to_dict() for e in extract_batch(articles, nlp)}
    found: list[dict] | None = [] if details else None
    result = score(gold_rows, pred_by_id, found)
    ci = bootstrap(gold_rows, pred_by_id, rounds=intervals) if intervals else {}
    if json_out:
        typer.echo(orjson.dumps({**result, "bootstrap_95": ci}).decode())
    else:
        for key in ("meetings", "meetings_ignoring_status", "contact_pairs", "quotes_span", "quotes_attributed"):
            r = result[key]
            typer.echo(f"{key:26} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}  "
                       f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
        typer.echo("meeting_attributes        " + orjson.dumps(result["meeting_attributes"]).decode())
        typer.echo("quote_attributes          " + orjson.dumps(result["quote_attributes"]).decode())
        typer.echo("quote_recall_by_type      " + orjson.dumps(result["quote_recall_by_type"]).decode())
        if ci:
            typer.echo(f"bootstrap 95% intervals ({intervals} rounds over articles):")
            for label, (lo, hi) in ci.items():
                typer.echo(f"  {label:30} [{lo:.3f}, {hi:.3f}]")
    if found is not None:
        for d in found:
            sys.stderr.write(orjson.dumps(d).decode() + "\n")


kafka_app = typer.Typer(help="The local single-node Kafka (KRaft) broker, for machines without one.",
                        no_args_is_help=True)
app.add_typer(kafka_app, name="kafka")


def _local_kafka(port: int | None) -> LocalKafka:
    settings = get_settings()
    return LocalKafka(settings.kafka_home, port or settings.kafka_port)


PortOption = Annotated[int | None, typer.Option("--port", help="Broker port (default PARLEY_KAFKA_PORT, 9092).")]


@kafka_app.command("start")
def kafka_start(port: PortOption = None) -> None:
    """Start the broker in the background (resolving its jars with Maven on first use) and print its address."""
    broker = _local_kafka(port)
    try:
        seconds = broker.start()
    except LocalKafkaError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(broker.bootstrap)
    typer.echo(f"Kafka {KAFKA_VERSION} ready in {seconds:.1f} s (pid {broker.pid()}, data {broker.instance_dir})",
               err=True)


@kafka_app.command("stop")
def kafka_stop(port: PortOption = None) -> None:
    """Stop the broker (its data is kept)."""
    typer.echo("stopped" if _local_kafka(port).stop() else "not running")


@kafka_app.command("status")
def kafka_status(port: PortOption = None) -> None:
    """Exit 0 and print the address when the broker is up, else exit 1."""
    broker = _local_kafka(port)
    pid = broker.pid()
    if pid is None or not broker.accepts_connections():
        typer.echo("not running")
        raise typer.Exit(1)
    typer.echo(f"{broker.bootstrap} (pid {pid}, data {broker.instance_dir})")


@kafka_app.command("reset")
def kafka_reset(port: PortOption = None) -> None:
    """Stop the broker and delete its data (topics, offsets, tables' changelogs)."""
    _local_kafka(port).reset()
    typer.echo("reset")


def bootstrap_servers() -> str:
    """KAFKA_BOOTSTRAP_SERVERS wins; else the local broker's address."""
    settings = get_settings()
    return settings.kafka_bootstrap_servers or f"127.0.0.1:{settings.kafka_port}"


@app.command()
def worker(
    web_port: Annotated[int | None, typer.Option("--web-port", help="Web server port (PARLEY_WEB_PORT).")] = None,
    web_host: Annotated[str | None, typer.Option("--web-host", help="Bind address (PARLEY_WEB_HOST).")] = None,
    loglevel: Annotated[str | None, typer.Option("--loglevel", help="Log level (PARLEY_LOG_LEVEL).")] = None,
) -> None:
    """Run a Faust worker: consumes `articles`, publishes events, serves the HTTP API."""
    import asyncio

    from faust import Worker

    from streams.app import create_app
    from streams.topics import TopicMismatch, ensure_topics

    settings = get_settings()
    updates = {k: v for k, v in {"web_port": web_port, "web_host": web_host, "log_level": loglevel}.items() if v}
    if updates:
        settings = settings.model_copy(update=updates)
    bootstrap = bootstrap_servers()
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


def _iter_input(source: str) -> Iterator[tuple[str, bytes]]:
    """(label, raw JSON bytes) for each article in a JSONL file, a folder of .txt/.json files, or stdin ('-')."""
    path = Path(source)
    if source != "-" and path.is_dir():
        for file in sorted(path.iterdir()):
            if file.suffix == ".txt":
                text = file.read_text(encoding="utf-8", errors="replace")
                yield file.name, orjson.dumps({"id": file.stem, "text": text})
            elif file.suffix == ".json":
                yield file.name, file.read_bytes()
        return
    stream = sys.stdin.buffer if source == "-" else path.open("rb")
    with stream:
        for n, line in enumerate(stream, 1):
            if line.strip():
                yield f"line {n}", line.rstrip(b"\r\n")


@app.command()
def feed(
    source: Annotated[str, typer.Argument(help="A JSONL file, a folder of .txt/.json files, or - for stdin.")],
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

    settings = get_settings()
    target = topic or settings.topic("articles")

    async def run() -> tuple[int, int]:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers(), acks="all", **client_kwargs(),
                                    max_request_size=settings.max_message_bytes, enable_idempotence=True)
        await producer.start()
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


cli_reprocess.register(app)
cli_dlq.register(app)
cli_people.register(app)

if __name__ == "__main__":
    app()
