"""Time per KB of the hostile payloads (benchmarks/payloads.py) from 1 KB to 10 MB.

    python benchmarks/bench_hostile.py [--max-size 10000000] [--only NAME ...]

Goals: every payload of 1 MB parses in < 2 s, and the time per KB stays flat as the size grows
(a regex that backtracks, or a stage that is quadratic, shows as µs/KB climbing with the size).
"Flat" here: µs/KB at the largest size ≤ 3× the lowest µs/KB from 10 KB up (1 KB is all fixed
cost). Each payload runs in its own process with a time limit, so one that hangs is reported,
not waited for; the stage a slow payload spends its time in is printed from a profile of it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

from common import Result, print_results

SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
GOAL_1MB_SECONDS = 2.0
FLAT_RATIO = 3.0
LIMIT_SECONDS = 240.0
HERE = Path(__file__).resolve().parent


def _child(name: str, sizes: list[int], budget: float) -> None:
    """Runs in the subprocess: prints one JSON line per size as soon as it is measured."""
    import payloads

    import lmcoop

    lmcoop.parse("Warm-up on 3 May 2023 in Hanoi.")
    for size in sizes:
        text = payloads.PAYLOADS[name](size)
        start = time.perf_counter()
        article = lmcoop.parse(text)
        seconds = time.perf_counter() - start
        print(json.dumps({"size": len(text), "seconds": seconds, "warnings": list(article.warnings)}), flush=True)
        if seconds > budget:  # the next size would take ten times longer or worse
            break


def _stage_times(name: str, size: int) -> dict[str, float]:
    """Seconds per stage for one payload size (run in this process)."""
    import payloads

    import lmcoop
    from lmcoop import pipeline
    from lmcoop.document import Document

    text = payloads.PAYLOADS[name](size)
    parser = lmcoop.Parser()
    parser.parse(payloads.PAYLOADS[name](1000))  # compile the patterns first: first use is not the payload's cost
    rules = parser.rules
    start = time.perf_counter()
    doc = Document(text)
    _ = doc.tokens  # the shared tokens belong to the document, not to the first stage that reads them
    times = {"document": time.perf_counter() - start}
    found = pipeline.Found()
    for stage_name, stage in pipeline.STAGES:
        start = time.perf_counter()
        with contextlib.suppress(TimeoutError):
            found = stage(doc, rules, found)
        times[stage_name] = time.perf_counter() - start
    return times


def run_payload(name: str, sizes: list[int], budget: float) -> tuple[list[dict[str, object]], str]:
    command = [sys.executable, __file__, "--child", name, "--sizes", *map(str, sizes), "--budget", str(budget)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=LIMIT_SECONDS, check=False, cwd=HERE)
        out, problem = done.stdout, done.stderr.strip().splitlines()[-1] if done.returncode else ""
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        problem = f"no answer within {LIMIT_SECONDS:.0f} s"
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")], problem


def main(max_size: int = SIZES[-1], only: list[str] | None = None, budget: float = 30.0) -> list[Result]:
    sys.path.insert(0, str(HERE))
    import payloads

    sizes = [s for s in SIZES if s <= max_size]
    names = only or sorted(payloads.PAYLOADS)
    header = "".join(f"{s // 1000:>9,} KB" for s in sizes)
    print(f"\n== hostile payloads: µs per KB (size in characters){'':8}{header}   1 MB s")
    results: list[Result] = []
    for name in names:
        rows, problem = run_payload(name, sizes, budget)
        per_kb = [row["seconds"] / (row["size"] / 1000) * 1e6 for row in rows]  # type: ignore[operator]
        cells = "".join(f"{v:12,.1f}" for v in per_kb) + "".join(f"{'-':>12}" for _ in sizes[len(rows) :])
        one_mb = next((float(r["seconds"]) for r in rows if 900_000 <= int(r["size"]) <= 1_100_000), None)  # type: ignore[call-overload, arg-type]
        warned = any(r["warnings"] for r in rows)
        note = problem or (f"sizes above {rows[-1]['size']:,} not run: took > budget" if len(rows) < len(sizes) else "")
        note += " (a stage timed out: warning recorded)" if warned else ""
        label = f"{name}{' *' if name in payloads.KNOWN else ''}"
        print(f"  {label:52}{cells}   {one_mb if one_mb is not None else float('nan'):6.2f}  {note}")
        steady = per_kb[1:] if len(per_kb) > 1 else per_kb
        ratio = steady[-1] / min(steady) if steady and min(steady) > 0 else float("nan")
        # Flat over the sizes measured; a size left out because the one before took over the budget is
        # said in the note (and shows in the 1 MB verdict), a hang or a crash is not flat.
        complete = len(rows) == len(sizes) and not problem
        results.append(
            Result(
                f"hostile {name}: growth of µs/KB",
                ratio,
                "x",
                f"<= {FLAT_RATIO}",
                not problem and ratio <= FLAT_RATIO,
                note,
            )
        )
        if one_mb is not None:
            results.append(
                Result(f"hostile {name}: 1 MB", one_mb, "s", f"< {GOAL_1MB_SECONDS}", one_mb < GOAL_1MB_SECONDS)
            )
        if not complete or ratio > FLAT_RATIO or (one_mb or 0) >= GOAL_1MB_SECONDS:
            times = _stage_times(name, 100_000)
            slowest = sorted(times.items(), key=lambda kv: -kv[1])[:3]
            print("      at 100 KB: " + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in slowest))
    print("  (* the payloads known to hurt other date libraries; the others aim at our own stages)")
    print_results("hostile payloads (verdicts)", results)
    return results


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-size", type=int, default=SIZES[-1])
    ap.add_argument("--only", nargs="*", help="payload names (default: all)")
    ap.add_argument("--budget", type=float, default=30.0, help="stop a payload after a size takes this long (s)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--sizes", nargs="*", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.sizes, args.budget)
    else:
        main(args.max_size, args.only, args.budget)
