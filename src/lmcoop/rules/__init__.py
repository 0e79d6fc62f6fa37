"""The vocabularies the extractors read, as typed data loaded from TOML.

A rule pack is a TOML file whose top-level tables name sections of `RuleSet` (``[people]``,
``[organizations]``, ``[countries]``, ``[dates]``, ``[events]``, ``[agreements]``). The default pack
is the set of files in ``lmcoop/rules/default/``. `RuleSet.extend` adds words from another pack:
lists are joined (duplicates dropped, order kept) and tables are merged key by key, so a pack
only has to name what it adds.

Installed packages can offer packs through the ``lmcoop.rules`` entry-point group; they are used
only when asked for (`RuleSet.with_plugins`, ``Parser(plugins=True)``, ``lmcoop parse --plugins``),
so installing a package never silently changes what a plain `Parser()` finds.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = [
    "ENTRY_POINT_GROUP",
    "AgreementRules",
    "CountryEntry",
    "DateRules",
    "EventRules",
    "OrganizationRules",
    "PeopleRules",
    "RulePackError",
    "RuleSet",
]

T = TypeVar("T")

ENTRY_POINT_GROUP = "lmcoop.rules"
"""The entry-point group through which installed packages offer rule packs."""


class RulePackError(ValueError):
    """A rule pack that cannot be read: names the file, the key and what was expected."""


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class DateRules(_Section):
    """Words of the calendar, and of the page furniture around the headline and dateline."""

    months: dict[str, int] = Field(default_factory=dict)
    """Month names and abbreviations (lower case) → month number."""
    weekdays: dict[str, int] = Field(default_factory=dict)
    """Weekday names and abbreviations (lower case) → ISO weekday (Monday = 1)."""
    seasons: dict[str, str] = Field(default_factory=dict)
    """Season words (lower case) → TIMEX season code (SP, SU, FA, WI)."""
    seasons_as_years: bool = True
    """Write "spring 2009" as its year (``2009``), as the corpus guidelines do; False gives ``2009-SP``."""
    number_words: dict[str, int] = Field(default_factory=dict)
    """Small numbers written as words ("a", "two") for "two years ago"."""
    count_words: list[str] = Field(default_factory=list)
    """Words after a number that make it a count or amount, not a year ("percent", "people", "tons")."""
    number_prefixes: list[str] = Field(default_factory=list)
    """Words or signs before a number that make it money or an identifier ("$", "No.", "Tel")."""
    fiscal_year_prefixes: list[str] = Field(default_factory=list)
    """What may stand before a year, glued or spaced, as part of the date ("FY", "Fiscal Year")."""
    future_cues: list[str] = Field(default_factory=list)
    """Words that point a bare weekday forward ("will", "scheduled"): "will open on Monday"."""
    intent_cues: list[str] = Field(default_factory=list)
    """Words that point forward only before the date and before a verb ("agreed to sign … in October";
    not "agreed to the plan on Monday")."""
    dateline_labels: list[str] = Field(default_factory=list)
    """Labels that introduce a page's own date ("date", "update", "published", "posted on")."""
    page_words: list[str] = Field(default_factory=list)
    """Words of site furniture ("news", "press release", "home", "board", "view"): a line of only
    these (and acronyms) is a section label, not the headline."""
    section_nouns: list[str] = Field(default_factory=list)
    """Nouns that end a site's section label ("Environmental News", "Latest Updates", "Press Releases")."""
    caption_markers: list[str] = Field(default_factory=list)
    """Text that glues an image caption to a headline on one line ("hinh anh" on Vietnamese sites)."""


