"""Every date expression, with its TIMEX value, and the page's own dateline (`Found.published`).

Our own linear-time patterns find full dates in every common English order and punctuation
("23 November, 2022", "November 29,2017", "2018-11-19", "24-11-2017"), day and month ranges
("14-15 June", "Aug. 27 to Oct. 6"), month-years, years and year ranges ("2023-2027", "2020-25"),
decades, seasons, weekdays and relative expressions ("last week", "this year"). A few small scans
mark where an expression can start (a year, a day number followed by what a date goes on with, a
month or weekday name, a relative word) and only the patterns that can begin with that are tried
there. URLs, e-mail addresses and phone numbers are masked; a bare year is dropped when it is money,
an identifier or a count ("No. 2019", "$2020", "2000 participants"). dateparser's free-text search
is not used: it is slow and finds dates in "About 65%" or "and Sun"; dateparser is never imported.

Then the values are completed. The dateline is the first full date that stands on its line as a
page date does (alone, after a label, a byline or a city, before a dash, a time or a label). A date
written without a year takes the dateline's year (the year before for a past event well after the
dateline, the year after for a coming one before it), else the year of the nearest full date before
it, else the caller's `reference_date`, else stays ``XXXX``. Relative expressions resolve against
the dateline, else `reference_date`, else the first day the text names; with none of these their
value is None.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from ..document import Document
from ..models import DateMention
from ..rules import RuleSet
from ..timex import (
    DateValue,
    PartialDate,
    add_days,
    add_months,
    nearest_year,
    weekday_on_or_after,
    weekday_on_or_before,
    year_for,
)

if TYPE_CHECKING:
    from ..pipeline import Found

__all__ = ["RawDate", "extract", "find_dates", "find_raw_dates"]

_SP = r"[ \t\u00a0]"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\p{L}\d]|[.:]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)(?![\d\p{L}]|[.,:]\d)"
_BARE_YEAR = r"(?:19\d\d|20\d\d)"
_ISO_YEAR = r"(?:1[89]|2[01])\d\d"
_YEAR_SEP = rf"(?:{_SP}{{0,2}},{_SP}{{0,2}}|{_SP}{{1,2}})"
_RANGE = rf"(?:{_SP}{{0,2}}[-–—~]{_SP}{{0,2}}|{_SP}{{1,2}}(?:to|until|till|through|thru){_SP}{{1,2}})"
_DAY_RANGE = rf"(?:{_SP}{{0,2}}[-–—~]{_SP}{{0,2}}|{_SP}{{1,2}}(?:to|until|till|through|thru|and|&){_SP}{{1,2}})"
_RELATIVE_WORD = r"(?:[Tt]his|[Ll]ast|[Nn]ext)"


class RawDate(NamedTuple):
    """One date expression as found, before its year or anchor is filled in (a tuple: dense text
    makes tens of thousands, and a tuple is built several times faster than a frozen dataclass)."""

    start: int
    end: int
    value: DateValue
    kind: str
    """``absolute`` (complete as written), ``yearless`` (month/day without a year), ``month_relative``
    ("June of this year"), ``relative`` (today, weekdays, this year …)."""
    relative: tuple[str, int] | None = None
    """For relative expressions: (unit, shift), unit one of day, weekday, week, month, year."""
    weekday_direction: str = ""
    """For weekdays: ``last``, ``next``, ``this`` or empty (a bare weekday)."""


@dataclass(frozen=True)
class _Finder:
    pattern: regex.Pattern[str]
    kinds: tuple[str, ...]
    """The names of its alternatives ("k_dm", "k_year" …), in order."""


@dataclass(frozen=True)
class _Patterns:
    finders: dict[str, _Finder]
    """Trigger kind ("year", "day", "month" …) → the alternatives that can start there."""
    triggers: tuple[regex.Pattern[str], ...]
    """Scans for where an expression may start; a hit's group name picks the finder."""
    word_trigger: regex.Pattern[str]
    """The trigger for the common words ("this", "last", "early", "today", "a year ago" …): it is only
    tried where `word_seeds` or `count_seeds` say one can start (a scan of every letter is slow)."""
    word_seeds: tuple[str, ...]
    count_seeds: regex.Pattern[str]
    masks: regex.Pattern[str]
    mask_seeds: tuple[str, ...]
    domain_seeds: regex.Pattern[str]
    """Wherever the masks can match, one of `mask_seeds` is written (lower case), or a dot before a
    letter (a domain's ending): not the stop at the end of every sentence."""
    matchers: dict[str, tuple[Any, tuple[tuple[str, int], ...]]]
    """Trigger kind → its finder's `match` and (alternative, group number) pairs, looked up per hit."""
    count_words: frozenset[str]
    number_prefixes: tuple[str, ...]
    future_cue: regex.Pattern[str]
    intent_cue: regex.Pattern[str]
    """A future cue, or an intent before a verb ("agreed to sign"): looked for before a date only."""
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    numbers: dict[str, int]
    seasons_as_years: bool


