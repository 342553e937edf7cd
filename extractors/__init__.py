"""Pure NLP: an article in, its meetings and quotes out. No Kafka, no asyncio.

`extract` and `extract_batch` (extractors/core/run.py) are the one code path: `parley extract`, the benchmarks and the
stream worker's NLP processes all call them. They, and `load_nlp`, are imported on first use: a process that only
needs the version or the types (the worker's main process) never loads spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from extractors.core.types import Extraction, Meeting, Participant, Quote
from extractors.core.version import EXTRACTOR_VERSION, extractor_version
from extractors.resolve.snapshot import load_snapshot, snapshot_version
from schemas.article import Article

if TYPE_CHECKING:
    from extractors.core.pipeline import load_nlp
    from extractors.core.run import extract, extract_batch

_LAZY = {"extract": "extractors.core.run", "extract_batch": "extractors.core.run",
         "load_nlp": "extractors.core.pipeline"}

__all__ = [
    "EXTRACTOR_VERSION",
    "Article",
    "Extraction",
    "Meeting",
    "Participant",
    "Quote",
    "extract",
    "extract_batch",
    "extractor_version",
    "load_nlp",
    "load_snapshot",
    "snapshot_version",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'extractors' has no attribute {name!r}")
