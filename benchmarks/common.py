"""What the benchmark scripts share: where the corpus is, a timer, and a table of results vs goals."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import synthetic

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
GOLD_FILES = ("seeds.jsonl", "dev.jsonl")


def gold_records() -> list[dict[str, Any]]:
    """The shared gold articles (id, text, gold), or [] when ../shared is absent."""
    records: list[dict[str, Any]] = []
    for name in GOLD_FILES:
        path = SHARED_CORPUS / name
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                records.extend(json.loads(line) for line in handle if line.strip())
    return records


def corpus_texts() -> tuple[list[str], str]:
    """Real article texts when the shared corpus is there, else invented ones; and which it is."""
    records = gold_records()
    if records:
        return [r["text"] for r in records], f"shared corpus ({len(records)} articles)"
    texts = synthetic.articles(60)
    return texts, f"invented articles ({len(texts)}; ../shared absent)"


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `work()` in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def median_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass(frozen=True)
class Result:
    """One measured number next to its goal."""

    what: str
    value: float
    unit: str
    goal: str = ""
    ok: bool | None = None
    note: str = ""

    def line(self) -> str:
        verdict = {True: "ok", False: "MISSED", None: ""}[self.ok]
        value = f"{self.value:,.3f}" if abs(self.value) < 100 else f"{self.value:,.0f}"
        return f"{self.what:44} {value:>12} {self.unit:8} {self.goal:14} {verdict:7} {self.note}"


def print_results(title: str, results: list[Result]) -> None:
    print(f"\n== {title}")
    print(f"{'measure':44} {'value':>12} {'unit':8} {'goal':14} {'verdict':7} note")
    for result in results:
        print(result.line())
