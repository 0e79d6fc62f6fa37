"""Every named organization, with its acronym and parent unit.

The text is read once as tokens. Runs of capitalized words joined by "of", "and", "for", "on",
"the" are *chunks*; a chunk is cut at each "of" into segments, and a segment is an organization when
a head noun from the vocabulary ends it ("… Cooperation Center") or a bare head takes the segment
after it as its complement ("Ministry" + "of Ecology and Environment"). "X of Y" with Y an
organization of its own makes Y the parent of X. Acronyms are paired with names in either
direction by the Schwartz & Hearst (2003) letter check, so a parenthesis that is not an acronym is
left alone. Capitalized abbreviations used on their own ("the UN", "EU delegation") are bodies too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from itertools import compress, count, product
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

import regex

from ..document import WORD, Document
from ..models import Organization, Span
from ..rules import RuleSet
from .names import (
    Token,
    Vocabulary,
    bare,
    country_at,
    is_possessive,
    schwartz_hearst,
    tokenize,
    vocabulary,
)

if TYPE_CHECKING:
    from ..pipeline import Found

__all__ = ["extract", "find_organizations"]

_PAREN = regex.compile(r"\((?=[^()\n]{0,39}\p{Uppercase})([^()\n]{1,40})\)")
"""A parenthesis that may hold a short form: one without an upper-case letter never does (see `_short_form`)."""
_SLOT_BEFORE = frozenset({"of", "by", "with", "between", "the", "and", "from", "to", "at", "under"})
_MAX_CHUNK = 40
_SHORT_CUT = regex.compile(r"[;,]")
_ROMAN = regex.compile(r"[IVX]{1,4}")
_DASH = regex.compile(r"[-–]")
_CAPITAL_HYPHEN = regex.compile(r"\p{Lu}{1,3}-\p{Ll}{2,6}")
_KEY_WORD = regex.compile(r"[\p{L}\p{N}]+")
_FIRST_WORD = regex.compile(rf"{WORD}|\S")
_R = TypeVar("_R", bound=Span)
_START = itemgetter(0)
_TEXT = itemgetter(2)
_UPPER = itemgetter(4)
_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")
"""The endings `names.bare` strips."""


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    parent: _Candidate | None = None
    acronym: str | None = None
    bare: bool = False
    complemented: bool = False


def extract(doc: Document, rules: RuleSet, found: Found) -> Found:
    """Fill `found.organizations`."""
    return replace(found, organizations=find_organizations(doc.text, rules, doc.tokens))


@dataclass(frozen=True)
class _Tables:
    """What the stage compiles from the rules, built once per RuleSet: one `rules.compiled` look-up per text."""

    vocab: Vocabulary
    company: regex.Pattern[str]
    company_starts: tuple[str, ...]
    """A blank and the first two characters of each company ending (" Co", " Lt"): a cheap test first."""
    suffix: regex.Pattern[str]
    suffix_openings: tuple[str, ...]
    credits: tuple[tuple[regex.Pattern[str], _Needs], ...]
    outlet: regex.Pattern[str]
    credit_lines: tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]
    system_first_forms: frozenset[str]


def _tables(rules: RuleSet) -> _Tables:
    return _Tables(
        vocab=vocabulary(rules),
        company=_company_pattern(rules),
        company_starts=tuple(" " + ending[:2] for ending in rules.organizations.company_suffixes),
        suffix=_suffix_pattern(rules),
        suffix_openings=_suffix_openings(rules),
        credits=_credit_patterns(rules),
        outlet=_outlet_pattern(rules),
        credit_lines=_credit_line_patterns(rules),
        system_first_forms=_system_first_forms(rules),
    )


def find_organizations(text: str, rules: RuleSet, tokens: list[Token] | None = None) -> tuple[Organization, ...]:
    """The organizations named in `text`, in order of first mention."""
    tables = rules.compiled(_tables)
    vocab = tables.vocab
    if tokens is None:
        tokens = tokenize(text)
    parens = _acronym_parens(text)
    acronyms = _acronym_candidates(parens)
    candidates: list[_Candidate] = []
    company = tables.company
    company_starts = tables.company_starts
    head_forms = vocab.head_forms
    for chunk in _relevant_chunks(text, tokens, tables):
        if len(chunk) == 1 and tokens[chunk[0]].text not in head_forms:
            # a lone capitalized word ("A, B, C, …" costs one test each): only a company suffix can follow
            if text.startswith(company_starts, tokens[chunk[0]].end):
                suffix = company.match(text, tokens[chunk[0]].end)
                if suffix is not None:
                    made = _company(tokens, chunk, suffix.end(), vocab)
                    if made is not None:
                        candidates.append(made)
            continue
        if any(tokens[t].text in head_forms and tokens[t].cap for t in chunk):
            candidates.extend(_parse_chunk(text, tokens, chunk, vocab, acronyms))
        elif text.startswith(company_starts, tokens[chunk[-1]].end) or (
            len(chunk) > 1 and text.startswith(company_starts, tokens[chunk[-2]].end)
        ):
            suffix = company.match(text, tokens[chunk[-1]].end)
            if suffix is None and len(chunk) > 1:
                suffix = company.match(text, tokens[chunk[-2]].end)
                chunk = chunk[:-1]
            if suffix is not None:
                made = _company(tokens, chunk, suffix.end(), vocab)
                if made is not None:
                    candidates.append(made)
    candidates.extend(_system_bodies(text, tokens, tables))
    candidates.extend(_credits(text, tables))
    _located(text, tokens, candidates, vocab)
    _pair_acronyms(text, tokens, candidates, vocab, parens)
    _standalone_acronyms(text, tokens, candidates, vocab, acronyms)
    _comma_parents(text, candidates, vocab)
    return _records(text, candidates, tokens)


_CAP_RUN = r"\p{Lu}[\p{L}\p{N}&-]{0,30}(?:[ \t]\p{Lu}[\p{L}\p{N}&-]{0,30}){0,5}"


_Needs = tuple[tuple[str, ...], ...]
"""Strings a text must hold for a pattern to match there: one of each group (checked before searching)."""


def _credit_patterns(rules: RuleSet) -> tuple[tuple[regex.Pattern[str], _Needs], ...]:
    """Where news pages credit a publisher or agency: "Source: X", "(X) --", "/X/ --", "© X", "… . (X)".

    Each comes with the strings it needs, so that a text without them is not searched.
    """
    ordered = sorted(rules.organizations.source_labels, key=len, reverse=True)
    by_labels = "|".join(regex.escape(label) for label in ordered if label.endswith(" by"))
    labels = "|".join(regex.escape(label) for label in ordered if not label.endswith(" by"))
    dash = r"[ \t]*(?:--|–|—)"
    # "Source: X" needs its colon; "Developed by X" does not
    label = rf"(?:(?:{labels})[ \t]*[:：]|(?:{by_labels})[ \t])" if by_labels else rf"(?:{labels})[ \t]*[:：]"
    dashes = ("--", "–", "—")
    return (
        (
            regex.compile(rf"(?:^|(?<=[\s\[(])){label}[ \t]*(?P<name>{_CAP_RUN})", regex.MULTILINE),
            (tuple(ordered),),
        ),
        (regex.compile(rf"\((?P<name>{_CAP_RUN})\){dash}"), (("(",), dashes)),
        (regex.compile(rf"/(?P<name>\p{{Lu}}[\p{{L}}]{{2,30}})/{dash}"), (("/",), dashes)),
        (regex.compile(rf"©[ \t]*(?P<name>{_CAP_RUN})"), (("©",),)),
        (regex.compile(rf"(?<=[.!?][ \t]{{0,3}})\((?P<name>{_CAP_RUN})\)[ \t]*(?=\n|$)"), (("(",),)),
    )


def _credits(text: str, tables: _Tables) -> list[_Candidate]:
    """Publishers and agencies named in credits and datelines ("(Xinhua) --", "Source: …")."""
    out: list[_Candidate] = []
    vocab = tables.vocab
    for pattern, needs in tables.credits:
        if not all(any(need in text for need in group) for group in needs):
            continue
        for match in pattern.finditer(text):
            start, end = match.span("name")
            words = tokenize(text[start:end])
            while words and (words[-1].text in vocab.function_words or not words[-1].cap):
                words.pop()
            if not words:
                continue
            end = start + words[-1].end
            if words[0].text in ("The",) and len(words) == 1:
                continue
            if country_at(words, 0, vocab) is not None and len(words) == 1:
                continue
            if any(w.text.casefold() in vocab.position_words for w in words):
                continue
            if words[-1].text in vocab.heads and text.startswith((" of ", " for "), end):
                continue  # "Source: Department of …": the chunk reader takes the whole name
            out.append(_Candidate(start, end))
    for match in tables.outlet.finditer(text) if "|" in text else ():
        start, end = match.span("name")
        if text[start:end].rsplit(" ", 1)[-1] in vocab.outlet_words:
            out.append(_Candidate(start, end))
    out.extend(_credit_line_outlets(text, tables))
    return out


def _credit_line_outlets(text: str, tables: _Tables) -> list[_Candidate]:
    """Outlets and agencies on a page's credit lines: a bar field ("By Jane Doe | Delta Herald |
    Updated: …"), a masthead opening the text ("THE RIVER HERALD", "The Evening Post"), an agency after a date
    ("May 4,2023 By:DNA")."""
    field_pattern, masthead, agency = tables.credit_lines
    vocab = tables.vocab
    out: list[_Candidate] = []
    for line_start, line_end, byline in _credit_lines(text):
        for match in field_pattern.finditer(text, line_start, line_end):
            start, end = match.span("name")
            words = text[start:end].split()
            if len(words) < 2 or words[-1] not in vocab.outlet_words:  # not a menu's "News"
                continue
            if not byline and text[start - 1 - len(match.group("space"))] == ",":
                continue  # after a comma only on a byline: "By Jane Doe, Delta Herald"
            out.append(_Candidate(start, end))
    top = masthead.match(text)
    masthead_words = top.group("name").split() if top is not None else []
    if top is not None and len(masthead_words) >= 2 and masthead_words[-1].capitalize() in vocab.outlet_words:
        out.append(_Candidate(*top.span("name")))
    for match in agency.finditer(text) if "By" in text else ():
        line_start = text.rfind("\n", 0, match.start()) + 1
        if any(char.isdigit() for char in text[line_start : match.start()]):
            out.append(_Candidate(*match.span("name")))
    return out


def _credit_lines(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, is_byline)`` of the lines a credit field can stand on: those holding a bar, and
    bylines (opening with "By "), found with `str.find` instead of trying the field pattern at every comma."""
    starts = {text.rfind("\n", 0, bar) + 1 for bar in _find_all(text, "|")}
    bylines = {0} if text.startswith(("By ", "by ")) else set()
    bylines.update(at + 1 for marker in ("\nBy ", "\nby ") for at in _find_all(text, marker))
    out = []
    for start in sorted(starts | bylines):
        end = text.find("\n", start)
        out.append((start, len(text) if end < 0 else end, start in bylines))
    return out


