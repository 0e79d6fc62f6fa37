"""Every named person, with honorific, position, organization, country and role.

A person's name is a run of two to four capitalized words (an ALL-CAPS surname and initials
included) that no vocabulary claims: not a head noun, job title, portfolio word, country or
month. A run is only taken as a name when something anchors it: an honorific before it ("H. E.",
"Mr."), a job title before it ("Vice Minister of … Zhao Yingmin"), a job title after a comma or in
brackets ("Yang Min, Deputy Director of …"), a byline label ("Reporter:"), or a list cue
("including"). The phrase around the anchor gives the position, the organization (a mention the
organizations stage found) and the country (a demonym, a country-named body, a national delegation).
Later mentions by full name or by one of its words ("said Huang") attach to the same person.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

import regex

from ..document import Document
from ..models import Organization, Person, Role, Span
from ..rules import RuleSet
from .names import (
    _POSSESSIVE_ENDINGS,
    Token,
    Vocabulary,
    bare,
    country_at,
    is_possessive,
    may_name_country,
    tokenize,
    vocabulary,
)

if TYPE_CHECKING:
    from ..pipeline import Found

__all__ = ["extract", "find_people"]

_MAX_NAME = 4
_PLACE_BEFORE = frozenset({"the", "in", "at", "near", "across", "inside", "outside", "throughout"})
_LEADS = regex.compile(r"\b(?:led|leads|leading|headed|heads|heading)\b")
_APPOSITIVE_WORDS = frozenset(
    {"in", "at", "to", "with", "a", "an", "the", "then", "now", "currently", "also", "as", "from"}
)

_PHRASE_LIMIT = 24
_LED = frozenset({"led", "headed", "chaired"})
_COPULA_PAIRS = frozenset({("has", "been"), ("had", "been"), ("serves", "as"), ("served", "as")})
_ROLE_LINKS = frozenset({"of", "with", "at", "from"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
_MEMO_SIZE = 50_000
"""Most words (or organization names) a RuleSet remembers a judgment of between parses."""
_T = TypeVar("_T")
_NAME_WORD = 1
"""`_Context._word_kind`: the word may be part of a person's name."""
_COUNTRY_START = 2
"""`_Context._word_kind`: a country's name may start with the word (`names.country_at` looks further)."""
_COUNTRY_COVER = 4
"""`_Context._word_kind`: a country's name starting with the word is not part of a person's name."""


@dataclass(frozen=True)
class _Patterns:
    honorific: regex.Pattern[str]
    bylines: tuple[regex.Pattern[str], ...]
    """One pattern per byline label, longest first (see `_alternation`)."""
    cues: tuple[str, ...]
    """Lower-case cue phrases, each with a leading space, for an `endswith` test."""
    list_cues: tuple[regex.Pattern[str], ...]
    """One pattern per list cue, longest first (each starts with a literal the matcher finds fast)."""
    group: regex.Pattern[str]
    calendar: frozenset[str]
    attendance: frozenset[str]
    group_words: frozenset[str]
    """One-word group nouns, lower case ("delegation", "team")."""
    group_phrases: tuple[str, ...]
    """The group nouns as `group` matches them: a text without any has no match."""
    not_name: frozenset[str]
    """Words that are never part of a person's name: head nouns, function words, non-organization words."""
    not_name_folded: frozenset[str]
    """The same, lower case: title words, portfolio words, modifiers, months, system-prefix words."""
    honorific_words: frozenset[str]
    place_heads: frozenset[str] = frozenset()
    """Last words of a place ("Province"): a run ending in one is not a name."""
    role_noun_endings: tuple[str, ...] = ()
    role_nouns: frozenset[str] = frozenset()
    word_kinds: dict[str, int] = field(default_factory=dict, compare=False)
    """Memo of `_Context._word_kind` (it depends on the word and these rules only), shared by parses."""
    name_countries: dict[str, str | None] = field(default_factory=dict, compare=False)
    """Memo of `_country_named` by organization name, shared by parses."""


def _build(rules: RuleSet) -> _Patterns:
    people = rules.people
    honorifics = sorted({h for h in people.honorifics if h.strip()}, key=len, reverse=True)
    alternatives = _trie([[r"\s?" if c == " " else regex.escape(c) for c in h] for h in honorifics])
    honorific = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.])(?:{alternatives})(?:[ \t]+(?:{alternatives})){{0,2}}(?=[ \t]+[\p{{Lu}}])",
        regex.VERSION1,
    )
    labels = [regex.escape(label) for label in sorted(people.byline_labels, key=len, reverse=True)] or [""]
    bylines = (
        *(
            regex.compile(
                rf"(?:^|(?<=[\s(\[]))(?:{label})(?:[ \t]*[:：][ \t]*|(?<=\bby)[ \t]+)", regex.VERSION1 | regex.MULTILINE
            )
            for label in labels
        ),
        # a byline line: "By Jane Doe | Delta Herald | …", the name ending at a bar, a comma, a dash, "and"
        # or the line's end (not "By Then the board …")
        regex.compile(
            r"(?:^|(?<=[|¦]))[ \t]{0,3}By[ \t]+(?=\p{Lu}[\p{L}.'’-]{0,30}+"
            r"(?:[ \t]{1,3}\p{Lu}[\p{L}.'’-]{0,30}+){1,4}(?:[ \t]*[|¦,–—-]|[ \t]+and[ \t]|[ \t]*$))",
            regex.VERSION1 | regex.MULTILINE,
        ),
    )
    cue_words = tuple(" " + " ".join(c.casefold().split()) for c in people.mentioned_cues if c.strip())
    cue_phrases = sorted(people.list_cues, key=len, reverse=True)
    if not cue_phrases or not all(cue_phrases):  # an empty cue matches everywhere: keep the one alternation
        cue_phrases = ["|".join(regex.escape(c) for c in cue_phrases)]
    else:
        cue_phrases = [regex.escape(c) for c in cue_phrases]
    list_cues = tuple(regex.compile(rf"\b(?:{c})[ \t,:]*", regex.IGNORECASE) for c in cue_phrases)
    groups = "|".join(regex.escape(g) for g in sorted(people.group_words, key=len, reverse=True))
    group = regex.compile(
        rf"(?<![\p{{L}}-])([\p{{Lu}}][\p{{L}}]{{1,20}}(?:[ \t][\p{{Lu}}][\p{{L}}]{{1,20}})?)[ \t]+(?:{groups})\b"
    )
    vocab = vocabulary(rules)
    system_words = frozenset(w for prefix in vocab.system_prefixes for w in prefix)
    calendar = frozenset(
        k.casefold() for k in (*rules.dates.months, *rules.dates.weekdays) if len(k) > 3 and k.casefold() != "may"
    )
    return _Patterns(
        honorific,
        bylines,
        cue_words,
        list_cues,
        group,
        calendar,
        frozenset(v.casefold() for v in people.attendance_verbs),
        frozenset(w.casefold() for w in people.group_words if " " not in w),
        tuple(people.group_words),
        vocab.heads | vocab.function_words | vocab.not_organization,
        vocab.position_words | vocab.portfolio | vocab.modifiers | calendar | system_words,
        vocab.honorific_words,
        place_heads=frozenset(people.place_heads),
        role_noun_endings=tuple(e.casefold() for e in people.role_noun_endings if e.strip()),
        role_nouns=frozenset(w.casefold() for w in people.role_nouns),
    )


