"""lmcoop: typed records of what environmental-cooperation news reports.

>>> import lmcoop
>>> article = lmcoop.parse("Workshop Held in Vientiane\n\nOn 3 May 2023, a workshop was held ...")
>>> article.title
'Workshop Held in Vientiane'
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded on first use (see `__getattr__`), so `import lmcoop` stays cheap
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

_LAZY = {
    "Agreement": "models",
    "Article": "models",
    "DateMention": "models",
    "Event": "models",
    "Organization": "models",
    "Person": "models",
    "Span": "models",
    "Parser": "pipeline",
    "RulePackError": "rules",
    "RuleSet": "rules",
}
"""Public name → the submodule that defines it. Importing the stages, their rules and Pydantic's model
classes is most of the cost of ``import lmcoop``; it is paid on first use instead (PEP 562)."""
_SUBMODULES = frozenset({"cli", "document", "evaluate", "extract", "models", "pipeline", "render", "rules", "timex"})
"""Submodules reachable as attributes after a plain ``import lmcoop`` (``lmcoop.models.Span``), as when
the package imported them eagerly."""


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


_DEFAULT_PARSER: list[Parser] = []


def default_parser() -> Parser:
    """The parser `parse` uses: the default rules, built on first use and then reused."""
    if not _DEFAULT_PARSER:
        from .pipeline import Parser

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
