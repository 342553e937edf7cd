"""`python -m streams.cli ...` runs the `parley` command."""

from streams.cli.main import app

app()
