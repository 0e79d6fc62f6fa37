"""Properties every parser keeps for any input: no exception, exact offsets, determinism."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from lmcoop.models import Article, Span

WORDS = [
    *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.-()/:\n\t–’“”",
    *("Ministry ", "of ", "Environment ", "(MoE) ", "H.E. ", "Mr. ", "Director ", "signed ", "MoU "),
    *("June ", "2023 ", "18 ", "October ", "workshop ", "held in ", "Beijing", "Tuesday ", "last week "),
]
NEWSY = st.lists(st.sampled_from(WORDS), max_size=120).map("".join)


def spans_of(article: Article) -> list[Span]:
    spans: list[Span] = [*article.dates]
    for record in (*article.people, *article.organizations):
        spans.append(record)
        spans.extend(record.mentions)
    spans.extend(article.agreements)
    for maybe in (article.title_span, article.published_span):
        if maybe is not None:
            spans.append(maybe)
    if article.event is not None:
        spans.extend(s for s in (article.event.trigger, article.event.location_span) if s is not None)
    return spans


def assert_offsets_slice(text: str, article: Article) -> None:
    for span in spans_of(article):
        assert text[span.start : span.end] == span.text, span


@given(st.text(max_size=300))
def test_any_string_parses_and_offsets_slice(text: str) -> None:
    assert_offsets_slice(text, lmcoop.parse(text))


@given(NEWSY)
def test_newsy_strings_parse_and_offsets_slice(text: str) -> None:
    assert_offsets_slice(text, lmcoop.parse(text))


@given(NEWSY)
def test_output_is_deterministic(text: str) -> None:
    assert lmcoop.parse(text) == lmcoop.parse(text)