def _alternation(words: list[str]) -> str:
    """A regex for any of `words`, longest first, as a trie: it fails after a character or two."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + (_trie_pattern(trie) or "(?!)") + ")"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [regex.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body


_DOMAIN_ENDINGS = [
    "com",
    "net",
    "org",
    "gov",
    "edu",
    "int",
    "info",
    "cn",
    "jp",
    "kr",
    "kh",
    "la",
    "vn",
    "th",
    "mm",
    "uk",
    "eu",
    "in",
    "pk",
    "ru",
    "kz",
    "tj",
    "de",
    "fr",
    "io",
    "html",
    "htm",
    "shtml",
    "php",
    "asp",
    "aspx",
    "jsp",
]


def _any_case(words: list[str]) -> str:
    """`words` in lower, Capitalized or UPPER case (much faster to scan for than a case-blind pattern)."""
    return _alternation([form for word in words for form in (word.lower(), *_cased([word.lower()]))])


def _cased(words: list[str]) -> list[str]:
    """Each word as written in prose: Capitalized and UPPER (never lower case: "may", "march")."""
    out = []
    for word in words:
        out.append(word[:1].upper() + word[1:])
        out.append(word.upper())
    return out


def _build(rules: RuleSet) -> _Patterns:
    dates = rules.dates
    months = dict(dates.months)
    full_names: dict[int, str] = {}
    for name, number in months.items():
        if len(name) > len(full_names.get(number, "")):
            full_names[number] = name
    abbreviations = [name for name in months if name != full_names[months[name]]]
    month_any = (
        "(?:"
        + _alternation(_cased(list(full_names.values())))
        + "|"
        + _alternation(_cased(abbreviations))
        + r"(?:\.(?!\d))?)(?!\p{L})"
    )
    month_full = _alternation(_cased(list(full_names.values()))) + r"(?!\p{L})"
    weekday_full: dict[int, str] = {}
    for name, number in dates.weekdays.items():
        if len(name) > len(weekday_full.get(number, "")):
            weekday_full[number] = name
    weekday = _alternation(_cased(list(weekday_full.values()))) + r"(?!\p{L})"
    season = _alternation([*dates.seasons, *_cased(list(dates.seasons))]) + r"(?!\p{L})"
    numbers = _alternation(list(dates.number_words)) if dates.number_words else "(?!)"
    fiscal = _alternation(dates.fiscal_year_prefixes) if dates.fiscal_year_prefixes else "(?!)"

    def month(group: str) -> str:
        return rf"(?P<{group}>{month_any})"

    def day(group: str) -> str:
        return rf"(?P<{group}>{_DAY})"

    def year(group: str, body: str = _YEAR) -> str:
        return rf"(?P<{group}>{body})"

    sp1 = rf"{_SP}{{1,3}}"
    month_alone_after = (
        r"(?<=(?i:\b(?:in|since|by|until|till|from|during|before|after|early|late|mid|end of|"
        rf"beginning of|start of|middle of)){_SP}{{1,2}}|mid-)"
    )
    after_month = rf"(?:(?<=\.){_SP}{{0,3}}|{sp1})"
    decade = r"(?<![\d\p{L}])(?P<dec>(?:19|20)\d0)'?s(?!\p{L})"
    day_month_year = rf"{day('d1')}{sp1}(?:of{sp1})?{month('m1')}(?:{_YEAR_SEP}{year('y1')})?"
    # Expressions that start with a digit …
    digit_alternatives = [
        # 30 October to 2 November 2023
        rf"(?P<k_dmdm>(?<![\d.,:/]){day('d1')}{sp1}(?:of{sp1})?{month('m1')}(?:{_YEAR_SEP}{year('y1')})?,?{_RANGE}"
        rf"{day('d2')}{sp1}(?:of{sp1})?{month('m2')}(?:{_YEAR_SEP}{year('y2')})?)",
        # 14-15 June / 1 to 3 April 2019
        rf"(?P<k_ddm>(?<![\d.,:/]){day('d1')}{_DAY_RANGE}{day('d2')}{sp1}(?:of{sp1})?{month('m1')}"
        rf"(?:{_YEAR_SEP}{year('y1')})?)",
        # 23 November, 2022 / 5th of June / 27 September
        rf"(?P<k_dm>(?<![\d.,:/]){day_month_year})",
        # 2018-11-19 / 2023.11.04 / 2019/3/26
        rf"(?P<k_iso>(?<!\d|\d[-./]){year('y1', _ISO_YEAR)}"
        rf"(?P<sep>[-./])(?P<m1>0?[1-9]|1[0-2])(?P=sep)(?P<d1>0?[1-9]|[12]\d|3[01])(?![\d]|[-./]\d))",
        # 24-11-2017 / 24/11/2017 / 15 06 2024 / 12 24,2025
        rf"(?P<k_num>(?<!\d|\d[-./ ])(?P<n1>\d{{1,2}})(?:(?P<sep>[-./])(?P<n2>\d{{1,2}})(?P=sep)"
        rf"|{_SP}(?P<n2>\d\d){_SP}|{_SP}(?P<n2>\d{{1,2}}),{_SP}?){year('y1', _ISO_YEAR)}(?!\d))",
        # the 2010s
        rf"(?P<k_decade>{decade})",
        # 2023-2027 / 2020-25 / (2016/17)
        rf"(?P<k_yy>(?<![\d\p{{L}}]|\d[-./,:]){year('y1', _BARE_YEAR)}"
        rf"(?:{_SP}?[-–—/]{_SP}?|{_SP}to{_SP})(?P<y2>{_BARE_YEAR}|\d\d)(?![\d\p{{L}}]|[.,:/-]\d))",
        # 2016 (not counts, money, ids: checked after the match)
        rf"(?P<k_year>(?<![\p{{L}}\d_$€£¥#°]|\d[-./,:]){year('y1', _BARE_YEAR)}"
        rf"(?![\d\p{{L}}_]|[.,:]\d|[-–/]\d|{_SP}?%))",
        # 3 weeks ago
        rf"(?P<k_ago>(?P<num>\d{{1,2}}){sp1}(?P<unit>year|month|week|day)s?{sp1}ago(?!\p{{L}}))",
    ]
    # … and with a word.
    word_alternatives = [
        # Aug. 27 to Oct. 6 / December 1, 2023, to March 31, 2024 / July 4th to July 13th
        rf"(?P<k_mdmd>{month('m1')}{after_month}{day('d1')}(?:{_YEAR_SEP}{year('y1')})?,?{_RANGE}"
        rf"{month('m2')}{after_month}{day('d2')}(?:{_YEAR_SEP}{year('y2')})?)",
        # Sept 17-18 / June 14 to 15, 2016 / December 5 and 7 2017
        rf"(?P<k_mdd>{month('m1')}{after_month}{day('d1')}{_DAY_RANGE}{day('d2')}(?:{_YEAR_SEP}{year('y1')})?)",
        # (Tuesday,) November 29,2017 / October 18
        rf"(?P<k_md>(?:{weekday},?{sp1})?{month('m1')}{after_month}{day('d1')}(?:{_YEAR_SEP}{year('y1')})?)",
        # Tuesday, 23 November 2022
        rf"(?P<k_dm>{weekday},?{sp1}{day_month_year})",
        # June-July 2019 / April to June 2020
        rf"(?P<k_mm>{month('m1')}{_RANGE}{month('m2')}{_YEAR_SEP}{year('y1')})",
        # June of this year / November last year
        rf"(?P<k_mrel>(?P<m1>{month_full}){sp1}(?:of{sp1})?(?P<rel>{_RELATIVE_WORD}){sp1}year(?!\p{{L}}))",
        # November 2020 / June, 2012 / June of 2012
        rf"(?P<k_my>{month('m1')}{_YEAR_SEP}(?:of{sp1})?{year('y1')})",
        # (in) March: a month alone, after a word that introduces a time
        rf"(?P<k_month>{month_alone_after}{month_full}(?!{_SP}{{0,2}}\d))",
        # early 1990s
        rf"(?P<k_decade>(?:[Ee]arly|[Mm]id|[Ll]ate)[- ]{decade})",
        # spring 2009 / summer of 2019 / this winter
        rf"(?P<k_season>(?P<season>{season}){sp1}(?:of{sp1})?{year('y1')})",
        rf"(?P<k_relseason>(?P<rel>{_RELATIVE_WORD}){sp1}(?P<season>{season}))",
        # FY2010 / Fiscal Year 2010
        rf"(?P<k_fy>(?<!\p{{L}}){fiscal}{_SP}?{year('y1')})",
        # last Friday / Tuesday
        rf"(?P<k_weekday>(?:(?P<rel>{_RELATIVE_WORD}|[Cc]oming|[Pp]ast){sp1})?(?<!\p{{L}})(?P<wd>{weekday}))",
        # this year / last week / next month
        rf"(?P<k_rel>(?<![\p{{L}}]|[Tt]he{_SP}){_RELATIVE_WORD}{sp1}(?P<unit>year|month|week)(?!\p{{L}}))",
        # a year ago / two weeks ago
        rf"(?P<k_ago>(?<!\p{{L}})(?P<num>{numbers}|[Aa]n?){sp1}(?P<unit>year|month|week|day)s?{sp1}ago(?!\p{{L}}))",
        # today / yesterday / tomorrow
        r"(?P<k_day>(?<!\p{L})(?P<word>[Tt]oday|TODAY|[Yy]esterday|[Tt]omorrow)(?!\p{L}))",
    ]
    alternatives = {_kind_of(pattern): pattern for pattern in digit_alternatives}
    alternatives.update({_kind_of(pattern) + "_word": pattern for pattern in word_alternatives})
    # Which alternatives can start at each kind of trigger, in the order they are tried.
    routes = {
        "year": ["k_iso", "k_decade", "k_yy", "k_year"],
        "day": ["k_dmdm", "k_ddm", "k_dm", "k_num", "k_ago"],
        "month": ["k_mdmd_word", "k_mdd_word", "k_md_word", "k_mm_word", "k_mrel_word", "k_my_word", "k_month_word"],
        "weekday": ["k_md_word", "k_dm_word", "k_weekday_word"],
        "rel": ["k_relseason_word", "k_weekday_word", "k_rel_word"],
        "mod": ["k_decade_word"],
        "season": ["k_season_word"],
        "fy": ["k_fy_word"],
        "count": ["k_ago_word"],
        "dayword": ["k_day_word"],
    }
    finders = {
        route: _Finder(
            regex.compile("|".join(alternatives[name] for name in names), regex.VERSION1),
            tuple(name.removesuffix("_word") for name in names),
        )
        for route, names in routes.items()
    }
    # Where an expression can start, and which finder to try there: a year, a day number followed
    # by something a date goes on with, or a calendar word. The scan stays fast on any text.
    month_words = _alternation(_cased(list(months)))
    month_goes_on = (
        rf"(?:{_SP}{{0,3}},?{_SP}{{0,3}}(?:of{_SP}{{1,3}})?(?:\d|{_RELATIVE_WORD}{_SP})"
        rf"|{_SP}{{0,2}}[-–—~]|{_SP}{{1,2}}(?:to|until|till|through|thru){_SP})"
    )
    weekday_words = _alternation(_cased(list(weekday_full.values())))
    counted = _any_case([*dates.number_words, "a", "an"])
    day_follows = (
        r"(?=[ \t\u00a0]{1,3}(?:of[ \t]{1,3})?\p{Lu}|[ \t\u00a0]{0,2}[-–—~./,][ \t]{0,2}\d"
        r"|[ \t\u00a0]{1,2}(?:to|and|until|till|through|thru|&)[ \t]"
        # "15 06 2024", "12 24,2025": only with the year there (a run of small numbers is no date)
        r"|[ \t\u00a0](?:\d\d[ \t\u00a0]|\d{1,2},[ \t\u00a0]?)(?:1[89]|2[01])\d\d(?!\d)"
        r"|[ \t\u00a0]{1,3}(?:year|month|week|day)s?[ \t])"
    )
    # Several small scans are much faster than one big alternation; their hits are merged.
    triggers = (
        regex.compile(
            rf"(?<!\d)(?:(?P<year>(?:1[89]|2[01])\d\d(?!\d))|(?P<day>\d{{1,2}}(?:st|nd|rd|th)?{day_follows}))"
        ),
        # a month name only where some alternative can go on: a day or year, a range, "of this year",
        # or after a word that introduces a time ("in May"); "May" the verb mostly starts nothing
        regex.compile(
            rf"(?<!\p{{L}})(?P<month>{month_words})(?!\p{{L}})"
            rf"(?:(?=\.?{month_goes_on})|(?<={month_alone_after}\p{{L}}{{3,9}}))",
            regex.VERSION1,
        ),
        regex.compile(rf"(?<!\p{{L}})(?P<weekday>{weekday_words})(?!\p{{L}})"),
    )
    rel_words = ["this", "last", "next", "coming", "past"]
    mod_words = ["early", "mid", "late"]
    day_words = ["today", "yesterday", "tomorrow"]
    fiscal_words = [prefix.split()[0] for prefix in dates.fiscal_year_prefixes] or ["FY"]
    ago = rf"{_SP}{{1,3}}(?:year|month|week|day)s?{_SP}{{1,3}}ago"
    # \b is much cheaper here than a look-behind for a letter
    word_trigger = regex.compile(
        rf"\b(?:(?:(?P<rel>{_any_case(rel_words)})"
        rf"|(?P<mod>{_any_case(mod_words)})|(?P<season>{_any_case(list(dates.seasons))})"
        rf"|(?P<fy>{_alternation(fiscal_words)})|(?P<dayword>{_any_case(day_words)}))(?!\p{{L}})"
        rf"|(?P<count>{counted})(?={ago}))"
    )
    # Where a count can start: the same, up to "ago", which the scan looks for first.
    count_seeds = regex.compile(rf"\b(?:{counted}){ago}")
    # Seeds of text that holds no dates (URLs, e-mails, domains, phone numbers); each is widened
    # to the surrounding token in `_masked`, so no pattern here scans far.
    phone_words = ["tel", "phone", "fax", "mobile", "hotline"]
    masks = regex.compile(
        rf"(?P<token>https?://|www\.|@|\.{_any_case(_DOMAIN_ENDINGS)}(?![\p{{L}}\d]))"
        rf"|{_any_case(phone_words)}\.?:?[ \t]{{0,3}}\+?[\d()][\d \t().\-]{{5,30}}\d"
        r"|\+\d[\d \t().\-]{6,25}\d",
        regex.VERSION1,
    )
    cues = dates.future_cues or ["will"]
    future_cue = regex.compile(rf"\b{_any_case(cues)}\b")
    intents = _any_case(dates.intent_cues) if dates.intent_cues else "(?!)"
    not_a_verb = "the|a|an|this|that|these|those|their|its|his|her|our|all|each|both|such|it|them"
    intent_cue = regex.compile(rf"\b(?:{_any_case(cues)}\b|{intents}[ \t]{{1,3}}(?!(?:{not_a_verb})\b)\p{{Ll}})")
    return _Patterns(
        finders=finders,
        triggers=triggers,
        word_trigger=word_trigger,
        word_seeds=tuple(
            sorted({word.lower() for word in [*rel_words, *mod_words, *day_words, *dates.seasons, *fiscal_words]})
        ),
        count_seeds=count_seeds,
        masks=masks,
        mask_seeds=("http", "www.", "@", "+", *phone_words),
        domain_seeds=regex.compile(r"\.(?=[A-Za-z])"),
        matchers={
            route: (finder.pattern.match, tuple((name, finder.pattern.groupindex[name]) for name in finder.kinds))
            for route, finder in finders.items()
        },
        count_words=frozenset(word.casefold() for word in dates.count_words),
        number_prefixes=tuple(sorted({word.casefold() for word in dates.number_prefixes}, key=len, reverse=True)),
        future_cue=future_cue,
        intent_cue=intent_cue,
        months={name.casefold(): number for name, number in months.items()},
        weekdays={name.casefold(): number for name, number in dates.weekdays.items()},
        seasons={name.casefold(): code for name, code in dates.seasons.items()},
        numbers={name.casefold(): number for name, number in dates.number_words.items()},
        seasons_as_years=dates.seasons_as_years,
    )


def _kind_of(pattern: str) -> str:
    """The name of an alternative: its first group, ``(?P<k_…>``."""
    return pattern[len("(?P<") : pattern.index(">")]


def _patterns(rules: RuleSet) -> _Patterns:
    return rules.compiled(_build)


# --------------------------------------------------------------------------- finding


def find_raw_dates(text: str, rules: RuleSet) -> list[RawDate]:
    """Every date expression in `text`, in text order, with the value as written (no resolution)."""
    return _find_raw(text, _patterns(rules))


def _find_raw(text: str, patterns: _Patterns) -> list[RawDate]:
    lowered = text.lower()
    masks_search: _Search
    word_search: _Search
    if len(lowered) == len(text):  # every character lower-cased to one: the offsets agree
        mask_seeds = _seeds(lowered, patterns.mask_seeds)
        mask_seeds.extend(match.start() for match in patterns.domain_seeds.finditer(text))
        masks_search = _SeededSearch(patterns.masks, text, sorted(mask_seeds))
        seeds = _seeds(lowered, patterns.word_seeds)
        seeds.extend(match.start() for match in patterns.count_seeds.finditer(text, overlapped=True))
        word_search = _SeededSearch(patterns.word_trigger, text, sorted(set(seeds)))
    else:
        masks_search = partial(patterns.masks.search, text)
        word_search = partial(patterns.word_trigger.search, text)
    masked = _masked(text, masks_search)
    mask_starts = [start for start, _ in masked]
    found: list[RawDate] = []
    done = 0
    starts: list[tuple[int, str]] = []
    for trigger in patterns.triggers:
        starts.extend((match.start(), match.lastgroup or "") for match in trigger.finditer(text))
    starts.extend((match.start(), match.lastgroup or "") for match in _search_all(word_search))
    starts.sort()
    finders = patterns.matchers
    # What a surface string reads as, once per distinct string and kind: dense text repeats its dates.
    read_cache: dict[tuple[str, str], tuple[tuple[int, int, DateValue, str, Any, str], ...]] = {}
    for position, route in starts:
        if position < done:
            continue
        if masked and _in_mask(position, position + 1, masked, mask_starts):
            continue  # inside a URL, an e-mail address or a phone number: not even tried
        match_at, kinds = finders[route]
        match = match_at(text, position)
        if match is None:
            continue
        start, done = match.span()
        if masked and _in_mask(start, done, masked, mask_starts):
            continue
        # the alternative that matched: `lastgroup` names it, or else one of its inner groups
        kind = match.lastgroup or ""
        if not kind.startswith("k_"):
            for name, index in kinds:
                if match.start(index) >= 0:
                    kind = name
                    break
        if kind == "k_year" and not _is_year(text, start, done, patterns):
            continue  # a count, money or an identifier: the only reading that looks around the match
        key = (kind, match.group())
        read = read_cache.get(key)
        if read is None:
            reads = list(_read(kind, match, text, patterns))
            read = tuple(
                (raw.start - start, raw.end - start, raw.value, raw.kind, raw.relative, raw.weekday_direction)
                for raw in reads
            )
            if kind != "k_yy" or (len(reads) == 1 and reads[0].start == start and reads[0].end == done):
                read_cache[key] = read  # not a "year range" split into two years, each checked in place
        for offset, stop, value, raw_kind, relative, direction in read:
            # tuple.__new__ skips the named tuple's Python-level __new__: dense text makes tens of thousands
            found.append(_new_tuple(RawDate, (start + offset, start + stop, value, raw_kind, relative, direction)))
    return found


_new_tuple = tuple.__new__


_TOKEN_STOP = " \t\r\n\u00a0\"'<>()[]{}“”‘’"
_TOKEN_REST = regex.compile(r"[^ \t\r\n\u00a0\"'<>()\[\]{}“”‘’]{0,500}")


class _SeededSearch:
    """`pattern.search(text, position)` for rising positions, with the pattern tried only at `seeds`
    (sorted): the places where something it matches is written. A scan of every character with a
    pattern that can start at common letters costs several times more than finding its seeds.

    Each match is the one `search` finds: it is the leftmost, and the pattern is tried there in the
    same way."""

    def __init__(self, pattern: regex.Pattern[str], text: str, seeds: list[int]) -> None:
        self.match = pattern.match
        self.text = text
        self.seeds = seeds
        self.next = 0

    def __call__(self, position: int) -> regex.Match[str] | None:
        seeds = self.seeds
        while self.next < len(seeds):
            seed = seeds[self.next]
            if seed >= position:
                match = self.match(self.text, seed)
                if match is not None:
                    return match  # the next call comes from past it
            self.next += 1
        return None


_Search = Callable[[int], "regex.Match[str] | None"]


def _search_all(search: _Search) -> Iterator[regex.Match[str]]:
    """Every match, left to right and not overlapping, as `finditer` gives them (none is empty)."""
    position = 0
    while (match := search(position)) is not None:
        yield match
        position = max(match.end(), match.start() + 1)


def _seeds(lowered: str, words: tuple[str, ...]) -> list[int]:
    """Where any of `words` (lower case) is written in `lowered` (the text in lower case), sorted."""
    found = []
    find = lowered.find
    for word in words:
        at = find(word)
        while at >= 0:
            found.append(at)
            at = find(word, at + 1)
    found.sort()
    return found


def _masked(text: str, search: _Search) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses, domains and phone numbers, sorted and merged (`search` finds
    the masks pattern's next match from a position on)."""
    spans = []
    covered = 0
    while True:
        match = search(covered)
        if match is None:
            break
        start, end = match.span()
        if match.group("token"):
            # the scan resumes after the widened token: each character is looked at once
            floor = max(covered, start - 200)
            while start > floor and text[start - 1] not in _TOKEN_STOP:
                start -= 1
            rest = _TOKEN_REST.match(text, end)
            end = rest.end() if rest is not None else end
        covered = max(covered, end)
        spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _in_mask(start: int, end: int, masked: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, start) - 1
    for probe in (index, index + 1):
        if 0 <= probe < len(masked):
            mask_start, mask_end = masked[probe]
            if mask_start < end and start < mask_end:
                return True
    return False


def _int(value: str | None) -> int | None:
    """The number in a matched day or year ("4th" → 4); the patterns allow only digits and a suffix."""
    if not value:
        return None
    digits = value.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def _month(patterns: _Patterns, word: str | None) -> int | None:
    if not word:
        return None
    return patterns.months.get(word.rstrip(".").casefold())


def _point(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    point = PartialDate(year, month, day)
    if month is not None and 1 <= month <= 12 and (day is None or 1 <= day <= 28):
        return point  # always a real day: no calendar check needed
    return point if point.is_valid() else None


def _read(kind: str, match: regex.Match[str], text: str, patterns: _Patterns) -> Iterator[RawDate]:
    group = match.group
    start, end = match.span()
    if kind in ("k_mdmd", "k_dmdm"):
        y1, y2 = _int(group("y1")), _int(group("y2"))
        first = _point(y1 or y2, _month(patterns, group("m1")), _int(group("d1")))
        last = _point(y2 or y1, _month(patterns, group("m2")), _int(group("d2")))
        if first is not None and last is not None:
            if first.year is not None and last.year is not None and last.year == first.year and last < first:
                last = replace(last, year=last.year + 1)
            yield _dated(start, end, DateValue(first, last))
    elif kind in ("k_ddm", "k_mdd"):
        month = _month(patterns, group("m1"))
        year = _int(group("y1"))
        d1, d2 = _int(group("d1")), _int(group("d2"))
        first, last = _point(year, month, d1), _point(year, month, d2)
        if first is None or last is None or d1 is None or d2 is None:
            return
        if d2 > d1:
            yield _dated(start, end, DateValue(first, last))
        elif kind == "k_mdd":
            # "January 23 and 22, respectively": two days, not a range
            yield _dated(start, match.end("d1"), DateValue(first))
            yield _dated(match.start("d2"), match.end("d2"), DateValue(last))
    elif kind in ("k_md", "k_dm"):
        point = _point(_int(group("y1")), _month(patterns, group("m1")), _int(group("d1")))
        if point is not None:
            yield _dated(start, end, DateValue(point))
    elif kind == "k_mm":
        year = _int(group("y1"))
        m1, m2 = _month(patterns, group("m1")), _month(patterns, group("m2"))
        if m1 is not None and m2 is not None and m2 > m1:
            yield _dated(start, end, DateValue(PartialDate(year, m1), PartialDate(year, m2)))
    elif kind == "k_mrel":
        shift = {"this": 0, "last": -1, "next": 1}[group("rel").casefold()]
        month = _month(patterns, group("m1"))
        if month is not None:
            yield RawDate(start, end, DateValue(PartialDate(None, month)), "month_relative", ("year", shift))
    elif kind == "k_month":
        month = _month(patterns, group())
        if month is not None:
            yield _dated(start, end, DateValue(PartialDate(None, month)))
    elif kind == "k_my":
        point = _point(_int(group("y1")), _month(patterns, group("m1")), None)
        if point is not None:
            yield _dated(start, end, DateValue(point))
    elif kind == "k_iso":
        point = _point(_int(group("y1")), _int(group("m1")), _int(group("d1")))
        if point is not None:
            yield _dated(start, end, DateValue(point))
    elif kind == "k_num":
        yield from _numeric(match, start, end)
    elif kind == "k_decade":
        decade = _int(group("dec"))
        yield RawDate(start, end, DateValue(None, decade=decade), "absolute")
    elif kind == "k_yy":
        yield from _year_range(match, text, patterns)
    elif kind == "k_season":
        year = _int(group("y1"))
        code = patterns.seasons.get(group("season").casefold())
        value = DateValue(PartialDate(year), season=None if patterns.seasons_as_years else code)
        yield _dated(start, end, value)
    elif kind == "k_relseason":
        code = patterns.seasons.get(group("season").casefold())
        shift = {"this": 0, "last": -1, "next": 1}[group("rel").casefold()]
        if code is not None:
            yield RawDate(start, end, DateValue(None, season=code), "relative", ("season", shift))
    elif kind == "k_fy":
        yield _dated(start, end, DateValue(PartialDate(_int(group("y1")))))
    elif kind == "k_year":
        if _is_year(text, start, end, patterns):
            yield _dated(start, end, DateValue(PartialDate(_int(group("y1")))))
    elif kind == "k_weekday":
        number = patterns.weekdays.get(group("wd").casefold())
        rel = (group("rel") or "").casefold()
        direction = {"coming": "next", "past": "last"}.get(rel, rel)
        if number is not None:
            if not rel:
                start = match.start("wd")
            yield RawDate(start, end, DateValue(None), "relative", ("weekday", number), direction)
    elif kind == "k_rel":
        words = group().split()
        shift = {"this": 0, "last": -1, "next": 1}[words[0].casefold()]
        yield RawDate(start, end, DateValue(None), "relative", (group("unit"), shift))
    elif kind == "k_ago":
        number_word = group("num").casefold()
        count = patterns.numbers.get(number_word) if not number_word.isdigit() else int(number_word)
        if count is not None:
            yield RawDate(start, end, DateValue(None), "relative", (group("unit"), -count))
    elif kind == "k_day":
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[group("word").casefold()]
        yield RawDate(start, end, DateValue(None), "relative", ("day", shift))


def _dated(start: int, end: int, value: DateValue) -> RawDate:
    kind = "absolute" if value.has_year or value.decade else "yearless"
    return _new_tuple(RawDate, (start, end, value, kind, None, ""))


def _numeric(match: regex.Match[str], start: int, end: int) -> Iterator[RawDate]:
    first, second, year = _int(match.group("n1")), _int(match.group("n2")), _int(match.group("y1"))
    if first is None or second is None or year is None:
        return
    us_style = match.group("sep") is None and "," in match.group()
    orders = [(second, first), (first, second)] if us_style else [(first, second), (second, first)]
    for day, month in orders:
        point = _point(year, month, day)
        if point is not None:
            yield _dated(start, end, DateValue(point))
            return


def _year_range(match: regex.Match[str], text: str, patterns: _Patterns) -> Iterator[RawDate]:
    y1 = _int(match.group("y1"))
    raw2 = match.group("y2")
    if y1 is None or raw2 is None:
        return
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    start, end = match.span()
    if y1 < y2 <= y1 + 100:
        yield _dated(start, end, DateValue(PartialDate(y1), PartialDate(y2)))
    elif len(raw2) == 2 and 1 <= int(raw2) <= 12 and "/" not in match.group() and " " not in match.group():
        yield _dated(start, end, DateValue(PartialDate(y1, int(raw2))))
    else:
        first_end = match.end("y1")
        if _is_year(text, start, first_end, patterns):
            yield _dated(start, first_end, DateValue(PartialDate(y1)))
        if len(raw2) == 4 and _is_year(text, match.start("y2"), end, patterns):
            yield _dated(match.start("y2"), end, DateValue(PartialDate(y2)))


def _is_year(text: str, start: int, end: int, patterns: _Patterns) -> bool:
    """A bare four-digit number is a year unless money, an identifier or a count ("2000 participants").

    After a word of time ("in 2019 members agreed") a plural noun does not make it a count.
    """
    before = text[max(0, start - 16) : start].rstrip(" \t\u00a0").casefold()
    if before.endswith(patterns.number_prefixes):
        prefix = next(prefix for prefix in patterns.number_prefixes if before.endswith(prefix))
        if not before[: len(before) - len(prefix)][-1:].isalpha():
            return False
    after = text[end : end + 40].lstrip(" \t\u00a0")
    if after[:1] == "%":
        return False
    word = _LEADING_WORD.match(after)
    if word is None:
        return True
    folded = word.group().casefold()
    if folded in patterns.count_words:
        return False
    plural = folded == word.group() and len(folded) > 3 and folded.endswith("s") and not folded.endswith("ss")
    if not plural or folded in _NOT_PLURALS:
        return True
    previous = before.rsplit(None, 1)[-1] if before.strip() else ""
    return previous in _TIME_WORDS


_LEADING_WORD = regex.compile(r"[\p{L}]+(?:[ \t]cent)?")
_NOT_PLURALS = frozenset(
    {"was", "has", "this", "thus", "plus", "upon", "versus", "across", "towards", "afterwards", "unless"}
)
_TIME_WORDS = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "during",
        "before",
        "after",
        "of",
        "early",
        "late",
        "mid",
        "end",
        "year",
    }
)


