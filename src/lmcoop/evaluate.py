"""Score a parser against a gold file written to the annotation guidelines.

A gold file is JSON Lines, one article a line: ``{"id": …, "text": …, "gold": {…}}`` where ``gold``
holds ``title``, ``published``, ``event``, ``dates``, ``people``, ``organizations`` and
``agreements`` as the guidelines define them. Matching is lenient where the guidelines are:

- person names ignore case, punctuation and word order;
- organizations match by name (a leading "the" ignored), through an acronym the gold gives, or by
  sharing at least three quarters of their words;
- dates match when one surface holds the other; ``dates.value`` also needs the same value;
- agreements match when their kinds agree and their names or first mentions share words;
- a position matches with or without a trailing portfolio ("Commissioner" ~ "Commissioner for X").

Lists are scored by precision, recall and F1 (items paired greedily in gold order); single values
by accuracy. ``overall`` is the mean of the headline numbers, so one figure tracks progress.
The numbers agree with the corpus's own ``score.py``; `Evaluation.diffs` lists what was missed,
extra or different per article, so a contributor can see what a rule changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from .models import AgreementKind, AgreementStatus, EventKind
from .pipeline import Parser

__all__ = [
    "ACCURACY_FIELDS",
    "COUNTED_FIELDS",
    "ArticleDiff",
    "DiffEntry",
    "Evaluation",
    "GoldArticle",
    "GoldFileError",
    "Scores",
    "evaluate",
    "format_diffs",
    "format_report",
    "gold_problems",
    "read_gold",
    "read_predictions",
    "score_predictions",
]

Json = dict[str, Any]
T = TypeVar("T")

COUNTED_FIELDS = (
    "agreements",
    "agreements.parties",
    "agreements.signatories",
    "attendees",
    "dates.text",
    "dates.value",
    "organizations",
    "people",
)
"""Fields scored by precision, recall and F1."""
ACCURACY_FIELDS = (
    "agreements.date",
    "agreements.status",
    "event.date",
    "event.kind",
    "event.location",
    "event.mode",
    "organizations.acronym",
    "people.country",
    "people.honorific",
    "people.organization",
    "people.position",
    "people.role",
    "published",
    "title",
)
"""Fields scored by accuracy (of the paired records, or of the article)."""
_HEADLINE_COUNTS = ("dates.value", "people", "attendees", "organizations", "agreements")
_HEADLINE_ACCURACIES = ("title", "published", "event.kind", "event.date", "people.position", "people.organization")
_FILLER_WORDS = frozenset({"the", "of", "and"})

# The closed vocabularies a gold file may use: the models' own Literal types, so the two cannot drift.
EVENT_KINDS: frozenset[str] = frozenset(get_args(EventKind))
AGREEMENT_KINDS: frozenset[str] = frozenset(get_args(AgreementKind))
AGREEMENT_STATUSES: frozenset[str] = frozenset(get_args(AgreementStatus))


class GoldFileError(ValueError):
    """A gold file that cannot be read: names the file, the line and what was expected."""


@dataclass(frozen=True)
class GoldArticle:
    """One line of a gold file: the article text and the answers the guidelines expect."""

    id: str
    text: str
    gold: Json


# --------------------------------------------------------------------------- reading gold files


def read_gold(path: str | Path) -> list[GoldArticle]:
    """The articles of a gold JSONL file; raises `GoldFileError` at the first malformed line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GoldFileError(f"{path}: cannot read gold file: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise GoldFileError(f"{path}: not UTF-8 text (byte {error.start})") from None
    articles = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFileError(f"{where}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise GoldFileError(f"{where}: expected an object with id, text and gold")
        text, gold = record.get("text"), record.get("gold")
        if not isinstance(text, str):
            raise GoldFileError(f'{where}: key "text": expected the article as a string')
        if not isinstance(gold, dict):
            raise GoldFileError(f'{where}: key "gold": expected an object with the answers')
        article_id = str(record["id"]) if record.get("id") is not None else where
        if article_id in seen:
            raise GoldFileError(f'{where}: key "id": {article_id!r} is used twice; ids must be unique')
        seen.add(article_id)
        articles.append(GoldArticle(id=article_id, text=text, gold=gold))
    return articles


def read_predictions(path: str | Path) -> dict[str, Json]:
    """Saved predictions by id: ``lmcoop parse --input jsonl --format jsonl`` output, or gold-shaped lines."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GoldFileError(f"{path}: cannot read predictions: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise GoldFileError(f"{path}: not UTF-8 text (byte {error.start})") from None
    out: dict[str, Json] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFileError(f"{path}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict) or record.get("id") is None:
            raise GoldFileError(f'{path}:{number}: expected an object with an "id"')
        out[str(record["id"])] = record
    return out


def gold_problems(article: GoldArticle) -> list[str]:
    """What in `article.gold` breaks the guidelines: unknown kinds, strings not written in the text."""
    text, gold = article.text, article.gold
    out: list[str] = []

    def written(value: object, where: str, *, required: bool = False) -> None:
        if value is None and not required:
            return
        if not isinstance(value, str) or value not in text:
            out.append(f"{where}: {value!r} is not written in the text")

    def one_of(value: object, allowed: Iterable[object], where: str) -> None:
        if value not in allowed:
            out.append(f"{where}: {value!r} is not one of {sorted(map(str, allowed))}")

    written(gold.get("title"), "title")
    event = gold.get("event")
    if event is not None:
        one_of(event.get("kind"), EVENT_KINDS, "event.kind")
        written(event.get("location"), "event.location")
        one_of(event.get("mode"), ("online", "offline", "hybrid", None), "event.mode")
    for i, date in enumerate(gold.get("dates") or []):
        written(date.get("text"), f"dates[{i}].text", required=True)
    for i, person in enumerate(gold.get("people") or []):
        written(person.get("name"), f"people[{i}].name", required=True)
        for key in ("honorific", "position", "organization"):
            written(person.get(key), f"people[{i}].{key}")
        one_of(person.get("role"), ("attendee", "mentioned"), f"people[{i}].role")
    for i, org in enumerate(gold.get("organizations") or []):
        written(org.get("name"), f"organizations[{i}].name", required=True)
        written(org.get("acronym"), f"organizations[{i}].acronym")
        written(org.get("parent"), f"organizations[{i}].parent")
    for i, agreement in enumerate(gold.get("agreements") or []):
        one_of(agreement.get("kind"), AGREEMENT_KINDS, f"agreements[{i}].kind")
        written(agreement.get("name"), f"agreements[{i}].name")
        written(agreement.get("text"), f"agreements[{i}].text", required=True)
        for key in ("parties", "signatories"):
            for j, value in enumerate(agreement.get(key) or []):
                written(value, f"agreements[{i}].{key}[{j}]", required=True)
        one_of(agreement.get("status"), AGREEMENT_STATUSES, f"agreements[{i}].status")
    return out


# --------------------------------------------------------------------------- lenient matching


def _words(text: str | None) -> list[str]:
    """Case-folded runs of letters and digits: what lenient matching compares."""
    folded = (text or "").casefold()
    return ["".join(run) for is_word, run in groupby(folded, str.isalnum) if is_word]


def _key(text: str | None) -> str:
    """The words of `text` without a leading "the", joined: "The Ministry" ~ "ministry"."""
    found = _words(text)
    if found and found[0] == "the":
        found = found[1:]
    return " ".join(found)


def _same_name(a: str | None, b: str | None) -> bool:
    """Names match ignoring case, punctuation and word order."""
    return frozenset(_words(a)) == frozenset(_words(b))


def _shared_words(a: str | None, b: str | None) -> float:
    """Jaccard overlap of the content words of `a` and `b`."""
    x, y = set(_words(a)) - _FILLER_WORDS, set(_words(b)) - _FILLER_WORDS
    if not x or not y:
        return 0.0
    return len(x & y) / len(x | y)


def _holds(a: str | None, b: str | None) -> bool:
    """One surface holds the other (after lenient normalisation)."""
    ka, kb = _key(a), _key(b)
    return bool(ka and kb) and (ka in kb or kb in ka)


def _same_org(gold: str | None, pred: str | None, acronyms: Mapping[str, str]) -> bool:
    if not gold or not pred:
        return gold == pred
    g, p = _key(gold), _key(pred)
    if g == p:
        return True
    full_g, full_p = acronyms.get(g, g), acronyms.get(p, p)
    if full_g == full_p or _key(full_g) == _key(full_p):
        return True
    return _shared_words(full_g, full_p) >= 0.75


def _same_position(gold: str | None, pred: str | None) -> bool:
    g, p = _key(gold), _key(pred)
    if g == p:
        return True
    if not g or not p:
        return False
    short, long = sorted((g, p), key=len)
    return long.startswith((short + " for ", short + " of "))


def _same_agreement(gold: Json, pred: Json) -> bool:
    if gold.get("kind") != pred.get("kind"):
        return False
    if gold.get("name") and pred.get("name") and _shared_words(gold["name"], pred["name"]) >= 0.6:
        return True
    return _shared_words(gold.get("text"), pred.get("text")) >= 0.5 or _holds(gold.get("text"), pred.get("text"))


@dataclass(frozen=True)
class _Pairing:
    pairs: list[tuple[Any, Any]]
    missed: list[Any]
    extra: list[Any]


def _pair(gold: Sequence[T], pred: Sequence[T], same: Callable[[T, T], bool]) -> _Pairing:
    """Pair each gold item, in order, with the first unpaired predicted item that matches it."""
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and same(g, p):
                used.add(j)
                pairs.append((g, p))
                break
        else:
            missed.append(g)
    extra = [p for j, p in enumerate(pred) if j not in used]
    return _Pairing(pairs, missed, extra)


# --------------------------------------------------------------------------- tallies


@dataclass
class _Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, pairing: _Pairing) -> None:
        self.tp += len(pairing.pairs)
        self.fp += len(pairing.extra)
        self.fn += len(pairing.missed)

    def as_dict(self) -> Json:
        # An empty prediction for an empty gold is perfect; predictions for an empty gold are not.
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class _Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    def as_dict(self) -> Json:
        return {"acc": round(self.right / self.total, 4) if self.total else 1.0, "n": self.total}


DiffChange = Literal["missed", "extra", "differs"]


@dataclass(frozen=True)
class DiffEntry:
    """One difference: a gold record `missed`, a predicted record `extra`, or a paired value that `differs`."""

    field: str
    change: DiffChange
    gold: str | None = None
    pred: str | None = None
    record: str | None = None
    """For a value that differs inside a paired record: which record ("Mina Osei", an agreement)."""

    def as_dict(self) -> Json:
        return {"field": self.field, "change": self.change, "record": self.record, "gold": self.gold, "pred": self.pred}


@dataclass(frozen=True)
class ArticleDiff:
    """Everything that kept one article from a perfect score."""

    id: str
    entries: tuple[DiffEntry, ...]

    def as_dict(self) -> Json:
        return {"id": self.id, "entries": [entry.as_dict() for entry in self.entries]}


@dataclass
class Scores:
    """Running tallies over articles; `add` scores one more, `report` gives the numbers."""

    counts: dict[str, _Count] = field(default_factory=dict)
    accuracies: dict[str, _Accuracy] = field(default_factory=dict)

    def _count(self, name: str, pairing: _Pairing) -> None:
        self.counts.setdefault(name, _Count()).add(pairing)

    def _check(self, name: str, ok: bool) -> None:
        self.accuracies.setdefault(name, _Accuracy()).add(ok)

    def add(self, article_id: str, gold: Json, pred: Json) -> ArticleDiff:
        """Score one article's prediction against its gold; returns what differed."""
        diff: list[DiffEntry] = []

        def check(name: str, ok: bool, gold_value: object, pred_value: object, record: str | None = None) -> None:
            self._check(name, ok)
            if not ok:
                diff.append(DiffEntry(name, "differs", _show(gold_value), _show(pred_value), record))

        def count(name: str, pairing: _Pairing, describe: Callable[[Any], str]) -> None:
            self._count(name, pairing)
            diff.extend(DiffEntry(name, "missed", gold=describe(g)) for g in pairing.missed)
            diff.extend(DiffEntry(name, "extra", pred=describe(p)) for p in pairing.extra)

        def one_line(text: str | None) -> str:
            return " ".join((text or "").split())

        check("title", one_line(gold.get("title")) == one_line(pred.get("title")), gold.get("title"), pred.get("title"))
        check("published", gold.get("published") == pred.get("published"), gold.get("published"), pred.get("published"))

        g_event, p_event = gold.get("event") or {}, pred.get("event") or {}
        if g_event or p_event:
            for key in ("kind", "date", "mode"):
                check(f"event.{key}", g_event.get(key) == p_event.get(key), g_event.get(key), p_event.get(key))
            g_place, p_place = g_event.get("location"), p_event.get("location")
            check("event.location", (not g_place and not p_place) or _holds(g_place, p_place), g_place, p_place)

        self._score_dates(gold, pred, diff, count)
        acronyms = {
            _key(org["acronym"]): _key(org["name"]) for org in gold.get("organizations") or [] if org.get("acronym")
        }
        self._score_people(gold, pred, acronyms, check, count)
        orgs = _pair(
            gold.get("organizations") or [],
            pred.get("organizations") or [],
            lambda g, p: _same_org(g.get("name"), p.get("name"), acronyms),
        )
        count("organizations", orgs, _describe_org)
        for g, p in orgs.pairs:
            ok = _key(g.get("acronym")) == _key(p.get("acronym"))
            check("organizations.acronym", ok, g.get("acronym"), p.get("acronym"), g.get("name"))
        self._score_agreements(gold, pred, acronyms, check, count)
        return ArticleDiff(article_id, tuple(diff))

    def _score_dates(self, gold: Json, pred: Json, diff: list[DiffEntry], count: Callable[..., None]) -> None:
        g_dates, p_dates = gold.get("dates") or [], pred.get("dates") or []
        by_text = _pair(g_dates, p_dates, lambda g, p: _holds(g.get("text"), p.get("text")))
        count("dates.text", by_text, _describe_date)
        by_value = _pair(
            g_dates, p_dates, lambda g, p: _holds(g.get("text"), p.get("text")) and g.get("value") == p.get("value")
        )
        self._count("dates.value", by_value)
        diff.extend(
            DiffEntry("dates.value", "differs", _describe_date(g), _describe_date(p))
            for g, p in by_text.pairs
            if g.get("value") != p.get("value")
        )

    def _score_people(
        self,
        gold: Json,
        pred: Json,
        acronyms: Mapping[str, str],
        check: Callable[..., None],
        count: Callable[..., None],
    ) -> None:
        g_people, p_people = gold.get("people") or [], pred.get("people") or []
        people = _pair(g_people, p_people, lambda g, p: _same_name(g.get("name"), p.get("name")))
        count("people", people, _describe_person)
        for g, p in people.pairs:
            label = g.get("name")
            check("people.position", _same_position(g.get("position"), p.get("position")), g.get("position"),
                  p.get("position"), label)  # fmt: skip
            check("people.organization", _same_org(g.get("organization"), p.get("organization"), acronyms),
                  g.get("organization"), p.get("organization"), label)  # fmt: skip
            check("people.country", g.get("country") == p.get("country"), g.get("country"), p.get("country"), label)
            check("people.role", g.get("role") == p.get("role"), g.get("role"), p.get("role"), label)
            same_honorific = "".join(_words(g.get("honorific"))) == "".join(_words(p.get("honorific")))
            check("people.honorific", same_honorific, g.get("honorific"), p.get("honorific"), label)
        attendees = _pair(
            [x for x in g_people if x.get("role") == "attendee"],
            [x for x in p_people if x.get("role") == "attendee"],
            lambda g, p: _same_name(g.get("name"), p.get("name")),
        )
        self._count("attendees", attendees)

    def _score_agreements(
        self,
        gold: Json,
        pred: Json,
        acronyms: Mapping[str, str],
        check: Callable[..., None],
        count: Callable[..., None],
    ) -> None:
        agreements = _pair(gold.get("agreements") or [], pred.get("agreements") or [], _same_agreement)
        count("agreements", agreements, _describe_agreement)
        for g, p in agreements.pairs:
            label = g.get("name") or g.get("text")
            check("agreements.date", g.get("date") == p.get("date"), g.get("date"), p.get("date"), label)
            check("agreements.status", g.get("status") == p.get("status"), g.get("status"), p.get("status"), label)
            for key in ("parties", "signatories"):
                members = _pair(
                    g.get(key) or [],
                    p.get(key) or [],
                    lambda a, b: _same_org(a, b, acronyms) or _same_name(a, b),
                )
                count(f"agreements.{key}", members, lambda name, label=label: f"{label}: {name}")

    def report(self) -> Json:
        """Per field ``{p, r, f1, tp, fp, fn}`` or ``{acc, n}``, and ``overall``: the shape score.py prints."""
        out: Json = {name: self.counts[name].as_dict() for name in sorted(self.counts)}
        out.update({name: self.accuracies[name].as_dict() for name in sorted(self.accuracies)})
        headline = [out[name]["f1"] for name in _HEADLINE_COUNTS if name in out]
        headline += [out[name]["acc"] for name in _HEADLINE_ACCURACIES if name in out]
        out["overall"] = round(sum(headline) / len(headline), 4) if headline else 0.0
        return out


def _show(value: object) -> str:
    return "-" if value is None else str(value)


def _describe_date(date: Json) -> str:
    return f"{date.get('text')!r} = {_show(date.get('value'))}"


def _describe_person(person: Json) -> str:
    details = ", ".join(str(person[k]) for k in ("honorific", "position", "organization", "country") if person.get(k))
    return f"{person.get('name')} ({details or '-'}) [{person.get('role')}]"


def _describe_org(org: Json) -> str:
    acronym = f" ({org['acronym']})" if org.get("acronym") else ""
    parent = f" < {org['parent']}" if org.get("parent") else ""
    return f"{org.get('name')}{acronym}{parent}"


def _describe_agreement(agreement: Json) -> str:
    return (
        f"{agreement.get('kind')}: {agreement.get('name') or agreement.get('text')!r}"
        f" [{agreement.get('status')}; {_show(agreement.get('date'))}]"
    )


# --------------------------------------------------------------------------- evaluating


@dataclass(frozen=True)
class Evaluation:
    """The scores over a gold file, and per article what differed."""

    scores: Scores
    diffs: tuple[ArticleDiff, ...]

    def report(self) -> Json:
        """See `Scores.report`."""
        return self.scores.report()

    @property
    def overall(self) -> float:
        """The mean of the headline numbers: one figure to compare two rule sets by."""
        value: float = self.report()["overall"]
        return value


def score_predictions(gold: Iterable[GoldArticle], predictions: Mapping[str, Json]) -> Evaluation:
    """Score predictions (by article id; a record may wrap its answers in ``"gold"``) against `gold`.

    A gold article without a prediction scores as an empty prediction.
    """
    scores = Scores()
    diffs = []
    for article in gold:
        pred = predictions.get(article.id, {})
        pred = pred.get("gold", pred) if isinstance(pred, Mapping) else {}
        diffs.append(scores.add(article.id, article.gold, dict(pred)))
    return Evaluation(scores, tuple(diffs))


def evaluate(gold: Iterable[GoldArticle], parser: Parser | None = None) -> Evaluation:
    """Parse every gold article's text with `parser` (default rules when omitted) and score it."""
    parser = parser or Parser()
    scores = Scores()
    diffs = []
    for article in gold:
        pred = parser.parse(article.text, id=article.id).model_dump(mode="json")
        diffs.append(scores.add(article.id, article.gold, pred))
    return Evaluation(scores, tuple(diffs))


# --------------------------------------------------------------------------- printing


def format_report(report: Mapping[str, Any]) -> Iterator[str]:
    """One line per field, then ``overall``: the table `lmcoop evaluate` prints."""
    for name, value in report.items():
        if name == "overall":
            continue
        if "f1" in value:
            yield (
                f"{name:26s} P {value['p']:.3f}  R {value['r']:.3f}  F1 {value['f1']:.3f}"
                f"  (tp {value['tp']} fp {value['fp']} fn {value['fn']})"
            )
        else:
            yield f"{name:26s} acc {value['acc']:.3f}  (n {value['n']})"
    yield f"overall {report['overall']:.4f}"


_SIGNS: dict[DiffChange, str] = {"missed": "-", "extra": "+", "differs": "~"}


def format_diffs(diffs: Iterable[ArticleDiff]) -> Iterator[str]:
    """Per article with differences: ``- missed``, ``+ extra``, ``~ gold → predicted``."""
    for diff in diffs:
        if not diff.entries:
            continue
        yield f"== {diff.id}"
        for entry in diff.entries:
            if entry.change == "missed":
                what = entry.gold
            elif entry.change == "extra":
                what = entry.pred
            else:
                what = (f"{entry.record}: " if entry.record else "") + f"{entry.gold}  →  {entry.pred}"
            yield f"  {_SIGNS[entry.change]} {entry.field:24s} {what}"
