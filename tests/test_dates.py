"""Date finding and TIMEX values: our example tables, the negatives, and round-trip properties."""

from __future__ import annotations

import datetime
import functools
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from lmcoop.document import Document
from lmcoop.extract import dates, titles
from lmcoop.extract.dates import find_dates
from lmcoop.models import DateMention
from lmcoop.pipeline import Found
from lmcoop.rules import RuleSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).parent / "corpus"
RULES = RuleSet.default()


def _cases() -> list[Any]:
    data = tomllib.loads((CORPUS / "dates.toml").read_text(encoding="utf-8"))
    out = []
    for case in data["case"]:
        published = datetime.date.fromisoformat(case["published"]) if "published" in case else None
        for sentence, surface in case["phrases"]:
            out.append(pytest.param(sentence, surface, case["value"], published, id=f"{case['value']}:{surface}"))
    return out


def _found(text: str, published: datetime.date | None = None) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, RULES, published=published)]


@pytest.mark.parametrize(("sentence", "surface", "value", "published"), _cases())
def test_example_table(sentence: str, surface: str, value: str, published: datetime.date | None) -> None:
    assert _found(sentence, published) == [(surface, value)]


def _negatives() -> list[str]:
    lines = (CORPUS / "not_dates.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("sentence", _negatives())
def test_not_a_date(sentence: str) -> None:
    assert _found(sentence) == []


def test_two_days_written_in_reverse_are_two_mentions() -> None:
    text = "The meetings took place on January 23 and 22, respectively."
    assert _found(text, datetime.date(2019, 1, 24)) == [("January 23", "2019-01-23"), ("22", "2019-01-22")]


def test_days_joined_by_and_before_a_year_are_a_range() -> None:
    assert _found("December 5 and 7 2017, the centre held a seminar.") == [
        ("December 5 and 7 2017", "2017-12-05/2017-12-07")
    ]


def test_yearless_date_takes_the_year_of_the_full_date_before_it() -> None:
    text = "On 4 April 2009, the two heads signed. The board met on 4-5 April. On 3 May the lab opened."
    assert _found(text) == [
        ("4 April 2009", "2009-04-04"),
        ("4-5 April", "2009-04-04/2009-04-05"),
        ("3 May", "2009-05-03"),
    ]


def test_yearless_date_without_any_year_stays_xxxx() -> None:
    text = "On October 18, the ceremony was held. The lab was founded in 2014."
    assert _found(text) == [("October 18", "XXXX-10-18"), ("2014", "2014")]


def test_relative_dates_without_anchor_have_no_value() -> None:
    assert _found("The MoU was signed on Wednesday. The talks ended last week.") == [
        ("Wednesday", None),
        ("last week", None),
    ]


def test_relative_dates_fall_back_to_the_first_day_in_the_text() -> None:
    text = "Ministers on Friday agreed to publish a study. The talks were held on Aug. 25, 2017."
    assert _found(text) == [("Friday", "2017-08-25"), ("Aug. 25, 2017", "2017-08-25")]


def test_reference_date_resolves_relative_dates() -> None:
    article = lmcoop.parse("The lab opened last year.", reference_date=datetime.date(2021, 5, 4))
    assert [(m.text, m.value) for m in article.dates] == [("last year", "2020")]


def test_mention_fields() -> None:
    (mention,) = find_dates("It opened on 3 May 2023 in Hue.", RULES)
    assert (mention.granularity, mention.date, mention.start, mention.end) == ("day", datetime.date(2023, 5, 3), 13, 23)
    (week,) = find_dates("They met last week.", RULES, published=datetime.date(2017, 11, 30))
    assert (week.granularity, week.date) == ("week", None)
    (span,) = find_dates("It ran 1-3 May 2023.", RULES)
    assert (span.granularity, span.date) == ("range", None)


def test_fast_mentions_equal_validated_ones() -> None:
    """Mentions are built without pydantic's validation; they must be the same records."""
    for mention in find_dates("On 3 May 2023, last week and in 2019-2021 they met.", RULES, published=None):
        validated = DateMention(**mention.model_dump())
        assert mention == validated
        assert mention.model_fields_set == validated.model_fields_set
        assert hash(mention) == hash(validated)
        assert mention.model_dump_json() == validated.model_dump_json()


def test_repeated_surfaces_keep_their_own_offsets() -> None:
    text = "On 3 May 2023 and again on 3 May 2023, then March 2020 and March 2020."
    found = find_dates(text, RULES)
    assert [(m.start, m.end) for m in found] == [(3, 13), (27, 37), (44, 54), (59, 69)]
    assert all(text[m.start : m.end] == m.text for m in found)


# ----------------------------------------------------------------------------- the dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forum Opens in Hue\n2018-11-19 Article type:Translated\n\nOn November 16, 2018, ...", "2018-11-19"),
        ("Forum Opens in Hue\nTime: 2024-03-26\n\nThe forum opened.", "2024-03-26"),
        ("Forum Opens in Hue\n\nNovember 29,2017 By:Xinhua\n\nThe forum opened.", "2017-11-29"),
        ("VINH, 16 June 2016 – The seminar was held on 14-15 June in Vinh.", "2016-06-16"),
        ("Forum Opens\nSource: Xinhua\nEditor: Lan Ha 2017-11-16 09:51:27\n\nThe forum opened.", "2017-11-16"),
        ("HUE, Aug. 19, 2014 /PRNewswire/ -- A partnership was forged today.", "2014-08-19"),
        ("Hue, Vietnam, 18 December 2019 — A new partnership was formed.", "2019-12-18"),
        ("08 Jan 2018 Story Environmental governance\n\nForum opens\n\n5 December 2017 – A pact.", "2018-01-08"),
        (" date 2022-08-28 Forum to open in Hue\n\nThe forum opens in Hue.", "2022-08-28"),
        ("Forum opens\n  • Date : 2019-01-24 10:26:55\n  • Hit : 1099\n\n1. The committee met.", "2019-01-24"),
        ("A long article body ends here.\n(Delta Daily October 9, 2002)\n", "2002-10-09"),
        ("Forum Opens in Hue\nEPN Desk 23 September 2024 07:17\n\nThe forum opened.", "2024-09-23"),
        ("Forum opens in Hue\n\nPosted on March 26, 2019 by Admin\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nRelease time: 2019-03-26\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nPublished on 26 March 2019\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nPosted by Admin on March 26, 2019\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nBy Lan Anh - March 26, 2019\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nWritten by Staff | 26 March 2019\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nMarch 26, 2019 at 10:21 am\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nLast modified on 26 March 2019\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nLast updated on March 26, 2019\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nLakeside Daily Star | 2019-03-26\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nSource: Delta News | 2019-03-26\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\nBy Kim Lan, June 17, 2025\n\nThe forum opened.", "2025-06-17"),
        ("Forum opens in Hue\nFriday, 26 March 2019\n\nThe forum opened.", "2019-03-26"),
        ("Forum opens in Hue\n26/03/2019 10:30\n\nThe forum opened.", "2019-03-26"),
        (
            "Talks held in Hue\nSource: Delta News| 2023-06-05 13:31:15|Editor: Lan\n\nHUE, June 5 -- Talks.",
            "2023-06-05",
        ),
        ("Pact signed\nBy Kim Lan | example.com | Updated: 2023-06-05 13:31\n\nThe pact was signed.", "2023-06-05"),
    ],
)
def test_dateline(text: str, expected: str) -> None:
    assert str(lmcoop.parse(text).published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On October 19, 2024, the conference was held in Hue.",
        "From 1 to 3 April 2019, a delegation visited Hue.",
        "Workshop on River Data Exchange (December 28, 2021)\n\nThe workshop was held online.",
        "Category 24th Ministers Meeting in Nagoya, Japan 2023.11.04\nOn November 4th, 2023, the TCS met.",
        "December 5 and 7 2017, the centre organized a seminar in Hue.",
        "3 May 2023, the forum opened in Hue.",
        "HUE, March 26 (DN) -- The forum opened.",
        "Visit https://example.org/2019/03/26/news.html for more.",
        "The Joint Communique\n26-27 April 2016, Shizuoka, Japan\n\n1. The ministers met.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert lmcoop.parse(text).published is None


def test_published_is_a_date_mention_of_the_dates_stage() -> None:
    doc = Document("Forum Opens\n2018-11-19 09:02\n\nOn Monday the forum opened.")
    found = lmcoop.pipeline.STAGES[0][1](doc, RULES, Found())
    assert found.published is not None and found.published in found.dates
    assert [(m.text, m.value) for m in found.dates] == [("2018-11-19", "2018-11-19"), ("Monday", "2018-11-19")]


# ----------------------------------------------------------------------------- round trips

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FILLER = st.lists(
    st.sampled_from(
        ["The", "forum", "was", "held", "in", "Vientiane", "ministers", "signed", "a", "memorandum", "and"]
    ),
    max_size=8,
).map(" ".join)


def _suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


FULL_FORMATS = [
    lambda y, m, d: f"{d} {MONTHS[m - 1]} {y}",
    lambda y, m, d: f"{d} {MONTHS[m - 1]}, {y}",
    lambda y, m, d: f"{MONTHS[m - 1]} {d}, {y}",
    lambda y, m, d: f"{MONTHS[m - 1]} {d},{y}",
    lambda y, m, d: f"{MONTHS[m - 1][:3]}{'.' if m != 5 else ''} {d}, {y}",
    lambda y, m, d: f"{d} {MONTHS[m - 1][:3]} {y}",
    lambda y, m, d: f"{d}{_suffix(d)} {MONTHS[m - 1]} {y}",
    lambda y, m, d: f"{MONTHS[m - 1]} {d}{_suffix(d)}, {y}",
    lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
    lambda y, m, d: f"{y}.{m:02d}.{d:02d}",
    lambda y, m, d: f"{y}/{m}/{d}",
    lambda y, m, d: f"{d:02d}-{m:02d}-{y}",
    lambda y, m, d: f"{d:02d}/{m:02d}/{y}",
]


@given(
    st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2099, 12, 31)),
    st.integers(0, len(FULL_FORMATS) - 1),
    FILLER,
    FILLER,
)
def test_full_date_round_trip(day: datetime.date, form: int, before: str, after: str) -> None:
    written = FULL_FORMATS[form](day.year, day.month, day.day)
    text = f"{before} on {written}, {after}."
    found = find_dates(text, RULES)
    assert [(m.text, m.value, m.date) for m in found] == [(written, day.isoformat(), day)]