def _find_all(text: str, literal: str) -> list[int]:
    """Every offset of `literal` in `text`, one line at most per hit (the scan goes on after the line)."""
    out = []
    at = text.find(literal)
    while at >= 0:
        out.append(at)
        line_end = text.find("\n", at + 1)
        if line_end < 0:
            break
        at = text.find(literal, line_end)
    return out


def _credit_line_patterns(rules: RuleSet) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    del rules
    caps_word = r"\p{Lu}[\p{L}\p{N}&'.-]{0,30}"
    return (
        regex.compile(
            rf"[|,](?P<space>[ \t]*)(?P<name>{_CAP_RUN})[ \t]*(?=[|\n]|\Z)"
        ),  # from the mark: no look-behind tried at every character
        regex.compile(rf"[ \t\n]{{0,20}}(?P<name>{caps_word}(?:[ \t]{caps_word}){{0,5}})[ \t]*\n"),
        regex.compile(
            r"(?<![\p{L}\p{N}])By(?:[ \t]{0,3}[:：][ \t]{0,3}|[ \t]{1,3})(?P<name>\p{Lu}{2,8})[ \t]*$", regex.MULTILINE
        ),
    )


def _outlet_pattern(rules: RuleSet) -> regex.Pattern[str]:
    """A byline line that opens with a news outlet: "Mekong Times | 2022-06-20"."""
    del rules
    return regex.compile(rf"^[ \t]*(?P<name>{_CAP_RUN})[ \t]*\|", regex.MULTILINE)