class PeopleRules(_Section):
    """Words around a person's name."""

    honorifics: list[str] = Field(default_factory=list)
    """Honorifics as written ("H.E.", "Mr.", "Lok Chumteav"); matching ignores case of dots/spaces."""
    positions: list[str] = Field(default_factory=list)
    """Job-title head words ("Minister", "Director", "Ambassador", "Secretary-General")."""
    position_modifiers: list[str] = Field(default_factory=list)
    """Words that may stand before a position ("Deputy", "Vice", "Acting", "Executive")."""
    attendance_verbs: list[str] = Field(default_factory=list)
    """Verbs that place a person at the reported event ("attended", "chaired", "signed")."""
    byline_labels: list[str] = Field(default_factory=list)
    """Labels before a credited name ("Reporter", "Editor", "Photo by"); such people are only mentioned."""
    mentioned_cues: list[str] = Field(default_factory=list)
    """Words just before a name that keep it away from the event ("on behalf of", "greetings of")."""
    list_cues: list[str] = Field(default_factory=list)
    """Words that open a list of names ("including", "such as", "namely")."""
    group_words: list[str] = Field(default_factory=list)
    """Nouns after a demonym that give the country of the people around ("delegation", "team", "side")."""
    place_heads: list[str] = Field(default_factory=list)
    """Last words of a place ("Province", "County"): a capitalized run ending in one is never a person."""
    role_noun_endings: list[str] = Field(default_factory=list)
    """Endings of lower-case role nouns in "Name, a hydrologist at Org" ("-ist", "-er", "-or")."""
    role_nouns: list[str] = Field(default_factory=list)
    """Lower-case role nouns without such an ending ("expert", "fellow", "specialist" is covered by "-ist")."""


class OrganizationRules(_Section):
    """Words that make a name an organization."""

    head_nouns: list[str] = Field(default_factory=list)
    """Nouns that head an organization's name ("Ministry", "Center", "Institute", "University")."""
    company_suffixes: list[str] = Field(default_factory=list)
    """Endings of company names ("Co., Ltd.", "Inc.", "Group")."""
    unit_heads: list[str] = Field(default_factory=list)
    """Heads of units inside a larger body ("Department", "Division"): "X, Y" makes Y the parent."""
    located_heads: list[str] = Field(default_factory=list)
    country_kept_after: list[str] = Field(default_factory=list)
    """Heads whose "of <Country>" belongs to the name ("University of Laos")."""
    outlet_words: list[str] = Field(default_factory=list)
    """Last words of news outlets credited on a byline line ("Mekong Times | 2022-06-20")."""
    """Heads whose name goes on with "in <country>" ("Cambodian Embassy in China")."""
    source_labels: list[str] = Field(default_factory=list)
    """Labels before a credited publisher ("Source: …")."""
    function_words: list[str] = Field(default_factory=list)
    """Capitalized words that open a sentence but never a name ("In", "During", "Both")."""
    country_stripped_before: list[str] = Field(default_factory=list)
    """Heads whose leading country word is not part of the name ("the Cambodian Ministry of …")."""
    system_prefixes: list[str] = Field(default_factory=list)
    """Words that start the names of international bodies without a head noun ("United Nations", "UN")."""
    portfolio_words: list[str] = Field(default_factory=list)
    """Subject words of ministries and portfolios ("Environment", "Ecology"): never part of a person's name."""
    not_organization_words: list[str] = Field(default_factory=list)
    """Words that make a capitalized name an event, plan or programme, not a body ("Conference", "Agenda")."""
    not_acronyms: list[str] = Field(default_factory=list)
    """Capitalized abbreviations that never stand for an organization ("MoU", "CEO", "SDGs")."""


class CountryEntry(_Section):
    """One country: its English short name, other names and demonyms."""

    aliases: list[str] = Field(default_factory=list)
    """Other names as written ("Lao PDR", "Viet Nam", "PRC")."""
    demonyms: list[str] = Field(default_factory=list)
    """Adjectives of nationality ("Cambodian", "Lao")."""


class EventRules(_Section):
    """Words that name an event and how it was held."""

    kinds: dict[str, list[str]] = Field(default_factory=dict)
    """Event kind → the nouns that name it ("symposium" → conference)."""
    verbs: dict[str, list[str]] = Field(default_factory=dict)
    """Event kind → verbs that report it ("signed" → signing_ceremony); weaker than a noun."""
    online_words: list[str] = Field(default_factory=list)
    """Words that say the event was held online ("video link", "virtually")."""
    hybrid_words: list[str] = Field(default_factory=list)
    """Words that say it was held both online and in a room ("online and offline")."""
    offline_words: list[str] = Field(default_factory=list)
    """Words that say it was held in person ("on-site")."""
    place_verbs: list[str] = Field(default_factory=list)
    """Verbs after which "in <Place>" says where the event was ("held", "took place")."""
    venue_nouns: list[str] = Field(default_factory=list)
    """Nouns that end a venue's name ("Hotel", "Embassy"), for "at <venue>"."""
    seat_words: list[str] = Field(default_factory=list)
    """Words before "in <Place>" that give an organization's seat ("based"), not the event's place."""
    future_words: list[str] = Field(default_factory=list)
    """Words that put a sentence's place at a later event ("next", "will be held")."""
    here_words: list[str] = Field(default_factory=list)
    """Words that point back at the dateline's city ("here")."""
    opening_verbs: list[str] = Field(default_factory=list)
    """Verbs that say a several-day event started on the day named ("opened")."""
    closing_verbs: list[str] = Field(default_factory=list)
    """Verbs that say a several-day event ended on the day named ("concluded")."""
    remote_join_words: list[str] = Field(default_factory=list)
    """Words that add remote participants to a meeting in a place ("and online", "joining by video")."""
    end_cues: list[str] = Field(default_factory=list)
    """Words before an event's last day ("until", "will close on"): with its first day they give a range."""
    relative_words: list[str] = Field(default_factory=list)
    """Words that open a relative clause ("which"): a signing told there is an earlier one, not the event."""
    speech_words: list[str] = Field(default_factory=list)
    """Verbs of saying: "said on Monday" dates a statement, not a happening."""


