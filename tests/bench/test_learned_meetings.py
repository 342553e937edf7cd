"""The learned-meetings experiment (bench/LEARNED_MEETINGS.md) must stay reproducible: its numbers are only worth
citing if the trainer reads only the dev2 half we may train on and fits the same weights every time."""

from __future__ import annotations

import hashlib

from bench.learned_meetings.train import even_half, fit


def test_even_half_is_the_complement_of_the_check_half() -> None:
    for record_id in ("a", "b", "dev2-001", "japan-russia-two-plus-two"):
        odd = int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 1
        assert even_half(record_id) is (not odd)


def test_fit_is_deterministic_and_learns_a_separable_cue() -> None:
    feats = [{"bias": 1.0, "cue": 1.0}] * 6 + [{"bias": 1.0, "noise": 1.0}] * 6 + [{"bias": 1.0, "rare": 1.0}]
    labels = [1] * 6 + [0] * 7
    first, second = fit(feats, labels), fit(feats, labels)
    assert first == second
    assert first["cue"] > 1.0 > -1.0 > first["noise"]
    assert "rare" not in first  # seen once: below MIN_COUNT, left out of the vocabulary
