"""Accuracy of the agreements and event stages on the shared gold articles (skipped when absent).

The scoring here is our own and small: an agreement matches a gold one of the same kind whose
mention or name shares most words with it (or contains it); a party or signatory matches when its
words (or an organization's acronym) agree. It follows the annotation guidelines, not any scorer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest

import lmcoop
from conftest import SHARED_CORPUS

WORD = re.compile(r"[^\W_]+")
FILLER = {"the", "of", "and", "a", "an"}


def words(text: str | None) -> set[str]:
    return set(WORD.findall((text or "").casefold())) - FILLER


def overlap(a: str | None, b: str | None) -> float:
    x, y = words(a), words(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def contains(a: str | None, b: str | None) -> bool:
    x, y = " ".join(WORD.findall((a or "").casefold())), " ".join(WORD.findall((b or "").casefold()))
    return bool(x and y) and (x in y or y in x)


@cache
def corpus() -> list[tuple[dict[str, Any], lmcoop.Article]]:
    rows = []
    for name in ("seeds.jsonl", "dev.jsonl"):
        path = SHARED_CORPUS / name
        if not path.exists():
            pytest.skip(f"shared corpus absent: {path}")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                rows.append((record["gold"], lmcoop.parse(record["text"])))
    return rows


def pair(gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool]) -> tuple[list[tuple[Any, Any]], int, int]:
    """Greedy pairs in gold order; also the unmatched predicted and gold counts."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and same(g, p):
                used.add(j)
                pairs.append((g, p))
                break
    return pairs, len(pred) - len(used), len(gold) - len(pairs)


def f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def same_agreement(gold: dict[str, Any], pred: lmcoop.Agreement) -> bool:
    if gold["kind"] != pred.kind:
        return False
    if gold.get("name") and pred.name and overlap(gold["name"], pred.name) >= 0.6:
        return True
    return overlap(gold["text"], pred.text) >= 0.5 or contains(gold["text"], pred.text)


def agreement_pairs() -> Iterator[tuple[dict[str, Any], dict[str, Any], lmcoop.Agreement]]:
    for gold, article in corpus():
        pairs, _, _ = pair(gold.get("agreements") or [], list(article.agreements), same_agreement)
        for g, p in pairs:
            yield gold, g, p


def same_name(acronyms: dict[str, str]) -> Callable[[str, str], bool]:
    def same(a: str, b: str) -> bool:
        x, y = words(acronyms.get(a.casefold(), a)), words(acronyms.get(b.casefold(), b))
        return x == y or overlap(" ".join(x), " ".join(y)) >= 0.75

    return same


def linked_f1(key: str) -> float:
    tp = fp = fn = 0
    for gold, g, p in agreement_pairs():
        acronyms = {o["acronym"].casefold(): o["name"] for o in gold.get("organizations") or [] if o.get("acronym")}
        pairs, extra, missed = pair(g.get(key) or [], list(getattr(p, key)), same_name(acronyms))
        tp, fp, fn = tp + len(pairs), fp + extra, fn + missed
    return f1(tp, fp, fn)


def test_agreements_f1() -> None:
    tp = fp = fn = 0
    for gold, article in corpus():
        pairs, extra, missed = pair(gold.get("agreements") or [], list(article.agreements), same_agreement)
        tp, fp, fn = tp + len(pairs), fp + extra, fn + missed
    assert f1(tp, fp, fn) >= 0.80


def test_agreements_date_accuracy() -> None:
    results = [g.get("date") == p.date for _, g, p in agreement_pairs()]
    assert sum(results) / len(results) >= 0.80


def test_agreements_status_accuracy() -> None:
    results = [g.get("status") == p.status for _, g, p in agreement_pairs()]
    assert sum(results) / len(results) >= 0.80


def test_agreements_parties_f1() -> None:
    assert linked_f1("parties") >= 0.70


def test_agreements_signatories_f1() -> None:
    if not any(article.people for _, article in corpus()):
        pytest.skip("the people stage finds nobody yet: signatories cannot be linked")
    assert linked_f1("signatories") >= 0.80


def event_accuracy(field: str) -> float:
    results = []
    for gold, article in corpus():
        g, p = gold.get("event") or {}, article.event
        if not g and p is None:
            continue
        predicted = getattr(p, field) if p is not None else None
        if field == "location":
            results.append((not g.get("location") and not predicted) or contains(g.get("location"), predicted))
        else:
            results.append(g.get(field) == predicted)
    return sum(results) / len(results)


@pytest.mark.parametrize(("field", "threshold"), [("kind", 0.85), ("date", 0.85), ("location", 0.80), ("mode", 0.90)])
def test_event_accuracy(field: str, threshold: float) -> None:
    assert event_accuracy(field) >= threshold
