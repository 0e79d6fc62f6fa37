"""Teach lmcoop new words with a rule pack, without touching its code.

    python examples/custom_rules.py

The pack below adds an honorific, a job title, an organization head noun and an event word;
the script shows that the pack extends the defaults (it never replaces them), and parses one
sentence with and without it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import lmcoop

PACK = """
[people]
honorifics = ["Datuk"]
positions = ["Chief Wetland Warden"]

[organizations]
head_nouns = ["Directorate"]

[events.kinds]
launch = ["groundbreaking"]
"""

SENTENCE = (
    "Wetland Directorate Breaks Ground on Flood Park\n\n"
    "On 2 March 2024, Datuk Aminah Rahim, Chief Wetland Warden of the Coastal Wetland Directorate, "
    "attended the groundbreaking in Kuching."
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "wetlands.toml"
        pack.write_text(PACK, encoding="utf-8")
        plain = lmcoop.Parser()
        extended = lmcoop.Parser.from_files(pack)

    added = set(extended.rules.people.positions) - set(plain.rules.people.positions)
    print("positions added by the pack:", sorted(added))
    assert set(plain.rules.people.positions) <= set(extended.rules.people.positions)

    for label, parser in (("defaults", plain), ("with the pack", extended)):
        article = parser.parse(SENTENCE)
        people = [(p.honorific, p.name, p.position, p.organization) for p in article.people]
        print(f"{label:14s} people: {people}")
        print(f"{label:14s} event:  {article.event.kind if article.event else None}")

    # A bad pack is refused with the file, the key and what was expected.
    with tempfile.TemporaryDirectory() as folder:
        bad = Path(folder) / "bad.toml"
        bad.write_text('[people]\npositions = "Warden"\n', encoding="utf-8")
        try:
            lmcoop.Parser.from_files(bad)
        except lmcoop.RulePackError as error:
            print("refused:", str(error).replace(str(bad), "bad.toml"))


if __name__ == "__main__":
    main()
