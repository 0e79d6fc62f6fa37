"""Rule packs: defaults load, packs extend without touching code, bad packs say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmcoop import Parser, RulePackError, RuleSet


def test_default_rules_have_every_vocabulary() -> None:
    rules = RuleSet.default()
    assert rules.people.honorifics and rules.people.positions
    assert rules.organizations.head_nouns
    assert rules.dates.months["sept"] == 9
    assert rules.events.kinds and rules.agreements.kinds
    assert rules.country_of("Lao PDR") == "Laos"
    assert rules.country_of("viet nam") == "Vietnam"
    assert rules.country_of("Cambodian") == "Cambodia"


def test_extend_adds_words_and_leaves_the_original_alone() -> None:
    base = RuleSet.default()
    extended = base.extend(
        {"people": {"honorifics": ["Elder Sage"]}, "countries": {"Atlantis": {"demonyms": ["Atlantean"]}}}
    )
    assert "Elder Sage" in extended.people.honorifics
    assert "Elder Sage" not in base.people.honorifics
    assert extended.people.honorifics[: len(base.people.honorifics)] == base.people.honorifics
    assert extended.country_of("Atlantean") == "Atlantis"
    assert base.country_of("Atlantean") is None


def test_from_files_reads_a_pack(tmp_path: Path) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text('[organizations]\nhead_nouns = ["Directorate"]\n', encoding="utf-8")
    parser = Parser.from_files(pack)
    assert "Directorate" in parser.rules.organizations.head_nouns


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[people]\nhonorifics = 3\n", "people.honorifics"),
        ("[peeple]\nhonorifics = []\n", "peeple"),
        ("[dates.months]\njanuary = 'one'\n", "dates.months.january"),
        ("not = [valid", "not valid TOML"),
    ],
)
def test_bad_pack_names_file_and_key(tmp_path: Path, content: str, expected: str) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text(content, encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        RuleSet.from_files(pack)
    assert str(pack) in str(caught.value) and expected in str(caught.value)


def test_missing_pack_is_a_rule_pack_error(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="cannot read"):
        RuleSet.from_files(tmp_path / "absent.toml")
