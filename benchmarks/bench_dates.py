"""How fast lmcoop finds dates, against dateparser's free-text search on the same texts.

    python benchmarks/bench_dates.py [--repeat N] [--dense-mb 1.0]

1. The corpus texts (``<repo>/../shared/corpus/*.jsonl``; skipped when absent): MB/s of our
   date finding (`find_dates`, and the dates stage with its `Document`) and of
   ``dateparser.search.search_dates`` on the same texts, and the ratio (goal: at least 30x).
2. One megabyte of generated date-dense text (years, ranges, full dates, weekdays): time of our
   finder (goal: under a second).

Times are CPU seconds of this process (`time.process_time`), so other work on a busy machine
does not inflate them. Prints the numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lmcoop.document import Document  # noqa: E402
from lmcoop.extract import dates as dates_stage  # noqa: E402
from lmcoop.extract.dates import find_dates  # noqa: E402
from lmcoop.pipeline import Found  # noqa: E402
from lmcoop.rules import RuleSet  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def timed(function: object, texts: list[str], repeat: int) -> float:
    """Best CPU time of `repeat` passes over `texts`."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            function(text)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def dense_text(size: int, seed: int = 7) -> str:
    """Date-dense English: thousands of years, ranges, full dates and relative words."""
    rng = random.Random(seed)
    pieces = []
    total = 0
    while total < size:
        year = rng.randint(1950, 2049)
        month = rng.choice(MONTHS)
        day = rng.randint(1, 28)
        piece = rng.choice(
            [
                f"In {year}, the plan for {year}-{year + 4} was adopted on {day} {month} {year}.",
                f"On {month} {day}, {year} and {month} {day + 1}-{day + 2}, the centre met again.",
                f"The {year}/{(year + 1) % 100:02d} report of {year}-{rng.randint(1, 12):02d}-{day:02d} was filed.",
                f"Last week and on Tuesday the ministers met; from {day} to {day + 1} {month} they talked.",
                f"Since the early {year // 10 * 10}s, about {rng.randint(10, 99)}% of {year} targets were met.",
            ]
        )
        pieces.append(piece)
        total += len(piece) + 1
    return " ".join(pieces)[:size]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dense-mb", type=float, default=1.0)
    args = parser.parse_args(argv)
    rules = RuleSet.default()
    find_dates("warm up on 3 May 2023", rules)
    published = datetime.date(2020, 1, 1)

    def ours(text: str) -> object:
        return find_dates(text, rules, published=published)

    def stage(text: str) -> object:
        return dates_stage.extract(Document(text), rules, Found())

    if CORPUS.is_dir():
        texts = corpus_texts()
        size = megabytes(texts)
        ours_s = timed(ours, texts, args.repeat)
        stage_s = timed(stage, texts, args.repeat)
        print(f"corpus: {len(texts)} texts, {size:.3f} MB")
        print(f"  lmcoop find_dates        {ours_s:8.3f} s  {size / ours_s:8.2f} MB/s")
        print(f"  lmcoop dates stage+Doc   {stage_s:8.3f} s  {size / stage_s:8.2f} MB/s")
        try:
            from dateparser.search import search_dates
        except ImportError:  # pragma: no cover
            print("  dateparser not installed: no baseline")
        else:
            settings = {"RELATIVE_BASE": datetime.datetime(2020, 1, 1)}

            def baseline(text: str) -> object:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return search_dates(text, languages=["en"], settings=settings)  # type: ignore[arg-type]

            baseline(texts[0])
            base_s = timed(baseline, texts, 1)
            print(f"  dateparser search_dates  {base_s:8.3f} s  {size / base_s:8.2f} MB/s")
            print(f"  ratio (ours / dateparser throughput): {base_s / ours_s:.1f}x  (goal >= 30x)")
    else:
        print(f"corpus: {CORPUS} absent, skipped")

    probe = re.compile(r"\d")
    start = time.process_time()
    for _ in range(100_000):
        probe.match("x")
    print(f"machine: a trivial regex match costs {(time.process_time() - start) * 10:.2f} µs here")

    dense = dense_text(int(args.dense_mb * 1_000_000))
    start = time.process_time()
    found = find_dates(dense, rules, published=published)
    dense_s = time.process_time() - start
    print(f"dense: {len(dense.encode('utf-8')) / 1e6:.2f} MB, {len(found)} mentions in {dense_s:.3f} s (goal < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
