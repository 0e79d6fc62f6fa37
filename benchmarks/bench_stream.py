"""Peak memory and speed of ``lmcoop parse --input jsonl`` on a 100 MB JSONL file.

    python benchmarks/bench_stream.py [--megabytes 100] [--workers 1 2] [--max-seconds 0]

Writes a JSONL file of invented articles (benchmarks/synthetic.py) into a temporary folder, runs
``lmcoop parse --input jsonl --format jsonl FILE`` on it with the output thrown away, and reads the
command's peak resident memory from ``resource.getrusage(RUSAGE_CHILDREN)`` in a small wrapper
process (so the number is that command's alone). Goal: ≤ 300 MB with one worker. With N workers
that number is the largest single process; the sampled sum of the CLI and its workers is printed too.

While it runs, the resident memory of the command (and its workers) is sampled: flat samples while
the input is read further and further show the streaming is bounded. ``--max-seconds`` stops the
run early when the parser is too slow to finish 100 MB in the time you have; the report then says
how far it got.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import synthetic
from common import Result, print_results

GOAL_MB = 300.0
WRAPPER = r"""
import json, os, resource, subprocess, sys, threading, time

limit = float(sys.argv[1])
command = sys.argv[2:]
start = time.perf_counter()
child = subprocess.Popen(command, stdout=subprocess.PIPE)
done = {"lines": 0}

def drain():
    for _ in child.stdout:
        done["lines"] += 1

def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def family(pid):
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                pids += [int(p) for p in handle.read().split()]
    except OSError:
        pass
    return pids

reader = threading.Thread(target=drain, daemon=True)
reader.start()
samples = []
stopped = False
while child.poll() is None:
    elapsed = time.perf_counter() - start
    if limit and elapsed > limit:
        child.terminate()
        stopped = True
        break
    samples.append((round(elapsed, 1), done["lines"], sum(rss_kb(p) for p in family(child.pid))))
    time.sleep(0.5)
child.wait()
reader.join(timeout=5)
print(json.dumps({
    "max_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    "seconds": time.perf_counter() - start,
    "lines": done["lines"],
    "stopped": stopped,
    "code": child.returncode,
    "samples": samples,
}))
"""


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


def run_cli(path: Path, workers: int, max_seconds: float) -> dict[str, object]:
    """What the wrapper measured for one streaming run."""
    command = [sys.executable, "-m", "lmcoop", "parse", "--input", "jsonl", "--format", "jsonl"]
    command += ["--workers", str(workers), str(path)]
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(max_seconds), *command], capture_output=True, text=True, check=True
    )
    report: dict[str, object] = json.loads(done.stdout)
    return report


def _sampled(samples: list[list[float]], articles: int) -> str:
    """A few (fraction of the input done → summed RSS) points, to show memory does not grow."""
    if not samples or not articles:
        return ""
    picks = [samples[int(i * (len(samples) - 1) / 4)] for i in range(5)]
    return "RSS by progress: " + ", ".join(f"{100 * p[1] / articles:.0f}%:{p[2] / 1024:.0f}MB" for p in picks)


def main(megabytes: float = 100.0, workers: tuple[int, ...] = (1,), max_seconds: float = 0.0) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="lmcoop-bench-") as folder:
        path = Path(folder) / "corpus.jsonl"
        articles = write_corpus(path, megabytes)
        size = path.stat().st_size / 1e6
        print(f"corpus: {size:.3g} MB, {articles:,} articles ({path})")
        for count in workers:
            report = run_cli(path, count, max_seconds)
            lines, seconds = int(report["lines"]), float(report["seconds"])  # type: ignore[call-overload, arg-type]
            done_mb = size * lines / articles
            peak = int(report["max_rss_kb"]) / 1024  # type: ignore[call-overload]
            samples: list[list[float]] = report["samples"]  # type: ignore[assignment]
            summed = max((s[2] for s in samples), default=0) / 1024
            note = f"{lines:,}/{articles:,} articles in {seconds:.0f} s ({done_mb / seconds:.3g} MB/s)"
            if report["stopped"]:
                note += f"; STOPPED at --max-seconds {max_seconds:.0f}"
            elif report["code"]:
                note += f"; exit {report['code']}"
            what = f"stream {size:.3g} MB JSONL, workers={count}: peak RSS"
            results.append(Result(what, peak, "MB", f"<= {GOAL_MB:.0f}", peak <= GOAL_MB if count == 1 else None, note))
            if count > 1:
                results.append(Result(f"stream workers={count}: CLI + workers summed", summed, "MB", note="sampled"))
            print(f"  workers={count}: {_sampled(samples, articles)}")
    print_results("streaming CLI", results)
    return results


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=100.0)
    ap.add_argument("--workers", type=int, nargs="+", default=[1])
    ap.add_argument("--max-seconds", type=float, default=0.0, help="stop each run after this long (0: never)")
    args = ap.parse_args()
    main(args.megabytes, tuple(args.workers), args.max_seconds)
