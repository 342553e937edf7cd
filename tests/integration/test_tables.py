"""Two real workers on the real broker serve the exact contact tables, whatever the replays, order and restarts.

Why the expected tables are independent of the stream: they come from the offline extractor run here, in the test
process, on the same articles (`extractors.extract_batch`, no Kafka), and the pure batch rule
(`streams.tables.fold.build`) folds all the facts at once. The stream computes the same tables incrementally: NLP
pool, `meetings` topic, fan-out agent, repartition topic, two Faust tables split over two workers and eight
partitions, their changelogs, and each worker's own mirror of them. The articles were written for this test so
that their meetings are unambiguous; a few of those known facts are also asserted by hand below.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from jsonschema import Draft202012Validator

from extractors import EXTRACTOR_VERSION, extract_batch
from schemas.article import article_from_mapping
from schemas.events import meeting_event
from streams.settings import Settings
from streams.tables import fold as contacts
from streams.web import api
from tests.integration.helpers import WorkerProcess, produce, worker_groups
from tests.streams.tables import reference

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]

_RAW = [
    ("tt-01", "Harbour Post", "2024-03-04",
     "CANBERRA - Australian Prime Minister Anthony Albanese met New Zealand Prime Minister Christopher "
     "Luxon in Canberra on Friday to discuss regional trade.\n\nThe two leaders agreed to expand a joint "
     "infrastructure fund, officials said."),
    ("tt-02", "Northern Ledger", "2024-03-05",
     "German Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Berlin on Monday, "
     "focusing on defence spending.\n\nBoth governments described the meeting as constructive."),
    ("tt-03", "Capital Wire", "2024-03-06",
     "Indian Foreign Minister Subrahmanyam Jaishankar met his Brazilian counterpart Mauro Vieira in New "
     "Delhi on Tuesday.\n\nThe ministers reviewed cooperation on energy and agriculture."),
    ("tt-04", "Coastal Times", "2024-03-07",
     "Kenyan President William Ruto held talks with Ethiopian Prime Minister Abiy Ahmed in Nairobi on "
     "Wednesday about a new highway link.\n\nThe leaders signed two transport agreements after the talks."),
    ("tt-05", "Capital Wire", "2024-03-08",
     "Canadian Prime Minister Justin Trudeau spoke by phone with Mexican President Andres Manuel Lopez "
     "Obrador on Thursday.\n\nThe two leaders discussed migration and trade, according to a statement."),
    ("tt-06", "Harbour Post", "2024-03-11",
     "Spanish Foreign Minister Jose Manuel Albares met Moroccan Foreign Minister Nasser Bourita in Madrid "
     "on Monday.\n\nThe ministers discussed fisheries and border cooperation."),
    ("tt-07", "Northern Ledger", "2024-03-12",
     "Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim in Jakarta on Monday to "
     "discuss palm oil exports.\n\nThe two sides pledged closer cooperation."),
    ("tt-08", "Mountain Daily", "2024-03-13",
     "Swedish Prime Minister Ulf Kristersson held talks with Finnish President Alexander Stubb in Helsinki"
     " on Tuesday.\n\nSecurity in the Baltic Sea region dominated the agenda."),
    ("tt-09", "Coastal Times", "2024-03-14",
     "Egyptian President Abdel Fattah al-Sisi received Jordanian King Abdullah II in Cairo on Wednesday.\n\n"
     "The two leaders discussed the humanitarian situation in the region."),
    ("tt-10", "Mountain Daily", "2024-03-15",
     "Argentine President Javier Milei met Chilean President Gabriel Boric in Santiago on Thursday.\n\nThe "
     "presidents discussed lithium mining and shared border crossings."),
    ("tt-11", "Harbour Post", "2024-03-18",
     "Polish President Andrzej Duda met Ukrainian President Volodymyr Zelensky in Warsaw on Monday.\n\nThe "
     "leaders discussed grain transit and reconstruction."),
    ("tt-12", "Capital Wire", "2024-03-19",
     "Vietnamese Prime Minister Pham Minh Chinh held talks with Thai Prime Minister Srettha Thavisin in "
     "Hanoi on Monday.\n\nThey agreed to raise bilateral trade, officials said."),
    ("tt-13", "Northern Ledger", "2024-03-20",
     "Italian Prime Minister Giorgia Meloni met Greek Prime Minister Kyriakos Mitsotakis in Rome on "
     "Tuesday.\n\nMigration across the Mediterranean was the main topic."),
    ("tt-14", "Coastal Times", "2024-03-21",
     "Nigerian President Bola Tinubu met Ghanaian President Nana Akufo-Addo in Abuja on Wednesday.\n\nThe "
     "two presidents discussed regional security and trade."),
    ("tt-15", "Mountain Daily", "2024-03-22",
     "Dutch Prime Minister Mark Rutte held talks with Belgian Prime Minister Alexander De Croo in The "
     "Hague on Thursday.\n\nThe leaders discussed port security and energy links."),
    ("tt-16", "Capital Wire", "2024-03-25",
     "Turkish President Recep Tayyip Erdogan met Azerbaijani President Ilham Aliyev in Ankara on Monday.\n\n"
     "The two presidents discussed a gas pipeline project."),
    ("tt-17", "Harbour Post", "2024-03-26",
     "Portuguese Prime Minister Luis Montenegro met Irish Prime Minister Simon Harris in Lisbon on Monday."
     "\n\nThe leaders discussed offshore wind power."),
    ("tt-18", "Northern Ledger", "2024-03-27",
     "Colombian President Gustavo Petro met Peruvian President Dina Boluarte in Lima on Tuesday.\n\nThe "
     "presidents discussed river trade and the Amazon."),
    ("tt-19", "Coastal Times", "2024-03-28",
     "Norwegian Prime Minister Jonas Gahr Store will meet Danish Prime Minister Mette Frederiksen in Oslo "
     "on April 10, officials said on Thursday.\n\nThe meeting is expected to focus on Arctic shipping."),
    ("tt-20", "Mountain Daily", "2024-03-29",
     "South African President Cyril Ramaphosa met Namibian President Nangolo Mbumba in Pretoria on "
     "Thursday.\n\nThe leaders discussed green hydrogen projects."),
    ("tt-21", "Capital Wire", "2024-04-01",
     "Saudi Foreign Minister Prince Faisal bin Farhan met Qatari Prime Minister Mohammed bin Abdulrahman "
     "Al Thani in Riyadh on Sunday.\n\nThe two officials discussed regional mediation efforts."),
    ("tt-22", "Harbour Post", "2024-04-02",
     "Japanese Prime Minister Fumio Kishida held talks with South Korean President Yoon Suk Yeol in Tokyo "
     "on Monday.\n\nThe leaders agreed to resume regular security dialogue."),
    ("tt-23", "Mountain Daily", "2024-04-02",
     "TOKYO - South Korea's President Yoon Suk Yeol and Japan's Prime Minister Fumio Kishida met in Tokyo "
     "on Monday, their offices said.\n\nSecurity cooperation topped the agenda at the meeting."),
    ("tt-24", "Capital Wire", "2024-03-05",
     "German Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Berlin on Monday, "
     "focusing on defence spending.\n\nBoth governments described the meeting as constructive."),
    ("tt-25", "Harbour Post", "2024-03-07",
     "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Berlin on Wednesday.\n\nThe two"
     " leaders discussed support for Ukraine and border controls."),
    ("tt-26", "Coastal Times", "2024-03-08",
     "United Nations Secretary-General Antonio Guterres met Kenyan President William Ruto in Nairobi on "
     "Thursday.\n\nThey discussed climate finance for African countries."),
    ("tt-27", "Northern Ledger", "2024-04-11",
     "Norwegian Prime Minister Jonas Gahr Store met Danish Prime Minister Mette Frederiksen in Oslo on "
     "Wednesday.\n\nThe two leaders discussed Arctic shipping routes."),
    ("tt-28", "Capital Wire", "2024-04-08",
     "The foreign ministers of Japan, China and South Korea met in Busan on Sunday for their first "
     "trilateral talks in four years.\n\nThe ministers agreed to hold a leaders' summit."),
]
ARTICLES = [{"id": i, "source": s, "published": p, "url": f"https://news.example/{i}", "text": t}
            for i, s, p, t in _RAW]
# Another outlet's report of the contact of tt-03 (India and Brazil, Tuesday 5 March), published the same day.
SECOND_REPORT = {
    "id": "tt-29", "source": "Northern Ledger", "published": "2024-03-06", "url": "https://news.example/tt-29",
    "text": ("Indian Foreign Minister Subrahmanyam Jaishankar said on Wednesday that his meeting with Brazilian "
             "Foreign Minister Mauro Vieira in New Delhi on Tuesday had been productive.\n\nThe two ministers "
             "reviewed energy cooperation."),
}
Snapshot = dict[str, Any]


def meeting_events(nlp: Any, articles: list[dict]) -> list[dict]:
    """The meeting events an offline extraction of `articles` yields, as JSON (each article once: one version)."""
    parsed = [article_from_mapping(a) for a in articles]
    return [orjson.loads(orjson.dumps(meeting_event(article, found.to_dict(), EXTRACTOR_VERSION)))
            for article, extraction in zip(parsed, extract_batch(parsed, nlp), strict=True)
            for found in extraction.meetings]


def expected_tables(nlp: Any, articles: list[dict]) -> contacts.ContactTables:
    return contacts.build(u for event in meeting_events(nlp, articles) for u in contacts.fan_out(event, arrival_ms=0))


def served_view(worker: WorkerProcess) -> dict[str, Any]:
    """What a worker serves, in the shape of tests/streams/tables/reference.py's `reference_tables`."""
    status, listing = worker.get("/countries")
    assert status == 200, (status, listing)
    out = {}
    for row in listing["countries"]:
        status, detail = worker.get(f"/countries/{row['code']}")
        assert status == 200, (row["code"], status, detail)
        out[row["code"]] = {
            "totals": {**{f: detail["totals"][f] for f in reference.FIELDS},
                       "counterparts": detail["totals"]["counterparts"]},
            "counterparts": {r["code"]: {f: r[f] for f in reference.FIELDS} for r in detail["counterparts"]}}
    return out


