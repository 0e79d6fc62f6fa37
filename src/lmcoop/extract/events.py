"""The one main event the article reports: kind, date, place and mode.

The event is what the headline or the first sentences of the body name: a noun from the rules
("workshop", "symposium") wins over a verb ("signed", "visited") in the same sentence, and the first
sentence that names anything wins. Its date is a day (or a range of days) that the dates stage found
in that sentence, else in a nearby sentence that also speaks of the event; its place is the
"in <Place>" or "at <venue>" next to it; its mode comes from words like "online and offline".
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import regex

from ..document import Document
from ..models import DateMention, Event, EventKind, EventMode, Span
from ..rules import RuleSet
from .words import Vocabulary, alternation, fold, may_occur, phrase_words

if TYPE_CHECKING:
    from ..pipeline import Found

__all__ = ["extract", "find_event", "is_day_value"]

_BODY_SENTENCES = 4
"""How many prose sentences after the headline may name the event."""
_DATE_SENTENCES = 8
"""How many sentences after the event's sentence may give its date or place."""
_CANDIDATES = 1 + _BODY_SENTENCES + 12
"""How many sentences (headline first) are ever read for the event: its own, and 12 after it."""
_ARTICLE_SENTENCES = 3
"""From how many sentences a text without a headline counts as a whole article (for "no event")."""
_MODE_REACH = 40
"""How near an event word "online" or "hybrid" must stand to say how the event was held."""


def extract(doc: Document, rules: RuleSet, found: Found) -> Found:
    """`found` with its `event` filled (None when the article reports none).

    With no event (an opinion piece, a profile) nobody attended anything: every person is then
    "mentioned", whatever the people stage guessed. A lone sentence or two is left alone: it is a
    fragment whose event may be elsewhere.
    """
    event = find_event(doc, rules, found)
    whole_article = found.title is not None or len(doc.sentences) >= _ARTICLE_SENTENCES
    if event is None and whole_article and any(p.role != "mentioned" for p in found.people):
        people = tuple(p if p.role == "mentioned" else p.model_copy(update={"role": "mentioned"}) for p in found.people)
        return dataclasses.replace(found, event=None, people=people)
    return dataclasses.replace(found, event=event)


def is_day_value(value: str | None) -> bool:
    """Whether a date value names a day or a range of days (what an event date is)."""
    if not value:
        return False
    parts = value.split("/")
    return len(parts) <= 2 and all(_is_day(part) for part in parts)


def _is_day(value: str) -> bool:
    """ "2023-10-18" or "XXXX-10-18"."""
    year, _, rest = value.partition("-")
    month, _, day = rest.partition("-")
    return (
        (year == "XXXX" or (len(year) == 4 and year.isdigit()))
        and len(month) == 2
        and month.isdigit()
        and len(day) == 2
        and day.isdigit()
    )


@dataclass(frozen=True)
class _Patterns:
    nouns: Vocabulary
    noun_kind: dict[str, str]
    verbs: Vocabulary
    verb_kind: dict[str, str]
    online: Vocabulary
    hybrid: regex.Pattern[str]
    hybrid_words: tuple[str, ...] | None
    hybrid_noun_words: tuple[str, ...] | None
    online_words: tuple[str, ...] | None
    offline_words: tuple[str, ...] | None
    remote_join_words: tuple[str, ...] | None
    """The words of `hybrid`'s phrases: a text that lacks some word of each has no match (`may_occur`)."""
    offline: Vocabulary
    place: regex.Pattern[str]
    venue: regex.Pattern[str]
    at_org: regex.Pattern[str]
    place_country: regex.Pattern[str]
    visited: regex.Pattern[str]
    place_verb: Vocabulary
    agreement_word: Vocabulary
    calendar_words: frozenset[str]
    org_after: regex.Pattern[str]
    mode_context: regex.Pattern[str]
    seat: regex.Pattern[str]
    future: Vocabulary
    here: Vocabulary
    opening: Vocabulary
    closing: Vocabulary
    remote_join: Vocabulary
    hybrid_noun: regex.Pattern[str]
    duration: regex.Pattern[str]
    dateline: regex.Pattern[str]
    maybe_lower: regex.Pattern[str]
    """Two characters side by side that may be lower case: where `_prose` asks `str.islower`."""
    end_cue: frozenset[str]
    relative: frozenset[str]
    speech: frozenset[str]
    weekday_words: frozenset[str]
    past_verb: regex.Pattern[str]