# --------------------------------------------------------------------------- resolving


def find_dates(
    text: str,
    rules: RuleSet,
    *,
    published: datetime.date | None = None,
    reference_date: datetime.date | None = None,
) -> tuple[DateMention, ...]:
    """Every date mention of `text` with its value resolved against `published` / `reference_date`."""
    patterns = _patterns(rules)
    return _resolve(text, _find_raw(text, patterns), published, reference_date, patterns)


def _resolve(
    text: str,
    raws: list[RawDate],
    published: datetime.date | None,
    reference_date: datetime.date | None,
    patterns: _Patterns,
) -> tuple[DateMention, ...]:
    anchor: PartialDate | None = None
    if published is not None or reference_date is not None:
        day = published or reference_date
        assert day is not None
        anchor = PartialDate(day.year, day.month, day.day)
    else:
        for raw in raws:
            start = raw.value.start
            if raw.kind in ("absolute", "yearless") and start is not None and start.day is not None:
                anchor = start
                break
    mentions = []
    last_full_year: int | None = None
    # value, granularity, day and "year of a full date" of each absolute date as written, worked out once
    described: dict[str, tuple[str | None, str, datetime.date | None, int | None]] = {}
    # the same for the other kinds, by what their resolution depends on: dense text repeats its dates.
    # A value is known by its identity (cheaper than hashing it): `raws` share the value of a surface
    # read once, and hold every value alive while this runs.
    resolved: dict[tuple[Any, ...], tuple[str | None, str, datetime.date | None]] = {}
    # for a yearless month and day: the year it takes when in a future sentence, and when not
    dateline_years: dict[tuple[int, int | None], tuple[int, int]] = {}
    anchor_day = anchor.as_date() if anchor is not None else None
    bare_weekdays: list[int] = []
    for raw in raws:
        begin, stop, value, kind = raw[:4]
        surface = text[begin:stop]
        if kind == "absolute":
            known = described.get(surface)
            if known is None:
                point = value.start
                full_year = point.year if point is not None and point.day is not None else None
                known = described[surface] = (*_describe(value), full_year)
            if known[3] is not None:
                last_full_year = known[3]
            mentions.append(_mention(surface, begin, stop, known[0], known[1], known[2]))
            continue
        future = False  # looked for only where it can change the value: the look is the costly part
        if kind == "yearless":
            point = value.start
            if published is not None and point is not None and point.month is not None:
                years = dateline_years.get((point.month, point.day))
                if years is None:
                    years = dateline_years[(point.month, point.day)] = (
                        year_for(point.month, point.day, published, future=True),
                        year_for(point.month, point.day, published, future=False),
                    )
                future = years[0] != years[1] and _future_sentence(text, begin, patterns)
            key: tuple[Any, ...] = (kind, id(value), future, last_full_year)
        elif kind == "relative":
            bare_weekday = raw.relative is not None and raw.relative[0] == "weekday" and not raw.weekday_direction
            if bare_weekday:
                bare_weekdays.append(len(mentions))
                future = anchor_day is not None and _future_sentence(text, begin, patterns)
            key = (kind, id(value), raw.relative, raw.weekday_direction, future)
        else:
            key = (kind, id(value), raw.relative)
        known_value = resolved.get(key)
        if known_value is None:
            if kind == "yearless":
                value = _resolve_yearless(value, published, last_full_year, reference_date, future=future)
            elif kind == "month_relative":
                value = _resolve_month_relative(value, raw, anchor)
            elif kind == "relative":
                value = _resolve_relative(raw, anchor, patterns, future=future)
            known_value = resolved[key] = _describe(value)
        mentions.append(_mention(surface, begin, stop, *known_value))
    if bare_weekdays and anchor_day is not None:
        _weekdays_into_ranges(mentions, bare_weekdays, anchor_day)
    return tuple(mentions)


