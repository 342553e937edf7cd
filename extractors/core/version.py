"""The extractor version every event carries: code, reference data, officeholders dictionary and people snapshot.

Kept apart from the NLP so that the worker's main process (which stamps and publishes events but never parses)
can compute it without importing spaCy or building the gazetteer: about 100 MB less per worker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractors.resolve.data import reference_version
from extractors.resolve.officeholders import dictionary_version
from extractors.resolve.snapshot import snapshot_version

EXTRACTOR_VERSION = "0.10.0"  # issue 17, fourteenth round: follow-ups, past contacts, one contact told twice, kinds


def extractor_version(snapshot: Mapping[str, Any] | None = None) -> str:
    """Code, reference data, dictionary and people snapshot versions: the same (article, version) always extracts
    the same."""
    return f"{EXTRACTOR_VERSION}+ref.{reference_version()}+{dictionary_version()}+{snapshot_version(snapshot)}"
