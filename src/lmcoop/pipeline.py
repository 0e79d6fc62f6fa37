"""`Parser`: runs the stages in order over one `Document` and assembles the `Article`.

Each stage is a plain function ``extract(doc, rules, found) -> Found``: it reads the records of the
stages before it from `found` and returns `found` with its own fields filled. No stage keeps state
between calls, so a `Parser` is safe to share between threads and to send to worker processes.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from .document import Document
from .extract import agreements, dates, events, organizations, people, titles
from .models import Agreement, Article, DateMention, Event, Organization, Person, Span
from .rules import RuleSet

__all__ = ["STAGES", "Found", "Parser", "Stage"]


@dataclass(frozen=True)
class Found:
    """What the stages have found so far; each stage fills its own fields and reads the others'."""

    reference_date: datetime.date | None = None
    """The caller's "today", for relative dates when the text shows no dateline."""
    title: Span | None = None
    published: DateMention | None = None
    dates: tuple[DateMention, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    """Filled by the people stage; the events stage makes everyone "mentioned" when there is no event."""
    agreements: tuple[Agreement, ...] = ()
    event: Event | None = None
    warnings: tuple[str, ...] = field(default=())

    def warn(self, message: str) -> Found:
        """This record with one more warning."""
        return replace(self, warnings=(*self.warnings, message))


Stage = Callable[[Document, RuleSet, Found], Found]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("dates", dates.extract),
    ("titles", titles.extract),
    ("organizations", organizations.extract),
    ("people", people.extract),
    ("events", events.extract),
    ("agreements", agreements.extract),
)
"""The stages in the order they run; later stages read what earlier ones found (agreements read the
event, so that a signing at the event takes its date, without finding it again)."""


class Parser:
    """Parses texts with one `RuleSet`; build it once and reuse it."""

    def __init__(self, rules: RuleSet | None = None, *, plugins: bool = False) -> None:
        """`rules` (the defaults when omitted), plus the installed ``lmcoop.rules`` packs if `plugins`.

        Installed packs are never picked up unless asked for, so a plain ``Parser()`` gives the same
        answers on every machine.
        """
        rules = RuleSet.default() if rules is None else rules
        self.rules = rules.with_plugins() if plugins else rules

    @classmethod
    def from_files(cls, *paths: str | Path, plugins: bool = False) -> Parser:
        """A parser whose rules are the defaults extended by the given TOML rule packs (and plugins)."""
        return cls(RuleSet.from_files(*paths), plugins=plugins)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(rules=<RuleSet>)"

    def __reduce__(self) -> tuple[type[Parser], tuple[RuleSet, ...]]:
        """Pickle the vocabularies only, not the patterns compiled from them (worker processes, Dask).

        The compiled cache may hold unpicklable things and is rebuilt on first use anyway; the
        default rules travel as nothing at all and are loaded once per process.
        """
        if self.rules is RuleSet.default():
            return (type(self), ())
        rules = RuleSet.model_construct(_fields_set=self.rules.model_fields_set, **dict(self.rules))
        return (type(self), (rules,))

    def parse(
        self,
        text: str,
        *,
        reference_date: datetime.date | None = None,
        id: str | None = None,
    ) -> Article:
        """Everything found in `text`. Relative dates resolve against the dateline, else `reference_date`."""
        if not isinstance(text, str):
            raise TypeError(
                f"lmcoop.parse() expects text as str, got {type(text).__name__}"
                + ("; decode it first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else "")
            )
        if reference_date is not None and not isinstance(reference_date, datetime.date):
            raise TypeError(f"reference_date must be a datetime.date, got {type(reference_date).__name__}")
        if isinstance(reference_date, datetime.datetime):
            reference_date = reference_date.date()
        with _collector_paused() if len(text) >= GC_PAUSE_CHARACTERS else contextlib.nullcontext():
            doc = Document(text)
            found = Found(reference_date=reference_date)
            for name, stage in STAGES:
                try:
                    found = stage(doc, self.rules, found)
                except TimeoutError:
                    found = found.warn(f"{name}: a rule timed out on this text; the stage's records are incomplete")
                except MemoryError:
                    # The regex module raises this when a pattern's backtracking state outgrows its stack
                    # on hostile input (a 10 MB run of one character): a limit of the input, like a timeout.
                    found = found.warn(
                        f"{name}: a rule ran out of memory on this text; the stage's records are missing"
                    )
        return Article(
            id=id,
            title=found.title.text if found.title else None,
            title_span=found.title,
            published=found.published.date if found.published else None,
            published_span=(
                Span(text=found.published.text, start=found.published.start, end=found.published.end)
                if found.published
                else None
            ),
            event=found.event,
            dates=found.dates,
            people=found.people,
            organizations=found.organizations,
            agreements=found.agreements,
            warnings=found.warnings,
        )

    def parse_many(
        self,
        texts: Iterable[str],
        *,
        workers: int | None = None,
        chunksize: int = 8,
        reference_date: datetime.date | None = None,
    ) -> Iterator[Article]:
        """Parse each text, yielding articles lazily and in input order.

        ``workers=1`` parses in this process; otherwise a pool of `workers` processes (default: one
        per usable core) takes the texts `chunksize` at a time. At most ``2 * workers`` chunks are in
        flight, so memory follows the chunk size, not the length of `texts`, and an endless iterator
        works. An item that is not a str raises TypeError at its place: the articles before it are
        yielded first. An exception raised while parsing in a worker is re-raised here, in order.
        On platforms that start workers with "spawn" (Windows, macOS) call this under
        ``if __name__ == "__main__":``.
        """
        if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
            raise ValueError(f"workers must be a whole number of at least 1, got {workers!r}")
        if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
            raise ValueError(f"chunksize must be a whole number of at least 1, got {chunksize!r}")
        if reference_date is not None and not isinstance(reference_date, datetime.date):
            raise TypeError(f"reference_date must be a datetime.date, got {type(reference_date).__name__}")
        count = workers if workers is not None else _usable_cores()
        if count == 1:
            return self._parse_serially(texts, reference_date)
        return self._parse_in_processes(texts, count, chunksize, reference_date)

    def _parse_serially(self, texts: Iterable[str], reference_date: datetime.date | None) -> Iterator[Article]:
        for index, text in enumerate(texts):
            _check_item(index, text)
            yield self.parse(text, reference_date=reference_date)

    def _parse_in_processes(
        self, texts: Iterable[str], workers: int, chunksize: int, reference_date: datetime.date | None
    ) -> Iterator[Article]:
        # The parser travels once per worker (initializer), not with every chunk.
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(self,))
        pending: deque[Future[list[Article]]] = deque()
        items = iter(texts)
        index = 0
        bad_item: TypeError | None = None
        finished = False
        try:
            while True:
                while bad_item is None and len(pending) < 2 * workers:
                    chunk = list(islice(items, chunksize))
                    if not chunk:
                        break
                    for offset, text in enumerate(chunk):
                        if not isinstance(text, str):
                            bad_item = _item_error(index + offset, text)
                            chunk = chunk[:offset]
                            break
                    index += len(chunk)
                    if chunk:
                        pending.append(pool.submit(_parse_chunk, chunk, reference_date))
                if not pending:
                    break
                yield from pending.popleft().result()
            finished = True
            if bad_item is not None:
                raise bad_item
        finally:
            if finished:
                pool.shutdown(wait=True)
            else:  # the caller stopped early, or an error (or SIGTERM) is on its way out
                _stop_now(pool)