def _weekdays_into_ranges(mentions: list[DateMention], indexes: list[int], anchor: datetime.date) -> None:
    """A bare weekday of a report on a recent event of several days is a day of that event: "the course
    ran from 7 to 11 February … opened the course on Monday" (dated 14 February) is the 7th."""
    ranges = []
    for mention in mentions:
        if mention.granularity == "range" and mention.value is not None and len(mention.value) == 21:
            first, last = _safe_iso(mention.value[:10]), _safe_iso(mention.value[11:])
            if (
                first is not None
                and last is not None
                and first <= last <= anchor
                and (anchor - last).days <= _RECENT_EVENT_DAYS
                and (last - first).days < 7
            ):
                ranges.append((first, last))
    if not ranges:
        return
    for index in indexes:
        mention = mentions[index]
        day = mention.date
        if day is None or day > anchor or any(first <= day <= last for first, last in ranges):
            continue
        for first, last in ranges:
            inside = first + datetime.timedelta(days=(day.isoweekday() - first.isoweekday()) % 7)
            if inside <= last:
                mentions[index] = _mention(mention.text, mention.start, mention.end, inside.isoformat(), "day", inside)
                break


_RECENT_EVENT_DAYS = 14
"""How long after an event of several days a report still calls its days by weekday alone."""


