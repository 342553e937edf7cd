"""Meeting extraction on articles written for these tests (never corpus text), one convention per case.

Each case gives the whole expected output as (countries, kind, status, date); the articles name every
participant's nationality so the cases test the meeting logic, not the resolver's world knowledge.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from extractors.core.types import Meeting
from extractors.meetings.extract import find_meetings
from extractors.resolve.resolver import ArticleResolver
from tests.conftest import CORPUS

Row = tuple[tuple[str, ...], str, str, str | None]


def meetings_of(nlp, text: str, published: str | None = "2021-03-17") -> list[Meeting]:
    doc = nlp(text)
    pub = date.fromisoformat(published) if published else None
    return find_meetings(doc, ArticleResolver(doc, pub))


def rows(ms: list[Meeting]) -> list[Row]:
    return [(tuple(m.countries), m.kind, m.status, m.date) for m in ms]


# (name, published, article, expected rows in order)
CASES: list[tuple[str, str | None, str, list[Row]]] = [
    (
        "wire story, one meeting mentioned three times",
        "2023-06-14",
        "Chinese Foreign Minister Qin Gang met his Australian counterpart Penny Wong in Beijing on Monday, the first "
        "such meeting in three years. The two ministers discussed trade barriers and consular cases. Wong told "
        "reporters the meeting was constructive.",
        [(("AUS", "CHN"), "meeting", "held", "2023-06-12")],
    ),
    (
        "a trip made for one meeting is one planned contact",
        "2022-09-07",
        "German Chancellor Olaf Scholz will travel to Washington next week for talks with U.S. President Joe Biden, "
        "a government spokesman said on Wednesday. The trip comes as both governments weigh new sanctions.",
        [(("DEU", "USA"), "talks", "planned", None)],
    ),
    (
        "phone call named in a prepositional phrase",
        "2020-04-02",
        "Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin discussed the situation in "
        "Syria in a phone call on Tuesday, the Kremlin said. The two leaders agreed to keep in touch.",
        [(("RUS", "TUR"), "call", "held", "2020-03-31")],
    ),
    (
        "readout: 'spoke with' is a call",
        "2019-11-20",
        "Secretary of State Mike Pompeo spoke today with Canadian Foreign Minister Francois-Philippe Champagne. The "
        "Secretary and the Foreign Minister discussed the detention of two Canadian citizens in China.",
        [(("CAN", "USA"), "call", "held", "2019-11-20")],
    ),
    (
        "called off",
        "2018-02-10",
        "Russia has called off talks with Ukraine that had been scheduled for next week in Minsk, the Russian "
        "foreign ministry said. A Ukrainian official said Kiev regretted the decision.",
        [(("RUS", "UKR"), "talks", "cancelled", None)],
    ),
    (
        "denied meeting",
        "2021-01-05",
        "Officials in Seoul denied reports that South Korean President Moon Jae-in would meet Japanese Prime "
        "Minister Yoshihide Suga in Geneva. Seoul's foreign ministry said no such plan existed.",
        [],
    ),
    (
        "hypothetical meeting",
        "2021-01-05",
        "If the Egyptian president were to meet the Ethiopian prime minister, it would be their first encounter "
        "since the dam dispute began. Analysts doubt that such talks will take place soon.",
        [],
    ),
    (
        "teams that meet in a match",
        "2014-06-20",
        "Argentina and Nigeria meet in their final group match on Wednesday, with the winner guaranteed top spot. "
        "Argentina coach Alejandro Sabella said his team was ready. Nigeria beat Bosnia in their last game.",
        [],
    ),
    (
        "a company's talks with a union, a board meeting",
        "2019-03-03",
        "The carmaker held talks with the union on Friday about wages, a company spokesman said. The board met on "
        "Tuesday to approve the budget.",
        [],
    ),
    (
        "the summit of a mountain",
        "2019-03-03",
        "The climbers reached the summit of Mount Kilimanjaro in Tanzania on Sunday after a five-day ascent. Their "
        "guide said the weather had been kind.",
        [],
    ),
    (
        "talks on the sidelines: the host city is not a party",
        "2016-09-21",
        "The foreign ministers of India and Pakistan held talks on the sidelines of the U.N. General Assembly in New "
        "York on Saturday. It was their first meeting since the border clashes.",
        [(("IND", "PAK"), "talks", "held", "2016-09-17")],
    ),
    (
        "a multi-day visit and the meeting during it are two entries",
        "2015-04-08",
        "Japanese Prime Minister Shinzo Abe arrived in Jakarta on Tuesday for a three-day visit, during which he met "
        "Indonesian President Joko Widodo and toured a railway project. Abe later flew to Manila.",
        # the onward flight to Manila is a visit of its own (as the gold of blind3_tune counts "flying on to Tbilisi")
        [(("IDN", "JPN"), "visit", "held", "2015-04-07"), (("IDN", "JPN"), "meeting", "held", None),
         (("JPN", "PHL"), "visit", "held", None)],
    ),
    (
        "two contacts with two countries stay two",
        "2017-10-12",
        "British Foreign Secretary Boris Johnson met Iranian Foreign Minister Mohammad Javad Zarif in London on "
        "Monday. On Wednesday he spoke by telephone with Saudi Foreign Minister Adel al-Jubeir about Yemen.",
        [(("GBR", "IRN"), "meeting", "held", "2017-10-09"), (("GBR", "SAU"), "call", "held", "2017-10-11")],
    ),
    (
        "expected to hold talks",
        "2019-07-01",
        "South Korean President Moon Jae-in is expected to hold talks with Chinese President Xi Jinping in Beijing "
        "later this month, the presidential office said.",
        [(("CHN", "KOR"), "talks", "planned", None)],
    ),
    (
        "negotiations resumed",
        "2015-03-30",
        "Iranian and American negotiators resumed nuclear negotiations in Lausanne on Monday, with a deadline "
        "looming at the end of the month.",
        [(("IRN", "USA"), "negotiation", "held", "2015-03-30")],
    ),
    (
        "summit with an ending",
        "2019-02-28",
        "U.S. President Donald Trump and North Korean leader Kim Jong Un held a summit in Hanoi on Wednesday, but the "
        "talks ended early without an agreement.",
        [(("PRK", "USA"), "summit", "held", "2019-02-27")],
    ),
    (
        "hosting is meeting",
        "2022-05-12",
        "French President Emmanuel Macron hosted Italian Prime Minister Mario Draghi at the Elysee Palace on Thursday "
        "for a working dinner.",
        [(("FRA", "ITA"), "meeting", "held", "2022-05-12")],
    ),
    (
        "a missile test and a condemnation are not contacts",
        "2020-08-15",
        "North Korea test-fired two short-range missiles on Saturday, South Korea's military said. Japan's defense "
        "ministry condemned the launch and said it would consult with Washington.",
        [],
    ),
    (
        "sanctions and statements are not contacts",
        "2020-08-15",
        "The European Union imposed new sanctions on Belarus on Friday. Lithuanian Foreign Minister Linas "
        "Linkevicius said the measures were overdue.",
        [],
    ),
    (
        "agreed to meet",
        "2018-05-30",
        "The leaders of Ethiopia and Eritrea agreed to meet in Asmara next month to sign a peace deal, officials from "
        "both countries said.",
        [(("ERI", "ETH"), "meeting", "planned", None)],
    ),
    (
        "a past summit implied by a negative sentence",
        "2020-10-10",
        "The leaders of Japan and South Korea have not held a formal summit since December 2019, diplomats said.",
        [(("JPN", "KOR"), "summit", "held", None)],
    ),
    (
        "arrival for talks, then visits to two capitals",
        "2011-03-09",
        "U.S. envoy Stephen Bosworth arrived in Seoul on Monday for talks with South Korean Foreign Minister Kim "
        "Sung-hwan. He will also visit Beijing and Tokyo this week.",
        [
            (("KOR", "USA"), "talks", "held", "2011-03-07"),
            (("CHN", "USA"), "visit", "planned", None),
            (("JPN", "USA"), "visit", "planned", None),
        ],
    ),
    (
        "virtual summit and its video call are one contact",
        "2021-11-16",
        "Chinese President Xi Jinping and U.S. President Joe Biden held a virtual summit on Monday, their first since "
        "Biden took office. The video call lasted more than three hours.",
        [(("CHN", "USA"), "summit", "held", "2021-11-15")],
    ),
    (
        "meeting obligations",
        "2021-11-16",
        "Greece must meet its obligations to creditors, the German finance minister said on Monday.",
        [],
    ),
    (
        "an invitation and a rejected proposal",
        "2021-11-16",
        "The Venezuelan president invited the Colombian president to visit Caracas, but Bogota has not responded. "
        "Colombia rejected a proposal to hold talks in Havana.",
        [],
    ),
    (
        "Kremlin-style readout with a planned follow-up call",
        "2014-05-02",
        "At the German side's initiative, Russian President Vladimir Putin had a telephone conversation with German "
        "Chancellor Angela Merkel. The two leaders discussed the situation in Ukraine. They agreed to have another "
        "telephone conversation shortly.",
        [(("DEU", "RUS"), "call", "held", None), (("DEU", "RUS"), "call", "planned", None)],
    ),
    (
        "two calls on two days stay two",
        "2009-10-11",
        "On Saturday, Indian Prime Minister Manmohan Singh called U.S. President Barack Obama to congratulate him. "
        "On Sunday, Obama returned Singh's phone call.",
        [(("IND", "USA"), "call", "held", "2009-10-10"), (("IND", "USA"), "call", "held", "2009-10-11")],
    ),
    (
        "speech about a meeting inside quotation marks is not reporting it",
        "2021-03-17",
        'Spanish Foreign Minister Arancha Gonzalez said: "Next year I hope to talk with the Moroccan government."',
        [],
    ),
    (
        "a two-plus-two dialogue, mentioned as dialogue, talks and meeting",
        "2021-03-17",
        "Australia and Japan held their annual two-plus-two dialogue in Tokyo on Tuesday. At the meeting, Australian "
        "Foreign Minister Marise Payne and Japanese Foreign Minister Toshimitsu Motegi discussed maritime security. "
        "The talks ended with a joint statement.",
        [(("AUS", "JPN"), "dialogue", "held", "2021-03-16")],
    ),
    (
        "a series agreed is one planned entry besides the meeting",
        "2008-05-07",
        "Chinese President Hu Jintao met Japanese Prime Minister Yasuo Fukuda on Wednesday. The two sides agreed to "
        "hold annual meetings.",
        [(("CHN", "JPN"), "meeting", "held", "2008-05-07"), (("CHN", "JPN"), "meeting", "planned", None)],
    ),
    (
        "a trip to several countries: one visit per host",
        "2009-02-16",
        "U.S. Secretary of State Hillary Clinton will visit Indonesia, South Korea and China after Japan.",
        [
            (("IDN", "USA"), "visit", "planned", None),
            (("KOR", "USA"), "visit", "planned", None),
            (("CHN", "USA"), "visit", "planned", None),
        ],
    ),
    (
        "a meeting on the sidelines of a summit is the meeting, not the summit",
        "2019-06-29",
        "Russian President Vladimir Putin and Saudi Crown Prince Mohammed bin Salman met on the sidelines of the G20 "
        "summit in Osaka on Saturday. Japanese Prime Minister Shinzo Abe hosted the summit.",
        [(("RUS", "SAU"), "meeting", "held", "2019-06-29")],
    ),
    (
        "no plans to meet, talks ruled out",
        "2023-07-11",
        "The Kremlin said Russian President Vladimir Putin has no plans to meet Ukrainian President Volodymyr "
        "Zelenskyy. Moscow also ruled out talks with Kyiv before the spring.",
        [],
    ),
    (
        "welcomed to the ministry",
        "2022-03-03",
        "U.S. Secretary of State Antony Blinken welcomed Indian External Affairs Minister S. Jaishankar to the State "
        "Department on Wednesday. The two discussed supply chains and Ukraine.",
        [(("IND", "USA"), "meeting", "held", "2022-03-02")],
    ),
    (
        "a round of talks is a negotiation",
        "2022-03-03",
        "Delegations from Russia and Ukraine held a second round of talks in Belarus on Thursday.",
        [(("RUS", "UKR"), "negotiation", "held", "2022-03-03")],
    ),
    (
        "postponed talks",
        "2020-03-10",
        "Pakistan and India postponed talks on the border corridor that were due to take place in Lahore next week, "
        "officials said.",
        [(("IND", "PAK"), "talks", "cancelled", None)],
    ),
    (
        "scientists and tourists are not states",
        "2020-03-10",
        "Scientists from Brazil and Argentina met in Buenos Aires last week to share data on the outbreak. Chinese "
        "tourists visited Japan in record numbers. Japanese students met American researchers in Boston.",
        [],
    ),
    (
        "a wish to meet is not a plan",
        "2021-06-17",
        "The Iranian foreign minister said he would like to meet his Saudi counterpart, but no date has been set.",
        [],
    ),
    (
        "clubs holding talks",
        "2022-10-26",
        "Chelsea held talks with Real Madrid over a transfer of the Brazilian striker, the club said. The Spanish "
        "side rejected the offer.",
        [],
    ),
    (
        "talks only advocated",
        "2022-10-26",
        "China and the United States should hold talks to ease tensions, analysts said.",
        [],
    ),
    (
        "troops and police",
        "2019-05-01",
        "Russian and Ukrainian troops met at the front line on Tuesday. Police from Spain and France held talks on "
        "the smuggling ring.",
        [],
    ),
    (
        "what was said in a call names its parties",
        "2023-03-20",
        "In a phone call on Thursday, Turkish President Tayyip Erdogan told Russian President Vladimir Putin that a "
        "ceasefire was needed.",
        [(("RUS", "TUR"), "call", "held", "2023-03-16")],
    ),
    (
        "a visit over a range of days has no single date",
        "2023-02-20",
        "Indian Prime Minister Narendra Modi will pay an official visit to France from July 13 to 14, the foreign "
        "ministry said.",
        [(("FRA", "IND"), "visit", "planned", None)],
    ),
    (
        "the time of the contact, not of the agreement",
        "2023-07-14",
        "Japan and China agreed on Friday to hold a summit in Beijing next month, Japanese officials said.",
        [(("CHN", "JPN"), "summit", "planned", None)],
    ),
    (
        "due to meet",
        "2023-11-20",
        "The prime ministers of Greece and Turkey are due to meet in Athens on December 7, officials said.",
        [(("GRC", "TUR"), "meeting", "planned", "2023-12-07")],
    ),
    (
        "may meet is planned",
        "2023-07-14",
        "Chinese and American defense chiefs may meet at a security forum in Singapore next month, a Pentagon "
        "official said.",
        [(("CHN", "USA"), "meeting", "planned", None)],
    ),
    (
        "a speech during talks abroad",
        "2023-07-14",
        "Russian Foreign Minister Sergei Lavrov said during talks in Ankara on Tuesday that Moscow wanted a new grain "
        "deal.",
        [(("RUS", "TUR"), "talks", "held", "2023-07-11")],
    ),
    (
        "a trip to a city that is not a seat of government is not a visit",
        "2023-07-14",
        "British Foreign Secretary James Cleverly will travel to New York later today for the Security Council debate.",
        [],
    ),
    (
        "a summit named by its two leaders, the other side told by the clause",
        "2017-03-21",
        "Japan's prime minister Shinzo Abe hopes for progress. The new talks were proposed by Russia during the "
        "Abe-Putin summit in December.",
        [(("JPN", "RUS"), "summit", "held", None)],
    ),
    (
        "an untitled unknown person: no guess when the clause names no other state",
        "2019-05-01",
        "Ivan Petrovsky had a telephone conversation with President of Turkey Recep Tayyip Erdogan.",
        [],
    ),
    (
        "an untitled leader the officeholders dictionary knows at the article's date",
        "2019-05-01",
        "Vladimir Putin had a telephone conversation with President of Turkey Recep Tayyip Erdogan.",
        [(("RUS", "TUR"), "call", "held", None)],
    ),
    (
        "an untitled leader whose side the clause names",
        "2019-05-01",
        "At Russia's initiative, Vladimir Putin had a telephone conversation with President of Turkey Recep Tayyip "
        "Erdogan.",
        [(("RUS", "TUR"), "call", "held", None)],
    ),
    (
        "business leaders and prisoner exchanges are not diplomatic contacts",
        "2023-01-01",
        "U.S. business leaders met Chinese Premier Li Qiang in Beijing on Tuesday. Russia and Ukraine exchanged "
        "prisoners on Sunday.",
        [],
    ),
    (
        "a multi-paragraph story: no-plans, a described second meeting, an offer, a conditional",
        "2019-09-24",
        "Indian Prime Minister Narendra Modi and Pakistani Prime Minister Imran Khan will both address the "
        "United Nations General Assembly this week, but officials in New Delhi said there are no plans for "
        "the two to meet.\n\nModi arrived in New York on Saturday after a weekend in Houston, where he "
        "appeared alongside U.S. President Donald Trump at a rally attended by some 50,000 people. On "
        "Tuesday, Modi held talks with Trump on the sidelines of the assembly, the second meeting between the "
        "two leaders in three days.\n\nKhan, for his part, met Trump on Monday and repeated his offer of "
        'talks with India over Kashmir. "We are ready to talk if India lifts the curfew," Khan told '
        "reporters.\n\nTrump said he would be willing to mediate if both sides asked. India has rejected any "
        "third-party role.",
        [(("IND", "USA"), "talks", "held", "2019-09-24"), (("PAK", "USA"), "meeting", "held", "2019-09-23")],
    ),
    (
        "an accepted invitation, a past meeting in a relative clause",
        "2018-03-09",
        "North Korean leader Kim Jong Un has invited U.S. President Donald Trump to meet, and Trump has "
        "accepted, South Korean national security adviser Chung Eui-yong said on Thursday at the White "
        "House.\n\nChung, who had met Kim in Pyongyang earlier in the week, said Trump would meet Kim by May. "
        "No date or venue has been set.\n\nThe announcement came after months of threats between Washington "
        "and Pyongyang. A summit between the two countries' leaders would be the first ever.",
        [(("KOR", "PRK"), "meeting", "held", None), (("PRK", "USA"), "summit", "planned", None)],
    ),
    (
        "a council's own meeting",
        "2008-01-24",
        "The National Advisory Council on Fisheries convened for its forty-second meeting on Thursday at the "
        "Harbor Conference Center in Bethesda. The council met again on Friday.",
        [],
    ),
    (
        "a gathering that is the story lists the countries named",
        "2023-08-23",
        "Leaders of Brazil, Russia, India, China and South Africa gathered in Johannesburg on Tuesday for the BRICS "
        "summit.",
        [(("BRA", "CHN", "IND", "RUS", "ZAF"), "summit", "held", "2023-08-22")],
    ),
    (
        "the two Koreas",
        "2018-04-28",
        "A summit between the leaders of the two Koreas was held in Panmunjom on Friday.",
        [(("KOR", "PRK"), "summit", "held", "2018-04-27")],
    ),
    (
        "'last met' is an earlier meeting",
        "2008-02-10",
        "Israeli Prime Minister Ehud Olmert and Palestinian President Mahmoud Abbas have met in Jerusalem, according "
        "to officials. The two leaders last met two weeks ago.",
        [(("ISR", "PSE"), "meeting", "held", None), (("ISR", "PSE"), "meeting", "held", None)],
    ),
    (
        "counterparts of two countries on the phone: two bilateral calls",
        "2021-03-17",
        "U.S. Secretary of State Antony Blinken spoke by phone on Monday with his counterparts from Oman and Qatar "
        "about the war in Yemen.",
        [(("OMN", "USA"), "call", "held", "2021-03-15"), (("QAT", "USA"), "call", "held", "2021-03-15")],
    ),
    (
        "one conversation with two leaders is one call",
        "2021-03-17",
        "Russian President Vladimir Putin had a telephone conversation with German Chancellor Angela Merkel and "
        "French President Francois Hollande.",
        [(("DEU", "FRA", "RUS"), "call", "held", None)],
    ),
    (
        "an election is not a contact",
        "2018-05-10",
        "Malaysian voters ended the ruling coalition's long hold on power in Wednesday's election. The opposition "
        "leader called the result a victory for democracy.",
        [],
    ),
    # Causes found on an independent check set, each with an article of its own (2026-11-27).
    (
        "status from the contact's own clause, not a later conjoined plan",
        "2025-03-12",
        "Kenyan Foreign Minister Daniel Mwangi met Tanzanian Foreign Minister Rehema Juma in Dodoma on Monday and is "
        "expected to travel to Kampala later this week for talks with Ugandan officials.",
        [(("KEN", "TZA"), "meeting", "held", "2025-03-10"), (("KEN", "UGA"), "talks", "planned", None)],
    ),
    (
        "a planned trip to two countries is two visits; the attribution's tense does not count",
        "2025-03-12",
        "WASHINGTON (Wire) - U.S. Trade Representative Mark Ellison will travel to Peru and Ecuador next week to "
        "discuss mining investment, an official told reporters on Tuesday.",
        [(("PER", "USA"), "visit", "planned", None), (("ECU", "USA"), "visit", "planned", None)],
    ),
    (
        "a plan told in the past perfect beside a cancellation is the cancelled contact",
        "2025-03-12",
        "Greece has postponed talks with Turkey on maritime borders that were due to open in Athens on Friday. "
        "Greek Foreign Minister Nikos Pappas had been scheduled to meet Turkish Foreign Minister Emre Aydin.",
        [(("GRC", "TUR"), "talks", "cancelled", "2025-03-14")],
    ),
    (
        "a negated sentence still tells who 'the two ministers' are",
        "2025-03-12",
        "VIENNA - The foreign ministers of Serbia and Kosovo both spoke at a security forum in Vienna on Tuesday but "
        "did not meet.\n\nThe two ministers last met in Brussels in January. Officials say a further meeting may "
        "take place in Oslo next month.",
        [(("SRB", "XKX"), "meeting", "held", None), (("SRB", "XKX"), "meeting", "planned", None)],
    ),
    (
        "rounds of a named series told by their ordinal",
        "2025-03-12",
        "Australian Foreign Minister Grace Holt welcomed Thai Foreign Minister Somchai Prasert to Canberra today for "
        "the first Australia-Thailand Strategic Dialogue. The two ministers agreed that the second Strategic "
        "Dialogue will take place in Bangkok next year.",
        [(("AUS", "THA"), "dialogue", "held", "2025-03-12"), (("AUS", "THA"), "dialogue", "planned", None)],
    ),
    (
        "'the two Presidents agreed to meet again'",
        "2025-03-12",
        "Ghanaian President Kofi Mensah received Ivorian President Alassane Kone in Accra on Tuesday. The two "
        "Presidents agreed to meet again in Abidjan in June.",
        # "received X in Accra" is the meeting itself (the gold convention); "welcomed X to Accra" would be a visit
        [(("CIV", "GHA"), "meeting", "held", "2025-03-11"), (("CIV", "GHA"), "meeting", "planned", None)],
    ),
    (
        "planned by a noun: plans to visit, an accepted invitation",
        "2025-03-12",
        "Canadian Foreign Minister Claire Dubé welcomed Mexican Foreign Minister Luis Ortega's plans to visit Ottawa "
        "in May. Separately, Chilean President Marta Soto accepted an invitation to pay a state visit to Argentina "
        "next year.",
        [(("CAN", "MEX"), "visit", "planned", None), (("ARG", "CHL"), "visit", "planned", None)],
    ),
    (
        "a trip to a capital the tagger misreads is a visit to its country",
        "2025-03-12",
        "Portuguese Foreign Minister Rui Costa will travel to Dakar next month to prepare a business forum, the "
        "ministry said.",
        [(("PRT", "SEN"), "visit", "planned", None)],
    ),
    (
        "joining a counterpart is a meeting",
        "2025-03-12",
        "Irish Trade Minister Sean Walsh is expected to join his Dutch counterpart, Pieter de Vries, for a trade "
        "review on Thursday.",
        [(("IRL", "NLD"), "meeting", "planned", "2025-03-13")],
    ),
    (
        "a courtesy call is made in person; a call received from someone is a call",
        "2025-03-12",
        "The new Australian ambassador paid a courtesy call on Indonesian Foreign Minister Retno Sari in Jakarta on "
        "Monday. Separately, Polish President Adam Nowak received a phone call from Ukrainian President Taras "
        "Bondar on Sunday.",
        [(("AUS", "IDN"), "meeting", "held", "2025-03-10"), (("POL", "UKR"), "call", "held", "2025-03-09")],
    ),
    (
        "the decision of a leader to visit",
        "2025-03-12",
        "German Chancellor Hans Weber welcomed the decision of the French President to visit Berlin in June.",
        [(("DEU", "FRA"), "visit", "planned", None)],
    ),
    (
        "a partner hung on the topic of 'discussed'",
        "2025-03-12",
        "Indonesian President Budi Santoso told reporters he had discussed trade with Malaysian Prime Minister Anwar "
        "Said during a meeting in Jakarta on Friday.",
        [(("IDN", "MYS"), "meeting", "held", "2025-03-07")],
    ),
    (
        "'is on a two-day visit': the duration is not the visit's own party; 'since' dates only as a last resort "
        "(and 'for the first time since 2019' implies a meeting in 2019, as the annotation conventions count it)",
        "2025-03-12",
        "Brazilian President Rui Lopes is on a two-day visit to Angola. Separately, the Greek and Turkish foreign "
        "ministers met for the first time since 2019 on Monday in Athens.",
        [(("AGO", "BRA"), "visit", "held", None), (("GRC", "TUR"), "meeting", "held", "2025-03-10"),
         (("GRC", "TUR"), "meeting", "held", None)],
    ),
    (
        "an earlier round told by its year alone",
        "2025-03-12",
        "Vietnamese President Tran Long held a summit with Lao President Somsak Vong in Vientiane. A 2019 summit led "
        "to a new border treaty.",
        [(("LAO", "VNM"), "summit", "held", None), (("LAO", "VNM"), "summit", "held", None)],
    ),
    (
        "'both companies', 'the two teams' are no back-reference to the states of the story",
        "2025-03-12",
        "Japanese Prime Minister Ken Abe met Australian Prime Minister Tom Reid in Tokyo on Monday. Separately, both "
        "companies agreed to meet again next month to finalise the merger.",
        [(("AUS", "JPN"), "meeting", "held", "2025-03-10")],
    ),
    (
        "the host of talks between others is the venue, not a party",
        "2025-03-12",
        "Oman hosted talks between Iran and the United States in Muscat on Saturday. Qatar hosted talks between the "
        "United States and the Taliban in Doha on Monday.",
        [(("IRN", "USA"), "talks", "held", "2025-03-08")],
    ),
    (
        "a denied or postponed plan",
        "2025-03-12",
        "The ministry denied plans for Brazilian President Lula Costa to visit Caracas. Separately, Argentine "
        "President Juan Ruiz postponed his plans to visit Chile.",
        [(("ARG", "CHL"), "visit", "cancelled", None)],
    ),
    (
        "meetings with private people during a visit are not contacts",
        "2025-03-12",
        "Indian Prime Minister Rahul Mehta began a state visit to Japan on Monday. On Tuesday he met business "
        "leaders in Osaka.",
        [(("IND", "JPN"), "visit", "held", "2025-03-10")],
    ),
    (
        "talks held by video link are a call",
        "2025-03-12",
        "Italian Defence Minister Marco Ferri and his Greek counterpart, Nikos Dimas, held talks by video link on "
        "Monday about naval patrols.",
        [(("GRC", "ITA"), "call", "held", "2025-03-10")],
    ),
    (
        "a call told in a relative clause",
        "2025-03-12",
        "Spanish Foreign Minister Lucia Vidal, who spoke with Moroccan Foreign Minister Karim Alaoui by telephone on "
        "Saturday, said that Madrid would reopen its consulate in Tangier.",
        [(("ESP", "MAR"), "call", "held", "2025-03-08")],
    ),
    (
        "an envoy's brief is not a party; 'the two countries' are those the sentence names",
        "2025-03-12",
        "The European Union's special envoy for Yemen, Anna Berg, met Omani Foreign Minister Said al-Busaidi in "
        "Muscat on Monday. Greece says it sees no role for outsiders in its dispute with Turkey, and the leaders of "
        "the two countries have not held a formal summit since March 2019.",
        [(("IGO:EU", "OMN"), "meeting", "held", "2025-03-10"), (("GRC", "TUR"), "summit", "held", None)],
    ),
    (
        "a meeting during a visit with only the host's side named",
        "2025-03-12",
        "Swedish Prime Minister Lars Berg arrived in Hanoi on Monday for a three-day official visit to Vietnam. On "
        "Tuesday he met Vietnamese President Tran Van Long. His last stop was the port of Haiphong, followed by a "
        "meeting with Vietnamese Communist Party chief Nguyen Phu Thanh.",
        [(("SWE", "VNM"), "visit", "held", "2025-03-10"), (("SWE", "VNM"), "meeting", "held", "2025-03-11"),
         (("SWE", "VNM"), "meeting", "held", None)],
    ),
    (
        "a dateline city is neither a party nor the place",
        "2025-03-12",
        "DOHA (Wire) - Egypt and Sudan held a third round of talks in Doha on Monday on water sharing, Qatari "
        "officials said.",
        [(("EGY", "SDN"), "negotiation", "held", "2025-03-10")],
    ),
    (
        "private groups are never parties, even with a name-like word",
        "2025-03-12",
        "A team of Nepali Sherpa guides and a group of Chinese climbers met on the summit on Tuesday morning.",
        [],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case(nlp, name: str, published: str | None, text: str, expected: list[Row]) -> None:
    assert rows(meetings_of(nlp, text, published)) == expected


def test_fields_of_a_wire_story(nlp) -> None:
    text = (
        "Chinese Foreign Minister Qin Gang met his Australian counterpart Penny Wong in Beijing on Monday, the "
        "first such meeting in three years."
    )
    (m,) = meetings_of(nlp, text, "2023-06-14")
    assert m.location == "Beijing" and m.location_country == "CHN"
    assert m.date_text == "Monday" and m.date_granularity == "day" and m.date_period == "2023-06-12"
    assert [(p.name, p.country) for p in m.participants] == [("Qin Gang", "CHN"), ("Penny Wong", "AUS")]
    assert m.evidence == text[m.evidence_start : m.evidence_end] == text
    assert 0.0 <= m.confidence <= 1.0
    assert m.host_country is None


def test_visit_has_host_and_month_date(nlp) -> None:
    text = "Japanese Prime Minister Fumio Kishida will visit Canada in late April, his office said on Friday."
    (m,) = meetings_of(nlp, text, "2023-03-10")
    assert (m.kind, m.status, m.host_country, m.location_country) == ("visit", "planned", "CAN", "CAN")
    assert (m.date, m.date_text, m.date_granularity, m.date_period) == (None, "late April", "month", "2023-04")


def test_without_published_date_dates_stay_null_but_words_are_kept(nlp) -> None:
    text = "Swedish Prime Minister Ulf Kristersson met Finnish President Sauli Niinisto in Helsinki on Thursday."
    (m,) = meetings_of(nlp, text, None)
    assert (m.date, m.date_text, m.date_granularity) == (None, "Thursday", None)


def test_evidence_offsets_point_into_the_text(nlp) -> None:
    text = (
        "Officials gathered early.\n\nMexican President Andres Manuel Lopez Obrador received Guatemalan President "
        "Bernardo Arevalo at the National Palace on Friday. Later, the two leaders signed a trade accord."
    )
    ms = meetings_of(nlp, text, "2024-02-10")
    assert ms
    for m in ms:
        assert text[m.evidence_start : m.evidence_end] == m.evidence


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", '"', "“”“", "met met met", "The summit.", "Talks" * 500, ("He met her. " * 400).strip()],
)
def test_never_crashes(nlp, text: str) -> None:
    assert isinstance(meetings_of(nlp, text), list)


@pytest.mark.corpus
def test_false_meetings_on_non_diplomatic_news(nlp) -> None:
    """Real news with no diplomatic contact: at most one false meeting per 100 articles."""
    path = CORPUS / "stream.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus is absent")
    from schemas.article import article_from_mapping

    rows_ = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    false = 0
    for row in rows_:
        art = article_from_mapping(row)
        doc = nlp(art.text)
        false += len(find_meetings(doc, ArticleResolver(doc, art.published_date)))
    assert false <= len(rows_) / 100


# (source, url, article, expected rows): government sites speak for their state ("The Foreign Secretary")
SOURCED_CASES = [
    (
        "GOV.UK",
        "https://www.gov.uk/government/news/example",
        "The Foreign Secretary met Japanese Foreign Minister Yoko Kamikawa in London today. The Foreign Secretary "
        "will travel to Tokyo next month.",
        [(("GBR", "JPN"), "meeting", "held", "2024-03-14"), (("GBR", "JPN"), "visit", "planned", None)],
    ),
    (
        "President of Russia (en.kremlin.ru)",
        "http://en.kremlin.ru/events/president/news/1",
        "Vladimir Putin had a telephone conversation with President of Turkey Recep Tayyip Erdogan. The two leaders "
        "discussed the situation in Syria.",
        [(("RUS", "TUR"), "call", "held", None)],
    ),
]


@pytest.mark.parametrize(("source", "url", "text", "expected"), SOURCED_CASES, ids=[c[0] for c in SOURCED_CASES])
def test_sourced_case(nlp, source: str, url: str, text: str, expected: list[Row]) -> None:
    doc = nlp(text)
    resolver = ArticleResolver(doc, date(2024, 3, 14), source=source, url=url)
    assert rows(find_meetings(doc, resolver)) == expected


# (name, article, expected (countries, location, location_country) of each meeting in order)
PLACE_CASES: list[tuple[str, str, list[tuple[tuple[str, ...], str | None, str | None]]]] = [
    (
        "a venue hung on the event the contact took place at",
        "Kenyan Foreign Minister Amina Odhiambo and Indian Foreign Minister Ravi Menon last met on the margins of "
        "the Commonwealth summit in London in May.",
        [(("IND", "KEN"), "London", "GBR")],
    ),
    (
        "the place a traveller landed in for talks",
        "Moldovan Foreign Minister Ion Rusu has landed in Bucharest for talks with his Romanian counterpart, Elena "
        "Popa, on energy links.",
        [(("MDA", "ROU"), "Bucharest", "ROU")],
    ),
    (
        "'where' after the destination",
        "Estonian Prime Minister Kaja Tamm is due to fly on to Helsinki this evening, where she will meet Finnish "
        "Prime Minister Mikko Virtanen.",
        [(("EST", "FIN"), "Helsinki", "FIN")],
    ),
    (
        "the dateline city named again in the sentence is the place; the dateline alone is not",
        "WARSAW (Wire) - Polish and Czech defence ministers held talks in Warsaw on Monday.\n\n"
        "PRAGUE (Wire) - Czech Foreign Minister Jan Novak spoke by phone with Slovak Foreign Minister Peter Kral.",
        [(("CZE", "POL"), "Warsaw", "POL"), (("CZE", "SVK"), None, None)],
    ),
    (
        "a place reached on the way to a meeting with another side is not a party",
        "Japanese Foreign Minister Taro Sato arrived in Jakarta on Sunday to meet Australian Foreign Minister Ruth "
        "Clarke at a regional forum.",
        [(("AUS", "JPN"), "Jakarta", "IDN")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), PLACE_CASES, ids=[c[0] for c in PLACE_CASES])
def test_place_case(nlp, name: str, text: str, expected: list[tuple[tuple[str, ...], str | None, str | None]]) -> None:
    got = [(tuple(m.countries), m.location, m.location_country) for m in meetings_of(nlp, text, "2025-03-12")]
    assert got == expected


PEOPLE_CASES: list[tuple[str, str, list[tuple[str, ...]]]] = [
    (
        "the delegation's leader named in the next sentence",
        "DOHA (Wire) - Egypt and Sudan held a third round of talks in Doha on Monday on water sharing. The "
        "Egyptian delegation was led by irrigation chief Omar Fahmy, officials said.",
        [("Omar Fahmy",)],
    ),
    (
        "'the two ministers' are the ministers named before",
        "Chilean Foreign Minister Pablo Reyes and his Peruvian counterpart, Carlos Mendoza, both spoke at a forum in "
        "Quito on Friday but did not meet.\n\nThe two ministers last met in Lima in March.",
        [("Pablo Reyes", "Carlos Mendoza")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), PEOPLE_CASES, ids=[c[0] for c in PEOPLE_CASES])
def test_people_case(nlp, name: str, text: str, expected: list[tuple[str, ...]]) -> None:
    got = [tuple(p.name for p in m.participants) for m in meetings_of(nlp, text, "2025-03-12")]
    assert got == expected


# (name, published, article, expected (countries, status, date, location) of each meeting in order)
DETAIL_CASES: list[tuple[str, str, str, list[tuple[tuple[str, ...], str, str | None, str | None]]]] = [
    (
        "the schedule of called-off talks told in a relative clause on a nearer noun",
        "2025-03-12",
        "Serbia has called off talks with Kosovo on energy trade that were due to open in Brussels on Friday, "
        "after a clash at a border crossing.",
        [(("SRB", "XKX"), "cancelled", "2025-03-14", "Brussels")],
    ),
    (
        "'where' gives the meeting the destination's place and time",
        "2025-03-12",
        "Estonian Prime Minister Kaja Tamm is due to fly on to Helsinki this evening, where she will meet Finnish "
        "Prime Minister Mikko Virtanen.",
        [(("EST", "FIN"), "planned", "2025-03-12", "Helsinki")],
    ),
    (
        "'earlier in the day' is the day of the contact told before",
        "2025-03-12",
        "Belgian Prime Minister Jan Peeters spoke by phone with Irish Taoiseach Sean Walsh on Tuesday. Earlier in the "
        "day he spoke with Danish Prime Minister Ida Holm.",
        [(("BEL", "IRL"), "held", "2025-03-11", None), (("BEL", "DNK"), "held", "2025-03-11", None)],
    ),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), DETAIL_CASES, ids=[c[0] for c in DETAIL_CASES])
def test_detail_case(nlp, name: str, published: str, text: str, expected: list) -> None:
    got = [(tuple(m.countries), m.status, m.date, m.location) for m in meetings_of(nlp, text, published)]
    assert got == expected
