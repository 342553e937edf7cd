"""Every dead-letter decision of the source, and what it publishes, with a stand-in NLP pool.

The broker path is covered by tests/integration; here the decisions themselves are pinned down."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from schemas.article import Article
from streams.ops import counters
from streams.pipeline.nlp_pool import ERROR, OK, TIMEOUT, Outcome
from streams.pipeline.processor import ArticleProcessor, RawMessage
from streams.pipeline.retraction_ledger import RetractionLedger

VERSION = "9.9.9+people-none"
TOPICS = {"meetings": "t.meetings", "quotes": "t.quotes", "dlq": "t.dlq"}
MEETING = {"countries": ["JPN", "RUS"], "participants": [], "kind": "talks", "status": "held", "evidence": "E.",
           "evidence_start": 0, "evidence_end": 2}
QUOTE = {"speaker": "Kishida", "speaker_country": "JPN", "speaker_role": None, "type": "direct", "text": "Q",
         "cue": "said", "start": 5, "end": 6, "parts": []}


class StubPool:
    def __init__(self, by_text: dict[str, Outcome]) -> None:
        self.by_text = by_text
        self.calls: list[list[str]] = []

    async def extract(self, articles: list[Article]) -> list[Outcome]:
        self.calls.append([a.text for a in articles])
        return [self.by_text.get(a.text, Outcome(OK, {"id": a.id, "meetings": [], "quotes": []})) for a in articles]


class Sink:
    def __init__(self, fail_times: int = 0) -> None:
        self.records: list[tuple[str, bytes | None, bytes, list[tuple[str, bytes]], int | None]] = []
        self.fail_times = fail_times

    async def __call__(self, topic: str, key: bytes | None, value: bytes, headers: list[tuple[str, bytes]],
                       partition: int | None) -> Any:
        if self.fail_times:
            self.fail_times -= 1
            raise ConnectionError("broker away")
        self.records.append((topic, key, value, headers, partition))

    def on(self, topic: str) -> list[tuple[bytes | None, bytes, dict[str, bytes]]]:
        return [(k, v, dict(h)) for t, k, v, h, _p in self.records if t == topic]


def msg(value: bytes | None, offset: int = 0) -> RawMessage:
    return RawMessage(value=value, key=b"k", topic="t.articles", partition=3, offset=offset)


@pytest.fixture(autouse=True)
def fresh_counters() -> None:
    counters.counts.clear()
    counters.dead_letters.clear()
    counters.skipped.clear()


async def test_bad_messages_go_to_the_dlq_with_reason_and_source_position() -> None:
    sink = Sink()
    pool = StubPool({})
    proc = ArticleProcessor(pool, sink, TOPICS, max_text_chars=50, extractor_version=VERSION)
    await proc.process([msg(b"\xff", 10), msg(b"{", 11), msg(b'{"text": ""}', 12),
                        msg(b'{"text": "' + b"y" * 51 + b'"}', 13), msg(b'{"text": "fine"}', 14)])
    dead = sink.on("t.dlq")
    assert [h["dlq_reason"] for _, _, h in dead] == [b"not_utf8", b"not_json", b"empty_text", b"text_too_long"]
    assert [h["source_offset"] for _, _, h in dead] == [b"10", b"11", b"12", b"13"]
    assert all(h["source_topic"] == b"t.articles" and h["source_partition"] == b"3" for _, _, h in dead)
    assert dead[0][1] == b"\xff", "the original bytes are kept for replay"
    assert pool.calls == [["fine"]], "only the good article reaches the NLP"
    assert counters.dead_letters == {"not_utf8": 1, "not_json": 1, "empty_text": 1, "text_too_long": 1}


async def test_non_english_is_skipped_and_counted_not_dead_lettered() -> None:
    sink = Sink()
    pool = StubPool({})
    await ArticleProcessor(pool, sink, TOPICS, 1000, VERSION).process([msg(b'{"text": "Bonjour", "language": "fr"}')])
    assert sink.records == [] and pool.calls == []
    assert counters.skipped == {"not_english": 1}


async def test_extraction_failures_are_dead_lettered_per_article() -> None:
    sink = Sink()
    pool = StubPool({"slow": Outcome(TIMEOUT, detail="over budget"), "bug": Outcome(ERROR, detail="KeyError: 'x'")})
    await ArticleProcessor(pool, sink, TOPICS, 1000, VERSION).process(
        [msg(b'{"text": "slow"}', 1), msg(b'{"text": "bug"}', 2), msg(b'{"text": "ok"}', 3)])
    dead = sink.on("t.dlq")
    assert [(h["dlq_reason"], h["dlq_detail"]) for _, _, h in dead] == [
        (b"extraction_timeout", b"over budget"), (b"extractor_error", b"KeyError: 'x'")]
    assert counters.counts["articles_extracted"] == 1


async def test_events_are_keyed_and_carry_provenance_and_deterministic_ids() -> None:
    out = Outcome(OK, {"id": "a1", "meetings": [MEETING], "quotes": [QUOTE]})
    first, second = Sink(), Sink()
    for sink in (first, second):
        await ArticleProcessor(StubPool({"T": out}), sink, TOPICS, 1000, VERSION).process(
            [msg(b'{"text": "T", "id": "a1", "url": "https://n.example/1", "source": "Wire"}')])
    (mkey, mval, mhead), = first.on("t.meetings")
    (qkey, qval, _), = first.on("t.quotes")
    assert (mkey, qkey) == (b"JPN|RUS", b"JPN")
    meeting, quote = orjson.loads(mval), orjson.loads(qval)
    assert meeting["article"]["id"] == "a1" and meeting["article"]["url"] == "https://n.example/1"
    assert meeting["schema_version"] == "meeting.v1" and quote["schema_version"] == "quote.v1"
    assert mhead["content_type"] == b"application/json" and mhead["schema_version"] == b"meeting.v1"
    assert "__faust" not in meeting
    assert meeting["extractor_version"] == VERSION and mhead["extractor_version"] == VERSION.encode()
    again = orjson.loads(second.on("t.meetings")[0][1])
    assert again["event_id"] == meeting["event_id"], "re-processing yields the same event id"


async def test_delivery_is_retried_not_dropped() -> None:
    sink = Sink(fail_times=2)
    out = Outcome(OK, {"id": "a1", "meetings": [MEETING], "quotes": []})
    await ArticleProcessor(StubPool({"T": out}), sink, TOPICS, 1000, VERSION).process([msg(b'{"text": "T"}')])
    assert len(sink.on("t.meetings")) == 1
    assert counters.counts["retries_delivery"] == 2


async def test_an_event_the_contract_cannot_carry_dead_letters_its_article() -> None:
    broken = Outcome(OK, {"id": "a1", "meetings": [{"countries": ["JPN", "RUS"]}], "quotes": []})  # no offsets
    sink = Sink()
    await ArticleProcessor(StubPool({"T": broken}), sink, TOPICS, 1000, VERSION).process([msg(b'{"text": "T"}')])
    assert [h["dlq_reason"] for _, _, h in sink.on("t.dlq")] == [b"publish_error"]
    assert sink.on("t.meetings") == []


async def test_a_changed_article_retracts_what_it_no_longer_yields_and_the_ledger_travels_with_it() -> None:
    ledger = RetractionLedger("t.article-events", {"meeting.v1": TOPICS["meetings"], "quote.v1": TOPICS["quotes"]})
    ledger.rows[3] = {}  # articles partition 3 is this worker's (loaded empty)
    first = Outcome(OK, {"id": "a1", "meetings": [], "quotes": [QUOTE]})
    second = Outcome(OK, {"id": "a1", "meetings": [], "quotes": []})
    pool = StubPool({"T1": first, "T2": second})
    sink = Sink()
    proc = ArticleProcessor(pool, sink, TOPICS, 1000, VERSION, ledger=ledger)
    await proc.process([msg(b'{"id": "a1", "text": "T1"}')])
    [(quote_key, quote_value, _)] = sink.on(TOPICS["quotes"])
    ledger_records = [r for r in sink.records if r[0] == "t.article-events"]
    assert [(k, p) for _t, k, _v, _h, p in ledger_records] == [(b"a1", 3)], "same partition as the article"
    sink.records.clear()
    await proc.process([msg(b'{"id": "a1", "text": "T1"}', offset=1)])  # redelivered unchanged: nothing new
    assert [r[0] for r in sink.records] == [TOPICS["quotes"]]
    sink.records.clear()
    await proc.process([msg(b'{"id": "a1", "text": "T2"}', offset=2)])  # changed: the quote is retracted
    [(key, value, headers)] = sink.on(TOPICS["quotes"])
    retraction = orjson.loads(value)
    assert key == quote_key and retraction["retracts"] == "quote.v1"
    assert retraction["event_id"] == orjson.loads(quote_value)["event_id"]
    assert orjson.loads(ledger.rows[3][b"a1"]) == []


async def test_an_article_of_a_partition_whose_ledger_is_not_here_retracts_nothing() -> None:
    ledger = RetractionLedger("t.article-events", {"meeting.v1": TOPICS["meetings"], "quote.v1": TOPICS["quotes"]})
    pool = StubPool({"T1": Outcome(OK, {"id": "a1", "meetings": [], "quotes": [QUOTE]})})
    sink = Sink()
    proc = ArticleProcessor(pool, sink, TOPICS, 1000, VERSION, ledger=ledger)
    await proc.process([msg(b'{"id": "a1", "text": "T1"}')])
    assert [r[0] for r in sink.records] == [TOPICS["quotes"]]
