"""parse_many, the streaming CLI and the Dask example: order kept, errors in place, bounded, thread safe."""

from __future__ import annotations

import datetime
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import lmcoop
from conftest import ROOT
from lmcoop.models import Article

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic

TEXTS = synthetic.articles(24, seed=7, paragraphs=2)  # short: CI time goes to the parser, not to size


@pytest.fixture(scope="module")
def serial() -> list[Article]:
    return [lmcoop.parse(text) for text in TEXTS]


class CountingTexts:
    """An endless iterator of texts that records how many were taken."""

    def __init__(self) -> None:
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for number in itertools.count():
            self.taken += 1
            yield f"Note {number}: a meeting was held on 3 May 2023."


class FailsOnBoom(lmcoop.Parser):
    """A parser with a bug on one input, to see where a worker's exception surfaces."""

    def parse(self, text: str, **kwargs: object) -> Article:  # type: ignore[override]
        if text == "boom":
            raise RuntimeError("a bug met 'boom'")
        return super().parse(text, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("workers", "chunksize"), [(1, 8), (2, 1), (2, 5), (2, 100)])
def test_parse_many_equals_serial_parse_in_input_order(workers: int, chunksize: int, serial: list[Article]) -> None:
    assert list(lmcoop.parse_many(TEXTS, workers=workers, chunksize=chunksize)) == serial


def test_parse_many_of_nothing_is_empty() -> None:
    assert list(lmcoop.parse_many([], workers=2)) == []


def test_parse_many_passes_reference_date_to_workers() -> None:
    texts = ["The forum opened yesterday.", "It closes tomorrow."]
    day = datetime.date(2024, 3, 5)
    expected = [lmcoop.parse(t, reference_date=day) for t in texts]
    assert list(lmcoop.parse_many(texts, workers=2, chunksize=1, reference_date=day)) == expected


@pytest.mark.parametrize("workers", [1, 2])
def test_non_str_item_raises_type_error_after_the_articles_before_it(workers: int) -> None:
    results = lmcoop.parse_many(["first.", "second.", 3, "never."], workers=workers, chunksize=1)  # type: ignore[list-item]
    assert next(results).warnings == ()
    assert next(results) is not None
    with pytest.raises(TypeError, match="int at index 2"):
        next(results)


def test_bytes_item_error_says_how_to_fix_it() -> None:
    with pytest.raises(TypeError, match="decode"):
        list(lmcoop.parse_many([b"raw"], workers=2))  # type: ignore[list-item]


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_bad_workers_are_rejected_at_the_call(bad: object) -> None:
    with pytest.raises(ValueError, match="workers"):
        lmcoop.parse_many(["x"], workers=bad)  # type: ignore[arg-type]


def test_an_exception_in_a_worker_surfaces_in_order() -> None:
    texts = ["one.", "two.", "boom", "four."]
    results = FailsOnBoom().parse_many(texts, workers=2, chunksize=1)
    assert len([next(results), next(results)]) == 2
    with pytest.raises(RuntimeError, match="boom"):
        next(results)


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_is_lazy_and_keeps_a_bounded_window(workers: int) -> None:
    texts = CountingTexts()
    results = lmcoop.parse_many(texts, workers=workers, chunksize=3)
    assert texts.taken == 0  # nothing is read before the first article is asked for
    assert len(list(itertools.islice(results, 5))) == 5
    # 2 * workers chunks in flight, plus at most one chunk being refilled.
    assert texts.taken <= 3 * (2 * workers + 1)
    results.close()  # stopping early shuts the pool down without waiting for the endless rest


def test_parser_pickles_without_its_compiled_cache() -> None:
    import pickle

    parser = lmcoop.Parser(lmcoop.RuleSet.default().extend({"people": {"honorifics": ["Tan Sri"]}}))
    parser.rules.compiled(lambda rules: len(rules.people.honorifics))  # an unpicklable cache entry
    copy = pickle.loads(pickle.dumps(parser))
    assert copy.rules.people.honorifics == parser.rules.people.honorifics
    assert copy.parse(TEXTS[0]) == parser.parse(TEXTS[0])


def test_eight_threads_at_once_give_the_serial_result(serial: list[Article]) -> None:
    parser = lmcoop.Parser()  # a fresh one: its compiled patterns are built while the threads race
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(parser.parse, TEXTS * 2))
    assert threaded == serial * 2


# --- the command line --------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lmcoop", *args], capture_output=True, text=True, timeout=300, check=False
    )


def write_jsonl(path: Path, rows: list[str]) -> Path:
    path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_cli_workers_keep_order_ids_and_report_bad_lines(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"doc-{i}", "text": text}) for i, text in enumerate(TEXTS[:10])]
    rows.insert(4, "{not json")
    rows.insert(7, json.dumps({"id": "no-text"}))
    corpus = write_jsonl(tmp_path / "in.jsonl", rows)
    one = run_cli("parse", "--input", "jsonl", "--format", "jsonl", str(corpus))
    two = run_cli("parse", "--input", "jsonl", "--format", "jsonl", "--workers", "2", str(corpus))
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [f"doc-{i}" for i in range(10)]
    assert two.stderr.count("skipped") == 2
    assert f"{corpus}:5" in two.stderr and f"{corpus}:8" in two.stderr


