"""The text once, with the boundaries every stage shares.

A `Document` is built once per text. Stages look sentences and lines up here instead of scanning
for them again, and every offset they report is an offset into `Document.text`, the caller's
string unchanged.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, count
from operator import add, itemgetter, not_
from typing import NamedTuple

import regex

__all__ = ["WORD", "Document", "Token", "tokenize"]

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by white space and
# something that can start a sentence, unless the word before the stop is a known abbreviation
# ("Mr.", "H.E.", "Co.", "Oct.") or a single capital (an initial). Lines end sentences too.
_SENTENCE_END = regex.compile(
    r"""[.!?][\"'”’)\]]?(?P<gap>[ \t\u00a0]+)(?=[\"“'‘(\[]?[\p{Lu}\p{N}])|(?P<gap>\n+)""",
    regex.VERSION1,
)
"""Where a sentence may end: the gap after a stop (matched from the stop itself, which is much cheaper
than a look-behind tried at every space) or a run of line breaks."""
_GAP = _SENTENCE_END.groupindex["gap"]
"""The gap's group number: `span` by number is much cheaper than by name in the regex module."""
_ABBREVIATION_BEFORE = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Co|Ltd|Inc|Corp|No|Nos|Vol|Gen|Col|Lt|Sr|Jr|Rev|Hon|Dept|Univ|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|e\.g|i\.e|approx)|"
    r"(?:^|[\s(])\p{Lu}(?:\.\s?\p{Lu})*)\.[\"'”’)\]]?$",
    regex.VERSION1,
)
_LINE_END = regex.compile(r"\r\n|\r|\n")
# A word: letters/digits joined by hyphens, dashes, apostrophes, dots or "&" (bounded); else one mark.
# A run of one repeated mark ("...", "((((") is one token: hostile input stays cheap. The white space
# before each token is captured too, so offsets and line breaks come from lengths alone.
WORD = r"[\p{L}\p{M}\p{N}]+(?:[-–'’.&][\p{L}\p{M}\p{N}]+){0,8}"
"""A word as the tokenizer reads it: letters, marks and digits, joined by at most eight inner hyphens,
apostrophes, dots or ampersands ("Co-operation", "Lao's", "U.N", "R&D"). Stages that look for words
without building tokens use this same definition."""
_TOKEN = regex.compile(rf"(\s*)({WORD}|(\S)\3{{0,999}})", regex.VERSION1)
# The last non-space character, searched from the end: tokens stop there, so the white-space group of
# `_TOKEN` never retries at every position of a long trailing blank run (which would be quadratic).
_LAST_MARK = regex.compile(r"\S", regex.VERSION1 | regex.REVERSE)
_ABBREVIATION_WINDOW = 12
_CLOSERS = frozenset(",.;:!?)]\"'’”%")
"""Marks that, after a plain word at the end of a piece, are one token of their own ("said," "Mr.")."""
_new_tuple = tuple.__new__


