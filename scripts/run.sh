#!/usr/bin/env bash
# The main job on one machine: installs everything, starts a local Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS
# is set), prints the dashboard and API addresses (scripts/addresses.sh), then runs a worker in the foreground
# (Ctrl-C stops the worker; the broker keeps running until `.venv/bin/parley kafka stop`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  .venv/bin/parley kafka start
fi
bash scripts/addresses.sh >&2
exec .venv/bin/parley worker "$@"