def _build(rules: RuleSet) -> _Patterns:
    events = rules.events
    noun_kind = {fold(w): kind for kind, words in events.kinds.items() for w in words}
    verb_kind = {fold(w): kind for kind, words in events.verbs.items() for w in words}
    # A capitalized word ("Phnom", "Nanning", "Kep"), possibly hyphenated.
    cap = r"\p{Lu}[\p{L}\p{M}'’.-]{0,30}"
    place_name = rf"{cap}(?:\s{cap}){{0,2}}(?:\s(?:[Pp]rovince|[Cc]ity|[Cc]ounty|[Dd]istrict))?"
    agreement_words = [w for words in rules.agreements.kinds.values() for w in words]
    return _Patterns(
        nouns=Vocabulary(w for words in events.kinds.values() for w in words),
        noun_kind=noun_kind,
        verbs=Vocabulary(w for words in events.verbs.values() for w in words),
        verb_kind=verb_kind,
        online=Vocabulary(events.online_words),
        hybrid=regex.compile(
            rf"(?:\b(?<!-)(?:both\s+)?[\"“']?|[\"“'])(?:{alternation(events.hybrid_words)})[\"”']?(?![\w-])",
            regex.IGNORECASE,
        ),
        hybrid_words=phrase_words(events.hybrid_words),
        hybrid_noun_words=phrase_words(["hybrid"]),  # the word `hybrid_noun` starts with
        online_words=phrase_words(events.online_words),
        offline_words=phrase_words(events.offline_words),
        remote_join_words=phrase_words(events.remote_join_words),
        offline=Vocabulary(events.offline_words),
        # "in Kunming", "in East China's Shandong province", "in Nanning City", "in the Lao capital Vientiane"
        place=regex.compile(
            rf"(?<!\w)in\s+(?:{cap}(?:\s{cap}){{0,2}}['’]s\s+|the\s+(?:{cap}\s)?(?:capital|city|town)(?:\s+of)?,?\s+)?"
            rf"(?P<place>{place_name})",
            regex.VERSION1,
        ),
        # "at the Cambodian Embassy in China", "at Sunrise Hotel"
        venue=regex.compile(
            rf"(?<!\w)at\s+(?:the\s+)?(?P<venue>(?:{cap}\s(?:(?:of|for|and|the)\s){{0,2}}){{0,8}}"
            rf"(?:{alternation(events.venue_nouns)})(?:\s+in\s+{cap})?)(?!\w)",
            regex.VERSION1,
        ),
        at_org=regex.compile(r"(?<!\w)at\s+(?:the\s+)?(?=\p{Lu})", regex.VERSION1),
        place_country=regex.compile(
            rf"(?<![\w,]\s)(?<!\w)(?P<place>{cap}(?:\s{cap}){{0,1}}),\s+(?P<country>{cap}(?:\s{cap}){{0,1}})(?!\w)",
            regex.VERSION1,
        ),
        visited=regex.compile(
            rf"(?<!\w)(?:visited|visits|visiting|visit\s+to)\s+(?:the\s+)?(?P<place>{cap}"
            rf"(?:\s(?:(?:of|for|and|the)\s){{0,2}}{cap}){{0,8}})",
            regex.VERSION1,
        ),
        place_verb=Vocabulary(events.place_verbs),
        agreement_word=Vocabulary(agreement_words),
        org_after=regex.compile(r"\s+(?:Secretariat|Office|Center|Centre|Institute)\b", regex.VERSION1),
        mode_context=regex.compile(
            r"(?<!\w)(?:format|mode|attend\w*|join\w*|participat\w*)(?!\w)", regex.IGNORECASE | regex.VERSION1
        ),
        seat=regex.compile(rf"(?:{alternation(events.seat_words)})\s+$", regex.IGNORECASE),
        future=Vocabulary(events.future_words),
        here=Vocabulary(events.here_words),
        opening=Vocabulary(events.opening_verbs),
        closing=Vocabulary(events.closing_verbs),
        remote_join=Vocabulary(events.remote_join_words),
        hybrid_noun=regex.compile(
            rf"\bhybrid\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(w for ws in events.kinds.values() for w in ws)})\b",
            regex.IGNORECASE,
        ),
        duration=regex.compile(
            r"\b(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])[- ]day"
            r"|after\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])\s+days)\b",
            regex.IGNORECASE,
        ),
        # "HANOI, " / "Addis Ababa, Ethiopia, " opening the line of a dateline's date
        dateline=regex.compile(
            rf"[ \t]*(?P<city>{cap}(?:\s{cap}){{0,3}}),[ \t]*(?:{cap}(?:\s{cap}){{0,2}},[ \t]*)?", regex.VERSION1
        ),
        # every character `str.islower` accepts, in any Unicode version ("ʕ" was Ll, is Lo): a test checks
        maybe_lower=regex.compile(r"[\p{Lowercase}\p{Lo}\p{Cn}]{2}"),
        calendar_words=frozenset(
            w.casefold() for w in (*rules.dates.months, *rules.dates.weekdays, *rules.dates.seasons)
        ),
        end_cue=frozenset(fold(w) for w in events.end_cues),
        relative=frozenset(fold(w) for w in events.relative_words),
        speech=frozenset(fold(w) for w in events.speech_words),
        weekday_words=frozenset(w.casefold() for w in rules.dates.weekdays),
        # "were released", "gathered": the lead's own verb names an event of no listed kind
        past_verb=regex.compile(r"(?<![\w-])\p{Ll}{2,30}ed(?![\w-])", regex.VERSION1),
    )


