"""Invented news articles in the corpus style, for benchmarks and scale tests.

Every name, organization and place here is made up; the shapes (headline, dateline, "Name, Position
of Organization", signing of a memorandum, dates of several kinds) are those of the real corpus so
that every stage has work to do. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

__all__ = ["article", "articles", "jsonl_lines"]

_GIVEN = ["Somchai", "Linh", "Dara", "Mei", "Arun", "Kanya", "Boran", "Yuki", "Thida", "Hao", "Sokha", "Nadia"]
_FAMILY = ["Vorakhan", "Tranh", "Sereivath", "Qiaolan", "Pethsouk", "Marlow", "Okonjo", "Haverty", "Duangchai"]
_HONORIFICS = ["H.E.", "Mr.", "Ms.", "Dr.", "Prof.", "H.E. Mr.", "Prof. Dr."]
_POSITIONS = ["Director", "Deputy Director-General", "Vice Minister", "Secretary-General", "Chief Engineer", "Head"]
_ORG_HEADS = ["Institute", "Centre", "Bureau", "Department", "Agency", "Academy", "Commission"]
_ORG_TOPICS = ["Riverine Studies", "Wetland Ecology", "Coastal Resilience", "Clean Air", "Soil Health", "Green Energy"]
_COUNTRIES = ["Laos", "Cambodia", "Thailand", "Vietnam", "Myanmar", "China", "Kenya", "Republic of Korea"]
_CITIES = ["Northbridge", "Lakeside", "Port Amber", "Eastvale", "Riverton", "Hillcrest"]
_EVENTS = ["workshop", "seminar", "forum", "training course", "signing ceremony", "policy dialogue"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
_AGREEMENTS = ["Memorandum of Understanding", "Framework Agreement", "Letter of Intent", "Joint Statement"]
_SENTENCES = [
    "Participants exchanged views on {topic} and on financing for the next phase.",
    "The two sides agreed to share monitoring data every {month} and to train young researchers.",
    "About {n} experts from {country} and {country2} attended the meeting in person or online.",
    "The programme, launched in {year}, runs until {year2} and covers {n} pilot sites.",
    "{name} said the results would be presented at a regional meeting later this year.",
    "A joint field survey is planned for the first half of {year2}.",
]


def _person(rng: random.Random) -> tuple[str, str]:
    name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
    org = f"{rng.choice(_ORG_HEADS)} of {rng.choice(_ORG_TOPICS)}"
    line = f"{rng.choice(_HONORIFICS)} {name}, {rng.choice(_POSITIONS)} of the {org} of {rng.choice(_COUNTRIES)}"
    return name, line


def article(rng: random.Random, paragraphs: int = 6) -> str:
    """One invented article: about 0.7 KB plus 0.25 KB per paragraph."""
    event = rng.choice(_EVENTS)
    city = rng.choice(_CITIES)
    year = rng.randint(2012, 2025)
    month = rng.choice(_MONTHS)
    day = rng.randint(1, 28)
    topic = rng.choice(_ORG_TOPICS).lower()
    people = [_person(rng) for _ in range(rng.randint(2, 4))]
    agreement = rng.choice(_AGREEMENTS)
    lines = [
        f"{event.title()} on {topic.title()} Held in {city}",
        "",
        f"Time: {year}-{_MONTHS.index(month) + 1:02d}-{day:02d}   Source: Invented Desk",
        "",
        f"{city.upper()}, {day} {month} {year} – A {event} on {topic} was held in {city} on {month} {day}, "
        f"attended by {', '.join(line for _, line in people[:-1])} and {people[-1][1]}.",
        "",
        f"At the {event}, the two sides signed a {agreement} on {topic}, which sets out joint work "
        f"from {year} to {year + 4}.",
    ]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            sentences.append(
                rng.choice(_SENTENCES).format(
                    topic=topic,
                    month=rng.choice(_MONTHS),
                    n=rng.randint(10, 400),
                    country=rng.choice(_COUNTRIES),
                    country2=rng.choice(_COUNTRIES),
                    year=year - rng.randint(0, 5),
                    year2=year + rng.randint(1, 3),
                    name=rng.choice(people)[0],
                )
            )
        lines += ["", " ".join(sentences)]
    return "\n".join(lines) + "\n"


def articles(count: int, seed: int = 0, paragraphs: int = 6) -> list[str]:
    """`count` invented articles, the same ones for the same seed (fewer paragraphs: shorter)."""
    rng = random.Random(seed)
    return [article(rng, paragraphs) for _ in range(count)]


def jsonl_lines(seed: int = 0) -> Iterator[str]:
    """An endless stream of ``{"id": …, "text": …}`` JSON lines (with the newline)."""
    import json

    rng = random.Random(seed)
    number = 0
    while True:
        yield json.dumps({"id": f"gen-{number}", "text": article(rng)}) + "\n"
        number += 1
