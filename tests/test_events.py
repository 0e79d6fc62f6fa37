"""The main event: example tables per shape (our own sentences), dates from hand-built records, properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from lmcoop.document import Document
from lmcoop.extract import events
from lmcoop.models import DateMention, Organization, Span
from lmcoop.pipeline import Found
from lmcoop.rules import RuleSet

RULES = RuleSet.default()


def event_of(text: str) -> lmcoop.Event | None:
    return lmcoop.parse(text).event


# --- kind: expected kind → texts (headline and first sentences) ----------------------------------------

KIND_TABLE: dict[str, list[str]] = {
    "signing_ceremony": [
        "Zenda-Strel Laboratory Donation Signing Ceremony Held in Zenda\n\nThe ceremony took place on Monday.",
        "Ruritania and Borduria have signed a memorandum of understanding on wetland protection.",
        "The Lake Institute Signs a Memorandum of Understanding with the River Agency\n\nIt covers data.",
    ],
    "workshop": ["Workshop on Rural Water Technology Held in Strel\n\nExperts met for two days."],
    "seminar": ["The Seminar on Formulating the Zenda River Action Plan was held on 14-15 June in Strel."],
    "meeting": [
        "Fifth Anniversary of the Zenda Environmental Centre Work Meeting Held in Strel\n\nIt was a success.",
        "Officials of the two agencies met on Friday to draft an implementation plan for the basin.",
    ],
    "forum": ["Regional environmental forum commences in Strel\n\nMore than 300 delegates attended it."],
    "conference": [
        "On 19 October 2024, the Zenda Islands Cooperation and Dialogue Conference on Climate was held in Strel.",
        "The International Symposium on Wetlands opened in Strel on Tuesday with 200 experts.",
    ],
    "training": ["The second international training course on adaptation is opened in Strel\n\nIt lasts two weeks."],
    "dialogue": ["Ruritania and Borduria agree to deepen cooperation at ministerial dialogue\n\nThey met in Strel."],
    "visit": ["Lake Agency Director Visits the River Institute\n\nOn March 17, a delegation visited the institute."],
    "launch": ["The minister addressed yesterday's opening ceremony of the Zenda Environmental Week in Strel."],
    "exhibition": ["The International Green Technology Exhibition was held in Strel from 3 to 5 May."],
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, ts in KIND_TABLE.items() for t in ts])
def test_kind(kind: str, text: str) -> None:
    event = event_of(text)
    assert event is not None and event.kind == kind, text
    assert event.trigger is not None and text[event.trigger.start : event.trigger.end] == event.trigger.text


NO_EVENT = [
    "The Zenda basin is home to 60 million people. Its rivers feed the farms of four countries.",
    "About the Centre\nThe Zenda Environmental Centre was established in 2017. It supports capacity building "
    "in the basin countries.",
    "Ruritania is a key contributor to green development, an official said on Monday.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(text: str) -> None:
    assert event_of(text) is None


# --- location: expected place → texts -----------------------------------------------------------------

LOCATION_TABLE: dict[str | None, list[str]] = {
    "Strel": [
        "Workshop on Rural Water Technology Held in Strel\n\nExperts met for two days.",
        "The seminar was held on 14-15 June in Strel, Borduria.",
        "The forum will be held from Sept. 15 to 16 in Strel, capital of the province.",
    ],
    "Kep province": ["The training was held at a hotel in East Borduria's Kep province on April 28."],
    "Sunrise Hotel": ["On 13 October 2022, the director presided over an inception workshop at Sunrise Hotel."],
    None: [
        "The workshop on water quality was successfully held online on Monday.",
        "The workshop titled “Cleaner Coasts in Strel” was organised by the ministry.",
    ],
}


@pytest.mark.parametrize(("place", "text"), [(k, t) for k, ts in LOCATION_TABLE.items() for t in ts])
def test_location(place: str | None, text: str) -> None:
    event = event_of(text)
    assert event is not None
    assert event.location == place
    if event.location_span is not None:
        assert text[event.location_span.start : event.location_span.end] == event.location_span.text


def test_a_country_is_not_the_location() -> None:
    event = event_of("On 3 May, an EU delegation is visiting China to deepen bilateral relations.")
    assert event is not None and event.kind == "visit"
    assert event.location is None


def test_visited_organization_is_the_location() -> None:
    text = "On March 17, a delegation visited the River Research Institute (RRI) to promote cooperation."
    s = text.index("River Research Institute")
    org = Organization(
        text="River Research Institute", start=s, end=s + 24, name="River Research Institute", acronym="RRI"
    )
    event = events.find_event(Document(text), RULES, Found(organizations=(org,)))
    assert event is not None and event.location == "River Research Institute"


# --- mode: expected mode → texts -----------------------------------------------------------------------

MODE_TABLE: dict[str | None, list[str]] = {
    "hybrid": [
        'The workshop on water pollution was successfully held both "online and offline".',
        "The opening ceremony of the dialogue was held offline and online.",
        "With the introduction of the hybrid format, the meeting welcomed 40 delegates.",
    ],
    "online": ["The deputy director co-chaired an online video workshop on rural water."],
    "offline": ["Second On-site Mission Conducted in the Zenda Basin\n\nThe team collected data."],
    None: [
        "The seminar on river basins was held in Strel on 5 May.",
        "The seminar on hybrid rice varieties was held in Strel on 5 May.",
    ],
}


@pytest.mark.parametrize(("mode", "text"), [(k, t) for k, ts in MODE_TABLE.items() for t in ts])
def test_mode(mode: str | None, text: str) -> None:
    event = event_of(text)
    assert event is not None and event.mode == mode


# --- date: from the dates stage, with records built by hand --------------------------------------------


def mention(text: str, surface: str, value: str | None) -> DateMention:
    s = text.index(surface)
    return DateMention(text=surface, start=s, end=s + len(surface), value=value)


def find(
    text: str, *dates: DateMention, published: DateMention | None = None, title: str | None = None
) -> lmcoop.Event:
    title_span = None
    if title is not None:
        s = text.index(title)
        title_span = Span(text=title, start=s, end=s + len(title))
    found = Found(dates=tuple(sorted(dates, key=lambda d: d.start)), published=published, title=title_span)
    event = events.find_event(Document(text), RULES, found)
    assert event is not None
    return event


def test_date_of_the_sentence_that_reports_it_nearest_the_trigger() -> None:
    text = "STREL, 16 June 2016 – The Seminar on River Basins was held on 14-15 June in Strel."
    dateline = mention(text, "16 June 2016", "2016-06-16")
    event = find(text, dateline, mention(text, "14-15 June", "2016-06-14/2016-06-15"), published=dateline)
    assert event.date == "2016-06-14/2016-06-15"


def test_date_from_the_first_sentence_after_a_headline() -> None:
    text = "Signing Ceremony Held in Zenda\n\nOn October 18, the signing ceremony was held at the embassy."
    event = find(text, mention(text, "October 18", "XXXX-10-18"), title="Signing Ceremony Held in Zenda")
    assert (event.kind, event.date, event.location) == ("signing_ceremony", "XXXX-10-18", "Zenda")


def test_year_alone_is_no_event_date() -> None:
    text = "The signing ceremony took place at the 3rd Conference on Water for Sustainable Development, 2018-2028."
    event = find(text, mention(text, "2018-2028", "2018/2028"))
    assert event.date is None


def test_wire_dateline_just_before_dates_the_event() -> None:
    text = "ZENDA, March 18. The two ministries have signed a memorandum of understanding on water."
    dateline = mention(text, "March 18", "2025-03-18")
    event = find(text, dateline, published=dateline)
    assert event.date == "2025-03-18"


def test_unresolved_weekday_gives_no_date() -> None:
    text = "The memorandum was signed on Wednesday between the two agencies."
    event = find(text, mention(text, "Wednesday", None))
    assert event.date is None


# --- properties ----------------------------------------------------------------------------------------

WORDS = [
    *"abcXYZ ,.-()\n“”'",
    *("workshop ", "Seminar ", "held ", "in ", "Strel ", "at ", "the ", "Hotel ", "signed ", "MoU ", "visited "),
    *("online ", "and ", "offline ", "Forum ", "on ", "June ", "14-15 ", "China ", "meeting ", "Opening Ceremony "),
]
EVENT_TEXT = st.lists(st.sampled_from(WORDS), max_size=80).map("".join)


@given(EVENT_TEXT)
def test_event_spans_slice_and_output_is_deterministic(text: str) -> None:
    event = event_of(text)
    if event is not None:
        for span in (event.trigger, event.location_span):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert event.location is None or event.location_span is not None
    assert event_of(text) == event


@given(st.text(max_size=200))
def test_any_string_gives_an_event_or_none_without_raising(text: str) -> None:
    event = events.find_event(Document(text), RULES, Found())
    if event is not None and event.trigger is not None:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


HOSTILE = [
    "(" * 100_000,
    "?" * 100_000 + "x",
    "workshop held in " * 20_000,
    "A, B, C, " * 100_000,
    "at the " * 30_000 + "Hotel",
    "visited the " * 20_000 + "Centre",
    "in " + "Abc " * 50_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_finishes(text: str) -> None:
    """These must simply finish (the regexes are linear); no tight timing is asserted."""
    events.find_event(Document(text), RULES, Found())


@pytest.mark.parametrize("text", ["KİCK-OFF MEETİNG held İN Strel", "The WORKSHOP was SİGNED", "ﬁnal Symposium"])
def test_odd_case_does_not_break_the_event(text: str) -> None:
    event = event_of(text)
    assert event is not None and event.trigger is not None
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text


# --- place, mode and days from the dateline and the lead (our own sentences) -------------------------

LOCATION_TABLE: dict[str | None, list[str]] = {
    "STRELBURG": [
        "Zenda Hosts Wetland Forum\n\nSTRELBURG, 4 May 2023 – The Zenda Wetland Forum opened here today "
        "with 200 delegates.",
        "Zenda and Borduria Hold Water Dialogue\n\nSTRELBURG, 4 May 2023 – The Lake Institute and the River "
        "Agency co-organized a water dialogue on 3-4 May.",
    ],
    "Strelburg": [
        "Water Week Ends\n\nStrelburg, 9 June 2022 – The Zenda Water Week concluded here today after two days "
        "of talks.",
        "Lab Opens\n\nThe new laboratory was inaugurated at the Zenda Technical University in the Borduran "
        "capital Strelburg on Monday.",
    ],
    None: [
        "Training Goes Online\n\nThe Lake Institute, based in Strelburg, delivered a training course via Zoom "
        "on 3 March 2023 for 40 officials from five provinces.",
    ],
    "Kellen": [
        "Basin Meeting Held\n\nThe River Agency held a basin meeting in Kellen on 5 April 2021. "
        "The two sides agreed to hold the next meeting in Strelburg later this year.",
    ],
}


@pytest.mark.parametrize(("expected", "text"), [(k, t) for k, ts in LOCATION_TABLE.items() for t in ts])
def test_location_table(expected: str | None, text: str) -> None:
    event = event_of(text)
    assert event is not None
    assert event.location == expected


MODE_TABLE: dict[str, list[str]] = {
    "hybrid": [
        "Zenda and Borduria Co-host Hybrid Workshop on Wetlands\n\nThe workshop took place on 3 May 2023.",
        "Wetland Workshop Held\n\nThe workshop was held at the Lakeside Hotel in Strelburg and online via Zoom "
        "on 3 May 2023.",
        "Committee Meets\n\nThe committee held its meeting in Strelburg on 3 May 2023, with part of the "
        "delegation joining by video link from Kellen.",
    ],
    "online": ["Committee Meets\n\nThe committee held its meeting via video link on 3 May 2023."],
}


@pytest.mark.parametrize(("expected", "text"), [(k, t) for k, ts in MODE_TABLE.items() for t in ts])
def test_mode_table(expected: str, text: str) -> None:
    event = event_of(text)
    assert event is not None
    assert event.mode == expected


DAYS_TABLE: dict[str, list[str]] = {
    "2023-05-04/2023-05-05": [
        "Forum Opens\n\nSTRELBURG, 4 May 2023 – A two-day forum on river health opened here today.",
    ],
    "2023-05-03/2023-05-04": [
        "Forum Ends\n\nSTRELBURG, 4 May 2023 – The river forum concluded here today after two days of talks.",
    ],
    "2023-05-04": ["Forum Held\n\nA two-day forum on river health was held in Kellen on 4 May 2023."],
}


@pytest.mark.parametrize(("expected", "text"), [(k, t) for k, ts in DAYS_TABLE.items() for t in ts])
def test_days_from_duration(expected: str, text: str) -> None:
    event = event_of(text)
    assert event is not None
    assert event.date == expected


def test_without_an_event_nobody_attends() -> None:
    text = (
        "Rivers Need Better Rules\n\nBy Ana Kovac\n\nThe river has shrunk for ten years. "
        "Minister Ivo Marek of Zenda once called it the lifeline of the region. "
        "Farmers say the old rules no longer work."
    )
    article = lmcoop.parse(text)
    assert article.event is None
    assert all(p.role == "mentioned" for p in article.people)


def test_every_lower_case_letter_is_asked_about() -> None:
    """`_prose` asks `str.islower` only where its pattern sees a possible pair: it must see them all."""
    pattern = RULES.compiled(events._build).maybe_lower
    lower = [c for c in map(chr, range(0x110000)) if c.islower()]
    assert [c for c in lower if pattern.fullmatch(c + c) is None] == []


@pytest.mark.parametrize(
    ("chunk", "prose"),
    [("A, B, C, D", False), ("THE FORUM OPENS", False), ("The forum opens", True), ("ʕʕ", True), ("ªB", False)],
)
def test_prose(chunk: str, prose: bool) -> None:
    assert events._prose(RULES.compiled(events._build), chunk) is prose


# --- the last day from an end cue: expected date → texts (start day and cue tied to the event) ----------

END_CUE_TABLE: dict[str, list[str]] = {
    "2024-03-04/2024-03-08": [
        "Water Exhibition Opens in Kellen\n\nThe regional water exhibition opened at the Kellen Trade Hall on "
        "4 March 2024 and will close on 8 March 2024.",
        "Water Exhibition Opens in Kellen\n\nThe regional water exhibition opened in Kellen on 4 March 2024. "
        "It runs until 8 March 2024.",
    ],
    # a weekday the dates stage put before the first day is the next one of that name
    "2024-03-06/2024-03-10": [
        "Water Exhibition Opens in Kellen\n\nSTREL, 6 March 2024 – The regional water exhibition opened Wednesday "
        "in Strel with 90 exhibitors. The exhibition shows pumps and filters from six countries. It runs until Sunday.",
    ],
    "2024-09-02/2024-09-11": [
        "Mapping Course Opens\n\nOn 2 September 2024, the agency opened a ten-day training course on wetland mapping "
        "for 30 rangers in Strel. The course is held at the Strel field station and will close on 11 September 2024.",
        # no end cue: the length in the same sentence gives the range
        "Mapping Course Opens\n\nOn 2 September 2024, the agency opened a ten-day training course on wetland mapping "
        "for 30 rangers in Strel.",
    ],
    # the day people gather for a several-day event is its first day
    # a range the dates stage reads
    "2024-03-04/2024-03-06": [
        "The seminar on river health was held in Kellen from 4 to 6 March 2024.",
        "The seminar on river health was held in Kellen on 4-6 March 2024.",
    ],
    "2024-03-05/2024-03-06": [
        "Heat Seminar in Kellen\n\nExperts from the two countries gathered in Kellen on 5 March 2024 for a two-day "
        "seminar on urban heat.",
    ],
    # negatives: the cue ends another thing, names a year, or lies too far off; a length elsewhere
    "2024-03-04": [
        "Water Exhibition Opens in Kellen\n\nThe regional water exhibition opened in Kellen on 4 March 2024. Buyers "
        "from six provinces came to the stands. Registration for the next exhibition closes on 20 March 2024.",
        "Water Exhibition Opens in Kellen\n\nThe regional water exhibition opened in Kellen on 4 March 2024. The "
        "exhibition's outreach programme runs until 2026.",
        "Water Exhibition Opens in Kellen\n\nThe regional water exhibition opened in Kellen on 4 March 2024. It runs "
        "until 30 June 2024.",
        "Forum Opens\n\nThe river forum on basin planning opened in Kellen on 4 March 2024. More than 300 delegates "
        "came from the basin. It is a five-day forum.",
    ],
}


@pytest.mark.parametrize(("expected", "text"), [(k, t) for k, ts in END_CUE_TABLE.items() for t in ts])
def test_range_from_end_cue(expected: str, text: str) -> None:
    event = event_of(text)
    assert event is not None
    assert event.date == expected


# --- an earlier signing told in passing is not the event: expected (kind, date, place) → texts ---------

PAST_REFERENCE_TABLE: dict[tuple[str, str, str], list[str]] = {
    # a relative clause; a date years before the publication date
    ("other", "2024-03-02", "Kellen"): [
        "Kellen and Strel plant 20,000 mangroves on the coast\n\nVolunteers from the two towns planted 20,000 "
        "mangrove seedlings on the coast in Kellen on 2 March 2024. The mayor recalled the Protocol on Coastal "
        "Care, which the two towns signed on 12 May 2015 in Strel.",
        "Kellen and Strel plant 20,000 mangroves on the coast\n\n2024-03-04 Article type: News\n\nVolunteers from "
        "the two towns planted 20,000 mangrove seedlings on the coast in Kellen on 2 March 2024. The mayor "
        "recalled the memorandum of understanding the two towns signed on 12 May 2015 in Strel.",
    ],
    # negatives: the signing reported is the event (a relative clause after it; a passive)
    ("signing_ceremony", "2024-03-01", "Kellen"): [
        "Kellen and Strel agencies agree on coastal monitoring\n\nThe two agencies signed a memorandum of "
        "understanding on 1 March 2024 in Kellen, which covers coastal monitoring.",
        "Coastal memorandum\n\nThe memorandum was signed by the two ministers in Kellen on 1 March 2024.",
        # a clause whose day is near the publication date tells the signing reported
        "Coastal memorandum covers ten beaches\n\n2024-03-04 Article type: News\n\nThe memorandum on coastal "
        "care, signed by the two mayors in Kellen on 1 March 2024, covers ten beaches.",
    ],
    # a relative clause with no date at all
    ("other", "2024-03-04", "Kellen"): [
        "Kellen and Strel plant mangroves\n\n2024-03-06 Article type: News\n\nVolunteers planted 5,000 mangroves "
        "in Kellen on 4 March 2024. They recalled the memorandum, which the two towns signed in Strel.",
    ],
}


@pytest.mark.parametrize(("expected", "text"), [(k, t) for k, ts in PAST_REFERENCE_TABLE.items() for t in ts])
def test_past_reference_is_not_the_event(expected: tuple[str, str, str], text: str) -> None:
    event = event_of(text)
    assert event is not None
    assert (event.kind, event.date, event.location) == expected
    assert event.trigger is not None and text[event.trigger.start : event.trigger.end] == event.trigger.text


NO_LEAD_EVENT = [
    # a statement's day, and a lead day far from the publication date, name no happening
    "Kellen Centre director on coastal science\n\n2024-03-04 Article type: News\n\nThe director of the Kellen "
    "Centre said on Monday that coastal science needs more money. The centre was founded in 1999.",
    "Kellen and Strel plant mangroves\n\n2024-03-04 Article type: News\n\nVolunteers from the two towns planted "
    "mangrove seedlings on the coast in Kellen on 2 May 2023. They have come back every year.",
]


@pytest.mark.parametrize("text", NO_LEAD_EVENT)
def test_lead_without_a_happening_names_no_event(text: str) -> None:
    assert event_of(text) is None


# --- the day the sentence gives beats its dateline's: expected → texts -------------------------------------

DATELINE_TABLE: dict[str, list[str]] = {
    "2024-03-04": [
        "Agencies hold coastal dialogue\n\nNotice 12 | 05.03.2024 | Coastal Division\n\nKellen, 5 March — The "
        "ministry held a dialogue on coastal care by videoconference on 4 March, with five agencies.",
        "Notice 12 | 05.03.2024 | Coastal Division\n\nKellen, 5 March — The ministry held the coastal dialogue by "
        "videoconference on 4 March with five agencies from the region.",
    ],
}


@pytest.mark.parametrize(("expected", "text"), [(k, t) for k, ts in DATELINE_TABLE.items() for t in ts])
def test_body_day_beats_dateline_day(expected: str, text: str) -> None:
    event = event_of(text)
    assert event is not None
    assert event.date == expected


def test_dateline_day_alone_still_dates_the_event() -> None:
    text = "KELLEN, 5 March. The two ministries have signed a memorandum of understanding on coastal care."
    dateline = mention(text, "5 March", "2024-03-05")
    assert find(text, dateline, published=dateline).date == "2024-03-05"


@pytest.mark.parametrize(
    "text",
    [
        "It runs until " * 20000 + "Monday.",
        "Fair\n\n, which signed " * 20000,
        "Fair\n\nVolunteers planted seeds on 2 March 2024" + "ed " * 100000,
    ],
    ids=range(3),
)
def test_hostile_end_cue_and_clause_input_finishes(text: str) -> None:
    """Hostile input: runs, no wall-time assertion."""
    lmcoop.parse(text)
