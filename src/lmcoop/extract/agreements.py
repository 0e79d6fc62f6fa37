"""Every agreement-like instrument, with parties, signatories, date and status.

A mention is an agreement word from the rules ("memorandum of understanding", "joint communiqué",
"action plan") grown to the left over its modifiers ("a strategic cooperation agreement") and to
the right over a capitalized name ("Strategy on Environmental Cooperation (2016-2020)"). Mentions
become instruments in text order: a named or indefinite mention opens a new instrument unless one
with the same words exists; a definite bare one ("the MoU", "The agreement") points back to the
latest instrument of its kind; a headline's mention joins the body's first instrument of its kind.
Parties, signatories, date and status are read from the sentences of an instrument's mentions,
linking what the organizations, people and dates stages found there.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

import regex

from ..document import Document
from ..models import Agreement, AgreementKind, AgreementStatus, DateMention, Event, Person
from ..rules import RuleSet
from .words import Vocabulary, alternation, fold, whole_words

if TYPE_CHECKING:
    from ..pipeline import Found

__all__ = ["extract", "find_agreements"]

_STATUS_RANK = {"signed": 6, "adopted": 5, "planned": 4, "proposed": 3, "in_force": 2, "mentioned": 1}
"""When an instrument's mentions disagree, the most definite status wins."""
_LEFT_WINDOW = 160
_LEFT_TOKENS = 9
_STOP_WORDS = frozenset(
    [
        "of",
        "in",
        "on",
        "for",
        "with",
        "by",
        "to",
        "and",
        "or",
        "from",
        "at",
        "as",
        "between",
        "under",
        "into",
        "than",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "include",
        "includes",
        "including",
        "said",
        "says",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "also",
        "not",
        "no",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
    ]
)
_FIXED: dict[str, str] = {
    # between two parties of a list: "A, B and the C", "A (ACR) of Kazakhstan and the B"
    "party_gap": (
        r"(?:\s*\([^()\n]{1,40}\))?(?:\s+(?:of|in)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,3})?"
        r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)(?:the\s+)?(?:\p{Lu}\p{Ll}+\s+)?"
    ),
    # before a signing word, a future or an intention: "plan to sign", "will be formally adopted"
    "future_before": r"(?<!\w)(?:to|will|would|shall|going\s+to)\s+(?:be\s+|\p{Ll}+ly\s+){0,2}$",
    # words before a mention that say it is another one: "also signed a …", "a new …"
    "new_marker": r"(?<!\w)(?:also|another|separate|separately|additional|further|new|second|third)(?!\w)",
    # words after which a clause reports someone else's act: "Tanaka said the two countries signed"
    "reported": r"(?<!\w)(?:said|says|noted|stated|added|stressed|announced|told\s+\S+|recalled|that)(?!\w)",
    # a mention that continues a list ("…, the Blueprint 2025, and the 2030 Agenda") shares its verb
    "list_before": r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$",
    # between a mention and a status word after it, only words that keep the verb its own: "The MoU,
    # which was recently signed", "agreement for Strengthened Partnership signed in 2010" — not
    # "the Paris Agreement and …, and called for"
    "after_gap": (
        r"[\s,'’\"”‘)]*(?:(?:which|that)\s+(?:the\s+|both\s+)?(?:two\s+)?[\p{L}-]+\s+(?:\p{Ll}+\s+)?$|"
        r"(?:,[^,]{0,80},\s*)?"
        r"(?:(?:on|for|of|in|between|with|relating\s+to|regarding|concerning)\s+(?:[\p{L}\p{N}'’-]+\s+){1,8}?)?"
        r"(?:(?:which|that|was|were|is|are|has|have|had|been|being|be|will|would|shall|can|could|may|to|recently|"
        r"also|jointly|officially|formally|successfully|already|just|then|first|finally|\p{Ll}+ly|for|of|on|"
        r"\p{Lu}[\p{L}\p{N}'’-]*)[\s,'’\"”]+){0,5})"
    ),
    "met_among": r"(?<!\w)(?:[Aa]mong|[Bb]etween|from)\s+(?:the\s+)?",
    "name_list": r"((?:[\p{Lu}][\p{L}.-]{1,30})(?:(?:,\s*|,?\s+and\s+)[\p{Lu}][\p{L}.-]{1,30}){1,8})",
    "list_split": r",\s*(?:and\s+)?|\s+and\s+",
    "acronym_only": r"\p{Lu}{2,8}",
    "acronym_paren": r"\s?\((?:\p{Lu}[\p{L}&.-]{0,15})\)",
    "lower_noun_after": r"\s+\p{Ll}+(?<!for|on|of|to|in|and)\b",
    "trailing_connectors": r"(?:\s+(?:of|on|for|and|the))+$",
    "blank": r"[ \t]*",
    "spaces": r"[ \t]+",
    "small_number": r"\d{1,3}",
    "trailing_acronym": r"\s*\([\p{Lu}\p{N}&.-]{1,15}\)$",
    "open_paren_gap": r"\s*\(",
    "of_gap": r"\s+of\s+(?:the\s+)?",
    "before_verb_gap": r"(?:\s*\([^()\n]{1,40}\))?\s*(?:,\s*)?(?:(?:has|have|had|also|jointly|officially)\s+){0,3}",
    "between": r"(?<!\w)between\s+(?:the\s+)?",
    "opening": (
        r"[\"“‘']?(?:(?:The|the|Currently|Later|In\s+\d{4}|In\s+the\s+future|Meanwhile|Officials\s+of\s+the)"
        r"\s*,?\s*){0,3}"
    ),
    "with": r"\s*(?:\([^()\n]{1,40}\)\s*)?with\s+",
    "by_after": r"\s+(?:by|between)\s",
    "passive_aux": r"(?:was|were|been|be)\s+$",
    "behalf": r"on\s+behalf\s+of\s+(?:\S+\s+){0,3}$",
    "witness": r"witness(?:ed)?\s+by\s+(?:\S+\s+){0,4}$",
    "at_the_before": (
        r"(?:during|at|in|(?:sidelines?|margins?|close|end|conclusion)\s+of)\s+(?:the|this)\s+(?:\S+\s+){0,3}$"
    ),
    "parent_gap": (r"(?:\s*\([^()\n]{1,40}\))?,?\s+(?:under|of|at|within)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*['’]s\s+)?"),
    # "at the close of the …": the signing fell on the event's last day
    "closing_of": r"(?:close|end|conclusion)\s+of\s+(?:the|this)\s+(?:\S+\s+){0,3}$",
    # a period of years ("2021/2030") is how long an instrument runs, never the day it was signed
    "year_range": r"\d{4}/\d{4}",
    # "The 2012 River Sharing Agreement": the year it was made
    "year_first": r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)?\s*(?P<year>(?:19|20)\d{2})\s+\p{Lu}",
}
"""Patterns that do not depend on the rules; compiled with the rest in `_build`, once per RuleSet."""
_SENTENCE_REACH = 400
"""A mention's context: its sentence, but no more than this many characters either side."""
_NAME_LIMIT = 250
"""Longest name two overlapping mentions may merge into ("Strategy and Action Framework")."""
_LOOKBACK = 40
"""How many earlier instruments a mention is compared with (keeps hostile input linear)."""
_WEAK_PENALTY = 1000
"""Added to a weak status word's distance, so that any other status word in the sentence wins."""
_WEAK_REACH = 12
"""How near a weak status word must stand to the mention ("under the", "is part of the")."""
_MAX_MENTIONS = 12
"""How many mentions of one instrument are read for its attributes."""


