"""`parley`: the command line. Each sub-command group lives in its own module and is registered here; the groups
never import this module, so the CLI has no import cycle."""

from __future__ import annotations

import typer

from streams.cli import broker, dlq, offline, people, reprocess, run

app = typer.Typer(help="Parley: diplomatic meetings and quotes from news articles, on Kafka.", no_args_is_help=True,
                  add_completion=False)
offline.register(app)
run.register(app)
app.add_typer(broker.kafka_app, name="kafka")
reprocess.register(app)
dlq.register(app)
people.register(app)

if __name__ == "__main__":
    app()