def _company_pattern(rules: RuleSet) -> regex.Pattern[str]:
    """A company ending right after a name: " Co., Ltd.", " Inc."."""
    endings = sorted(rules.organizations.company_suffixes, key=len, reverse=True)
    alternatives = "|".join(regex.escape(e).replace("\\ ", " ").replace(" ", "[ \t]?") for e in endings)
    return regex.compile(rf"[ \t]{{1,2}}(?:{alternatives})(?![\p{{L}}\p{{N}}])")


def _company(tokens: list[Token], chunk: list[int], end: int, vocab: Vocabulary) -> _Candidate | None:
    """ "Puyu Technology Development" + " Co., Ltd.": the capitalized words after the last "of"/title."""
    start = len(chunk)
    while start > 0:
        token = tokens[chunk[start - 1]]
        low = token.text.casefold()
        if not token.cap or low in vocab.position_words or token.text in vocab.function_words:
            break
        if country_at(tokens, chunk[start - 1], vocab) is not None and start - 1 == 0 and len(chunk) > 1:
            break
        start -= 1
    if start == len(chunk):
        return None
    return _Candidate(tokens[chunk[start]].start, end)


def _located(text: str, tokens: list[Token], candidates: list[_Candidate], vocab: Vocabulary) -> None:
    """ "Cambodian Embassy" + " in China": a mission's name includes where it is."""
    for c in candidates:
        last_word = bare(text[c.start : c.end].rsplit(" ", 1)[-1])
        if last_word not in vocab.located_heads:
            continue
        index = bisect.bisect_left(tokens, c.end, key=_START)
        if index + 1 < len(tokens) and tokens[index].text == "in" and tokens[index].start - c.end == 1:
            found = country_at(tokens, index + 1, vocab)
            if found is not None:
                c.end = tokens[index + found[1]].end


# --- chunks -------------------------------------------------------------------------------------


def _is_head(token: Token, vocab: Vocabulary) -> bool:
    return token.cap and token.text in vocab.head_forms


def _suffix_pattern(rules: RuleSet) -> regex.Pattern[str]:
    """A company ending anywhere ("Co., Ltd.", "Inc."): searched without the leading blank, which would
    make the search try every space of the text."""
    endings = sorted(rules.organizations.company_suffixes, key=len, reverse=True)
    alternatives = "|".join(regex.escape(e).replace("\\ ", " ").replace(" ", "[ \t]?") for e in endings)
    return regex.compile(rf"(?:{alternatives})(?![\p{{L}}\p{{N}}])")


def _suffix_openings(rules: RuleSet) -> tuple[str, ...]:
    """The first words of the company endings ("Co.,", "Inc."): when none is in the text, no search is needed."""
    return tuple({ending.split(" ")[0] for ending in rules.organizations.company_suffixes})


def _anchors(text: str, tokens: list[Token], tables: _Tables) -> list[int]:
    """Indices of the tokens a chunk must hold to yield anything: head nouns, words a company ending follows.

    Found without a Python step per token (a set look-up mapped over the token texts, one regex search).
    """
    found = set(compress(count(), map(tables.vocab.head_forms.__contains__, map(_TEXT, tokens))))
    if any(opening in text for opening in tables.suffix_openings):
        company = tables.company
        for match in tables.suffix.finditer(text, overlapped=True):
            for end in (match.start() - 1, match.start() - 2):
                if end > 0 and company.match(text, end):
                    index = bisect.bisect_right(tokens, end, key=_START) - 1
                    if index >= 0 and tokens[index].end == end:
                        found.add(index)
    return sorted(found)


def _is_cut(text: str, tokens: list[Token], index: int, connectors: frozenset[str]) -> bool:
    """No chunk or list of chunks can run from before capitalized word `index` into it.

    A chunk only grows into a word right after a capitalized word, after a connector that follows one
    ("Water of Delta", "Water of the Delta"), or over a "(…)" of at most seven tokens and "of the"; a
    listed piece ("…, Science, …") only after a comma. "said the Delta" is a cut.
    """
    if index == 0:
        return True
    before = tokens[index - 1]
    if (before.cap and before.word) or before.text == ",":
        return False
    if before.text in connectors and index >= 2:
        joined = tokens[index - 2]
        if joined.cap and joined.word:
            return False
        if before.text == "the" and index >= 3 and joined.text in connectors:
            first = tokens[index - 3]
            if first.cap and first.word:
                return False
    return text.find("(", tokens[max(0, index - 11)].start, before.end) < 0


def _relevant_chunks(text: str, tokens: list[Token], tables: _Tables) -> list[list[int]]:
    """The merged chunks of the stretches around anchors; the rest of the text cannot name a body.

    Each stretch starts at a cut, where chunking starts afresh, or where the stretch before stopped, so
    its chunks are the very ones a reading of the whole text would make.
    """
    vocab = tables.vocab
    anchors = _anchors(text, tokens, tables)
    if not anchors:
        return []
    out: list[list[int]] = []
    done = 0  # the token where reading may go on: the start of the text or of a chunk
    connectors = vocab.connectors
    for anchor in anchors:
        if anchor < done:
            continue  # read with the stretch before
        first = anchor
        while first > done and not (
            tokens[first].cap and tokens[first].word and _is_cut(text, tokens, first, connectors)
        ):
            first -= 1
        chunks, done = _chunks(tokens, vocab, first, anchor)
        out.extend(_merge_enumerations(tokens, chunks, vocab))
    return out


