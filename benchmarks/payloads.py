"""Hostile texts of a given size: each makes some kind of regex-based parser backtrack or blow up.

``PAYLOADS[name](size)`` returns a str of about `size` characters. The first six are the known
payloads that hurt other date libraries; the rest aim at our own stages (names made of capitalized
words, honorific runs, "X of Y of Z" chains, many dates, initials that look like sentence ends).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import cycle, islice

__all__ = ["KNOWN", "PAYLOADS"]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _cycled(units: list[str], size: int, sep: str) -> str:
    out: list[str] = []
    length = 0
    for unit in cycle(units):
        if length >= size:
            break
        out.append(unit)
        length += len(unit) + len(sep)
    return sep.join(out)


def question_marks(size: int) -> str:
    return "?" * (size - 1) + "x"


def open_parens(size: int) -> str:
    return "(" * size


def four_digit_numbers(size: int) -> str:
    # 1000…9999 in a scrambled order: many of them look like years.
    numbers = (str(1000 + (i * 7919) % 9000) for i in range(size // 5 + 1))
    return " ".join(islice(numbers, max(1, size // 5)))


def no_space(size: int) -> str:
    return _repeat("MinistryofEnvironment2023-06-12H.E.Mr.", size)


def capitals_commas(size: int) -> str:
    return _cycled([chr(ord("A") + i) for i in range(26)], size, ", ")


def nested_parens(size: int) -> str:
    depth = size // 2
    return "(" * depth + ")" * depth


def capitalized_words(size: int) -> str:
    words = ["Ministry", "Of", "Ecology", "Director", "General", "Somchai", "Vorakhan", "Lao", "National", "Centre"]
    return _cycled(words, size, " ")


def honorific_runs(size: int) -> str:
    return _repeat("H.E. Mr. Dr. Prof. ", size)


def of_chains(size: int) -> str:
    return _repeat("Department of Planning of the Ministry of ", size)


def many_dates(size: int) -> str:
    return _cycled(["12 June 2023", "October 18", "2019–2023", "last week", "Monday", "3 May"], size, ", ")


def initials(size: int) -> str:
    return _repeat("A. B. C. D. ", size)


def dots_and_quotes(size: int) -> str:
    return _repeat('."“”‘’(.)[.] ', size)


def blank_lines(size: int) -> str:
    return _repeat("\r\n \n\u00a0\n", size)


def one_long_sentence(size: int) -> str:
    unit = "the Director of the Institute of Coastal Studies, Linh Tranh, and the Deputy Minister, Mr. Arun Marlow, "
    return "Signed by " + _repeat(unit, size)


PAYLOADS: dict[str, Callable[[int], str]] = {
    fn.__name__: fn
    for fn in (
        question_marks,
        open_parens,
        four_digit_numbers,
        no_space,
        capitals_commas,
        nested_parens,
        capitalized_words,
        honorific_runs,
        of_chains,
        many_dates,
        initials,
        dots_and_quotes,
        blank_lines,
        one_long_sentence,
    )
}
"""Name → maker of a payload of about the given size in characters."""

KNOWN = ("question_marks", "open_parens", "four_digit_numbers", "no_space", "capitals_commas", "nested_parens")
"""The payloads known to hurt other date libraries (the issue's list); the others aim at our stages."""