def _trie(phrases: list[list[str]]) -> str:
    r"""One regex alternation for `phrases` (each a list of regex atoms), sharing common prefixes.

    "Dato'|Datuk|Dr.|Dr" becomes "D(?:at(?:o'|uk)|r(?:\.)?)": the matcher reads each character once
    instead of trying every phrase at every position. Given `phrases` longest first, a longer phrase
    is still tried before a shorter one it begins with, as in the plain alternation.
    """
    root: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        node = root
        for atom in phrase:
            node = node.setdefault(atom, {})
        node[""] = {}

    def pattern(node: dict[str, dict[str, Any]]) -> str:
        branches = [atom + pattern(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


@dataclass
class _Mention:
    start: int
    end: int
    first: int
    """Token index of the first name word."""
    last: int
    honorific: str | None = None
    position: str | None = None
    organization: str | None = None
    country: str | None = None
    mentioned: bool = False
    anchored: bool = True


@dataclass
class _Person:
    mentions: list[_Mention] = field(default_factory=list)
    words: frozenset[str] = frozenset()


def extract(doc: Document, rules: RuleSet, found: Found) -> Found:
    """Fill `found.people` (reads `found.organizations`)."""
    return replace(found, people=find_people(doc.text, rules, found.organizations, doc))


def find_people(
    text: str, rules: RuleSet, organizations: tuple[Organization, ...] = (), doc: Document | None = None
) -> tuple[Person, ...]:
    """The people named in `text`, in order of first mention."""
    vocab = vocabulary(rules)
    patterns = rules.compiled(_build)
    document = doc if doc is not None else Document(text)
    tokens = document.tokens
    starts = [t.start for t in tokens]
    org_index = _OrgIndex(text, organizations)
    context = _Context(text, tokens, starts, vocab, patterns, org_index, rules, document)
    org_index.find_countries(organizations, context)
    mentions = context.anchored_mentions()
    people = _group(text, tokens, mentions)
    _later_mentions(context, people)
    _title_mentions(context, people)
    return _records(context, people)


class _OrgIndex:
    """Organization mentions by offset, and each organization's country as the text states it."""

    def __init__(self, text: str, organizations: tuple[Organization, ...]):
        spans: list[tuple[int, int, Organization]] = []
        for org in organizations:
            for m in org.mentions or (org,):
                spans.append((m.start, m.end, org))
        spans.sort(key=lambda s: (s[0], -s[1]))
        self.spans = spans
        self.starts = [s[0] for s in spans]
        self.by_name = {org.name.casefold(): org for org in organizations}
        self.by_acronym = {org.acronym: org for org in organizations if org.acronym}
        self.text = text
        self.countries: dict[str, str | None] = {}

    def find_countries(self, organizations: tuple[Organization, ...], context: _Context) -> None:
        """Each organization's country: from its name or the words around it, else from its parent body."""
        for org in organizations:
            self.countries[org.name] = _org_country(org, context)
        for _ in range(2):  # a unit of a national body belongs to the body's country (two levels up)
            for org in organizations:
                if self.countries.get(org.name) is None and org.parent:
                    parent = self.by_name.get(org.parent.casefold()) or self.by_acronym.get(org.parent)
                    if parent is not None:
                        self.countries[org.name] = self.countries.get(parent.name)

    def first_in(self, start: int, end: int) -> tuple[int, int, Organization] | None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.spans) and self.spans[index][0] < end:
            return self.spans[index]
        return None

    def covers(self, start: int, end: int) -> bool:
        """Is text[start:end] inside an organization's mention?"""
        index = bisect.bisect_right(self.starts, start) - 1
        for back in range(index, max(-1, index - 8), -1):
            if self.spans[back][0] <= start and self.spans[back][1] >= end:
                return True
        return False

    def all_in(self, start: int, end: int) -> list[tuple[int, int, Organization]]:
        index = bisect.bisect_left(self.starts, start)
        out = []
        while index < len(self.spans) and self.spans[index][0] < end:
            out.append(self.spans[index])
            index += 1
        return out

    def written(self, span: tuple[int, int, Organization]) -> str:
        start, end, org = span
        del start, end
        return org.name


def _org_country(org: Organization, context: _Context) -> str | None:
    """The country an organization belongs to, when its name or the words around its first mention say so."""
    text, tokens, starts, vocab = context.text, context.tokens, context.starts, context.vocab
    memo = context.patterns.name_countries
    named = memo[org.name] if org.name in memo else _remember(memo, org.name, _country_named(org.name, vocab))
    if named is not None:
        return named
    first = org.mentions[0] if org.mentions else org
    for mention in org.mentions or (org,):
        if text[mention.start : mention.end] == org.name:
            first = mention
            break
    index = bisect.bisect_left(starts, first.start)
    if index > 0:
        before = index - 1
        for back in range(vocab.country_length):
            found = context.country_at(before - back) if before - back >= 0 else None
            if found is not None and before - back + found[1] - 1 == before:
                return found[0]
    after = bisect.bisect_left(starts, first.end)
    if after < len(tokens) and tokens[after].text == "(":
        while after < len(tokens) and tokens[after].text != ")" and after - index < 40:
            after += 1
        after += 1
    if after + 1 < len(tokens):
        word = tokens[after].text
        step = after + 1
        if word == "," and tokens[step].text.casefold() == "government" and step + 2 < len(tokens):
            step += 2 if tokens[step + 1].text == "of" else 1
            word = "of"
        if word in ("of", ",", "in") and not tokens[step].newline_before:
            if tokens[step].text == "the":
                step += 1
            found = context.country_at(step)
            if found is not None:
                following = step + found[1]
                listed = following < len(tokens) and tokens[following].text in ("and", "&")
                if not (word == "," and listed):
                    return found[0]
    return None


def _country_named(name: str, vocab: Vocabulary) -> str | None:
    """The country an organization's name starts or ends with ("Ministry of Forests of Laos")."""
    name_tokens = [t for t in tokenize(name) if t.word] if may_name_country(name, vocab) else []
    for index in range(len(name_tokens)):
        found = country_at(name_tokens, index, vocab)
        if found is not None and (index == 0 or index + found[1] == len(name_tokens)):
            return found[0]
    return None


def _remember(memo: dict[str, _T], key: str, value: _T) -> _T:
    """Store a judgment in a memo shared by the parses of one RuleSet; a full memo starts over."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


def _alternation(patterns: tuple[regex.Pattern[str], ...], text: str) -> list[regex.Match[str]]:
    """The matches `finditer` of the alternation "p0|p1|…" would find, each pattern searched on its own.

    A pattern that starts with a literal is found fast; an alternation is tried at every position.
    The leftmost match wins, an earlier pattern on a tie, and the search goes on from its end (the
    patterns never match an empty string when there are several).
    """
    if len(patterns) == 1:
        return list(patterns[0].finditer(text))
    out: list[regex.Match[str]] = []
    found = [p.search(text) for p in patterns]
    position = 0
    while True:
        best = None
        for rank, match in enumerate(found):
            if match is not None and match.start() < position:
                match = found[rank] = patterns[rank].search(text, position)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return out
        out.append(best)
        position = best.end()


class _Context:
    """What the finders share for one text."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        starts: list[int],
        vocab: Vocabulary,
        patterns: _Patterns,
        orgs: _OrgIndex,
        rules: RuleSet,
        doc: Document,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = starts
        self.vocab = vocab
        self.patterns = patterns
        self.orgs = orgs
        self.rules = rules
        self.doc = doc
        self.cap_indices = [i for i, t in enumerate(tokens) if t.cap and t.word]
        self.honorifics = [(m.start(), m.end(), m.group()) for m in patterns.honorific.finditer(text)]
        self.honorific_starts = frozenset(start for start, _, _ in self.honorifics)
        self.list_cue_ends = frozenset(m.end() for m in _alternation(patterns.list_cues, text))
        self.group_words = patterns.group_words
        self.org_words = frozenset(orgs.by_acronym)
        self.countries: dict[int, tuple[str, int]] = {}
        """Token index → the country named from there and how many tokens it takes (`country_at`)."""
        self.name_words = self._name_word_flags()

    # --- words ---------------------------------------------------------------------------------

    def _name_word_flags(self) -> list[bool]:
        """Can each token be part of a person's name? One flag per token, computed once.

        Only capitalized words can be; each distinct word is judged once (`_word_kind`), then the
        tokens inside a country name or an honorific are struck out.
        """
        tokens = self.tokens
        flags = [False] * len(tokens)
        known = self.patterns.word_kinds
        kinds: dict[str, int] = {}
        country_starts: list[tuple[int, int]] = []
        for i in self.cap_indices:
            text = tokens[i].text
            kind = kinds.get(text)
            if kind is None:
                kind = known.get(text)
                if kind is None:
                    kind = _remember(known, text, self._word_kind(text))
                if text in self.org_words:
                    kind &= ~_NAME_WORD  # an acronym this text defines for a body
                kinds[text] = kind
            if kind & _NAME_WORD:
                flags[i] = True
            if kind & (_COUNTRY_START | _COUNTRY_COVER):
                country_starts.append((i, kind))
        for i, kind in country_starts:
            found = country_at(tokens, i, self.vocab)
            if found is not None:
                self.countries[i] = found
                if kind & _COUNTRY_COVER:
                    for j in range(i, i + found[1]):
                        flags[j] = False
        starts = self.starts
        for start, end, _ in self.honorifics:
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            flags[first:last] = [False] * (last - first)
        return flags

    def _word_kind(self, text: str) -> int:
        """What a capitalized word may be, judged on the word alone: a name word, a country's first word."""
        patterns = self.patterns
        low = text.casefold()
        first_words = self.vocab.country_first_words
        stem = bare(text).casefold()
        kind = _COUNTRY_COVER if low in first_words or stem in first_words else 0
        if stem.rstrip(".") in first_words:
            kind |= _COUNTRY_START
        if text in patterns.not_name or low in patterns.not_name_folded:
            return kind
        if len(text) > 2 and text.endswith(_POSSESSIVE_ENDINGS):
            return kind
        if low in patterns.honorific_words and (
            len(text) > 2 or (len(text) == 2 and text.isupper()) or text in ("Mr", "Ms", "Dr")
        ):
            return kind
        if not text.isalpha() and any(c.isdigit() for c in text):
            return kind
        return kind | _NAME_WORD

    def country_at(self, index: int, limit: int | None = None) -> tuple[str, int] | None:
        """`names.country_at` on the text's tokens, looked up: every country name was found up front."""
        found = self.countries.get(index)
        if found is None or limit is None or index + found[1] <= limit:
            return found if limit is None or index < limit else None
        return country_at(self.tokens, index, self.vocab, limit)

    def name_word(self, index: int) -> bool:
        """Can this token be part of a person's name?"""
        return self.name_words[index]

    def run_at(self, index: int) -> int:
        """Index of the last token of the name run that starts at `index` (or index - 1 if none)."""
        last = index - 1
        j = index
        count = 0
        while j < len(self.tokens) and count < _MAX_NAME + 2:
            token = self.tokens[j]
            if j > index and (token.newline_before or token.start - self.tokens[j - 1].end > 1):
                break
            if not self.name_word(j):
                if j > index and is_possessive(token) and self._possessive_name_word(j):
                    last = j  # "President Xi Jinping’s visit"
                break
            last = j
            count += 1
            if self._initial_with_dot(j):
                j += 2
                continue
            j += 1
        return last

    def _headline(self, offset: int) -> bool:
        """Is the line at `offset` written in Title Case (most of its words capitalized)?"""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        end = len(self.text) if end < 0 else end
        first = bisect.bisect_left(self.starts, start)
        words = 0
        capitalized = 0
        last = bisect.bisect_left(self.starts, end)
        if last - first > 40:
            return False  # too long for a headline; also keeps this check bounded
        for token in self.tokens[first:last]:
            if token.text in (",", ";", "(") or words > 14:
                return False  # a sentence with a list or an aside, not a headline
            if token.word and token.text not in self.vocab.connectors and not token.text[0].isdigit():
                words += 1
                capitalized += token.cap
        return words >= 4 and capitalized >= 0.8 * words

    def _possessive_name_word(self, index: int) -> bool:
        """A name word with "'s" after it: judged on the word alone."""
        token = self.tokens[index]
        word = bare(token.text)
        low = word.casefold()
        vocab = self.vocab
        return not (
            word in vocab.heads
            or low in vocab.position_words
            or low in vocab.portfolio
            or word in vocab.function_words
            or word in vocab.not_organization
            or (low,) in vocab.countries
            or word in self.orgs.by_acronym
        )

    def end_of(self, last: int) -> int:
        """Where a name ending at token `last` ends (before a possessive "'s")."""
        token = self.tokens[last]
        return token.end - 2 if is_possessive(token) else token.end

    def _initial_with_dot(self, j: int) -> bool:
        """ "A. Wheeler": a one-letter word, a dot, one space, then the name goes on."""
        tokens = self.tokens
        return (
            len(tokens[j].text) == 1
            and j + 2 < len(tokens)
            and tokens[j + 1].text == "."
            and tokens[j + 2].start - tokens[j + 1].end == 1
        )

    def is_name(self, first: int, last: int) -> bool:
        words = [t for t in self.tokens[first : last + 1] if t.word]
        if not 2 <= len(words) <= _MAX_NAME:
            return False
        if words[-1].text in self.patterns.place_heads:
            return False  # "Vice Governor of Hunan Province": a place, not a person
        return any(len(t.text) > 1 for t in words)

    def portfolio_run(self, first: int, last: int) -> bool:
        """ "Director of Mangrove Rehabilitation at the Ministry …": capitalized words between a title's
        "of" and "at/of/in <body>" name a field of work, not a person."""
        tokens = self.tokens
        if not (
            first >= 2
            and tokens[first - 1].text in ("of", "for")
            and tokens[first - 2].text.casefold() in self.vocab.position_words
        ):
            return False
        after = last + 1
        while after < len(tokens) and after - last <= 3 and tokens[after].cap and tokens[after].word:
            after += 1  # "… Degradation Control at": more words of the field
        return after < len(tokens) and tokens[after].text in ("at", "of", "in")

    def starts_name(self, index: int) -> bool:
        return index == 0 or not self.name_word(index - 1) or self.tokens[index].newline_before

    # --- anchors -------------------------------------------------------------------------------

    def anchored_mentions(self) -> list[_Mention]:
        found: dict[int, _Mention] = {}
        self._honorific_mentions(found)
        self._byline_mentions(found)
        done = -1
        tokens = self.tokens
        n = len(tokens)
        flags = self.name_words
        starts = [  # a name word followed by another capitalized word or an initial's dot
            i for i in self.cap_indices if flags[i] and i + 1 < n and (tokens[i + 1].cap or tokens[i + 1].text == ".")
        ]
        for index in starts:
            if index <= done or index in found or not self.starts_name(index):
                continue
            last = self.run_at(index)
            if last < index or not self.is_name(index, last):
                done = max(last, index)
                continue
            mention = self._mention(index, last, None)
            if mention is not None:
                found[index] = mention
            done = last
        self._list_mentions(found)
        return sorted(found.values(), key=lambda m: m.start)

    def _honorific_mentions(self, found: dict[int, _Mention]) -> None:
        for _, honorific_end, honorific in self.honorifics:
            index = bisect.bisect_left(self.starts, honorific_end)
            if index >= len(self.tokens) or not self.name_word(index):
                continue
            last = self.run_at(index)
            if last < index:
                continue
            words = [t for t in self.tokens[index : last + 1] if t.word]
            end_index = last
            if len(words) == 1 and self.tokens[index].upper:
                # "ZHONG, Yong"
                comma = last + 1
                if (
                    comma + 1 < len(self.tokens)
                    and self.tokens[comma].text == ","
                    and self.name_word(comma + 1)
                    and self.run_at(comma + 1) == comma + 1
                ):
                    end_index = comma + 1
            mention = self._mention(index, end_index, honorific)
            if mention is not None:
                if len(words) == 1 and end_index == last and mention.position is None:
                    mention.anchored = False  # "Mr. Solheim": only a later mention of someone named before
                found[index] = mention

    def _byline_mentions(self, found: dict[int, _Mention]) -> None:
        for match in _alternation(self.patterns.bylines, self.text):
            label = self.text[match.start() : match.end()].rstrip(" \t:：")
            index = bisect.bisect_left(self.starts, match.end())
            while index < len(self.tokens):
                if not self.name_word(index) or index in found:
                    break
                last = self.run_at(index)
                if last < index or not self.is_name(index, last):
                    break
                token = self.tokens[index]
                if self.orgs.covers(token.start, self.end_of(last)):
                    break  # "Source: Example News Desk": a credited body, not a person
                label_words = label.casefold().split()
                position = label if label_words and label_words[-1] in self.vocab.position_words else None
                found[index] = _Mention(token.start, self.end_of(last), index, last, position=position, mentioned=True)
                nxt = last + 1
                if (
                    nxt + 1 < len(self.tokens)
                    and self.tokens[nxt].text in (",", "and")
                    and not self.tokens[nxt + 1].newline_before
                ):
                    index = nxt + 1
                    continue
                break

    def _list_mentions(self, found: dict[int, _Mention]) -> None:
        """Names after a list cue ("including A, B, and C"), each one following the last."""
        tokens = self.tokens
        listed_last: set[int] = set()
        title: tuple[str | None, str | None] = (None, None)
        if not self.list_cue_ends:
            return
        for index in self.cap_indices:
            token = tokens[index]
            opens = token.start in self.list_cue_ends
            if not opens and not (listed_last and self._after_listed(index, listed_last)):
                continue
            if index in found or not self.name_word(index) or not self.starts_name(index):
                continue
            last = self.run_at(index)
            if last >= index and self.is_name(index, last):
                if opens:
                    title = self._list_title(index)
                found[index] = _Mention(
                    token.start, self.end_of(last), index, last, position=title[0], organization=title[1]
                )
                listed_last.add(last)

    def _list_title(self, index: int) -> tuple[str | None, str | None]:
        """ "Research professors from RCEES, including …": the plural title (made singular) and its body."""
        tokens = self.tokens
        j = index - 1
        while j >= 0 and index - j < 5 and not (tokens[j].word and tokens[j].cap):
            j -= 1
        for k in range(j, max(-1, j - 12), -1):
            if tokens[k].text in (".", ";", "!", "?") or tokens[k + 1].newline_before:
                break
            low = tokens[k].text.casefold()
            if tokens[k].word and low.endswith("s") and low[:-1] in self.vocab.position_words:
                begin = k
                while (
                    begin > 0 and tokens[begin - 1].word and tokens[begin - 1].text.casefold() in self.vocab.modifiers
                ):
                    begin -= 1
                org = self.orgs.first_in(tokens[k].end, tokens[index].start)
                position = self.text[tokens[begin].start : tokens[k].end - 1]
                return position, (org[2].name if org is not None else None)
        return None, None

    def _after_listed(self, index: int, listed_last: set[int]) -> bool:
        """A name right after ", and" that follows a name taken from the same list."""
        back = index - 1
        while back >= 0 and index - back <= 3 and self.tokens[back].text in (",", "and"):
            back -= 1
        return back != index - 1 and back in listed_last

    def _mention(self, first: int, last: int, honorific: str | None) -> _Mention | None:
        tokens = self.tokens
        if honorific is None and first > 0 and tokens[first - 1].text.casefold() in _PLACE_BEFORE:
            return None  # "the Joint Committee", "In Phnom Penh, Deputy Director …": a thing or a place
        if self.orgs.covers(tokens[first].start, tokens[last].end) or self.portfolio_run(first, last):
            return None
        if (
            last + 1 < len(tokens)
            and tokens[last + 1].cap
            and (tokens[last + 1].text in self.vocab.heads or tokens[last + 1].text in self.vocab.not_organization)
        ):
            return None
        mention = _Mention(tokens[first].start, self.end_of(last), first, last, honorific=honorific)
        # "President X's upcoming visit": named as the owner of something, not as someone present
        mention.mentioned = is_possessive(tokens[last])
        after = self._after(last, mention)
        before_start = first
        if honorific is not None:
            before_start = bisect.bisect_left(self.starts, self.text.rfind(honorific, 0, tokens[first].start) + 1) - 1
            before_start = max(before_start, 0)
            if before_start < len(tokens) and tokens[before_start].start > tokens[first].start:
                before_start = first
        before = self._before(before_start, mention, allow_comma=not after)
        if not (after or before or honorific):
            return None
        if before and not (after or honorific) and self._headline(tokens[first].start):
            # "Director General Visits Lab": in a title-case line a title proves nothing
            return None
        if not after and last + 2 < len(tokens) and tokens[last + 1].text in ("of", "from", "at"):
            self._of_after(last + 2, mention)
        if mention.organization is None:
            self._leader_of(before_start, mention)
        self._role(mention)
        return mention

    def _leader_of(self, first: int, mention: _Mention) -> None:
        """ "A delegation of <Body> (ACR), led by President X": X belongs to that body."""
        tokens = self.tokens
        j = first - 1
        while (
            j >= 0 and first - j <= 6 and tokens[j].word and (tokens[j].cap or tokens[j].text in self.vocab.modifiers)
        ):
            j -= 1  # the title and honorific before the name
        if j < 1 or tokens[j].text != "by" or tokens[j - 1].text.casefold() not in _LED:
            return
        k = j - 2
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        if k >= 0 and tokens[k].text == ")":
            while k >= 0 and j - k < 12 and tokens[k].text != "(":
                k -= 1
            k -= 1
        if k < 0:
            return
        for span in self.orgs.all_in(max(0, tokens[k].start - 200), tokens[k].end):
            if span[1] != tokens[k].end:
                continue
            at = bisect.bisect_left(self.starts, span[0]) - 1
            if at >= 0 and tokens[at].text == "the":
                at -= 1
            if at >= 1 and tokens[at].text in ("of", "from") and tokens[at - 1].text.casefold() in self.group_words:
                mention.organization = span[2].name
                if mention.country is None:
                    mention.country = self.orgs.countries.get(span[2].name)
            return

    # --- phrases around a name -----------------------------------------------------------------

    def _after(self, last: int, mention: _Mention) -> bool:
        """ "Name, Position of Org" / "Name (Position, Org)": fill the mention; True if a title was found."""
        tokens = self.tokens
        index = last + 1
        described = self._copula(index)
        if described is not None:
            # "X is a senior fellow at Y", "X has been its Executive Director": a description, not attendance
            phrase_end = self._phrase_end(described, ",")
            if self._read_title(described, phrase_end, mention, appositive=True):
                mention.mentioned = True
                if mention.organization is None and tokens[described - 1].text == "its":
                    owner = self._its_owner(mention.start)
                    if owner is not None:
                        mention.organization = owner.name
                        mention.country = mention.country or self.orgs.countries.get(owner.name)
                return True
            return False
        if index >= len(tokens) or tokens[index].text not in (",", "("):
            return False
        if tokens[index].text == "," and index + 1 < len(tokens) and tokens[index + 1].newline_before:
            return False
        opener = tokens[index].text
        index += 1
        if index >= len(tokens) or tokens[index].text in ("and", "or"):
            return False
        if opener == "," and tokens[index].text in ("a", "an") and self._indefinite(index, mention):
            return True
        phrase_end = self._phrase_end(index, opener)
        if tokens[index].text.casefold() == "then":
            # "X, then Premier of …": a title held in the past, not at this event
            mention.mentioned = True
        for j in range(index, phrase_end):
            if self.name_word(j) and self.starts_name(j) and self.is_name(j, self.run_at(j)):
                run_end = self.run_at(j)
                followed_by_head = run_end + 1 < len(tokens) and tokens[run_end + 1].text in self.vocab.heads
                inside = self.orgs.covers(tokens[j].start, tokens[run_end].end) or self.portfolio_run(j, run_end)
                if not (j > 0 and tokens[j - 1].text == "the") and not followed_by_head and not inside:
                    return False
        return self._read_title(index, phrase_end, mention, appositive=True)

    def _indefinite(self, index: int, mention: _Mention) -> bool:
        """ "Name, a water governance adviser with Org": up to four lower-case words ending in a role noun
        after the article are the position; the body after of/with/at/from is the organization."""
        tokens = self.tokens
        n = len(tokens)
        j = index + 1
        while j < n and j - index <= 4 and tokens[j].word and not tokens[j].cap and tokens[j].text not in _ROLE_LINKS:
            j += 1
        role_end = j - 1
        if role_end <= index or tokens[role_end].start - tokens[index].end > 60:
            return False
        low = tokens[role_end].text.casefold()
        if not (
            low in self.patterns.role_nouns
            or low in self.vocab.position_words
            or (len(low) > 4 and low.endswith(self.patterns.role_noun_endings))
        ):
            return False
        mention.position = self.text[tokens[index + 1].start : tokens[role_end].end]
        if j + 1 < n and tokens[j].text in _ROLE_LINKS:
            step = j + 2 if tokens[j + 1].text == "the" and j + 2 < n else j + 1
            org = self.orgs.first_in(tokens[step].start, tokens[step].end)
            if org is None and step + 2 < n and tokens[step + 1].text == "(":
                org = self.orgs.first_in(tokens[step + 2].start, tokens[step + 2].end)  # "at ACR (Full Name)"
            if org is not None:
                mention.organization = self.orgs.written(org)
                mention.country = mention.country or self.orgs.countries.get(org[2].name)
            elif mention.country is None:
                place = country_at(tokens, step, self.vocab)  # "a consultant from Germany"
                mention.country = place[0] if place is not None else None
        return True

    def _its_owner(self, offset: int) -> Organization | None:
        """The body "its" refers to: the subject of a recent sentence ("The Lake Institute …", "The institute …"),
        else the body named last before `offset`."""
        sentence = self.doc.sentence_index(offset)
        for back in range(sentence - 1, max(-1, sentence - 5), -1):
            start, end = self.doc.sentences[back]
            span = self.orgs.first_in(start, end)
            if span is not None and self.text[start : span[0]].strip() in ("", "The", "the"):
                return span[2]
            first = self.text[start : min(end, start + 40)].split()
            if len(first) >= 2 and first[0] == "The" and first[1].capitalize() in self.vocab.heads:
                head = first[1].casefold()
                named = [s for s in self.orgs.all_in(0, start) if s[2].name.rsplit(" ", 1)[-1].casefold() == head]
                if named:
                    return named[-1][2]
        before = self.orgs.all_in(max(0, offset - 400), offset)
        return before[-1][2] if before else None

    def _copula(self, index: int) -> int | None:
        """Where the title starts after "is a", "was the", "has been its", "serves as" right after a name."""
        tokens = self.tokens
        if index + 2 >= len(tokens):
            return None
        verb = tokens[index].text
        step = index + 1
        if (verb, tokens[step].text) in _COPULA_PAIRS:
            step += 1
        elif verb not in ("is", "was"):
            return None
        if step < len(tokens) and tokens[step].text in _DETERMINERS:
            return step + 1
        return None

    def _of_after(self, index: int, mention: _Mention) -> None:
        """ "Minister Huang Runqiu of the Ministry of …": the body (and its country) after the name."""
        end = self._phrase_end(index, ",")
        if end <= index:
            return
        org = self.orgs.first_in(self.tokens[index].start, self.tokens[min(index + 2, end - 1)].end)
        if org is None:
            return
        mention.organization = self.orgs.written(org)
        country = self.orgs.countries.get(org[2].name)
        after = bisect.bisect_left(self.starts, org[1])
        if after + 1 < len(self.tokens) and self.tokens[after].text == "of":
            step = after + 2 if self.tokens[after + 1].text == "the" else after + 1
            found = self.country_at(step)
            if found is not None:
                country = found[0]
        if country is not None:
            mention.country = country

    def _phrase_end(self, index: int, opener: str) -> int:
        """Token index one past the appositive that starts at `index`."""
        tokens = self.tokens
        j = index
        limit = min(len(tokens), index + _PHRASE_LIMIT)
        depth = 0
        while j < limit:
            token = tokens[j]
            if j > index and token.newline_before:
                break
            text = token.text
            if text == "(":
                depth += 1
            elif text == ")":
                if depth == 0:
                    break
                depth -= 1
            elif (
                text in (";", ".", "!", "?", "“", '"', ":")
                and depth == 0
                and not (text == "." and j > 0 and len(tokens[j - 1].text) <= 3)
            ) or (
                text == "and"
                and depth == 0
                and j + 1 < limit
                and (
                    tokens[j + 1].text.casefold() in self.vocab.honorific_words
                    or (self.name_word(j + 1) and self.is_name(j + 1, self.run_at(j + 1)))
                )
            ):
                break
            elif text == "," and depth == 0 and opener == "," and j + 1 < limit:
                nxt = j + 1
                if tokens[nxt].text == "and" or tokens[nxt].start in self.honorific_starts:
                    break  # ", Mr. B, Vice President of …": the next listed person's own segment
                if self.name_word(nxt) and self.starts_name(nxt):
                    run = self.run_at(nxt)
                    if self.is_name(nxt, run):
                        break
            elif token.word and not token.cap and depth == 0:
                low = text.casefold()
                if (
                    low not in self.vocab.connectors
                    and low not in self.vocab.position_words
                    and low not in self.vocab.modifiers
                    and low not in _APPOSITIVE_WORDS
                    and not self._lower_title(j)
                ):
                    break
            j += 1
        return j

    def _lower_title(self, index: int) -> bool:
        """A lower-case word that belongs to a title written in lower case ("deputy head", "country coordinator")."""
        tokens = self.tokens
        j = index
        while j < len(tokens) and j - index < 3 and tokens[j].word and not tokens[j].cap:
            if tokens[j].text.casefold() in self.vocab.position_words:
                return True
            j += 1
        return False

    def _read_title(self, start: int, end: int, mention: _Mention, appositive: bool) -> bool:
        """Find the position, organization and country in tokens[start:end]."""
        tokens = self.tokens
        vocab = self.vocab
        position_at = None
        for j in range(start, end):
            low = tokens[j].text.casefold()
            if tokens[j].word and low in vocab.position_words and not (tokens[j].cap and tokens[j].text in vocab.heads):
                if self.orgs.first_in(tokens[j].start, tokens[j].end) is not None and tokens[j].cap:
                    continue
                position_at = j
                break
        if position_at is None:
            return False
        # extend over following title words ("Director General", "Chief Executive Officer")
        stop = position_at
        look = position_at + 1
        while look < end and look - stop <= 3 and tokens[look].word and tokens[look].start - tokens[look - 1].end <= 1:
            low = tokens[look].text.casefold()
            if self.orgs.first_in(tokens[look].start, tokens[look].end) is not None:
                break
            if low in vocab.position_words:
                stop = look
            elif not (tokens[look].cap or low in vocab.modifiers):
                break
            look += 1
        begin = position_at
        while begin - 1 >= start:
            prev = tokens[begin - 1]
            low = prev.text.casefold()
            if not prev.word or prev.start - tokens[begin - 1].end > 1:
                break
            if low in vocab.modifiers or (appositive and prev.cap and self._free_title_word(begin - 1)):
                begin -= 1
                continue
            break
        while begin < position_at and tokens[begin].text.casefold() in _APPOSITIVE_WORDS:
            begin += 1
        if mention.position is None:
            mention.position = self.text[tokens[begin].start : tokens[stop].end]
        window_start = tokens[start].start
        window_end = tokens[end - 1].end if end > start else tokens[start].end
        if mention.organization is None:
            org = self._org_right_before(begin, start)
            if org is None:
                org = self.orgs.first_in(tokens[stop].end, window_end)
            if org is None:
                org = self.orgs.first_in(window_start, tokens[begin].start)
            if org is not None:
                mention.organization = self.orgs.written(org)
            else:
                mention.organization = self._ministry_of(begin, stop, end)
                if mention.organization is not None and mention.country is None:
                    mention.country = self.orgs.countries.get(mention.organization)
        if mention.country is None:
            mention.country = self._country_in(start, end)
        return True

    def _org_right_before(self, begin: int, start: int) -> tuple[int, int, Organization] | None:
        """ "UN Environment's chief representative", "MWR vice minister": the body just before the title."""
        if begin - 1 < start:
            return None
        prev = self.tokens[begin - 1]
        for span in self.orgs.all_in(max(0, prev.start - 120), prev.end):
            if span[1] == prev.end or (is_possessive(prev) and span[1] == prev.end - 2):
                return span
        return None

    def _free_title_word(self, index: int) -> bool:
        """A capitalized word that may open a title in an appositive ("Senior Network Officer")."""
        token = self.tokens[index]
        if self.orgs.first_in(token.start, token.end) is not None:
            return False
        if self.country_at(index) is not None or is_possessive(token):
            return False
        return token.text not in self.vocab.heads and token.text.casefold() not in self.vocab.portfolio

    def _ministry_of(self, begin: int, stop: int, end: int) -> str | None:
        """ "Minister of Water Resources" → the "Ministry of Water Resources" the text names elsewhere."""
        tokens = self.tokens
        portfolio: list[str] = []
        j = stop + 1
        if j < end and tokens[j].text in ("of", "for"):
            j += 1
            while j < end and (tokens[j].cap or tokens[j].text in ("and", "&", ",")):
                if self.country_at(j) is not None:
                    break
                portfolio.append(tokens[j].text)
                j += 1
        else:
            k = begin - 1
            while k >= 0 and tokens[k].cap and tokens[k].text.casefold() in self.vocab.portfolio:
                portfolio.insert(0, tokens[k].text)
                k -= 1
        while portfolio and portfolio[-1] in (",", "and", "&"):
            portfolio.pop()
        if not portfolio:
            return None
        name = "Ministry of " + " ".join(portfolio).replace(" ,", ",")
        org = self.orgs.by_name.get(name.casefold())
        if org is None:
            org = self.orgs.by_name.get(("Ministry of the " + " ".join(portfolio)).casefold())
        return org.name if org is not None else None

    def _country_in(self, start: int, end: int) -> str | None:
        tokens = self.tokens
        j = start
        while j < end:
            token = tokens[j]
            found = self.country_at(j, limit=end)
            if found is not None and j > 0 and tokens[j - 1].cap and tokens[j - 1].word:
                prev_low = tokens[j - 1].text.casefold()
                if not (prev_low in self.vocab.position_words or prev_low in self.vocab.modifiers):
                    found = None
            if found is not None:
                prev = tokens[j - 1].text if j > 0 else ""
                if prev == "the" and j > 1:
                    prev = tokens[j - 2].text
                if prev in ("in", "at") and not self._after_ministry(j):
                    j += found[1]
                    continue
                if prev == "to":
                    j += found[1]
                    continue
                return found[0]
            org = self.orgs.first_in(token.start, token.end + 1)
            if org is not None and org[0] == token.start:
                country = self.orgs.countries.get(org[2].name)
                if country is not None:
                    return country
                j += 1
                while j < end and tokens[j].end <= org[1]:
                    j += 1
                continue
            j += 1
        return None

    def _after_ministry(self, index: int) -> bool:
        back = index - 1
        while back >= 0 and self.tokens[back].text in ("in", "the"):
            back -= 1
        if back < 0:
            return False
        for _start, end, org in self.orgs.all_in(self.tokens[back].start - 200, self.tokens[back].end):
            if end == self.tokens[back].end:
                return org.name.split(" ", 1)[0] in self.vocab.country_stripped_before
        return False

    def _before(self, first: int, mention: _Mention, allow_comma: bool) -> bool:
        """ "Vice Minister of … Zhao Yingmin": the title phrase right before the name."""
        tokens = self.tokens
        end = first
        if end > 0 and (
            tokens[end - 1].text == "and" or (end > 1 and tokens[end - 1].text == "," and tokens[end - 2].text == "and")
        ):
            return False
        if end > 0 and tokens[end - 1].text == "," and allow_comma:
            end -= 1
        elif end > 0 and tokens[end - 1].text == ",":
            return False
        j = end - 1
        count = 0
        while j >= 0 and count < _PHRASE_LIMIT:
            token = tokens[j]
            if tokens[j + 1].newline_before:
                break
            if not token.word:
                after_comma = tokens[j + 1].text.casefold() if j + 1 < len(tokens) else ""
                if (
                    token.text in (",", "&", "-", "–")
                    and j > 0
                    and tokens[j - 1].word
                    and after_comma not in self.vocab.position_words
                    and after_comma not in self.vocab.modifiers
                ):
                    j -= 1
                    count += 1
                    continue
                break
            low = token.text.casefold()
            if low == "and" and j + 1 < end:
                following = tokens[j + 1].text.casefold()
                if following in self.vocab.position_words or following in self.vocab.modifiers:
                    break
            if (
                not token.cap
                and low not in ("of", "for", "and", "the", "to", "on", "&")
                and low not in self.vocab.position_words
                and low not in self.vocab.modifiers
                and low not in self.vocab.portfolio  # "Cambodian water resources minister X"
            ):
                break
            if self.name_word(j) and j + 1 < end and self.name_word(j + 1) and j + 1 != first:
                # another name inside the phrase: stop before it
                break
            j -= 1
            count += 1
        start = j + 1
        while start < end and tokens[start].text in (",", "and", "the"):
            start += 1
        if start >= end:
            return False
        if end != first and not any(tokens[k].text.casefold() in self.vocab.position_words for k in range(start, end)):
            return False
        if start > 0 and tokens[start - 1].text == "(" and start > 1:
            # "Ministry of Environment (Minister Han …)": a head named beside its body
            for span in self.orgs.all_in(max(0, tokens[start - 2].start - 200), tokens[start - 2].end):
                if span[1] == tokens[start - 2].end:
                    mention.organization = self.orgs.written(span)
                    country = self.orgs.countries.get(span[2].name)
                    if country is not None:
                        mention.country = country
            mention.mentioned = True
        if start > 0 and tokens[start - 1].text == "the" and end == first:
            return False
        if mention.last + 1 < len(tokens) and tokens[mention.last + 1].text in self.vocab.heads:
            return False
        return self._read_title(start, end, mention, appositive=False)

    # --- role and country from the sentence ----------------------------------------------------

    def _role(self, mention: _Mention) -> None:
        text = self.text
        start = mention.start
        cut = start
        if mention.honorific:
            cut = text.rfind(mention.honorific, max(0, start - 40), start)
            cut = start if cut < 0 else cut
        words = text[max(0, cut - 60) : cut].split()
        if self._cued(words):
            mention.mentioned = True
        elif mention.position:
            # titles between the cue and the name ("greetings of Minister Chen Lei")
            dropped = 0
            while words and dropped < 4 and words[-1][:1].isupper() and words[-1].replace("-", "").isalpha():
                words.pop()
                dropped += 1
            if dropped and self._cued(words):
                mention.mentioned = True
        if cut > 0 and text[cut - 1] == "(" and mention.position:
            mention.mentioned = True

    def _cued(self, words: list[str]) -> bool:
        """Do `words` end with a cue such as "on behalf of" (a "the" after it allowed)?"""
        if words and words[-1].casefold() == "the":
            words = words[:-1]
        tail = " " + " ".join(words[-4:]).casefold()
        return tail.endswith(self.patterns.cues)

    def delegation_country(self, offset: int) -> str | None:
        sentence_start, sentence_end = self.doc.sentence_at(offset)
        # the clause: a semicolon ends one as well as a full stop
        cut = self.text.rfind(";", sentence_start, offset)
        sentence_start = cut + 1 if cut >= 0 else sentence_start
        cut = self.text.find(";", offset, sentence_end)
        sentence_end = cut if cut >= 0 else sentence_end
        sentence = self.text[sentence_start:sentence_end]
        if not any(phrase in sentence for phrase in self.patterns.group_phrases):
            return None  # a plain substring test is far cheaper than trying the pattern at every character
        best: tuple[int, str] | None = None
        for match in self.patterns.group.finditer(sentence):
            words = tokenize(match.group(1))
            found = country_at(words, 0, self.vocab)
            if (found is None or found[1] != len(words)) and len(words) > 1:
                words = words[-1:]
                found = country_at(words, 0, self.vocab)
            if found is None or found[1] != len(words):
                continue
            at = sentence_start + match.start()
            if at > offset and not _LEADS.search(self.text, offset, at):
                continue  # "X met with the Lao delegation": a group after the name only if X leads it
            distance = abs(at - offset)
            if best is None or distance < best[0]:
                best = (distance, found[0])
        return best[1] if best else None


def _key(tokens: list[Token], first: int, last: int) -> frozenset[str]:
    return frozenset(bare(t.text).casefold() for t in tokens[first : last + 1] if t.word)


def _group(text: str, tokens: list[Token], mentions: list[_Mention]) -> list[_Person]:
    people: list[_Person] = []
    by_key: dict[frozenset[str], _Person] = {}
    for mention in mentions:
        key = _key(tokens, mention.first, mention.last)
        person = by_key.get(key)
        if person is None and not mention.anchored:
            # "Mr. Solheim": one word of someone already named
            word = next(iter(key)) if len(key) == 1 else None
            candidates = [p for p in people if word is not None and word in p.words]
            person = candidates[-1] if candidates else None
            if person is None:
                continue
        if person is None:
            person = _Person(words=key)
            people.append(person)
            by_key[key] = person
        person.mentions.append(mention)
    return people


def _later_mentions(context: _Context, people: list[_Person]) -> None:
    """Full-name repeats and single words of a name used alone ("said Huang", "Minister ITO")."""
    tokens = context.tokens
    taken = {m.first for p in people for m in p.mentions}
    word_owner: dict[str, list[_Person]] = {}
    full: dict[frozenset[str], _Person] = {}
    for person in people:
        full[person.words] = person
        for word in person.words:
            if len(word) >= 2:
                word_owner.setdefault(word, []).append(person)
    if not people:
        return
    done = -1
    named = [i for i in context.cap_indices if tokens[i].text.casefold() in word_owner]
    for index in named:
        if index <= done:
            continue
        if index in taken or not context.name_word(index) or not context.starts_name(index):
            continue
        last = context.run_at(index)
        if last < index:
            continue
        key = _key(tokens, index, last)
        owner = full.get(key)
        if owner is None and len(key) == 1:
            owners = word_owner.get(next(iter(key)), [])
            owner = _nearest(owners, tokens[index].start)
        if owner is not None:
            owner.mentions.append(_Mention(tokens[index].start, context.end_of(last), index, last, anchored=False))
        done = last


def _title_mentions(context: _Context, people: list[_Person]) -> None:
    """ "the Minister", "the Ambassador": a title after "the" names the last person before it who holds it."""
    tokens = context.tokens
    holders: dict[str, list[_Person]] = {}
    for person in people:
        position = next((m.position for m in person.mentions if m.position), None)
        if position:
            holders.setdefault(position.split()[-1].casefold(), []).append(person)
    if not holders:
        return
    articles = [i for i, t in enumerate(tokens) if t.text == "the" or t.text == "The"]
    for index in articles:
        if index + 1 >= len(tokens):
            continue
        title = tokens[index + 1]
        owners = holders.get(title.text.casefold())
        if not owners:
            continue
        if index + 2 < len(tokens) and (
            (tokens[index + 2].cap and tokens[index + 2].word) or tokens[index + 2].text in ("of", "for")
        ):
            continue
        owner = _nearest(owners, title.start)
        if owner is not None and all(m.start != title.start for m in owner.mentions):
            owner.mentions.append(_Mention(title.start, title.end, index + 1, index + 1, anchored=False))


def _nearest(owners: list[_Person], offset: int) -> _Person | None:
    best = None
    best_at = -1
    for person in owners:
        first = person.mentions[0].start
        if first < offset and first > best_at:
            best, best_at = person, first
    return best


def _records(context: _Context, people: list[_Person]) -> tuple[Person, ...]:
    text = context.text
    tokens = context.tokens
    out: list[Person] = []
    for person in people:
        mentions = sorted(person.mentions, key=lambda m: m.start)
        named = [m for m in mentions if m.anchored] or mentions
        fullest = max(named, key=lambda m: (m.end - m.start, -m.start))
        first = named[0]
        name = text[fullest.start : fullest.end]
        honorific = next((m.honorific.strip() for m in mentions if m.honorific), None)
        position = next((m.position for m in named if m.position), None)
        organization = next((m.organization for m in named if m.organization), None)
        country = next((m.country for m in named if m.country), None)
        if country is None:
            country = context.delegation_country(first.start)
        role: Role = "mentioned" if first.mentioned else "attendee"
        words = [t.text for t in tokens[fullest.first : fullest.last + 1] if t.word]
        surname = _surname(words, person, tokens, text)
        normalized = " ".join(w.capitalize() if w.isupper() else w for w in _reordered(name, words))
        seen: set[tuple[int, int]] = set()
        spans = []
        for m in mentions:
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                spans.append(Span.model_construct(text=text[m.start : m.end], start=m.start, end=m.end))
        out.append(
            Person(
                text=text[first.start : first.end],
                start=first.start,
                end=first.end,
                name=name,
                honorific=honorific,
                position=position,
                organization=organization,
                country=country,
                role=role,
                normalized_name=normalized,
                surname=surname,
                mentions=tuple(spans),
            )
        )
    out.sort(key=lambda p: p.start)
    return tuple(out)


def _reordered(name: str, words: list[str]) -> list[str]:
    """ "ZHONG, Yong" → ["ZHONG", "Yong"] (surname first, as Chinese names are said)."""
    return [w.strip(",") for w in name.replace(",", " ").split()] if "," in name else words


def _surname(words: list[str], person: _Person, tokens: list[Token], text: str) -> str | None:
    for word in words:
        if len(word) > 1 and word.isupper():
            return word.capitalize()
    singles = [tokens[m.first].text for m in person.mentions if m.first == m.last]
    for single in singles:
        if single in words:
            return single
    return words[-1] if words else None