@given(st.integers(1950, 2099), st.integers(1, 12), st.booleans(), FILLER, FILLER)
def test_month_year_round_trip(year: int, month: int, short: bool, before: str, after: str) -> None:
    name = MONTHS[month - 1][:3] if short else MONTHS[month - 1]
    written = f"{name} {year}"
    assert _found(f"{before} in {written} {after}") == [(written, f"{year}-{month:02d}")]


@given(st.integers(1950, 2089), st.integers(1, 10), st.sampled_from(["-", "–", "/"]), st.booleans(), FILLER, FILLER)
def test_year_range_round_trip(year: int, span: int, dash: str, short: bool, before: str, after: str) -> None:
    end = year + span
    written = f"{year}{dash}{end % 100:02d}" if short and end // 100 == year // 100 else f"{year}{dash}{end}"
    assert _found(f"{before} the Plan {written} {after}") == [(written, f"{year}/{end}")]


@given(st.integers(1950, 2099), FILLER, FILLER)
def test_year_round_trip(year: int, before: str, after: str) -> None:
    assert _found(f"{before} in {year} {after}") == [(str(year), str(year))]


@given(
    st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2099, 12, 20)),
    st.integers(1, 8),
    st.sampled_from(["{a}-{b} {M} {y}", "{M} {a}-{b}, {y}", "{a} to {b} {M} {y}", "{M} {a} to {b}, {y}"]),
    FILLER,
)
def test_day_range_round_trip(first: datetime.date, length: int, form: str, filler: str) -> None:
    last = first + datetime.timedelta(days=length)
    if last.month != first.month:
        return
    written = form.format(a=first.day, b=last.day, M=MONTHS[first.month - 1], y=first.year)
    assert _found(f"{filler} from {written} {filler}") == [(written, f"{first.isoformat()}/{last.isoformat()}")]


