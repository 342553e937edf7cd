"""`parley people build`: learn the people snapshot (name -> country, role, dates seen) from Parley's own output.

Workers load the snapshot at start (PARLEY_PEOPLE_SNAPSHOT); its version is part of the extractor version, so a
new snapshot is a new extractor version and extraction stays a pure function of (article, snapshot).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from streams.cli import errors
from streams.settings import get_settings

people_app = typer.Typer(help="The people snapshot: Parley's memory of who is who across articles.",
                         no_args_is_help=True)


def _records_from_files(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        rows.extend(errors.read_jsonl(path))
    return rows


def rows_from_events(records: list[Any]) -> list[dict[str, Any]]:
    """Regroups meeting and quote events by article: the shape `parley extract` writes, plus `published`.

    An event counts once, as its latest record (the topics are at-least-once: a redelivery or a reprocessed article
    publishes the same `event_id` again), and not at all when that latest record is its retraction (a
    `retraction.v1` on the same topic and key, so on the same partition, after the event)."""
    latest: dict[str, dict[str, Any]] = {}
    for record in sorted(records, key=lambda r: (r.topic, r.partition, r.offset)):
        if record.value is None:
            continue
        try:
            event = orjson.loads(record.value)
        except orjson.JSONDecodeError:
            continue
        if not isinstance(event, dict) or not event.get("event_id"):
            continue
        latest[str(event["event_id"])] = event
    by_article: dict[str, dict[str, Any]] = defaultdict(lambda: {"meetings": [], "quotes": []})
    for event in latest.values():
        schema = str(event.get("schema_version", ""))
        if schema.startswith("retraction"):
            continue
        article = event.get("article") or {}
        row = by_article[article.get("id", "")]
        row["id"], row["published"] = article.get("id"), article.get("published")
        row["meetings" if schema.startswith("meeting") else "quotes"].append(event)
    return list(by_article.values())


async def _records_from_topics(bootstrap: str, topics: list[str]) -> list[dict[str, Any]]:
    from streams.cli.kafka_io import require_topic
    from streams.kafka.read import read_topic

    records: list[Any] = []
    for topic in topics:
        await require_topic(bootstrap, topic)
        records.extend(await read_topic(bootstrap, topic))
    return rows_from_events(records)


@people_app.command("build")
def build(
    inputs: Annotated[list[Path] | None, typer.Argument(help="`parley extract` output files (JSONL), - for stdin.")
                      ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Snapshot file to write.")] = Path("people.json"),
    articles: Annotated[Path | None, typer.Option(help="The articles the extractions came from (for dates); - for "
                                                       "stdin.")] = None,
    from_topics: Annotated[bool, typer.Option("--from-topics", help="Read the meetings and quotes topics.")] = False,
    min_sightings: Annotated[int, typer.Option(min=1, help="Sightings a person needs to be learnt.")] = 1,
) -> None:
    """Build a snapshot from extraction files or from the event topics, and write it as versioned JSON. From the
    topics, each event counts once (by `event_id`, its latest record) and retracted events not at all."""
    from extractors.resolve.snapshot import build_snapshot, save_snapshot

    if not inputs and not from_topics:
        raise errors.UserError("give extraction files or --from-topics", errors.USAGE)
    errors.require_single_stdin(*(inputs or []), articles)
    records = _records_from_files(inputs or [])
    if from_topics:

        settings = get_settings()
        records += asyncio.run(_records_from_topics(get_settings().bootstrap,
                                                    [settings.topic("meetings"), settings.topic("quotes")]))
    published: dict[str, Any] = {}
    if articles is not None:
        for row in _records_from_files([articles]):
            published[str(row.get("id"))] = row.get("published")
    snapshot = build_snapshot(records, published, min_sightings=min_sightings)
    save_snapshot(snapshot, output)
    typer.echo(f"{len(snapshot['people'])} people from {len(records)} article(s) -> {output} ({snapshot['version']})")


def register(app: typer.Typer) -> None:
    app.add_typer(people_app, name="people")
