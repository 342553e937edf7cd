#!/usr/bin/env bash
# Prints where a worker started with the current settings answers: the dashboard, the HTTP API and its health
# (PARLEY_WEB_HOST, PARLEY_WEB_PORT; a wildcard bind is shown as 127.0.0.1, the address to open on this machine).
set -euo pipefail
host=${PARLEY_WEB_HOST:-127.0.0.1}
case "$host" in 0.0.0.0|::|"[::]"|"") host=127.0.0.1 ;; esac
case "$host" in *:*) host="[$host]" ;; esac  # an IPv6 literal in a URL
base="http://$host:${PARLEY_WEB_PORT:-6066}"
echo "dashboard: $base/"
echo "API:       $base/countries  (OpenAPI description: $base/openapi.json)"
echo "health:    $base/health"
