"""Parley owns its topics: it creates them with their partitions and configs, and refuses to run on topics that
disagree (a wrong partition count silently breaks table co-partitioning; a small max.message.bytes makes big
articles fail in the producer instead of reaching the dead-letter topic)."""

from __future__ import annotations

from dataclasses import dataclass, field

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from streams.kafka.security import client_kwargs
from streams.settings import Settings

DAY_MS = 24 * 3600 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    replication: int
    configs: dict[str, str] = field(default_factory=dict)
    # Configs Parley may change on an existing topic instead of refusing to start (a safe upgrade of its own state)
    alterable: bool = False


class TopicMismatch(RuntimeError):
    """An existing topic's partitions or configs differ from what Parley needs."""


def topic_specs(settings: Settings) -> list[TopicSpec]:
    big = str(settings.max_message_bytes)
    n, rf = settings.partitions, settings.replication_factor
    return [
        # Kept forever by default: `parley reprocess` re-extracts history from here after an extractor upgrade.
        TopicSpec(settings.topic("articles"), n, rf, {"cleanup.policy": "delete",
                                                       "retention.ms": str(settings.articles_retention_ms),
                                                       "max.message.bytes": big}),
        TopicSpec(settings.topic("meetings"), n, rf, {"cleanup.policy": "delete",
                                                       "retention.ms": str(settings.events_retention_ms)}),
        TopicSpec(settings.topic("quotes"), n, rf, {"cleanup.policy": "delete",
                                                     "retention.ms": str(settings.events_retention_ms)}),
        TopicSpec(settings.topic("articles.dlq"), n, rf, {"cleanup.policy": "delete",
                                                           "retention.ms": str(settings.events_retention_ms),
                                                           "max.message.bytes": big}),
        # Compacted state topics, created here before any consumer subscribes.
        # The retraction ledger: compacted, and bounded by its window (an existing compact-only topic is upgraded).
        TopicSpec(settings.topic("article-events"), n, rf, ledger_configs(settings), alterable=True),
        # The tables (streams/tables/agents.py): partition p of each holds the state of partition p of contact-updates.
        TopicSpec(settings.changelog("contacts"), n, rf, {"cleanup.policy": "compact"}),
        TopicSpec(settings.changelog("contact-articles"), n, rf, {"cleanup.policy": "compact"}),
        # One contact-update per participating country of a meeting, keyed by country (streams/tables/agents.py).
        TopicSpec(settings.topic("contact-updates"), n, rf, {"cleanup.policy": "delete",
                                                              "retention.ms": str(settings.events_retention_ms)}),
    ]


def ledger_configs(settings: Settings) -> dict[str, str]:
    if settings.ledger_window_days <= 0:
        return {"cleanup.policy": "compact"}
    return {"cleanup.policy": "compact,delete", "retention.ms": str(int(settings.ledger_window_days * DAY_MS))}


PRODUCER_HEADROOM_BYTES = 64 * 1024  # a request's own overhead above its largest record


def largest_record(settings: Settings) -> int:
    """The largest record any of Parley's topics accepts (max.message.bytes of `articles` and the DLQ, which
    ensure_topics has verified at start): the producer's request size must allow it, or a dead letter of a large
    article could never be written."""
    return max(int(s.configs.get("max.message.bytes", 0)) for s in topic_specs(settings)) or 1024 * 1024


def producer_request_bytes(settings: Settings) -> int:
    return largest_record(settings) + PRODUCER_HEADROOM_BYTES


async def ensure_topics(settings: Settings, bootstrap: str, specs: list[TopicSpec] | None = None) -> list[str]:
    """Create missing topics; verify existing ones. Returns the names it created."""
    specs = specs if specs is not None else topic_specs(settings)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **client_kwargs(), request_timeout_ms=30000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [s for s in specs if s.name not in existing]
        if missing:
            response = await admin.create_topics(
                [NewTopic(s.name, s.partitions, s.replication, topic_configs=s.configs) for s in missing])
            for name, code, *rest in response.topic_errors:
                if code not in (0, 36):  # 36: created meanwhile by another worker
                    raise TopicMismatch(f"could not create topic {name}: error {code} {rest[-1] if rest else ''}")
        alterable = [s for s in specs if s.name in existing and s.alterable]
        if alterable and await _disagreements(admin, alterable):
            await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, s.name, s.configs)
                                       for s in alterable])
        problems = await _disagreements(admin, [s for s in specs if s.name in existing])
        if problems:
            raise TopicMismatch(
                "existing topics disagree with Parley's settings:\n  " + "\n  ".join(problems)
                + "\nFix the topics (or the PARLEY_PARTITIONS / retention settings), "
                "or use another PARLEY_TOPIC_PREFIX.")
        return [s.name for s in missing]
    finally:
        await admin.close()


async def _disagreements(admin: AIOKafkaAdminClient, specs: list[TopicSpec]) -> list[str]:
    if not specs:
        return []
    problems = []
    described = await admin.describe_topics([s.name for s in specs])
    partitions = {t["topic"]: len(t["partitions"]) for t in described}
    for s in specs:
        if partitions.get(s.name) != s.partitions:
            problems.append(f"{s.name}: {partitions.get(s.name)} partitions, expected {s.partitions}")
    responses = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, s.name) for s in specs])
    actual: dict[str, dict[str, str]] = {}
    for response in responses:
        for _code, _msg, _rtype, name, entries in response.resources:
            actual[name] = {e[0]: e[1] for e in entries}
    for s in specs:
        for key, want in s.configs.items():
            have = actual.get(s.name, {}).get(key)
            if have != want:
                problems.append(f"{s.name}: {key}={have}, expected {want}")
    return problems