@given(st.text(max_size=400))
def test_any_text_offsets_slice_and_values_are_timex(text: str) -> None:
    for mention in find_dates(text, RULES, published=datetime.date(2020, 2, 29)):
        assert text[mention.start : mention.end] == mention.text
        assert mention.value is None or mention.value[:1] in "0123456789X"


ALPHABET = st.sampled_from(
    ["2019", "-", "20", " ", "June", "14", "to", "15", ",", "Sept.", "last", "week", "Monday", "1990s", "\n", "/", "."]
)


@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_date_dense_text_is_deterministic_and_sliced(text: str) -> None:
    first = find_dates(text, RULES)
    assert first == find_dates(text, RULES)
    for mention in first:
        assert text[mention.start : mention.end] == mention.text


# ----------------------------------------------------------------------------- hostile input (linear time)


@pytest.mark.parametrize(
    "text",
    [
        "(" * 100_000,
        "?" * 100_000 + "x",
        ", ".join("ABCDEFGHIJ"[i % 10] for i in range(300_000)),
        "2019-" * 50_000,
        "June 14 to " * 20_000,
        "1 " * 100_000,
        "Monday last " * 20_000,
        "a@b." * 50_000,
        "www." + "a" * 100_000,
        "Posted 3 May 2023 – " * 5_000,
    ],
    ids=["parens", "questions", "letters-list", "dashes", "ranges", "ones", "weekdays", "emails", "url", "one-line"],
)
def test_hostile_input_parses(text: str) -> None:
    """Runs the headline and dates stages on hostile text; finishing (in seconds, not hours) is the test.

    The whole parser meets the same kind of text in test_hostile.py.
    """
    doc = Document(text)
    found = dates.extract(doc, RULES, Found())
    found = titles.extract(doc, RULES, found)
    for mention in found.dates:
        assert text[mention.start : mention.end] == mention.text


