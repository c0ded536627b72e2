"""The curated knowledge base: people, organisations and places, read from YAML in models/.

Records are immutable; two indexes serve lookups (scispacy's `cui_to_entity` / `alias_to_cuis` idea):
`by_id` and `by_alias`, where an alias may point to several ids on purpose (shared surnames).
"""

from __future__ import annotations

from collections import defaultdict
from collections import Counter
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .datafiles import default_kb_path, parse_yaml  # noqa: F401  (default_kb_path: part of this module's API)
from ..errors import KnowledgeBaseError
from ..text.normalize import fold, name_key

KIND_FILES = {"person": "people.yaml", "organisation": "organisations.yaml", "place": "places.yaml"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
KIND_LABEL = {"person": "PERSON", "organisation": "ORG"}
_LIST_FIELDS = ("aliases", "acronyms", "surnames")
_KNOWN_FIELDS = {
    "person": {"id", "name", "aliases", "surnames", "country", "offices", "wikidata", "sources", "gender"},
    "organisation": {"id", "name", "aliases", "acronyms", "kind", "country", "parent", "wikidata", "sources",
                     "generic_names", "shared_names"},
    "place": {"id", "name", "aliases", "acronyms", "label", "country", "wikidata", "sources", "demonyms"},
}


@dataclass(frozen=True)
class Office:
    title: str
    organisation: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class KBEntity:
    id: str
    kind: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    offices: tuple[Office, ...] = ()
    generic_names: tuple[str, ...] = ()  # keys of its names that other countries' bodies bear too
    shared_names: tuple[str, ...] = ()  # keys of another body's names the press gives this one too (its successor)

    @property
    def full_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Problem:
    path: str
    entry_id: str | None
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.entry_id or '-'}: {self.problem}"


@dataclass
class KnowledgeBase:
    """All entities plus lookup indexes; build with `load_kb` or `KnowledgeBase.from_entities`."""

    entities: tuple[KBEntity, ...]
    source: str = "<memory>"
    by_id: dict[str, KBEntity] = field(init=False)
    by_alias: dict[str, frozenset[str]] = field(init=False)
    by_acronym: dict[str, frozenset[str]] = field(init=False)
    by_surname: dict[str, frozenset[str]] = field(init=False)
    by_demonym: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entities}
        aliases, acronyms, surnames = defaultdict(set), defaultdict(set), defaultdict(set)
        self.by_demonym = {}
        for entity in self.entities:
            for name in entity.full_names:
                aliases[name_key(name)].add(entity.id)
            for acronym in entity.acronyms:
                acronyms[acronym].add(entity.id)
            for surname in entity.surnames:
                surnames[name_key(surname)].add(entity.id)
            for demonym in entity.demonyms:
                self.by_demonym[fold(demonym)] = entity.id
        self.by_alias = {k: frozenset(v) for k, v in aliases.items()}
        self.by_acronym = {k: frozenset(v) for k, v in acronyms.items()}
        self.by_surname = {k: frozenset(v) for k, v in surnames.items()}

    @classmethod
    def from_entities(cls, entities: Iterable[KBEntity], source: str = "<memory>") -> "KnowledgeBase":
        return cls(tuple(entities), source)

    def __len__(self) -> int:
        return len(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.by_id

    def __iter__(self) -> Iterator[KBEntity]:
        return iter(self.entities)

    def lookup(self, mention: str) -> frozenset[str]:
        """Ids whose name, alias or acronym is this mention (after folding)."""
        return self.by_acronym.get(mention.strip()) or self.by_alias.get(name_key(mention), frozenset())

    def people(self) -> list[KBEntity]:
        return [e for e in self.entities if e.kind == "person"]

    def to_records(self) -> list[dict]:
        """Every entity as a plain dict (JSON-ready), for saving with a pipeline."""
        return [entity_to_record(e) for e in self.entities]

    @classmethod
    def from_records(cls, records: Iterable[dict], source: str = "<memory>") -> "KnowledgeBase":
        """The inverse of `to_records`."""
        return cls.from_entities((entity_from_record(r) for r in records), source)


def entity_to_record(entity: KBEntity) -> dict:
    record = {f.name: getattr(entity, f.name) for f in fields(KBEntity)}
    record["offices"] = [{f.name: getattr(o, f.name) for f in fields(Office)} for o in entity.offices]
    return {k: list(v) if isinstance(v, tuple) else v for k, v in record.items()}


def entity_from_record(record: dict) -> KBEntity:
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k != "offices"}
    return KBEntity(**values, offices=tuple(Office(**o) for o in record.get("offices", ())))


