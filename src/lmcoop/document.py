"""The text once, with the boundaries every stage shares.

A `Document` is built once per text. Stages look sentences and lines up here instead of scanning
for them again, and every offset they report is an offset into `Document.text`, the caller's
string unchanged.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
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
        object.__setattr__(self, "_line_starts", tuple(s for s, _ in lines))
        sentences = _split_sentences(self.text)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "_sentence_starts", tuple(s for s, _ in sentences))

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
    """Every token of `text`, in order (one regex pass; `findall` keeps the per-token work small)."""
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__
    position = 0
    last = _LAST_MARK.search(text)
    if last is None:
        return tokens
    for space, word, _ in _TOKEN.findall(text, 0, last.end()):
        start = position + len(space)
        position = start + len(word)
        first = word[0]
        append(
            new(
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
    return tokens


def _split_lines(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for match in _LINE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(spans)


def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        gap_start, gap_end = match.span("gap")
        if text[gap_start] != "\n" and _ABBREVIATION_BEFORE.search(
            text, max(0, gap_start - _ABBREVIATION_WINDOW), gap_start
        ):
            continue
        if gap_start > start and text[start:gap_start].strip():
            spans.append(_strip(text, start, gap_start))
        start = gap_end
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return tuple(spans)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return (start + lead, end - trail)