YEARLESS_FORMATS = [
    lambda m, d: f"{d} {MONTHS[m - 1]}",
    lambda m, d: f"{MONTHS[m - 1]} {d}",
    lambda m, d: f"{MONTHS[m - 1]} {d}{_suffix(d)}",
    lambda m, d: f"{d}{_suffix(d)} {MONTHS[m - 1]}",
    lambda m, d: f"{MONTHS[m - 1][:3]}{'.' if m != 5 else ''} {d}",
]


@given(
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2000, 12, 31)),
    st.integers(0, len(YEARLESS_FORMATS) - 1),
    FILLER,
    FILLER,
)
def test_yearless_date_round_trip(day: datetime.date, form: int, before: str, after: str) -> None:
    written = YEARLESS_FORMATS[form](day.month, day.day)
    assert _found(f"{before} on {written}, {after}.") == [(written, f"XXXX-{day.month:02d}-{day.day:02d}")]


@given(
    st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2098, 11, 30)),
    st.integers(20, 60),
    st.sampled_from(["{M1} {a} to {M2} {b}, {y}", "{a} {M1} to {b} {M2} {y}", "{M1} {a}-{M2} {b}, {y}"]),
    FILLER,
)
def test_cross_month_range_round_trip(first: datetime.date, length: int, form: str, filler: str) -> None:
    last = first + datetime.timedelta(days=length)
    if last.year != first.year or last.month == first.month:
        return
    written = form.format(a=first.day, b=last.day, M1=MONTHS[first.month - 1], M2=MONTHS[last.month - 1], y=first.year)
    assert _found(f"{filler} from {written} {filler}") == [(written, f"{first.isoformat()}/{last.isoformat()}")]


@given(st.integers(195, 209), st.sampled_from(["", "early ", "mid-", "late "]), FILLER)
def test_decade_round_trip(decade: int, modifier: str, filler: str) -> None:
    written = f"{modifier}{decade}0s"
    assert _found(f"{filler} in the {written} {filler}") == [(written, f"{decade}0/{decade}9")]


