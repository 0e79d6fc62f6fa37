"""Accuracy of people and organizations on the shared gold corpus (skipped when it is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED_CORPUS

THRESHOLDS = {
    ("people", "f1"): 0.90,
    ("people.position", "acc"): 0.85,
    ("people.organization", "acc"): 0.80,
    ("people.country", "acc"): 0.85,
    ("attendees", "f1"): 0.85,
    ("organizations", "f1"): 0.80,
    ("organizations.acronym", "acc"): 0.90,
}


def test_people_and_organizations_reach_their_numbers(tmp_path: Path) -> None:
    files = [SHARED_CORPUS / "seeds.jsonl", SHARED_CORPUS / "dev.jsonl"]
    scorer = SHARED_CORPUS / "score.py"
    if not all(f.exists() for f in (*files, scorer)):
        pytest.skip("shared corpus not available")
    import lmcoop

    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    with gold.open("w", encoding="utf-8") as g, pred.open("w", encoding="utf-8") as p:
        for f in files:
            for line in f.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                g.write(line + "\n")
                record = json.loads(line)
                article = lmcoop.parse(record["text"])
                out = article.model_dump(mode="json")
                out["id"] = record["id"]
                p.write(json.dumps(out) + "\n")
    report = json.loads(
        subprocess.run(
            [sys.executable, str(scorer), str(gold), str(pred), "--json"], capture_output=True, check=True, text=True
        ).stdout
    )
    for (key, measure), floor in THRESHOLDS.items():
        assert report[key][measure] >= floor, (key, report[key])
