"""The ceiling arithmetic: what a gate's kept share allows, and the share a target needs."""

from __future__ import annotations

import pytest

from bench.nlp_ceiling import best_ratio, max_share


def test_a_gate_keeping_everything_gains_only_what_the_cheap_parts_save() -> None:
    assert best_ratio(bare=150.0, cheap=5.0, costly=145.0, share=1.0) == 1.0
    assert best_ratio(bare=150.0, cheap=5.0, costly=120.0, share=1.0) == pytest.approx(150 / 125)


def test_the_share_a_target_needs_reaches_exactly_that_target() -> None:
    share = max_share(bare=152.0, cheap=5.0, costly=133.0, target=3.0)
    assert share == pytest.approx((152 / 3 - 5) / 133)
    assert best_ratio(152.0, 5.0, 133.0, share) == pytest.approx(3.0)


def test_a_target_the_cheap_parts_alone_miss_needs_a_negative_share() -> None:
    assert max_share(bare=10.0, cheap=6.0, costly=100.0, target=2.0) < 0
