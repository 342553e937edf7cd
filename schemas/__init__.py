"""Parley's contracts: the article that comes in and the events that go out (JSON Schema files beside them)."""
