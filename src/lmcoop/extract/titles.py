"""The headline (`Found.title`).

Pages come with furniture above the headline: site names, menus, breadcrumbs ("Home > News"),
category labels, "Developed by …" lines, bylines and date lines. The headline is looked for among
the lines above the first body paragraph: furniture is dropped by its shape (bullets, breadcrumbs,
"Label: value", lines of only page words such as "Press Release" or "KEI News", lines in another
script, one-word lines, sentences), and of what remains the line that the page repeats (a headline
is often shown twice, or as the last breadcrumb) or that stands next to the page's date line wins;
else the first one. A text that opens straight with a body paragraph has no headline (None).

The publication date is not read here: the dates stage, which finds every date, picks the dateline.
It runs first, and the date lines are told from the dates it found (the text is never scanned twice).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

import regex

from ..document import Document
from ..models import DateMention, Span
from ..rules import RuleSet

if TYPE_CHECKING:
    from ..pipeline import Found

__all__ = ["extract", "find_title"]

_HEAD_LINES = 60
"""How many non-blank lines from the top may hold the headline."""
_HEAD_CHARS = 6000
_LINE_CHARS = 1000
"""A longer line is a paragraph; only its start is looked at."""
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*", regex.VERSION1)
_LATIN_OR_DIGIT = regex.compile(r"[\p{Latin}\p{N}]", regex.VERSION1)
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]", regex.VERSION1)
_MAYBE_OTHER_SCRIPT = regex.compile(r"[^\x00-\xb4\xb6-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")
"""A character outside the blocks whose only letters are Latin ones (ASCII, Latin-1 but µ, Latin
Extended-A/B and Additional, combining marks, general punctuation, currency signs): only then can
a line be of another script."""
_BULLET = regex.compile(r"^[•·▪▷►▶■□◆◇●○*\-–—|]+", regex.VERSION1)
_NUMBERED = regex.compile(r"^\(?\d{1,2}[.)]\s*\p{L}", regex.VERSION1)
_BREADCRUMB = regex.compile(r"(?:^|\s)(?:>|»|›)\s", regex.VERSION1)
_BREADCRUMB_SPLIT = regex.compile(r"\s(?:>|»|›)\s")
_LABEL = regex.compile(r"^([^:：]{1,40})[:：]\s*(.*)$", regex.VERSION1)
_SENTENCE_END = regex.compile(r"[.!?。][\"'”’)\]]*$", regex.VERSION1)
_STATEMENT_END = regex.compile(r"(?<![.\p{Lu}])\.[\"'”’)\]]*$", regex.VERSION1)
"""A line ending in a full stop is a sentence or a tagline; a headline may end in ? or !, or "U.S."."""
_TWO_SENTENCES = regex.compile(r"\p{Ll}[.!?][\"'”’)]?\s+\p{Lu}", regex.VERSION1)
_BRACKET_LABEL = regex.compile(r"^\[[^\]]{1,60}\]\s*", regex.VERSION1)
_BYLINE = regex.compile(
    r"^(?i:developed by|powered by|designed by|copyright|all rights reserved|©"
    r"|(?:posted|written|reported|edited|compiled|photos?|story|text)[ \t]+by\b)"
    r"|^[Bb]y[ \t]+\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}[ \t]*$",
    regex.VERSION1,
)
_CITY_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu} .'-]{2,40}(?:,[^\n]{0,40})?\s(?:—|–|--|-)\s", regex.VERSION1)
_FUNCTION_WORDS = frozenset({"a", "an", "the", "and", "of", "&"})
_NAME_LINKS = frozenset({"for", "on", "in", "de", "du", "des"})
_BYLINE_LEAD = regex.compile(
    r"^\W{0,3}(?i:by|posted|published|written|updated|last updated|last modified|modified)\b", regex.VERSION1
)
"""A date line that opens with a byline or a label: "Posted by Admin on March 5, 2024"."""
_OPENS_WITH_DATE = regex.compile(r"^(?i:on|from|since|in)\s", regex.VERSION1)


class _Line(NamedTuple):
    """One head line as classified (a tuple: made for every head line, and cheaper to make)."""

    start: int
    end: int
    indent: int
    kind: str
    """``candidate``, ``meta`` (a date line), ``body``, ``skip`` or ``breadcrumb``."""
    tail: str = ""
    """For a breadcrumb: its last element."""


def _names_a_day(mention: DateMention) -> bool:
    """A date written down to the day; relative days ("Tuesday", "3 days ago") do not count."""
    first = (mention.value or "").split("/", 1)[0]
    return len(first) == 10 and any(map(str.isdigit, mention.text)) and not mention.text.endswith("ago")


@dataclass(frozen=True)
class _PageWords:
    words: frozenset[str]
    captions: tuple[str, ...]
    """Case-folded, with a space on each side: as they are looked for."""
    sections: frozenset[str]
    organization_heads: frozenset[str]
    """Organization head nouns ("Center", "Ministry"): a short title-case line with one is a site name."""
    outlets: frozenset[str]
    """Last words of news outlets' names ("Times", "Daily"): an ALL-CAPS line ending in one is a masthead."""


