"""The headline and the page's own dateline (publication date).

Not built yet: returns what it was given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document
from ..rules import RuleSet

if TYPE_CHECKING:
    from ..pipeline import Found


def extract(doc: Document, rules: RuleSet, found: Found) -> Found:
    """Not built yet: returns `found` unchanged."""
    return found
