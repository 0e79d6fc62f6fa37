"""Word-list helpers shared by the stages that match rule vocabularies as whole words.

One place for how a vocabulary becomes a pattern and how a matched word is looked up, so every
stage folds case, accents and spacing the same way.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Iterator

import regex

__all__ = ["Vocabulary", "alternation", "fold", "may_occur", "phrase_words", "whole_words"]


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


def phrase_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """A few words, in lower case, one of which stands inside every phrase's words, for `may_occur`
    ("hybrid" and "online" for "hybrid format", "in a hybrid", "online and offline", …); None
    when lower case does not stand for case folding in the phrases ("ß")."""
    unique = sorted({p for p in phrases if p.strip()})
    if not _trie_safe(unique, True):
        return None
    left = [p.lower().split() for p in unique]
    chosen: list[str] = []
    while left:
        # the word inside most phrases still left; a short one ("a", "in") is in every text
        word = max(
            sorted({w for phrase in left for w in phrase}),
            key=lambda w: (sum(any(w in v for v in phrase) for phrase in left) if len(w) >= 4 else 0, len(w)),
        )
        chosen.append(word)
        left = [phrase for phrase in left if not any(word in v for v in phrase)]
    return tuple(chosen)


def may_occur(text: str, words: tuple[str, ...] | None) -> bool:
    """False only when none of the phrases `words` stands for can match `text` ignoring case: none of
    the words is in the lower-cased text. A few substring tests in C, far cheaper than a regex scan."""
    lowered = _lowered(text)
    if words is None or lowered is None:
        return True
    return any(word in lowered for word in words)


class Vocabulary:
    """`whole_words(words)`, with a fast path for long stretches of text.

    The regex engine tries a vocabulary at every word, and most words start none of its words. Over
    a long stretch (a quarter of the text or more) the lower-cased text is instead searched by
    `str.find` (in C) for the letters each word starts with, once per text, and the pattern is tried
    only there. The matches are exactly ``pattern.finditer(text, start, end)``'s either way; texts
    whose lower case does not stand for their case folding ("ß", "ſ") are left to the pattern.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in words if w]
        self.pattern = whole_words(words)
        heads = {w.split(" ", 1)[0].lower() for w in words}
        # a head that starts with another finds no place the other does not
        self._heads = tuple(sorted(h for h in heads if not any(o != h and h.startswith(o) for o in heads)))
        self._usable = bool(words) and _trie_safe(words, True) and all(heads)
        self._last: tuple[str, list[int] | None] = ("", None)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer(text, start, end)`` finds."""
        end = len(text) if end is None else end
        starts = self._starts(text, start, end)
        if starts is None:
            yield from self.pattern.finditer(text, start, end)
            return
        reached = start
        match = self.pattern.match
        for at in starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
            if at >= reached and (found := match(text, at, end)) is not None:
                yield found
                reached = found.end()

    def search(self, text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
        """What ``pattern.search(text, start, end)`` finds."""
        end = len(text) if end is None else end
        if self._starts(text, start, end) is None:
            return self.pattern.search(text, start, end)
        return next(self.finditer(text, start, end), None)

    def _starts(self, text: str, start: int, end: int) -> list[int] | None:
        """Where a word may start in `text`, sorted; None where the pattern is the quicker way."""
        last_text, starts = self._last
        if last_text is text and last_text:
            return starts
        if not self._usable or (end - start) * 4 < len(text):
            return None
        lowered = _lowered(text)
        starts = None
        if lowered is not None:
            starts = []
            for head in self._heads:
                at = lowered.find(head)
                while at >= 0:
                    starts.append(at)
                    at = lowered.find(head, at + 1)
            starts.sort()
        self._last = (text, starts)
        return starts


_last_lowered: tuple[str, str | None] = ("", "")


def _lowered(text: str) -> str | None:
    """`text` lower-cased, when that is its case folding character for character; else None.

    Kept for the last text only: the stages of one parse ask about the same text one after another."""
    global _last_lowered
    last_text, last_lowered = _last_lowered
    if last_text is text:
        return last_lowered
    lower = text.lower()
    lowered = lower if len(lower) == len(text) and lower == text.casefold() else None
    _last_lowered = (text, lowered)
    return lowered
