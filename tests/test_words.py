"""Word-list patterns: the trie form of a vocabulary finds exactly what the flat list finds."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from lmcoop.extract.words import Vocabulary, alternation, may_occur, phrase_words, whole_words

WORDS = ["memo", "memorandum", "memorandum of understanding", "MoU", "MOUs", "accord", "joint communiqué", "sub-forum"]

# text → what `whole_words(WORDS)` finds in it (ignoring case), longest word first
TABLE: dict[str, list[str]] = {
    "They signed a Memorandum of  Understanding today.": ["Memorandum of  Understanding"],
    "A memorandum, a memo and two MOUS.": ["memorandum", "memo", "MOUS"],
    "The memorandum of cooperation": ["memorandum"],
    "memos, memorandums and a pre-memo": [],
    "The JOINT COMMUNIQUÉ and the sub-forum": ["JOINT COMMUNIQUÉ", "sub-forum"],
    "accords accord accord-like": ["accord"],
}


@pytest.mark.parametrize(("text", "expected"), TABLE.items())
def test_whole_words_table(text: str, expected: list[str]) -> None:
    assert [m.group() for m in whole_words(WORDS).finditer(text)] == expected


def test_trie_shares_prefixes() -> None:
    assert alternation(["memo", "memorandum", "MoU"], ignore_case=True) == "m(?:emo(?:randum|)|ou)"
    assert alternation(["MoU", "mou"], ignore_case=False) == "(?:MoU|mou)"
    assert alternation([], ignore_case=True) == "(?!)"


def test_odd_case_or_spacing_falls_back_to_the_flat_list() -> None:
    assert alternation(["ſigned", "signed"], ignore_case=True) == r"signed|ſigned"
    assert alternation(["a\tb"], ignore_case=False) == alternation(["a\tb"])


_letters = st.sampled_from(["a", "b", "A", "B", "é", "É", " ", "-"])
_words = st.lists(st.text(_letters, min_size=1, max_size=5).map(str.strip).filter(bool), min_size=1, max_size=8)


_text = st.text(st.sampled_from(["a", "b", "A", "B", "é", "É", " ", "-", "x", ".", "\n"]), max_size=40)


@given(words=_words, text=_text)
def test_trie_finds_what_the_flat_list_finds(words: list[str], text: str) -> None:
    for ignore_case in (True, False):
        flags = regex.IGNORECASE if ignore_case else 0
        flat = regex.compile(rf"\b(?<!-)(?:{alternation(words)})(?![\w-])", flags)
        trie = whole_words(words, ignore_case=ignore_case)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


# phrases, text → whether `may_occur` lets the text through (False: no phrase can match it)
MAY_OCCUR: list[tuple[list[str], str, bool]] = [
    (["online and offline", "hybrid format"], "Held ONLINE and Offline.", True),
    (["online and offline", "hybrid format"], "Held online, in a hybrid way.", False),
    (["in person"], "The personnel met in Strel.", True),  # both words stand in it: a regex decides
    (["signed"], "It was ſigned.", True),  # "ſ" folds to "s": the shortcut stands aside
    ([], "anything", False),
]


@pytest.mark.parametrize(("phrases", "text", "expected"), MAY_OCCUR)
def test_may_occur(phrases: list[str], text: str, expected: bool) -> None:
    assert may_occur(text, phrase_words(phrases)) is expected


@given(words=_words, text=_text)
def test_may_occur_never_hides_a_match(words: list[str], text: str) -> None:
    if whole_words(words).search(text):
        assert may_occur(text, phrase_words(words))


_vocabulary_text = st.lists(
    st.sampled_from(["a", "b", "A", "B", "é", " ", "-", "x", ".", "\n", "K", "mou", "MoU", "ab", "ba"]), max_size=30
).map("".join)
_SHARED = Vocabulary(["ab a", "mou", "ba", "ab-a"])
"""One vocabulary for many texts: what it keeps of the last text must not leak into the next."""


@given(
    words=_words,
    text=_vocabulary_text,
    start=st.integers(0, 40),
    length=st.integers(0, 40),
    odd=st.sampled_from(["", " ſab-a", "ß"]),
)
def test_vocabulary_finds_what_its_pattern_finds(
    words: list[str], text: str, start: int, length: int, odd: str
) -> None:
    text += odd
    end = min(len(text), start + length)
    for vocabulary in (Vocabulary([*words, "ab-a"]), _SHARED):
        for low, high in ((0, len(text)), (start, end), (start, len(text))):
            expected = [m.span() for m in vocabulary.pattern.finditer(text, low, high)]
            assert [m.span() for m in vocabulary.finditer(text, low, high)] == expected
            first = vocabulary.search(text, low, high)
            assert (first.span() if first else None) == (expected[0] if expected else None)


def test_vocabulary_table() -> None:
    vocabulary = Vocabulary(WORDS)
    for text, expected in TABLE.items():
        assert [m.group() for m in vocabulary.finditer(text)] == expected


def test_vocabulary_forgets_the_last_text() -> None:
    vocabulary = Vocabulary(["mou"])
    assert [m.span() for m in vocabulary.finditer("mou")] == [(0, 3)]
    assert [m.span() for m in vocabulary.finditer("xx MOU ß")] == [(3, 6)]  # "ß": read by the pattern
    assert [m.span() for m in vocabulary.finditer("xx mou")] == [(3, 6)]