def _page_words(rules: RuleSet) -> _PageWords:
    return _PageWords(
        words=frozenset(word.casefold() for word in rules.dates.page_words),
        captions=tuple(f" {marker.casefold()} " for marker in rules.dates.caption_markers),
        sections=frozenset(word.casefold() for word in rules.dates.section_nouns),
        organization_heads=frozenset(word.casefold() for word in rules.organizations.head_nouns),
        outlets=frozenset(word.casefold() for word in rules.organizations.outlet_words),
    )


def extract(doc: Document, rules: RuleSet, found: Found) -> Found:
    """Fill `found.title` with the headline's span (None when the text opens with its body).

    Reads the dates stage's `found.dates` (that stage runs before this one)."""
    return replace(found, title=find_title(doc, rules, found.dates))


def find_title(doc: Document, rules: RuleSet, dates: Sequence[DateMention]) -> Span | None:
    """The headline as written on its line, or None; `dates` are the text's date mentions.

    Lines are read from the top only until the first body paragraph: the work does not grow with
    the length of the text."""
    text = doc.text
    head_dates = [mention for mention in dates if mention.start < _HEAD_CHARS]
    words = rules.compiled(_page_words)
    lines: list[_Line] = []
    for start, end in _head_lines(doc):
        line = _classify(text, start, min(end, start + _LINE_CHARS), head_dates, words, doc)
        lines.append(line)
        if line.kind == "body":
            break
    if not lines:
        return None
    candidates = [index for index, line in enumerate(lines) if line.kind == "candidate"]
    if not candidates:
        return _breadcrumb_title(text, lines)
    candidate_words = {index: _WORD.findall(text, lines[index].start, lines[index].end) for index in candidates}
    repeats = _Repeats(text, lines, candidate_words)
    tails = [_key(line.tail) for line in lines if line.kind == "breadcrumb"]
    body_indent = lines[-1].indent if lines[-1].kind == "body" else 0
    best_index, best_score = candidates[0], -1
    for rank, index in enumerate(candidates):
        line = lines[index]
        key = repeats.keys[index].text
        score = 1 if rank == 0 else 0
        if key and (key in tails or repeats.elsewhere(key, index)):
            score += 4
        if _neighbour_kind(lines, index, -1) == "meta" or _neighbour_kind(lines, index, 1) == "meta":
            score += 2
        if body_indent and line.indent == body_indent:
            score += 1
        if _next_content_kind(lines, index) == "body":
            score += 1
        if _looks_like_site_name(candidate_words[index], words):
            score -= 2
        if _is_masthead(text, lines, index, candidate_words[index], words):
            score -= 4
        if score > best_score:
            best_index, best_score = index, score
    best = lines[best_index]
    return Span(text=text[best.start : best.end], start=best.start, end=best.end)


