"""`Parser`: runs the stages in order over one `Document` and assembles the `Article`.

Each stage is a plain function ``extract(doc, rules, found) -> Found``: it reads the records of the
stages before it from `found` and returns `found` with its own fields filled. No stage keeps state
between calls, so a `Parser` is safe to share between threads and to send to worker processes.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from .document import Document
from .extract import agreements, dates, events, organizations, people, titles
from .models import Agreement, Article, DateMention, Event, Organization, Person, Span
from .rules import RuleSet

__all__ = ["STAGES", "Found", "Parser", "Stage"]


@dataclass(frozen=True)
class Found:
    """What the stages have found so far; each stage fills its own fields and reads the others'."""

    reference_date: datetime.date | None = None
    """The caller's "today", for relative dates when the text shows no dateline."""
    title: Span | None = None
    published: DateMention | None = None
    dates: tuple[DateMention, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    event: Event | None = None
    warnings: tuple[str, ...] = field(default=())

    def warn(self, message: str) -> Found:
        """This record with one more warning."""
        return replace(self, warnings=(*self.warnings, message))


Stage = Callable[[Document, RuleSet, Found], Found]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("titles", titles.extract),
    ("dates", dates.extract),
    ("organizations", organizations.extract),
    ("people", people.extract),
    ("agreements", agreements.extract),
    ("events", events.extract),
)
"""The stages in the order they run; later stages read what earlier ones found."""


class Parser:
    """Parses texts with one `RuleSet`; build it once and reuse it."""

    def __init__(self, rules: RuleSet | None = None, *, plugins: bool = False) -> None:
        """`rules` (the defaults when omitted), plus the installed ``lmcoop.rules`` packs if `plugins`.

        Installed packs are never picked up unless asked for, so a plain ``Parser()`` gives the same
        answers on every machine.
        """
        rules = RuleSet.default() if rules is None else rules
        self.rules = rules.with_plugins() if plugins else rules

    @classmethod
    def from_files(cls, *paths: str | Path, plugins: bool = False) -> Parser:
        """A parser whose rules are the defaults extended by the given TOML rule packs (and plugins)."""
        return cls(RuleSet.from_files(*paths), plugins=plugins)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(rules=<RuleSet>)"

    def parse(
        self,
        text: str,
        *,
        reference_date: datetime.date | None = None,
        id: str | None = None,
    ) -> Article:
        """Everything found in `text`. Relative dates resolve against the dateline, else `reference_date`."""
        if not isinstance(text, str):
            raise TypeError(
                f"lmcoop.parse() expects text as str, got {type(text).__name__}"
                + ("; decode it first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else "")
            )
        if reference_date is not None and not isinstance(reference_date, datetime.date):
            raise TypeError(f"reference_date must be a datetime.date, got {type(reference_date).__name__}")
        if isinstance(reference_date, datetime.datetime):
            reference_date = reference_date.date()
        doc = Document(text)
        found = Found(reference_date=reference_date)
        for name, stage in STAGES:
            try:
                found = stage(doc, self.rules, found)
            except TimeoutError:
                found = found.warn(f"{name}: a rule timed out on this text; the stage's records are incomplete")
        return Article(
            id=id,
            title=found.title.text if found.title else None,
            title_span=found.title,
            published=found.published.date if found.published else None,
            published_span=(
                Span(text=found.published.text, start=found.published.start, end=found.published.end)
                if found.published
                else None
            ),
            event=found.event,
            dates=found.dates,
            people=found.people,
            organizations=found.organizations,
            agreements=found.agreements,
            warnings=found.warnings,
        )

    def parse_many(
        self,
        texts: Iterable[str],
        *,
        workers: int | None = None,
        chunksize: int = 8,
        reference_date: datetime.date | None = None,
    ) -> Iterator[Article]:
        """Parse each text, yielding articles in input order.

        ``workers=1`` parses in this process; otherwise a pool of `workers` processes (default: one
        per core) takes the texts `chunksize` at a time. Only a bounded window of texts is in flight,
        so memory follows the chunk size, not the length of `texts`.
        """
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if chunksize < 1:
            raise ValueError(f"chunksize must be at least 1, got {chunksize}")
        count = workers if workers is not None else (os.cpu_count() or 1)
        if count == 1:
            for text in texts:
                yield self.parse(text, reference_date=reference_date)
            return
        with ProcessPoolExecutor(max_workers=count) as pool:
            yield from _windowed(pool, self, texts, chunksize, count * 2, reference_date)


def _parse_chunk(parser: Parser, chunk: list[str], reference_date: datetime.date | None) -> list[Article]:
    return [parser.parse(text, reference_date=reference_date) for text in chunk]


def _windowed(
    pool: Executor,
    parser: Parser,
    texts: Iterable[str],
    chunksize: int,
    in_flight: int,
    reference_date: datetime.date | None,
) -> Iterator[Article]:
    iterator = iter(texts)
    pending: list[Future[list[Article]]] = []
    while True:
        while len(pending) < in_flight:
            chunk = list(islice(iterator, chunksize))
            if not chunk:
                break
            for text in chunk:
                if not isinstance(text, str):
                    raise TypeError(f"parse_many() expects str items, got {type(text).__name__}")
            pending.append(pool.submit(_parse_chunk, parser, chunk, reference_date))
        if not pending:
            return
        yield from pending.pop(0).result()
