"""The Python API: types, errors, the shape of the output."""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
import sys

import pytest

import lmcoop
from lmcoop.models import DateMention, Span

GOLD_KEYS = {"title", "published", "event", "dates", "people", "organizations", "agreements"}


@pytest.mark.parametrize("bad", [b"bytes", None, 3, ["a list"], bytearray(b"x")])
def test_non_str_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        lmcoop.parse(bad)  # type: ignore[arg-type]


def test_bytes_error_says_how_to_fix_it() -> None:
    with pytest.raises(TypeError, match="decode"):
        lmcoop.parse(b"text")  # type: ignore[arg-type]


def test_reference_date_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="reference_date"):
        lmcoop.parse("text", reference_date="2024-01-01")  # type: ignore[arg-type]


def test_dump_has_the_gold_keys() -> None:
    dumped = lmcoop.parse("Some text.").model_dump(mode="json")
    assert set(dumped) >= GOLD_KEYS
    json.dumps(dumped)


def test_models_are_frozen() -> None:
    article = lmcoop.parse("Some text.")
    with pytest.raises(ValueError, match="frozen"):
        article.title = "changed"  # type: ignore[misc]


def test_span_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="before its start"):
        Span(text="", start=5, end=2)


def test_date_mention_serializes_its_date_as_iso() -> None:
    mention = DateMention(
        text="2022-11-23",
        start=0,
        end=10,
        value="2022-11-23",
        granularity="day",
        date=datetime.date(2022, 11, 23),
    )
    assert mention.model_dump(mode="json")["date"] == "2022-11-23"


def test_parser_pickles_for_worker_processes() -> None:
    parser = pickle.loads(pickle.dumps(lmcoop.Parser()))
    assert parser.parse("Some text.") == lmcoop.Parser().parse("Some text.")


def test_parse_many_keeps_order_in_process_and_in_workers() -> None:
    texts = [f"Text number {i}." for i in range(20)]
    serial = [lmcoop.parse(t) for t in texts]
    assert list(lmcoop.parse_many(texts, workers=1)) == serial
    assert list(lmcoop.parse_many(texts, workers=2, chunksize=3)) == serial


def test_parse_many_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(lmcoop.parse_many(["x"], workers=0))
    with pytest.raises(ValueError, match="chunksize"):
        list(lmcoop.parse_many(["x"], chunksize=0))


def test_version_is_a_string() -> None:
    assert isinstance(lmcoop.__version__, str)


def test_import_is_lazy_but_every_public_name_resolves() -> None:
    code = (
        "import sys, lmcoop\n"
        "heavy = [m for m in ('pydantic', 'lmcoop.pipeline', 'lmcoop.models', 'lmcoop.rules') if m in sys.modules]\n"
        "print(heavy)\n"
        "namespace = {}\n"
        "exec('from lmcoop import *', namespace)\n"
        "print(sorted(set(lmcoop.__all__) - set(namespace)))\n"
        "print(lmcoop.models.Span is lmcoop.Span, lmcoop.pipeline.Parser is lmcoop.Parser)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:3] == ["[]", "[]", "True True"]
    with pytest.raises(AttributeError, match="no_such_name"):
        lmcoop.no_such_name  # type: ignore[attr-defined]  # noqa: B018