def _chunks(tokens: list[Token], vocab: Vocabulary, first: int, anchor: int) -> tuple[list[list[int]], int]:
    """Runs of capitalized tokens joined by connectors, from token `first` until past `anchor`.

    A "(ACR)" before "of" is stepped over. Returns the chunks and the token they stopped at: the one
    after a chunk that no listed piece follows (or a chunk start that no comma joins to the chunks
    before), so reading may go on from there (or from any later cut) as if the whole text had been read.
    """
    chunks: list[list[int]] = []
    n = len(tokens)
    connectors = vocab.connectors
    i = first
    while i < n:
        current = tokens[i]
        if not (current.cap and current.word):
            i += 1
            continue
        if i > anchor and tokens[i - 1].text != ",":
            return chunks, i  # past the anchor, and no listed piece can join what came before
        chunk = [i]
        j = i
        if i + 1 < n:
            nxt = tokens[i + 1]
            if not (nxt.word and nxt.cap) and nxt.text not in connectors and nxt.text != "(":
                chunks.append(chunk)  # a lone word: nothing can join it
                if i >= anchor and not _listed_next(tokens, i):
                    return chunks, i + 1
                i += 1
                continue
        while len(chunk) < _MAX_CHUNK:
            word = current.text
            if (
                len(word) > 2
                and word.endswith(_POSSESSIVE_ENDINGS)
                and not (j + 1 < n and _is_head(tokens[j + 1], vocab))
            ):
                break  # "China's" ends a chunk unless a head noun follows ("China's Ministry")
            k = j + 1
            if k >= n:
                break
            nxt = tokens[k]
            if nxt.newline_before or nxt.start - current.end > 2:
                break
            if nxt.word and nxt.cap:
                chunk.append(k)
                j = k
                current = nxt
                continue
            if nxt.text in connectors:
                m = k + 1
                if m < n and tokens[m].text in ("the", "The") and nxt.text != "the":
                    if nxt.text in ("and", "&"):
                        break
                    m += 1
                if m < n and tokens[m].word and tokens[m].cap and not tokens[m].newline_before:
                    chunk.extend(range(k, m + 1))
                    j = m
                    current = tokens[m]
                    continue
                break
            if nxt.text == "(":
                close = _paren_close(tokens, k)
                if close is not None and close + 2 < n and tokens[close + 1].text == "of":
                    m = close + 2
                    if tokens[m].text == "the":
                        m += 1
                    if m < n and tokens[m].word and tokens[m].cap:
                        chunk.extend(range(close + 1, m + 1))
                        j = m
                        current = tokens[m]
                        continue
            break
        chunks.append(chunk)
        if j >= anchor and not _listed_next(tokens, j):
            return chunks, j + 1
        i = j + 1
    return chunks, n


def _listed_next(tokens: list[Token], last: int) -> bool:
    """Can a listed piece (", Science") follow the chunk that ends at `last`? Else reading may stop there."""
    return last + 2 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].cap and tokens[last + 2].word


def _paren_close(tokens: list[Token], open_index: int) -> int | None:
    for k in range(open_index + 1, min(open_index + 8, len(tokens))):
        if tokens[k].text == ")":
            return k
        if tokens[k].text == "(" or tokens[k].newline_before:
            return None
    return None


def _merge_enumerations(tokens: list[Token], chunks: list[list[int]], vocab: Vocabulary) -> list[list[int]]:
    """Join "Ministry of Industry" + ", Science, Technology and Innovation" into one chunk."""
    merged: list[list[int]] = []
    index = 0
    while index < len(chunks):
        if len(chunks[index]) < 3:
            merged.append(chunks[index])  # too short to end "Head of X"
            index += 1
            continue
        chunk = list(chunks[index])
        index += 1
        while _ends_with_complement(tokens, chunk, vocab):
            pieces: list[list[int]] = []
            look = index
            closed = False
            last = chunk[-1]
            while look < len(chunks) and len(pieces) < 5:
                piece = chunks[look]
                if piece[0] != last + 2 or tokens[last + 1].text != ",":
                    break
                first_segment = _before_of(tokens, piece)
                if len(first_segment) > 5 or any(_is_head(tokens[t], vocab) for t in first_segment):
                    break
                if country_at(tokens, piece[0], vocab) is not None:
                    break
                pieces.append(piece)
                last = piece[-1]
                look += 1
                if any(tokens[t].text in ("and", "&") for t in first_segment):
                    closed = True
                    break
            if not closed:
                break
            for piece in pieces:
                chunk.append(piece[0] - 1)
                chunk.extend(piece)
            index = look
        merged.append(chunk)
    return merged


def _before_of(tokens: list[Token], chunk: list[int]) -> list[int]:
    out = []
    for t in chunk:
        if tokens[t].text == "of":
            break
        out.append(t)
    return out


def _ends_with_complement(tokens: list[Token], chunk: list[int], vocab: Vocabulary) -> bool:
    """The chunk ends "Head of X" with no head noun in X (an open list may follow)."""
    if len(chunk) < 3:
        return False
    for position in range(len(chunk) - 1, 0, -1):
        token = tokens[chunk[position]]
        if token.text == "of":
            before = position - 1
            return before >= 0 and _is_head(tokens[chunk[before]], vocab) and position < len(chunk) - 1
        if _is_head(token, vocab) or token.text == ",":
            return False
    return False


# --- parsing a chunk ----------------------------------------------------------------------------


def _segments(tokens: list[Token], chunk: list[int]) -> list[list[int]]:
    segments: list[list[int]] = [[]]
    skip_the = False
    for t in chunk:
        text = tokens[t].text
        if text == "of":
            segments.append([])
            skip_the = True
            continue
        if skip_the and text == "the":
            skip_the = False
            continue
        skip_the = False
        segments[-1].append(t)
    return [s for s in segments if s]


def _trailing_name(tokens: list[Token], chunk: list[int], vocab: Vocabulary) -> int:
    """How many capitalized words end the chunk as a person's name ("… of Ecology and Environment Guo Jing")."""
    count = 0
    for t in reversed(chunk):
        token = tokens[t]
        low = token.text.casefold()
        if (
            not token.cap
            or _is_head(token, vocab)
            or low in vocab.portfolio
            or low in vocab.position_words
            or country_at(tokens, t, vocab) is not None
            or is_possessive(token)
        ):
            break
        count += 1
        if count == 4:
            break
    return count if count >= 2 else 0


def _has_position(tokens: list[Token], segment: list[int], vocab: Vocabulary) -> bool:
    return any(tokens[t].text.casefold() in vocab.position_words and not _is_head(tokens[t], vocab) for t in segment)


