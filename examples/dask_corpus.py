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


def parse_partition(
    lines: Iterable[str], number: int, out: str, output_format: str, parser: lmcoop.Parser
) -> tuple[int, int]:
    """Parse one partition and write it to its own numbered file; returns (lines read, articles written)."""
    import fsspec  # comes with dask[bag]; lets `out` be any URL Dask can write to

    lines = list(lines)
    rows = parse_lines(lines, parser)
    read = sum(1 for line in lines if line.strip())
    if output_format == "parquet":
        import pyarrow as pa  # optional: only for --format parquet
        import pyarrow.parquet as pq

        # Nested records stay nested; the schema is inferred per partition from the JSON-ready dicts.
        with fsspec.open(f"{out}/part-{number:05d}.parquet", "wb") as handle:
            pq.write_table(pa.Table.from_pylist(rows), handle)
    else:
        with fsspec.open(f"{out}/part-{number:05d}.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return read, len(rows)


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
    import fsspec

    if len(set(paths)) != len(paths):
        raise ValueError("an input is named twice; Dask would read it once and share the partition")
    if output_format not in ("jsonl", "parquet"):
        raise ValueError(f"output_format must be 'jsonl' or 'parquet', got {output_format!r}")
    if __name__ != "__main__":
        # Imported (not run): ship this module's functions by value, workers need not import it.
        import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    parser = parser or lmcoop.Parser()
    fs, root = fsspec.core.url_to_fs(out)
    fs.makedirs(root, exist_ok=True)
    # One partition per file unless blocksize.
    lines = db.read_text(list(paths), blocksize=blocksize)
    # One task per partition parses it and writes its file: each partition is parsed exactly once,
    # output files are numbered in input order, and only the counts come back.
    tasks = [
        dask.delayed(parse_partition)(part, number, out, output_format, parser)
        for number, part in enumerate(lines.to_delayed())
    ]
    if address is not None:
        from dask.distributed import Client

        with Client(address):
            counts = dask.compute(*tasks)
    else:
        options: dict[str, Any] = {"scheduler": scheduler}
        if workers is not None and scheduler != "synchronous":
            options["num_workers"] = workers
        counts = dask.compute(*tasks, **options)
    return sum(read for read, _ in counts), sum(made for _, made in counts)


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
