"""Words and vocabularies shared by the organizations and people stages.

Both stages read the text as a list of `Token` (one linear regex pass) and ask the same questions of
it: is this word a head noun, a job title, a country, a portfolio word? The answers come from the
TOML vocabularies, compiled once per `RuleSet` into `Vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import WORD, Token, tokenize
from ..rules import RuleSet

__all__ = [
    "Token",
    "Vocabulary",
    "country_at",
    "is_possessive",
    "may_name_country",
    "schwartz_hearst",
    "tokenize",
    "vocabulary",
]

_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")


# The word alternative of the document tokenizer alone: the words of a short name without building tokens.
_WORD = regex.compile(WORD, regex.VERSION1)


def may_name_country(phrase: str, vocab: Vocabulary) -> bool:
    """Could a word of `phrase` start a country name? (a cheap test before tokenizing it)"""
    first_words = vocab.country_first_words
    return any(bare(word).casefold().rstrip(".") in first_words for word in _WORD.findall(phrase))


def is_possessive(token: Token) -> bool:
    """ "China's", "Minister’s"."""
    return len(token.text) > 2 and token.text.endswith(_POSSESSIVE_ENDINGS)


def bare(token_text: str) -> str:
    """The word without a possessive ending."""
    return token_text[:-2] if token_text.endswith(_POSSESSIVE_ENDINGS) and len(token_text) > 2 else token_text


@dataclass(frozen=True)
class Vocabulary:
    """The vocabularies both stages use, as sets for O(1) look-ups (built once per RuleSet)."""

    heads: frozenset[str]
    head_forms: frozenset[str]
    """Head nouns and their possessive forms ("Ministry", "Ministry's"): one look-up per token."""
    unit_heads: frozenset[str]
    country_stripped_before: frozenset[str]
    portfolio: frozenset[str]
    not_organization: frozenset[str]
    not_acronyms: frozenset[str]
    positions: frozenset[str]
    """Job titles, lower case, single or multi-word ("prime minister")."""
    position_words: frozenset[str]
    """Every word of every job title, lower case."""
    modifiers: frozenset[str]
    countries: dict[tuple[str, ...], str]
    """Country names, aliases and demonyms as lower-case word tuples → English short name."""
    country_length: int
    country_first_words: dict[str, int]
    """First words of country names, lower case → the most words a name starting so has."""
    system_prefixes: tuple[tuple[str, ...], ...]
    honorific_words: frozenset[str]
    located_heads: frozenset[str]
    country_kept_after: frozenset[str]
    outlet_words: frozenset[str]
    source_labels: tuple[str, ...]
    function_words: frozenset[str]
    connectors: frozenset[str] = frozenset({"of", "and", "for", "on", "the", "&"})


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(bare(t.text).casefold() for t in tokenize(phrase) if t.word)


def _build(rules: RuleSet) -> Vocabulary:
    org = rules.organizations
    people = rules.people
    countries: dict[tuple[str, ...], str] = {}
    for name, entry in rules.countries.items():
        for phrase in (name, *entry.aliases, *entry.demonyms):
            key = _words(phrase)
            if key and key[0] == "the" and len(key) > 1:
                key = key[1:]
            if key:
                countries.setdefault(key, name)
    positions = frozenset(" ".join(_words(p)) for p in people.positions if _words(p))
    position_words = frozenset(p.split()[-1] for p in positions)
    honorific_words = frozenset(w for h in people.honorifics for w in _words(h))
    return Vocabulary(
        heads=frozenset(org.head_nouns),
        head_forms=frozenset(h + ending for h in org.head_nouns for ending in ("", *_POSSESSIVE_ENDINGS)),
        unit_heads=frozenset(org.unit_heads),
        country_stripped_before=frozenset(org.country_stripped_before),
        portfolio=frozenset(w.casefold() for w in org.portfolio_words),
        not_organization=frozenset(org.not_organization_words),
        not_acronyms=frozenset(org.not_acronyms),
        positions=positions,
        position_words=position_words,
        modifiers=frozenset(m.casefold() for m in people.position_modifiers),
        countries=countries,
        country_length=max((len(k) for k in countries), default=1),
        country_first_words=_first_words(countries),
        system_prefixes=tuple(sorted((_words(p) for p in org.system_prefixes if _words(p)), key=len, reverse=True)),
        honorific_words=honorific_words,
        located_heads=frozenset(org.located_heads),
        country_kept_after=frozenset(org.country_kept_after),
        outlet_words=frozenset(org.outlet_words),
        source_labels=tuple(org.source_labels),
        function_words=frozenset(org.function_words),
    )


def _first_words(countries: dict[tuple[str, ...], str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key in countries:
        out[key[0]] = max(out.get(key[0], 0), len(key))
    return out


def vocabulary(rules: RuleSet) -> Vocabulary:
    """The compiled vocabularies of `rules` (memoized on the RuleSet)."""
    return rules.compiled(_build)


def country_at(tokens: list[Token], index: int, vocab: Vocabulary, limit: int | None = None) -> tuple[str, int] | None:
    """The country named by the words starting at `index` (longest match) and how many tokens it takes.

    Words joined by a hyphen ("China-Africa") are a compound, not a country.
    """
    stop = len(tokens) if limit is None else min(limit, len(tokens))
    if index >= stop:
        return None
    first = tokens[index]
    if not first.word or not first.cap or "-" in first.text or "–" in first.text:
        return None
    head = bare(first.text).casefold().rstrip(".")
    longest = vocab.country_first_words.get(head)
    if longest is None:
        return None
    if longest == 1:
        name = vocab.countries.get((head,))
        return (name, 1) if name is not None else None
    best: tuple[str, int] | None = None
    key: list[str] = []
    for offset in range(vocab.country_length):
        position = index + offset
        if position >= stop:
            break
        token = tokens[position]
        if offset and (token.newline_before or not token.word):
            break
        key.append(bare(token.text).casefold().rstrip("."))
        found = vocab.countries.get(tuple(key))
        if found is not None:
            best = (found, offset + 1)
        if is_possessive(token):
            break
    return best


def schwartz_hearst(short: str, long: str) -> int | None:
    """Where in `long` the long form of acronym `short` starts, or None (Schwartz & Hearst 2003).

    Each letter or digit of `short`, right to left, must be found in `long`, the first one at the
    start of a word. Linear in the two lengths.
    """
    s = len(short) - 1
    index = len(long) - 1
    if not any(c.isalpha() for c in short):
        return None
    while s >= 0:
        c = short[s].casefold()
        if not c.isalnum():
            s -= 1
            continue
        while index >= 0 and (long[index].casefold() != c or (s == 0 and index > 0 and long[index - 1].isalnum())):
            index -= 1
        if index < 0:
            return None
        index -= 1
        s -= 1
    return long.rfind(" ", 0, index + 2) + 1