def _strings(value, path: str, entry_id: str | None, field_name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeBaseError(path, entry_id, f"'{field_name}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _optional_string(raw: dict, key: str, path: str, entry_id: str | None) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise KnowledgeBaseError(path, entry_id, f"'{key}' must be a quoted string, got {value!r}")
    return value


def _parse_offices(raw, path: str, entry_id: str) -> tuple[Office, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise KnowledgeBaseError(path, entry_id, "'offices' must be a list")
    offices = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise KnowledgeBaseError(path, entry_id, "each office needs a 'title' string")
        offices.append(
            Office(
                title=item["title"],
                organisation=_optional_string(item, "organisation", path, entry_id),
                start=_optional_string(item, "start", path, entry_id),
                end=_optional_string(item, "end", path, entry_id),
            )
        )
    return tuple(offices)


def parse_entry(raw: object, kind: str, path: str) -> KBEntity:
    """One YAML mapping to a KBEntity; raises KnowledgeBaseError naming the entry and the problem."""
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(path, None, f"entries must be mappings, got {type(raw).__name__}")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id:
        raise KnowledgeBaseError(path, None, f"entry without a string 'id': {raw!r:.80}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KnowledgeBaseError(path, entry_id, "missing 'name'")
    unknown = set(raw) - _KNOWN_FIELDS[kind]
    if unknown:
        raise KnowledgeBaseError(path, entry_id, f"unknown field(s): {', '.join(sorted(unknown))}")
    label = KIND_LABEL.get(kind) or raw.get("label")
    if label not in ("PERSON", "ORG", *PLACE_LABELS):
        raise KnowledgeBaseError(path, entry_id, f"unknown label {label!r} (use one of {', '.join(PLACE_LABELS)})")
    lists = {key: _strings(raw.get(key), path, entry_id, key)
             for key in (*_LIST_FIELDS, "demonyms", "generic_names", "shared_names")}
    own_names = {name_key(n) for n in (name, *lists["aliases"])}
    stray = [n for n in lists["generic_names"] if name_key(n) not in own_names]
    if stray:
        raise KnowledgeBaseError(path, entry_id, f"generic name {stray[0]!r} is not its name or an alias")
    surnames = lists["surnames"]
    if kind == "person" and not surnames and len(name.split()) > 1:
        surnames = (name.split()[-1],)
    return KBEntity(
        id=entry_id,
        kind=kind,
        name=name.strip(),
        label=label,
        aliases=lists["aliases"],
        acronyms=lists["acronyms"],
        surnames=surnames,
        demonyms=lists["demonyms"],
        country=_optional_string(raw, "country", path, entry_id),
        offices=_parse_offices(raw.get("offices"), path, entry_id),
        generic_names=tuple(sorted({name_key(n) for n in lists["generic_names"]})),
        shared_names=tuple(sorted({name_key(n) for n in lists["shared_names"]})),
    )


def read_entries(folder: Path) -> Iterator[tuple[str, str, object]]:
    """(kind, file path, raw entry) for every entry of every kind file; raises on unreadable YAML."""
    for kind, filename in KIND_FILES.items():
        path = folder / filename
        if not path.is_file():
            raise KnowledgeBaseError(str(path), None, "file missing")
        try:
            data = parse_yaml(path.read_text(encoding="utf-8")) or []
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problem = " ".join(str(exc).split())
            raise KnowledgeBaseError(str(path), None, f"not valid YAML: {problem}") from None
        if not isinstance(data, list):
            raise KnowledgeBaseError(str(path), None, "top level must be a list of entries")
        for raw in data:
            yield kind, str(path), raw


def validate_kb(folder: str | Path) -> list[Problem]:
    """Every problem a curator should fix: schema errors, duplicate ids, aliases claimed twice,
    dangling organisation references, unsorted files. An empty list means the data is sound."""
    return _read_and_check(Path(folder))[0]


def check_kb(folder: str | Path) -> tuple[list[Problem], dict[str, int]]:
    """validate_kb's problems, and counts of what was checked (entries per kind, names, acronyms, offices),
    so that a curator sees that the check read what they expected."""
    problems, entities = _read_and_check(Path(folder))
    kinds = Counter(entity.kind for entity in entities)
    counts = {"people": kinds["person"], "organisations": kinds["organisation"], "places": kinds["place"],
              "names and aliases": sum(len(e.full_names) for e in entities),
              "acronyms": sum(len(e.acronyms) for e in entities), "surnames": sum(len(e.surnames) for e in entities),
              "offices": sum(len(e.offices) for e in entities)}
    return problems, counts


def _read_and_check(folder: Path) -> tuple[list[Problem], list[KBEntity]]:
    """The problems and the parsed entities, from one reading of the files."""
    try:
        raw_entries = list(read_entries(folder))
    except KnowledgeBaseError as exc:
        return [Problem(exc.path, exc.entry_id, exc.problem)], []
    problems, entities = _parse_entries(raw_entries)
    claims, alias_owner = _claim_problems(entities)
    return problems + claims + _reference_problems(raw_entries, entities, alias_owner), [e for _, e in entities]


def _parse_entries(raw_entries: list[tuple[str, str, object]]) -> tuple[list[Problem], list[tuple[str, KBEntity]]]:
    """Each entry parsed, with its file; an entry that does not parse, or breaks its file's order by id, is a
    problem."""
    problems: list[Problem] = []
    entities: list[tuple[str, KBEntity]] = []
    previous_id: dict[str, str] = {}
    for kind, path, raw in raw_entries:
        try:
            entity = parse_entry(raw, kind, path)
        except KnowledgeBaseError as exc:
            problems.append(Problem(exc.path, exc.entry_id, exc.problem))
            continue
        if previous_id.get(path, "") > entity.id:
            problems.append(Problem(path, entity.id, f"not sorted by id (comes after {previous_id[path]!r})"))
        previous_id[path] = entity.id
        entities.append((path, entity))
    return problems, entities


def _claim_problems(entities: list[tuple[str, KBEntity]]) -> tuple[list[Problem], dict[str, str]]:
    """An id, a name or an acronym that two entities claim is a problem (the first claimant keeps it); and the
    entity that owns each name key."""
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    alias_owner: dict[str, str] = {}
    acronym_owner: dict[str, str] = {}
    for path, entity in entities:
        if entity.id in seen_ids:
            problems.append(Problem(path, entity.id, f"duplicate id (also in {seen_ids[entity.id]})"))
        seen_ids.setdefault(entity.id, path)
        for name in entity.full_names:
            owner = alias_owner.setdefault(name_key(name), entity.id)
            if owner != entity.id:
                problems.append(Problem(path, entity.id, f"alias {name!r} is also claimed by {owner!r}"))
        for acronym in entity.acronyms:
            owner = acronym_owner.setdefault(acronym, entity.id)
            if owner != entity.id:
                problems.append(Problem(path, entity.id, f"acronym {acronym!r} is also claimed by {owner!r}"))
    return problems, alias_owner


def _reference_problems(raw_entries: list[tuple[str, str, object]], entities: list[tuple[str, KBEntity]],
                        alias_owner: dict[str, str]) -> list[Problem]:
    """A reference to nothing is a problem: an office's or a parent's organisation that is no organisation id,
    a shared name that is no other entity's name."""
    problems: list[Problem] = []
    org_ids = {e.id for _, e in entities if e.kind == "organisation"}
    for path, entity in entities:
        for office in entity.offices:
            if office.organisation and office.organisation not in org_ids:
                problems.append(Problem(path, entity.id, f"office organisation {office.organisation!r} is not an organisation id"))
    for path, entity in entities:
        for key in entity.shared_names:
            if alias_owner.get(key, entity.id) == entity.id:
                problems.append(Problem(path, entity.id, f"shared name {key!r} is no other entity's name"))
    for kind, path, raw in raw_entries:
        if kind == "organisation" and isinstance(raw, dict) and raw.get("parent") and raw["parent"] not in org_ids:
            problems.append(Problem(path, raw.get("id"), f"parent {raw['parent']!r} is not an organisation id"))
    return problems


@lru_cache(maxsize=8)
def load_kb(folder: str | Path | None = None) -> KnowledgeBase:
    """Load and validate a knowledge base folder (default: the packaged one); cached per folder,
    so every component of a pipeline shares one copy."""
    folder = Path(folder) if folder else default_kb_path()
    problems, entities = _read_and_check(folder)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise KnowledgeBaseError(first.path, first.entry_id, first.problem + more)
    if not entities:
        raise KnowledgeBaseError(str(folder), None, "knowledge base is empty")
    return KnowledgeBase.from_entities(entities, source=str(folder))