def _parse_chunk(
    text: str, tokens: list[Token], chunk: list[int], vocab: Vocabulary, acronyms: dict[str, tuple[int, int]]
) -> list[_Candidate]:
    segments = _segments(tokens, chunk)
    if not segments:
        return []
    system_first_words = {prefix[0] for prefix in vocab.system_prefixes}
    cut = _trailing_name(tokens, chunk, vocab)
    if cut and len(chunk) > cut:
        before = tokens[chunk[-cut - 1]]
        if _has_position(tokens, segments[0], vocab) or before.text.casefold() in vocab.portfolio:
            chunk = chunk[:-cut]
            segments = _segments(tokens, chunk)
    out: list[_Candidate] = []
    previous: _Candidate | None = None
    for index, segment in enumerate(segments):
        if index > 0 and previous is not None and previous.bare and _plain(tokens, segment):
            previous.end = tokens[segment[-1]].end
            previous.complemented = True
            previous.bare = False
            continue
        if index > 0 and previous is not None and len(segment) == 1 and tokens[segment[0]].upper:
            previous.parent = _Candidate(tokens[segment[0]].start, tokens[segment[0]].end)
            previous = None
            continue
        if index > 0 and previous is not None and not previous.complemented and _plain(tokens, segment):
            complement, listed = _split_listed(tokens, segment, vocab)
            if listed is not None and not any(_is_head(tokens[t], vocab) for t in complement):
                previous.end = tokens[complement[-1]].end
                previous.complemented = True
                previous.bare = False
                out.append(listed)
                previous = listed
                continue
        made: list[_Candidate] = []
        post: list[int] = []
        if len(segment) == 1:
            # one word ("Ministry", "Environment"): a bare head or nothing, as `_core` would find
            word = tokens[segment[0]]
            made.append(_Candidate(word.start, word.end, bare=True) if _is_head(word, vocab) else _Candidate(-1, -1))
        else:
            pre, post = _split_for_on(tokens, segment)
            while post and all(_core(tokens, p, vocab) is None for p in _pieces(tokens, pre, vocab)):
                rest = [t for t in post[1:] if tokens[t].text != "the"] if len(post) > 1 else []
                if not rest:
                    break
                pre, post = _split_for_on(tokens, rest)
            for piece in _pieces(tokens, pre, vocab):
                core = _core(tokens, piece, vocab)
                if core is None:
                    made.append(_Candidate(-1, -1))
                    continue
                start_t, head_t = core
                made.append(_Candidate(tokens[start_t].start, tokens[head_t].end, bare=start_t == head_t))
        first = made[0] if made else None
        if index > 0 and previous is not None and (first is None or first.start < 0):
            # "of Y" where Y is no organization of its own
            country = country_at(tokens, segment[0], vocab)
            if country is not None:
                head = bare(text[previous.start : previous.end].rsplit(" ", 1)[-1])
                joined = text[previous.end : tokens[segment[0]].start] in (" of ", " of the ")
                if joined and country[1] == len(segment) and head in vocab.country_kept_after:
                    previous.end = tokens[segment[-1]].end  # "National University of Laos"
                    previous.complemented = True
                    previous.bare = False
                previous = None
                continue
            seg_text = text[tokens[segment[0]].start : tokens[segment[-1]].end]
            if len(segment) == 1 and seg_text in acronyms:
                previous.parent = _Candidate(tokens[segment[0]].start, tokens[segment[0]].end)
                previous = None
                continue
            first_word = tokens[segment[0]].text.casefold()
            if first_word in system_first_words and any(
                p[0] == first_word and tuple(t.text.casefold() for t in tokens[segment[0] : segment[0] + len(p)]) == p
                for p in vocab.system_prefixes
            ):
                # "… Division of UN Environment": a system body is a parent, not a complement
                previous.parent = _Candidate(tokens[segment[0]].start, tokens[segment[-1]].end)
                previous = None
                continue
            if not previous.complemented and not is_possessive(tokens[segment[-1]]) and _plain(tokens, segment):
                complement, listed = _split_listed(tokens, segment, vocab)
                previous.end = tokens[complement[-1]].end
                previous.complemented = True
                previous.bare = False
                if listed is not None:
                    out.append(listed)
                    previous = listed
                continue
            previous = None
            continue
        real = [c for c in made if c.start >= 0]
        if index > 0 and previous is not None and first is not None and first.start >= 0:
            previous.parent = first
        if post and real and made[-1].start >= 0:
            last = made[-1]
            if _plain(tokens, post):
                last.end = tokens[post[-1]].end
                last.complemented = True
                last.bare = False
        out.extend(real)
        previous = made[-1] if made and made[-1].start >= 0 else None
    return [c for c in out if not c.bare]


def _split_listed(tokens: list[Token], segment: list[int], vocab: Vocabulary) -> tuple[list[int], _Candidate | None]:
    """ "Environmental Sciences and Peking University": the complement, and the body listed after "and"."""
    for position in range(1, len(segment) - 1):
        if tokens[segment[position]].text in ("and", "&"):
            rest = segment[position + 1 :]
            core = _core(tokens, rest, vocab)
            # "… of Environmental Sciences and Peking University": a finished field name (a plural) before
            # "and" lists a second body; "… of National Development and Reform Commission" is one name
            closed = tokens[segment[position - 1]].text.endswith("s")
            if core is not None and core[0] != core[1] and closed:
                return segment[:position], _Candidate(tokens[core[0]].start, tokens[core[1]].end)
    return segment, None


def _plain(tokens: list[Token], segment: list[int]) -> bool:
    """A complement: capitalized words and connectors, no brackets."""
    return all(tokens[t].text not in ("(", ")") for t in segment) and any(tokens[t].cap for t in segment)


def _split_for_on(tokens: list[Token], segment: list[int]) -> tuple[list[int], list[int]]:
    for position, t in enumerate(segment):
        if tokens[t].text in ("for", "on") and position > 0:
            return segment[:position], segment[position:]
    return segment, []


def _pieces(tokens: list[Token], pre: list[int], vocab: Vocabulary) -> list[list[int]]:
    """Split "X Center and Y Institute" into two; "Science and Technology Institute" stays one."""
    pieces: list[list[int]] = [[]]
    for t in pre:
        if tokens[t].text in ("and", "&") and pieces[-1] and _is_head(tokens[pieces[-1][-1]], vocab):
            pieces.append([])
            continue
        pieces[-1].append(t)
    return [p for p in pieces if p]


