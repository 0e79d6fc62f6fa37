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
        "Reporter: Deng Xiaoli, Gao Pan",
        [
            ("Deng Xiaoli", None, "Reporter", None, None, "mentioned"),
            ("Gao Pan", None, "Reporter", None, None, "mentioned"),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_people_table(sentence: str, expected: list[Row]) -> None:
    people = lmcoop.parse(sentence).people
    got = [(p.name, p.honorific, p.position, p.organization, p.country, p.role) for p in people]
    assert got == expected


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