def _head_lines(doc: Document) -> Iterator[tuple[int, int]]:
    """The first non-blank lines that start within `_HEAD_CHARS`, stripped to their content (as
    `Document.non_blank_lines` gives them, without going through the whole text)."""
    text = doc.text
    count = 0
    for start, end in doc.lines:
        if start >= _HEAD_CHARS or count >= _HEAD_LINES:
            return
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            if start + lead >= _HEAD_CHARS:
                return
            count += 1
            yield start + lead, start + lead + len(stripped)


class _Key(NamedTuple):
    """A line's words, case-folded and joined by single spaces: how lines are compared."""

    text: str
    cut: bool
    """Only the line's first words are in `text`: the line goes on past them."""


class _Repeats:
    """Which head lines repeat a headline: the same words, or them and a short site suffix.

    A line is compared only when its first word allows it, and only as far into it as a repeat can
    reach: a body paragraph is not split into words to tell it is no headline."""

    def __init__(self, text: str, lines: list[_Line], candidate_words: dict[int, list[str]]) -> None:
        self.text = text
        self.lines = lines
        self.keys = {index: _Key(_joined(words), cut=False) for index, words in candidate_words.items()}
        """Every candidate's key; other lines' keys as far as `reach` words, made when first needed."""
        self.reach = max(len(words) for words in candidate_words.values()) + _KEY_SLACK
        self.first_words = [_first_word(text, line.start, line.end) for line in lines]

    def elsewhere(self, key: str, index: int) -> bool:
        """Another line than `lines[index]` repeats `key`."""
        lead = key.split(" ", 1)[0]  # a repeat's first word starts with it
        for position, line in enumerate(self.lines):
            if position == index or not self.first_words[position].startswith(lead):
                continue
            other = self.keys.get(position)
            if other is None:
                other = self.keys[position] = _head_key(self.text[line.start : line.end], self.reach)
            if _repeats(other, key):
                return True
        return False


def _first_word(text: str, start: int, end: int) -> str:
    """The first word of ``text[start:end]``, case-folded ("" when it has none)."""
    found = _WORD.search(text, start, end)
    return found.group().casefold() if found is not None else ""


_KEY_SLACK = 6
"""A line that repeats a headline of n words has at most n + 4 after it: n + 6 words tell it apart."""


def _head_key(line: str, words: int) -> _Key:
    """The key of `line`'s first `words` words, and whether the line has more."""
    found = _first_words(line, words + 1)
    return _Key(_joined(found[:words]), cut=len(found) > words)


def _repeats(other: _Key, key: str) -> bool:
    """`other` is the headline `key` again, or it with a short site suffix (`_extends`).

    A cut line has at least 6 more words than `key`: it can only extend `key` within its last word
    ("forum open" / "forum opens …"), which is what `_extends` says of the whole line."""
    if not other.cut:
        return other.text == key or _extends(other.text, key)
    return other.text.startswith(key) and other.text[len(key)] != " "


def _first_words(line: str, count: int) -> list[str]:
    """The first `count` words of `line` (all of them when it has fewer), read only as far as needed:
    a paragraph of hundreds of words need not be split to tell it has `count`."""
    reach = count * 8 + 8
    while reach < len(line):
        found = _WORD.findall(line, 0, reach)
        if len(found) > count:
            return found[:count]  # only the last word found can have been cut at `reach`
        reach *= 2
    return _WORD.findall(line)[:count]


def _breadcrumb_title(text: str, lines: list[_Line]) -> Span | None:
    """With no headline line, a breadcrumb that ends in a headline ("Home > News > Forum opens in Hue")."""
    for line in lines:
        if line.kind == "breadcrumb" and len(_WORD.findall(line.tail)) >= 4:
            start = text.rfind(line.tail, line.start, line.end)
            if start >= 0:
                return Span(text=line.tail, start=start, end=start + len(line.tail))
    return None


def _key(line: str) -> str:
    return _joined(_WORD.findall(line))


def _joined(words: list[str]) -> str:
    return " ".join(word.casefold() for word in words)


