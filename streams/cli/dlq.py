"""`parley dlq show|replay`: look at dead letters and send them back to `articles` once their cause is fixed.

Replay is stateless: it reads the dead-letter topic up to its current end and re-sends the selected letters with
their original key and bytes. Replaying twice is harmless because an article's event ids and table updates are
deterministic in its id.

A replayed message carries the headers `replayed_from` (the dead letter's own position, `topic/partition/offset`),
`replay_origin` (the position the article was first read from) and `replay_count` (1, 2, ...). When it fails again,
its new dead letter comes from that replayed message: both commands recognise it (by reading those headers back
from `articles`) and treat every letter of one origin as one letter, the latest: counts never double, and a replay
re-sends only the latest letter of each origin.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated, Any

import orjson
import typer

from streams.cli.errors import USAGE, UserError
from streams.cli.kafka_io import read_positions, require_topic, start_client
from streams.settings import get_settings

dlq_app = typer.Typer(help="Dead letters: inspect them, replay them into `articles`.", no_args_is_help=True)

SAMPLE_CHARS = 100


def known_reasons() -> list[str]:
    """Every `dlq_reason` a worker writes (README "Topics")."""
    from schemas import article
    from streams.pipeline import nlp_pool, processor

    return sorted({article.NOT_UTF8, article.NOT_JSON, article.NOT_OBJECT, article.NO_TEXT, article.EMPTY_TEXT,
                   article.WRONG_TYPE, article.TEXT_TOO_LONG, article.BAD_DATE, article.NUL_BYTES, article.TOO_DEEP,
                   nlp_pool.TIMEOUT, nlp_pool.ERROR, nlp_pool.CRASH, processor.PUBLISH_ERROR})


def _check_reasons(reasons: list[str] | None) -> set[str]:
    known = known_reasons()
    unknown = sorted(set(reasons or ()) - set(known))
    if unknown:
        raise UserError(f"unknown dead-letter reason(s) {', '.join(unknown)}; known: {', '.join(known)}", USAGE)
    return set(reasons or ())


def _position(topic: str, partition: int, offset: int) -> str:
    return f"{topic}/{partition}/{offset}"


def _parse_position(text: str) -> tuple[str, int, int] | None:
    topic, _, rest = text.rpartition("/")
    topic, _, partition = topic.rpartition("/")
    try:
        return topic, int(partition), int(rest)
    except ValueError:
        return None


@dataclass
class Letter:
    record: Any
    reason: str
    detail: str
    source: str  # where the worker read the message it dead-lettered: topic/partition/offset
    origin: str  # where the article was first read: the source, or the replayed message's replay_origin
    replays: int = 0  # how many replays came before this letter
    replayed_from: str | None = None
    superseded: list[str] = field(default_factory=list)  # earlier letters of the same origin

    @property
    def position(self) -> str:
        return _position(self.record.topic, self.record.partition, self.record.offset)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.record.timestamp, self.record.partition, self.record.offset

    def twin_key(self) -> tuple[bytes | None, bytes]:
        return self.record.key, hashlib.sha256(self.record.value or b"").digest()

    def apply_replay_headers(self, headers: dict[str, bytes]) -> None:
        if "replay_origin" in headers:
            self.origin = headers["replay_origin"].decode("utf-8", "replace")
            self.replayed_from = headers.get("replayed_from", b"").decode("utf-8", "replace") or None
            try:
                self.replays = int(headers.get("replay_count", b"1"))
            except ValueError:
                self.replays = 1

    @classmethod
    def of(cls, record: Any) -> Letter:
        h = {k: v for k, v in record.headers or ()}

        def text(name: str, default: str = "") -> str:
            return h[name].decode("utf-8", "replace") if name in h else default

        source = (_position(text("source_topic"), int(text("source_partition")), int(text("source_offset")))
                  if {"source_topic", "source_partition", "source_offset"} <= h.keys() else "unknown")
        letter = cls(record, text("dlq_reason", "unknown"), text("dlq_detail"), source,
                     source if source != "unknown" else _position(record.topic, record.partition, record.offset))
        letter.apply_replay_headers(h)  # when the worker copies a replayed message's headers into its letter
        return letter

    def sample(self) -> str:
        value = self.record.value or b""
        text = value[:SAMPLE_CHARS * 4].decode("utf-8", "replace")
        text = "".join(c if c.isprintable() else " " for c in text)
        return text[:SAMPLE_CHARS] + ("..." if len(text) > SAMPLE_CHARS or len(value) > SAMPLE_CHARS * 4 else "")

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position, "reason": self.reason, "detail": self.detail, "source": self.source,
                "origin": self.origin, "replays": self.replays, "replayed_from": self.replayed_from,
                "earlier_letters": self.superseded, "timestamp": self.record.timestamp,
                "key": self.record.key.decode("utf-8", "replace") if self.record.key is not None else None,
                "bytes": len(self.record.value or b""), "sample": self.sample()}


async def latest_letters(bootstrap: str, dlq_topic: str) -> list[Letter]:
    """The latest dead letter of each origin, oldest first."""
    from aiokafka import TopicPartition

    from streams.kafka.read import read_to_end

    partitions = await require_topic(bootstrap, dlq_topic)
    letters = sorted((Letter.of(r) for r in await read_to_end(bootstrap, [TopicPartition(dlq_topic, p)
                                                                          for p in partitions])),
                     key=lambda letter: letter.sort_key)
    # A replayed letter that failed again is a twin of an earlier letter (same key, same bytes): only those are
    # looked up in `articles` for the replay headers of the message they came from.
    first_of: dict[tuple[bytes | None, bytes], Letter] = {}
    lookups: dict[tuple[str, int, int], Letter] = {}
    for letter in letters:
        key = letter.twin_key()
        if key in first_of and letter.replayed_from is None:
            where = _parse_position(letter.source)
            if where is not None:
                lookups[where] = letter
        first_of.setdefault(key, letter)
    for where, record in (await read_positions(bootstrap, set(lookups))).items():
        lookups[where].apply_replay_headers({k: v for k, v in record.headers or ()})
    latest: dict[str, Letter] = {}
    for letter in letters:
        before = latest.get(letter.origin)
        if before is not None:
            letter.superseded = [*before.superseded, before.position]
        latest[letter.origin] = letter
    return sorted(latest.values(), key=lambda letter: letter.sort_key)


@dlq_app.command("show")
def show(
    reason: Annotated[list[str] | None, typer.Option("--reason", help="Only this reason (repeatable).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show the N most recent letters (default 20).")] = None,
    counts: Annotated[bool, typer.Option("--counts", help="Only count the letters by reason.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line, for machines.")] = False,
) -> None:
    """List the dead letters, most recent last: reason, detail, source position, replays and a sample of the value.

    A letter that failed again after a replay replaces the earlier one (one letter per original source position),
    so neither the list nor the counts double."""
    wanted = _check_reasons(reason)
    if counts and limit is not None:
        raise UserError("--counts and --limit do not go together: --counts counts every letter", USAGE)
    if limit is not None and limit < 1:
        raise UserError("--limit must be 1 or more", USAGE)
    limit = limit or 20
    settings = get_settings()
    letters = asyncio.run(latest_letters(settings.bootstrap, settings.topic("articles.dlq")))
    chosen = [letter for letter in letters if not wanted or letter.reason in wanted]
    if counts:
        by_reason = Counter(letter.reason for letter in chosen)
        if json_out:
            typer.echo(orjson.dumps({"reasons": dict(sorted(by_reason.items())), "total": len(chosen)}).decode())
            return
        for why, n in sorted(by_reason.items()):
            typer.echo(f"{n:8d}  {why}")
        typer.echo(f"{len(chosen):8d}  total")
        return
    shown = chosen[-limit:]
    for letter in shown:
        if json_out:
            typer.echo(orjson.dumps(letter.to_dict()).decode())
            continue
        replays = f", replayed {letter.replays}x" if letter.replays else ""
        key = f"  key {letter.record.key.decode('utf-8', 'replace')}" if letter.record.key is not None else ""
        typer.echo(f"{letter.position}  {letter.reason}{key}  (from {letter.origin}{replays})")
        typer.echo(f"    detail: {' '.join(letter.detail.split()) or '-'}")
        typer.echo(f"    sample: {letter.sample()}  ({len(letter.record.value or b'')} bytes)")
    if not json_out:
        typer.echo(f"{len(shown)} of {len(chosen)} dead letter(s)" + (" (--limit)" if len(shown) < len(chosen)
                                                                       else ""), err=True)


def replayable(letters: list, wanted: set[str], all_: bool) -> tuple[list, list]:
    """(the letters to replay, the truncated ones left out). A letter too large for the DLQ holds a cut copy of its
    article (header dlq_truncated): replaying those bytes would send a broken article."""
    chosen = [letter for letter in letters if all_ or letter.reason in wanted]
    cut = [letter for letter in chosen if dict(letter.record.headers or ()).get("dlq_truncated") == b"true"]
    return [letter for letter in chosen if letter not in cut], cut


@dlq_app.command("replay")
def replay(
    reason: Annotated[list[str] | None, typer.Option("--reason", help="Replay only this reason (repeatable).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Replay every dead letter.")] = False,
) -> None:
    """Send dead letters back to `articles`: the latest letter of each origin, with its original key and bytes and
    the headers `replayed_from`, `replay_origin`, `replay_count`. Give --reason (repeatable) or --all, not both."""

    if all_ and reason:
        raise UserError("--reason and --all do not go together: give one or the other", USAGE)
    if not all_ and not reason:
        raise UserError("say which dead letters to replay: --reason REASON (repeatable) or --all", USAGE)
    wanted = _check_reasons(reason)
    settings = get_settings()
    bootstrap = settings.bootstrap

    skipped: Counter[str] = Counter()

    async def run() -> Counter[str]:
        from aiokafka import AIOKafkaProducer

        from streams.kafka.security import client_kwargs

        letters = await latest_letters(bootstrap, settings.topic("articles.dlq"))
        chosen, cut = replayable(letters, wanted, all_)
        skipped["truncated"] = len(cut)
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, **client_kwargs(), acks="all", enable_idempotence=True,
                                    max_request_size=settings.max_message_bytes)
        await start_client(producer)
        sent: Counter[str] = Counter()
        try:
            futures = []
            for letter in chosen:
                headers = [("replayed_from", letter.position.encode()),
                           ("replay_origin", letter.origin.encode()),
                           ("replay_count", str(letter.replays + 1).encode())]
                r = letter.record
                futures.append(await producer.send(settings.topic("articles"), r.value, key=r.key, headers=headers))
                sent[letter.reason] += 1
            await asyncio.gather(*futures)
        finally:
            await producer.stop()
        return sent

    sent = asyncio.run(run())
    for why, n in sorted(sent.items()):
        typer.echo(f"replayed {n:6d}  {why}")
    typer.echo(f"replayed {sum(sent.values())} dead letter(s) into {settings.topic('articles')}")
    if skipped["truncated"]:
        typer.echo(f"left out {skipped['truncated']} truncated dead letter(s) (too large for the DLQ, only a cut copy "
                   "is kept: send the original article again)", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(dlq_app, name="dlq")