def _safe_iso(value: str) -> datetime.date | None:
    """The day of ``YYYY-MM-DD``, or None for an unknown year (``XXXX``) or a bad value."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _describe(value: DateValue) -> tuple[str | None, str, datetime.date | None]:
    """A mention's value, granularity and calendar day."""
    granularity = value.granularity
    day = value.start.as_date() if granularity == "day" and value.start is not None else None
    return value.value, granularity, day


_MENTION_FIELDS = frozenset(DateMention.model_fields)
_new_object = object.__new__
_set_attribute = object.__setattr__


def _mention(
    text: str, start: int, end: int, value: str | None, granularity: str, day: datetime.date | None
) -> DateMention:
    """A `DateMention` from parts this module has checked: pydantic's validation (and even
    `model_construct`, which looks up every field's default) costs more than all of finding a date.
    It sets exactly what `model_construct` sets; a test compares the two."""
    mention = _new_object(DateMention)
    _set_attribute(
        mention,
        "__dict__",
        {"text": text, "start": start, "end": end, "value": value, "granularity": granularity, "date": day},
    )
    _set_attribute(mention, "__pydantic_fields_set__", set(_MENTION_FIELDS))
    _set_attribute(mention, "__pydantic_extra__", None)
    _set_attribute(mention, "__pydantic_private__", None)
    return mention