async def wait_for_reference(workers: list[WorkerProcess], want: dict[str, Any], timeout: float = 180.0) -> None:
    """Polls until every worker serves the reference fold's tables (compared on every count of every country and
    every counterpart)."""
    deadline = time.monotonic() + timeout
    for worker in workers:
        while True:
            try:
                got = served_view(worker)
            except (OSError, AssertionError):
                got = None
            if got == want:
                break
            if time.monotonic() > deadline:
                diff = sorted(c for c in set(want) | set(got or {}) if (got or {}).get(c) != want.get(c))
                raise AssertionError(f"{worker.url}: countries differing from the reference fold: {diff[:20]}; "
                                     f"e.g. {diff[:1] and (got or {}).get(diff[0])} != "
                                     f"{diff[:1] and want.get(diff[0])}\n{worker.log_tail()}")
            await asyncio.sleep(1.0)


def expected_snapshot(tables: contacts.ContactTables) -> Snapshot:
    def j(value: Any) -> Any:
        return orjson.loads(orjson.dumps(value))

    codes = tables.codes()
    return {"/countries": j(api.countries_body(tables)),
            **{f"/countries/{c}": j(api.country_body(tables, c)) for c in codes},
            **{f"/countries/{c}/contacts/{o['code']}": j(api.pair_body(tables, c, o["code"]))
               for c in codes for o in tables.country(c)["counterparts"]}}