def _core(tokens: list[Token], piece: list[int], vocab: Vocabulary) -> tuple[int, int] | None:
    """(first, head) token indices of the organization name in a piece, or None."""
    head = None
    for position in range(len(piece) - 1, -1, -1):
        if _is_head(tokens[piece[position]], vocab):
            head = position
            break
    if head is None:
        return None
    end = head
    if head != len(piece) - 1:
        # "Division II": a roman numeral may follow the head
        if not all(_ROMAN.fullmatch(tokens[t].text) for t in piece[head + 1 :]):
            return None
        end = len(piece) - 1
    start = head
    while start > 0:
        token = tokens[piece[start - 1]]
        low = token.text.casefold()
        if token.text in ("(", ")", ",", "the") or low in vocab.honorific_words or token.text in vocab.function_words:
            break
        if token.text in ("and", "&") and start >= 2 and tokens[piece[start - 2]].upper:
            break
        if _is_head(token, vocab) and head - (start - 1) > 2:
            break
        if low in vocab.position_words and not _is_head(token, vocab) and low not in vocab.portfolio:
            break
        if is_possessive(token) and start - 1 != head - 1:
            break
        start -= 1
    while start < head and tokens[piece[start]].text in ("The", "the", "and", "&", "of", "for", "on"):
        start += 1
    head_text = bare(tokens[piece[head]].text)
    if head_text in vocab.country_stripped_before:
        position = start
        while position < head:
            found = country_at(tokens, piece[position], vocab)
            if found is None and not is_possessive(tokens[piece[position]]):
                break
            position += found[1] if found else 1
        if position == head:
            start = head
    for position in range(start, head):
        if bare(tokens[piece[position]].text) in vocab.not_organization:
            return None
    return piece[start], piece[end]


# --- acronyms -----------------------------------------------------------------------------------


def _short_form(inside: str) -> str | None:
    short = _SHORT_CUT.split(inside, maxsplit=1)[0].strip()
    words = short.split()
    if not short or len(words) > 3 or len(short) > 20 or not short[0].isalnum():
        return None
    if _CAPITAL_HYPHEN.fullmatch(short):
        return short  # "K-eco": one capital, a hyphen, a short word
    if sum(1 for c in short if c.isupper()) < 2:
        return None
    if ("-" in words[0] or "–" in words[0]) and any(c.islower() for c in words[0]):
        return None
    if not any(c.isalpha() for c in short):
        return None
    return short


def _acronym_parens(text: str) -> list[tuple[regex.Match[str], str]]:
    """Each parenthesis holding a short form, with that short form (read once, used by several steps)."""
    out: list[tuple[regex.Match[str], str]] = []
    for match in _PAREN.finditer(text):
        short = _short_form(match.group(1))
        if short is not None:
            out.append((match, short))
    return out


def _acronym_candidates(parens: list[tuple[regex.Match[str], str]]) -> dict[str, tuple[int, int]]:
    """Parenthesized short forms: text → (start of "(", end of ")")."""
    out: dict[str, tuple[int, int]] = {}
    for match, short in parens:
        out.setdefault(short, match.span())
    return out


def _pair_acronyms(
    text: str,
    tokens: list[Token],
    candidates: list[_Candidate],
    vocab: Vocabulary,
    parens: list[tuple[regex.Match[str], str]],
) -> None:
    """ "Name (ACR)" and "ACR (Name)": attach acronyms that pass the letter check; make new bodies."""
    by_end: dict[int, _Candidate] = {}
    by_start: dict[int, _Candidate] = {}
    for c in candidates:
        by_end.setdefault(c.end, c)
        by_start.setdefault(c.start, c)
    for match, short in parens:
        if short in vocab.not_acronyms:
            continue
        if country_at(tokenize(short), 0, vocab) is not None:
            continue
        open_at = match.start()
        before = open_at
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        owner = by_end.get(before)
        if owner is None:
            owner = _owner_before_country(text, tokens, before, by_end, vocab)
        if owner is not None:
            name = text[owner.start : owner.end]
            at = schwartz_hearst(short, name)
            if at is not None:
                if owner.acronym is None:
                    owner.acronym = short
                if 0 < at < len(name) and _trim_ok(name[:at], vocab):
                    owner.start += at
                continue
        inner = by_start.get(match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip())))
        if inner is not None and inner.acronym is None:
            word = _word_before(text, open_at)
            if word and _short_form(word) and schwartz_hearst(word, text[inner.start : inner.end]) == 0:
                inner.acronym = word
                continue
        made = _long_form(text, tokens, before, short, vocab)
        if made is not None:
            same_start = by_start.get(made.start)
            if same_start is not None:
                same_start.acronym = same_start.acronym or short
                continue
            if owner is not None and owner.start > made.start:
                owner.start = made.start
                owner.acronym = short
                continue
            candidates.append(made)
            by_end[made.end] = made


def _owner_before_country(
    text: str, tokens: list[Token], end: int, by_end: dict[int, _Candidate], vocab: Vocabulary
) -> _Candidate | None:
    """The body in "Ministry of Water Resources of China (MWR)": the name before "of <country>"."""
    index = bisect.bisect_left(tokens, end, key=_START) - 1
    for back in range(1, vocab.country_length + 1):
        first = index - back + 1
        if first < 2:
            break
        found = country_at(tokens, first, vocab)
        if found is not None and first + found[1] - 1 == index:
            of_index = first - 1
            if tokens[of_index].text == "the":
                of_index -= 1
            if tokens[of_index].text == "of":
                return by_end.get(tokens[of_index - 1].end)
    return None


def _trim_ok(prefix: str, vocab: Vocabulary) -> bool:
    """Words cut off the front by the acronym check: only a country word or "the"."""
    words = prefix.split()
    return all(w.casefold() in ("the",) or (w.casefold(),) in vocab.countries for w in words)


def _word_before(text: str, at: int) -> str | None:
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-&"):
        start -= 1
        if end - start > 20:
            return None
    return text[start:end] or None


