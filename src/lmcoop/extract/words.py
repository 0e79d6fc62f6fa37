"""Word-list helpers shared by the stages that match rule vocabularies as whole words.

One place for how a vocabulary becomes a pattern and how a matched word is looked up, so every
stage folds case, accents and spacing the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex

__all__ = ["alternation", "fold", "whole_words"]


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of `words`, longest first, any run of spaces inside a phrase allowed;
    a pattern that never matches when `words` is empty."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in unique) or "(?!)"


def whole_words(words: Iterable[str], *, ignore_case: bool = True) -> regex.Pattern[str]:
    """Any of `words` as whole words: not inside a longer word, not glued to a hyphen.

    The plain ``\\b`` start (not a VERSION1 look-behind at every position) keeps the scan fast."""
    flags = regex.IGNORECASE if ignore_case else 0
    return regex.compile(rf"\b(?<!-)(?:{alternation(words)})(?![\w-])", flags)


def fold(words: str) -> str:
    """The lookup form of a word or phrase: case, accents, ligatures and spacing folded ("SİGNED" → "signed")."""
    if words.isascii():
        return " ".join(words.casefold().split())
    decomposed = unicodedata.normalize("NFKD", words)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())