def worker_snapshot(worker: WorkerProcess, paths: list[str], check: Callable[[str, Any], None]) -> Snapshot:
    """Every path the expected snapshot has: every country and every pair, answered by this worker."""
    answers = {}
    for path in paths:
        status, body = worker.get(path)
        assert status == 200, (worker.url + path, status, body)
        check(path, body)
        answers[path] = body
    return answers


def schema_check(worker: WorkerProcess) -> Callable[[str, Any], None]:
    """Validates each answer against the worker's own /openapi.json."""
    status, spec = worker.get("/openapi.json")
    assert status == 200
    validators = {name: Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})
                  for name in ("CountryList", "Country", "Pair")}

    def check(path: str, body: Any) -> None:
        name = "CountryList" if path == "/countries" else "Pair" if "/contacts/" in path else "Country"
        validators[name].validate(body)

    return check


async def wait_for(workers: list[WorkerProcess], want: Snapshot, timeout: float = 120.0) -> None:
    """Polls the cheap /countries until every worker gives the expected one, then compares everything."""
    deadline = time.monotonic() + timeout
    for worker in workers:
        while True:
            try:
                status, body = worker.get("/countries")
            except OSError:
                status, body = 0, None
            if status == 200 and body == want["/countries"]:
                break
            assert time.monotonic() < deadline, f"{worker.url}: {status} {body}\nwant {want['/countries']}\n" \
                                                 f"{worker.log_tail()}"
            await asyncio.sleep(0.3)
    for worker in workers:
        got = worker_snapshot(worker, list(want), schema_check(worker))
        assert got == want, worker.url