def _long_form(text: str, tokens: list[Token], end: int, short: str, vocab: Vocabulary) -> _Candidate | None:
    """A body named only by "Long Form (ACR)" with no head noun found before: "United Nations … (UNEP)"."""
    index = bisect.bisect_left(tokens, end, key=_START) - 1
    letters = sum(1 for c in short if c.isalnum())
    limit = min(letters + 5, letters * 2)
    words: list[int] = []
    while index >= 0 and len(words) < limit:
        token = tokens[index]
        if not token.word or (token.newline_before and words):
            if token.word:
                words.append(index)
            break
        if not token.cap and token.text not in vocab.connectors:
            break
        words.append(index)
        index -= 1
    if not words:
        return None
    words.reverse()
    span_start = tokens[words[0]].start
    name = text[span_start:end]
    at = schwartz_hearst(short, name)
    if at is None:
        return None
    long_start = span_start + at
    long_tokens = [t for t in words if tokens[t].start >= long_start]
    if not long_tokens or not tokens[long_tokens[0]].cap:
        return None
    texts = [bare(tokens[t].text) for t in long_tokens]
    if any(t in vocab.not_organization for t in texts):
        return None
    lowered = tuple(t.casefold() for t in texts)
    is_system = any(lowered[: len(p)] == p for p in vocab.system_prefixes)
    has_head = any(t in vocab.heads for t in texts)
    if not (is_system or has_head):
        return None
    if not has_head and any(t.casefold() in vocab.position_words for t in texts):
        return None
    return _Candidate(long_start, end, acronym=short)


def _system_bodies(text: str, tokens: list[Token], tables: _Tables) -> list[_Candidate]:
    """Names that start with a system prefix ("UN Environment", "United Nations Development Program", "the UN")."""
    out: list[_Candidate] = []
    n = len(tokens)
    vocab = tables.vocab
    forms = tables.system_first_forms
    done = -1
    for i in _tokens_spelled(text, tokens, forms):
        if i <= done:
            continue
        token = tokens[i]
        if i > 0 and tokens[i - 1].cap and not tokens[i].newline_before and tokens[i - 1].word:
            continue
        matched = 0
        for prefix in vocab.system_prefixes:
            words = tuple(tokens[i + k].text.casefold() for k in range(len(prefix)) if i + k < n)
            if words == prefix:
                matched = len(prefix)
                break
        if not matched:
            continue
        end = i + matched - 1
        j = end + 1
        while j < n and j - i < 8:
            nxt = tokens[j]
            if nxt.newline_before or not nxt.word or not nxt.cap or nxt.start - tokens[j - 1].end > 1:
                break
            low = bare(nxt.text).casefold()
            if low in vocab.position_words:
                break
            if low in vocab.modifiers and j + 1 < n and tokens[j + 1].text.casefold() in vocab.position_words:
                break
            if bare(nxt.text) in vocab.not_organization:
                end = -1
                break
            end = j
            if is_possessive(nxt):
                break
            j += 1
        if end < 0:
            continue
        last = tokens[end]
        stop = last.end - (2 if is_possessive(last) else 0)
        out.append(_Candidate(token.start, stop))
        done = end
    return out


def _tokens_spelled(text: str, tokens: list[Token], spellings: frozenset[str]) -> list[int]:
    """Indices, in order, of the tokens whose text is one of `spellings`.

    When the letters the spellings start with are rare in the text ("U" for "UN", "United"), the text
    is searched for them and only the tokens found there are tested; else every token is looked up.
    """
    initials = {spelling[0] for spelling in spellings if spelling}
    if sum(text.count(initial) for initial in initials) > len(tokens) // 8:
        return list(compress(count(), map(spellings.__contains__, map(_TEXT, tokens))))
    found: list[int] = []
    for initial in initials:
        at = text.find(initial)
        while at >= 0:
            index = bisect.bisect_left(tokens, at, key=_START)
            if index < len(tokens) and tokens[index].start == at and tokens[index].text in spellings:
                found.append(index)
            at = text.find(initial, at + 1)
    return sorted(found)


def _system_first_forms(rules: RuleSet) -> frozenset[str]:
    """Every capitalized spelling of the first word of a system prefix ("UN", "Un", "UNITED", "United", …).

    A token is looked up in this set instead of being case-folded one by one.
    """
    forms: set[str] = set()
    for prefix in vocabulary(rules).system_prefixes:
        for letters in product(*({c.lower(), c.upper()} for c in prefix[0])):
            form = "".join(letters)
            if form[:1].isupper() and form.casefold() == prefix[0]:
                forms.add(form)
    return frozenset(forms)


def _standalone_acronyms(
    text: str,
    tokens: list[Token],
    candidates: list[_Candidate],
    vocab: Vocabulary,
    defined: dict[str, tuple[int, int]],
) -> None:
    """Capitalized abbreviations used as names on their own: "the ADB", "EU delegation"."""
    known = {c.acronym for c in candidates if c.acronym}
    known_names = {text[c.start : c.end] for c in candidates}
    counts: dict[str, list[int]] = {}
    for index in compress(count(), map(_UPPER, tokens)):
        token = tokens[index]
        word = bare(token.text)
        if not (2 <= len(word) <= 8) or not word.replace("-", "").isalpha() or "-" in word:
            continue
        if word in vocab.not_acronyms or word.casefold() in vocab.honorific_words:
            continue
        prev = tokens[index - 1] if index else None
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if prev is not None and prev.word and prev.cap and not token.newline_before:
            continue
        if (
            nxt is not None
            and nxt.word
            and nxt.cap
            and not nxt.newline_before
            and not is_possessive(token)
            and nxt.text.casefold() not in vocab.position_words
            and nxt.text.casefold() not in vocab.modifiers
        ):
            continue
        counts.setdefault(word, []).append(index)
    initials: dict[str, _Candidate] | None = None
    for word, places in counts.items():
        if word in known or word in known_names:
            continue
        if country_at(tokens, places[0], vocab) is not None:
            continue
        if word in defined or any(_variant(d, word) for d in defined):
            continue
        slot = any(index > 0 and tokens[index - 1].text.casefold() in _SLOT_BEFORE for index in places)
        if len(places) < 2 and not slot:
            continue
        if initials is None:
            initials = _initials(text, candidates)
        owner = initials.get(word)
        if owner is not None and owner.acronym is not None:
            owner = None
        if owner is not None:
            owner.acronym = word
            continue
        first = tokens[places[0]]
        candidates.append(_Candidate(first.start, first.start + len(word)))