def extract(doc: Document, rules: RuleSet, found: Found) -> Found:
    """`found` with its `agreements` filled."""
    return dataclasses.replace(found, agreements=find_agreements(doc, rules, found))


@dataclass(frozen=True)
class _Patterns:
    kinds: Vocabulary
    kind_of: dict[str, str]
    name_only: frozenset[str]
    not_instrument: regex.Pattern[str]
    status: regex.Pattern[str]
    status_of: dict[str, str]
    determiners: frozenset[str]
    numbers: dict[str, int]
    tokens: regex.Pattern[str]
    continuation: regex.Pattern[str]
    of_understanding: regex.Pattern[str]
    countries: regex.Pattern[str]
    event_words: regex.Pattern[str]
    signing_verb: regex.Pattern[str]
    fixed: dict[str, regex.Pattern[str]]
    kind_words: frozenset[str]
    """Every word of every agreement phrase, folded ("memorandum", "joint", "communiqué")."""
    weak_status: frozenset[str]
    signed_by_subject: regex.Pattern[str]
    """ "The renewal was signed by" opening a sentence that names no instrument."""
    anaphor_before: regex.Pattern[str]
    """ "the two sides (also) " just before a status word."""
    anaphor_after: regex.Pattern[str]
    """ " by the two governments" just after a status word."""


def _build(rules: RuleSet) -> _Patterns:
    section = rules.agreements
    kind_of = {fold(w): kind for kind, words in section.kinds.items() for w in words}
    status_of = {fold(w): status for status, words in section.status_words.items() for w in words}
    country_words = [w for name, entry in rules.countries.items() for w in (name, *entry.aliases)]
    word = r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]{0,40}"
    cap = r"(?:\p{Lu}[\p{L}\p{N}'’&-]{0,40}|\d{4}(?:\s?[-–]\s?\d{2,4})?)"
    return _Patterns(
        kinds=Vocabulary(w for ws in section.kinds.values() for w in ws),
        kind_of=kind_of,
        name_only=frozenset(fold(w) for w in section.name_only_words),
        not_instrument=whole_words(section.not_instrument),
        status=whole_words(w for ws in section.status_words.values() for w in ws),
        status_of=status_of,
        determiners=frozenset(w.casefold() for w in section.determiners),
        numbers={k.casefold(): v for k, v in section.numbers.items()},
        tokens=regex.compile(word, regex.VERSION1),
        # after a capitalized head: "(MoU)", "(2016-2020)", " on Environmental Cooperation", " 2023-2027"
        continuation=regex.compile(
            rf"(?:\s?\((?:\p{{Lu}}[\p{{L}}\p{{N}}&.-]{{0,15}}|\d{{4}}\s?[-–]\s?\d{{2,4}})\)"
            rf"|\s(?:(?:of|on|for)\s(?:the\s)?|and\s)?(?!\p{{Lu}}\p{{Ll}}+ing\b){cap}){{0,10}}",
            regex.VERSION1,
        ),
        of_understanding=regex.compile(
            r"\s+of\s+(?:understanding(?:\s+and\s+cooperation)?|cooperation\s+and\s+understanding)(?!\w)",
            regex.IGNORECASE | regex.VERSION1,
        ),
        countries=whole_words(country_words, ignore_case=False),
        event_words=whole_words(section.event_words),
        signing_verb=regex.compile(r"\b(?<!-)(?:signed|signs|inked|concluded)(?![\w-])", regex.IGNORECASE),
        fixed={name: regex.compile(source, regex.VERSION1) for name, source in _FIXED.items()},
        signed_by_subject=regex.compile(
            rf"(?:(?:[Tt]he|[Tt]his|[Tt]hese)\s+)?(?:{alternation(section.signed_subjects)})\s+(?:was|were)\s+"
            r"(?:\p{Ll}+ly\s+)?signed\s+by\s",
            regex.IGNORECASE,
        ),
        weak_status=frozenset(fold(w) for w in section.weak_status_words),
        anaphor_before=regex.compile(
            rf"\b(?:[Tt]he|[Bb]oth|[Tt]heir)\s+(?:two\s+)?(?:{alternation(section.anaphors)})\s+"
            r"(?:[^\s,.;:()]+\s+){0,8}$"
        ),
        anaphor_after=regex.compile(rf"\s+by\s+(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:{alternation(section.anaphors)})\b"),
        kind_words=frozenset(w for phrase in kind_of for w in _content_words(phrase) | set(phrase.split()))
        | {"communique", "communiqué", "mous"},
    )


@dataclass
class _Mention:
    kind: str
    start: int
    end: int
    head: tuple[int, int]
    determiner: str
    """The opening word as written in lower case ("a", "the", "three"), or "" when none."""
    name: str | None
    count: int | None
    plural: bool
    modified: bool
    """Whether words other than the determiner stand before the head ("a strategic cooperation agreement")."""
    sentence: tuple[int, int]
    heading: bool
    in_title: bool
    fresh: bool
    """Whether words before it say it is another one ("also signed a …", "a new …")."""
    surface: str
    """The mention as written."""


@dataclass
class _Instrument:
    kind: str
    mentions: list[_Mention]
    count: int | None
    group: list[_Instrument] = field(default_factory=list)
    """For a plural umbrella ("two agreements … include a MoU and a letter of intent"): its members."""

    @property
    def first(self) -> _Mention:
        return self.mentions[0]


def find_agreements(doc: Document, rules: RuleSet, found: Found) -> tuple[Agreement, ...]:
    """The instruments the text mentions, each once, in order of first mention.

    Reads `found.event` (the events stage runs before this one) to date a signing held at the event.
    """
    patterns = rules.compiled(_build)
    mentions = _find_mentions(doc, rules, patterns, found)
    instruments = _group(mentions, patterns.kind_words)
    if not instruments:
        return ()
    event = found.event  # the events stage runs first
    # countries are looked for only where parties are read: the lead, the event's and the mentions' sentences
    read = [*doc.sentences[:8], *(doc.sentence_at(m.start) for m in mentions)]
    if found.title is not None:
        read.append((found.title.start, found.title.end))
    if event is not None and event.trigger is not None:
        read.append(doc.sentence_at(event.trigger.start))
    index = _Index.build(doc.text, patterns, found, mentions, read)
    participants = _participants(doc, rules, patterns, index, found)
    lead = _lead_pair(doc, patterns, index, found, event)
    records = [
        _record(doc, rules, patterns, found, index, event, instrument, participants, lead) for instrument in instruments
    ]
    records = _signed_by_anaphor(doc, patterns, index, instruments, records)
    return tuple(_share_parties(records, instruments))


