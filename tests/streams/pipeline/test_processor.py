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
    counters.failing.clear()


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
    assert orjson.loads(ledger.rows[3][b"a1"][1]) == []


async def test_an_article_of_a_partition_whose_ledger_is_not_here_retracts_nothing() -> None:
    ledger = RetractionLedger("t.article-events", {"meeting.v1": TOPICS["meetings"], "quote.v1": TOPICS["quotes"]})
    pool = StubPool({"T1": Outcome(OK, {"id": "a1", "meetings": [], "quotes": [QUOTE]})})
    sink = Sink()
    proc = ArticleProcessor(pool, sink, TOPICS, 1000, VERSION, ledger=ledger)
    await proc.process([msg(b'{"id": "a1", "text": "T1"}')])
    assert [r[0] for r in sink.records] == [TOPICS["quotes"]]


async def test_events_and_retractions_carry_the_article_version_its_offset() -> None:
    ledger = RetractionLedger("t.article-events", {"meeting.v1": TOPICS["meetings"], "quote.v1": TOPICS["quotes"]})
    ledger.rows[3] = {}
    pool = StubPool({"T1": Outcome(OK, {"id": "a1", "meetings": [MEETING], "quotes": []}),
                     "T2": Outcome(OK, {"id": "a1", "meetings": [], "quotes": []})})
    sink = Sink()
    proc = ArticleProcessor(pool, sink, TOPICS, 1000, VERSION, ledger=ledger)
    await proc.process([msg(b'{"id": "a1", "text": "T1"}', offset=41)])
    assert orjson.loads(sink.on(TOPICS["meetings"])[0][1])["article_version"] == 41
    sink.records.clear()
    await proc.process([msg(b'{"id": "a1", "text": "T2"}', offset=57)])
    [(key, value, _)] = sink.on(TOPICS["meetings"])
    retraction = orjson.loads(value)
    assert (retraction["schema_version"], retraction["article_version"]) == ("retraction.v1", 57)
    assert retraction["countries"] == ["JPN", "RUS"] and key == b"JPN|RUS"


async def test_a_dead_letter_too_large_for_the_dlq_is_a_truncated_copy_with_size_position_and_digest() -> None:
    import hashlib

    sink = Sink()
    big = b'{"text": "' + b"x" * 300_000 + b'"}'
    proc = ArticleProcessor(StubPool({}), sink, TOPICS, max_text_chars=1000, extractor_version=VERSION,
                            max_record_bytes=200_000)
    await proc.process([msg(big, 7), msg(b'{"text": "fine"}', 8)])
    [(key, value, headers)] = sink.on("t.dlq")
    assert headers["dlq_reason"] == b"text_too_long" and headers["source_offset"] == b"7"
    assert headers["dlq_truncated"] == b"true" and headers["dlq_original_size"] == str(len(big)).encode()
    assert headers["dlq_original_sha256"] == hashlib.sha256(big).hexdigest().encode()
    assert big.startswith(value) and len(value) + len(key) + sum(len(k) + len(v) for k, v in headers.items()) \
        < 200_000


async def test_a_dead_letter_refused_as_too_large_is_sent_as_a_small_copy_not_retried_forever() -> None:
    from aiokafka.errors import MessageSizeTooLargeError

    class Refusing(Sink):
        async def __call__(self, topic: str, key: bytes | None, value: bytes, headers: list, partition: Any) -> Any:
            if len(value) > 100_000:
                raise MessageSizeTooLargeError("too large")
            return await super().__call__(topic, key, value, headers, partition)

    sink = Refusing()
    big = b'{"text": "' + b"x" * 300_000 + b'"}'
    await ArticleProcessor(StubPool({}), sink, TOPICS, 1000, VERSION).process([msg(big, 7)])
    [(_, value, headers)] = sink.on("t.dlq")
    assert len(value) <= 64 * 1024 and headers["dlq_original_size"] == str(len(big)).encode()
    assert counters.counts["retries_delivery"] == 0


