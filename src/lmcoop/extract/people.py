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
from typing import TYPE_CHECKING

import regex

from ..document import Document
from ..models import Organization, Person, Role, Span
from ..rules import RuleSet
from .names import Token, Vocabulary, country_at, is_possessive, tokenize, vocabulary

if TYPE_CHECKING:
    from ..pipeline import Found

__all__ = ["extract", "find_people"]

_MAX_NAME = 4
_PHRASE_LIMIT = 24


@dataclass(frozen=True)
class _Patterns:
    honorific: regex.Pattern[str]
    byline: regex.Pattern[str]
    cue_before: regex.Pattern[str]
    list_cue: regex.Pattern[str]
    group: regex.Pattern[str]
    calendar: frozenset[str]
    attendance: frozenset[str]


def _build(rules: RuleSet) -> _Patterns:
    people = rules.people
    honorifics = sorted({h for h in people.honorifics if h.strip()}, key=len, reverse=True)
    alternatives = "|".join(regex.escape(h).replace(r"\ ", r"\s?") for h in honorifics)
    honorific = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.])(?:{alternatives})(?:[ \t]+(?:{alternatives})){{0,2}}(?=[ \t]+[\p{{Lu}}])",
        regex.VERSION1,
    )
    labels = "|".join(regex.escape(label) for label in sorted(people.byline_labels, key=len, reverse=True))
    byline = regex.compile(
        rf"(?:^|(?<=[\s(\[]))(?:{labels})(?:[ \t]*[:：][ \t]*|(?<=\bby)[ \t]+)", regex.VERSION1 | regex.MULTILINE
    )
    cues = "|".join(regex.escape(c) for c in sorted(people.mentioned_cues, key=len, reverse=True))
    cue_before = regex.compile(rf"(?:{cues})[ \t]+(?:the[ \t]+)?$", regex.IGNORECASE)
    list_cues = "|".join(regex.escape(c) for c in sorted(people.list_cues, key=len, reverse=True))
    list_cue = regex.compile(rf"(?:{list_cues})[ \t,:]*$", regex.IGNORECASE)
    groups = "|".join(regex.escape(g) for g in sorted(people.group_words, key=len, reverse=True))
    group = regex.compile(
        rf"(?<![\p{{L}}-])([\p{{Lu}}][\p{{L}}]{{1,20}}(?:[ \t][\p{{Lu}}][\p{{L}}]{{1,20}})?)[ \t]+(?:{groups})\b"
    )
    calendar = frozenset(k.casefold() for k in (*rules.dates.months, *rules.dates.weekdays))
    return _Patterns(
        honorific,
        byline,
        cue_before,
        list_cue,
        group,
        calendar,
        frozenset(v.casefold() for v in people.attendance_verbs),
    )


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
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    org_index = _OrgIndex(text, organizations, tokens, vocab)
    context = _Context(text, tokens, starts, vocab, patterns, org_index, rules, document)
    mentions = context.anchored_mentions()
    people = _group(text, tokens, mentions)
    _later_mentions(context, people)
    return _records(context, people)


class _OrgIndex:
    """Organization mentions by offset, and each organization's country as the text states it."""

    def __init__(self, text: str, organizations: tuple[Organization, ...], tokens: list[Token], vocab: Vocabulary):
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
        token_starts = [t.start for t in tokens]
        for org in organizations:
            self.countries[org.name] = _org_country(text, org, tokens, token_starts, vocab)

    def first_in(self, start: int, end: int) -> tuple[int, int, Organization] | None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.spans) and self.spans[index][0] < end:
            return self.spans[index]
        return None

    def all_in(self, start: int, end: int) -> list[tuple[int, int, Organization]]:
        index = bisect.bisect_left(self.starts, start)
        out = []
        while index < len(self.spans) and self.spans[index][0] < end:
            out.append(self.spans[index])
            index += 1
        return out

    def written(self, span: tuple[int, int, Organization]) -> str:
        start, end, org = span
        surface = self.text[start:end]
        return surface if surface == org.acronym else org.name