def _signed_by_anaphor(
    doc: Document, patterns: _Patterns, index: _Index, instruments: list[_Instrument], records: list[Agreement]
) -> list[Agreement]:
    """ "… renewed their memorandum. The renewal was signed by A and B.": A and B signed that memorandum."""
    text = doc.text
    out = list(records)
    for i, instrument in enumerate(instruments):
        if out[i].signatories:
            continue
        last = instrument.mentions[min(len(instrument.mentions), _MAX_MENTIONS) - 1]
        number = doc.sentence_index(last.start) + 1
        if number >= len(doc.sentences):
            continue
        s, e = doc.sentences[number]
        match = patterns.signed_by_subject.match(text, s, e)
        if match is None or index.heads_in(s, e):
            continue
        later = [m.start for other in instruments[i + 1 :] for m in other.mentions if m.start < s]
        if later:
            continue  # another instrument was named after this one: the subject may be that one
        people = [x.person.name for x in index.entities_in(match.end(), e) if x.person is not None]
        if people:
            out[i] = out[i].model_copy(update={"signatories": tuple(_unique(people)), "status": "signed"})
    return out


def _share_parties(records: list[Agreement], instruments: list[_Instrument]) -> list[Agreement]:
    """An instrument named beside another in one sentence ("builds on a similar MOU", "an Annex to the
    MOU") is between the same parties, unless it is only in force or mentioned."""
    out = list(records)
    for i, record in enumerate(records):
        if record.parties or record.status in {"in_force", "mentioned"}:
            continue
        sentences = {m.sentence for m in instruments[i].mentions[:_MAX_MENTIONS]}
        for j in range(max(0, i - _LOOKBACK), min(len(records), i + _LOOKBACK)):
            other = records[j]
            if j == i or not other.parties or (other.kind != record.kind and record.kind not in {"mou", "strategy"}):
                continue
            if any(s0 <= m.start < s1 for m in instruments[j].mentions[:_MAX_MENTIONS] for s0, s1 in sentences):
                out[i] = record.model_copy(update={"parties": other.parties})
                break
    return out


def _participants(doc: Document, rules: RuleSet, patterns: _Patterns, index: _Index, found: Found) -> list[str]:
    """Who met, as the headline or opening says it: "among Japan, Korea and China", "from A, B and C"."""
    text = doc.text
    spans = [(found.title.start, found.title.end)] if found.title is not None else []
    spans += [s for s in doc.sentences[:6] if found.title is None or s[0] >= found.title.end][:4]
    for s, e in spans:
        entities = [x for x in _entities(text, index, s, e) if x.person is None]
        for match in patterns.fixed["met_among"].finditer(text[s:e]):
            at = s + match.end()
            for position, entity in enumerate(entities):
                if entity.start == at:
                    chain = _chain_from(text, patterns, entities, position)
                    if len(chain) >= 2:
                        return [x.label for x in chain]
            # "among NIES, NIER and CRAES": acronyms or countries the other stages did not record here
            names = patterns.fixed["name_list"].match(text[at:e])
            if names is not None:
                parts = patterns.fixed["list_split"].split(names.group(1))
                if all(patterns.fixed["acronym_only"].fullmatch(p) or rules.country_of(p) for p in parts):
                    return parts
    return []


def _lead_pair(doc: Document, patterns: _Patterns, index: _Index, found: Found, event: Event | None) -> list[str]:
    """The bodies listed together in the event's sentence or the lead ("A and B held …"): whom "the two
    sides" stands for. Prose first, the headline last (it often names only their countries)."""
    text = doc.text
    spans = [s for s in doc.sentences[:8] if found.title is None or s[0] >= found.title.end][:4]
    if event is not None and event.trigger is not None:
        own = doc.sentence_at(event.trigger.start)
        if found.title is None or own[0] >= found.title.end:
            spans.insert(0, own)
    if found.title is not None:
        spans.append((found.title.start, found.title.end))
    for s, e in spans:
        entities = _merge_parents(text, patterns, [x for x in _entities(text, index, s, e) if x.person is None])
        for position in range(len(entities)):
            chain = _chain_from(text, patterns, entities, position)
            if len(chain) >= 2:
                return _unique(x.label for x in chain)
    # no list: the first two organizations the lead names ("A delegation of A … met B", "organized by A with B")
    organizations = {org.name for org in found.organizations}
    labels: list[str] = []
    for s, e in sorted(set(spans[:-1] if found.title is not None else spans)):
        entities = _merge_parents(text, patterns, [x for x in _entities(text, index, s, e) if x.person is None])
        labels = _unique([*labels, *(x.label for x in entities if x.label in organizations)])
        if len(labels) >= 2:
            return labels[:2]
    return []


def _merge_parents(text: str, patterns: _Patterns, entities: list[_Entity]) -> list[_Entity]:
    """ "A (AA) under the B" / "A of Zenda's B": B is A's parent, not a second party."""
    out: list[_Entity] = []
    for entity in entities:
        if out and patterns.fixed["parent_gap"].fullmatch(text, out[-1].end, entity.start):
            out[-1] = dataclasses.replace(out[-1], end=entity.end)
            continue
        out.append(entity)
    return out


# --- mentions ------------------------------------------------------------------------------------------


class _Lines:
    """Whether an offset lies in the headline or a heading line: asked of the line at the offset only
    (not decided for every line of the text first)."""

    def __init__(self, doc: Document, found: Found) -> None:
        self.doc = doc
        self.title = found.title
        self.title_text = " ".join(found.title.text.split()) if found.title is not None else ""

    def _line(self, offset: int) -> tuple[int, int, str] | None:
        """The non-blank line that holds `offset`, stripped, with its text."""
        start, end = self.doc.line_at(offset)
        chunk = self.doc.text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return None
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(stripped)
        return (start, end, stripped) if start <= offset < end else None

    def heading(self, offset: int) -> bool:
        """In the headline, or in a short line without a closing stop (a subtitle)."""
        if self.title is not None and self.title.start <= offset < self.title.end:
            return True
        line = self._line(offset)
        return (
            line is not None
            and not line[2].rstrip().endswith((".", ":", ";", "!", "?", '"', "”"))
            and len(line[2].split()) <= 16
        )

    def in_title(self, offset: int) -> bool:
        """In the headline or a line that repeats it."""
        if self.title is None:
            return False
        line = self._line(offset)
        return line is not None and " ".join(line[2].split()) == self.title_text