def test_cli_json_format_with_workers_is_one_list(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"id": i, "text": t}) for i, t in enumerate(TEXTS[:3])])
    result = run_cli("parse", "--input", "jsonl", "--workers", "2", str(corpus))
    assert result.returncode == 0, result.stderr
    assert [a["id"] for a in json.loads(result.stdout)] == ["0", "1", "2"]


def test_cli_prints_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": TEXTS[0]})])
    result = run_cli("parse", "--input", "jsonl", "--format", "jsonl", str(corpus))
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.parametrize("bad", ["0", "-2", "many"])
def test_cli_rejects_bad_worker_counts(bad: str) -> None:
    result = run_cli("parse", "--workers", bad, "-")
    assert result.returncode == 2
    assert "--workers" in result.stderr


# --- Dask --------------------------------------------------------------------------------------


def test_dask_example_output_equals_parse_many(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    sys.path.insert(0, str(ROOT / "examples"))
    import dask_corpus

    texts = synthetic.articles(300, seed=11, paragraphs=0)
    inputs = []
    for part in range(3):
        rows = [
            json.dumps({"id": f"p{part}-{i}", "text": t}) for i, t in enumerate(texts[part * 100 : part * 100 + 100])
        ]
        inputs.append(write_jsonl(tmp_path / f"part-{part}.jsonl", rows))
    out = tmp_path / "out"
    dask_corpus.run([str(p) for p in inputs], str(out), scheduler="processes", workers=2)
    written = [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.read_text().splitlines()]
    expected = [
        article.model_copy(update={"id": f"p{i // 100}-{i % 100}"}).model_dump(mode="json")
        for i, article in enumerate(lmcoop.parse_many(texts, workers=2))
    ]
    assert written == expected


def test_dask_example_writes_parquet_and_refuses_an_input_named_twice(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    pq = pytest.importorskip("pyarrow.parquet")
    sys.path.insert(0, str(ROOT / "examples"))
    import dask_corpus

    rows = [json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(TEXTS[:5])]
    corpus = write_jsonl(tmp_path / "in.jsonl", [*rows, "not json"])
    read, made = dask_corpus.run([str(corpus)], str(tmp_path / "out"), scheduler="threads", output_format="parquet")
    assert (read, made) == (6, 5)
    table = pq.read_table(tmp_path / "out" / "part-00000.parquet")
    assert table.column("id").to_pylist() == [f"d{i}" for i in range(5)]
    with pytest.raises(ValueError, match="twice"):
        dask_corpus.run([str(corpus), str(corpus)], str(tmp_path / "again"), scheduler="threads")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has exited; only its parent's wait is missing


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker pids from /proc (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killing_the_cli_leaves_no_worker_behind(tmp_path: Path, sig: signal.Signals) -> None:
    """SIGTERM shuts the pool down in order; after SIGKILL the orphaned workers notice and exit."""
    rows = [json.dumps({"id": i, "text": t}) for i, t in enumerate(TEXTS * 20)]
    corpus = write_jsonl(tmp_path / "in.jsonl", rows)
    command = [sys.executable, "-m", "lmcoop", "parse", "--input", "jsonl", "--format", "jsonl", "--workers", "2"]
    cli = subprocess.Popen([*command, str(corpus)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        assert cli.stdout is not None
        cli.stdout.readline()  # the pool is up and parsing
        workers = _children(cli.pid)
        assert len(workers) >= 2
        cli.send_signal(sig)
        cli.wait(timeout=60)
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers)
    finally:
        cli.kill()
        cli.wait()
        for pid in workers:  # do not leave them running if the test failed
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_long_parse_pauses_the_collector_and_restores_it() -> None:
    """Long texts parse with the cyclic collector paused; it is enabled again after, even on error paths,
    and a collector the caller disabled stays disabled."""
    import gc

    from lmcoop.pipeline import GC_PAUSE_CHARACTERS

    line = "Mr. Tana Rith, Director of the Delta Water Institute (DWI), attended the forum on 3 May 2021.\n"
    text = line * (GC_PAUSE_CHARACTERS // len(line) + 1)
    assert gc.isenabled()
    paused = lmcoop.parse(text)
    assert gc.isenabled()
    gc.disable()
    try:
        unpaused_state = lmcoop.parse(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert paused == unpaused_state
    with pytest.raises(TypeError):
        lmcoop.parse(b"x" * GC_PAUSE_CHARACTERS)  # type: ignore[arg-type]
    assert gc.isenabled()
