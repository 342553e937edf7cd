"""The cheap sentence gate and the extractor read the same meeting words."""

from __future__ import annotations

from extractors.meetings.lexicon import GATE, GATE_WORDS


def test_gate_words_cover_every_trigger() -> None:
    for sentence in [
        "They met.",
        "A summit opened.",
        "She spoke by phone with him.",
        "He paid a visit.",
        "The talks began.",
        "Negotiations resumed.",
        "The two-plus-two dialogue ended.",
        "He hosted the premier.",
        "They exchanged views.",
    ]:
        assert GATE.search(sentence), sentence
    assert not GATE.search("North Korea fired two missiles on Saturday.")
    assert all(w == w.lower() for w in GATE_WORDS)