def _find_mentions(doc: Document, rules: RuleSet, patterns: _Patterns, found: Found) -> list[_Mention]:
    text = doc.text
    lines = _Lines(doc, found)
    seen_sentences: set[str] = set()
    out: list[_Mention] = []
    # One scan of the text; only sentences that hold an agreement word are looked at.
    by_sentence: dict[int, list[regex.Match[str]]] = {}
    for match in patterns.kinds.finditer(text):  # the whole text, once
        by_sentence.setdefault(doc.sentence_index(match.start()), []).append(match)
    for number, matches in by_sentence.items():
        s, e = doc.sentences[number]
        matches = [m for m in matches if s <= m.start() and m.end() <= e]
        if not matches:
            continue
        key = " ".join(text[s:e].split())
        if key in seen_sentences:
            continue  # a paragraph printed twice names the same instruments
        seen_sentences.add(key)
        blocked = [m.span() for m in patterns.not_instrument.finditer(text, s, e)]  # "reached an agreement"
        sentence_mentions: list[_Mention] = []
        for match in matches:
            if any(a <= match.start() < b for a, b in blocked):
                continue
            last = sentence_mentions[-1] if sentence_mentions else None
            kind = patterns.kind_of.get(fold(match.group()))
            if kind is None:
                continue
            if last is not None and match.start() < last.end and match.end() - last.start <= _NAME_LIMIT:
                # "Strategy and Action Framework 2023-2027": one name, kind of its last head
                last.kind, last.head = kind, match.span()
                continue
            reach = (max(s, match.start() - _SENTENCE_REACH), min(e, match.end() + _SENTENCE_REACH))
            mention = _mention_at(text, rules, patterns, match, reach, lines)
            if mention is None:
                continue
            if last is not None and mention.start <= last.end and mention.end - last.start <= _NAME_LIMIT:
                # "Strategy and Action Framework": one name, kind of its last head
                last.end = max(last.end, mention.end)
                last.kind, last.head = mention.kind, mention.head
                last.name = _name(text, patterns, last.start, last.end, last.determiner) or last.name
                last.surface = text[last.start : last.end]
                continue
            sentence_mentions.append(mention)
        out.extend(sentence_mentions)
    return out


def _mention_at(
    text: str,
    rules: RuleSet,
    patterns: _Patterns,
    match: regex.Match[str],
    sentence: tuple[int, int],
    lines: _Lines,
) -> _Mention | None:
    word = fold(match.group())
    kind = patterns.kind_of.get(word, "agreement")
    head_start, head_end = match.span()
    is_acronym = match.group().isupper() or match.group()[:2] in {"Mo", "Lo"}
    if kind == "mou" and not is_acronym:
        extra = patterns.of_understanding.match(text, head_end, sentence[1])
        if extra is not None:
            head_end = extra.end()
    # to the left: modifiers up to a determiner
    start, determiner, count, possessive, modified = _left(text, patterns, head_start, sentence[0])
    head_capitalized = match.group()[:1].isupper()
    end = head_end
    if head_capitalized and not is_acronym:
        more = patterns.continuation.match(text, head_end, sentence[1])
        if more is not None:
            end = _trim_continuation(text, patterns, head_end, more.end())
    else:  # "memoranda of understanding (MoUs)": the acronym belongs to the mention
        acronym = patterns.fixed["acronym_paren"].match(text[head_end : min(sentence[1], head_end + 20)])
        if acronym is not None:
            end = head_end + acronym.end()
    plural = _is_plural(match.group()) or (count is not None and count != 1)
    mention_name = _name(text, patterns, start, end, determiner)
    policy = kind in rules.agreements.policy_kinds
    if word in patterns.name_only and mention_name is None:
        return None
    if policy and mention_name is None:
        after = text[end : end + 24]
        if possessive or plural or determiner in {"its", "their", "our"}:
            return None  # "Fiji's carbon neutrality strategy", "action plans"
        if not determiner and patterns.fixed["lower_noun_after"].match(after):
            return None  # "action plan development"
    if policy and mention_name is not None and (possessive or plural):
        return None  # one party's own plan ("UNEP's Medium Term Strategy"), a topic ("Low-Carbon Strategies")
    if policy and mention_name is not None and _unilateral(rules, mention_name) and not _dated(mention_name):
        return None  # "National Strategy on …": one government's own policy (unless a dated plan: "… 2021-2030")
    in_heading = lines.heading(head_start)
    return _Mention(
        kind=kind,
        start=start,
        end=end,
        head=(head_start, head_end),
        determiner=determiner,
        name=mention_name,
        count=count,
        plural=plural,
        modified=modified,
        sentence=sentence,
        heading=in_heading,
        in_title=lines.in_title(head_start),
        fresh=patterns.fixed["new_marker"].search(text, max(sentence[0], start - 40), head_start) is not None,
        surface=text[start:end],
    )


def _trim_continuation(text: str, patterns: _Patterns, start: int, end: int) -> int:
    """Drop trailing connectors ("… and the") a continuation may have swallowed."""
    chunk = text[start:end]
    trimmed = patterns.fixed["trailing_connectors"].sub("", chunk)
    return start + len(trimmed)


def _is_plural(word: str) -> bool:
    folded = word.casefold()
    return folded.endswith(("s", "memoranda")) and not folded.endswith(("ss", "us"))


def _left(text: str, patterns: _Patterns, head_start: int, floor: int) -> tuple[int, str, int | None, bool, bool]:
    """Grow a mention left over its modifiers: (start, determiner, count, owned by a possessive, modified)."""
    window_start = max(floor, head_start - _LEFT_WINDOW)
    tokens = list(patterns.tokens.finditer(text, window_start, head_start))
    start = head_start
    determiner = ""
    count: int | None = None
    possessive = False
    modified = False
    taken = 0
    index = len(tokens) - 1
    while index >= 0 and taken < _LEFT_TOKENS:
        token = tokens[index]
        gap = text[token.end() : start]
        if not patterns.fixed["blank"].fullmatch(gap):
            break
        raw = token.group()
        folded = raw.casefold().rstrip(".")
        if folded.endswith(("'s", "’s")) or folded.endswith(("s'", "s’")):
            possessive = True
            break
        if folded in patterns.determiners:
            determiner = folded
            start = token.start()
            break
        if folded in patterns.numbers or patterns.fixed["small_number"].fullmatch(folded):
            count = patterns.numbers.get(folded) or int(folded) if folded.isdigit() else patterns.numbers.get(folded)
            determiner = determiner or folded
            start = token.start()
            index -= 1
            taken += 1
            continue
        lower = raw[:1].islower()
        if folded in _STOP_WORDS:
            break
        if lower and folded.endswith("ing") and index > 0:
            before = tokens[index - 1]
            if before.group().casefold() not in _STOP_WORDS and patterns.fixed["spaces"].fullmatch(
                text[before.end() : token.start()]
            ):
                start = token.start()
                modified = True
                index -= 1
                taken += 1
                continue
        if not lower and folded in patterns.status_of and not folded.endswith(("ing", "ed")):
            break  # a headline's verb: "China and Laos Sign Memorandum …" does not name the memorandum
        # "Water Sharing Agreement" keeps a capitalized -ing, "on Formulating the Plan" does not
        if folded.endswith(("ing", "ed")) and (lower or folded in patterns.status_of):
            # "the proposed five-year Action Plan" keeps "proposed"; "have signed a" stops at it
            previous = tokens[index - 1] if index > 0 else None
            if (
                lower
                and folded.endswith("ed")
                and previous is not None
                and previous.group().casefold() in patterns.determiners
                and patterns.fixed["spaces"].fullmatch(text[previous.end() : token.start()])
            ):
                start, determiner, modified = previous.start(), previous.group().casefold(), True
            break
        start = token.start()
        modified = True
        index -= 1
        taken += 1
    if count == 0:
        count = None
    return start, determiner, count, possessive, modified


