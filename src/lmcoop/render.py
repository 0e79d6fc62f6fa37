"""An HTML view of what lmcoop found, for reading results and reviewing rules.

`render_page` shows each article's text with every extraction highlighted by kind (dates, people,
organizations, agreements, the event and its place), read from the records' character offsets,
and beside it tables of the records themselves, in the manner of spaCy's displaCy. The page is one
self-contained file: inline CSS, no scripts, no external assets; every piece of the article is
escaped, so markup in the text (a ``<script>``) stays text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from . import __version__
from .models import Article, Span

__all__ = ["KINDS", "Highlight", "highlights", "render_article", "render_page"]

KINDS: dict[str, tuple[str, str]] = {
    "date": ("date", "#fde68a"),
    "person": ("person", "#bfdbfe"),
    "organization": ("org", "#bbf7d0"),
    "agreement": ("agreement", "#fecaca"),
    "event": ("event", "#ddd6fe"),
    "place": ("place", "#fed7aa"),
}
"""Highlight kind → (the tag shown after it, its colour)."""


@dataclass(frozen=True, order=True)
class Highlight:
    """One stretch of the text to mark: ``text[start:end]`` is an extraction of `kind`."""

    start: int
    end: int
    kind: str
    label: str
    """What the record says, shown on hover."""
    anchor: str | None = None
    """An id placed where the record is first mentioned, so the tables can link to it."""


def highlights(text: str, article: Article, prefix: str = "") -> list[Highlight]:
    """Every record's spans in `text`, in text order; spans that do not slice to their surface are dropped."""
    found: list[Highlight] = []

    def add(span: Span | None, kind: str, label: str, anchor: str | None = None) -> None:
        if span is None or not 0 <= span.start < span.end <= len(text) or text[span.start : span.end] != span.text:
            return
        found.append(Highlight(span.start, span.end, kind, label, anchor))

    for date in article.dates:
        add(date, "date", f"date: {date.value or 'unresolved'}")
    for i, org in enumerate(article.organizations):
        label = "organization: " + org.name + (f" ({org.acronym})" if org.acronym else "")
        for n, mention in enumerate(org.mentions or (org,)):
            add(mention, "organization", label, f"{prefix}org-{i}" if n == 0 else None)
    for i, person in enumerate(article.people):
        details = ", ".join(x for x in (person.position, person.organization, person.country) if x)
        label = f"person: {person.name}" + (f" ({details})" if details else "") + f" [{person.role}]"
        for n, mention in enumerate(person.mentions or (person,)):
            add(mention, "person", label, f"{prefix}person-{i}" if n == 0 else None)
    for i, agreement in enumerate(article.agreements):
        add(agreement, "agreement", f"agreement: {agreement.kind} [{agreement.status}]", f"{prefix}agreement-{i}")
    if article.event is not None:
        add(article.event.trigger, "event", f"event: {article.event.kind}")
        add(article.event.location_span, "place", "event location")
    unique = sorted(set(found), key=lambda h: (h.start, -h.end, h.kind))
    return unique


def _marked_text(text: str, marks: Sequence[Highlight]) -> str:
    """The escaped text with flat, non-overlapping ``<mark>`` elements; nesting shows as an underline.

    The text is cut at every span boundary; each piece is coloured by the innermost span covering
    it and underlined in the colours of the spans around that one. Flat pieces keep tags balanced
    however the spans overlap.
    """
    cuts = sorted({0, len(text), *(h.start for h in marks), *(h.end for h in marks)})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for index, h in enumerate(marks):
        starting.setdefault(h.start, []).append(index)
        ending.setdefault(h.end, []).append(index)
    active: dict[int, Highlight] = {}  # by index into `marks`, in the order they opened
    out: list[str] = []
    for a, b in pairwise(cuts):
        for index in ending.get(a, ()):
            del active[index]
        for index in starting.get(a, ()):
            h = active[index] = marks[index]
            if h.anchor:
                out.append(f'<a id="{_e(h.anchor)}"></a>')
        piece = _e(text[a:b])
        if active:
            covering = sorted(active.values(), key=lambda h: (h.end - h.start, h.kind))
            inner = covering[0]
            around = sorted({f"in-{h.kind}" for h in covering if h.kind != inner.kind})
            classes = " ".join([f"k-{inner.kind}", *around])
            title = "; ".join(dict.fromkeys(h.label for h in covering))
            out.append(f'<mark class="{classes}" title="{_e(title)}">{piece}</mark>')
        else:
            out.append(piece)
        for kind in dict.fromkeys(marks[index].kind for index in ending.get(b, ())):
            out.append(f'<span class="tag t-{kind}">{_e(KINDS[kind][0])}</span>')
    return "".join(out)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _cell(value: object) -> str:
    if value is None or value == () or value == "":
        return '<td class="none">–</td>'
    if isinstance(value, tuple):
        return "<td>" + "<br>".join(_e(v) for v in value) + "</td>"
    return f"<td>{_e(value)}</td>"