@dataclass(frozen=True)
class _Trigger:
    kind: str
    span: tuple[int, int]
    sentence: tuple[int, int]


def find_event(doc: Document, rules: RuleSet, found: Found) -> Event | None:
    """The main event of the article, or None when its headline and opening name none."""
    patterns = rules.compiled(_build)
    candidates = _candidate_sentences(doc, patterns, found)
    trigger = _find_trigger(doc.text, patterns, candidates[: _BODY_SENTENCES + (1 if found.title else 0)], found)
    if trigger is None:
        trigger = _lead_event(doc, patterns, found, candidates)
    if trigger is None:
        return None
    following = _sentences_from(candidates, trigger.sentence)
    index = candidates.index(trigger.sentence)
    before = [c for c in candidates[max(0, index - 2) : index] if found.title is None or c[0] >= found.title.end]
    later = candidates[index + 3 : index + 12]  # read only when they name a place and the event again
    date = _event_date(doc, patterns, found, trigger, following, before)
    date = _spread(doc.text, patterns, following, _until(doc, patterns, found, trigger, following, date))
    location = _event_location(doc, patterns, rules, found, trigger, [*following[:3], *before], later)
    mode = _event_mode(doc.text, patterns, trigger, following)
    text = doc.text
    if mode != "online" and (location is None or patterns.here.search(text, *trigger.sentence)):
        location = _dateline_city(doc, patterns, rules, found) or location  # "HANOI, 5 March –", "here"
    return Event(
        kind=cast(EventKind, trigger.kind),
        date=date,
        location=location.text if location else None,
        mode=mode,
        trigger=Span(text=text[trigger.span[0] : trigger.span[1]], start=trigger.span[0], end=trigger.span[1]),
        location_span=location,
    )


def _spread(text: str, patterns: _Patterns, sentences: list[tuple[int, int]], date: str | None) -> str | None:
    """A day that opened or closed a several-day event becomes the event's range of days."""
    if date is None or "/" in date or not date[:4].isdigit() or not is_day_value(date):
        return date
    for s, e in sentences[:2]:  # the event's sentence, or the lead after a headline
        duration = patterns.duration.search(text, s, e)
        if duration is not None:
            break
    else:
        return date
    number = duration.group("n").casefold()
    days = int(number) if number.isdigit() else _NUMBERS[number]
    day = datetime.date.fromisoformat(date)
    if patterns.closing.search(text, s, e):
        return f"{day - datetime.timedelta(days=days - 1)}/{day}"
    if patterns.opening.search(text, s, e):
        return f"{day}/{day + datetime.timedelta(days=days - 1)}"
    return date


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _dateline_city(doc: Document, patterns: _Patterns, rules: RuleSet, found: Found) -> Span | None:
    """The city a dateline opens with ("HANOI, 5 March 2024 –", "Jakarta, 9 November (Agency) –")."""
    text = doc.text
    mentions = [found.published] if found.published is not None else []
    mentions += [d for d in found.dates[:6] if d.start < 2000]
    for mention in mentions:
        line_start, _ = doc.line_at(mention.start)
        match = patterns.dateline.fullmatch(text, line_start, mention.start)
        if match is None:
            continue
        city = match.group("city")
        if city.split()[0].casefold() in patterns.calendar_words or rules.country_of(city) is not None:
            continue
        return Span(text=city, start=match.start("city"), end=match.end("city"))
    return None