@dataclass(frozen=True)
class Document:
    """The caller's text with its line and sentence boundaries as ``(start, end)`` pairs."""

    text: str
    lines: tuple[tuple[int, int], ...] = field(init=False)
    sentences: tuple[tuple[int, int], ...] = field(init=False)
    _sentence_starts: tuple[int, ...] = field(init=False, repr=False)
    _line_starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lines = _split_lines(self.text)
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "_line_starts", tuple(map(itemgetter(0), lines)))
        sentences = _split_sentences(self.text)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "_sentence_starts", tuple(map(itemgetter(0), sentences)))

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """Every word and mark of the text, made on first use and shared by the stages that read tokens.

        Treat the list as read-only: later stages see the same one.
        """
        return tokenize(self.text)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence that holds `offset` (or the nearest one before it)."""
        if not self.sentences:
            return (0, len(self.text))
        index = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[index]

    def sentence_index(self, offset: int) -> int:
        """Index into `sentences` of the sentence that holds `offset`."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def line_at(self, offset: int) -> tuple[int, int]:
        """The line that holds `offset`."""
        index = max(0, bisect.bisect_right(self._line_starts, offset) - 1)
        return self.lines[index] if self.lines else (0, len(self.text))

    def non_blank_lines(self) -> tuple[tuple[int, int], ...]:
        """Lines with something but white space on them, stripped to their content."""
        out = []
        for start, end in self.lines:
            chunk = self.text[start:end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                out.append((start + lead, start + lead + len(stripped)))
        return tuple(out)


class Token(NamedTuple):
    """One word or punctuation mark with its offsets."""

    start: int
    end: int
    text: str
    cap: bool
    """Starts with an upper-case letter."""
    upper: bool
    """All its letters are upper case and it has at least two."""
    word: bool
    """Letters or digits (not a punctuation mark)."""
    newline_before: bool
    """A line break sits between the previous token and this one."""


def tokenize(text: str) -> list[Token]:
    """Every token of `text`, in order.

    Most space-separated pieces of prose are one plain word (letters and digits only, so `_TOKEN` would
    read it as one token whose gap holds no line break), maybe followed by one closing mark ("said,"):
    those become tokens straight from `str.split`, without a regex match each. The other pieces
    ("(UNEP)", "Co-operation", "", "end.\\n\\nThe") go through `_TOKEN`, a stretch of neighbours at
    a time; a space always separates two tokens, so reading a stretch on its own gives the tokens the
    whole text would.
    """
    pieces = text.split(" ")
    tokens: list[Token] = []
    done = 0  # pieces before this index are tokens already
    offset = 0  # where pieces[done] starts in `text`
    for first, last in _stretches(pieces):
        offset = _add_plain_words(tokens, pieces[done:first], offset)
        end = offset + sum(map(len, pieces[first : last + 1])) + last - first
        _add_tokens(tokens, text, offset, end)
        offset, done = end + 1, last + 1
    _add_plain_words(tokens, pieces[done:], offset)
    return tokens


def _stretches(pieces: list[str]) -> Iterator[tuple[int, int]]:
    """``(first, last)`` indices of the runs of pieces that are not one plain word, in text order.

    The piece after one that is empty (two spaces), blank or holds a line break joins the run: whether a
    line break precedes its token depends on what is before it.
    """
    size = len(pieces)
    first = last = -2
    for index in compress(count(), map(not_, map(str.isalnum, pieces))):
        piece = pieces[index]
        if piece[-1:] in _CLOSERS and piece[:-1].isalnum():
            continue  # "said,": `_add_plain_words` splits it
        if index > last + 1:
            if first >= 0:
                yield first, last
            first = index
        carries = not piece or piece.isspace() or "\n" in piece  # the next gap may hold a line break
        last = index + 1 if carries and index + 1 < size else index
    if first >= 0:
        yield first, last


def _add_plain_words(tokens: list[Token], words: list[str], start: int) -> int:
    """Append the tokens of `words`, separated by single spaces from `start`; returns the offset after
    the space that follows the last one. Each is one plain word, or one and a closing mark ("said,")."""
    append = tokens.append
    end = start - 1
    for word in words:
        start = end + 1
        end = start + len(word)
        if word.isalnum():
            append(
                _new_tuple(Token, (start, end, word, word[0].isupper(), len(word) >= 2 and word.isupper(), True, False))
            )
        else:
            core = word[:-1]
            append(
                _new_tuple(
                    Token, (start, end - 1, core, core[0].isupper(), len(core) >= 2 and core.isupper(), True, False)
                )
            )
            append(_new_tuple(Token, (end - 1, end, word[-1], False, False, False, False)))  # a _CLOSERS mark
    return end + 1


def _add_tokens(tokens: list[Token], text: str, start: int, end: int) -> None:
    """Append the tokens `_TOKEN` reads in ``text[start:end]``, which starts where a token may."""
    if text[end - 1 : end].isspace():  # str.isspace holds for every regex \\s
        # Tokens stop at the last mark: the white-space group of `_TOKEN` then never retries at every
        # position of a long blank run (which would be quadratic).
        last = _LAST_MARK.search(text, start, end)
        if last is None:
            return
        end = last.end()
    append = tokens.append
    position = start
    for space, word, _ in _TOKEN.findall(text, start, end):
        start = position + len(space)
        position = start + len(word)
        first = word[0]
        append(
            _new_tuple(
                Token,
                (
                    start,
                    position,
                    word,
                    first.isupper(),
                    len(word) >= 2 and word.isupper(),
                    first.isalnum(),
                    "\n" in space,
                ),
            )
        )


def _split_lines(text: str) -> tuple[tuple[int, int], ...]:
    if "\r" in text:
        spans = []
        start = 0
        for match in _LINE_END.finditer(text):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(text)))
        return tuple(spans)
    # Only "\n" ends lines: `str.split` finds them without a regex match per line.
    lengths = list(map(len, text.split("\n")))
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))
    return tuple(zip(starts, map(add, starts, lengths), strict=True))


def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        gap_start, gap_end = match.span(_GAP)
        if text[gap_start] != "\n" and _abbreviation_before(text, gap_start):
            continue
        if gap_start > start and text[start:gap_start].strip():
            spans.append(_strip(text, start, gap_start))
        start = gap_end
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return tuple(spans)


def _abbreviation_before(text: str, gap_start: int) -> bool:
    """Whether the stop before `gap_start` ends an abbreviation or an initial (`_ABBREVIATION_BEFORE`).

    The regex search is exact but costs a call per candidate; the common cases are decided first:
    "!" and "?" end no abbreviation, a word of seven or more letters is none of them, and a lone
    capital after a space is an initial ("J. Smith", the payload "A. B. C. D.").
    """
    stop = gap_start - 1
    if text[stop] in "!?":
        return False
    if text[stop] == ".":
        before = text[max(0, stop - 7) : stop]
        if len(before) == 7 and before.isalpha():
            return False
        if "A" <= before[-1:] <= "Z" and (stop == 1 or text[stop - 2 : stop - 1] in (" ", "\t", "\n", "(")):
            return True
    return _ABBREVIATION_BEFORE.search(text, max(0, gap_start - _ABBREVIATION_WINDOW), gap_start) is not None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return (start + lead, end - trail)
