"""Kafka plumbing: topics, the local broker, reading topics to their end, client security, Faust guards."""
