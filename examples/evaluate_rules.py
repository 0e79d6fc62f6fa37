"""Score the rules on a gold file, with and without a rule pack, and show what changed.

    python examples/evaluate_rules.py [GOLD.jsonl]

Without an argument it uses the small gold file of invented articles in tests/data/. The same is
available on the command line: ``lmcoop evaluate [--rules PACK.toml] [--diff] GOLD.jsonl``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import lmcoop
from lmcoop.evaluate import evaluate, format_diffs, read_gold

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold.jsonl"
PACK = """
[people]
positions = ["Senior Researcher"]
"""


def main(gold_path: Path) -> None:
    gold = read_gold(gold_path)
    before = evaluate(gold, lmcoop.Parser())
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "pack.toml"
        pack.write_text(PACK, encoding="utf-8")
        after = evaluate(gold, lmcoop.Parser.from_files(pack))

    print(f"{'field':24s} {'default':>8s} {'+ pack':>8s}")
    for name, value in before.report().items():
        if name == "overall":
            continue
        key = "f1" if "f1" in value else "acc"
        print(f"{name:24s} {value[key]:8.3f} {after.report()[name][key]:8.3f}")
    print(f"{'overall':24s} {before.overall:8.3f} {after.overall:8.3f}")

    # What the default rules still miss on the first article with differences:
    lines = list(format_diffs(before.diffs))
    print("\n".join(lines[:12]))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD)