def _name(text: str, patterns: _Patterns, start: int, end: int, determiner: str) -> str | None:
    """The instrument's title when the mention is a capitalized name with words of its own."""
    chunk = text[start:end]
    words = chunk.split()
    if determiner and words and words[0].casefold() == determiner:
        words = words[1:]
    while words and words[0][:1].islower() and len(words) > 1 and words[1][:1].isupper():
        words = words[1:]
    if not words or (not words[0][:1].isupper() and not words[0][:1].isdigit()):
        return None
    content = [w for w in words if w.casefold() not in {"of", "on", "for", "and", "the"}]
    if any(w[:1].islower() for w in content):
        return None
    own = [w for w in content if w.strip("()").casefold() not in _GENERIC and not w.startswith("(")]
    if not own:
        return None
    name = " ".join(words)
    return patterns.fixed["trailing_acronym"].sub("", name) or None


_GENERIC = frozenset(
    {
        "memorandum",
        "memoranda",
        "understanding",
        "agreement",
        "joint",
        "statement",
        "communique",
        "communiqué",
        "declaration",
        "plan",
        "action",
        "strategy",
        "framework",
        "protocol",
        "contract",
        "letter",
        "intent",
        "cooperation",
        "mou",
        "mous",
        "new",
    }
)
"""Words of every instrument's name: a name needs words of its own besides these."""


# --- instruments ---------------------------------------------------------------------------------------


def _content_words(text: str) -> frozenset[str]:
    return frozenset("".join(c if c.isalnum() else " " for c in text.casefold()).split()) - {
        "the",
        "a",
        "an",
        "of",
        "and",
        "on",
        "for",
        "this",
        "that",
        "these",
        "those",
    }


def _similar(a: str, b: str) -> bool:
    x, y = _content_words(a), _content_words(b)
    return bool(x and y) and len(x & y) / len(x | y) >= 0.6


def _group(mentions: list[_Mention], kind_words: frozenset[str]) -> list[_Instrument]:
    body = [m for m in mentions if not m.heading]
    headings = [m for m in mentions if m.heading]
    instruments: list[_Instrument] = []
    umbrella: _Instrument | None = None
    for mention in body:
        target = _refers_to(mention, instruments, umbrella, kind_words)
        if target is not None:
            target.mentions.append(mention)
            continue
        instrument = _Instrument(kind=mention.kind, mentions=[mention], count=mention.count)
        if (
            umbrella is not None
            and umbrella.count
            and len(umbrella.group) < umbrella.count
            and mention.sentence[0] - umbrella.mentions[-1].sentence[1] < 400
            and mention.kind != umbrella.kind
        ):
            umbrella.group.append(instrument)
        if mention.plural and mention.kind == "agreement" and mention.count:
            umbrella = instrument
        instruments.append(instrument)
    # An umbrella ("two agreements") whose members were all named is not an instrument of its own.
    kept = []
    for instrument in instruments:
        if instrument.group and instrument.count and len(instrument.group) >= instrument.count:
            for member in instrument.group:
                member.mentions.extend(m for m in instrument.mentions if m not in member.mentions)
            continue
        kept.append(instrument)
    instruments = kept
    # A headline's mention joins the body's first instrument of its kind that it can be.
    for mention in headings:
        target = next(
            (
                i
                for i in instruments[:_LOOKBACK]
                if i.kind == mention.kind
                and (
                    _unnamed(i)
                    or (mention.name is not None and _similar(mention.name, _first_name(i) or ""))
                    or _content_words(_bare(mention)) <= _content_words(_first_name(i) or "")
                )
            ),
            None,
        )
        if target is not None and mention.in_title:
            target.mentions.append(mention)
        elif target is not None:
            target.mentions.insert(0, mention)
        else:
            instruments.append(_Instrument(kind=mention.kind, mentions=[mention], count=mention.count))
    instruments.sort(key=lambda i: i.first.start)
    return instruments


def _unnamed(instrument: _Instrument) -> bool:
    return all(m.name is None for m in instrument.mentions)


def _first_name(instrument: _Instrument) -> str | None:
    return next((m.name for m in instrument.mentions if m.name), None)


def _bare(mention: _Mention) -> str:
    return mention.surface


def _refers_to(
    mention: _Mention, instruments: list[_Instrument], umbrella: _Instrument | None, patterns_words: frozenset[str]
) -> _Instrument | None:
    """The instrument an earlier mention opened that this one names again, if any."""
    same_kind = [i for i in instruments[-_LOOKBACK:] if i.kind == mention.kind]
    if mention.name is not None:
        for instrument in reversed(same_kind):
            name = _first_name(instrument)
            if name is not None and _similar(name, mention.name):
                return instrument
        return None
    definite = mention.determiner in {"the", "this", "that", "these", "those", "such", "both"}
    if (
        mention.plural
        and mention.kind == "agreement"
        and umbrella is not None
        and ((definite and umbrella.group) or (mention.count and mention.count == umbrella.count))
    ):
        return umbrella  # "the agreements", "Two significant agreements" again
    if definite and same_kind:
        capitals = _capital_words(mention.surface) - patterns_words
        for instrument in reversed(same_kind):
            if capitals <= _content_words(" ".join(m.surface for m in instrument.mentions[:_MAX_MENTIONS])):
                return instrument
    if definite and not mention.modified and mention.kind == "agreement" and instruments:
        return instruments[-1]  # "The agreement" after "a Memorandum of Understanding"
    if mention.fresh:
        return None  # "also signed a memorandum", "another agreement"
    for instrument in same_kind:
        if instrument.first.name is None and _same_words(instrument.first, mention):
            return instrument
    return None


def _capital_words(text: str) -> frozenset[str]:
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return frozenset(w.casefold() for w in words if w[:1].isupper()) - {"the", "this", "that"}


def _same_words(a: _Mention, b: _Mention) -> bool:
    return a.plural == b.plural and _content_words(a.surface) == _content_words(b.surface)


# --- attributes ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entity:
    start: int
    end: int
    label: str
    person: Person | None = None


