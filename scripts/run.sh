#!/usr/bin/env bash
# The main job on one machine: installs everything, starts a local Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS
# is set), then runs a worker with its web endpoint in the foreground (Ctrl-C stops the worker; the broker keeps
# running until `.venv/bin/parley kafka stop`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  .venv/bin/parley kafka start
fi
echo "worker web endpoint: http://${PARLEY_WEB_HOST:-127.0.0.1}:${PARLEY_WEB_PORT:-6066}/health" >&2
exec .venv/bin/parley worker "$@"
