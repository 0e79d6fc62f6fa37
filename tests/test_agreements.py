"""Agreements: example tables per shape (our own sentences), linking with hand-built records, properties.

The tables run the whole parser, so they assert what this stage decides (kind, mention, count,
status, one record per instrument). The linking tests build the earlier stages' records by hand so
that parties, signatories and dates are tested without depending on how well those stages do.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from lmcoop.document import Document
from lmcoop.extract import agreements, events
from lmcoop.models import DateMention, Organization, Person, Span
from lmcoop.pipeline import Found
from lmcoop.rules import RuleSet

RULES = RuleSet.default()


def kinds(text: str) -> list[tuple[str, str]]:
    return [(a.kind, a.text) for a in lmcoop.parse(text).agreements]


# --- kinds and mentions: expected (kind, text) → sentences --------------------------------------------

KIND_TABLE: dict[tuple[str, str], list[str]] = {
    ("mou", "a Memorandum of Understanding (MoU)"): [
        "The Borduria Water Institute signed a Memorandum of Understanding (MoU) with the Ruritania Forest Agency.",
        "Officials from both countries welcomed a Memorandum of Understanding (MoU) on river monitoring.",
    ],
    ("mou", "a memorandum of understanding"): [
        "Ruritania and Borduria have signed a memorandum of understanding on wetland protection.",
    ],
    ("agreement", "a strategic cooperation agreement"): [
        "Minister Alma Ostrova signed a strategic cooperation agreement with the Lake Research Centre.",
    ],
    ("agreement", "the Ruritania-Borduria Laboratory Equipment Donation Agreement"): [
        "Dr. Ivo Marek signed the Ruritania-Borduria Laboratory Equipment Donation Agreement with Ms. Lena Sova.",
    ],
    ("letter_of_intent", "a Letter of Intent"): [
        "The two universities also signed a Letter of Intent to create a joint degree.",
    ],
    ("joint_statement", "a joint communiqué"): [
        "At the end of the meeting the ministers issued a joint communiqué on clean air.",
    ],
    ("declaration", "The Zenda Declaration"): [
        "The Zenda Declaration stresses the importance of clean rivers.",
    ],
    ("action_plan", "the Ruritania-Borduria Environmental Cooperation Action Plan 2024-2028"): [
        "The seminar discussed the Ruritania-Borduria Environmental Cooperation Action Plan 2024-2028 in detail.",
    ],
    ("strategy", "the Borduria-Ruritania Strategy on Environmental Cooperation (2021-2025)"): [
        "Delegates reviewed the Borduria-Ruritania Strategy on Environmental Cooperation (2021-2025) yesterday.",
    ],
    ("framework", "the Zenda Regional Biodiversity Framework"): [
        "Both sides support the implementation of the Zenda Regional Biodiversity Framework.",
    ],
}


@pytest.mark.parametrize(("expected", "sentence"), [(k, s) for k, sentences in KIND_TABLE.items() for s in sentences])
def test_kind_and_mention(expected: tuple[str, str], sentence: str) -> None:
    assert expected in kinds(sentence)


NOT_INSTRUMENTS = [
    "The two sides reached an agreement to deepen their ties.",
    "They proposed future plans under the framework of the Green Silk Initiative.",
    "The programme provides a framework of cooperation for both institutes.",
    "Experts discussed Borduria's carbon neutrality strategy and its action plans.",
    "The workshop supported action plan development in three provinces.",
    "The centre follows the National Strategy on Waste of Borduria.",
    "Participants agreed with the speaker.",
]


@pytest.mark.parametrize("sentence", NOT_INSTRUMENTS)
def test_words_that_name_no_instrument(sentence: str) -> None:
    assert kinds(sentence) == []


# --- one instrument, several mentions -----------------------------------------------------------------

SAME_INSTRUMENT = [
    # a definite mention points back
    "Ruritania and Borduria signed a Memorandum of Understanding (MoU) on Monday. The MoU covers river data.",
    # an agreement word may point back to a memorandum
    "The Lake Institute signed a memorandum of understanding with the River Agency. "
    "The agreement is a response to the floods.",
    # the same words twice
    "Ruritania and Borduria are implementing a memorandum of understanding on forests. "
    "Their leaders signed a memorandum of understanding in 2014 to that end.",
    # a name given again, shorter
    "The Zenda Environmental Cooperation Strategy and Action Framework 2023-2027 was adopted. "
    "Work continued under the Zenda Environmental Cooperation Strategy and Action Framework.",
]


@pytest.mark.parametrize("text", SAME_INSTRUMENT)
def test_one_instrument_mentioned_twice_is_one_record(text: str) -> None:
    assert len(lmcoop.parse(text).agreements) == 1


def test_also_signed_the_same_words_is_another_instrument() -> None:
    text = (
        "The Lake Institute signed a memorandum of understanding with the River Agency. "
        "The Forest Academy also signed a memorandum of understanding with the Soil Bureau."
    )
    assert len(lmcoop.parse(text).agreements) == 2


def test_headline_mention_joins_the_body_record_and_body_gives_the_text() -> None:
    text = (
        "Minister Signs a Memorandum of Understanding with the Lake Institute\n\n"
        "On 4 April 2019, Mr. Ivo Marek and Ms. Lena Sova signed a Memorandum of Understanding (MoU) "
        "on water research.\n"
    )
    found = lmcoop.parse(text).agreements
    assert [(a.kind, a.text) for a in found] == [("mou", "a Memorandum of Understanding (MoU)")]


def test_plural_mention_keeps_its_count() -> None:
    (record,) = lmcoop.parse("Ruritania and Borduria have signed three memoranda of understanding (MoUs).").agreements
    assert (record.kind, record.count, record.text) == ("mou", 3, "three memoranda of understanding (MoUs)")


def test_umbrella_gives_way_to_its_members() -> None:
    text = (
        "Two agreements between the Zenda University and the Strel Institute have been signed. "
        "The two agreements include a Memorandum of Understanding on hydrology and a Letter of Intent "
        "to create a joint degree."
    )
    found = lmcoop.parse(text).agreements
    assert [a.kind for a in found] == ["mou", "letter_of_intent"]
    assert all(a.status == "signed" for a in found)


# --- status: expected status → sentences ---------------------------------------------------------------

STATUS_TABLE: dict[str, list[str]] = {
    "signed": [
        "Ruritania and Borduria signed a memorandum of understanding on forests.",
        "A memorandum of understanding was inked by the two agencies.",
        "The centre concluded a cooperative agreement with the Lake Institute in 2020.",
    ],
    "adopted": [
        "The council adopted the Zenda Concept for Cooperation in 2018.",
        "The ministers issued a joint statement on clean air.",
        "The Zenda Declaration stresses the value of wetlands.",
    ],
    "planned": [
        "The two ministries will sign a memorandum of understanding next year.",
        "They also plan to sign a memorandum of understanding on student exchange.",
        "A memorandum of understanding on river data is to be formally signed in May.",
        "The agency will work with its partners to jointly develop the Zenda River Action Framework 2025-2030.",
    ],
    "proposed": [
        "Talks continued on negotiations for an international plastic pollution agreement.",
    ],
    "in_force": [
        "Both sides discussed the implementation of the Zenda Regional Biodiversity Framework.",
    ],
    "mentioned": [
        "Experts spoke about the new mercury convention.",
    ],
}


@pytest.mark.parametrize(("status", "sentence"), [(k, s) for k, ss in STATUS_TABLE.items() for s in ss])
def test_status(status: str, sentence: str) -> None:
    found = lmcoop.parse(sentence).agreements
    assert found, sentence
    assert found[0].status == status


def test_a_verb_after_a_list_belongs_to_what_follows_it() -> None:
    text = (
        "Participants reviewed progress under the Zenda Agreement and the Strel Global Wetland Framework, "
        "and called for the adoption of a joint declaration at the next meeting."
    )
    statuses = [(a.kind, a.status) for a in lmcoop.parse(text).agreements]
    # work done "under" an agreement says it is in force; the framework after it is only named
    assert statuses == [("agreement", "in_force"), ("framework", "mentioned"), ("declaration", "proposed")]


def test_a_verb_before_a_list_reaches_every_item() -> None:
    text = (
        "The plan will contribute to the implementation of the Zenda Strategic Plan on Environment, "
        "the Strel Community Blueprint 2025, and the 2030 Agenda for Sustainable Development."
    )
    statuses = [(a.kind, a.status) for a in lmcoop.parse(text).agreements]
    assert statuses == [("strategy", "in_force"), ("framework", "in_force"), ("framework", "in_force")]


def test_a_verb_after_a_complement_is_still_the_mentions_own() -> None:
    (record,) = lmcoop.parse(
        "An agreement on the establishment of the centre was also signed by both sides."
    ).agreements
    assert record.status == "signed"


# --- linking to the earlier stages, with records built by hand -----------------------------------------


def span_of(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def org(text: str, name: str, *extra: str, acronym: str | None = None) -> Organization:
    spans = [span_of(text, name), *(span_of(text, e) for e in extra)]
    mentions = tuple(Span(text=text[s:e], start=s, end=e) for s, e in spans)
    s, e = spans[0]
    return Organization(text=text[s:e], start=s, end=e, name=name, acronym=acronym, mentions=mentions)


def person(text: str, name: str, organization: str | None = None, country: str | None = None) -> Person:
    s, e = span_of(text, name)
    span = Span(text=name, start=s, end=e)
    return Person(text=name, start=s, end=e, name=name, organization=organization, country=country, mentions=(span,))


def date(text: str, surface: str, value: str) -> DateMention:
    s, e = span_of(text, surface)
    return DateMention(text=surface, start=s, end=e, value=value)


def run(text: str, **records: object) -> list[lmcoop.Agreement]:
    doc = Document(text)
    found = events.extract(doc, RULES, Found(**records))  # type: ignore[arg-type]
    return list(agreements.extract(doc, RULES, found).agreements)


def test_parties_between_two_organizations() -> None:
    text = (
        "In 2018 the centre promoted the signing of a Memorandum of Understanding between the "
        "Zenda Academy of Sciences and the Borduria Ministry of Environment."
    )
    orgs = (org(text, "Zenda Academy of Sciences"), org(text, "Borduria Ministry of Environment"))
    (record,) = run(text, organizations=orgs, dates=(date(text, "2018", "2018"),))
    assert record.parties == ("Zenda Academy of Sciences", "Borduria Ministry of Environment")
    assert (record.status, record.date) == ("signed", "2018")


def test_parties_are_the_subject_that_signed_and_the_body_with_whom() -> None:
    text = "In 2020, the Lake Institute signed a cooperative agreement with the River Basin Centre."
    orgs = (org(text, "Lake Institute"), org(text, "River Basin Centre"))
    (record,) = run(text, organizations=orgs, dates=(date(text, "2020", "2020"),))
    assert record.parties == ("Lake Institute", "River Basin Centre")
    assert record.date == "2020"


def test_countries_that_signed_are_parties() -> None:
    text = "Ruritania and Borduria have signed three memoranda of understanding on forests."
    rules = RULES.extend({"countries": {"Ruritania": {}, "Borduria": {}}})
    found = agreements.extract(Document(text), rules, Found()).agreements
    assert found[0].parties == ("Ruritania", "Borduria")


def test_signatories_of_an_active_signing_with_someone() -> None:
    text = (
        "Ambassador Alma Ostrova, on behalf of Mr. Petr Kral, Minister of Water, signed the Zenda "
        "Laboratory Donation Agreement with Ivo Marek."
    )
    people = (
        person(text, "Alma Ostrova", country="Borduria"),
        person(text, "Petr Kral", organization="Ministry of Water"),
        person(text, "Ivo Marek", organization="Lake Institute"),
    )
    (record,) = run(text, people=people)
    assert record.signatories == ("Alma Ostrova", "Ivo Marek")
    assert record.parties == ("Ministry of Water", "Lake Institute")


def test_signatories_of_a_passive_signing() -> None:
    text = "The memorandum was signed by Lake Institute Director Ivo Marek and River Agency Chair Lena Sova in Zenda."
    people = (
        person(text, "Ivo Marek", organization="Lake Institute"),
        person(text, "Lena Sova", organization="River Agency"),
    )
    (record,) = run(text, people=people)
    assert record.signatories == ("Ivo Marek", "Lena Sova")
    assert record.parties == ("Lake Institute", "River Agency")


def test_the_one_who_reports_a_signing_is_no_signatory() -> None:
    text = "Minister Ivo Marek said the two countries signed the Joint Statement on Clean Air in 2019."
    (record,) = run(text, people=(person(text, "Ivo Marek", country="Borduria"),))
    assert (record.status, record.signatories, record.parties) == ("signed", (), ())


def test_signatories_belong_to_the_subject_not_to_a_relative_clause() -> None:
    text = "The Memorandum, which builds on a similar MOU agreed in 2004, was signed by Ivo Marek and Lena Sova."
    people = (person(text, "Ivo Marek"), person(text, "Lena Sova"))
    found = run(text, people=people, dates=(date(text, "2004", "2004"),))
    by_text = {a.text: a for a in found}
    assert by_text["The Memorandum"].signatories == ("Ivo Marek", "Lena Sova")
    assert by_text["a similar MOU"].signatories == ()
    assert by_text["a similar MOU"].date == "2004"
    assert by_text["The Memorandum"].date is None


def test_date_inside_the_name_is_not_the_signing_date() -> None:
    text = "The ministers adopted the Zenda Action Plan 2024-2028 at the forum."
    (record,) = run(text, dates=(date(text, "2024-2028", "2024/2028"),))
    assert record.date is None


def test_signed_at_the_event_takes_the_event_date() -> None:
    text = (
        "Signing Ceremony Held in Zenda\n\nOn October 18, the signing ceremony was held at the Lake Institute. "
        "Lastly, the director signed the Zenda Water Laboratory Donation Agreement."
    )
    title = Span(text="Signing Ceremony Held in Zenda", start=0, end=30)
    (record,) = run(text, title=title, dates=(date(text, "October 18", "XXXX-10-18"),))
    assert (record.status, record.date) == ("signed", "XXXX-10-18")


def test_a_communique_binds_those_the_headline_says_met() -> None:
    text = "The 9th Presidents Meeting among ZIES, SIER and BRAES\n\nThe presidents issued a joint communiqué."
    title = Span(text="The 9th Presidents Meeting among ZIES, SIER and BRAES", start=0, end=53)
    (record,) = run(text, title=title)
    assert (record.kind, record.status, record.parties) == ("joint_statement", "adopted", ("ZIES", "SIER", "BRAES"))


def test_an_instrument_named_beside_another_shares_its_parties() -> None:
    text = (
        "The Lake Institute and the River Agency have signed a memorandum of understanding. "
        "The Memorandum, which builds on a similar MOU agreed in 2004, was signed in Zenda."
    )
    orgs = (org(text, "Lake Institute"), org(text, "River Agency"))
    found = run(text, organizations=orgs, dates=(date(text, "2004", "2004"),))
    assert [(a.text, a.parties) for a in found] == [
        ("a memorandum of understanding", ("Lake Institute", "River Agency")),
        ("a similar MOU", ("Lake Institute", "River Agency")),
    ]


def test_parties_from_a_hyphenated_name() -> None:
    text = "Delegates reviewed the ASEAN-China Strategy on Environmental Cooperation."
    orgs = (org(text, "ASEAN"),)
    (record,) = run(text, organizations=orgs)
    assert record.parties == ("ASEAN", "China")


# --- properties ----------------------------------------------------------------------------------------

WORDS = [
    *"abcdefgXYZ ,.-()\n“”'",
    *("memorandum ", "of ", "understanding ", "MoU ", "(MoU) ", "the ", "a ", "three ", "agreements "),
    *("signed ", "Agreement ", "Action Plan ", "Strategy ", "Framework ", "Joint Communiqué ", "between "),
    *("Ruritania ", "and ", "China ", "with ", "was ", "by ", "2023-2027 ", "on ", "Letter of Intent "),
]
AGREEMENT_TEXT = st.lists(st.sampled_from(WORDS), max_size=80).map("".join)


@given(AGREEMENT_TEXT)
def test_agreement_offsets_slice_and_output_is_deterministic(text: str) -> None:
    first = lmcoop.parse(text).agreements
    for record in first:
        assert text[record.start : record.end] == record.text
        assert record.count is None or record.count > 1
    assert lmcoop.parse(text).agreements == first


@given(st.text(max_size=200))
def test_any_string_gives_agreements_without_raising(text: str) -> None:
    for record in lmcoop.parse(text).agreements:
        assert text[record.start : record.end] == record.text


# Hostile inputs: this stage must simply finish on them (its regexes are linear and its lookups
# bisect); run on its own so the test does not time other stages. No tight timing is asserted.
HOSTILE = [
    "(" * 100_000,
    "?" * 100_000 + "x",
    "Agreement " * 20_000,
    "Agreement\n" * 20_000,
    "A, B, C, " * 100_000,
    "the " * 30_000 + "memorandum of understanding",
    "Memorandum of Understanding (" * 10_000,
    "signed between " * 20_000,
    "reached an agreement " * 20_000,
    "".join(f"An agreement on topic {i} was signed by the Lake Institute. " for i in range(3_000)),
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_finishes(text: str) -> None:
    found = agreements.extract(Document(text), RULES, Found())
    for record in found.agreements:
        assert text[record.start : record.end] == record.text


# Case folding that changes length ("İ" folds to "i̇"), ligatures and accents must not break lookups.
ODD_CASE = [
    ("The ministers SİGNED a MEMORANDUM OF UNDERSTANDİNG.", ("mou", "signed")),
    ("İMPLEMENTATİON OF the MoU continued.", ("mou", "in_force")),
    ("The ﬁnal aGREEMENT was signed.", ("agreement", "signed")),
    ("The JOINT COMMUNIQUÉ was adopted.", ("joint_statement", "adopted")),
]


@pytest.mark.parametrize(("text", "expected"), ODD_CASE)
def test_odd_case_folds_to_the_same_words(text: str, expected: tuple[str, str]) -> None:
    assert [(a.kind, a.status) for a in lmcoop.parse(text).agreements] == [expected]


# --- "the two sides" and other links to the lead (hand-built records, our own sentences) ---------------

ANAPHOR_TABLE: list[str] = [
    "The Lake Institute and the River Agency held a workshop in Strel. The two sides signed a memorandum of "
    "understanding on flood data.",
    "The Lake Institute and the River Agency held a workshop in Strel. The MoU was signed by the two "
    "institutions in 2021.",
    "The Lake Institute and the River Agency held a workshop in Strel. Both sides also plan to sign a letter "
    "of intent on wetlands.",
    "The Lake Institute (LI) under the Zenda Ministry of Water and the River Agency held a workshop in Strel. "
    "The two agencies signed a memorandum of understanding.",
]


@pytest.mark.parametrize("text", ANAPHOR_TABLE)
def test_the_two_sides_are_the_bodies_the_lead_lists(text: str) -> None:
    names = ["Lake Institute", "River Agency"] + (["Zenda Ministry of Water"] if "Ministry" in text else [])
    orgs = tuple(org(text, name) for name in names)
    (record,) = run(text, organizations=orgs)
    assert record.parties == ("Lake Institute", "River Agency")


def test_signed_with_names_the_other_party() -> None:
    text = "The study is funded under a service contract signed with the Strel Survey Company in May 2023."
    (record,) = run(
        text, organizations=(org(text, "Strel Survey Company"),), dates=(date(text, "May 2023", "2023-05"),)
    )
    assert (record.parties, record.date, record.status) == (("Strel Survey Company",), "2023-05", "signed")


DATE_TABLE: dict[str | None, list[tuple[str, str, str]]] = {
    # expected date → (text, date surface, date value); the instrument is the first agreement found
    "2021-12": [
        (
            "The bridge is an outcome of the Zenda-Strel Action Plan (2022-2026), which the two countries "
            "signed in December 2021.",
            "December 2021",
            "2021-12",
        ),
    ],
    "2019": [
        (
            "Zenda and Strel signed a memorandum of understanding on rivers in 2019 and a protocol in 2021.",
            "2019",
            "2019",
        ),
    ],
    None: [("The ministers approved an action plan for 2022-2024 covering air and water.", "2022-2024", "2022/2024")],
}


@pytest.mark.parametrize(
    ("expected", "text", "surface", "value"), [(k, *row) for k, rows in DATE_TABLE.items() for row in rows]
)
def test_signing_dates(expected: str | None, text: str, surface: str, value: str) -> None:
    first = run(text, dates=(date(text, surface, value),))[0]
    assert first.date == expected


def test_each_instrument_takes_the_date_after_it() -> None:
    text = "Zenda and Strel signed a memorandum of understanding on rivers in 2019 and a protocol in 2021."
    records = run(text, dates=(date(text, "2019", "2019"), date(text, "2021", "2021")))
    assert [(r.kind, r.date) for r in records] == [("mou", "2019"), ("protocol", "2021")]


def test_a_year_opening_the_name_is_when_it_was_made() -> None:
    text = "The 2012 Zenda River Sharing Agreement covers only one tributary."
    (record,) = run(text)
    assert (record.text, record.date) == ("The 2012 Zenda River Sharing Agreement", "2012")


def test_signed_at_the_close_of_the_event_takes_its_last_day() -> None:
    text = (
        "Zenda Water Forum Held\n\nThe Zenda Water Forum was held in Strel on 8-9 May 2023. "
        "At the close of the forum, the delegates adopted the Strel Declaration on Rivers."
    )
    title = Span(text="Zenda Water Forum Held", start=0, end=22)
    (record,) = run(text, title=title, dates=(date(text, "8-9 May 2023", "2023-05-08/2023-05-09"),))
    assert (record.status, record.date) == ("adopted", "2023-05-09")


STATUS_TABLE: dict[str, list[str]] = {
    "in_force": [
        "The course is part of the Zenda-Strel Action Plan on Clean Air 2021-2025.",
        "The station was built under the Zenda-Strel Agreement on River Data.",
    ],
    "signed": [
        "The two institutes renewed their memorandum of understanding for five more years.",
        "The agencies exchanged a letter of intent on wetland data.",
        "The ministers signed the proposed protocol on rivers.",
    ],
    "proposed": ["Delegates discussed a draft joint statement on plastics, which is expected to be adopted next year."],
}


@pytest.mark.parametrize(("expected", "text"), [(k, t) for k, ts in STATUS_TABLE.items() for t in ts])
def test_status_table(expected: str, text: str) -> None:
    (record,) = lmcoop.parse(text).agreements
    assert record.status == expected


def test_a_dated_national_plan_is_an_instrument() -> None:
    text = "The project helps implement the National Action Plan on River Plastics 2021-2030 in Zenda."
    (record,) = lmcoop.parse(text).agreements
    assert (record.kind, record.name) == ("action_plan", "National Action Plan on River Plastics 2021-2030")


def test_the_renewal_was_signed_by_names_the_signatories() -> None:
    text = (
        "The Lake Institute and the River Agency renewed their Memorandum of Cooperation on 3 May. "
        "The renewal was signed by Ivo Marek and Lena Sova."
    )
    people = (person(text, "Ivo Marek"), person(text, "Lena Sova"))
    orgs = (org(text, "Lake Institute"), org(text, "River Agency"))
    (record,) = run(text, people=people, organizations=orgs)
    assert (record.signatories, record.status) == (("Ivo Marek", "Lena Sova"), "signed")


@pytest.mark.parametrize(
    "text",
    [
        "Agreement " * 20_000,
        ", ".join(chr(65 + i % 26) for i in range(350_000)),
        "The two sides signed a memorandum. " * 5_000,
        "ZENDA, 4 May 2023 – Hybrid workshop held at the Lake Hotel in Strel and online. " * 5_000,
    ],
    ids=["agreement-words", "letter-list", "two-sides", "datelines"],
)
def test_hostile_input_stays_linear(text: str) -> None:
    """HOSTILE: must finish (in about a second); wall time is not asserted."""
    doc = Document(text)
    found = events.extract(doc, RULES, Found())
    agreements.extract(doc, RULES, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides agreed to draft a joint work plan for 2025-2026.", [("action_plan", "planned")]),
        ("The ministers endorsed a roadmap on clean rivers.", [("action_plan", "adopted")]),
        ("The agency presented its work plan for next year.", []),
    ],
)
def test_work_plans_and_roadmaps(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.kind, a.status) for a in lmcoop.parse(text).agreements] == expected


def test_the_two_institutions_are_the_two_bodies_the_lead_names_apart() -> None:
    text = (
        "Zenda officials completed a training course. Officials of the Lake Institute (LI) took part. "
        "The course was run by the River Agency under a cooperation agreement signed by the two institutions "
        "in 2022."
    )
    orgs = (org(text, "Lake Institute"), org(text, "River Agency"))
    (record,) = run(text, organizations=orgs, dates=(date(text, "2022", "2022"),))
    assert (record.parties, record.date) == (("Lake Institute", "River Agency"), "2022")


def test_a_headline_verb_is_not_part_of_the_instrument_name() -> None:
    text = (
        "Kenya and Vietnam Sign Memorandum of Understanding on Coastal Restoration\n\n"
        "On 4 March 2024, the two ministries signed the memorandum in Nairobi."
    )
    names = [a.name for a in lmcoop.parse(text).agreements]
    assert names == ["Memorandum of Understanding on Coastal Restoration"]