GC_PAUSE_CHARACTERS = 100_000
"""From this length on, `Parser.parse` pauses Python's cyclic garbage collector while it works.

A long text makes hundreds of thousands of small acyclic records (tokens, candidates); the collector,
triggered every 700 allocations, keeps walking them and took about 40% of the time on a megabyte.
Short articles make too few objects for it to matter, so they run with the collector as set."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block if it is enabled, and enable it again afterwards.

    Nothing is lost: cycles made meanwhile are collected at the next collection after. Another thread
    that parses at the same time may find the collector already paused; that only costs it the gain.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """End the workers without waiting for the chunks they already hold."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=10)


def _usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _item_error(index: int, item: object) -> TypeError:
    hint = "; decode it first, e.g. data.decode('utf-8')" if isinstance(item, (bytes, bytearray)) else ""
    return TypeError(f"parse_many() expects str items, got {type(item).__name__} at index {index}{hint}")


def _check_item(index: int, item: object) -> None:
    if not isinstance(item, str):
        raise _item_error(index, item)


class _WorkerSlot:
    """The parser of this worker process, set once when the process starts (never in the parent)."""

    parser: Parser | None = None


def _start_worker(parser: Parser) -> None:
    _WorkerSlot.parser = parser
    # A forked worker inherits the caller's SIGTERM handler (the CLI raises SystemExit there, which a
    # worker would swallow mid-task): a worker ends on SIGTERM, as `_stop_now` expects.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()


def _exit_when_orphaned(parent: int, every: float = 1.0) -> None:
    """End this worker once its parent is gone (killed, not shut down).

    Forked workers share the result pipe, so none of them ever sees it close: without this they
    would wait forever, holding the caller's stderr open.
    """
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _parse_chunk(chunk: list[str], reference_date: datetime.date | None) -> list[Article]:
    parser = _WorkerSlot.parser
    if parser is None:  # pragma: no cover - only if the pool was built without the initializer
        raise RuntimeError("lmcoop worker started without a parser")
    return [parser.parse(text, reference_date=reference_date) for text in chunk]
