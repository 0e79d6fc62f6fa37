"""Peak memory and speed of ``lmcoop parse --input jsonl`` on a 100 MB JSONL file.

    python benchmarks/bench_stream.py [--megabytes 100] [--workers 1 2]

Writes a JSONL file of invented articles (benchmarks/synthetic.py) into a temporary folder, runs
``lmcoop parse --input jsonl --format jsonl FILE > /dev/null`` on it and reads the command's peak
resident memory from ``resource.getrusage(RUSAGE_CHILDREN)`` in a small wrapper process (so the
number is that command's alone). Goal: ≤ 300 MB with one worker. With N workers the number is the
largest single process (the CLI or one worker), not their sum.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synthetic
from common import Result, print_results

GOAL_MB = 300.0
WRAPPER = (
    "import resource, subprocess, sys\n"
    "with open('/dev/null', 'w') as sink:\n"
    "    code = subprocess.run(sys.argv[1:], stdout=sink).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def write_corpus(path: Path, megabytes: float) -> int:
    """Invented JSONL articles up to `megabytes`; returns the number of lines."""
    limit = int(megabytes * 1e6)
    written = lines = 0
    with path.open("w", encoding="utf-8") as handle:
        for line in synthetic.jsonl_lines(seed=1):
            handle.write(line)
            written += len(line.encode("utf-8"))
            lines += 1
            if written >= limit:
                break
    return lines


def run_cli(path: Path, workers: int) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one streaming run."""
    command = [sys.executable, "-m", "lmcoop", "parse", "--input", "jsonl", "--format", "jsonl"]
    command += ["--workers", str(workers), str(path)]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    max_rss_kb, code = done.stdout.split()
    return int(max_rss_kb) / 1024, seconds, int(code)


def main(megabytes: float = 100.0, workers: tuple[int, ...] = (1,)) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="lmcoop-bench-") as folder:
        path = Path(folder) / "corpus.jsonl"
        lines = write_corpus(path, megabytes)
        size = path.stat().st_size / 1e6
        print(f"corpus: {size:.0f} MB, {lines:,} articles ({path})")
        for count in workers:
            peak, seconds, code = run_cli(path, count)
            note = f"{seconds:.0f} s, {size / seconds:.2f} MB/s" + (f", exit {code}" if code else "")
            ok = peak <= GOAL_MB if count == 1 else None
            what = f"stream {size:.0f} MB JSONL, workers={count}: peak RSS"
            results.append(Result(what, peak, "MB", f"<= {GOAL_MB:.0f}", ok, note))
    print_results("streaming CLI", results)
    return results


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=100.0)
    ap.add_argument("--workers", type=int, nargs="+", default=[1])
    args = ap.parse_args()
    main(args.megabytes, tuple(args.workers))
