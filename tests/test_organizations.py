"""Organizations: our own sentences in the corpus style → names, acronyms, parents."""

from __future__ import annotations

import pytest

import lmcoop
from lmcoop.extract.names import schwartz_hearst

# sentence → {name: (acronym, parent)}
TABLE = [
    # "of <Country>" stays in a university's name, a ministry's country is dropped
    (
        "The Faculty of Soil Sciences of the National University of Atlantis and the Ministry of Forests of Kenya met.",
        {
            "Faculty of Soil Sciences": (None, "National University of Atlantis"),
            "National University of Atlantis": (None, None),
            "Ministry of Forests": (None, None),
        },
    ),
    (
        "The Directorate-General for Oceans of the Northern Commission wrote.",
        {"Directorate-General for Oceans": (None, "Northern Commission"), "Northern Commission": (None, None)},
    ),
    # a credit line names the whole department, not a bare "Department"
    ("Source: Department of Lake Affairs\nThe talks went on.", {"Department of Lake Affairs": (None, None)}),
    (
        "The Delta Agency under the Ministry of Rivers met.",
        {"Delta Agency": (None, "Ministry of Rivers"), "Ministry of Rivers": (None, None)},
    ),
    (
        "The Korea Waste Corporation (K-waste) met the Global Office of K-waste.",
        {"Korea Waste Corporation": ("K-waste", None), "Global Office": (None, "K-waste")},
    ),
    ("Harbor Times | 2022-06-20\nThe port reopened.", {"Harbor Times": (None, None)}),
    (
        "Wu Pingan, Deputy Director of the Northern Wetland Research Center (NWRC) of the Ministry of Lakes "
        "and Rivers (MLR), attended the forum.",
        {
            "Northern Wetland Research Center": ("NWRC", "Ministry of Lakes and Rivers"),
            "Ministry of Lakes and Rivers": ("MLR", None),
        },
    ),
    (
        "The Ministry of Coastal Affairs, Science and Innovation of Atlantis signed it.",
        {"Ministry of Coastal Affairs, Science and Innovation": (None, None)},
    ),
    (
        "The Jade Lake Institute (JLI) hosted it. JLI (Jade Lake Institute) is new.",
        {"Jade Lake Institute": ("JLI", None)},
    ),
    ("Officials of the Harbor Department of NWRC met.", {"Harbor Department": (None, "NWRC"), "NWRC": (None, None)}),
    ("The Cambodian Ministry of Environment (MoE) said so.", {"Ministry of Environment": ("MoE", None)}),
    (
        "Zhao Ke, General Manager of Lotus River Development Co., Ltd., attended.",
        {"Lotus River Development Co., Ltd.": (None, None)},
    ),
    ("It was held at the Ruritanian Embassy in China.", {"Ruritanian Embassy in China": (None, None)}),
    (
        "Staff of the Mekong Delta Institute and the Pearl River Water Commission (PRWC) met.",
        {"Mekong Delta Institute": (None, None), "Pearl River Water Commission": ("PRWC", None)},
    ),
    (
        "Experts from the Northern Academy of Marine Sciences and Lakeside University spoke.",
        {"Northern Academy of Marine Sciences": (None, None), "Lakeside University": (None, None)},
    ),
    (
        "She heads the Wetland Policy Division of UN Environment.",
        {"Wetland Policy Division": (None, "UN Environment"), "UN Environment": (None, None)},
    ),
    (
        "BEIJING, May 2 (Newsline) -- The Delta Institute opened.",
        {"Newsline": (None, None), "Delta Institute": (None, None)},
    ),
    ("Source: Mekong Daily\nThe Lotus River Source Area is big.", {"Mekong Daily": (None, None)}),
    ("It rained. (Harbor News)\nNext line.", {"Harbor News": (None, None)}),
    ("HANOI, May 2, 2020 /Wirenews/ -- Talks began.", {"Wirenews": (None, None)}),
    (
        "Staff of the Division II of the Delta Institute attended.",
        {"Division II": (None, "Delta Institute"), "Delta Institute": (None, None)},
    ),
    ("The workshop (Shenzhen) opened at the Pearl River Institute.", {"Pearl River Institute": (None, None)}),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_organization_table(sentence: str, expected: dict[str, tuple[str | None, str | None]]) -> None:
    found = {o.name: (o.acronym, o.parent) for o in lmcoop.parse(sentence).organizations}
    assert found == expected


def test_acronym_uses_are_mentions_and_offsets_slice() -> None:
    text = "The Jade Lake Institute (JLI) hosted it. Later JLI signed."
    (org,) = lmcoop.parse(text).organizations
    assert [m.text for m in org.mentions] == ["Jade Lake Institute", "JLI", "JLI"]
    for m in (org, *org.mentions):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("short", "long", "ok"),
    [
        ("MoE", "Ministry of Environment", True),
        ("FECO", "Foreign Environmental Cooperation Center", True),
        ("Shenzhen", "Some Center", False),
    ],
)
def test_schwartz_hearst(short: str, long: str, ok: bool) -> None:
    assert (schwartz_hearst(short, long) is not None) is ok


