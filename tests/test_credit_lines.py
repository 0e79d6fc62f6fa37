"""Bylines, mastheads and credit lines: example pages written for lmcoop (input → expected records).

A page's credit lines name the writer (a person who is only mentioned), the outlet or agency (an
organization) and the page's date (`published`); none of them is the headline.
"""

from __future__ import annotations

import pytest

import lmcoop

_HEADLINE = "Upland board trains rangers on wetland mapping in Vinh"
_BODY = (
    "\n\nThe Upland Water Board held a workshop on wetland mapping in Vinh on Thursday with thirty "
    "rangers from four provinces, officials said.\n"
)

# (text, title, published, [(person, position)], [organization]) per shape
CREDIT_PAGES = [
    pytest.param(
        "By Hoang Thi Mai | Upland Herald | Updated: 2022-03-11 08:15\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", None)],
        ["Upland Herald"],
        id="bar-byline-before-headline",
    ),
    pytest.param(
        _HEADLINE + "\nBy Hoang Thi Mai | Upland Herald | Published: 11 March 2022\n" + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", None)],
        ["Upland Herald"],
        id="bar-byline-after-headline",
    ),
    pytest.param(
        "By Tran Quoc Binh Anh | The Lower Delta Evening Herald | Posted: 2022-03-11 08:15\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Tran Quoc Binh Anh", None)],
        ["The Lower Delta Evening Herald"],
        id="bar-byline-long-outlet",
    ),
    pytest.param(
        _HEADLINE + "\n\nBy DUONG Van Khoa | Vinh Daily | Updated: March 11, 2022\n" + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("DUONG Van Khoa", None)],
        ["Vinh Daily"],
        id="bar-byline-caps-surname",
    ),
    pytest.param(
        "By Hoang Thi Mai, Upland Herald | Updated: 2022-03-11 08:15\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", None)],
        ["Upland Herald"],
        id="outlet-after-comma-on-a-byline",
    ),
    pytest.param(
        "By Hoang Thi Mai and Le Van Tam | Upland Herald | Updated: 2022-03-11 08:15\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", None), ("Le Van Tam", None)],
        ["Upland Herald"],
        id="two-writers",
    ),
    pytest.param(
        "Updated: 2022-03-11 08:15 | By Hoang Thi Mai | Upland Herald\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", None)],
        ["Upland Herald"],
        id="date-first-then-writer-and-outlet",
    ),
    pytest.param(
        "The Upland Evening Post\nPublished: 11 March 2022\nWriter: Hoang Thi Mai\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", "Writer")],
        ["The Upland Evening Post"],
        id="title-case-masthead",
    ),
    pytest.param(
        "UPLAND NEWS AGENCY\nPUBLISHED : 11 MAR 2022\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [],
        ["UPLAND NEWS AGENCY"],
        id="caps-agency-masthead",
    ),
    pytest.param(
        "UPLAND EVENING POST\nPUBLISHED : 11 MAR 2022 AT 08:15\nWRITER: Hoang Thi Mai\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", "WRITER")],
        ["UPLAND EVENING POST"],
        id="caps-masthead-with-label-lines",
    ),
    pytest.param(
        "THE HIGHLANDS\nUpdated: 11 March 2022\nREPORTER: Hoang Thi Mai\n\n" + _HEADLINE + _BODY,
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", "REPORTER")],
        [],
        id="short-caps-masthead",
    ),
    pytest.param(
        _HEADLINE + "\n\nMarch 11,2022 By:UNA\n" + _BODY,
        _HEADLINE,
        "2022-03-11",
        [],
        ["UNA"],
        id="agency-after-date",
    ),
    pytest.param(
        _HEADLINE + "\nEditor: Hoang Thi Mai  2022-03-11 10:02:45\n" + _BODY + "\nWriter: Le Van Tam\n",
        _HEADLINE,
        "2022-03-11",
        [("Hoang Thi Mai", "Editor"), ("Le Van Tam", "Writer")],
        [],
        id="editor-and-writer-credits",
    ),
    pytest.param(
        _HEADLINE + "\n11 March 2022\n" + _BODY + "\nMedia contact: Pham Minh Chau, +84-24-5550-1234\n",
        _HEADLINE,
        "2022-03-11",
        [("Pham Minh Chau", None)],
        [],
        id="media-contact",
    ),
]