async def end_offsets(bootstrap: str, topics: list[str]) -> dict[TopicPartition, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        tps = [TopicPartition(t, p) for t in topics for p in range(Settings().partitions)]  # the workers' setting
        return await consumer.end_offsets(tps)
    finally:
        await consumer.stop()


async def settled(bootstrap: str, prefix: str, timeout: float = 120.0) -> None:
    """The worker group has committed every record of articles, meetings and contact-updates: nothing in flight."""
    topics = [f"{prefix}.articles", f"{prefix}.meetings", f"{prefix}.contact-updates"]
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        deadline = time.monotonic() + timeout
        while True:
            ends = await end_offsets(bootstrap, topics)
            committed = {}
            for group in worker_groups(prefix):
                committed.update(await admin.list_consumer_group_offsets(group))
            behind = {tp: end for tp, end in ends.items() if end and (committed.get(tp) is None
                                                                       or committed[tp].offset < end)}
            if not behind:
                return
            assert time.monotonic() < deadline, f"still in flight: {behind}"
            await asyncio.sleep(0.5)
    finally:
        await admin.close()


async def feed(bootstrap: str, prefix: str, articles: list[dict]) -> None:
    await produce(bootstrap, f"{prefix}.articles", [orjson.dumps(a) for a in articles],
                  [a["id"].encode() for a in articles])


def counterpart(snapshot: Snapshot, code: str, other: str) -> dict:
    return next(r for r in snapshot[f"/countries/{code}"]["counterparts"] if r["code"] == other)


def changed_fields(before: Snapshot, after: Snapshot) -> set[tuple[str, str]]:
    """(country, field) pairs that differ in the /countries list."""
    old = {r["code"]: r for r in before["/countries"]["countries"]}
    new = {r["code"]: r for r in after["/countries"]["countries"]}
    assert old.keys() == new.keys()
    return {(c, k) for c in new for k in new[c] if new[c][k] != old[c][k]}


async def test_two_workers_serve_the_exact_tables_through_replay_second_report_and_restart(
        start_worker: Any, kafka_bootstrap: str, nlp: Any) -> None:
    prefix = start_worker.prefix
    first = expected_snapshot(expected_tables(nlp, ARTICLES))
    # the known meetings, by hand: a syndicated copy, a planned contact later held, a trilateral, an IGO
    assert counterpart(first, "DEU", "FRA") | {"recent_contacts": []} == {
        "code": "FRA", "name": "France", "held": 1, "planned": 0, "cancelled": 0, "contacts": 1, "mentions": 2,
        "sources": 2, "last_contact_date": "2024-03-04", "first_reported": "2024-03-05",
        "last_reported": "2024-03-05", "recent_contacts": []}
    assert (counterpart(first, "NOR", "DNK")["held"], counterpart(first, "NOR", "DNK")["planned"]) == (1, 0)
    # Tokyo told twice (one held contact), the Busan trilateral, and the security dialogue the leaders agreed to
    # resume (an agreed series: one planned contact of its own, as ANNOTATION.md counts it)
    jpn_kor = counterpart(first, "JPN", "KOR")
    assert (jpn_kor["contacts"], jpn_kor["mentions"], jpn_kor["held"], jpn_kor["planned"]) == (3, 3, 2, 1)
    assert counterpart(first, "KEN", "IGO:UN")["held"] == 1
    assert len(first["/countries"]["countries"]) >= 40

    workers = [start_worker(), start_worker()]
    await feed(kafka_bootstrap, prefix, ARTICLES)
    await wait_for(workers, first)
    for path, status in (("/countries/XYZ", 404), ("/countries/" + "A" * 65, 400), ("/countries/DEU/flights", 404),
                         ("/countries/DEU/contacts/germany", 400), ("/countries/DEU/contacts/%3Cb%3E", 400)):
        assert workers[0].get(path) == (status, {"error": workers[0].get(path)[1]["error"], "status": status})
    assert workers[1].get("/countries/germany") == (200, first["/countries/DEU"]), "redirected to DEU"
    assert workers[1].get("/countries/de/contacts/France") == (200, first["/countries/DEU/contacts/FRA"])

    # the same tables by the separately written reference fold
    await wait_for_reference(workers, reference.reference_tables(meeting_events(nlp, ARTICLES)), timeout=30)

    # re-sending every article (a new version of each, with the same events) changes no answer
    await feed(kafka_bootstrap, prefix, ARTICLES)
    await settled(kafka_bootstrap, prefix)
    await wait_for(workers, first, timeout=30)

    # a second report of a known contact: its mentions and sources grow, nothing else
    second = expected_snapshot(expected_tables(nlp, [*ARTICLES, SECOND_REPORT]))
    assert changed_fields(first, second) == {(c, f) for c in ("BRA", "IND") for f in ("mentions", "sources")}
    grown, was = counterpart(second, "IND", "BRA"), counterpart(first, "IND", "BRA")
    assert grown == was | {"mentions": was["mentions"] + 1, "sources": was["sources"] + 1}
    await feed(kafka_bootstrap, prefix, [SECOND_REPORT])
    await wait_for(workers, second)

    # a restarted worker recovers the same state from the changelogs: its replica answers the same, and the table
    # partitions it now owns still know every article (re-sent after the restart, nothing changes either)
    workers[1].stop()
    workers[1] = start_worker()
    await wait_for(workers, second)
    await feed(kafka_bootstrap, prefix, [SECOND_REPORT, *ARTICLES])
    await settled(kafka_bootstrap, prefix)
    await wait_for(workers, second, timeout=30)


async def test_another_arrival_order_on_a_fresh_stack_gives_the_same_tables(
        start_worker: Any, kafka_bootstrap: str, nlp: Any) -> None:
    want = expected_snapshot(expected_tables(nlp, [*ARTICLES, SECOND_REPORT]))
    shuffled = [SECOND_REPORT, *reversed(ARTICLES)]
    random.Random(7).shuffle(shuffled)
    assert shuffled != [*ARTICLES, SECOND_REPORT]
    workers = [start_worker(), start_worker()]
    for batch in (shuffled[:10], shuffled[10:]):  # two waves, so the second lands on warm tables
        await feed(kafka_bootstrap, start_worker.prefix, batch)
    await wait_for(workers, want)


async def test_after_the_horizon_articles_fold_into_history_and_the_counts_stay(start_worker: Any,
                                                                                 kafka_bootstrap: str) -> None:
    horizon_s = 8.0
    worker = start_worker(PARLEY_CONTACTS_HORIZON_DAYS=str(horizon_s / 86400), PARLEY_CONTACTS_SWEEP_INTERVAL_S="1")
    await feed(kafka_bootstrap, start_worker.prefix, ARTICLES[:1])
    seen_at, first = None, None
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status, body = worker.get("/countries")
        if status == 200 and body["count"] and seen_at is None:
            seen_at, first = time.monotonic(), body
            assert [c["code"] for c in body["countries"]] == ["AUS", "NZL"]
            _, pair = worker.get("/countries/AUS/contacts/NZL")
            assert len(pair["meetings"]) == 1
        if seen_at is not None:
            _, pair = worker.get("/countries/AUS/contacts/NZL")
            if pair["meetings"] == []:  # the article's detail expired: folded into the contact's history
                break
        await asyncio.sleep(0.3)
    assert seen_at is not None and pair["meetings"] == [], worker.log_tail()
    assert time.monotonic() - seen_at > horizon_s / 2, "expired by the horizon, not lost"
    assert worker.get("/countries") == (200, first), "the counts stay: history is kept"
    assert pair["totals"]["held"] == 1 and pair["totals"]["mentions"] == 1


async def test_an_article_re_sent_with_its_plan_now_held_is_one_held_contact(start_worker: Any, kafka_bootstrap: str,
                                                                            nlp: Any) -> None:
    """Issue 18, through the running stack: tt-19 announced the Norway-Denmark meeting of April 10 (planned); the
    article is re-sent under its id, corrected: the meeting was held. One contact, held, not planned 1 + held 1."""
    worker = start_worker()
    await feed(kafka_bootstrap, start_worker.prefix, ARTICLES)
    await wait_for_reference([worker], reference.reference_tables(meeting_events(nlp, ARTICLES)))
    corrected = {**ARTICLES[18], "published": "2024-04-11",
                 "text": ARTICLES[18]["text"].replace("will meet", "met").replace(
                     "The meeting is expected to focus", "The meeting focused")}
    assert corrected["id"] == "tt-19" and corrected["text"] != ARTICLES[18]["text"]
    now = [corrected if a["id"] == "tt-19" else a for a in ARTICLES]
    want = reference.reference_tables(meeting_events(nlp, now))
    assert (want["NOR"]["counterparts"]["DNK"]["held"], want["NOR"]["counterparts"]["DNK"]["planned"]) == (1, 0)
    await feed(kafka_bootstrap, start_worker.prefix, [corrected])
    await wait_for_reference([worker], want, timeout=60)
    status, pair = worker.get("/countries/NOR/contacts/DNK")
    totals = pair["totals"]
    assert status == 200 and (totals["held"], totals["planned"], totals["contacts"]) == (1, 0, 1)
