"""The ``lmcoop`` command: ``parse`` articles to JSON, print the ``schema``, ``evaluate``, ``render``.

Every input problem (a missing, unreadable, binary or non-UTF-8 file, a JSONL line that is not an
object with a ``text``) prints one line on stderr naming it; the other inputs are still processed
and the exit code is 2.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from . import __version__

if TYPE_CHECKING:  # imported where used: ``lmcoop --help`` and ``--version`` need none of them
    from .models import Article
    from .pipeline import Parser

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT_ERROR = 2


@dataclass(frozen=True)
class _Input:
    id: str
    text: str
    size: int = 0
    """Bytes of input this item accounts for (its line or file, and skipped lines before it), for progress."""


class _Problems:
    """Counts input problems while printing each as one line on stderr."""

    def __init__(self) -> None:
        self.count = 0
        self.write: Callable[[str], None] = lambda line: print(line, file=sys.stderr)
        """Where a problem's line goes; a progress bar replaces it to print above the bar."""

    def report(self, where: str, what: str) -> None:
        self.count += 1
        self.write(f"lmcoop: {where}: {what}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _build_argument_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_INPUT_ERROR
    from .rules import RulePackError

    try:
        return int(args.run(args))
    except RulePackError as error:
        print(f"lmcoop: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except BrokenPipeError:  # e.g. `lmcoop parse … | head`
        sys.stderr.close()
        return EXIT_OK


def _build_argument_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="lmcoop", description=__doc__.splitlines()[0] if __doc__ else None)
    top.add_argument("--version", action="version", version=f"lmcoop {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse articles and print what was found",
        description="Parse article files (or - for standard input) and print JSON.",
    )
    parse.add_argument("files", nargs="+", metavar="FILE", help="text files, JSONL files with --input jsonl, or -")
    parse.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="json",
        help="json: one object (a list for several articles); jsonl: one line per article; text: for reading",
    )
    parse.add_argument(
        "--input",
        choices=("text", "jsonl"),
        default="text",
        help='text: each file is one article; jsonl: one {"id": …, "text": …} per line (other keys ignored)',
    )
    parse.add_argument(
        "--reference-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="resolve relative dates against this day when an article shows no dateline",
    )
    parse.add_argument("--rules", action="append", default=[], metavar="PACK.toml", help="add a rule pack (repeatable)")
    parse.add_argument(
        "--workers",
        type=_worker_count,
        default=1,
        metavar="N",
        help="parse in N processes (default 1); output stays in input order",
    )
    parse.set_defaults(run=_run_parse)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.set_defaults(run=_run_schema)

    evaluate = commands.add_parser(
        "evaluate",
        help="score the parser against a gold file",
        description="Parse every article of a gold JSONL file and print precision, recall and F1 per field.",
    )
    evaluate.add_argument("gold", metavar="GOLD.jsonl", help='one {"id", "text", "gold"} object per line')
    evaluate.add_argument("--predictions", metavar="PRED.jsonl", help="score these saved predictions instead")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--diff", action="store_true", help="print what was missed (-), extra (+), different (~)")
    _add_rule_options(evaluate)
    evaluate.set_defaults(run=_run_evaluate)

    render = commands.add_parser(
        "render",
        help="an HTML page with every extraction highlighted",
        description="Parse articles and print one self-contained HTML page showing what was found.",
    )
    render.add_argument("files", nargs="+", metavar="FILE", help="text files, JSONL files with --input jsonl, or -")
    render.add_argument("--input", choices=("text", "jsonl"), default="text", help="as for parse")
    render.add_argument("--reference-date", type=_iso_date, metavar="YYYY-MM-DD", help="as for parse")
    _add_rule_options(render)
    render.set_defaults(run=_run_render)
    parse.add_argument("--plugins", action="store_true", help="also use rule packs installed as lmcoop.rules")
    return top


def _add_rule_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--rules", action="append", default=[], metavar="PACK.toml", help="add a rule pack")
    command.add_argument("--plugins", action="store_true", help="also use rule packs installed as lmcoop.rules")


def _parser_for(args: argparse.Namespace) -> Parser:
    from .pipeline import Parser

    return Parser.from_files(*args.rules, plugins=getattr(args, "plugins", False))


