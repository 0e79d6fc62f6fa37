"""Every example script runs as a user would run it: in a subprocess, from another folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

# Scripts with their own tests or optional dependencies (Dask) are run elsewhere.
RUN_ELSEWHERE = {"dask_corpus.py"}
SCRIPTS = sorted(p.name for p in EXAMPLES.glob("*.py") if p.name not in RUN_ELSEWHERE)


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
    )


def test_the_examples_we_document_exist() -> None:
    assert {"quickstart.py", "custom_rules.py", "evaluate_rules.py", "render_html.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_example_runs_cleanly(script: str, tmp_path: Path) -> None:
    result = run(script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip()


def test_quickstart_prints_the_title_line(tmp_path: Path) -> None:
    assert run("quickstart.py", cwd=tmp_path).stdout.startswith("title:")


def test_custom_rules_shows_the_added_words_and_the_refusal(tmp_path: Path) -> None:
    out = run("custom_rules.py", cwd=tmp_path).stdout
    assert "positions added by the pack: ['Chief Wetland Warden']" in out
    with_pack = next(line for line in out.splitlines() if line.startswith("with the pack  people:"))
    assert "'Chief Wetland Warden'" in with_pack  # the pack's word reaches the extractor
    assert "refused: bad.toml: key 'people.positions'" in out


def test_evaluate_rules_prints_both_columns(tmp_path: Path) -> None:
    out = run("evaluate_rules.py", cwd=tmp_path).stdout
    assert out.splitlines()[0].split() == ["field", "default", "+", "pack"]
    assert any(line.startswith("overall ") for line in out.splitlines())


def test_render_html_writes_a_page(tmp_path: Path) -> None:
    page = tmp_path / "view.html"
    result = run("render_html.py", str(EXAMPLES / "sample_article.txt"), str(page), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
