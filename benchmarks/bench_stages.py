"""Where a parse spends its time: seconds per MB of each pipeline stage, on one core.

    python benchmarks/bench_stages.py [--runs 5] [--synthetic]

The whole parse must stay >= 1 MB/s, i.e. <= 1 s/MB summed over the stages and the document
(lines, sentences, tokens). This table says which stage to work on; the numbers are the fastest of
`--runs` passes over the corpus texts (or invented articles), after a warm-up pass.
"""

from __future__ import annotations

import argparse
import time

import synthetic
from common import Result, corpus_texts, megabytes, print_results

from lmcoop.document import Document
from lmcoop.pipeline import STAGES, Found
from lmcoop.rules import RuleSet

BUDGET_S_PER_MB = 1.0


def stage_seconds(texts: list[str], rules: RuleSet) -> dict[str, float]:
    """Seconds spent in building the document and in each stage, over all `texts` once."""
    spent = {"document": 0.0, **{name: 0.0 for name, _ in STAGES}}
    clock = time.process_time  # CPU time: less disturbed by other processes on the machine than wall time
    for text in texts:
        start = clock()
        doc = Document(text)
        _ = doc.tokens
        spent["document"] += clock() - start
        found = Found()
        for name, stage in STAGES:
            start = clock()
            found = stage(doc, rules, found)
            spent[name] += clock() - start
    return spent


def main(runs: int = 5, use_synthetic: bool = False) -> list[Result]:
    texts, source = (synthetic.articles(60), "invented articles (60)") if use_synthetic else corpus_texts()
    rules = RuleSet.default()
    stage_seconds(texts, rules)  # warm-up: compiled patterns, lazy imports
    best: dict[str, float] = {}
    for _ in range(runs):
        for name, seconds in stage_seconds(texts, rules).items():
            best[name] = min(best.get(name, seconds), seconds)
    size = megabytes(texts)
    results = [Result(f"stage {name}", seconds / size, "s/MB") for name, seconds in best.items()]
    total = sum(best.values()) / size
    results.append(
        Result("all stages", total, "s/MB", f"<= {BUDGET_S_PER_MB}", total <= BUDGET_S_PER_MB, f"{1 / total:.2f} MB/s")
    )
    print(f"texts: {source}, {size:.2f} MB; fastest of {runs} passes per stage")
    print_results("time per stage", results)
    return results


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--synthetic", action="store_true", help="invented articles instead of the corpus")
    args = ap.parse_args()
    main(args.runs, args.synthetic)
