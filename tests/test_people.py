"""People: our own sentences per shape → name, honorific, position, organization, country, role."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lmcoop

Row = tuple[str, str | None, str | None, str | None, str | None, str]
TABLE: list[tuple[str, list[Row]]] = [
    (
        "Wu Pingan, Deputy Director of the Northern Wetland Research Center (NWRC), attended the forum.",
        [("Wu Pingan", None, "Deputy Director", "Northern Wetland Research Center", None, "attendee")],
    ),
    (
        "Vietnamese Vice Minister of Coastal Affairs Tran Van Hoa said the plan works.",
        [("Tran Van Hoa", None, "Vice Minister", None, "Vietnam", "attendee")],
    ),
    (
        "At the invitation of Thai Ambassador to China H. E. BOONMA K SRISAI, the talks began.",
        [("BOONMA K SRISAI", "H. E.", "Ambassador", None, "Thailand", "attendee")],
    ),
    (
        "Prof Dr HAN, Min delivered remarks on behalf of Mr. Ole Brandt, Minister of Rivers of Norway.",
        [
            ("HAN, Min", "Prof Dr", None, None, None, "attendee"),
            ("Ole Brandt", "Mr.", "Minister", None, "Norway", "mentioned"),
        ],
    ),
    (
        "The talks were co-chaired by H.E. Dr. Tran Minh Duc, Vice Minister of Forests of Viet Nam, and Mr. Lin Bo, "
        "Deputy Director-General of the Department of Lakes of MLR.",
        [
            ("Tran Minh Duc", "H.E. Dr.", "Vice Minister", None, "Vietnam", "attendee"),
            ("Lin Bo", "Mr.", "Deputy Director-General", "Department of Lakes", None, "attendee"),
        ],
    ),
    (
        "Samdech Techo Chea Rith presided over the ceremony.",
        [("Chea Rith", "Samdech Techo", None, None, None, "attendee")],
    ),
    (
        "ZHOU Lanfang, then Premier of the State Council, visited the dam in 1998.",
        [("ZHOU Lanfang", None, "Premier", "State Council", None, "mentioned")],
    ),
    (
        "Russian Minister of Forests Ivan Petrovsky met the press.",
        [("Ivan Petrovsky", None, "Minister", None, "Russia", "attendee")],
    ),
    (
        "Lok Chumteav Ly Sokha, Secretary of State of the Ministry of Rivers, attended the workshop.",
        [("Ly Sokha", "Lok Chumteav", "Secretary", "Ministry of Rivers", None, "attendee")],
    ),
    (
        "Research fellows from the Coastal Research Institute, including Ma Lin, Fu Qiang, and Tao Yu, spoke.",
        [
            ("Ma Lin", None, "Research fellow", "Coastal Research Institute", None, "attendee"),
            ("Fu Qiang", None, "Research fellow", "Coastal Research Institute", None, "attendee"),
            ("Tao Yu", None, "Research fellow", "Coastal Research Institute", None, "attendee"),
        ],
    ),
    (
        "The Ministry of Lakes (Minister Park Ji-ho) held talks; the Kenyan delegation was led by Dr. Amani Otieno.",
        [
            ("Park Ji-ho", None, "Minister", "Ministry of Lakes", None, "mentioned"),
            ("Amani Otieno", "Dr.", None, None, "Kenya", "attendee"),
        ],
    ),
    (
        "Minister Chen Lu said President Ma Zhiyuan’s state visit will help.",
        [
            ("Chen Lu", None, "Minister", None, None, "attendee"),
            ("Ma Zhiyuan", None, "President", None, None, "mentioned"),
        ],
    ),
    (
        "Professor Zhang Lei from Lakeside University and Khun Somchai, Thai Minister, signed the MoU.",
        [
            ("Zhang Lei", "Professor", None, "Lakeside University", None, "attendee"),
            ("Somchai", "Khun", "Minister", None, "Thailand", "attendee"),
        ],
    ),
    (
        "Reporter: Deng Xiaoli, Gao Pan",
        [
            ("Deng Xiaoli", None, "Reporter", None, None, "mentioned"),
            ("Gao Pan", None, "Reporter", None, None, "mentioned"),
        ],
    ),
    # a copular description gives the title; it describes, it does not place the person at an event
    (
        "Jane Holm is a senior fellow at the Institute for River Peace in Perth.",
        [("Jane Holm", None, "senior fellow", "Institute for River Peace", None, "mentioned")],
    ),
    (
        "The Delta Water Institute opened in 2001. The institute works with the Lake Board. "
        "Prof. Dr. Somchai Dee has been its Executive Director since 2019.",
        [("Somchai Dee", "Prof. Dr.", "Executive Director", "Delta Water Institute", None, "mentioned")],
    ),
    # a unit "of ACR" belongs to the body the acronym stands for, and to its country
    (
        "The Korea Waste Corporation (K-waste) met. Ms. Lee Su-jin, Director of the Global Office of K-waste, spoke.",
        [("Lee Su-jin", "Ms.", "Director", "Global Office", "South Korea", "attendee")],
    ),
    # regional honorifics are not part of the name
    (
        "U Zaw Min Oo, Director General of the River Department, met Daw Hla Myint, "
        "Deputy Director of the Bird Division.",
        [
            ("Zaw Min Oo", "U", "Director General", "River Department", None, "attendee"),
            ("Hla Myint", "Daw", "Deputy Director", "Bird Division", None, "attendee"),
        ],
    ),
    (
        "Ato Girma Tadesse, Director of the Soil Authority, opened the course.",
        [("Girma Tadesse", "Ato", "Director", "Soil Authority", None, "attendee")],
    ),
    (
        "Dato' Karim Salleh, Director-General of the Reef Park Department, and Datuk Seri Nor Aziz attended.",
        [
            ("Karim Salleh", "Dato'", "Director-General", "Reef Park Department", None, "attendee"),
            ("Nor Aziz", "Datuk Seri", None, None, None, "attendee"),
        ],
    ),
    # "Director of <field> at <body>": the field is no person
    (
        "Dr. Ir. Budi Hartono, Director of Swamp Forest Care at the Ministry of Woods, opened the forum.",
        [("Budi Hartono", "Dr. Ir.", "Director", "Ministry of Woods", None, "attendee")],
    ),
    # the body a delegation comes from gives its leader's organization and country
    (
        "A delegation of the Korea Institute for Soil Care (KISC), led by President Han Do-yun, visited Accra.",
        [("Han Do-yun", None, "President", "Korea Institute for Soil Care", "South Korea", "attendee")],
    ),
    (
        "Mr. Paul Brandt, a senior adviser from the Alpine Rivers Agency, and Ms. Eva Lind, "
        "a consultant from Sweden, spoke.",
        [
            ("Paul Brandt", "Mr.", "senior adviser", "Alpine Rivers Agency", None, "attendee"),
            ("Eva Lind", "Ms.", "consultant", None, "Sweden", "attendee"),
        ],
    ),
    # a unit of a national ministry belongs to the ministry's country; a portfolio between demonym and title
    (
        "Staff of the Office of Lakes of the Ministry of Waters (MOW) of China came. Ms. Qin Lan, Director of the "
        "Office of Lakes, spoke.",
        [("Qin Lan", "Ms.", "Director", "Office of Lakes", "China", "attendee")],
    ),
    (
        "The view of Laotian forestry minister Bounmy Keo was cited.",
        [("Bounmy Keo", None, "minister", None, "Laos", "attendee")],
    ),
    # "Name, a|an <role words> of|with|at|from Org": an indefinite description gives position and body
    (
        "Also present was Mr. Dao Van Khoi, a hydrologist of the Upland Rivers Research Institute (URRI).",
        [("Dao Van Khoi", "Mr.", "hydrologist", "Upland Rivers Research Institute", None, "attendee")],
    ),
    (
        "Dr. Mira Holt, a wetland policy adviser with the Coastal Basins Institute, led the session.",
        [("Mira Holt", "Dr.", "wetland policy adviser", "Coastal Basins Institute", None, "attendee")],
    ),
    (
        "Dr. Somsak Vongdara, an aquatic ecologist at RAFC (River Aquatic Fauna Center), told the meeting.",
        [("Somsak Vongdara", "Dr.", "aquatic ecologist", "River Aquatic Fauna Center", None, "attendee")],
    ),
    (
        "Mr. Hans Weber, an engineer from Austria, joined the visit.",
        [("Hans Weber", "Mr.", "engineer", None, "Austria", "attendee")],
    ),
    # an indefinite phrase that ends in no role noun gives no position
    (
        "Mr. Hans Weber, a long time friend of the centre, joined the visit.",
        [("Hans Weber", "Mr.", None, None, None, "attendee")],
    ),
    # an inverted list: each "Name, Position of Org" segment belongs to the name that opens it
    (
        "Attending the ceremony were Mr. Le Quang Vinh, Deputy Director General of the Lakes Department (LD), "
        "Mr. Park Min-jun, Vice President of the Seoul Water Institute (SWI), and Ms. Anna Berg, Head of the "
        "Soil Division of LD.",
        [
            ("Le Quang Vinh", "Mr.", "Deputy Director General", "Lakes Department", None, "attendee"),
            ("Park Min-jun", "Mr.", "Vice President", "Seoul Water Institute", None, "attendee"),
            ("Anna Berg", "Ms.", "Head", "Soil Division", None, "attendee"),
        ],
    ),
    (
        "Among the speakers were H.E. Dr. Chea Sokha, Director General of the Department of River Works of the "
        "Ministry of Rivers of Cambodia, Daw Thida Aye, Deputy Director of the Delta Office.",
        [
            ("Chea Sokha", "H.E. Dr.", "Director General", "Department of River Works", "Cambodia", "attendee"),
            ("Thida Aye", "Daw", "Deputy Director", "Delta Office", None, "attendee"),
        ],
    ),
    # Malaysian titles are honorifics, not part of the name
    (
        "Datin Siti Aminah Yusof, Deputy Secretary-General of the Ministry of Forests, spoke.",
        [("Siti Aminah Yusof", "Datin", "Deputy Secretary-General", "Ministry of Forests", None, "attendee")],
    ),
    (
        "Puan Sri Noor Hayati Ismail attended the dinner.",
        [("Noor Hayati Ismail", "Puan Sri", None, None, None, "attendee")],
    ),
    # "Position of <Place Province>": the place is the title's jurisdiction, never a person
    (
        "The forum heard Mr. Zhou Weiming, Vice Governor of Lakeside Province, and Ms. Ada Obi, Minister of Forests.",
        [
            ("Zhou Weiming", "Mr.", "Vice Governor", None, None, "attendee"),
            ("Ada Obi", "Ms.", "Minister", None, None, "attendee"),
        ],
    ),
    ("The Deputy Mayor of Riverton City spoke, and the Vice Governor of Hill County Region thanked him.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_people_table(sentence: str, expected: list[Row]) -> None:
    people = lmcoop.parse(sentence).people
    got = [(p.name, p.honorific, p.position, p.organization, p.country, p.role) for p in people]
    assert got == expected


def test_a_delegation_met_is_not_the_host_country() -> None:
    text = "Minister Chen Dawei met with the Lao delegation in Beijing."
    (person,) = lmcoop.parse(text).people
    assert person.country is None


def test_a_place_before_a_title_is_no_person() -> None:
    text = "In Phnom Penh, Deputy Director of the Delta Institute Ms. Sok Dara said the plan works."
    assert [(p.name, p.position) for p in lmcoop.parse(text).people] == [("Sok Dara", "Deputy Director")]


def test_a_title_case_headline_names_nobody() -> None:
    text = "Director General Visits Coastal Lab In Hanoi\n\nMinister Chen Dawei met the team."
    assert [p.name for p in lmcoop.parse(text).people] == ["Chen Dawei"]


def test_later_surname_mentions_attach() -> None:
    text = "Minister Chen Dawei opened the meeting. Chen Dawei thanked everyone, said Chen."
    (person,) = lmcoop.parse(text).people
    assert [m.text for m in person.mentions] == ["Chen Dawei", "Chen Dawei", "Chen"]


def test_the_title_names_the_last_holder() -> None:
    text = "Minister Chen Dawei opened the meeting. The Minister said ties are strong; the Minister of Health left."
    (person,) = lmcoop.parse(text).people
    assert [m.text for m in person.mentions] == ["Chen Dawei", "Minister"]


GIVEN = st.sampled_from(["Wang", "Olsen", "Baraka", "Kim", "Nguyen", "Pérez"])
FAMILY = st.sampled_from(["Liqun", "Maren", "Tobias", "Sook-ja", "Anh", "Lucía"])
TITLE = st.sampled_from(["Director", "Deputy Director", "Vice Minister", "Secretary-General", "Chairman"])
BODY = st.sampled_from(["Coastal Research Institute", "Ministry of Lakes and Rivers", "Harbor Department"])


@given(st.lists(st.tuples(GIVEN, FAMILY, TITLE, BODY), min_size=1, max_size=3, unique_by=lambda t: t[0] + t[1]))
def test_name_position_of_org_lists_come_back(items: list[tuple[str, str, str, str]]) -> None:
    parts = [f"{g} {f}, {t} of the {b}" for g, f, t, b in items]
    text = ", ".join(parts[:-1]) + (", and " if len(parts) > 1 else "") + parts[-1] + ", attended the workshop."
    people = lmcoop.parse(text).people
    got = {(p.name, p.position, p.organization) for p in people}
    assert got == {(f"{g} {f}", t, b) for g, f, t, b in items}
    for p in people:
        assert text[p.start : p.end] == p.text
        assert not p.name.startswith(("Mr", "Dr", "H.E", "Prof"))


PIECES = [
    *("Mr. ", "H. E. ", "HE ", "Prof Dr ", "Samdech ", "Dr ", "the ", "of ", "and ", ", ", "(", ")", "’s ", "; "),
    *("Minister ", "Deputy ", "Director-General ", "Ministry ", "Center ", "Institute ", "Co., Ltd. ", "(MLR) "),
    *("ZHONG", ", Yong ", "Wang ", "Lin ", "Hoa ", "A. ", "Chinese ", "Viet Nam ", "Lao PDR ", "including "),
    *("attended ", "said ", "on behalf of ", "Reporter: ", "delegation ", "UN ", "then ", "\n", "2019 "),
]


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_people_shapes_never_break(text: str) -> None:
    article = lmcoop.parse(text)
    honorific_starts = ("Mr.", "H. E.", "Prof Dr", "Samdech", "Dr ")
    for person in article.people:
        assert not person.name.startswith(honorific_starts)
        for span in (person, *person.mentions):
            assert text[span.start : span.end] == span.text
    for org in article.organizations:
        for span in (org, *org.mentions):
            assert text[span.start : span.end] == span.text


def test_a_credited_body_after_a_source_label_is_not_a_person() -> None:
    text = (
        "Wetland Survey Begins in Savannakhet\n\nTime: 2024-02-01   Source: Riverside Environment Office\n\n"
        "Mr. Bounmy Sayavong, Director of the Riverside Environment Office, opened the survey."
    )
    people = lmcoop.parse(text).people
    assert [p.name for p in people] == ["Bounmy Sayavong"]


# hostile input (no timing asserted): many indefinite descriptions and honorific-led list segments in a row
@pytest.mark.parametrize(
    "text",
    [
        "Mr. Ann Lee, a water adviser with the Lake Institute, " * 5000,
        "Were Mr. Bo Li, Director of X, Ms. Al Ng, Head of Y, " * 5000,
        "Dr. Ann Lee, an " + "old " * 50000 + "engineer of",
        "Vice Governor of Hill Province, " * 5000,
    ],
)
def test_hostile_people_shapes_parse(text: str) -> None:
    for person in lmcoop.parse(text).people:
        assert text[person.start : person.end] == person.text


TRIE_TABLE = [
    # (phrases longest first, text) → the shared-prefix alternation finds what the plain one finds
    (["Dato' Sri", "Datuk", "Dato'", "Dr.", "Dr"], "Dato' Sri Lim met Dr. Ng and Datuk Ali; Dr Wong"),
    (["H. E.", "H.E.", "H.E", "HE"], "H.E. Ms Lee, H. E. Tan, H.E Ong, HE Chua, HEX"),
    (["Prof. Dr.", "Prof Dr", "Prof.", "Prof"], "Prof. Dr. Kim; Prof Dr Park; Prof. Yoon; Profile"),
]


@pytest.mark.parametrize(("phrases", "text"), TRIE_TABLE)
def test_trie_alternation_matches_the_plain_alternation(phrases: list[str], text: str) -> None:
    import regex

    from lmcoop.extract.people import _trie

    def atoms(phrase: str) -> list[str]:
        return [r"\s?" if c == " " else regex.escape(c) for c in phrase]

    plain = regex.compile("|".join("".join(atoms(p)) for p in phrases))
    shared = regex.compile(_trie([atoms(p) for p in phrases]))
    assert [m.span() for m in shared.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert shared.search(text) is not None


ALTERNATION_TABLE = [
    # (phrases longest first, text) → searched one by one, the matches are those of the alternation
    (["among them", "including", "such as"], "Some, including Ann; others such as Bo, among them Cy"),
    (["such as", "as"], "such as these, as well as those"),
    (["ab c", "ab"], "ab c ab, xab c"),
    (["including"], "INCLUDING: A; Including B"),
]


@pytest.mark.parametrize(("phrases", "text"), ALTERNATION_TABLE)
def test_alternation_finds_what_the_one_alternation_finds(phrases: list[str], text: str) -> None:
    import regex

    from lmcoop.extract.people import _alternation

    def compiled(alternatives: str) -> regex.Pattern[str]:
        return regex.compile(rf"\b(?:{alternatives})[ \t,:]*", regex.IGNORECASE)

    one = compiled("|".join(regex.escape(p) for p in phrases))
    each = tuple(compiled(regex.escape(p)) for p in phrases)
    assert [m.span() for m in _alternation(each, text)] == [m.span() for m in one.finditer(text)]