def _resolve_yearless(
    value: DateValue,
    published: datetime.date | None,
    last_full_year: int | None,
    reference_date: datetime.date | None,
    *,
    future: bool,
) -> DateValue:
    start = value.start
    if start is None or start.month is None:
        return value
    if published is not None:
        return value.with_year(year_for(start.month, start.day, published, future=future))
    if last_full_year is not None:
        return value.with_year(last_full_year)
    if reference_date is not None:
        return value.with_year(nearest_year(start.month, start.day, reference_date))
    return value


def _resolve_month_relative(value: DateValue, raw: RawDate, anchor: PartialDate | None) -> DateValue:
    if anchor is None or anchor.year is None or raw.relative is None or value.start is None:
        return value
    return value.with_year(anchor.year + raw.relative[1])


def _resolve_relative(raw: RawDate, anchor: PartialDate | None, patterns: _Patterns, *, future: bool) -> DateValue:
    """The value of a relative expression from the anchor; `future`: a bare weekday in a future sentence."""
    if raw.relative is None or anchor is None:
        return DateValue(None)
    unit, shift = raw.relative
    anchor_day = anchor.as_date()
    if unit == "day":
        moved = add_days(anchor, shift)
        return DateValue(moved) if moved is not None else DateValue(None)
    if unit == "year":
        return DateValue(PartialDate(anchor.year + shift)) if anchor.year is not None else DateValue(None)
    if unit == "season":
        if anchor.year is None or raw.value.season is None:
            return DateValue(None)
        season = None if patterns.seasons_as_years else raw.value.season
        return DateValue(PartialDate(anchor.year + shift), season=season)
    if unit == "month":
        if anchor.year is None or anchor.month is None:
            return DateValue(None)
        year, month = add_months(anchor.year, anchor.month, shift)
        return DateValue(PartialDate(year, month))
    if anchor_day is None:
        return DateValue(None)
    if unit == "week":
        iso = (anchor_day + datetime.timedelta(weeks=shift)).isocalendar()
        return DateValue(None, week=(iso[0], iso[1]))
    if unit == "weekday":
        direction = raw.weekday_direction
        if direction == "last":
            day = weekday_on_or_before(anchor_day, shift, strictly=True)
        elif direction == "next":
            day = weekday_on_or_after(anchor_day, shift, strictly=True)
        elif direction == "this" or future:
            day = weekday_on_or_after(anchor_day, shift)
        else:
            day = weekday_on_or_before(anchor_day, shift)
        return DateValue(PartialDate(day.year, day.month, day.day))
    return DateValue(None)


