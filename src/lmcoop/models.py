"""Frozen Pydantic records: what `lmcoop.parse` returns.

`Article.model_dump(mode="json")` holds the keys of the gold schema in the annotation guidelines
(`title`, `published`, `event`, `dates`, `people`, `organizations`, `agreements`) with the same
value conventions; every record adds `start`/`end` character offsets into the parsed text so that
``text[record.start:record.end]`` is the surface it was read from.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Article",
    "DateMention",
    "Event",
    "EventKind",
    "EventMode",
    "Granularity",
    "Organization",
    "Person",
    "Role",
    "Span",
]

EventKind = Literal[
    "signing_ceremony",
    "workshop",
    "seminar",
    "meeting",
    "forum",
    "conference",
    "training",
    "dialogue",
    "visit",
    "launch",
    "exhibition",
    "other",
]
EventMode = Literal["online", "offline", "hybrid"]
Role = Literal["attendee", "mentioned"]
AgreementKind = Literal[
    "mou",
    "agreement",
    "contract",
    "protocol",
    "letter_of_intent",
    "declaration",
    "joint_statement",
    "framework",
    "strategy",
    "action_plan",
]
AgreementStatus = Literal["signed", "adopted", "proposed", "planned", "in_force", "mentioned"]
Granularity = Literal["day", "week", "month", "season", "year", "range", "decade", "unknown"]


class Record(BaseModel):
    """Base of every record: frozen, strict about unknown fields, documented fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Span(Record):
    """A piece of the parsed text: ``text == source[start:end]``."""

    text: str
    """The surface exactly as written."""
    start: int = Field(ge=0)
    """Offset of the first character."""
    end: int = Field(ge=0)
    """Offset one past the last character."""

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class DateMention(Span):
    """One date expression: a day, month, year, season, weekday, relative date or a range of these."""

    value: str | None
    """TIMEX3-style value: ``2022-11-23``, ``2020-11``, ``XXXX-10-18``, ``2023/2027``,
    ``2016-06-14/2016-06-15``, ``2017-W47``; ``None`` when a relative date has nothing to resolve against."""
    granularity: Granularity = "unknown"
    """How precise `value` is."""
    date: datetime.date | None = None
    """The calendar day, when `value` names exactly one fully known day."""


class Organization(Span):
    """A named organization at its first (fullest) mention."""

    name: str
    """Fullest name as written, without a parenthesized acronym."""
    acronym: str | None = None
    """The acronym the text defines for it, e.g. ``FECO``."""
    parent: str | None = None
    """For a unit written "X of Y": Y as written."""
    mentions: tuple[Span, ...] = ()
    """Every mention, the acronym's included, in text order."""


class Person(Span):
    """A named person; `text`/`start`/`end` are the first mention of the name."""

    name: str
    """Fullest form of the name as written, honorifics and titles removed."""
    honorific: str | None = None
    """"H.E.", "Mr.", "Prof Dr", "Samdech" … as written at the first mention that has one."""
    position: str | None = None
    """Job title without the organization: "Deputy Director-General", "Minister"."""
    organization: str | None = None
    """The most specific organization the position belongs to, as written."""
    country: str | None = None
    """English short-form country name ("China", "Laos", "Vietnam") when the text states it."""
    role: Role = "mentioned"
    """``attendee`` when the text places the person at the reported event."""
    normalized_name: str | None = None
    """Title-cased name with a comma form turned around: "ZHONG, Yong" → "Zhong Yong"."""
    surname: str | None = None
    """The family name, for matching later mentions ("said Huang")."""
    mentions: tuple[Span, ...] = ()
    """Every mention (full name, surname, "the Minister" where attached), in text order."""


class Agreement(Span):
    """An agreement-like instrument; `text`/`start`/`end` are its first mention."""

    kind: AgreementKind
    name: str | None = None
    """Its title as written when it has one."""
    parties: tuple[str, ...] = ()
    """Organizations or countries bound by it, as written."""
    signatories: tuple[str, ...] = ()
    """Names of the people who signed it, as written."""
    date: str | None = None
    """When it was signed or adopted, as a date value (see `DateMention.value`)."""
    status: AgreementStatus = "mentioned"
    count: int | None = None
    """For a plural mention ("three memoranda of understanding"): how many."""


class Event(Record):
    """The one main event an article reports."""

    kind: EventKind
    date: str | None = None
    """When it took place, as a date value."""
    location: str | None = None
    """City, or venue when no city is given, as written; never "online"."""
    mode: EventMode | None = None
    trigger: Span | None = None
    """The words that named the event ("signing ceremony", "workshop")."""
    location_span: Span | None = None
    """Where `location` was read."""


class Article(Record):
    """Everything `lmcoop.parse` found in one text."""

    id: str | None = None
    """The caller's identifier, passed through (the CLI fills it from JSONL input)."""
    title: str | None = None
    """The headline, as written, on one line."""
    title_span: Span | None = None
    published: datetime.date | None = None
    """The page's own dateline; serialized as ``YYYY-MM-DD``."""
    published_span: Span | None = None
    event: Event | None = None
    dates: tuple[DateMention, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    warnings: tuple[str, ...] = ()
    """Problems met on the way (a rule that timed out on hostile input); never silent, never raised."""

    @property
    def attendees(self) -> tuple[Person, ...]:
        """The people the text places at the reported event."""
        return tuple(p for p in self.people if p.role == "attendee")
