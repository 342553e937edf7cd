"""The gate-share measurement counts what a gate keeps, on a text written for the test."""

from __future__ import annotations

from bench.gate_share import kept_share

SENTENCES = ["Rain fell in the north on Monday.", "Farmers were pleased.", "Prices of wheat rose sharply.",
             "Kishida met Lee in Seoul."]
TEXT = " ".join(SENTENCES)


def test_the_tight_gate_keeps_the_lede_and_the_meeting_sentence_only() -> None:
    kept = len(SENTENCES[0]) + len(SENTENCES[3])
    assert kept_share([TEXT], tight=True) == kept / sum(len(s) for s in SENTENCES)


def test_the_safe_gate_also_keeps_the_opening_and_the_sentence_before_a_kept_one() -> None:
    assert kept_share([TEXT], tight=False) == 1.0
    other = [*SENTENCES[:3], "Kishida stayed with Lee in Seoul."]  # no meeting word: only the opening two
    assert kept_share([" ".join(other)], tight=False) == sum(map(len, other[:2])) / sum(map(len, other))


def test_without_quotes_a_speech_sentence_is_no_longer_kept() -> None:
    said = ["Rain fell in the north on Monday.", "Farmers were pleased.", "Prices of wheat rose sharply.",
            "Traders said prices would fall."]
    total = sum(len(s) for s in said)
    assert kept_share([" ".join(said)], tight=True) == (len(said[0]) + len(said[3])) / total
    assert kept_share([" ".join(said)], tight=True, quotes=False) == len(said[0]) / total
