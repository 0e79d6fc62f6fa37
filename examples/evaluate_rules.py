"""Score the rules on a gold file, with and without a rule pack, and show what the pack changed.

    python examples/evaluate_rules.py [GOLD.jsonl]

Without an argument it uses the small gold file of invented articles in tests/data/. The same
loop on the command line: ``lmcoop evaluate [--rules PACK.toml] --diff GOLD.jsonl``, once before
and once after, then ``diff`` the two outputs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import lmcoop
from lmcoop.evaluate import evaluate, format_diffs, read_gold

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold.jsonl"
# "Under the … Framework, members share data" says the instrument is being implemented.
PACK = """
[agreements.status_words]
in_force = ["under the"]
"""


def main(gold_path: Path) -> None:
    gold = read_gold(gold_path)
    before = evaluate(gold, lmcoop.Parser())
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "pack.toml"
        pack.write_text(PACK, encoding="utf-8")
        after = evaluate(gold, lmcoop.Parser.from_files(pack))

    print(f"{'field':24s} {'default':>8s} {'+ pack':>8s}")
    old, new = before.report(), after.report()
    for name, value in old.items():
        if name == "overall":
            continue
        key = "f1" if "f1" in value else "acc"
        mark = "  <- changed" if value[key] != new[name][key] else ""
        print(f"{name:24s} {value[key]:8.3f} {new[name][key]:8.3f}{mark}")
    print(f"{'overall':24s} {before.overall:8.3f} {after.overall:8.3f}")

    # What the pack fixed (gone from the diff) and broke (new in the diff):
    lines_before = set(format_diffs(before.diffs))
    lines_after = set(format_diffs(after.diffs))
    for line in sorted(lines_before - lines_after):
        if not line.startswith("=="):
            print("fixed:", line.strip())
    for line in sorted(lines_after - lines_before):
        if not line.startswith("=="):
            print("broke:", line.strip())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD)
