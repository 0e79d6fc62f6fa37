"""Coverage-guided fuzzing of `lmcoop.parse` with atheris (optional; not a pytest module).

    pip install atheris
    python tests/fuzz_parse.py -max_total_time=600 -max_len=20000 [corpus_dir]

Each input becomes a str (any code point, NULs and lone surrogates included) and is parsed; the
run fails on any exception, on an offset that does not slice to its text, or on output that differs
between two parses of the same text. Seed a corpus folder with a few article texts for depth.
"""

from __future__ import annotations

import sys


def check(text: str) -> None:
    """What must hold for every str: no exception, exact offsets, the same answer twice."""
    import lmcoop

    article = lmcoop.parse(text)
    spans = [*article.dates, *article.agreements]
    for record in (*article.people, *article.organizations):
        spans.append(record)
        spans.extend(record.mentions)
    spans.extend(s for s in (article.title_span, article.published_span) if s is not None)
    if article.event is not None:
        spans.extend(s for s in (article.event.trigger, article.event.location_span) if s is not None)
    for span in spans:
        if text[span.start : span.end] != span.text:
            raise AssertionError(f"offsets {span.start}:{span.end} do not slice to {span.text!r}")
    if lmcoop.parse(text) != article:
        raise AssertionError("two parses of the same text differ")


def fuzz_one_input(data: bytes) -> None:
    import atheris

    provider = atheris.FuzzedDataProvider(data)
    # Either any code points (lone surrogates included) or UTF-8 that the mutator shapes like text.
    surrogates_allowed = provider.ConsumeBool()
    check(provider.ConsumeUnicode(len(data)) if surrogates_allowed else data[1:].decode("utf-8", "replace"))


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        import lmcoop  # noqa: F401 - instrumented for coverage feedback

    atheris.Setup(sys.argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