def _candidate_sentences(doc: Document, patterns: _Patterns, found: Found) -> list[tuple[int, int]]:
    """The headline, then the prose sentences after it (a repeated headline is skipped)."""
    text = doc.text
    out: list[tuple[int, int]] = []
    start = 0
    title_text = None
    if found.title is not None:
        out.append((found.title.start, found.title.end))
        start = found.title.end
        title_text = " ".join(found.title.text.split())
    for s, e in doc.sentences[doc.sentence_index(start) :]:
        if len(out) >= _CANDIDATES:
            break
        if s < start:
            continue
        chunk = text[s:e]
        words = chunk.split()
        if title_text is not None and len(chunk) >= len(title_text) and " ".join(words) == title_text:
            continue
        if len(words) < 5 or not _prose(patterns, chunk):
            continue
        out.append((s, e))
    return out


def _prose(patterns: _Patterns, chunk: str) -> bool:
    """Whether two lower-case letters stand side by side (prose, not a heading in capitals).

    `str.islower` decides; a pattern finds, in C, the places worth asking (a megabyte of "A, B, C, …" has none).
    """
    at = 0
    while (pair := patterns.maybe_lower.search(chunk, at)) is not None:
        at = pair.start()
        if chunk[at].islower() and chunk[at + 1].islower():
            return True
        at += 1
    return False


def _sentences_from(candidates: list[tuple[int, int]], sentence: tuple[int, int]) -> list[tuple[int, int]]:
    index = candidates.index(sentence) if sentence in candidates else 0
    return candidates[index : index + _DATE_SENTENCES]


def _find_trigger(
    text: str, patterns: _Patterns, sentences: list[tuple[int, int]], found: Found | None = None
) -> _Trigger | None:
    for s, e in sentences:
        nouns = [m for m in patterns.nouns.finditer(text, s, e) if _is_event_noun(text, patterns, m)]
        signed = _signed_agreement(text, patterns, s, e)
        if signed is not None and _past_reference(text, patterns, found, s, e, signed[0]):
            signed = None
        strong = [(m.start(), m.end(), patterns.noun_kind.get(fold(m.group()), "other")) for m in nouns]
        if signed is not None:
            strong.append(signed)
        if strong:
            start, end, kind = min(strong)
            for m in nouns:  # "Dialogue Conference on …": the last noun of a name is its head
                if m.start() > end and not text[end : m.start()].strip(" \t"):
                    start, end, kind = m.start(), m.end(), patterns.noun_kind.get(fold(m.group()), "other")
            return _Trigger(kind, (start, end), (s, e))
        for m in patterns.verbs.finditer(text, s, e):
            if _past_reference(text, patterns, found, s, e, m.start()):
                continue
            return _Trigger(patterns.verb_kind.get(fold(m.group()), "other"), m.span(), (s, e))
    return None


_CLAUSE_REACH = 80
"""How far back from a verb its clause is read for a relative word ("…, which the two sides signed")."""
_LEAD_DAYS = 14
"""How many days from the publication date the lead's own day may lie to date its unnamed event."""
_VERB_REACH = 200
"""How far before the lead's day its verb is looked for (so a huge sentence is read once per day, not whole)."""


