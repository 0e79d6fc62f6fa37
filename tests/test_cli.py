"""The command line, run the way a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES

ARTICLE = "Workshop on Wetlands Held in Vientiane\n\nOn 3 May 2023, a workshop was held in Vientiane.\n"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lmcoop", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        check=False,
    )


def test_parse_bundled_example_prints_one_json_article() -> None:
    result = run("parse", str(EXAMPLES / "sample_article.txt"))
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    for key in ("title", "published", "event", "dates", "people", "organizations", "agreements"):
        assert key in article


def test_jsonl_input_keeps_ids_and_ignores_other_keys(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": ARTICLE, "gold": {"x": 1}}, {"id": 7, "text": "Nothing here."}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = run("parse", "--input", "jsonl", "--format", "jsonl", str(corpus))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "7"]


def test_stdin_is_read_with_a_dash() -> None:
    result = run("parse", "--format", "jsonl", "-", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "-"


def test_bad_files_are_named_on_stderr_others_still_parsed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    missing = tmp_path / "missing.txt"
    result = run("parse", "--format", "jsonl", str(latin1), str(good), str(binary), str(missing), str(tmp_path))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4, result.stderr
    for path in (latin1, binary, missing, tmp_path):
        assert any(str(path) in line for line in errors)
    assert all("Traceback" not in line for line in errors)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [str(good)]


def test_bad_jsonl_lines_are_reported_with_their_line_number(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"id": "ok", "text": ARTICLE}) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n",
        encoding="utf-8",
    )
    result = run("parse", "--input", "jsonl", "--format", "jsonl", str(corpus))
    assert result.returncode == 2
    assert f"{corpus}:2" in result.stderr and f"{corpus}:3" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok"]


def test_text_format_is_for_people() -> None:
    result = run("parse", "--format", "text", str(EXAMPLES / "sample_article.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("== ")
    assert "title:" in result.stdout


def test_schema_is_json_schema_of_article() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Article"
    assert {"title", "published", "dates", "people", "organizations", "agreements", "event"} <= set(
        schema["properties"]
    )


def test_bad_reference_date_is_a_usage_error() -> None:
    result = run("parse", "--reference-date", "yesterday", "-", stdin=ARTICLE)
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_bad_rule_pack_is_one_line_naming_the_file(tmp_path: Path) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text("[people]\nhonorifics = 3\n", encoding="utf-8")
    result = run("parse", "--rules", str(pack), "-", stdin=ARTICLE)
    assert result.returncode == 2
    assert str(pack) in result.stderr and "people.honorifics" in result.stderr
    assert "Traceback" not in result.stderr
