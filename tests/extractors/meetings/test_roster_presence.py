"""States told as present at a gathering by what their people did there (`extractors.meetings.roster_presence`, read
by `rosters`), on sentences written for these tests: a speech given at it, a journey made for it, a bilateral held
on its sidelines (which completes a gathering told, never makes one), "in the presence of", a bloc's members named
in a relative clause, guests welcomed "including" some, "attended in person" or "in his place", and a contact told
"when X hosts a summit"; and the same words where they tell no presence (a speech elsewhere, a news conference,
"pressed for talks").

Each case gives the whole expected output as (countries, kind, status, date), like `test_extract.CASES`.
"""

from __future__ import annotations

import pytest

from tests.extractors.meetings.test_extract import Row, meetings_of, rows

LEAD = ("Regional leaders met in Maputo on Thursday for a summit on the drought, hosted by Mozambican President Ana "
        "Cossa. ")

ALSO = "Zambian President Peter Mwansa and Angolan President Joao Neto also attended. "

CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "speaking at, told the summit: the speakers were there",
        "2024-05-10",
        LEAD + "Speaking at the summit, Zambian President Peter Mwansa said the region needed a grain reserve. "
        "Malawian President Joyce Phiri told the summit that her country had run out of maize.",
        [(("MOZ", "MWI", "ZMB"), "summit", "held", "2024-05-09")],
    ),
    (
        "in a speech at, said at: the speakers were there",
        "2024-05-10",
        LEAD + "In a speech at the summit, Zambian President Peter Mwansa said the region needed a grain reserve. "
        "Malawian President Joyce Phiri said at the summit that aid had come too late.",
        [(("MOZ", "MWI", "ZMB"), "summit", "held", "2024-05-09")],
    ),
    (
        "flew in for, were in the city for: the travellers were there",
        "2024-05-10",
        LEAD + "Zambian President Peter Mwansa flew in for the summit, and delegations from Malawi and "
        "Zimbabwe were in the city for the summit too.",
        [(("MOZ", "MWI", "ZMB", "ZWE"), "summit", "held", "2024-05-09")],
    ),
    (
        "on the sidelines: both sides of the bilateral were at the summit, which keeps its own record",
        "2024-05-10",
        LEAD + ALSO + "On the sidelines of the summit, Malawian President Joyce Phiri held talks with Zimbabwean "
        "President Tendai Moyo.",
        [(("AGO", "MOZ", "MWI", "ZMB", "ZWE"), "summit", "held", "2024-05-09"),
         (("MWI", "ZWE"), "talks", "held", "2024-05-09")],
    ),
    (
        "on the sidelines of a summit told only as their frame: no summit record",
        "2024-05-10",
        "Malawian President Joyce Phiri held talks with Zimbabwean President Tendai Moyo on Thursday on the "
        "sidelines of a regional summit in Maputo.",
        [(("MWI", "ZWE"), "talks", "held", "2024-05-09")],
    ),
    (
        "in the presence of: those before whom the talks were opened",
        "2024-05-10",
        "Mozambican President Ana Cossa opened the peace talks in Maputo on Thursday in the presence of Zambian "
        "President Peter Mwansa and Malawian President Joyce Phiri.",
        [(("MOZ", "MWI", "ZMB"), "talks", "held", "2024-05-09")],
    ),
    (
        "which also includes: the bloc's members named, at the summit the contact is held at",
        "2024-05-10",
        "Zambian President Peter Mwansa and Malawian President Joyce Phiri agreed to meet again in August, when "
        "Angola hosts a summit of the regional bloc, which also includes Zimbabwe and Botswana.",
        [(("AGO", "BWA", "MWI", "ZMB", "ZWE"), "summit", "planned", None)],
    ),
    (
        "welcomed leaders including, attended in person",
        "2024-05-10",
        LEAD + "Cossa welcomed fellow leaders including Zambian President Peter Mwansa and Malawian President "
        "Joyce Phiri. Zimbabwe's Tendai Moyo attended in person.",
        [(("MOZ", "MWI", "ZMB", "ZWE"), "summit", "held", "2024-05-09")],
    ),
    (
        "attended in his place: the state of a leader who pulled out takes part through its envoy",
        "2024-05-10",
        LEAD + "Zambian President Peter Mwansa also attended. Angolan President Joao Neto pulled out on Wednesday, "
        "and Angola's foreign minister, Maria Lopes, attended in his place.",
        [(("AGO", "MOZ", "ZMB"), "summit", "held", "2024-05-09")],
    ),
    (
        "near miss: a speech elsewhere, a news conference and a stance are no presence",
        "2024-05-10",
        LEAD + ALSO + "In a speech in Lilongwe, Malawian President Joyce "
        "Phiri criticised the summit. At a news conference in Harare, Zimbabwean President Tendai Moyo said the "
        "summit had failed. Botswana pressed for talks on water.",
        [(("AGO", "MOZ", "ZMB"), "summit", "held", "2024-05-09")],
    ),
    (
        "near miss: a stay beside a place but not for the gathering, and one for another event",
        "2024-05-10",
        LEAD + ALSO + "Malawian President Joyce Phiri was in Maputo for a trade fair.",
        [(("AGO", "MOZ", "ZMB"), "summit", "held", "2024-05-09")],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_roster_presence_case(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected
