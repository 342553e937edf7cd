"""Seeded generator of varied news articles written for Parley's tests (diplomatic and not), so fault and scale
tests can feed thousands of distinct articles without touching the shared corpus."""

from __future__ import annotations

import random
from typing import Any

LEADERS = [
    ("Japan", "Japanese", "Prime Minister", "Haruto Sato", "Tokyo"),
    ("Russia", "Russian", "Foreign Minister", "Mikhail Orlov", "Moscow"),
    ("France", "French", "President", "Claire Moreau", "Paris"),
    ("Germany", "German", "Chancellor", "Jonas Becker", "Berlin"),
    ("India", "Indian", "Prime Minister", "Arjun Mehta", "New Delhi"),
    ("Brazil", "Brazilian", "President", "Lucas Ferreira", "Brasilia"),
    ("Kenya", "Kenyan", "Foreign Minister", "Amani Otieno", "Nairobi"),
    ("Canada", "Canadian", "Foreign Minister", "Emma Tremblay", "Ottawa"),
    ("Australia", "Australian", "Foreign Minister", "Olivia Walsh", "Canberra"),
    ("Mexico", "Mexican", "President", "Sofia Ramirez", "Mexico City"),
    ("Egypt", "Egyptian", "Foreign Minister", "Omar Farouk", "Cairo"),
    ("Indonesia", "Indonesian", "President", "Budi Santoso", "Jakarta"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = ["trade", "energy security", "climate finance", "maritime cooperation", "grain exports", "visa rules"]
SOURCES = ["Example Wire", "Daily Ledger", "Global Courier", "Harbor Times"]
QUOTES = [
    "We have agreed to open a new chapter in our relations",
    "Our talks were frank and useful, and we will meet again soon",
    "There is still much work to do before we can sign an agreement",
    "This partnership matters for the whole region",
]
NON_DIPLOMATIC = [
    "The city council approved a new budget for road repairs on {day}, after a long debate about bus lanes.",
    "The home team met its rivals in the cup final on {day} and won 2-1 after extra time.",
    "Shares in the shipping group fell 4% on {day} after it cut its profit forecast for the year.",
    "Researchers said on {day} that the new vaccine trial had enrolled more than 3,000 volunteers.",
    "Heavy rain flooded several villages on {day}, and rescue teams evacuated hundreds of residents.",
]


def diplomatic_article(rng: random.Random, n: int) -> dict[str, Any]:
    a, b = rng.sample(LEADERS, 2)
    day, topic, quote = rng.choice(DAYS), rng.choice(TOPICS), rng.choice(QUOTES)
    kind = rng.randrange(3)
    if kind == 0:
        lead = (f"{a[1]} {a[2]} {a[3]} held talks with {b[1]} {b[2]} {b[3]} in {b[4]} on {day}, "
                f"focusing on {topic}.")
    elif kind == 1:
        lead = f"{a[1]} {a[2]} {a[3]} spoke by telephone with {b[1]} {b[2]} {b[3]} on {day} about {topic}."
    else:
        lead = f"{a[1]} {a[2]} {a[3]} will visit {b[0]} next month for talks on {topic}, officials said on {day}."
    body = f"\"{quote},\" {a[3].split()[-1]} told reporters."
    tail = f"The two countries have been negotiating over {topic} for several years. (report {n})"
    published = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    return {"id": f"gen-{n}", "source": rng.choice(SOURCES), "published": published,
            "text": f"{lead}\n\n{body}\n\n{tail}"}


def plain_article(rng: random.Random, n: int) -> dict[str, Any]:
    text = rng.choice(NON_DIPLOMATIC).format(day=rng.choice(DAYS))
    return {"id": f"gen-{n}", "source": rng.choice(SOURCES), "text": f"{text} (report {n})"}


def articles(count: int, seed: int = 1, diplomatic_share: float = 0.5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [diplomatic_article(rng, n) if rng.random() < diplomatic_share else plain_article(rng, n)
            for n in range(count)]