def _run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import GoldFileError, evaluate, format_diffs, format_report, read_gold, read_predictions
    from .evaluate import score_predictions as score_saved

    try:
        gold = read_gold(args.gold)
        if args.predictions:
            result = score_saved(gold, read_predictions(args.predictions))
        else:
            result = evaluate(gold, _parser_for(args))
    except GoldFileError as error:
        print(f"lmcoop: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    if args.json:
        report: dict[str, object] = result.report()
        if args.diff:
            report = {"scores": report, "diff": [d.as_dict() for d in result.diffs if d.entries]}
        json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    if args.diff:
        sys.stdout.writelines(line + "\n" for line in format_diffs(result.diffs))
        sys.stdout.write("\n")
    sys.stdout.writelines(line + "\n" for line in format_report(result.report()))
    return EXIT_OK


def _run_render(args: argparse.Namespace) -> int:
    from .render import render_page

    parser = _parser_for(args)
    problems = _Problems()
    pages = [
        (item.text, parser.parse(item.text, reference_date=args.reference_date, id=item.id))
        for item in _read_inputs(args.files, args.input, problems)
    ]
    only_title = pages[0][1].title if len(pages) == 1 else None
    sys.stdout.write(render_page(pages, title=f"{only_title} · lmcoop" if only_title else "lmcoop"))
    return EXIT_INPUT_ERROR if problems.count else EXIT_OK


def _iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _worker_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {count}")
    return count


def _run_schema(args: argparse.Namespace) -> int:
    from .models import Article

    json.dump(Article.model_json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _run_parse(args: argparse.Namespace) -> int:
    parser = _parser_for(args)
    problems = _Problems()
    bar = _progress_bar(args.files, problems)
    inputs = _read_inputs(args.files, args.input, problems)
    articles = _parse_inputs(parser, inputs, args.workers, args.reference_date, bar)
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper):
        # JSON is UTF-8; a lone surrogate (legal in a JSONL string, not in UTF-8) comes out as its
        # JSON escape "\udXXX" instead of failing the run.
        out.reconfigure(encoding="utf-8" if args.format != "text" else None, errors="backslashreplace")
    restore = _stop_on_sigterm()
    try:
        if args.format == "json":
            _write_json(articles, out, single=len(args.files) == 1 and args.input == "text")
        else:
            for article in articles:
                if args.format == "jsonl":
                    out.write(json.dumps(_as_json(article), ensure_ascii=False) + "\n")
                else:
                    _write_text(article, out)
                out.flush()
    finally:
        articles.close()  # on an early exit: shuts the worker processes down now
        restore()
        if bar is not None:
            bar.close()
    return EXIT_INPUT_ERROR if problems.count else EXIT_OK


def _stop_on_sigterm() -> Callable[[], None]:
    """Make ``kill`` stop a run as Ctrl-C does, so worker processes are shut down in order.

    Returns what puts the previous handler back. Does nothing outside the main thread.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore


def _parse_inputs(
    parser: Parser,
    inputs: Iterable[_Input],
    workers: int,
    reference_date: datetime.date | None,
    bar: _Bar | None,
) -> Generator[Article, None, None]:
    """Articles in input order with their ids, streamed through `Parser.parse_many`."""
    waiting: deque[tuple[str, int]] = deque()  # (id, size) of the texts handed over, not yet returned

    def texts() -> Iterator[str]:
        for item in inputs:
            waiting.append((item.id, item.size))
            yield item.text

    for article in parser.parse_many(texts(), workers=workers, reference_date=reference_date):
        id, size = waiting.popleft()
        if bar is not None:
            bar.update(size)
        yield article.model_copy(update={"id": id})


def _write_json(articles: Iterable[Article], out: TextIO, *, single: bool) -> None:
    """The same text as ``json.dump(…, indent=2)`` of one object or a list, written as it comes."""
    count = 0
    for article in articles:
        body = json.dumps(_as_json(article), indent=2, ensure_ascii=False)
        if single:
            out.write(body)
        else:
            out.write(("[\n  " if count == 0 else ",\n  ") + body.replace("\n", "\n  "))
        count += 1
    if count == 0:
        out.write("[]")
    elif not single:
        out.write("\n]")
    out.write("\n")


class _Bar:
    """The part of a tqdm progress bar this module uses (typed here so tqdm stays a lazy import)."""

    def update(self, n: int) -> object: ...

    def close(self) -> None: ...


def _progress_bar(files: Sequence[str], problems: _Problems) -> _Bar | None:
    """A progress bar in bytes of input on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency; a trimmed install still parses
        return None
    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after this, threads and fork mix badly
    bar = tqdm(
        total=_total_size(files), unit="B", unit_scale=True, unit_divisor=1024, desc="lmcoop parse", file=sys.stderr
    )
    problems.write = lambda line: tqdm.write(line, file=sys.stderr)
    return bar  # type: ignore[return-value]


def _total_size(files: Sequence[str]) -> int | None:
    """Bytes in all input files; None (an open-ended bar) when one is stdin or cannot be sized."""
    total = 0
    for name in files:
        if name == "-":
            return None
        try:
            total += os.path.getsize(name)
        except OSError:
            continue
    return total or None


def _as_json(article: Article) -> dict[str, object]:
    return article.model_dump(mode="json")


def _read_inputs(files: Sequence[str], kind: str, problems: _Problems) -> Iterator[_Input]:
    for name in files:
        if kind == "text":
            text = _read_text(name, problems)
            if text is not None:
                yield _Input(id=name, text=text, size=len(text.encode("utf-8", "surrogatepass")))
        else:
            yield from _read_jsonl(name, problems)


def _open(name: str) -> TextIO:
    if name == "-":
        return open(sys.stdin.fileno(), encoding="utf-8", errors="strict", closefd=False)
    return open(name, encoding="utf-8", errors="strict")


def _read_text(name: str, problems: _Problems) -> str | None:
    where = "<stdin>" if name == "-" else name
    try:
        with _open(name) as handle:
            text = handle.read()
    except IsADirectoryError:
        problems.report(where, "is a directory, not a text file")
        return None
    except OSError as error:
        problems.report(where, f"cannot read: {error.strerror or error}")
        return None
    except UnicodeDecodeError as error:
        problems.report(where, f"not UTF-8 text (byte {error.start}); skipped")
        return None
    if "\x00" in text:
        problems.report(where, "looks binary (contains NUL bytes); skipped")
        return None
    return text.removeprefix("\ufeff")


def _read_jsonl(name: str, problems: _Problems) -> Iterator[_Input]:
    where = "<stdin>" if name == "-" else name
    try:
        handle = _open(name)
    except OSError as error:
        problems.report(where, f"cannot read: {error.strerror or error}")
        return
    with handle:
        number = 0
        size = 0  # bytes read since the last item, skipped lines included
        try:
            for number, line in enumerate(handle, start=1):
                size += len(line.encode("utf-8", "surrogatepass"))
                if not line.strip():
                    continue
                item = _jsonl_item(line, f"{where}:{number}", problems, size)
                if item is not None:
                    size = 0
                    yield item
        except UnicodeDecodeError as error:
            problems.report(f"{where}:{number + 1}", f"not UTF-8 text (byte {error.start}); rest of file skipped")
        except OSError as error:
            problems.report(where, f"cannot read: {error.strerror or error}")


def _jsonl_item(line: str, where: str, problems: _Problems, size: int) -> _Input | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        problems.report(where, f"not valid JSON ({error.msg}); skipped")
        return None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        problems.report(where, 'expected an object with a string "text"; skipped')
        return None
    raw_id = record.get("id")
    return _Input(id=str(raw_id) if raw_id is not None else where, text=record["text"], size=size)


def _write_text(article: Article, out: TextIO) -> None:
    """A plain summary for a person to read."""
    lines = [f"== {article.id}" if article.id else "=="]
    lines.append(f"title:     {article.title or '-'}")
    lines.append(f"published: {article.published.isoformat() if article.published else '-'}")
    if article.event:
        e = article.event
        lines.append(f"event:     {e.kind}; date {e.date or '-'}; at {e.location or '-'}; mode {e.mode or '-'}")
    else:
        lines.append("event:     -")
    if article.dates:
        lines.append("dates:")
        lines.extend(f"  {d.text!r:32} {d.value or '-'}" for d in article.dates)
    if article.people:
        lines.append("people:")
        for p in article.people:
            details = ", ".join(x for x in (p.honorific, p.position, p.organization, p.country) if x)
            lines.append(f"  {p.name} ({details or '-'}) [{p.role}]")
    if article.organizations:
        lines.append("organizations:")
        for o in article.organizations:
            extra = f" ({o.acronym})" if o.acronym else ""
            parent = f" < {o.parent}" if o.parent else ""
            lines.append(f"  {o.name}{extra}{parent}")
    if article.agreements:
        lines.append("agreements:")
        for a in article.agreements:
            lines.append(
                f"  {a.kind}: {a.name or a.text} [{a.status}; {a.date or '-'}]"
                f" parties: {', '.join(a.parties) or '-'}; signed by: {', '.join(a.signatories) or '-'}"
            )
    for warning in article.warnings:
        lines.append(f"warning: {warning}")
    out.write("\n".join(lines) + "\n\n")