def _record(
    doc: Document,
    rules: RuleSet,
    patterns: _Patterns,
    found: Found,
    index: _Index,
    event: Event | None,
    instrument: _Instrument,
    participants: list[str],
    lead: list[str],
) -> Agreement:
    text = doc.text
    first = instrument.first
    mentions = instrument.mentions[:_MAX_MENTIONS]
    statuses = [_status_near(text, patterns, index, m) for m in mentions]
    status = max(statuses, key=lambda s: _STATUS_RANK[s])
    if status == "mentioned" and instrument.kind in {"joint_statement", "declaration"}:
        status = "adopted"  # a communiqué or declaration is issued by the meeting that wrote it
    signatories: list[str] = []
    candidates: list[list[str]] = []
    for mention in mentions:
        between = _parties_between(text, index, mention)
        if between:
            candidates.append(between)
        signers, behalf = _signatories(text, patterns, index, mention)
        if signers and not signatories:
            signatories = [p.name for p in signers]
        if signers:
            candidates.append(_parties_of_people(rules, found, signers, behalf))
        if not between and not signers:
            candidates.append(_parties_in(text, patterns, index, mention, lead))
    candidates = [c for c in candidates if c]
    parties = next((c for c in candidates if len(c) >= 2), candidates[0] if candidates else [])
    if not parties:
        parties = _parties_in_name(rules, patterns, found, first)
    if (
        not parties
        and status in {"adopted", "signed"}
        and instrument.kind in {"joint_statement", "declaration", "action_plan"}
    ):
        parties = participants  # what a meeting adopts binds those who met
    date = _date(text, patterns, found, index, event, mentions, instrument.kind, status)
    return Agreement(
        text=text[first.start : first.end],
        start=first.start,
        end=first.end,
        kind=cast(AgreementKind, instrument.kind),
        name=next((m.name for m in mentions if m.name), None),
        parties=tuple(_unique(parties)),
        signatories=tuple(_unique(signatories)),
        date=date,
        status=cast(AgreementStatus, status),
        count=instrument.count if instrument.count and instrument.count > 1 else None,
    )


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item.casefold() not in {o.casefold() for o in out}:
            out.append(item)
    return out


def _status_near(text: str, patterns: _Patterns, index: _Index, mention: _Mention) -> str:
    """The status word nearest the mention in its sentence, read as a status."""
    cue = _nearest_cue(text, patterns, index, mention)
    if cue is None:
        return "mentioned"
    status = patterns.status_of.get(fold(cue[1]), "mentioned")
    if status in {"signed", "adopted"} and patterns.fixed["future_before"].search(text, max(0, cue[0] - 30), cue[0]):
        return "planned"  # "plan to sign", "will be adopted"
    return status


# Between a mention and a status word after it, only words that keep the verb its own: "The MoU,
# which was recently signed", "the Plan (2023-2027),' which was signed", "agreement for Strengthened
# Partnership signed in 2010" — not "the Paris Agreement and …, and called for".


@dataclass(frozen=True)
class _Index:
    """What the earlier stages found, sorted by offset once, so each lookup is a bisection."""

    entities: list[_Entity]
    entity_starts: list[int]
    dates: list[DateMention]
    date_starts: list[int]
    countries: regex.Pattern[str]
    patterns: _Patterns
    heads: list[int]
    """Where every agreement mention's head word starts, sorted."""
    cues: dict[tuple[int, int, int, int], tuple[int, str] | None] = field(default_factory=dict)
    """Each mention's nearest status word, once found (status, parties and date all ask for it)."""
    statuses: dict[tuple[int, int], list[regex.Match[str]]] = field(default_factory=dict)
    """The status words of each sentence a mention stands in, once found."""
    entities_made: dict[tuple[int, int], list[_Entity]] = field(default_factory=dict)
    """What `_entities` found between two offsets."""
    signing_verbs: dict[tuple[int, int], list[regex.Match[str]]] = field(default_factory=dict)
    """The signing verbs of each sentence a mention stands in, once found."""

    @classmethod
    def build(
        cls, text: str, patterns: _Patterns, found: Found, mentions: list[_Mention], read: list[tuple[int, int]]
    ) -> _Index:
        entities: list[_Entity] = []
        for org in found.organizations:
            entities.extend(_Entity(span.start, span.end, org.name) for span in (org, *org.mentions))
        for person in found.people:
            entities.extend(_Entity(s.start, s.end, person.name, person) for s in (person, *person.mentions))
        for start, end in _merged(read):
            entities.extend(
                _Entity(m.start(), m.end(), m.group()) for m in patterns.countries.finditer(text, start, end)
            )
        entities.sort(key=lambda x: (x.start, -(x.end - x.start), x.label))
        dates = sorted(found.dates, key=lambda d: (d.start, d.end))
        heads = sorted(m.head[0] for m in mentions)
        entity_starts = [x.start for x in entities]
        return cls(entities, entity_starts, dates, [d.start for d in dates], patterns.countries, patterns, heads)

    def heads_in(self, start: int, end: int) -> list[int]:
        """Agreement mentions whose head starts between `start` and `end`."""
        return self.heads[bisect.bisect_left(self.heads, start) : bisect.bisect_left(self.heads, end)]

    def entities_in(self, start: int, end: int) -> list[_Entity]:
        low = bisect.bisect_left(self.entity_starts, start)
        high = bisect.bisect_left(self.entity_starts, end)
        return [x for x in self.entities[low:high] if x.end <= end]

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        low = bisect.bisect_left(self.date_starts, start)
        high = bisect.bisect_left(self.date_starts, end)
        return [d for d in self.dates[low:high] if d.end <= end]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, overlapping ones joined (so no offset is scanned twice)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _entities(text: str, index: _Index, start: int, end: int) -> list[_Entity]:
    """Organizations, countries and people named between `start` and `end`, in text order.

    Asked of the same sentences again and again (parties, signatories, the lead): kept once made.
    Callers get the list itself and must not change it."""
    kept = index.entities_made.get((start, end))
    if kept is None:
        kept = index.entities_made[(start, end)] = _entities_between(text, index, start, end)
    return kept


def _entities_between(text: str, index: _Index, start: int, end: int) -> list[_Entity]:
    out = index.entities_in(start, end)
    kept: list[_Entity] = []
    for entity in out:
        if kept and entity.start < kept[-1].end:
            continue  # "of China" inside "Ministry of Water Resources of China"
        if kept and kept[-1].person is None and entity.person is None:
            gap = text[kept[-1].end : entity.start]
            if text[entity.end : entity.end + 1] == ")" and index.patterns.fixed["open_paren_gap"].fullmatch(gap):
                continue  # "(UNEP)" after "UN Environment Programme"
            if (
                "of" in gap
                and index.patterns.fixed["of_gap"].fullmatch(gap)
                and index.countries.fullmatch(entity_text := text[entity.start : entity.end])
                and entity_text
            ):
                continue  # "Ministry of Environment of Belarus": Belarus says whose ministry
        kept.append(entity)
    return kept


