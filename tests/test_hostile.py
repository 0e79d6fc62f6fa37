"""Hostile and broken input: payloads that hurt regex-based parsers, and text from the wild.

The payload tests are sized to keep CI quick (about 30 KB each) and assert no wall time: a
regex that backtracks shows up as a test that takes minutes. benchmarks/bench_hostile.py prints
the time per KB of the same payloads from 1 KB to 10 MB. Run the property tests with many
examples with ``LMCOOP_HYPOTHESIS_PROFILE=many pytest tests/test_hostile.py``.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from conftest import ROOT
from lmcoop import pipeline
from lmcoop.document import Document
from lmcoop.rules import RuleSet
from test_properties import assert_offsets_slice

sys.path.insert(0, str(ROOT / "benchmarks"))
import payloads

CI_SIZE = 30_000  # enough to expose a quadratic stage or a backtracking regex, quick enough for CI


@pytest.mark.parametrize("name", sorted(payloads.PAYLOADS))
def test_hostile_payload_parses_and_offsets_slice(name: str) -> None:
    """Slow on purpose only if a rule backtracks: these must finish, with exact offsets."""
    text = payloads.PAYLOADS[name](CI_SIZE)
    assert len(text) >= CI_SIZE * 0.9
    article = lmcoop.parse(text)
    assert_offsets_slice(text, article)


@pytest.mark.parametrize("name", sorted(payloads.PAYLOADS))
def test_payload_generators_make_the_size_asked(name: str) -> None:
    for size in (1_000, 20_000):
        assert size * 0.9 <= len(payloads.PAYLOADS[name](size)) <= size * 1.1


def test_the_known_payloads_are_there() -> None:
    assert payloads.PAYLOADS["question_marks"](100)[-1] == "x"
    assert set(payloads.PAYLOADS["open_parens"](100)) == {"("}
    assert " " not in payloads.PAYLOADS["no_space"](1000)
    assert payloads.PAYLOADS["capitals_commas"](20).startswith("A, B, C, ")
    assert regex.fullmatch(r"(?:\d{4} )*\d{4} ?", payloads.PAYLOADS["four_digit_numbers"](1000))
    nested = payloads.PAYLOADS["nested_parens"](1000)
    assert nested.count("(") == nested.count(")")


# --- timeouts ----------------------------------------------------------------------------------


def _stage_that_times_out(doc: Document, rules: RuleSet, found: pipeline.Found) -> pipeline.Found:
    # A deliberately catastrophic pattern with the regex module's last-resort guard.
    regex.search(r"(?:\w+\s?)+\d$", "word " * 3000 + "!", timeout=0.05)
    raise AssertionError("the pattern above should have timed out")  # pragma: no cover


def _stage_that_finds_a_title(doc: Document, rules: RuleSet, found: pipeline.Found) -> pipeline.Found:
    return dataclasses.replace(found, title=lmcoop.Span(text=doc.text[:5], start=0, end=5))


def test_a_regex_timeout_becomes_a_warning_and_later_stages_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    stages: tuple[tuple[str, Callable[..., pipeline.Found]], ...] = (
        ("slow", _stage_that_times_out),
        ("titles", _stage_that_finds_a_title),
    )
    monkeypatch.setattr(pipeline, "STAGES", stages)
    article = lmcoop.Parser().parse("Hello world.")
    assert article.title == "Hello"
    assert len(article.warnings) == 1
    assert article.warnings[0].startswith("slow:") and "timed out" in article.warnings[0]


def test_regex_timeout_raises_the_builtin_timeout_error() -> None:
    """The pipeline catches TimeoutError; the regex module must keep raising exactly that."""
    with pytest.raises(TimeoutError):
        _stage_that_times_out(Document(""), RuleSet.default(), pipeline.Found())


# --- text from the wild ------------------------------------------------------------------------

WILD = [
    "\x00",
    "\r\n",
    "\r",
    "\u00a0",  # no-break space
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # BOM / zero-width no-break space
    "\u2028",  # line separator
    "\x85",  # next line
    "\x0c",
    "\t",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "–",
    "０１２３",  # full-width digits
    "２０２３年５月３日",
    "&nbsp;",
    "&amp;",
    "&#8217;",
    "&lt;p&gt;",
    "<br/>",
    "中国生态环境部",
    "与",
    "👍",
    "👩‍🔬",
    "🇨🇳",
    "é",
    "e\u0301",  # e + combining acute
    "\ud800",  # a lone surrogate: a legal str that cannot be encoded
    "İ",  # lower() changes its length
    "ß",  # upper() changes its length
]
NEWS = [
    "Ministry of Ecology and Environment ",
    "(MEE) ",
    "H.E. ",
    "Mr. ",
    "Dr. ",
    "Deputy Director ",
    "signed ",
    "a Memorandum of Understanding ",
    "MoU ",
    "on 12 June 2023 ",
    "October 18, ",
    "2019–2023 ",
    "last week ",
    "in Beijing",
    "Lao PDR ",
    "Zhang Wei, ",
    "Somchai Vorakhan ",
    "workshop ",
    "held ",
    ". ",
    ", ",
    "\n\n",
]
WILD_NEWS = st.lists(st.sampled_from(WILD + NEWS), max_size=80).map("".join)
WILD_CHARS = st.text(alphabet=st.sampled_from([*"".join(WILD + NEWS)]), max_size=400)


@given(WILD_NEWS)
def test_wild_news_parses_with_exact_offsets(text: str) -> None:
    assert_offsets_slice(text, lmcoop.parse(text))


@given(WILD_CHARS)
def test_wild_characters_parse_with_exact_offsets(text: str) -> None:
    assert_offsets_slice(text, lmcoop.parse(text))


@given(st.text(alphabet=st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=200))
def test_any_code_point_even_surrogates_parses(text: str) -> None:
    assert_offsets_slice(text, lmcoop.parse(text))


@given(WILD_NEWS)
def test_wild_output_is_deterministic_and_serializes(text: str) -> None:
    article = lmcoop.parse(text)
    assert article == lmcoop.parse(text)
    # As the CLI writes it. (model_dump_json() refuses lone surrogates: pydantic encodes UTF-8 strictly.)
    assert json.loads(json.dumps(article.model_dump(mode="json"))) == article.model_dump(mode="json")


@pytest.mark.parametrize(
    "text",
    [
        "Workshop Held in Hanoi\r\n\r\nOn 3 May 2023, Mr.\u00a0Somchai Vorakhan signed an MoU.\r\n",
        "\ufeffWorkshop\u200b Held\x00 in Hanoi\n\nOn ２０２３年５月３日 the Ministry&nbsp;of Environment met.",
        "中国生态环境部 and the Ministry of Environment signed a “Memorandum of Understanding” 🎉 on 3 May.",
        "H.E.\u00a0Dr.\u00a0Linh Tranh, Director of the Institute of Coastal Studies (ICS)\u2028attended the forum.",
    ],
)
def test_hand_written_wild_articles_parse_with_exact_offsets(text: str) -> None:
    assert_offsets_slice(text, lmcoop.parse(text))


def test_import_does_not_load_dateparser() -> None:
    """dateparser is slow to import; the dates stage loads it on first need."""
    code = "import sys, lmcoop; print('dateparser' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "False"


def test_cli_writes_a_lone_surrogate_as_its_json_escape(tmp_path: Path) -> None:
    """JSON strings may hold "\\ud800"; UTF-8 cannot. The output stays valid JSON that reads back equal."""
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"id": "a\\ud800b", "text": "Forum Held\\ud800 in Hanoi\\n\\nText."}\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lmcoop", "parse", "--input", "jsonl", "--format", "jsonl", str(corpus)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["id"] == "a\ud800b"
