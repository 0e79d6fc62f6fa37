"""Word-list helpers shared by the stages that match rule vocabularies as whole words.

One place for how a vocabulary becomes a pattern and how a matched word is looked up, so every
stage folds case, accents and spacing the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex

__all__ = ["alternation", "fold", "whole_words"]


def alternation(words: Iterable[str], *, ignore_case: bool | None = None) -> str:
    """A regex alternative of `words`, longest first, any run of spaces inside a phrase allowed;
    a pattern that never matches when `words` is empty.

    Given the case flag the pattern will be compiled with, the words are written as a trie
    ("memo(?:randum(?:s|)|)"): the engine then reads each character once instead of trying every
    word at every position, and still takes the longest word that fits. Without it, a flat list.
    """
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if ignore_case is not None and _trie_safe(unique, ignore_case):
        return _trie(unique, ignore_case)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in unique) or "(?!)"


def whole_words(words: Iterable[str], *, ignore_case: bool = True) -> regex.Pattern[str]:
    """Any of `words` as whole words: not inside a longer word, not glued to a hyphen.

    The plain ``\\b`` start (not a VERSION1 look-behind at every position) keeps the scan fast."""
    flags = regex.IGNORECASE if ignore_case else 0
    return regex.compile(rf"\b(?<!-)(?:{alternation(words, ignore_case=ignore_case)})(?![\w-])", flags)


def fold(words: str) -> str:
    """The lookup form of a word or phrase: case, accents, ligatures and spacing folded ("SİGNED" → "signed")."""
    if words.isascii():
        return " ".join(words.casefold().split())
    decomposed = unicodedata.normalize("NFKD", words)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


_Node = dict[str, "_Node"]
_END = ""
"""The key that marks a word ending at a trie node."""


def _trie_safe(words: list[str], ignore_case: bool) -> bool:
    """Whether a trie matches exactly what the flat list does: the branches at each node must exclude
    one another, so no white space but plain spaces, and (ignoring case) only characters whose lower
    case is their case fold."""
    for word in words:
        for char in word:
            if char.isspace() and char != " ":
                return False
            if ignore_case and (len(char.lower()) != 1 or char.lower() != char.casefold()):
                return False
    return True


def _trie(words: list[str], ignore_case: bool) -> str:
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char.lower() if ignore_case else char, {})
        node[_END] = {}
    return _branches(root) or "(?!)"


def _branches(node: _Node) -> str:
    """The pattern below `node`: longer words first, the word that ends here (if any) last."""
    parts = [(r"\s+" if char == " " else regex.escape(char)) + _branches(child) for char, child in node.items() if char]
    if not parts:
        return ""
    if len(parts) == 1 and _END not in node:
        return parts[0]
    return "(?:" + "|".join(parts) + ("|)" if _END in node else ")")
