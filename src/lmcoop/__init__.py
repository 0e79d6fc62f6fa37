"""lmcoop: typed records of what environmental-cooperation news reports.

>>> import lmcoop
>>> article = lmcoop.parse("Workshop Held in Vientiane\n\nOn 3 May 2023, a workshop was held ...")
>>> article.title
'Workshop Held in Vientiane'
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from .models import (
    Agreement,
    Article,
    DateMention,
    Event,
    Organization,
    Person,
    Span,
)
from .pipeline import Parser
from .rules import RulePackError, RuleSet

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "Article",
    "DateMention",
    "Event",
    "Organization",
    "Parser",
    "Person",
    "RulePackError",
    "RuleSet",
    "Span",
    "__version__",
    "default_parser",
    "parse",
    "parse_many",
]

_DEFAULT_PARSER: list[Parser] = []


def default_parser() -> Parser:
    """The parser `parse` uses: the default rules, built on first use and then reused."""
    if not _DEFAULT_PARSER:
        _DEFAULT_PARSER.append(Parser())
    return _DEFAULT_PARSER[0]


def parse(text: str, *, reference_date: datetime.date | None = None) -> Article:
    """Parse one article with the default rules. Raises TypeError if `text` is not a str."""
    return default_parser().parse(text, reference_date=reference_date)


def parse_many(
    texts: Iterable[str],
    *,
    workers: int | None = None,
    chunksize: int = 8,
    reference_date: datetime.date | None = None,
) -> Iterator[Article]:
    """Parse many articles with the default rules, in input order; see `Parser.parse_many`."""
    return default_parser().parse_many(texts, workers=workers, chunksize=chunksize, reference_date=reference_date)
