"""Full-parse throughput on one core, and what a second worker process adds.

    python benchmarks/bench_throughput.py [--megabytes 4]

Goals: ``lmcoop.parse`` ≥ 1 MB/s on one core (corpus texts, best of 3 passes after a warm-up);
``parse_many(workers=2)`` ≥ 1.6× ``parse_many(workers=1)`` on a 2-core machine. The texts are the
shared corpus articles when ../shared is there (else invented ones), repeated to the size asked.
Other load on the machine lowers both numbers: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import time

from common import Result, best_of, corpus_texts, megabytes, print_results

import lmcoop

GOAL_MB_PER_S = 1.0
GOAL_SPEEDUP = 1.6


def single_core(texts: list[str]) -> Result:
    parser = lmcoop.Parser()
    for text in texts[:5]:  # warm-up: compiled patterns, lazy imports (dateparser)
        parser.parse(text)
    seconds = best_of(3, lambda: [parser.parse(t) for t in texts])
    rate = megabytes(texts) / seconds
    return Result(
        "parse, one core",
        rate,
        "MB/s",
        f">= {GOAL_MB_PER_S}",
        rate >= GOAL_MB_PER_S,
        f"{len(texts) / seconds:,.0f} articles/s",
    )


def workers_speedup(texts: list[str]) -> list[Result]:
    timings = {}
    for workers in (1, 2):
        start = time.perf_counter()
        count = sum(1 for _ in lmcoop.parse_many(texts, workers=workers))
        timings[workers] = time.perf_counter() - start
        assert count == len(texts)
    size = megabytes(texts)
    speedup = timings[1] / timings[2]
    cores = os.cpu_count() or 1
    return [
        Result("parse_many, workers=1", size / timings[1], "MB/s"),
        Result("parse_many, workers=2", size / timings[2], "MB/s"),
        Result(
            "speedup of 2 workers over 1",
            speedup,
            "x",
            f">= {GOAL_SPEEDUP}",
            speedup >= GOAL_SPEEDUP if cores >= 2 else None,
            f"{cores} cores; pool start-up included",
        ),
    ]


def main(megabytes_wanted: float = 4.0, sample: int | None = None) -> list[Result]:
    texts, source = corpus_texts()
    texts = texts[:sample] if sample else texts
    repeats = max(1, round(megabytes_wanted / megabytes(texts)))
    many = texts * repeats
    print(f"texts: {source}, {megabytes(texts):.2f} MB; speedup run on {megabytes(many):.1f} MB")
    results = [single_core(texts), *workers_speedup(many)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print_results(f"throughput (load average {load:.2f} at the end)", results)
    return results


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=4.0, help="size of the parse_many run")
    main(ap.parse_args().megabytes)
