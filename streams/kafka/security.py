"""Production Kafka (Strimzi, a managed service) needs TLS and SASL: one place turns the PARLEY_KAFKA_* settings
into what each client wants, so the Faust app, the topic admin and the feeder all connect the same way.

Faust takes a credentials object (`broker_credentials=`) and hands it to aiokafka itself; plain aiokafka clients
(the admin client in streams/topics.py, the feeder's producer) take keyword arguments.
"""

from __future__ import annotations

import ssl
from typing import Any

from faust.auth import SASLCredentials, SSLCredentials
from faust.types.auth import CredentialsT

from streams.settings import Settings


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """A verifying TLS context for SSL/SASL_SSL (the system CAs unless a CA file is given), else None."""
    if settings.kafka_security_protocol not in ("SSL", "SASL_SSL"):
        return None
    context = ssl.create_default_context(
        cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None)
    if settings.kafka_ssl_certfile:
        context.load_cert_chain(str(settings.kafka_ssl_certfile),
                                str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None)
    return context


def _password(settings: Settings) -> str | None:
    return settings.kafka_sasl_password.get_secret_value() if settings.kafka_sasl_password else None


def faust_credentials(settings: Settings) -> CredentialsT | None:
    """For faust.App(broker_credentials=...): None means PLAINTEXT, Faust's default."""
    protocol = settings.kafka_security_protocol
    if protocol == "PLAINTEXT":
        return None
    if protocol == "SSL":
        context = ssl_context(settings)
        assert context is not None
        return SSLCredentials(context)
    # SASL_PLAINTEXT / SASL_SSL: Faust picks SASL_SSL exactly when it is given a TLS context.
    return SASLCredentials(username=settings.kafka_sasl_username, password=_password(settings),
                           ssl_context=ssl_context(settings), mechanism=settings.kafka_sasl_mechanism)


def aiokafka_kwargs(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for AIOKafkaProducer / AIOKafkaConsumer / AIOKafkaAdminClient."""
    protocol = settings.kafka_security_protocol
    kwargs: dict[str, Any] = {"security_protocol": protocol}
    context = ssl_context(settings)
    if context is not None:
        kwargs["ssl_context"] = context
    if protocol.startswith("SASL_"):
        kwargs.update(sasl_mechanism=settings.kafka_sasl_mechanism, sasl_plain_username=settings.kafka_sasl_username,
                      sasl_plain_password=_password(settings))
    return kwargs


def client_kwargs() -> dict[str, Any]:
    """`aiokafka_kwargs` of the process's settings (security settings come from the environment only)."""
    from streams.settings import get_settings

    return aiokafka_kwargs(get_settings())


# For the worker's own followers of busy topics (the dashboard feed, the table mirror): a fetch returns once 64 KB
# are there or 100 ms have passed, instead of as soon as one record is, so a steady stream costs a few fetches a
# second rather than one per event. 100 ms is well below what a dashboard or a table reader can tell.
BATCHED_FETCH: dict[str, int] = {"fetch_min_bytes": 64 * 1024, "fetch_max_wait_ms": 100}