def _table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]], link: str = "") -> str:
    body = []
    for i, row in enumerate(rows):
        first, rest = row[0], row[1:]
        head = f'<td><a href="#{_e(link)}-{i}">{_e(first)}</a></td>' if link else _cell(first)
        body.append("<tr>" + head + "".join(_cell(v) for v in rest) + "</tr>")
    if not body:
        return f'<h3>{_e(caption)}</h3><p class="none">none found</p>'
    head_row = "".join(f"<th>{_e(h)}</th>" for h in header)
    return (
        f"<h3>{_e(caption)} <small>({len(body)})</small></h3>"
        f"<table><thead><tr>{head_row}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def render_article(text: str, article: Article, prefix: str = "") -> str:
    """One ``<section>``: `text` highlighted with `article`'s records, and their tables."""
    event = article.event
    summary = [
        ("title", article.title),
        ("published", article.published.isoformat() if article.published else None),
        ("event", event.kind if event else None),
        ("event date", event.date if event else None),
        ("location", event.location if event else None),
        ("mode", event.mode if event else None),
    ]
    tables = [
        "<table class='summary'><tbody>"
        + "".join(f"<tr><th>{_e(k)}</th>{_cell(v)}</tr>" for k, v in summary)
        + "</tbody></table>",
        _table(
            "People",
            ("name", "honorific", "position", "organization", "country", "role"),
            ((p.name, p.honorific, p.position, p.organization, p.country, p.role) for p in article.people),
            f"{prefix}person",
        ),
        _table(
            "Organizations",
            ("name", "acronym", "parent"),
            ((o.name, o.acronym, o.parent) for o in article.organizations),
            f"{prefix}org",
        ),
        _table(
            "Agreements",
            ("kind", "name or mention", "parties", "signatories", "date", "status"),
            ((a.kind, a.name or a.text, a.parties, a.signatories, a.date, a.status) for a in article.agreements),
            f"{prefix}agreement",
        ),
        _table("Dates", ("as written", "value"), ((d.text, d.value) for d in article.dates)),
    ]
    if article.warnings:
        tables.append("<h3>Warnings</h3><ul>" + "".join(f"<li>{_e(w)}</li>" for w in article.warnings) + "</ul>")
    heading = _e(article.id or article.title or "article")
    return (
        f'<section class="article"><h2>{heading}</h2><div class="columns">'
        f'<div class="text">{_marked_text(text, highlights(text, article, prefix))}</div>'
        f"<aside>{''.join(tables)}</aside></div></section>"
    )


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2937;background:#f9fafb}
header{padding:.6em 1.2em;background:#111827;color:#f9fafb}
header .legend mark{margin-left:.4em}
section.article{margin:1em;padding:1em;background:#fff;border:1px solid #e5e7eb;border-radius:6px}
h2{margin:0 0 .6em;font-size:1.1em}
h3{margin:1em 0 .3em;font-size:1em}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5em}
.text{white-space:pre-wrap;line-height:2.1}
mark{padding:.1em .2em;border-radius:3px}
.tag{font-size:.62em;font-weight:600;text-transform:uppercase;margin:0 .3em 0 .1em;vertical-align:super;color:#4b5563}
table{border-collapse:collapse;width:100%;font-size:.85em}
th,td{border:1px solid #e5e7eb;padding:.2em .4em;text-align:left;vertical-align:top}
thead th{background:#f3f4f6}
table.summary th{width:6.5em;white-space:nowrap;background:#f9fafb}
.none{color:#9ca3af}
@media (max-width:900px){.columns{grid-template-columns:1fr}}
"""


def _kind_css() -> str:
    rules = []
    for kind, (_, colour) in KINDS.items():
        rules.append(f".k-{kind}{{background:{colour}}}")
        rules.append(f".in-{kind}{{border-bottom:3px solid {colour}}}")
        rules.append(f".t-{kind}{{color:#374151}}")
    return "\n".join(rules)


def render_page(articles: Sequence[tuple[str, Article]], title: str = "lmcoop") -> str:
    """A complete HTML page for ``(text, article)`` pairs, one section each, with a legend."""
    legend = "".join(f'<mark class="k-{kind}">{_e(tag)}</mark>' for kind, (tag, _) in KINDS.items())
    sections = "".join(render_article(text, article, prefix=f"a{i}-") for i, (text, article) in enumerate(articles))
    if not sections:
        sections = '<section class="article"><p class="none">no articles</p></section>'
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}{_kind_css()}</style></head>"
        f'<body><header>lmcoop {_e(__version__)} <span class="legend">{legend}</span></header>'
        f"{sections}</body></html>\n"
    )
    return _encodable(page)


def _encodable(page: str) -> str:
    """The page with lone surrogates (from JSON escapes like ``\\ud800``) shown as U+FFFD.

    UTF-8 cannot encode them, so writing the page would fail; one replacement character per
    surrogate keeps every other character where it was.
    """
    try:
        page.encode("utf-8")
    except UnicodeEncodeError:
        return page.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return page