class AgreementRules(_Section):
    """Words that name an agreement and say what became of it."""

    kinds: dict[str, list[str]] = Field(default_factory=dict)
    """Agreement kind → the words that name it ("memorandum of understanding" → mou)."""
    status_words: dict[str, list[str]] = Field(default_factory=dict)
    """Status → the verbs or phrases that signal it ("inked" → signed)."""
    policy_kinds: list[str] = Field(default_factory=list)
    """Kinds whose words are also common nouns ("strategy"): counted only when named or clearly one instrument."""
    name_only_words: list[str] = Field(default_factory=list)
    """Words that name an instrument only inside a capitalized name ("Agenda", "Blueprint")."""
    not_instrument: list[str] = Field(default_factory=list)
    """Phrases in which an agreement word names no instrument ("reached an agreement")."""
    determiners: list[str] = Field(default_factory=list)
    """Words that open an agreement's mention ("a", "the", "these")."""
    numbers: dict[str, int] = Field(default_factory=dict)
    """Number words before a plural mention ("three memoranda"); 0 when the count is vague ("several")."""
    event_words: list[str] = Field(default_factory=list)
    """Nouns that tie a signing to the reported event ("during the conference")."""
    unilateral_words: list[str] = Field(default_factory=list)
    """Words that make a named plan one government's own ("National", "Provincial"), not an agreement."""
    signed_subjects: list[str] = Field(default_factory=list)
    """Subjects of "… was signed by A" that stand for the instrument just mentioned ("The renewal", "It")."""
    weak_status_words: list[str] = Field(default_factory=list)
    """Status words that lose to any other near the mention ("under the MoU signed in 2020")."""
    anaphors: list[str] = Field(default_factory=list)
    """Nouns of "the two sides"-like subjects that stand for the two bodies the lead names ("sides")."""


