"""Accuracy on the shared development corpus (seeds + dev), skipped when ../shared is absent.

The numbers are the ones the issues set, scored by `lmcoop.evaluate` (which tests/test_evaluate.py
checks against the corpus scorer). The corpus is parsed once for every field.
"""

from __future__ import annotations

from typing import Any

import pytest

import lmcoop
from conftest import SHARED_CORPUS
from lmcoop.evaluate import evaluate, read_gold

FILES = ("seeds.jsonl", "dev.jsonl")

# field → (measure, floor); measure is "f1" for lists, "acc" for single values.
FLOORS: dict[str, tuple[str, float]] = {
    "title": ("acc", 0.95),
    "published": ("acc", 0.95),
    "dates.value": ("f1", 0.90),
    "people": ("f1", 0.90),
    "people.position": ("acc", 0.85),
    "people.organization": ("acc", 0.80),
    "people.country": ("acc", 0.85),
    "attendees": ("f1", 0.85),
    "organizations": ("f1", 0.80),
    "organizations.acronym": ("acc", 0.90),
    "agreements": ("f1", 0.80),
    "agreements.date": ("acc", 0.80),
    "agreements.status": ("acc", 0.80),
    "agreements.parties": ("f1", 0.70),
    "agreements.signatories": ("f1", 0.80),
    "event.kind": ("acc", 0.85),
    "event.date": ("acc", 0.85),
    "event.location": ("acc", 0.80),
    "event.mode": ("acc", 0.90),
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    paths = [SHARED_CORPUS / name for name in FILES]
    if not all(path.is_file() for path in paths):
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    gold = [article for path in paths for article in read_gold(path)]
    return evaluate(gold, lmcoop.Parser()).report()


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_reaches_its_number(report: dict[str, Any], field: str) -> None:
    measure, floor = FLOORS[field]
    assert report[field][measure] >= floor, (field, report[field])


def test_overall_reaches_its_number(report: dict[str, Any]) -> None:
    assert report["overall"] >= 0.85, report["overall"]