def _variant(defined: str, word: str) -> bool:
    """ "TEMM" next to a defined "TEMM24"; "RKSI" inside a defined "ADB-RKSI"."""
    if defined.startswith(word) and defined[len(word) :].isdigit():
        return True
    return word in _DASH.split(defined)[1:]


def _initials(text: str, candidates: list[_Candidate]) -> dict[str, _Candidate]:
    """Each body without an acronym by the initials of its capitalized words ("ADB" → Asian Development Bank)."""
    out: dict[str, _Candidate] = {}
    for c in candidates:
        if c.acronym is None:
            initials = "".join(w[0] for w in text[c.start : c.end].split() if w[:1].isupper())
            out.setdefault(initials, c)
    return out


def _comma_parents(text: str, candidates: list[_Candidate], vocab: Vocabulary) -> None:
    """ "Department of X, Ministry of Y": a unit directly followed by a body belongs to it."""
    by_start = {c.start: c for c in candidates}
    for c in candidates:
        if c.parent is not None:
            continue
        for joint in (" under the ", " under "):
            if text.startswith(joint, c.end):
                parent = by_start.get(c.end + len(joint))
                if parent is not None and parent is not c:
                    c.parent = parent  # "the Delta Agency under the Ministry of Rivers"
                break
        if c.parent is not None:
            continue
        first_word = text[c.start : c.end].split(" ", 1)[0]
        last_word = text[c.start : c.end].rsplit(" ", 1)[-1]
        if first_word not in vocab.unit_heads and last_word not in vocab.unit_heads:
            continue
        after = c.end
        if text[after : after + 2] == ", ":
            parent = by_start.get(after + 2)
            if parent is not None:
                c.parent = parent


# --- records ------------------------------------------------------------------------------------


def _key(name: str) -> str:
    words = _KEY_WORD.findall(name.casefold())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _record(cls: type[_R], values: dict[str, Any]) -> _R:
    """`cls.model_construct(**values)` when `values` holds every field, in field order: the same record,
    without model_construct's per-field alias and default handling (this runs once per mention)."""
    record = cls.__new__(cls)
    object.__setattr__(record, "__dict__", values)
    object.__setattr__(record, "__pydantic_fields_set__", set(values))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


def _records(text: str, candidates: list[_Candidate], tokens: list[Token]) -> tuple[Organization, ...]:
    groups: dict[str, list[_Candidate]] = {}
    order: list[str] = []
    acronym_key: dict[str, str] = {}
    keys: dict[str, str] = {}  # name → key: the same names recur
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if c.start < 0 or c.end <= c.start:
            continue
        if text.endswith(("'s", "’s"), c.start, c.end):
            c.end -= 2
        name = text[c.start : c.end].strip()
        if not name:
            continue
        key = keys.get(name)
        if key is None:
            key = keys[name] = _key(name)
        if not key:
            continue
        if key in acronym_key:
            key = acronym_key[key]
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)
        if c.acronym:
            acronym_key.setdefault(_key(c.acronym), key)
    # an organization whose name is another's acronym is that organization
    for key in list(order):
        target = acronym_key.get(key)
        if target and target != key and target in groups:
            groups[target].extend(groups.pop(key))
            order.remove(key)
    names: dict[str, str] = {}
    acronyms: dict[str, str | None] = {}
    for key in order:
        group = groups[key]
        longest = max(group, key=lambda c: (c.end - c.start, -c.start))
        names[key] = text[longest.start : longest.end]
        acronyms[key] = next((c.acronym for c in group if c.acronym), None)
    surfaces: dict[str, str] = {}
    for key in order:
        surfaces.setdefault(names[key], key)
        for c in groups[key]:
            surfaces.setdefault(text[c.start : c.end], key)
        acronym = acronyms[key]
        if acronym:
            surfaces.setdefault(acronym, key)
    mentions = _mentions(text, surfaces, tokens)
    records: list[tuple[int, Organization]] = []
    for key in order:
        group = groups[key]
        spans = mentions.get(key, [])
        first = min(group, key=lambda c: c.start)
        if not spans:
            spans = [(first.start, first.end)]
        parent = next((c.parent for c in group if c.parent is not None), None)
        parent_name = text[parent.start : parent.end] if parent is not None and parent.start >= 0 else None
        name = names[key]
        defining = next((s for s in spans if text[s[0] : s[1]] == name), spans[0])
        records.append(
            (
                spans[0][0],
                _record(
                    Organization,
                    {
                        "text": text[defining[0] : defining[1]],
                        "start": defining[0],
                        "end": defining[1],
                        "name": name,
                        "acronym": acronyms[key],
                        "parent": parent_name if parent_name != name else None,
                        "mentions": tuple(_record(Span, {"text": text[s:e], "start": s, "end": e}) for s, e in spans),
                    },
                ),
            )
        )
    records.sort(key=lambda item: item[0])
    return tuple(r for _, r in records)


def _mentions(text: str, surfaces: dict[str, str], tokens: list[Token]) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of every name or acronym, longest first at each place, as (start, end) per key.

    Names start at a token, so only tokens that begin some name are tried (no scan per name).
    """
    by_first: dict[str, list[str]] = {}
    for surface in sorted(surfaces, key=len, reverse=True):
        first = _FIRST_WORD.match(surface)
        if first is not None:
            by_first.setdefault(first.group(), []).append(surface)
    out: dict[str, list[tuple[int, int]]] = {}
    done = 0
    n = len(text)
    if not by_first:
        return out
    firsts = {first + ending for first in by_first for ending in ("", *_POSSESSIVE_ENDINGS)}
    for token in compress(tokens, map(firsts.__contains__, map(_TEXT, tokens))):
        if not token.cap:
            continue
        if token.start < done:
            continue
        options = by_first.get(token.text) or by_first.get(bare(token.text))
        if not options:
            continue
        for surface in options:
            end = token.start + len(surface)
            if text.startswith(surface, token.start) and (end >= n or not text[end].isalnum()):
                out.setdefault(surfaces[surface], []).append((token.start, end))
                done = end
                break
    return out