def _past_reference(text: str, patterns: _Patterns, found: Found | None, start: int, end: int, offset: int) -> bool:
    """Whether the verb at `offset` tells an earlier event, not the one reported.

    It does inside a relative clause ("the protocol, which the two countries signed …", "…, signed by
    both sides in 1995") and when the day or year right after it lies a year or more before the
    publication date; a day right after it near the publication date makes it the reported one.
    """
    published = found.published.date if found is not None and found.published is not None else None
    after = None
    if found is not None:
        at = bisect.bisect_right(found.dates, offset, key=lambda d: d.start)
        if at < len(found.dates) and found.dates[at].start < min(end, offset + _CLAUSE_REACH):
            after = found.dates[at]
    if after is not None and after.date is not None and published is not None:
        if abs((published - after.date).days) <= _LEAD_DAYS:
            return False  # "the memorandum, signed on Monday by …" reports the signing
        return (published - after.date).days > 366
    floor = max(start, offset - _CLAUSE_REACH)
    clause = max(text.rfind(c, floor, offset) for c in ",;(—–")
    if clause >= 0:
        words = text[clause + 1 : offset].split()
        if words and fold(words[0]) in patterns.relative:
            return True
        if not words and text[offset : offset + 40].split(" ", 2)[1:2] == ["by"]:
            return True
    if after is None or published is None:
        return False
    value = after.value or ""
    return value[:4].isdigit() and int(value[:4]) <= published.year - 2


def _lead_event(doc: Document, patterns: _Patterns, found: Found, candidates: list[tuple[int, int]]) -> _Trigger | None:
    """With no event word in the headline and lead, the lead's own dated happening is an event of kind `other`.

    Only under a headline, and only when the lead gives a day near the publication date ("… were
    released in X on Monday", a verb before a day that is neither the dateline's nor a statement's):
    a profile, an interview or a background page names no such day.
    """
    if found.title is None or len(candidates) < 2:
        return None
    s, e = candidates[1]
    text = doc.text
    published = found.published.date if found.published is not None else None
    for d in _dates_in(found, s, e):
        if d.date is None or _is_published(found, d) or not is_day_value(d.value):
            continue
        if published is not None and abs((published - d.date).days) > _LEAD_DAYS:
            continue
        if _opens_dateline(doc, patterns, d) or any(
            fold(w) in patterns.speech for w in text[max(s, d.start - 12) : d.start].split()[-2:]
        ):
            continue  # "X said on Monday" dates a statement, not a happening
        for verb in patterns.past_verb.finditer(text, max(s, d.start - _VERB_REACH), d.start):
            if fold(verb.group()) not in patterns.speech:
                return _Trigger("other", verb.span(), (s, e))
    return None


def _is_event_noun(text: str, patterns: _Patterns, match: regex.Match[str]) -> bool:
    """Leave out nouns that are part of an organization's name ("Forum Secretariat")."""
    after = text[match.end() : match.end() + 16]
    return patterns.org_after.match(after) is None


def _signed_agreement(text: str, patterns: _Patterns, start: int, end: int) -> tuple[int, int, str] | None:
    """A signing verb with an agreement word in the same sentence reports a signing."""
    if patterns.agreement_word.search(text, start, end) is None:
        return None
    for m in patterns.verbs.finditer(text, start, end):
        if patterns.verb_kind.get(fold(m.group())) == "signing_ceremony":
            return (m.start(), m.end(), "signing_ceremony")
    return None


def _dates_in(found: Found, start: int, end: int) -> list[DateMention]:
    """The dates inside ``[start, end)``; `found.dates` is in text order, so only those are looked at."""
    out = []
    for d in found.dates[bisect.bisect_left(found.dates, start, key=lambda m: m.start) :]:
        if d.start >= end:
            break
        if d.end <= end:
            out.append(d)
    return out


def _is_published(found: Found, mention: DateMention) -> bool:
    pub = found.published
    return pub is not None and mention.start == pub.start and mention.end == pub.end