def _chain_from(text: str, patterns: _Patterns, entities: list[_Entity], index: int) -> list[_Entity]:
    """Entities listed one after another ("A, B and the C") starting at `index`."""
    chain = [entities[index]]
    for entity in entities[index + 1 :]:
        gap = text[chain[-1].end : entity.start]
        if not patterns.fixed["party_gap"].fullmatch(gap):
            break
        chain.append(entity)
    return chain


def _chain_ending_at(text: str, patterns: _Patterns, entities: list[_Entity], offset: int) -> list[_Entity]:
    """The list of entities that ends just before `offset` ("A and B have signed")."""
    before = [x for x in entities if x.end <= offset]
    if not before:
        return []
    last = before[-1]
    if not patterns.fixed["before_verb_gap"].fullmatch(text[last.end : offset]):
        return []
    chain = [last]
    for entity in reversed(before[:-1]):
        if not patterns.fixed["party_gap"].fullmatch(text[entity.end : chain[0].start]):
            break
        chain.insert(0, entity)
    return chain


def _parties_between(text: str, index: _Index, mention: _Mention) -> list[str]:
    """ "between A and B" after the mention, or before it ("forged between A, B and C with the signing of")."""
    s, e = mention.sentence
    entities = [x for x in _entities(text, index, s, e) if x.person is None]
    for match in index.patterns.fixed["between"].finditer(text[s:e]):
        at = s + match.end()
        if not (mention.end <= at <= mention.end + 80 or mention.start - 200 <= at <= mention.start):
            continue
        for position, entity in enumerate(entities):
            if entity.start == at:
                chain = _chain_from(text, index.patterns, entities, position)
                if len(chain) >= 2:
                    return [x.label for x in chain]
    return []


def _parties_in(text: str, patterns: _Patterns, index: _Index, mention: _Mention, lead: list[str]) -> list[str]:
    """The subject that signed or agreed ("A and B have signed"), and the body "with" whom.

    "The two sides signed", "signed by the two governments": the bodies the lead lists together.
    """
    s, e = mention.sentence
    cue = _nearest_cue(text, patterns, index, mention)
    if cue is not None and lead:
        cue_end = cue[0] + len(cue[1])
        if patterns.anaphor_before.search(text, max(s, cue[0] - 60), cue[0]) or patterns.anaphor_after.match(
            text, cue_end, e
        ):
            return list(lead)
    entities = [x for x in _entities(text, index, s, e) if x.person is None]
    if not entities:
        return []
    parties: list[str] = []
    acting = cue is not None and (
        patterns.status_of.get(fold(cue[1])) in {"signed", "adopted", "planned", "proposed"}
        or cue[1].casefold().endswith("ing")  # "Kenya and China are implementing a memorandum"
    )
    if cue is not None and cue[0] < mention.start:
        parties = [x.label for x in _chain_ending_at(text, patterns, entities, cue[0])]
    if not parties and acting:
        first = entities[0]
        opening = text[s : first.start]
        if first.start < mention.start and patterns.fixed["opening"].fullmatch(opening):
            parties = [x.label for x in _chain_from(text, patterns, entities, 0)]
    with_match = patterns.fixed["with"].match(text, mention.end, e)
    if with_match is None and cue is not None and cue[0] >= mention.end:  # "a contract signed with B"
        with_match = patterns.fixed["with"].match(text, cue[0] + len(cue[1]), e)
    if with_match is not None:
        after = [i for i, x in enumerate(entities) if with_match.end() <= x.start <= with_match.end() + 60]
        if after:
            parties += [x.label for x in _chain_from(text, patterns, entities, after[0])]
    return parties


def _nearest_cue(text: str, patterns: _Patterns, index: _Index, mention: _Mention) -> tuple[int, str] | None:
    """Where the status word nearest the mention starts, and the word.

    A word before the mention counts unless another instrument stands between them; a word after
    it counts only when what lies between keeps the mention its subject (`_AFTER_GAP`).
    """
    key = (mention.start, mention.end, *mention.sentence)
    if key not in index.cues:
        index.cues[key] = _find_cue(text, patterns, index, mention)
    return index.cues[key]


def _find_cue(text: str, patterns: _Patterns, index: _Index, mention: _Mention) -> tuple[int, str] | None:
    s, e = mention.sentence
    best: tuple[int, int, str] | None = None
    inside: tuple[int, str] | None = None
    statuses = index.statuses.get((s, e))
    if statuses is None:
        statuses = index.statuses[(s, e)] = list(patterns.status.finditer(text, s, e))
    for match in statuses:
        if mention.start <= match.start() < mention.end:
            if match.group()[:1].isupper() and fold(match.group()) in {"signing", "signature"}:
                return (match.start(), match.group())  # "MoU Signing Ceremony"
            if match.end() <= mention.head[0] and patterns.status_of.get(fold(match.group())) == "proposed":
                inside = (match.start(), match.group())  # "a draft joint statement", "the proposed protocol"
            continue
        if match.end() <= mention.start:
            if index.heads_in(match.end(), mention.start) and not patterns.fixed["list_before"].search(
                text, s, mention.start
            ):
                continue  # another instrument stands between, and this one does not continue its list
            distance = mention.start - match.end()
        else:
            if not patterns.fixed["after_gap"].fullmatch(text, mention.end, match.start()):
                continue
            distance = match.start() - mention.end
        if fold(match.group()) in patterns.weak_status:
            if distance > _WEAK_REACH:
                continue  # "under" governs only the mention right after it ("under the MoU")
            distance += _WEAK_PENALTY
        if best is None or distance < best[0]:
            best = (distance, match.start(), match.group())
    if inside is not None and (best is None or patterns.status_of.get(fold(best[2])) not in {"signed", "adopted"}):
        return inside  # a draft stays a draft unless the sentence signs or adopts it
    return (best[1], best[2]) if best is not None else None


