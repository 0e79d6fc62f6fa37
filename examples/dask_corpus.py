"""Parse a corpus of JSONL files with Dask: one machine's cores, or a cluster.

    pip install 'lmcoop[dask]'
    python examples/dask_corpus.py corpus/*.jsonl --out parsed/            # local processes
    python examples/dask_corpus.py corpus/*.jsonl --out parsed/ --scheduler threads
    python examples/dask_corpus.py 's3://bucket/news/*.jsonl' --out parsed/ --address tcp://scheduler:8786
    python examples/dask_corpus.py corpus/*.jsonl --out parsed/ --format parquet   # needs pyarrow

Each input line is ``{"id": …, "text": …}`` (other keys ignored); each output line is the article as
``lmcoop parse --format jsonl`` prints it, in input order (files in the order given, one output file
per partition). Lines that are not JSON objects with a string "text" are dropped and counted on stderr.
The parser travels to the workers as its rules (`Parser` pickles without its compiled patterns), so
each worker process builds its patterns once. ``--address`` needs ``dask.distributed``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import lmcoop


def parse_lines(lines: Iterable[str], parser: lmcoop.Parser) -> list[dict[str, Any]]:
    """One partition of JSONL lines → the articles as JSON-ready dicts (bad lines dropped)."""
    out = []
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            continue
        raw_id = record.get("id")
        article = parser.parse(record["text"], id=None if raw_id is None else str(raw_id))
        out.append(article.model_dump(mode="json"))
    return out


def _count_lines(lines: Iterable[str]) -> list[int]:
    return [sum(1 for line in lines if line.strip())]


def _write_parquet(rows: list[dict[str, Any]], path: str) -> list[int]:
    import pyarrow as pa  # optional: only for --format parquet
    import pyarrow.parquet as pq

    # Nested records stay nested; the schema is inferred per partition from the JSON-ready dicts.
    pq.write_table(pa.Table.from_pylist(rows), path)
    return [len(rows)]


def run(
    paths: Sequence[str],
    out: str,
    *,
    scheduler: str = "processes",
    workers: int | None = None,
    address: str | None = None,
    output_format: str = "jsonl",
    blocksize: int | None = None,
    parser: lmcoop.Parser | None = None,
) -> tuple[int, int]:
    """Parse every line of `paths` into files under `out`; returns (lines read, articles written)."""
    import dask
    import dask.bag as db

    if __name__ != "__main__":
        # Imported (not run): ship this module's functions by value, workers need not import it.
        import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    parser = parser or lmcoop.Parser()
    Path(out).mkdir(parents=True, exist_ok=True)
    lines = db.read_text(list(paths), blocksize=blocksize)  # one partition per file unless blocksize
    articles = lines.map_partitions(parse_lines, parser)
    if output_format == "jsonl":
        written = articles.map(json.dumps, ensure_ascii=False).to_textfiles(
            f"{out}/*.jsonl", name_function=lambda i: f"part-{i:05d}", compute=False
        )
        counts = articles.count()
    elif output_format == "parquet":
        written = []
        counts = articles.map_partitions(_parquet_writer(out)).sum()
    else:
        raise ValueError(f"output_format must be 'jsonl' or 'parquet', got {output_format!r}")
    total = lines.map_partitions(_count_lines).sum()

    if address is not None:
        from dask.distributed import Client

        with Client(address):
            _, read, made = dask.compute(written, total, counts)
    else:
        options: dict[str, Any] = {"scheduler": scheduler}
        if workers is not None and scheduler != "synchronous":
            options["num_workers"] = workers
        _, read, made = dask.compute(written, total, counts, **options)
    return int(read), int(made)


class _parquet_writer:
    """Writes each partition to its own numbered Parquet file (partition numbers from dask)."""

    def __init__(self, out: str) -> None:
        self.out = out

    def __call__(self, rows: Iterable[dict[str, Any]], partition_info: dict[str, Any] | None = None) -> list[int]:
        number = partition_info["number"] if partition_info else 0
        return _write_parquet(list(rows), f"{self.out}/part-{number:05d}.parquet")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="See the module docstring for examples.")
    ap.add_argument("inputs", nargs="+", help="JSONL files or globs (any fsspec URL Dask can read)")
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", dest="output_format")
    ap.add_argument("--scheduler", choices=("processes", "threads", "synchronous"), default="processes")
    ap.add_argument("--workers", type=int, default=None, help="local workers (default: one per core)")
    ap.add_argument("--address", help="a dask.distributed scheduler to run on instead")
    ap.add_argument("--blocksize", type=int, default=None, help="split big files into partitions of this many bytes")
    args = ap.parse_args(argv)
    read, made = run(
        args.inputs,
        args.out,
        scheduler=args.scheduler,
        workers=args.workers,
        address=args.address,
        output_format=args.output_format,
        blocksize=args.blocksize,
    )
    print(f"dask_corpus: {made} articles from {read} lines; {read - made} lines skipped", file=sys.stderr)
    return 0 if read == made else 2


if __name__ == "__main__":
    sys.exit(main())
