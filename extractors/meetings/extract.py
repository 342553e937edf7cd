"""Meeting extraction: every diplomatic contact an article reports, one record per real-world contact.

Pipeline: per sentence (`doc.sents`), meeting words found by `mentions` with their parties, status,
time and place; then `merge` folds mentions of one contact together, and `people` adds people a
later sentence names as taking part. A sentence that reports no contact ("did not meet") still tells who a later
"the two ministers" are (`mentions.NO_CONTACT` mentions: context only, never output). Sentences
without a word of `lexicon.GATE_WORDS` are skipped before any syntax is looked at, so a cheaper
pipeline may parse only the sentences the gate selects.

`confidence` is the share of records given that confidence that were right on the dev set
(`CONFIDENCE_BY_BASIS`): 0.97 when two named people of two countries take part, 0.95 when the contact's own
words name two countries, 0.9 when the parties are inferred from context, 0.4 when a named participant's
country is unknown (a party is then probably missing).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from extractors.core.types import Meeting
from extractors.meetings.args import Lookup
from extractors.meetings.frame_place import place_from_frames, place_on_the_way
from extractors.meetings.host_place import place_by_host
from extractors.meetings.kinds import told_kind
from extractors.meetings.lexicon import GATE, SPORT_WORDS
from extractors.meetings.mentions import Mention, mentions_in_sentence
from extractors.meetings.merge import Record, merge_mentions
from extractors.meetings.people import attach_following, attach_group_people
from extractors.meetings.places import settle_places
from extractors.meetings.precision import igo_only
from extractors.meetings.rosters import complete_rosters
from extractors.meetings.storyday import date_from_lead
from extractors.meetings.timeline import date_from_timeline
from extractors.resolve.resolver import ArticleResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

MAX_SENTENCE_CHARS = 3000  # longer "sentences" are tables or run-on junk; no contact is read from them


def _sport_context(doc: Doc) -> bool:
    """Articles about matches use "meet", "meeting" and country names for teams."""
    hits = sum(1 for t in doc if t.lower_ in SPORT_WORDS)
    return hits >= 3


def _evidence(rec: Record) -> Mention:
    """The sentence that states the contact best: the first naming two of its countries, else the first that is
    not a bare back-reference."""
    named = [m for m in rec.mentions if not m.anaphoric and len(m.countries) >= 2]
    if named:  # a held contact told first as expected ("will hold talks today") is best stated where it is held
        return max(named, key=lambda m: (m.status == rec.status, m.evidence_quality, -m.trigger.idx))
    own = [m for m in rec.mentions if not m.anaphoric]
    return own[0] if own else rec.mentions[0]


# Share of records right on dev+seed+stream, Laplace-smoothed ((right+1)/(all+2)), measured 2026-11-27 by how
# the parties were found: two named people of two countries (29/29) / two countries named in the words of the
# contact (18/18) / parties inferred from the contact talked about before ("the two leaders", another round of
# an earlier process, the place) (8/8). Dev articles were read while writing the rules, so expect less on
# unseen text.
CONFIDENCE_BY_BASIS = {3: 0.97, 2: 0.95, 1: 0.9}
# A named participant whose country is unknown usually means a party is missing from `countries`
# (1 of 3 right when last seen on dev).
CONFIDENCE_INCOMPLETE = 0.4


def _confidence(rec: Record) -> float:
    if any(p.country is None for p in rec.participants):
        return CONFIDENCE_INCOMPLETE
    return CONFIDENCE_BY_BASIS.get(rec.basis, CONFIDENCE_BY_BASIS[1])


def evidence_span(sent: Span, trigger_idx: int, text: str) -> tuple[int, str]:
    """The sentence of a contact word, cut to its paragraph (the parser sometimes runs a sentence across a
    paragraph break), without surrounding whitespace: (start offset, text)."""
    lo, hi = sent.start_char, sent.end_char
    brk = text.rfind("\n", lo, trigger_idx)
    if brk != -1:
        lo = brk + 1
    brk = text.find("\n", trigger_idx, hi)
    if brk != -1:
        hi = brk
    body = text[lo:hi]
    lead = len(body) - len(body.lstrip())
    return lo + lead, body.strip()


def _to_meeting(rec: Record, text_of: str) -> Meeting:
    ev = _evidence(rec)
    start, body = evidence_span(ev.sent, ev.trigger.idx, text_of)
    date = rec.date
    return Meeting(
        countries=sorted(rec.countries),
        participants=list(rec.participants),
        kind=told_kind(rec),
        status=rec.status,
        evidence=body,
        evidence_start=start,
        evidence_end=start + len(body),
        date=date.date if date else None,
        date_text=date.text if date else None,
        date_granularity=date.granularity if date else None,
        date_period=date.period if date else None,
        location=rec.location,
        location_country=rec.location_country,
        host_country=rec.host_country if rec.kind == "visit" else None,
        confidence=_confidence(rec),
    )


def find_meetings(doc: Doc, resolver: ArticleResolver) -> list[Meeting]:
    if len(doc) == 0:
        return []
    lookup = Lookup(doc, resolver)
    sport = _sport_context(doc)
    published = getattr(resolver, "published", None)
    mentions: list[Mention] = []
    for sent in doc.sents:
        text = lookup.text[sent.start_char:sent.end_char]  # Span.text rebuilds the string from its tokens
        if len(text) > MAX_SENTENCE_CHARS or not GATE.search(text):
            continue
        try:
            mentions.extend(mentions_in_sentence(sent, lookup, published, sport))
        except Exception:  # noqa: BLE001 - one odd sentence must not lose the article's other contacts
            log.exception("meeting extraction failed on a sentence at offset %d", sent.start_char)
    records = merge_mentions(mentions)
    try:
        records = complete_rosters(mentions, records, lookup)
    except Exception:  # noqa: BLE001 - a gathering's other guests are a detail; the contacts stand without them
        log.exception("completing gatherings' rosters failed")
    records = [r for r in records if not igo_only(r.countries)]  # contacts between two IGOs: out of scope
    try:
        date_from_lead(records, doc, published)
        date_from_timeline(records, doc, published)
    except Exception:  # noqa: BLE001 - a day is a detail; the contacts stand without it
        log.exception("dating contacts from the lead failed")
    try:
        contact_sents = {m.sent.start for m in mentions if len(m.countries) >= 2}
        attach_following(records, lookup, contact_sents)
        attach_group_people(records, lookup)
    except Exception:  # noqa: BLE001 - people are a detail; the contacts stand without them
        log.exception("attaching participants failed")
    try:
        place_on_the_way(records, lookup)
        settle_places(records, lookup)
        place_by_host(records, lookup)
        place_from_frames(records, lookup, published)
    except Exception:  # noqa: BLE001 - a place is a detail; the contacts stand without it
        log.exception("settling places failed")
    return [_to_meeting(r, lookup.text) for r in records]
