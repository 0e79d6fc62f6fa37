"""Every benchmark in one run, then one table of all numbers against their goals.

    python benchmarks/run_all.py            # the full run: 10–40 minutes on 2 cores, by the parser's speed
    python benchmarks/run_all.py --smoke    # tiny sizes, under a minute: checks the scripts still run

Exit code 0 whatever the numbers say (they depend on the machine and on its other load); read the
verdict column. ``--strict`` exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

import bench_hostile
import bench_import
import bench_spacy
import bench_stages
import bench_stream
import bench_throughput
import payloads
from common import Result, print_results

import lmcoop


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true", help="tiny sizes: only checks that every script runs")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    ap.add_argument("--megabytes", type=float, default=2.0, help="size of the parse_many speedup run")
    ap.add_argument("--budget", type=float, default=30.0, help="hostile: stop a payload after a size takes this long")
    ap.add_argument(
        "--stream-seconds", type=float, default=600.0, help="stop each 100 MB streaming run after this long (0: never)"
    )
    args = ap.parse_args()
    print(
        f"lmcoop {lmcoop.__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}"
    )
    start = time.perf_counter()
    results: list[Result] = []
    results += bench_import.main(runs=3 if args.smoke else 7)
    if args.smoke:
        results += bench_throughput.main(megabytes_wanted=0.02, sample=4)
        results += bench_stages.main(runs=1)
        results += bench_hostile.main(max_size=10_000, only=list(payloads.KNOWN[:2]))
        results += bench_stream.main(megabytes=0.05)
    else:
        results += bench_throughput.main(megabytes_wanted=args.megabytes)
        results += bench_stages.main()
        results += bench_hostile.main(budget=args.budget)
        results += bench_stream.main(megabytes=100.0, workers=(1, 2), max_seconds=args.stream_seconds)
    if not args.smoke:
        results += bench_spacy.main()
    print_results(f"all ({time.perf_counter() - start:.0f} s; load average now {os.getloadavg()[0]:.2f})", results)
    missed = [r for r in results if r.ok is False]
    if missed:
        print(f"{len(missed)} goal(s) missed: " + "; ".join(r.what for r in missed))
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
