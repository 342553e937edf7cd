"""The worker's web server: the HTTP API, the dashboard and its live feed, the static files."""
