#!/usr/bin/env bash
# Installs everything and runs the whole test suite (unit and integration tests on a real Kafka broker, which the
# tests start themselves unless KAFKA_BOOTSTRAP_SERVERS is set), after the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
.venv/bin/ruff check .
# -rs prints every skip with its reason; under CI=true (set by CI services, and by .ci/run) a skipped integration
# test fails the run (tests/conftest.py), except those that need the shared corpus when it is absent.
exec .venv/bin/python -m pytest -p no:cacheprovider -rs --durations=15 "$@"