def _event_date(
    doc: Document,
    patterns: _Patterns,
    found: Found,
    trigger: _Trigger,
    following: list[tuple[int, int]],
    before: list[tuple[int, int]],
) -> str | None:
    text = doc.text
    # 1. A day named in the sentence that reports the event, nearest the trigger word.
    own = [d for d in _dates_in(found, *trigger.sentence) if is_day_value(d.value)]
    others = [d for d in own if not _is_published(found, d)]
    if others:  # a day the sentence gives beats its dateline's ("X, 21 May — … held … on 20 May")
        return min(
            others, key=lambda d: (_opens_dateline(doc, patterns, d), abs(d.start - trigger.span[0]), d.start)
        ).value
    # 2. A day in a following sentence that speaks of an event ("was held", "the workshop"),
    #    nearest the words that speak of it; then one in the sentences just before.
    for s, e in following[1:]:
        days = [d for d in _dates_in(found, s, e) if is_day_value(d.value) and not _is_published(found, d)]
        if not days:
            continue
        anchors = [
            m.start() for p in (patterns.nouns, patterns.verbs, patterns.place_verb) for m in p.finditer(text, s, e)
        ]
        if anchors:
            return min(
                days,
                key=lambda d: (_opens_dateline(doc, patterns, d), min(abs(d.start - a) for a in anchors), d.start),
            ).value
    for s, e in reversed(before):
        days = [d for d in _dates_in(found, s, e) if is_day_value(d.value) and not _is_published(found, d)]
        if days:
            return days[0].value
    # 3. A wire dateline ("ASTANA, March 18.") standing just before the event's sentence.
    if own:
        return own[0].value
    pub = found.published
    if pub is not None and is_day_value(pub.value):
        index = doc.sentence_index(trigger.sentence[0])
        if index > 0 and doc.sentence_index(pub.start) == index - 1:
            dateline = doc.sentences[index - 1]
            if len(text[dateline[0] : dateline[1]].split()) <= 6:
                return pub.value
    return None


def _opens_dateline(doc: Document, patterns: _Patterns, mention: DateMention) -> bool:
    """Whether a date stands in a dateline ("CITY, 21 May —") before the sentence's own words."""
    text = doc.text
    line_start, line_end = doc.line_at(mention.start)
    if patterns.dateline.fullmatch(text, line_start, mention.start) is None:
        return False
    return text[mention.end : min(line_end, mention.end + 4)].lstrip(" \t").startswith(("—", "–", "-", "(", ":"))


_END_SENTENCES = 2
"""How many sentences after the one with the event's first day may give its last day ("It runs until …")."""
_LONGEST_EVENT = 31
"""The most days from first to last that an end cue may span."""


def _until(
    doc: Document,
    patterns: _Patterns,
    found: Found,
    trigger: _Trigger,
    following: list[tuple[int, int]],
    date: str | None,
) -> str | None:
    """The event's range when its last day is given by an end cue ("will close on 21 May", "runs until Monday").

    The cue counts in the sentence that gives the first day, in the next one, and in the one after
    that when it speaks of the event again ("It …", the event's noun), never in one about a later
    event ("the next …"). A weekday that the dates
    stage put before the first day is the next one of that name.
    """
    if date is None or "/" in date or not date[:4].isdigit() or not is_day_value(date):
        return date
    text = doc.text
    first = datetime.date.fromisoformat(date)
    for s, e in [trigger.sentence, *following]:
        if any(d.value == date for d in _dates_in(found, s, e)):
            break
    else:
        return date
    index = doc.sentence_index(s)
    last_index = min(index + _END_SENTENCES, len(doc.sentences) - 1)
    ceiling = max(e, doc.sentences[last_index][1])
    # each later day is looked at once, with the few words before it: is it the end of this event?
    for d in found.dates[bisect.bisect_left(found.dates, s, key=lambda m: m.start) :]:
        if d.start >= ceiling:
            break
        if d.date is None or not _after_end_cue(text, patterns, max(s, d.start - 24), d.start):
            continue
        i = doc.sentence_index(d.start)
        cs, ce = (s, e) if i <= index else doc.sentences[i]
        if i > index and patterns.future.search(text, cs, ce):
            continue  # "registration for the next fair closes on …" ends something else
        if i > index + 1:
            head = text[cs : min(ce, cs + 12)].split()
            if not (head and fold(head[0]) in {"it", "they"}) and not _names_kind(
                text, patterns, (cs, ce), trigger.kind
            ):
                continue
        last = d.date
        if last < first and fold(d.text) in patterns.weekday_words:
            last += datetime.timedelta(days=7)
        if 0 < (last - first).days <= _LONGEST_EVENT:
            return f"{first}/{last}"
    return date


