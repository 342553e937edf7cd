"""`parley kafka start|stop|status|reset`: the local single-node Kafka (KRaft) broker."""

from __future__ import annotations

from typing import Annotated

import typer

from streams.kafka.local_broker import KAFKA_VERSION, LocalKafka, LocalKafkaError
from streams.settings import get_settings

kafka_app = typer.Typer(help="The local single-node Kafka (KRaft) broker, for machines without one.",
                        no_args_is_help=True)


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
