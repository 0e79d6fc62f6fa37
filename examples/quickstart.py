"""Parse the bundled sample article and print what lmcoop found.

python examples/quickstart.py [ARTICLE.txt]
"""

from __future__ import annotations

import sys
from pathlib import Path

import lmcoop


def main(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = lmcoop.parse(text)

    print("title:    ", article.title)
    print("published:", article.published)
    if article.event:
        event = article.event
        print(f"event:     {event.kind} on {event.date} at {event.location} ({event.mode or 'mode not stated'})")
    for date in article.dates:
        # every record carries offsets into the text it was read from
        assert text[date.start : date.end] == date.text
        print(f"date:      {date.text!r} -> {date.value}")
    for person in article.people:
        print(f"person:    {person.name} | {person.position} | {person.organization} | {person.role}")
    for org in article.organizations:
        print(f"org:       {org.name}" + (f" ({org.acronym})" if org.acronym else ""))
    for agreement in article.agreements:
        print(f"agreement: {agreement.kind} [{agreement.status}] parties: {', '.join(agreement.parties) or '-'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("sample_article.txt"))