def _future_sentence(text: str, start: int, patterns: _Patterns) -> bool:
    """True when a future cue governs a bare weekday or month: earlier in its sentence ("will open
    on Monday", "agreed to sign a letter in Seoul in October"), or in the main clause after a fronted
    phrase that holds it ("At the close of the forum on Friday, delegates are expected to adopt …")."""
    window_start = max(0, start - _CUE_REACH)
    for stop in (". ", "\n"):
        found = text.rfind(stop, window_start, start)
        if found >= 0:
            window_start = max(window_start, found + 1)
    clause_start = text.rfind(",", window_start, start) + 1 or window_start
    if patterns.intent_cue.search(text, clause_start, start) is not None:
        return True  # in its clause: not "The ministers, who will …, met on Monday"
    if clause_start > window_start:
        return False  # not in a sentence-opening phrase
    comma = text.find(",", start, start + _FRONTED_REACH)
    if comma < 0 or "." in text[start:comma] or "\n" in text[start:comma]:
        return False
    clause_end = min(len(text), comma + _FRONTED_REACH)
    for stop in (".", "\n", ","):
        found = text.find(stop, comma + 1, clause_end)
        if found >= 0:
            clause_end = found
    return patterns.future_cue.search(text, comma, clause_end) is not None


_CUE_REACH = 160
"""How far before a weekday or month a future cue may stand (within its sentence)."""
_FRONTED_REACH = 80