def test_a_future_cue_after_a_past_weekday_does_not_move_it() -> None:
    found = _found("The forum, which opened on Monday, will close on Friday.", datetime.date(2017, 11, 30))
    assert found == [("Monday", "2017-11-27"), ("Friday", "2017-12-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a course of five days reported three days after it closed: its Monday is its first day
        ("The course ran from 7 to 11 February in Hue. The minister opened it on Monday.", "2022-02-07"),
        ("The course ran from 7 to 11 February in Hue. It closed on Friday.", "2022-02-11"),
        # no recent event of several days: the last such weekday
        ("The minister opened the new lab on Monday.", "2022-02-14"),
        ("The course ran from 10 to 14 January in Hue. The minister opened the lab on Monday.", "2022-02-14"),
    ],
)
def test_a_bare_weekday_falls_inside_a_recent_event(text: str, expected: str) -> None:
    found = find_dates(text, RULES, published=datetime.date(2022, 2, 14))
    weekday = next(m for m in found if m.text in ("Monday", "Friday"))
    assert weekday.value == expected


# The scans tried only where a match can start ("seeds") find what a scan of every character finds.
SEEDED = st.lists(
    st.sampled_from(
        [
            " ",
            "\n",
            ".",
            ",",
            "-",
            "a",
            "An",
            "two",
            "THREE",
            " year",
            " weeks",
            "  months",
            " ago",
            "Ago",
            "this",
            "Last",
            "NEXT",
            "past",
            "early",
            "mid",
            "Late",
            "fall",
            "Spring",
            "FY",
            "fiscal",
            "today",
            "Yesterday",
            "tomorrow",
            "climate",
            "x",
            "http://",
            "https://",
            "www.",
            "@",
            ".com",
            ".Org",
            ".in",
            "tel",
            "Phone:",
            "hotel ",
            "+84",
            "+",
            "(0)",
            "2024",
            "12",
            "345",
            "6789",
            "İ",
            "\u212a",
            "ß",
        ]
    ),
    max_size=40,
).map("".join)


@given(SEEDED)
def test_seeded_scans_find_what_full_scans_find(text: str) -> None:
    patterns = dates._patterns(RULES)
    lowered = text.lower()
    if len(lowered) != len(text):
        return  # the full scans are used then
    word_seeds = dates._seeds(lowered, patterns.word_seeds)
    word_seeds.extend(match.start() for match in patterns.count_seeds.finditer(text, overlapped=True))
    seeded = dates._SeededSearch(patterns.word_trigger, text, sorted(set(word_seeds)))
    assert [(*match.span(), match.lastgroup) for match in dates._search_all(seeded)] == [
        (*match.span(), match.lastgroup) for match in patterns.word_trigger.finditer(text)
    ]
    mask_seeds = dates._seeds(lowered, patterns.mask_seeds)
    mask_seeds.extend(match.start() for match in patterns.domain_seeds.finditer(text))
    masks = dates._SeededSearch(patterns.masks, text, sorted(mask_seeds))
    assert dates._masked(text, masks) == dates._masked(text, functools.partial(patterns.masks.search, text))


def test_a_text_whose_lower_case_is_longer_is_scanned_whole() -> None:
    text = "İzmir, last year: see www.example.com or call +84 24 3823 4567 two weeks ago."
    assert len(text.lower()) != len(text)
    found = [(text[raw.start : raw.end], raw.kind) for raw in dates.find_raw_dates(text, RULES)]
    assert found == [("last year", "relative"), ("two weeks ago", "relative")]


def test_a_finder_match_names_its_alternative_when_its_last_group_is_one() -> None:
    """`_find_raw` takes the kind from `lastgroup` when it names an alternative (``k_…``): no
    alternative holds another, so that is the one that matched."""
    patterns = dates._patterns(RULES)
    text = (
        "On 3 May 2023 and May 4-5, 2024, from 14 to 15 June, in 2019-2023 and 2020/21, on 2018-11-19, "
        "24/11/2017, the 1990s, early 2000s, spring 2009, FY2010, last Friday, this year, two weeks ago, "
        "today, June of this year, November 2020, Aug. 27 to Oct. 6, 30 October to 2 November 2023."
    )
    checked = 0
    for position, route in sorted(
        (trigger_match.start(), trigger_match.lastgroup or "")
        for trigger in (*patterns.triggers, patterns.word_trigger)
        for trigger_match in trigger.finditer(text)
    ):
        match_at, kinds = patterns.matchers[route]
        match = match_at(text, position)
        if match is None:
            continue
        kind = next(name for name, index in kinds if match.start(index) >= 0)
        if (match.lastgroup or "").startswith("k_"):
            assert match.lastgroup == kind
            checked += 1
    assert checked >= 5
