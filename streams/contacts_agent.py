"""Installs this area's agents, tables and web views on the Faust app (filled in by its issue)."""

from __future__ import annotations

import faust

from streams.settings import Settings


def install(app: faust.App, settings: Settings) -> None:
    """Called once by streams.app.create_app, after the source agent and topics exist."""
