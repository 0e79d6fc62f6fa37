"""Headline, dateline and date values against the shared gold corpus (skipped when it is absent).

The scoring follows the annotation guidelines: a title matches when equal up to white space; a
published date when equal; a date mention when its surface overlaps the gold one (one holds the
other, ignoring case and punctuation) and the values are equal, paired greedily in text order.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import lmcoop
from conftest import SHARED_CORPUS

WORD = re.compile(r"[^\W_]+")
FILES = ("seeds.jsonl", "dev.jsonl")


def _records() -> list[dict[str, Any]]:
    if not all((SHARED_CORPUS / name).is_file() for name in FILES):
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS}")
    records = []
    for name in FILES:
        for line in (SHARED_CORPUS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def _norm(text: str | None) -> str:
    words = WORD.findall((text or "").casefold())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _overlap(a: str | None, b: str | None) -> bool:
    left, right = _norm(a), _norm(b)
    return bool(left and right) and (left in right or right in left)


def _pairs(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> int:
    used: set[int] = set()
    pairs = 0
    for expected in gold:
        for index, found in enumerate(predicted):
            if index not in used and _overlap(expected["text"], found["text"]) and expected["value"] == found["value"]:
                used.add(index)
                pairs += 1
                break
    return pairs


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    titles = published = 0
    true_positives = gold_total = predicted_total = 0
    records = _records()
    for record in records:
        article = lmcoop.parse(record["text"]).model_dump(mode="json")
        gold = record["gold"]
        titles += " ".join((gold["title"] or "").split()) == " ".join((article["title"] or "").split())
        published += gold["published"] == article["published"]
        true_positives += _pairs(gold["dates"], article["dates"])
        gold_total += len(gold["dates"])
        predicted_total += len(article["dates"])
    precision = true_positives / predicted_total if predicted_total else 1.0
    recall = true_positives / gold_total if gold_total else 1.0
    return {
        "title": titles / len(records),
        "published": published / len(records),
        "dates_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


def test_title_accuracy(scores: dict[str, float]) -> None:
    assert scores["title"] >= 0.95, scores


def test_published_accuracy(scores: dict[str, float]) -> None:
    assert scores["published"] >= 0.95, scores


def test_date_value_f1(scores: dict[str, float]) -> None:
    assert scores["dates_f1"] >= 0.90, scores
