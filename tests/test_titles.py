"""The headline: example pages written for lmcoop (input → expected title) and span properties."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from lmcoop.extract import titles

PAGES = [
    pytest.param(
        "Lakeside Forum Opens in Hue\n\nOn 3 May 2023, the Lakeside Forum opened in Hue with ninety guests.",
        "Lakeside Forum Opens in Hue",
        id="plain",
    ),
    pytest.param(
        "Developed by Delta Web\n\nRiver Workshop Held in Vinh (May 3, 2023)\n\nCategory: RIV_May23\n\n"
        "Vinh: H.E. Phan Minh, Deputy Director of the Delta Water Board, chaired an online workshop on river data.",
        "River Workshop Held in Vinh (May 3, 2023)",
        id="developed-by-and-category",
    ),
    pytest.param(
        "Seminar on River Labs Held in Hue\n\n\nNorthern Academy of Water Sciences\n\n"
        "Seminar on River Labs Held in Hue\n2018-11-19 Article type:Translated\n\n"
        "On November 16, 2018, the Division of River Affairs held a seminar on joint labs in Hue.",
        "Seminar on River Labs Held in Hue",
        id="repeated-after-site-name",
    ),
    pytest.param(
        " date 2022-08-28 Vietnam, Laos to hold forum on river cooperation\n\nDN) 11:15, August 28, 2022\n\n"
        "The Vietnam-Laos river cooperation forum 2022 will be held from Sept. 15 to 16 in Hue.",
        "Vietnam, Laos to hold forum on river cooperation",
        id="after-date-label",
    ),
    pytest.param(
        "The Delta Water Board has signed a Memorandum of Understanding with the Upland Research Institute "
        "for river monitoring in the province.\n\nThe MoU was signed on Wednesday.",
        None,
        id="body-first",
    ),
    pytest.param(
        "VINH, 16 June 2016 – The seminar on the river action plan was held on 14-15 June in Vinh, Vietnam.",
        None,
        id="city-dateline-body",
    ),
    pytest.param(
        " date 2024-11-11 More than 30 representatives from the Delta Water Board met in Hue to discuss "
        "river data sharing and training for young engineers.\n",
        None,
        id="date-label-then-body",
    ),
    pytest.param(
        "[Translated from original Lao]\nOn March 13, Ambassador Kham visited the River Centre and met its director.",
        None,
        id="bracketed-note-then-body",
    ),
    pytest.param(
        "> English > News > Local News > report\nRiver forum focuses on green growth\n"
        " updatetime:2019-09-18 16:34:09   View:0 Source:example.gov\n\n\n"
        "The river forum 2019 is held in Vinh from Sept 17-18, with experts from five countries.",
        "River forum focuses on green growth",
        id="breadcrumb",
    ),
    pytest.param(
        "Dam Safety in Laos  \nFlood Control in Laos  \nRural Water in Laos  \nWater Law in Laos  \n\n"
        "Current Location:Homepage\nMinister Phet met with Thai Minister of Water\n2017-11-17 16:15\n\n"
        "On November 7th, Minister Phet met with a Thai delegation in Vientiane to discuss river data.",
        "Minister Phet met with Thai Minister of Water",
        id="menu-then-headline-before-date",
    ),
    pytest.param(
        "Press Release\n\nBoard View\n\nLaos-Thailand Strengthen River Cooperation, Including Flood Data\n\n"
        "▷ Ministry of Water holds meeting in Vientiane\n\n"
        "On December 20, the Ministry of Water held the fifth policy dialogue with its Thai partners.",
        "Laos-Thailand Strengthen River Cooperation, Including Flood Data",
        id="section-labels",
    ),
    pytest.param(
        "River centre key to green growth: official-Delta News\n\nRiver centre key to green growth: official\n\n"
        "Source: Delta News\n\n2023-06-05 13:31:15\n\n"
        "HUE, June 5 (DN) -- The river centre has been a key supporter of green growth, an official said.",
        "River centre key to green growth: official",
        id="site-suffix",
    ),
    pytest.param(
        "[Climate Change] Outcome of 5th Meeting of Laos-Thailand Joint Committee\n\n"
        "  • Date : 2019-01-24 10:26:55\n\n1. The 5th meeting of the Joint Committee was held in Vientiane "
        "on January 23 with delegates from both ministries and their research institutes.",
        "Outcome of 5th Meeting of Laos-Thailand Joint Committee",
        id="bracket-category",
    ),
    pytest.param(
        "본문으로 바로가기\nDWB News\nDWB Held Training for Island Officials on Climate Strategies\n"
        "  • Date2023-07-26 16:50\n\nThe Delta Water Board (DWB) conducted a 10-day training program for "
        "officials from island states.",
        "DWB Held Training for Island Officials on Climate Strategies",
        id="other-script-and-section",
    ),
    pytest.param(
        "\nConnecting Rivers, One Page at a Time.\n\n"
        "MoU Signed Between Hue University and Vinh Institute on river science\n\n"
        "The two agreements include a Memorandum of Understanding (MoU) to promote research in hydrology.\n",
        "MoU Signed Between Hue University and Vinh Institute on river science",
        id="tagline",
    ),
    pytest.param(
        "Laos, Thailand foster cooperation in river protection hinh anh 1Laos and Thailand have signed two "
        "memoranda of understanding (Illustrative photo: DN)\n \nVientiane (DN) – Laos and Thailand signed two MoUs.",
        "Laos, Thailand foster cooperation in river protection",
        id="caption-glued",
    ),
    pytest.param(
        "08 Jan 2018 Story Environmental governance\n\nLaos and Delta Board strengthen cooperation\n\n"
        "5 December 2017 – The Lao Minister signed a strategic cooperation agreement with the Delta Board.",
        "Laos and Delta Board strengthen cooperation",
        id="story-date-line-above",
    ),
    pytest.param(
        "What next for the Mekong?\n\nThe forum opened on 3 May 2023 in Hue with forty guests from ten countries.",
        "What next for the Mekong?",
        id="question",
    ),
    pytest.param(
        "Home > News > Forum opens in Hue with guests\n\n"
        "The forum opened on 3 May 2023 in Hue with forty guests from ten countries.",
        "Forum opens in Hue with guests",
        id="only-in-breadcrumb",
    ),
    pytest.param(
        "Lancang River Environmental Cooperation Center\n\nLaos and China hold workshop on river data\n\n"
        "On 3 May 2023, the centre held a workshop on river data in Vientiane with forty guests.",
        "Laos and China hold workshop on river data",
        id="site-name-first",
    ),
    pytest.param(
        "Environmental News\n\nMinister visits China\n\nThe minister visited China on 3 May 2023 to discuss data.",
        "Minister visits China",
        id="section-label-first",
    ),
    pytest.param(
        "Home | About Us | News | Events | Regional Cooperation\n\nRiver Board and Delta Institute Sign Data Pact\n\n"
        "Published on 3 March 2021\n\nThe board and the institute signed the pact in Hue on Monday.",
        "River Board and Delta Institute Sign Data Pact",
        id="menu-with-bars",
    ),
    pytest.param(
        "Comment | Rivers\n\nWhy the delta needs a drought plan now\n\nBy Ana Silva\n\n"
        "The dry years of 2019 and 2020 were the hardest the delta had seen in decades.",
        "Why the delta needs a drought plan now",
        id="category-label-with-bar",
    ),
    pytest.param(
        "Posted by Admin\nLakeside forum opens in Hue\n\nThe Lakeside Forum opened in Hue on Monday with guests.",
        "Lakeside forum opens in Hue",
        id="byline-first",
    ),
    pytest.param(
        "Lakeside forum opens in Hue\nPosted by Admin on March 26, 2019\n\nThe forum opened in Hue with ninety guests.",
        "Lakeside forum opens in Hue",
        id="byline-date-line",
    ),
    pytest.param(
        "Northern Academy of Water Sciences\nDelta Institute Hosts Workshop on River Data\n\n"
        "The institute hosted a workshop on river data in Hue on Monday, officials said.",
        "Delta Institute Hosts Workshop on River Data",
        id="site-name-then-headline-naming-an-institute",
    ),
    pytest.param(
        "River Board Signs Water Pact With Delta Institute\nBy the river a new lab opens its doors\n\n"
        "The board signed the pact with the institute in Hue on Monday, officials said.",
        "River Board Signs Water Pact With Delta Institute",
        id="headline-naming-two-organizations-first",
    ),
    pytest.param(
        "By Nguyen Thu Ha | Lakeside Gazette | Updated: 2021-07-02 16:05\n\nLakeside forum opens in Hue\n\n"
        "The Lakeside Forum opened in Hue on Friday with guests from three provinces, officials said.",
        "Lakeside forum opens in Hue",
        id="bar-byline-above",
    ),
    pytest.param(
        "By Nguyen Thu Ha Le Minh | The Old Lakeside Gazette Review | Posted: 2021-07-02\n"
        "Lakeside forum opens in Hue\n\n"
        "The Lakeside Forum opened in Hue on Friday with guests from three provinces, officials said.",
        "Lakeside forum opens in Hue",
        id="bar-byline-with-long-items",
    ),
    pytest.param(
        "LAKESIDE MORNING TIMES\nPUBLISHED : 2 JUL 2021 AT 16:05\nWRITER: Nguyen Thu Ha\n\n"
        "Lakeside forum opens in Hue\n\n"
        "The Lakeside Forum opened in Hue on Friday with guests from three provinces, officials said.",
        "Lakeside forum opens in Hue",
        id="caps-masthead",
    ),
    pytest.param(
        "LAKESIDE FORUM OPENS IN HUE\nPublished: 2 July 2021\n\n"
        "The Lakeside Forum opened in Hue on Friday with guests from three provinces, officials said.",
        "LAKESIDE FORUM OPENS IN HUE",
        id="caps-headline-is-no-masthead",
    ),
    pytest.param("", None, id="empty"),
    pytest.param("   \n\n  ", None, id="blank"),
]


@pytest.mark.parametrize(("text", "expected"), PAGES)
def test_headline(text: str, expected: str | None) -> None:
    article = lmcoop.parse(text)
    assert article.title == expected
    if article.title_span is not None:
        assert text[article.title_span.start : article.title_span.end] == article.title


LINES = st.lists(
    st.sampled_from(
        [
            "Forum Opens in Hue",
            "Press Release",
            "2019-03-26 09:02",
            "> Home > News",
            "Category: News",
            "The forum opened in Hue on Monday with guests from five countries and two banks.",
            "",
            "  • Date : 2019-01-24",
            "Developed by Delta Web",
        ]
    ),
    max_size=12,
).map("\n".join)


@given(LINES)
def test_title_is_one_line_and_slices(text: str) -> None:
    article = lmcoop.parse(text)
    if article.title_span is not None:
        assert "\n" not in article.title_span.text
        assert article.title_span.text.strip() == article.title_span.text
        assert text[article.title_span.start : article.title_span.end] == article.title_span.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Blue Lake Institute Opens Wetland Lab | Delta News", "Blue Lake Institute Opens Wetland Lab"),
        ("Comment | Why the delta needs a drought plan now", "Why the delta needs a drought plan now"),
        (
            "Features | Rivers | Fishers of the lower delta count their losses",
            "Fishers of the lower delta count their losses",
        ),
    ],
)
def test_the_long_item_of_a_bar_line_is_the_headline(line: str, expected: str) -> None:
    """Short labels and a site name around the headline, split by bars, are not part of it."""
    text = line + "\n\nThe lab opened on 3 May 2022 in Hue, officials said in a statement on Monday."
    article = lmcoop.parse(text)
    assert article.title == expected
    assert article.title_span is not None
    assert text[article.title_span.start : article.title_span.end] == expected


# The shortcuts that keep the headline search from reading a whole paragraph give what the plain
# definitions give: words counted with one match, a repeat told from a line's first words only.
WORDISH = st.text(alphabet=st.sampled_from(list("ab Z9.-'’|>&,\u00e9\u4e2d\u0301 ")), max_size=400)


@given(WORDISH)
def test_many_words_is_forty_words_found(line: str) -> None:
    assert (titles._MANY_WORDS.match(line) is not None) == (len(titles._WORD.findall(line)) >= 40)


@given(WORDISH, st.integers(min_value=0, max_value=60))
def test_first_words_are_the_words_found_first(line: str, count: int) -> None:
    assert titles._first_words(line, count) == titles._WORD.findall(line)[:count]


@given(WORDISH, st.integers(min_value=0, max_value=9))
def test_count_words_counts_words_that_are_no_number(line: str, limit: int) -> None:
    words = [word for word in titles._WORD.findall(line) if not word[:1].isdigit()]
    assert titles._count_words(line, 0, len(line), limit) == min(len(words), limit)


REPEATS = [
    ("Forum Opens in Hue", "Forum opens in Hue", True),
    ("Forum Opens in Hue - Delta News", "Forum opens in Hue", True),
    ("Forum Opens in Hues", "Forum opens in Hue", True),  # the key's last word goes on in the line
    ("Forum Opens in Hue as ministers of five countries meet to talk about water", "Forum opens in Hue", False),
    ("Forum Opens in Hues as ministers of five countries meet to talk about water", "Forum opens in Hue", True),
    ("The forum opened in Hue", "Forum opens in Hue", False),
    ("", "Forum opens in Hue", False),
]


@pytest.mark.parametrize(("line", "headline", "expected"), REPEATS)
def test_a_long_line_repeats_a_headline_as_its_full_key_says(line: str, headline: str, expected: bool) -> None:
    key = titles._key(headline)
    reach = len(titles._WORD.findall(headline)) + titles._KEY_SLACK
    whole = titles._key(line)
    assert (whole == key or titles._extends(whole, key)) == expected
    assert titles._repeats(titles._head_key(line, reach), key) == expected


@given(WORDISH, st.sampled_from(["a", "ab 9", "z a.b", "b-a Z"]))
def test_repeats_from_first_words_as_from_the_whole_line(line: str, headline: str) -> None:
    key = titles._key(headline)
    whole = titles._key(line)
    reach = len(titles._WORD.findall(headline)) + titles._KEY_SLACK
    assert titles._repeats(titles._head_key(line, reach), key) == (whole == key or titles._extends(whole, key))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Forum opens in Hue", False),
        ("Diễn đàn mở tại Huế", False),
        ("Forum “opens” in Hue — €5 µ", False),
        ("中国与东盟合作论坛 2023", True),
        ("Forum 中国与东盟合作论坛", True),
        ("--- ***", True),
        ("Forum \ufffd opens", True),
        ("Forum \ud800 opens", True),
        ("Forum \x00 opens", True),
    ],
)
def test_foreign_or_broken(line: str, expected: bool) -> None:
    assert titles._foreign_or_broken(line) == expected


def test_only_latin_letters_where_no_other_script_is_looked_for() -> None:
    other = regex.compile(r"[\p{L}--\p{Latin}]", regex.VERSION1)
    plain = [chr(code) for code in range(0x2100) if titles._MAYBE_OTHER_SCRIPT.match(chr(code)) is None]
    assert plain
    assert not [char for char in plain if other.match(char)]


@given(WORDISH)
def test_a_line_of_forty_words_is_long_enough(line: str) -> None:
    if len(titles._WORD.findall(line)) >= 40:
        assert len(line) >= titles._MANY_WORDS_CHARS