def _after_end_cue(text: str, patterns: _Patterns, start: int, end: int) -> bool:
    """Whether the words just before `end` are an end cue ("until", "will close on", "ends on the")."""
    words = [fold(w) for w in text[start:end].split()]
    while words and words[-1] in {"on", "the"}:
        words.pop()
    return bool(words) and (words[-1] in patterns.end_cue or " ".join(words[-2:]) in patterns.end_cue)


def _names_kind(text: str, patterns: _Patterns, sentence: tuple[int, int], kind: str) -> bool:
    """Whether the sentence names an event of this kind again (by noun or verb)."""
    for pattern, kinds in ((patterns.nouns, patterns.noun_kind), (patterns.verbs, patterns.verb_kind)):
        if any(kinds.get(fold(m.group())) == kind for m in pattern.finditer(text, *sentence)):
            return True
    return False


def _event_location(
    doc: Document,
    patterns: _Patterns,
    rules: RuleSet,
    found: Found,
    trigger: _Trigger,
    sentences: list[tuple[int, int]],
    later: list[tuple[int, int]],
) -> Span | None:
    """Where the event was: near its own sentence, else "in <Place>" where a later sentence names it again.

    A sentence about a later event ("hold the next meeting in X") and an organization's seat ("based
    in X") give no place; a city named right after a venue wins over the venue.
    """
    text = doc.text
    past = patterns.future.search(text, *trigger.sentence) is None  # a reported event, not an announced one
    announced: dict[tuple[int, int], bool] = {}

    def kept(sentence: tuple[int, int]) -> bool:
        """Not about a later event, when the event itself is past; asked only of sentences that give a place."""
        if not past or sentence == trigger.sentence:
            return True
        if sentence not in announced:
            announced[sentence] = patterns.future.search(text, *sentence) is not None
        return not announced[sentence]

    for s, e in later:
        for m in patterns.place.finditer(text, s, e):
            if _is_seat(text, patterns, s, m.start()):
                continue
            span = _place_span(text, rules, patterns, m.start("place"), m.end("place"))
            if span is not None and not _quoted(text, s, span.start):
                if kept((s, e)) and _names_kind(text, patterns, (s, e), trigger.kind):
                    sentences = [*sentences, (s, e)]
                break
    for s, e in sentences:
        if not kept((s, e)):
            continue
        in_title = found.title is not None and s == found.title.start
        for m in patterns.visited.finditer(text, s, e):
            span = _org_at(found, m.start("place")) or _place_span(
                text, rules, patterns, m.start("place"), m.end("place")
            )
            if span is not None and not _quoted(text, s, span.start):
                return span
        for m in patterns.place.finditer(text, s, e):
            if in_title and not _event_word_before(text, patterns, m.start(), s):
                continue  # a headline's "research in Hydrology" is no place
            if _is_seat(text, patterns, s, m.start()):
                continue
            span = _place_span(text, rules, patterns, m.start("place"), m.end("place"))
            if span is not None and not _quoted(text, s, span.start):
                return span
        for m in patterns.at_org.finditer(text, s, e):
            span = _org_at(found, m.end())
            if span is not None and not patterns.nouns.pattern.search(span.text):
                return _city_after(text, rules, patterns, span.end, e) or span
        for m in patterns.venue.finditer(text, s, e):
            venue = m.group("venue")
            if patterns.nouns.pattern.search(venue) or _quoted(text, s, m.start()):
                continue  # "at the 3rd International Conference" is an event, not a place
            return _city_after(text, rules, patterns, m.end("venue"), e) or Span(
                text=venue, start=m.start("venue"), end=m.end("venue")
            )
    for s, e in sentences:
        if not kept((s, e)):
            continue
        for m in patterns.place_country.finditer(text, s, e):
            span = _place_span(text, rules, patterns, m.start("place"), m.end("place"))
            if span is not None and rules.country_of(m.group("country")) is not None:
                return span
    return None


def _is_seat(text: str, patterns: _Patterns, floor: int, offset: int) -> bool:
    """Whether "in <Place>" at `offset` follows "based"/"headquartered" (an organization's seat)."""
    return patterns.seat.search(text, max(floor, offset - 20), offset) is not None