def _signatories(text: str, patterns: _Patterns, index: _Index, mention: _Mention) -> tuple[list[Person], list[Person]]:
    """People who signed the mentioned instrument, and those they signed on behalf of."""
    s, e = mention.sentence
    verbs = index.signing_verbs.get((s, e))
    if verbs is None:
        verbs = index.signing_verbs[(s, e)] = list(patterns.signing_verb.finditer(text, s, e))
    if not verbs:
        return [], []
    verb = min(verbs, key=lambda m: abs(m.start() - mention.start))
    people = [(x.start, x.end, x.person) for x in index.entities_in(s, e) if x.person is not None]
    if not people:
        return [], []
    chosen: list[Person] = []
    behalf: list[Person] = []
    after_verb = text[verb.end() : verb.end() + 12]
    passive = patterns.fixed["by_after"].match(after_verb) is not None or (
        verb.start() > mention.end
        and patterns.fixed["passive_aux"].search(text[max(s, verb.start() - 12) : verb.start()]) is not None
    )
    if passive:
        if verb.start() < mention.start or patterns.kinds.pattern.search(text, s, mention.start) is not None:
            return [], []  # "The Memorandum, which builds on a similar MOU …, was signed by": not the similar one
        window = (verb.end(), e)
    else:  # the signers stand before the verb, after any "X said (that)"
        reported = list(patterns.fixed["reported"].finditer(text, s, verb.start()))
        window = (reported[-1].end() if reported else s, verb.start())
    for start, _end, person in people:
        if not window[0] <= start < window[1]:
            continue
        lead = text[max(s, start - 40) : start]
        if patterns.fixed["behalf"].search(lead):
            behalf.append(person)
            continue
        if patterns.fixed["witness"].search(lead):
            continue
        chosen.append(person)
    # "X signed … with Y"
    with_match = patterns.fixed["with"].match(text, mention.end, e)
    if with_match is not None and window[1] <= mention.start:
        for start, _end, person in people:
            if with_match.end() <= start <= with_match.end() + 80:
                chosen.append(person)
                break
    ordered: list[Person] = []
    for person in chosen:
        if person not in ordered:
            ordered.append(person)
    return ordered, behalf


def _parties_of_people(rules: RuleSet, found: Found, signers: list[Person], behalf: list[Person]) -> list[str]:
    """The bodies the signatories signed for: the organization they represent, else their country."""
    out: list[str] = []
    represented = [*behalf]
    for person in signers:
        if behalf and person is signers[0] and person.organization is None:
            continue  # signed on someone else's behalf
        represented.append(person)
    for person in represented:
        label = _organization_name(found, person.organization) if person.organization else person.country
        if label:
            out.append(label)
    return out


def _organization_name(found: Found, written: str) -> str:
    """The full name of the organization a person's record names (it may name it by acronym)."""
    key = fold(written)
    for org in found.organizations:
        names = {fold(org.name), *(fold(m.text) for m in org.mentions)}
        if org.acronym:
            names.add(fold(org.acronym))
        if key in names:
            return org.name
    return written


def _parties_in_name(rules: RuleSet, patterns: _Patterns, found: Found, mention: _Mention) -> list[str]:
    """Parties named in a title's prefix: "ASEAN-China Strategy …" → ASEAN, China."""
    if mention.name is None:
        return []
    known = {fold(o.name): o.name for o in found.organizations}
    known.update({fold(o.acronym): o.acronym for o in found.organizations if o.acronym})
    for word in mention.name.split()[:3]:
        word = word.strip("“”\"'‘’")
        out = []
        for part in word.split("-"):
            if rules.country_of(part) is not None and part[:1].isupper():
                out.append(part)
            elif fold(part) in known:
                out.append(known[fold(part)])
            elif patterns.fixed["acronym_only"].fullmatch(part):
                out.append(part)  # an acronym-named body ("ASEAN-China …")
        if out and ("-" in word or len(mention.name.split()) > 2):
            return out
    return []


def _date(
    text: str,
    patterns: _Patterns,
    found: Found,
    index: _Index,
    event: Event | None,
    mentions: list[_Mention],
    kind: str,
    status: str,
) -> str | None:
    """When it was signed or adopted: a date beside a signing/adoption word, else the event's date.

    A date belongs to the instrument named just before it ("signed A in 2019 and B in 2021"); a span of
    years ("2021-2030") is how long an instrument runs, not when it was made; a year that opens a
    name ("The 2012 … Agreement") is when it was made, whatever its status.
    """
    for mention in mentions:
        year = patterns.fixed["year_first"].match(mention.surface)
        if year is not None and mention.name is not None:
            published = found.published.value if found.published is not None else None
            if published is None or year.group("year") <= published[:4]:
                return year.group("year")
    if status not in {"signed", "adopted"}:
        return None
    inside = [(m.start, m.end) for m in mentions]
    trigger = event.trigger if event is not None else None
    this_signing = trigger is not None and any(m.sentence[0] <= trigger.start < m.sentence[1] for m in mentions)
    if event is not None and event.date is not None and this_signing:
        return event.date  # the reported event is this signing
    for mention in mentions:
        if _status_near(text, patterns, index, mention) not in {"signed", "adopted"}:
            continue
        s, e = mention.sentence
        dates = [
            d
            for d in index.dates_in(s, e)
            if d.value
            and not any(a <= d.start < b for a, b in inside)
            and not (found.published is not None and d.start == found.published.start)
        ]
        dates = [d for d in dates if not patterns.fixed["year_range"].fullmatch(d.value or "")]
        others = [h for h in index.heads_in(s, e) if not mention.start <= h < mention.end]
        dates = [d for d in dates if _belongs(d, mention, others)]
        if dates:
            nearest = min(dates, key=lambda d: (_distance(d, mention), d.start))
            return nearest.value
    if event is None or event.date is None:
        return None
    for mention in mentions:
        s, e = mention.sentence
        ties = (
            kind == "joint_statement"
            or mention.heading
            or event.kind == "signing_ceremony"
            or _tied_to_event(text, patterns, s, e)
        )
        if ties:
            if "/" in event.date and _at_close(text, patterns, s, e):
                return event.date.split("/")[1]  # "at the close of the forum": its last day
            return event.date
    return None


def _at_close(text: str, patterns: _Patterns, start: int, end: int) -> bool:
    """Whether a sentence places a signing at the close of the event ("at the end of the meeting")."""
    for match in patterns.event_words.finditer(text, start, end):
        if patterns.fixed["closing_of"].search(text[max(start, match.start() - 40) : match.start()]):
            return True
    return False


def _belongs(date: DateMention, mention: _Mention, others: list[int]) -> bool:
    """Whether no other instrument's head stands between the mention and the date."""
    low, high = (mention.end, date.start) if date.start >= mention.end else (date.end, mention.start)
    return not any(low <= o < high for o in others)


def _distance(date: DateMention, mention: _Mention) -> int:
    return date.start - mention.end if date.start >= mention.end else mention.start - date.end


def _tied_to_event(text: str, patterns: _Patterns, start: int, end: int) -> bool:
    """Whether a sentence places a signing at the reported event ("signed during the conference")."""
    for match in patterns.event_words.finditer(text, start, end):
        before = text[max(start, match.start() - 40) : match.start()]
        if fold(match.group()) == "ceremony" or patterns.fixed["at_the_before"].search(before):
            return True
    return False


def _dated(name: str) -> bool:
    """Whether a name ends in a year or a span of years ("… Strategy 2030", "… Plan 2021-2030")."""
    last = name.split()[-1].strip("()") if name.split() else ""
    return len(last) >= 4 and last[:4].isdigit()


def _unilateral(rules: RuleSet, name: str) -> bool:
    words = set(name.split())
    return any(word in words for word in rules.agreements.unilateral_words)
