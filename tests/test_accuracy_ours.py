"""Accuracy on the gold files we wrote ourselves (tests/data): a regression guard that needs no corpus.

The floors sit below today's numbers with some room, so a rule change that costs a little on one
article passes, and one that breaks a dimension does not. `lmcoop evaluate --diff tests/data/FILE`
shows what changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import lmcoop
from lmcoop.evaluate import evaluate, read_gold

DATA = Path(__file__).resolve().parent / "data"
GOLD_FILES = sorted(DATA.glob("gold*.jsonl"))

FLOORS = {
    "overall": 0.88,
    "dates.value": 0.90,
    "people": 0.85,
    "organizations": 0.80,
    "agreements": 0.75,
    "title": 0.85,
    "published": 0.85,
    "event.kind": 0.70,
}


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    parser = lmcoop.Parser()
    return {path.name: evaluate(read_gold(path), parser).report() for path in GOLD_FILES}


def _value(report: dict[str, Any], field: str) -> float:
    entry = report[field]
    if isinstance(entry, float):
        return entry
    return float(entry["f1"] if "f1" in entry else entry["acc"])


def test_there_are_gold_files() -> None:
    assert len(GOLD_FILES) >= 3


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_every_gold_file_keeps_its_floor(reports: dict[str, dict[str, Any]], field: str) -> None:
    below = {name: _value(report, field) for name, report in reports.items() if _value(report, field) < FLOORS[field]}
    assert not below, f"{field} fell below {FLOORS[field]}: {below}"
