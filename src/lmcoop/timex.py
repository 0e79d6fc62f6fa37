"""The value of a date expression: partial dates, ranges and their TIMEX3-style strings.

A date written in news is often partial ("October 18" has no year, "2016" has no month), so a
`PartialDate` keeps each field optional and prints the unknown year as ``XXXX``. A `DateValue` is a
single point, a range of two points, or a week, a season or a decade; ``value`` is the string the
guidelines ask for (``2022-11-23``, ``XXXX-10-18``, ``2023/2027``, ``2016-06-14/2016-06-15``,
``2017-W47``, ``1990/1999``). Resolution helpers give a yearless or relative date its year from an
anchor day (the dateline).
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from .models import Granularity

__all__ = [
    "DateValue",
    "PartialDate",
    "add_days",
    "add_months",
    "nearest_year",
    "safe_date",
    "weekday_on_or_after",
    "weekday_on_or_before",
    "year_for",
]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar point whose year, month or day may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def granularity(self) -> Granularity:
        """How precise the point is: ``day``, ``month`` or ``year``."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def timex(self) -> str:
        """``2022-11-23``, ``XXXX-10-18``, ``2020-11``, ``2016``."""
        year = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.month is None:
            return year
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int | None) -> PartialDate:
        """This point in `year` (the year is only filled in, never replaced)."""
        return self if self.year is not None or year is None else PartialDate(year, self.month, self.day)

    def as_date(self) -> datetime.date | None:
        """The calendar day, when year, month and day are known and valid."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return safe_date(self.year, self.month, self.day)

    def is_valid(self) -> bool:
        """False for impossible days (``February 30``); an unknown year allows February 29."""
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        if self.month is None:
            return False
        return safe_date(self.year if self.year is not None else 2000, self.month, self.day) is not None


@dataclass(frozen=True)
class DateValue:
    """What a date expression means: a point, a range, a week, a season or a decade."""

    start: PartialDate | None
    end: PartialDate | None = None
    week: tuple[int, int] | None = None
    """ISO (year, week) for week expressions ("last week")."""
    season: str | None = None
    """TIMEX season code (SP, SU, FA, WI) of ``start``'s year."""
    decade: int | None = None
    """First year of a decade ("1990s" → 1990)."""

    @property
    def value(self) -> str | None:
        """The TIMEX3-style string; None when nothing is known (an unresolved relative date)."""
        if self.week is not None:
            return f"{self.week[0]:04d}-W{self.week[1]:02d}"
        if self.decade is not None:
            return f"{self.decade:04d}/{self.decade + 9:04d}"
        if self.start is None:
            return None
        if self.season is not None:
            return f"{self.start.timex}-{self.season}"
        if self.end is not None and self.end != self.start:
            return f"{self.start.timex}/{self.end.timex}"
        return self.start.timex

    @property
    def granularity(self) -> Granularity:
        """``day``, ``week``, ``month``, ``season``, ``year``, ``range``, ``decade`` or ``unknown``."""
        if self.week is not None:
            return "week"
        if self.decade is not None:
            return "decade"
        if self.start is None:
            return "unknown"
        if self.season is not None:
            return "season"
        if self.end is not None and self.end != self.start:
            return "range"
        return self.start.granularity

    @property
    def date(self) -> datetime.date | None:
        """The calendar day when the value names exactly one fully known day."""
        if self.granularity != "day" or self.start is None:
            return None
        return self.start.as_date()

    @property
    def has_year(self) -> bool:
        """True when the year is written or resolved (``XXXX`` nowhere in the value)."""
        return self.start is not None and self.start.year is not None

    def with_year(self, year: int | None) -> DateValue:
        """Fill an unknown year; a range that runs past December ends in the next year."""
        if year is None or self.start is None or self.start.year is not None:
            return self
        start = self.start.with_year(year)
        end = self.end
        if end is not None and end.year is None:
            end_year = year
            if end.month is not None and start.month is not None and end.month < start.month:
                end_year += 1
            end = end.with_year(end_year)
        return DateValue(start, end, self.week, self.season, self.decade)  # cheaper than dataclasses.replace


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    """`datetime.date(year, month, day)`, or None when there is no such day."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int | None, anchor: datetime.date) -> int:
    """The year that puts month/day closest to `anchor` (a December date read in January is last year's)."""
    best_year = anchor.year
    best_distance: int | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        point = safe_date(year, month, day if day is not None else 15)
        if point is None:
            point = safe_date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))
        if point is None:
            continue
        distance = abs((point - anchor).days)
        if best_distance is None or distance < best_distance:
            best_year, best_distance = year, distance
    return best_year


def year_for(month: int, day: int | None, dateline: datetime.date, *, future: bool) -> int:
    """The year of a yearless date in an article dated `dateline`: the dateline's year, unless that
    puts a past event well after the dateline (a December meeting reported in January was last
    year's) or a coming one before it (a January forum announced in December is next year's)."""
    year = dateline.year
    point = safe_date(year, month, day if day is not None else 15) or safe_date(year, month, 28)
    if point is None:
        return year
    if future and (dateline - point).days > 7:
        return year + 1
    if not future and (point - dateline).days > 60:
        return year - 1
    return year


def weekday_on_or_before(anchor: datetime.date, isoweekday: int, *, strictly: bool = False) -> datetime.date:
    """The latest day with `isoweekday` on or before `anchor` (strictly before when asked)."""
    back = (anchor.isoweekday() - isoweekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - datetime.timedelta(days=back)


def weekday_on_or_after(anchor: datetime.date, isoweekday: int, *, strictly: bool = False) -> datetime.date:
    """The first day with `isoweekday` on or after `anchor` (strictly after when asked)."""
    ahead = (isoweekday - anchor.isoweekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return anchor + datetime.timedelta(days=ahead)


def add_days(point: PartialDate, days: int) -> PartialDate | None:
    """`point` moved by `days`; a day with an unknown year keeps it unknown."""
    if point.month is None or point.day is None:
        return None
    base = safe_date(point.year if point.year is not None else 2000, point.month, point.day)
    if base is None:
        return None
    try:
        moved = base + datetime.timedelta(days=days)
    except OverflowError:
        return None
    if point.year is None and moved.year != base.year:
        return None
    return PartialDate(moved.year if point.year is not None else None, moved.month, moved.day)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by `months`."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1