class RuleSet(BaseModel):
    """All vocabularies, one section per dimension. Build with `default()`, `from_files()`, `extend()`."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    dates: DateRules = Field(default_factory=DateRules)
    people: PeopleRules = Field(default_factory=PeopleRules)
    organizations: OrganizationRules = Field(default_factory=OrganizationRules)
    countries: dict[str, CountryEntry] = Field(default_factory=dict)
    """English short name ("Laos") → its aliases and demonyms."""
    events: EventRules = Field(default_factory=EventRules)
    agreements: AgreementRules = Field(default_factory=AgreementRules)

    _compiled: dict[Callable[[RuleSet], Any], Any] = PrivateAttr(default_factory=dict)

    @classmethod
    def default(cls) -> RuleSet:
        """The rules shipped with lmcoop (``lmcoop/rules/default/*.toml``), loaded once."""
        return _default_rules()

    @classmethod
    def from_files(cls, *paths: str | Path, base: RuleSet | None = None) -> RuleSet:
        """`base` (the defaults when omitted) extended by each TOML pack in order."""
        rules = cls.default() if base is None else base
        for path in paths:
            rules = rules.extend(_read_pack(Path(path)), source=str(path))
        return rules

    def with_plugins(self) -> RuleSet:
        """These rules extended by every pack installed in the ``lmcoop.rules`` entry-point group.

        Packs are applied in entry-point name order. A pack that cannot be loaded or read raises
        `RulePackError` naming the distribution and the entry point.
        """
        rules = self
        for source, data in _installed_packs():
            rules = rules.extend(data, source=source)
        return rules

    def extend(self, pack: RuleSet | Mapping[str, Any], *, source: str = "<rules>") -> RuleSet:
        """A new RuleSet with `pack`'s words added to these; `self` is left unchanged."""
        data = pack.model_dump() if isinstance(pack, RuleSet) else dict(pack)
        merged = _merge(self.model_dump(), data)
        return _validate(merged, source)

    def compiled(self, build: Callable[[RuleSet], T]) -> T:
        """What `build` makes of these rules (a compiled pattern, a lookup table), made once per RuleSet."""
        try:
            return self._compiled[build]  # type: ignore[no-any-return]
        except KeyError:
            value = self._compiled[build] = build(self)
            return value

    def country_of(self, word: str) -> str | None:
        """The English short name for a country name, alias or demonym (any case), else None."""
        return self.compiled(_country_index).get(word.casefold())


def _country_index(rules: RuleSet) -> dict[str, str]:
    index: dict[str, str] = {}
    for name, entry in rules.countries.items():
        for word in (name, *entry.aliases, *entry.demonyms):
            index.setdefault(word.casefold(), name)
    return index


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, Mapping):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, (list, tuple)):
        return _unique([*base, *extra])
    return extra


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _validate(data: Mapping[str, Any], source: str) -> RuleSet:
    try:
        return RuleSet.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise RulePackError(
            f"{source}: key {key!r}: {first['msg']} (got {first.get('input')!r})"
            + (f"; and {error.error_count() - 1} more problem(s)" if error.error_count() > 1 else "")
        ) from None


def _read_pack(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except OSError as error:
        raise RulePackError(f"{path}: cannot read rule pack: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise RulePackError(f"{path}: not valid TOML: {error}") from None


def _installed_packs() -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(description, pack data) for each ``lmcoop.rules`` entry point, in a stable order."""
    entry_points = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (ep.name, ep.value))
    for entry_point in entry_points:
        dist = getattr(entry_point, "dist", None)
        source = (
            f"entry point {entry_point.name!r} = {entry_point.value!r} (group {ENTRY_POINT_GROUP!r}"
            + (f", distribution {dist.name!r}" if dist is not None else "")
            + ")"
        )
        try:
            offered = entry_point.load()
            if callable(offered):
                offered = offered()
        except Exception as error:  # a broken plugin must name itself, whatever it raised
            raise RulePackError(f"{source}: cannot load it: {type(error).__name__}: {error}") from error
        yield source, _pack_data(offered, source)


def _pack_data(offered: object, source: str) -> Mapping[str, Any]:
    """The sections an entry point offers: from a RuleSet, a mapping, a TOML path or a package resource."""
    if isinstance(offered, RuleSet):
        return offered.model_dump(exclude_defaults=True)
    if isinstance(offered, Mapping):
        return offered
    if isinstance(offered, (str, os.PathLike)):
        try:
            return _read_pack(Path(offered))
        except RulePackError as error:
            raise RulePackError(f"{source}: {error}") from None
    if isinstance(offered, _Resource):
        try:
            return tomllib.loads(offered.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise RulePackError(f"{source}: {offered.name}: cannot read rule pack: {error}") from None
        except tomllib.TOMLDecodeError as error:
            raise RulePackError(f"{source}: {offered.name}: not valid TOML: {error}") from None
    raise RulePackError(
        f"{source}: expected a path to a TOML rule pack, a package resource, a mapping of sections or a RuleSet"
        f" (or a function returning one), got {type(offered).__name__}"
    )


@runtime_checkable
class _Resource(Protocol):
    """A package resource (`importlib.resources.files(...) / "pack.toml"`), which may live in a zip."""

    name: str

    def read_text(self, encoding: str | None = None) -> str: ...


_DEFAULT: list[RuleSet] = []


def _default_rules() -> RuleSet:
    if not _DEFAULT:
        merged: dict[str, Any] = {}
        folder = resources.files("lmcoop.rules").joinpath("default")
        for entry in sorted(folder.iterdir(), key=lambda item: item.name):
            if entry.name.endswith(".toml"):
                try:
                    data = tomllib.loads(entry.read_text(encoding="utf-8"))
                except tomllib.TOMLDecodeError as error:
                    raise RulePackError(f"lmcoop/rules/default/{entry.name}: not valid TOML: {error}") from None
                merged = _merge(merged, data)
        _DEFAULT.append(_validate(merged, "lmcoop/rules/default"))
    return _DEFAULT[0]