@pytest.mark.parametrize(("text", "title", "published", "credited", "outlets"), CREDIT_PAGES)
def test_credit_lines(
    text: str, title: str, published: str, credited: list[tuple[str, str | None]], outlets: list[str]
) -> None:
    article = lmcoop.parse(text)
    assert article.title == title
    assert article.published is not None
    assert article.published.isoformat() == published
    people = {person.name: person for person in article.people}
    for name, position in credited:
        assert name in people, f"{name} not among {sorted(people)}"
        assert people[name].position == position
        assert people[name].role == "mentioned"
    assert {person.name for person in article.people} == {name for name, _ in credited}
    assert {organization.name for organization in article.organizations} == {"Upland Water Board", *outlets}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "RIVER BOARDS SIGN FLOOD DATA PACT IN VINH\nPublished: 11 March 2022\n" + _BODY,
            "RIVER BOARDS SIGN FLOOD DATA PACT IN VINH",
            id="caps-headline-above-its-date",
        ),
        pytest.param(
            "Rangers map wetlands in Vinh | Upland Herald\nBy Hoang Thi Mai\n11 March 2022\n" + _BODY,
            "Rangers map wetlands in Vinh",
            id="headline-and-site-name-by-bars",
        ),
        pytest.param(
            "Rangers map wetlands in Vinh | By Hoang Thi Mai | 11 March 2022\n" + _BODY,
            "Rangers map wetlands in Vinh",
            id="headline-beside-byline-and-date",
        ),
    ],
)
def test_headlines_that_look_like_credit_lines(text: str, expected: str) -> None:
    """A headline is kept when it only stands beside credit-line furniture."""
    assert lmcoop.parse(text).title == expected


@pytest.mark.parametrize(
    "text",
    [
        "Home | News | Policies | Contact\n\n" + _HEADLINE + _BODY,  # a menu's "News" is no outlet
        "By Staff Writer, Vinh | March 11th, 2022\n\n" + _HEADLINE + _BODY,  # an unnamed writer
        _HEADLINE + _BODY + "By 2030 the board plans ten more stations.\n",
        _HEADLINE + _BODY + "By Upland Standards the dry season was mild.\n",  # a sentence, not a byline
    ],
)
def test_no_credit_is_made_up(text: str) -> None:
    article = lmcoop.parse(text)
    assert article.title == _HEADLINE
    assert article.people == ()
    assert [organization.name for organization in article.organizations] == ["Upland Water Board"]


@pytest.mark.parametrize(
    "text",
    [
        "|" * 200_000,
        "By " + "A | " * 100_000,
        "X | " * 50_000 + "Updated: 2022-03-11",
        "BY:" + "A" * 100_000 + "\n",
        "THE " * 100_000 + "TIMES\nWRITER: A B\n",
    ],
    ids=["bars", "by-bars", "many-fields-then-label", "long-agency", "long-masthead"],
)
def test_hostile_credit_lines_parse(text: str) -> None:
    """Hostile inputs for the credit-line patterns: they must parse (linear patterns), nothing more."""
    lmcoop.parse(text)


@pytest.mark.parametrize(
    "contact",
    [
        "For details, please contact: Ms. Pham Minh Chau, Press Officer, Upland Water Board, tel. +84 24 555 0123",
        "Contact: Mr. Pham Minh Chau, Upland Water Board, pham.chau@upland-water.example",
        "Please contact Dr. Pham Minh Chau for interviews.",
    ],
)
def test_a_contact_at_the_end_is_only_mentioned(contact: str) -> None:
    """The press contact under a story did not take part in the event it reports."""
    text = (
        _HEADLINE + "\n11 March 2022\n\nDirector Tran Van Long of the Upland Water Board opened a workshop on "
        "wetland mapping in Vinh on Thursday with thirty rangers from four provinces.\n\n" + contact + "\n"
    )
    roles = {person.name: person.role for person in lmcoop.parse(text).people}
    assert roles == {"Tran Van Long": "attendee", "Pham Minh Chau": "mentioned"}
