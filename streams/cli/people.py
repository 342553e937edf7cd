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

from streams.settings import get_settings

people_app = typer.Typer(help="The people snapshot: Parley's memory of who is who across articles.",
                         no_args_is_help=True)


def _records_from_files(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        with path.open("rb") as fh:
            rows.extend(orjson.loads(line) for line in fh if line.strip())
    return rows


async def _records_from_topics(bootstrap: str, topics: list[str]) -> list[dict[str, Any]]:
    """Regroups meeting and quote events by article: the shape `parley extract` writes, plus `published`."""
    from streams.kafka.read import read_topic

    by_article: dict[str, dict[str, Any]] = defaultdict(lambda: {"meetings": [], "quotes": []})
    for topic in topics:
        for record in await read_topic(bootstrap, topic):
            if record.value is None:
                continue
            event = orjson.loads(record.value)
            article = event.get("article") or {}
            row = by_article[article.get("id", "")]
            row["id"], row["published"] = article.get("id"), article.get("published")
            kind = "meetings" if str(event.get("schema_version", "")).startswith("meeting") else "quotes"
            row[kind].append(event)
    return list(by_article.values())


@people_app.command("build")
def build(
    inputs: Annotated[list[Path] | None, typer.Argument(help="`parley extract` output files (JSONL).")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Snapshot file to write.")] = Path("people.json"),
    articles: Annotated[Path | None, typer.Option(help="The articles the extractions came from (for dates).")] = None,
    from_topics: Annotated[bool, typer.Option("--from-topics", help="Read the meetings and quotes topics.")] = False,
    min_sightings: Annotated[int, typer.Option(help="Sightings a person needs to be learnt.")] = 1,
) -> None:
    """Build a snapshot from extraction files or from the event topics, and write it as versioned JSON."""
    from extractors.people import build_snapshot, save_snapshot

    if not inputs and not from_topics:
        typer.echo("error: give extraction files or --from-topics", err=True)
        raise typer.Exit(2)
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