@pytest.mark.parametrize("hostile", ["(" * 100_000, "A, B, C, " * 20_000, "Ministry of " * 20_000, "?" * 100_000 + "x"])
def test_hostile_input_finishes(hostile: str) -> None:
    """Linear-time check: these must simply finish (no wall-time assertion)."""
    lmcoop.parse(hostile)


def test_hostile_trailing_blanks_and_letter_lists_stay_linear() -> None:
    """Hostile input (not a timing assertion): a long blank tail and a long "A, B, C" list just parse."""
    from lmcoop.document import Document

    doc = Document("The Lake Institute met." + " \n\t" * 100_000)
    assert [t.text for t in doc.tokens] == ["The", "Lake", "Institute", "met", "."]
    assert doc.tokens[-1].end == len("The Lake Institute met.")
    letters = ", ".join(chr(ord("A") + i % 26) for i in range(30_000))
    assert lmcoop.parse(letters).organizations is not None


# Chunks are read only in stretches around head nouns and company endings, cut where chunking starts
# afresh: a name must come out the same whatever stands before or after it.
_SURROUNDINGS = [
    ("A, B, C, D, E. ", " F, G, H."),
    ("Ministry of ", " said"),
    ("The report (Annex) of ", " (PRWC)"),
    ("Experts of the ", ", Science and Lakes, met."),
]


@pytest.mark.parametrize(("before", "after"), _SURROUNDINGS)
@pytest.mark.parametrize(("sentence", "expected"), [TABLE[i] for i in (0, 1, 3, 6, 7, 8, 9, 10)])
def test_names_do_not_depend_on_distant_text(
    sentence: str, expected: dict[str, tuple[str | None, str | None]], before: str, after: str
) -> None:
    far = "x " * 50
    padded = lmcoop.parse(before + far + sentence + far + after).organizations
    found = {o.name: (o.acronym, o.parent) for o in padded}
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "word", "cut"),
    [
        ("said the Delta Institute", "Delta", True),
        ("Water of the Delta Institute", "Delta", False),  # after a connector that follows a name
        ("Water and Delta Institute", "Delta", False),
        ("said Delta Institute", "Delta", True),
        ("Water, Delta Institute", "Delta", False),  # a listed piece may follow a comma
        ("Centre (NWRC) 5 Delta Institute", "Delta", False),  # a "(…)" may be stepped over
        ("Lake Delta Institute", "Delta", False),
    ],
)
def test_cut(text: str, word: str, cut: bool) -> None:
    from lmcoop.document import tokenize
    from lmcoop.extract.organizations import _is_cut

    tokens = tokenize(text)
    index = next(i for i, t in enumerate(tokens) if t.text == word)
    assert _is_cut(text, tokens, index, frozenset({"of", "and", "for", "on", "the", "&"})) is cut


def test_system_first_forms() -> None:
    from lmcoop.extract.organizations import _system_first_forms
    from lmcoop.rules import RuleSet

    forms = RuleSet.default().compiled(_system_first_forms)
    assert {"UN", "Un", "United", "UNITED", "U.N"} <= forms
    assert not {"un", "united", "uN"} & forms


def test_record_is_model_construct() -> None:
    """The fast record builder makes the very record `model_construct` (and validation) would."""
    from lmcoop.extract.organizations import _record
    from lmcoop.models import Organization, Span

    mention = _record(Span, {"text": "JLI", "start": 4, "end": 7})
    assert mention == Span(text="JLI", start=4, end=7)
    values = {"text": "Jade Lake Institute", "start": 0, "end": 19, "name": "Jade Lake Institute"}
    fast = _record(Organization, {**values, "acronym": "JLI", "parent": None, "mentions": (mention,)})
    slow = Organization(**values, acronym="JLI", parent=None, mentions=(mention,))
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    assert hash(fast.mentions[0]) == hash(slow.mentions[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The UN and the United Nations met UNEP.", ["UN", "United"]),
        ("Un, un, UN's, UN.", ["Un", "UN"]),
        ("U U U U U U U U U UN", ["UN"]),  # the initial is common here: every token is looked up
        ("No such words.", []),
    ],
)
def test_tokens_spelled(text: str, expected: list[str]) -> None:
    from lmcoop.document import tokenize
    from lmcoop.extract.organizations import _tokens_spelled

    tokens = tokenize(text)
    found = _tokens_spelled(text, tokens, frozenset({"UN", "Un", "United"}))
    assert [tokens[i].text for i in found] == expected
    assert found == [i for i, t in enumerate(tokens) if t.text in {"UN", "Un", "United"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No credits here, none at all.", []),
        ("By Jane Doe, Delta Herald\nBody, text.", [(0, 25, True)]),
        ("Head\nBy Ann Lee | Delta Herald | Updated: 2023-01-02\nBody", [(5, 52, True)]),
        ("Menu | News | About\nBody | more\nby Ann", [(0, 19, False), (20, 31, False), (32, 38, True)]),
        ("Text with By inside, and | a bar", [(0, 32, False)]),
    ],
)
def test_credit_lines_are_the_bar_lines_and_bylines(text: str, expected: list[tuple[int, int, bool]]) -> None:
    from lmcoop.extract.organizations import _credit_lines

    assert _credit_lines(text) == expected