def _extends(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` plus a short site suffix ("… expert-Xinhua", "… | Site name")."""
    if not longer.startswith(shorter) or len(longer) == len(shorter):
        return False
    return 0 < len(longer[len(shorter) :].split()) <= 4 or longer[len(shorter)] != " "


def _next_content_kind(lines: list[_Line], index: int) -> str:
    """The kind of the next line that is not furniture (date lines, bullets, labels are passed over)."""
    for line in lines[index + 1 :]:
        if line.kind not in ("meta", "skip", "breadcrumb"):
            return line.kind
    return ""


def _looks_like_site_name(tokens: list[str], words: _PageWords) -> bool:
    """ "Northern Academy of Water Sciences": a short name in title case with an organization head noun
    (`tokens` are the line's words)."""
    if not 2 <= len(tokens) <= 8:
        return False
    if any(token[:1].islower() and token.casefold() not in _FUNCTION_WORDS | _NAME_LINKS for token in tokens):
        return False
    heads = [index for index, token in enumerate(tokens) if token.casefold() in words.organization_heads]
    # one noun phrase: a head noun ends it or is followed by a link ("Academy of …"), never by a verb
    # ("Delta Institute Signs Pact With …")
    return bool(heads) and all(
        index == len(tokens) - 1 or tokens[index + 1].casefold() in _FUNCTION_WORDS | _NAME_LINKS for index in heads
    )


def _is_masthead(text: str, lines: list[_Line], index: int, tokens: list[str], words: _PageWords) -> bool:
    """ "THE NORTHERN TIMES" over "PUBLISHED : 6 FEB 2024" / "WRITER: …": the outlet's name, not a headline.

    A short line right above a date line or a "LABEL: value" line: ALL-CAPS with at most three words,
    or a name ending in an outlet word ("Times", "Daily", "Post": "THE NORTHERN TIMES", "The Evening
    Post"). Only a penalty: with no other candidate it stays the title."""
    line = text[lines[index].start : lines[index].end]
    if not tokens or len(tokens) > 6 or not any(char.isalpha() for char in line):
        return False
    if tokens[-1].casefold() in words.outlets:
        if any(token[:1].islower() and token not in _FUNCTION_WORDS for token in tokens):
            return False  # "Board names new editor at Times"
    elif len(tokens) > 3 or line != line.upper():
        return False
    if index + 1 >= len(lines):
        return False
    below = lines[index + 1]
    return below.kind == "meta" or (below.kind == "skip" and _LABEL.match(text[below.start : below.end]) is not None)


def _neighbour_kind(lines: list[_Line], index: int, step: int) -> str:
    probe = index + step
    if 0 <= probe < len(lines):
        return lines[probe].kind
    return ""


def _classify(
    text: str,
    start: int,
    end: int,
    dates: list[DateMention],
    words: _PageWords,
    doc: Document,
) -> _Line:
    raw_line = text[start:end]
    line_start = doc.line_at(start)[0]
    indent = start - line_start
    # a caption glued to the headline on the same line ("… protection hinh anh 1China and …")
    folded = raw_line.casefold()
    for marker in words.captions:
        cut = folded.find(marker)
        if cut > 0:
            return _classify_text(text, start, start + cut, indent, dates, words)
    return _classify_text(text, start, end, indent, dates, words)


def _classify_text(
    text: str,
    start: int,
    end: int,
    indent: int,
    dates: list[DateMention],
    words: _PageWords,
) -> _Line:
    line = text[start:end]
    if _foreign_or_broken(line):
        return _Line(start, end, indent, "skip")
    if (">" in line or "»" in line or "›" in line) and (_BREADCRUMB.search(line) or line.startswith((">", "»"))):
        parts = _BREADCRUMB_SPLIT.split(line)
        return _Line(start, end, indent, "breadcrumb", tail=parts[-1].strip())
    if _BYLINE.search(line):
        return _Line(start, end, indent, "skip")
    bullet = _BULLET.match(line)
    day_dates = [date for date in dates if start <= date.start < end and _names_a_day(date)]
    if day_dates and _is_byline_bar_line(line, start, day_dates):
        return _Line(start, end, indent, "meta")
    if day_dates:
        first, last = day_dates[0], day_dates[-1]
        lead = _count_words(text, start, first.start)
        if (lead <= 3 and lead + _count_words(text, last.end, end) <= 6) or (lead <= 6 and _BYLINE_LEAD.match(line)):
            # "2018-11-19 Article type:Translated", "EPN Desk 23 September 2024 07:17"
            return _Line(start, end, indent, "meta")
        if lead <= 2 and not _OPENS_WITH_DATE.match(line):
            # "date 2022-08-28 China, ASEAN to hold forum …": the headline follows the page date
            rest_start = first.end
            while rest_start < end and not text[rest_start].isalnum():
                rest_start += 1
            after_date = _classify_text(text, rest_start, end, indent, [], words)
            return after_date if after_date.kind in ("candidate", "body") else _Line(start, end, indent, "meta")
        trailing = text[last.end : end].strip()
        if not trailing and text[start : last.start].rstrip()[-1:].isalnum():
            # "Headline … Japan 2023.11.04": the page date written after the headline
            cut = start + len(text[start : last.start].rstrip())
            return _classify_text(text, start, cut, indent, [], words)
    # A line of many words is a paragraph (or a long bulleted item) before any check reads its words:
    # they are not split out.
    many = len(line) >= _MANY_WORDS_CHARS and _MANY_WORDS.match(line) is not None
    tokens = [] if many else _WORD.findall(line)
    if _is_menu(line):
        return _Line(start, end, indent, "skip")
    main = _main_item(line)
    if main is not None:
        # "Opinion | Why the delta needs a plan", "Forum opens in Hue | Delta News": the long item
        return _classify_text(text, start + main[0], start + main[1], indent, [], words)
    if bullet or _NUMBERED.match(line):
        return _Line(start, end, indent, "body" if many or len(tokens) >= 25 else "skip")
    if many or _is_body(line, tokens):
        return _Line(start, end, indent, "body")
    label = _LABEL.match(line)
    if label and len(_WORD.findall(label.group(1))) <= 3 and len(_WORD.findall(label.group(2))) <= 3:
        return _Line(start, end, indent, "skip")
    bracket = _BRACKET_LABEL.match(line)
    if bracket:
        if bracket.end() >= len(line):
            return _Line(start, end, indent, "skip")
        return _classify_text(text, start + bracket.end(), end, indent, [], words)
    if len(tokens) <= 1 or _STATEMENT_END.search(line) or ". " in line:
        return _Line(start, end, indent, "skip")
    if len(tokens) <= 5 and all(_is_page_word(token, words.words) for token in tokens):
        return _Line(start, end, indent, "skip")
    if len(tokens) <= 3 and tokens[-1].casefold() in words.sections and tokens[0][:1].isupper():
        return _Line(start, end, indent, "skip")  # "Environmental News", "Latest Updates"
    stripped_start = start
    for category in tokens[:1]:
        rest = tokens[1:]
        if (
            category.casefold() in words.words
            and category[:1].isupper()
            and len(rest) >= 4
            and rest[0][:1].isdigit()
            and category.casefold() not in _FUNCTION_WORDS
        ):
            stripped_start = start + line.index(rest[0], len(category))
    return _Line(stripped_start, end, indent, "candidate")


_MANY_WORDS = regex.compile(r"(?:[^\p{L}\p{N}]*+[\p{L}\p{N}][\p{L}\p{N}'’.&-]*+){40}", regex.VERSION1)
"""At least 40 words (as `_WORD` finds them) from the start: a paragraph. One match, no list of words."""
_MANY_WORDS_CHARS = 40 + 39
"""The shortest line of 40 words: one character each, one between each two."""


def _count_words(text: str, start: int, end: int, limit: int = 7) -> int:
    """How many words of ``text[start:end]`` do not start with a digit, counted up to `limit` (the
    words around a date on a date line: "Posted by Admin on …"); a paragraph is not read to its end."""
    count = 0
    for word in _WORD.finditer(text, start, end):
        if count >= limit:
            break
        if not word.group()[:1].isdigit():
            count += 1
    return count


def _foreign_or_broken(line: str) -> bool:
    """No letter or digit, mostly another script than Latin, or broken text (a lone surrogate cannot
    even be written out as UTF-8). Letters are only counted when one of another script can be there."""
    if _LETTER_OR_DIGIT.search(line) is None or "\x00" in line:
        return True
    if line.isascii():
        return False
    if "\ufffd" in line:
        return True
    try:
        line.encode()
    except UnicodeEncodeError:
        return True
    if _MAYBE_OTHER_SCRIPT.search(line) is None:
        return False
    return len(_LATIN_OR_DIGIT.findall(line)) * 2 < len(_LETTER_OR_DIGIT.findall(line))


def _is_byline_bar_line(line: str, start: int, dates: list[DateMention]) -> bool:
    """ "By Name | Some Outlet | Updated: 2023-11-08 15:42": a byline and the page date split by bars.

    Not when another item reads as a headline (five words or more, some in lower case)."""
    items = [(item.start(), item.end()) for item in _BAR_ITEM.finditer(line)]
    if len(items) < 2 or not any(_BY_ITEM.match(line, item_start, item_end) for item_start, item_end in items):
        return False
    for item_start, item_end in items:
        if any(item_start <= date.start - start < item_end for date in dates):
            continue
        if _BY_ITEM.match(line, item_start, item_end):
            continue  # "By Jane Doe and John Roe"
        tokens = _WORD.findall(line[item_start:item_end])
        if len(tokens) >= 5 and any(token[:1].islower() for token in tokens):
            return False
    return True


_BAR_ITEM = regex.compile(r"[^|¦]{1,300}", regex.VERSION1)
_BY_ITEM = regex.compile(r"[ \t]{0,3}(?i:by)[ \t]{0,3}[:：]?[ \t]{0,3}\p{Lu}", regex.VERSION1)
"""A bar item that credits a writer: "By Jane Doe", "by: DELTA DESK"."""


def _is_menu(line: str) -> bool:
    """A menu or a category label: short items split by bars ("Home | About Us | News", "Opinion | Water").

    A headline with a site name after a bar ("Forum opens in Hue | Delta News") keeps a long first item."""
    if not _has_bar(line):
        return False
    items = [item for item in _MENU_BAR.split(line) if item.strip()]
    return len(items) >= 2 and all(len(_WORD.findall(item)) <= _MENU_ITEM_WORDS for item in items)


def _main_item(line: str) -> tuple[int, int] | None:
    """The headline among bar-separated items: the one long item beside short labels or a site name."""
    if not _has_bar(line):
        return None
    bars = list(_MENU_BAR.finditer(line))
    if not bars:
        return None
    edges = [0, *(edge for bar in bars for edge in bar.span()), len(line)]
    items = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2) if line[edges[i] : edges[i + 1]].strip()]
    sizes = [len(_WORD.findall(line[item_start:item_end])) for item_start, item_end in items]
    longest = max(range(len(items)), key=sizes.__getitem__, default=0)
    if len(items) < 2 or sizes[longest] < 4:
        return None
    if any(size > _SITE_ITEM_WORDS for index, size in enumerate(sizes) if index != longest):
        return None
    return items[longest]


def _has_bar(line: str) -> bool:
    """Cheaper than `_MENU_BAR`, whose spaces are tried at every position of a long line."""
    return "|" in line or "¦" in line


_SITE_ITEM_WORDS = 4
_MENU_BAR = regex.compile(r"[ \t]*[|¦][ \t]*", regex.VERSION1)
_MENU_ITEM_WORDS = 3


def _is_page_word(token: str, words: frozenset[str]) -> bool:
    if not _LATIN_OR_DIGIT.search(token):
        return True
    return token.casefold() in words or (token.isupper() and len(token) <= 6)


def _is_body(line: str, tokens: list[str]) -> bool:
    """A paragraph: a long sentence, two sentences, a "CITY —" dateline lead, or "On <date>, …"."""
    if len(tokens) >= 40:
        return True
    if len(tokens) >= 10 and (_SENTENCE_END.search(line) or _TWO_SENTENCES.search(line)):
        return True
    if len(tokens) >= 8 and _CITY_DATELINE.match(line):
        return True
    return bool(_OPENS_WITH_DATE.match(line) and len(tokens) >= 8 and "," in line)
