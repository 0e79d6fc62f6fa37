"""`Document` and `tokenize`: the fast paths give what one plain regex pass over the text gives."""

from __future__ import annotations

import sys

import pytest
import regex

from lmcoop.document import (
    _ABBREVIATION_BEFORE,
    _ABBREVIATION_WINDOW,
    _TOKEN,
    Document,
    Token,
    _abbreviation_before,
    tokenize,
)

TEXTS = [
    "",
    "   ",
    "Plain words only",
    "The Ministry of Environment (MoE) said, on 3 May 2023, that co-operation was good.",
    "Title line\n\nFirst paragraph.  Two spaces.\n \n\tIndented after a blank line.",
    "Windows\r\nline ends\rand old Mac ones",
    "A. B. C. D. H.E. Mr. Dr. Prof. Ms. Li met U.S. officials, e.g. Dr. J. Smith.",
    "Lao's R&D team – and the Lao PDR’s – met…  ((((  ))) ,,,",
    "Caf\u00e9 cafe\u0301 naïve \u00a0nbsp\u00a0 end \x1c mark \u2028 separator",
    "Trailing blanks and breaks   \n\n\t ",
    "a-b-c-d-e-f-g-h-i-j-k long chain, " + "x" * 50 + " long word",
    "She said: “It works!” Then? (Yes.) Next. 2023. Approx. 5 sites. Sept. 9 came.",
]


def reference_tokens(text: str) -> list[Token]:
    """The tokens read the slow, obvious way: every match of `_TOKEN` over the whole text."""
    out = []
    for match in _TOKEN.finditer(text):
        word = match[2]
        out.append(
            Token(
                match.start(2),
                match.end(2),
                word,
                word[0].isupper(),
                len(word) >= 2 and word.isupper(),
                word[0].isalnum(),
                "\n" in match[1],
            )
        )
    return out


def reference_abbreviation(text: str, gap_start: int) -> bool:
    return bool(_ABBREVIATION_BEFORE.search(text, max(0, gap_start - _ABBREVIATION_WINDOW), gap_start))


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_are_those_of_one_regex_pass(text: str) -> None:
    assert tokenize(text) == reference_tokens(text)
    assert all(type(token) is Token for token in tokenize(text))


@pytest.mark.parametrize("text", TEXTS)
def test_lines_and_sentences_cover_the_text(text: str) -> None:
    doc = Document(text)
    expected_lines, start = [], 0
    for match in regex.finditer(r"\r\n|\r|\n", text):
        expected_lines.append((start, match.start()))
        start = match.end()
    expected_lines.append((start, len(text)))
    assert doc.lines == tuple(expected_lines)
    for start, end in doc.sentences:
        assert text[start:end] == text[start:end].strip() != ""


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        ("Mr. Li", True),
        ("J. Smith", True),
        ("(A. B. C.) D", True),
        ("U.S. Aid", True),
        ("approx. 5", True),
        ("conference. Next", False),
        ("It works! Then", False),
        ("in 2023. The", False),
        ("Ministry. The", False),
    ],
)
def test_abbreviation_shortcuts_agree_with_the_pattern(text: str, abbreviation: bool) -> None:
    gap_start = text.index(" ", text.index(".") if "." in text else text.index("!"))
    assert _abbreviation_before(text, gap_start) is abbreviation
    assert reference_abbreviation(text, gap_start) is abbreviation


def test_the_fast_paths_rest_on_facts_about_unicode() -> None:
    """`tokenize` takes a piece with `str.isalnum` for one word of `WORD`'s letters, and `str.isspace`
    for a superset of the regex's white space; both must hold for this Python and this regex."""
    characters = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    alnum = "".join(c for c in characters if c.isalnum())
    assert regex.fullmatch(r"[\p{L}\p{M}\p{N}]*", alnum, regex.VERSION1)
    spaces = regex.findall(r"\s", characters, regex.VERSION1)
    assert all(c.isspace() for c in spaces)