def _city_after(text: str, rules: RuleSet, patterns: _Patterns, start: int, end: int) -> Span | None:
    """A city named just after a venue ("at the X University in the capital Y") — the city wins."""
    while start < end and text[start] in " ,":
        start += 1
    match = patterns.place.match(text, start, end)
    if match is None:
        return None
    return _place_span(text, rules, patterns, match.start("place"), match.end("place"))


def _org_at(found: Found, offset: int) -> Span | None:
    """The organization mention that starts at `offset`, as a place ("visited the X Center")."""
    starting = [m for org in found.organizations for m in (org, *org.mentions) if m.start == offset]
    if not starting:
        return None
    longest = max(starting, key=lambda m: (m.end, m.text))
    return Span(text=longest.text, start=longest.start, end=longest.end)


def _quoted(text: str, sentence_start: int, offset: int) -> bool:
    """Whether `offset` lies inside quotation marks opened in its sentence (a quoted title)."""
    before = text[sentence_start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _event_word_before(text: str, patterns: _Patterns, offset: int, floor: int) -> bool:
    window = text[max(floor, offset - 25) : offset]
    return bool(
        patterns.place_verb.pattern.search(window)
        or patterns.nouns.pattern.search(window)
        or patterns.verbs.pattern.search(window)
    )


def _place_span(text: str, rules: RuleSet, patterns: _Patterns, start: int, end: int) -> Span | None:
    """The place as a Span, unless it is a country, a calendar word or an event's name."""
    place = text[start:end].rstrip(".")
    end = start + len(place)
    if place.endswith(("'s", "’s", "'", "’")):
        return None  # "China's market"
    first = place.split()[0].casefold() if place.split() else ""
    if not place or first in patterns.calendar_words or first in {"the", "this", "that", "its", "their"}:
        return None
    if rules.country_of(place) is not None or any(rules.country_of(word) for word in place.split()):
        return None
    if patterns.nouns.pattern.search(place) or patterns.agreement_word.pattern.search(place):
        return None
    return Span(text=place, start=start, end=end)


def _event_mode(
    text: str,
    patterns: _Patterns,
    trigger: _Trigger,
    following: list[tuple[int, int]],
) -> EventMode | None:
    """How it was held, read only where the words sit beside an event word ("held online", "hybrid format").

    "Hybrid" before an event noun, or a place with some "joining by video" / "and online", is hybrid.
    """
    for match in patterns.hybrid.finditer(text) if may_occur(text, patterns.hybrid_words) else ():
        if _beside_event(text, patterns, match.start(), match.end()):
            return "hybrid"
    # most texts hold none of these words: then no sentence needs reading for them
    hybrid_noun = may_occur(text, patterns.hybrid_noun_words)
    remote_join = may_occur(text, patterns.remote_join_words)
    for s, e in [trigger.sentence, *following[:3]] if hybrid_noun or remote_join else ():
        if (hybrid_noun and patterns.hybrid_noun.search(text, s, e)) or (
            remote_join and _in_place_too(text, patterns, s, e)
        ):
            return "hybrid"
    for pattern, words, mode in (
        (patterns.online, patterns.online_words, "online"),
        (patterns.offline, patterns.offline_words, "offline"),
    ):
        for s, e in following[:3] if may_occur(text, words) else ():
            for match in pattern.finditer(text, s, e):
                if _beside_event(text, patterns, match.start(), match.end(), s, e):
                    return cast(EventMode, mode)
    return None


def _in_place_too(text: str, patterns: _Patterns, start: int, end: int) -> bool:
    """Whether a sentence that says "online" also meets in a place ("at X Hotel in Y and online via …")."""
    join = patterns.remote_join.search(text, start, end)
    if join is None:
        return False
    return bool(patterns.place.search(text, start, join.start()) or patterns.venue.search(text, start, join.start()))


def _beside_event(text: str, patterns: _Patterns, start: int, end: int, floor: int = 0, ceiling: int = -1) -> bool:
    """Whether an event word, a place verb or "format" stands within a few words of a mode word."""
    ceiling = len(text) if ceiling < 0 else ceiling
    window_start, window_end = max(floor, start - _MODE_REACH), min(ceiling, end + _MODE_REACH)
    if patterns.mode_context.search(text, window_start, window_end):
        return True
    return any(
        p.search(text, window_start, window_end) is not None
        for p in (patterns.nouns, patterns.verbs, patterns.place_verb)
    )
