#!/usr/bin/env bash
# Installs everything and runs the whole test suite (unit and integration tests on a real Kafka broker, which the
# tests start themselves unless KAFKA_BOOTSTRAP_SERVERS is set), after the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -p no:cacheprovider --durations=15 "$@"