def _org_country(text: str, org: Organization, tokens: list[Token], starts: list[int], vocab: Vocabulary) -> str | None:
    """The country an organization belongs to, when its name or the words around its first mention say so."""
    name_tokens = tokenize(org.name)
    for index, _token in enumerate(name_tokens):
        found = country_at(name_tokens, index, vocab)
        if found is not None:
            return found[0]
    first = org.mentions[0] if org.mentions else org
    for mention in org.mentions or (org,):
        if text[mention.start : mention.end] == org.name:
            first = mention
            break
    index = bisect.bisect_left(starts, first.start)
    if index > 0:
        before = index - 1
        for back in range(vocab.country_length):
            found = country_at(tokens, before - back, vocab) if before - back >= 0 else None
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
            found = country_at(tokens, step, vocab)
            if found is not None:
                return found[0]
    return None


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
        self.org_words = frozenset(
            w for org in orgs.by_acronym.values() for w in ((org.acronym,) if org.acronym else ())
        )

    # --- words ---------------------------------------------------------------------------------

    def name_word(self, index: int) -> bool:
        """Can this token be part of a person's name?"""
        token = self.tokens[index]
        if not token.word or not token.cap or is_possessive(token):
            return False
        text = token.text
        low = text.casefold()
        vocab = self.vocab
        if text in vocab.heads or low in vocab.position_words or low in vocab.portfolio or low in vocab.modifiers:
            return False
        if low in vocab.honorific_words and (len(text) > 2 or token.upper or text in ("Mr", "Ms", "Dr")):
            return False
        if text in vocab.function_words or low in self.patterns.calendar or text in self.org_words:
            return False
        if any(c.isdigit() for c in text):
            return False
        if country_at(self.tokens, index, vocab) is not None:
            return False
        return not (token.upper and len(text) > 1 and text in self.orgs.by_acronym)

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
                break
            last = j
            count += 1
            if self._initial_with_dot(j):
                j += 2
                continue
            j += 1
        return last

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
        return any(len(t.text) > 1 for t in words)

    def starts_name(self, index: int) -> bool:
        return index == 0 or not self.name_word(index - 1) or self.tokens[index].newline_before

    # --- anchors -------------------------------------------------------------------------------

    def anchored_mentions(self) -> list[_Mention]:
        found: dict[int, _Mention] = {}
        self._honorific_mentions(found)
        self._byline_mentions(found)
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            if index in found or not self.name_word(index) or not self.starts_name(index):
                index += 1
                continue
            last = self.run_at(index)
            if last < index or not self.is_name(index, last):
                index = max(last, index) + 1
                continue
            mention = self._mention(index, last, None)
            if mention is not None:
                found[index] = mention
            index = last + 1
        self._list_mentions(found)
        return sorted(found.values(), key=lambda m: m.start)

    def _honorific_mentions(self, found: dict[int, _Mention]) -> None:
        for match in self.patterns.honorific.finditer(self.text):
            index = bisect.bisect_left(self.starts, match.end())
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
            mention = self._mention(index, end_index, match.group())
            if mention is not None:
                if len(words) == 1 and end_index == last:
                    mention.anchored = False
                found[index] = mention

    def _byline_mentions(self, found: dict[int, _Mention]) -> None:
        for match in self.patterns.byline.finditer(self.text):
            label = self.text[match.start() : match.end()].rstrip(" \t:：")
            index = bisect.bisect_left(self.starts, match.end())
            while index < len(self.tokens):
                if not self.name_word(index) or index in found:
                    break
                last = self.run_at(index)
                if last < index or not self.is_name(index, last):
                    break
                token = self.tokens[index]
                position = label if label.casefold() in self.vocab.position_words else None
                found[index] = _Mention(
                    token.start, self.tokens[last].end, index, last, position=position, mentioned=True
                )
                nxt = last + 1
                if (
                    nxt + 1 < len(self.tokens)
                    and self.tokens[nxt].text == ","
                    and not self.tokens[nxt + 1].newline_before
                ):
                    index = nxt + 1
                    continue
                break

    def _list_mentions(self, found: dict[int, _Mention]) -> None:
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if index in found or not self.name_word(index) or not self.starts_name(index):
                continue
            before = self.text[max(0, token.start - 24) : token.start]
            if not self.patterns.list_cue.search(before) and not self._after_listed_person(index, found):
                continue
            last = self.run_at(index)
            if last >= index and self.is_name(index, last):
                found[index] = _Mention(token.start, tokens[last].end, index, last)

    def _after_listed_person(self, index: int, found: dict[int, _Mention]) -> bool:
        """ ", and Name" right after a listed person with no title of its own."""
        back = index - 1
        while back >= 0 and self.tokens[back].text in (",", "and"):
            back -= 1
        if back == index - 1 or back < 0:
            return False
        for mention in found.values():
            if mention.last == back and mention.position is None and not mention.honorific:
                before = self.text[max(0, self.tokens[mention.first].start - 24) : self.tokens[mention.first].start]
                return bool(self.patterns.list_cue.search(before)) or self._after_listed_person(mention.first, found)
        return False

    def _mention(self, first: int, last: int, honorific: str | None) -> _Mention | None:
        tokens = self.tokens
        mention = _Mention(tokens[first].start, tokens[last].end, first, last, honorific=honorific)
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
        self._role(mention)
        return mention

    # --- phrases around a name -----------------------------------------------------------------

    def _after(self, last: int, mention: _Mention) -> bool:
        """ "Name, Position of Org" / "Name (Position, Org)": fill the mention; True if a title was found."""
        tokens = self.tokens
        index = last + 1
        if index >= len(tokens) or tokens[index].text not in (",", "("):
            return False
        if tokens[index].text == "," and index + 1 < len(tokens) and tokens[index + 1].newline_before:
            return False
        opener = tokens[index].text
        index += 1
        phrase_end = self._phrase_end(index, opener)
        return self._read_title(index, phrase_end, mention, appositive=True)

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
            ):
                break
            elif text == "," and depth == 0 and opener == "," and j + 1 < limit:
                nxt = j + 1
                if tokens[nxt].text == "and":
                    break
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
                    and low not in ("in", "at", "to", "with", "a", "an")
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
        while stop + 1 < end and tokens[stop + 1].word and tokens[stop + 1].text.casefold() in vocab.position_words:
            if tokens[stop + 1].start - tokens[stop].end > 1:
                break
            stop += 1
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
        while begin < position_at and tokens[begin].text.casefold() in ("the", "a", "an"):
            begin += 1
        if mention.position is None:
            mention.position = self.text[tokens[begin].start : tokens[stop].end]
        window_start = tokens[start].start
        window_end = tokens[end - 1].end if end > start else tokens[start].end
        if mention.organization is None:
            org = self.orgs.first_in(tokens[stop].end, window_end)
            if org is None:
                org = self.orgs.first_in(window_start, tokens[begin].start)
            if org is not None:
                mention.organization = self.orgs.written(org)
            else:
                mention.organization = self._ministry_of(begin, stop, end)
        if mention.country is None:
            mention.country = self._country_in(start, end)
        return True

    def _free_title_word(self, index: int) -> bool:
        """A capitalized word that may open a title in an appositive ("Senior Network Officer")."""
        token = self.tokens[index]
        if self.orgs.first_in(token.start, token.end) is not None:
            return False
        if country_at(self.tokens, index, self.vocab) is not None or is_possessive(token):
            return False
        return token.text not in self.vocab.heads and token.text.casefold() not in self.vocab.portfolio

    def _ministry_of(self, begin: int, stop: int, end: int) -> str | None:
        """ "Minister of Water Resources" → the "Ministry of Water Resources" the text names elsewhere."""
        tokens = self.tokens
        if tokens[stop].text.casefold() != "minister":
            return None
        portfolio: list[str] = []
        j = stop + 1
        if j < end and tokens[j].text in ("of", "for"):
            j += 1
            while j < end and (tokens[j].cap or tokens[j].text in ("and", "&", ",")):
                if country_at(tokens, j, self.vocab) is not None:
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
            found = country_at(tokens, j, self.vocab, limit=end)
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
                if token.text in (",", "&", "-", "–") and j > 0 and tokens[j - 1].word:
                    j -= 1
                    count += 1
                    continue
                break
            low = token.text.casefold()
            if (
                not token.cap
                and low not in ("of", "for", "and", "the", "to", "on", "&")
                and low not in self.vocab.position_words
                and low not in self.vocab.modifiers
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
        return self._read_title(start, end, mention, appositive=False)

    # --- role and country from the sentence ----------------------------------------------------

    def _role(self, mention: _Mention) -> None:
        text = self.text
        start = mention.start
        cut = start
        if mention.honorific:
            cut = text.rfind(mention.honorific, max(0, start - 40), start)
            cut = start if cut < 0 else cut
        before = text[max(0, cut - 60) : cut]
        # titles between the cue and the name ("greetings of Minister Chen Lei")
        stripped = regex.sub(r"(?:[\p{Lu}][\p{L}-]*[ \t]+){0,4}$", "", before) if mention.position else before
        if self.patterns.cue_before.search(before) or self.patterns.cue_before.search(stripped):
            mention.mentioned = True
        if cut > 0 and text[cut - 1] == "(" and mention.position:
            mention.mentioned = True

    def delegation_country(self, offset: int) -> str | None:
        sentence_start, sentence_end = self.doc.sentence_at(offset)
        sentence = self.text[sentence_start:sentence_end]
        best: tuple[int, str] | None = None
        for match in self.patterns.group.finditer(sentence):
            words = tokenize(match.group(1))
            found = country_at(words, 0, self.vocab)
            if found is None or found[1] != len(words):
                continue
            distance = abs(sentence_start + match.start() - offset)
            if best is None or distance < best[0]:
                best = (distance, found[0])
        return best[1] if best else None


def _key(tokens: list[Token], first: int, last: int) -> frozenset[str]:
    return frozenset(t.text.casefold() for t in tokens[first : last + 1] if t.word)


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
    index = 0
    while index < len(tokens):
        if index in taken or not tokens[index].cap or not context.name_word(index) or not context.starts_name(index):
            index += 1
            continue
        last = context.run_at(index)
        if last < index:
            index += 1
            continue
        key = _key(tokens, index, last)
        owner = full.get(key)
        if owner is None and len(key) == 1:
            owners = word_owner.get(next(iter(key)), [])
            owner = _nearest(owners, tokens[index].start)
        if owner is not None:
            owner.mentions.append(_Mention(tokens[index].start, tokens[last].end, index, last, anchored=False))
        index = last + 1


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
                spans.append(Span(text=text[m.start : m.end], start=m.start, end=m.end))
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