# --------------------------------------------------------------------------- the dateline


def _dateline(doc: Document, raws: list[RawDate], rules: RuleSet) -> RawDate | None:
    """The first full single date that stands on its line as a page's own date does."""
    line_starts = [start for start, _ in doc.lines]
    checker = rules.compiled(_build_dateline)
    for raw in raws:
        if raw.kind != "absolute" or raw.value.granularity != "day":
            continue
        index = max(0, bisect.bisect_right(line_starts, raw.start) - 1)
        line_start, line_end = doc.lines[index] if doc.lines else (0, len(doc.text))
        if raw.start - line_start > _DATELINE_LEAD:
            continue  # deep inside a paragraph
        before = doc.text[line_start : raw.start]
        after = doc.text[raw.end : min(line_end, raw.end + _DATELINE_LEAD)]
        if checker.before.fullmatch(before) and checker.after.match(after):
            return raw
    return None


_DATELINE_LEAD = 120
"""A page's date stands within this many characters of its line's start."""


@dataclass(frozen=True)
class _DatelineCheck:
    before: regex.Pattern[str]
    after: regex.Pattern[str]


def _build_dateline(rules: RuleSet) -> _DatelineCheck:
    labels = _alternation(rules.dates.dateline_labels) if rules.dates.dateline_labels else "(?!)"
    word = r"[\p{L}\p{N}][\p{L}\p{N}'’&.-]{0,30}"
    before = regex.compile(
        # nothing, a bullet, a label ("Date :", "updatetime:"), up to four short words ("EPN Desk",
        # "Xinhua) 11:15,", "(China Daily"), or a city dateline ("KUNMING,", "Beijing, China,")
        rf"[\s•·▪*>|(\[]{{0,6}}"
        rf"(?:(?i:{labels})[ \t]{{0,3}}:?[ \t]{{0,3}})?"
        rf"(?:(?:(?!(?i:on|from|since|in|by|until|to|of|between|and|before|after|at|during|the|for)\b)"
        rf"{word}[):]?,?(?:[ \t]{{0,3}}[|·•/][ \t]{{0,3}}|[ \t]{{1,3}}|$)){{1,4}}(?:\d{{1,2}}:\d\d,?[ \t]{{1,3}})?"
        rf"|\p{{Lu}}[\p{{Lu}}\p{{L}} .'-]{{1,40}},[ \t]{{1,3}}(?:\p{{Lu}}[\p{{L}} .'-]{{1,40}},[ \t]{{1,3}})?"
        # a byline: "By Lan Anh - ", "Posted by Admin on ", "Written by Staff | "
        rf"|(?i:by)[ \t]{{1,3}}{word}(?:[ \t]{{1,3}}{word}){{0,3}}[ \t]{{0,3}}"
        rf"(?:(?i:on)[ \t]{{1,3}}|[,|·•–—-][ \t]{{0,3}}))?"
        # or bar-separated credits, then a label: "By Jane Doe | Delta Herald | Updated: "
        rf"|[^|¦\n]{{1,60}}[|¦][ \t]{{0,3}}(?:[^|¦\n]{{1,60}}[|¦][ \t]{{0,3}}){{0,3}}"
        rf"(?i:{labels})[ \t]{{0,3}}:?[ \t]{{0,3}}",
        regex.VERSION1,
    )
    after = regex.compile(
        r"[ \t]*(?:$|,?[ \t]*\d{1,2}:\d\d|[–—-]|:|/|\(|\)|\||[ \t]*\p{Lu}|\p{Lu})|[ \t]+(?i:by|source|from)\b"
        r"|,?[ \t]+(?i:at)[ \t]+\d",
        regex.VERSION1,
    )
    return _DatelineCheck(before=before, after=after)


# --------------------------------------------------------------------------- the stage


def extract(doc: Document, rules: RuleSet, found: Found) -> Found:
    """Fill `found.dates` (every mention, text order) and `found.published` (the page's dateline)."""
    patterns = _patterns(rules)
    raws = _find_raw(doc.text, patterns)
    line = _dateline(doc, raws, rules)
    published_day = line.value.date if line is not None else None
    mentions = _resolve(doc.text, raws, published_day, found.reference_date, patterns)
    published = None
    if line is not None:
        published = next(m for m in mentions if m.start == line.start and m.end == line.end)
    return replace(found, dates=mentions, published=published)
