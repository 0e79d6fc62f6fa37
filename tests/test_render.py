"""The HTML view: valid, self-contained, escaped, and faithful to the records' offsets."""

from __future__ import annotations

import datetime
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from conftest import EXAMPLES
from lmcoop.models import Agreement, Article, DateMention, Event, Organization, Person, Span
from lmcoop.render import highlights, render_page

VOID = {"meta", "br", "hr", "img", "input", "link"}
CHROMIUM = Path("/usr/bin/chromium")


class PageReader(HTMLParser):
    """Checks tags balance and collects the article text and the marks, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.start_tags: list[tuple[str, dict[str, str | None]]] = []
        self._text_parts: list[list[str]] = []  # pieces of each .text div, tags' labels left out
        self.marks: list[tuple[str, str]] = []  # (class, text) of each <mark> inside the article text
        self._in_text = 0  # depth inside div.text, 0 when outside
        self._in_label = False
        self._mark_class: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.start_tags.append((tag, attributes))
        if tag in VOID:
            return
        self.stack.append(tag)
        if self._in_text:
            self._in_text += 1
            if tag == "span" and "tag" in (attributes.get("class") or "").split():
                self._in_label = True
            if tag == "mark":
                self._mark_class = attributes.get("class") or ""
                self.marks.append((self._mark_class, ""))
        elif tag == "div" and attributes.get("class") == "text":
            self._in_text = 1
            self._text_parts.append([])

    @property
    def texts(self) -> list[str]:
        """The text of each article as a reader sees it."""
        return ["".join(parts) for parts in self._text_parts]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        if self._in_text:
            self._in_text -= 1
            if tag == "span":
                self._in_label = False
            if tag == "mark":
                self._mark_class = None

    def handle_data(self, data: str) -> None:
        if self._in_text and not self._in_label:
            self._text_parts[-1].append(data)
            if self._mark_class is not None:
                cls, text = self.marks[-1]
                self.marks[-1] = (cls, text + data)


def read(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    assert reader.problems == []
    assert reader.stack == [], f"unclosed: {reader.stack}"
    return reader


def span(text: str, surface: str, nth: int = 0) -> dict[str, object]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"text": surface, "start": start, "end": start + len(surface)}


HOSTILE = (
    'Reef Pact <script>alert("x")</script> Signed\n\n'
    "On 4 May 2022, the Coral Reef Institute & the Ministry of Oceans signed a Memorandum of Understanding "
    "in Suva. Dr. Ana Tui, Director of the Coral Reef Institute, signed it. Tui said <b>more</b> would follow.\n"
)


def hostile_article() -> Article:
    text = HOSTILE
    return Article(
        title='Reef Pact <script>alert("x")</script> Signed',
        published=datetime.date(2022, 5, 4),
        dates=(DateMention(**span(text, "4 May 2022"), value="2022-05-04"),),  # type: ignore[arg-type]
        organizations=(
            Organization(
                **span(text, "Coral Reef Institute"),  # type: ignore[arg-type]
                name="Coral Reef Institute",
                mentions=(Span(**span(text, "Coral Reef Institute")), Span(**span(text, "Coral Reef Institute", 1))),  # type: ignore[arg-type]
            ),
            Organization(**span(text, "Ministry of Oceans"), name="Ministry of Oceans"),  # type: ignore[arg-type]
        ),
        people=(
            Person(
                **span(text, "Ana Tui"),  # type: ignore[arg-type]
                name="Ana Tui",
                honorific="Dr.",
                position="Director",
                organization="Coral Reef Institute",
                role="attendee",
                mentions=(Span(**span(text, "Ana Tui")), Span(**span(text, "Tui", 1))),  # type: ignore[arg-type]
            ),
        ),
        agreements=(
            # overlaps the organization that signed it and nothing else: tags must still balance
            Agreement(
                **span(text, "Ministry of Oceans signed a Memorandum of Understanding"),  # type: ignore[arg-type]
                kind="mou",
                status="signed",
                parties=("Coral Reef Institute", "Ministry of Oceans"),
                signatories=("Ana Tui",),
            ),
        ),
        event=Event(
            kind="signing_ceremony",
            trigger=Span(**span(text, "signed")),  # type: ignore[arg-type]
            location="Suva",
            location_span=Span(**span(text, "Suva")),  # type: ignore[arg-type]
        ),
        warnings=("dates: <odd> warning",),
    )


def test_page_is_balanced_and_self_contained() -> None:
    page = render_page([(HOSTILE, hostile_article())])
    reader = read(page)
    assert page.startswith("<!DOCTYPE html>")
    tags = {tag for tag, _ in reader.start_tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "http://" not in page and "https://" not in page and "src=" not in page


def test_markup_in_the_article_stays_text() -> None:
    page = render_page([(HOSTILE, hostile_article())])
    reader = read(page)
    assert "&lt;script&gt;" in page
    assert [tag for tag, _ in reader.start_tags if tag == "b"] == []
    assert "&lt;odd&gt; warning" in page


def test_article_text_survives_highlighting_unchanged() -> None:
    reader = read(render_page([(HOSTILE, hostile_article())]))
    assert reader.texts == [HOSTILE]


def test_every_kind_is_highlighted_at_its_offsets() -> None:
    reader = read(render_page([(HOSTILE, hostile_article())]))
    by_kind: dict[str, list[str]] = {}
    for cls, text in reader.marks:
        by_kind.setdefault(cls.split()[0], []).append(text)
    assert by_kind["k-date"] == ["4 May 2022"]
    assert by_kind["k-person"] == ["Ana Tui", "Tui"]
    assert by_kind["k-organization"] == ["Coral Reef Institute", "Ministry of Oceans", "Coral Reef Institute"]
    assert by_kind["k-event"] == ["signed"]
    assert by_kind["k-place"] == ["Suva"]
    # the agreement shows where no smaller span covers it, and underlines what it contains
    assert " a Memorandum of Understanding" in by_kind["k-agreement"]
    assert ("k-organization in-agreement", "Ministry of Oceans") in reader.marks


def test_side_tables_list_the_records_and_link_to_them() -> None:
    page = render_page([(HOSTILE, hostile_article())])
    reader = read(page)
    anchors = {a.get("id") for tag, a in reader.start_tags if tag == "a" and a.get("id")}
    links = {a["href"][1:] for tag, a in reader.start_tags if tag == "a" and a.get("href")}  # type: ignore[index]
    assert links and links <= anchors
    for caption in ("People", "Organizations", "Agreements", "Dates"):
        assert f"<h3>{caption} " in page
    assert "Ministry of Oceans<br>" in page or "Coral Reef Institute<br>Ministry of Oceans" in page


def test_spans_that_do_not_slice_to_their_surface_are_left_out() -> None:
    text = "Talks in Hanoi."
    bad = Article(dates=(DateMention(text="2020", start=0, end=4, value="2020"),))
    assert highlights(text, bad) == []
    outside = Article(dates=(DateMention(text="Hanoi", start=40, end=45, value=None),))
    assert highlights(text, outside) == []
    read(render_page([(text, bad)]))


def test_several_articles_get_distinct_anchors() -> None:
    article = hostile_article()
    page = render_page([(HOSTILE, article), (HOSTILE, article)])
    reader = read(page)
    ids = [a["id"] for tag, a in reader.start_tags if tag == "a" and a.get("id")]
    assert len(ids) == len(set(ids))
    assert len(reader.texts) == 2


def test_real_parser_output_renders() -> None:
    text = (EXAMPLES / "sample_article.txt").read_text(encoding="utf-8")
    reader = read(render_page([(text, lmcoop.parse(text))]))
    assert reader.texts == [text]


@given(st.text(max_size=300))
def test_any_text_renders_valid_and_unchanged(text: str) -> None:
    text = text.replace("\r", "\n").replace("\x00", "")
    reader = read(render_page([(text, lmcoop.parse(text))]))
    assert reader.texts == [text]


def test_render_command_writes_one_page(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lmcoop", "render", str(article), str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2  # the missing file is reported, the other still rendered
    assert "missing.txt" in result.stderr
    reader = read(result.stdout)
    assert reader.texts == [HOSTILE]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_headless_chromium_draws_the_page(tmp_path: Path) -> None:
    page = tmp_path / "view.html"
    page.write_text(render_page([(HOSTILE, hostile_article())]), encoding="utf-8")
    shot = tmp_path / "view.png"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        "--window-size=1280,900",
    ]
    subprocess.run([str(CHROMIUM), *flags, page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.exists(), "chromium wrote no screenshot"
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000


# Hostile input: these only have to finish (in well under a few seconds); no wall time is asserted.
def test_hostile_many_overlapping_highlights_render() -> None:
    text = "Ana Tui, Ministry of Oceans, 4 May 2022; " * 2000
    step = len("Ana Tui, Ministry of Oceans, 4 May 2022; ")
    dates = tuple(
        DateMention(text=text[i + 29 : i + 39], start=i + 29, end=i + 39, value="2022-05-04")
        for i in range(0, len(text), step)
    )
    agreements = tuple(
        Agreement(text=text[i : i + step * 2], start=i, end=i + step * 2, kind="agreement")
        for i in range(0, len(text) - step * 2, step)
    )
    reader = read(render_page([(text, Article(dates=dates, agreements=agreements))]))
    assert reader.texts == [text]


@pytest.mark.parametrize("text", ["(" * 100_000, "?" * 100_000 + "x", "<" * 50_000 + "&" * 50_000])
def test_hostile_text_renders(text: str) -> None:
    page = render_page([(text, lmcoop.parse(text))])
    assert read(page).texts == [text]


def test_lone_surrogates_are_shown_as_replacement_characters(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"id": "s", "text": "Talks in Hanoi \\ud800 ended."}\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lmcoop", "render", "--input", "jsonl", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert read(result.stdout).texts == ["Talks in Hanoi \ufffd ended."]
