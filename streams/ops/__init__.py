"""Operations: Prometheus metrics, counters, JSON logs."""