async def test_a_broken_pool_is_retried_and_dead_letters_nothing() -> None:
    from streams.pipeline.nlp_pool import PoolUnavailable

    class Broken(StubPool):
        def __init__(self, fail_times: int) -> None:
            super().__init__({})
            self.fail_times = fail_times

        async def extract(self, articles: list[Article]) -> list[Outcome]:
            if self.fail_times:
                self.fail_times -= 1
                raise PoolUnavailable("the model does not load")
            return await super().extract(articles)

    sink = Sink()
    seen_failing = []
    pool = Broken(fail_times=2)
    proc = ArticleProcessor(pool, sink, TOPICS, 1000, VERSION)
    original = proc._retrying

    async def watching(what: str, attempt: Any) -> Any:
        async def observed() -> Any:
            seen_failing.append(dict(counters.failing))
            return await attempt()
        return await original(what, observed)

    proc._retrying = watching  # type: ignore[method-assign]
    await proc.process([msg(b'{"text": "one"}', 1), msg(b'{"text": "two"}', 2)])
    assert sink.on("t.dlq") == [] and counters.dead_letters == {}
    assert counters.counts["articles_extracted"] == 2 and counters.counts["retries_extraction"] == 2
    assert seen_failing[1] == {"extraction": "streams.pipeline.nlp_pool.PoolUnavailable: the model does not load"}
    assert counters.failing == {}, "cleared once it works again"


def test_a_stop_request_during_a_retry_loop_exits_at_once_uncommitted(tmp_path) -> None:
    import subprocess
    import sys
    import textwrap
    import time

    script = textwrap.dedent("""
        import asyncio, sys, time
        from tests.streams.pipeline.test_processor import (ArticleProcessor, MEETING, OK, Outcome, Sink, StubPool,
                                                           TOPICS, VERSION, msg)
        async def main():
            pool = StubPool({"fine": Outcome(OK, {"id": "a", "meetings": [MEETING], "quotes": []})})
            proc = ArticleProcessor(pool, Sink(fail_times=10**9), TOPICS, 1000, VERSION)
            loop = asyncio.get_running_loop()
            loop.call_later(2.0, lambda: (print("stop", flush=True), proc.request_stop()))
            await proc.process([msg(b'{"text": "fine"}')])
            print("returned", flush=True)  # never: the batch was not delivered
        asyncio.run(main())
    """)
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=str(__import__("pathlib").Path(__file__).resolve().parents[3]))
    assert done.returncode == 75, done.stderr[-2000:]
    assert "returned" not in done.stdout and "stop" in done.stdout
    assert time.monotonic() - began < 15, "the stop did not wait for the retry limit"


async def test_the_ledger_forgets_articles_older_than_its_window() -> None:
    from streams.pipeline import retraction_ledger

    ledger = RetractionLedger("t.article-events", {"meeting.v1": TOPICS["meetings"], "quote.v1": TOPICS["quotes"]},
                              window_ms=10 * retraction_ledger.DAY_MS)
    ledger.rows[3] = {}
    pool = StubPool({"T1": Outcome(OK, {"id": "a1", "meetings": [], "quotes": [QUOTE]}),
                     "T2": Outcome(OK, {"id": "a1", "meetings": [], "quotes": []})})
    sink = Sink()
    proc = ArticleProcessor(pool, sink, TOPICS, 1000, VERSION, ledger=ledger)
    await proc.process([msg(b'{"id": "a1", "text": "T1"}')])
    stamp, refs = ledger.rows[3][b"a1"]
    ledger.rows[3][b"a1"] = (stamp - 11 * retraction_ledger.DAY_MS, refs)  # last extracted 11 days ago
    sink.records.clear()
    await proc.process([msg(b'{"id": "a1", "text": "T2"}', offset=9)])
    assert sink.on(TOPICS["quotes"]) == [], "a correction later than the window retracts nothing"
    ledger.rows[3][b"old"] = (stamp - 11 * retraction_ledger.DAY_MS, refs)
    assert b"a1" not in ledger.rows[3], "nothing to remember: it yields no event now"
    assert ledger.expire() == 1 and ledger.rows[3] == {}
