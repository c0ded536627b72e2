"""One identity per real entity across a corpus: per-article observations clustered into people and organisations.

Within an article nerlibya already decided who is who; across articles an unknown person is only a spelling.
Observations join when (a) the KB linked them to one id, (b) they share a spelling of two or more parts and
nothing in their contexts conflicts, or (c) their spellings are transliteration variants (the project's name
similarity, threshold 0.84; every spelling of one alike every spelling of the other) and they share evidence:
a role's organisation, a place few documents name, or a title (unless both name organisations and none is
shared). Two clusters never join when one article holds both (it showed them as distinct), when they carry two
KB ids, or when both have roles and share neither a title nor an organisation. Candidate pairs come from
blocking keys (normalize.spelling_keys of the last name part, then of the leading parts), never from all
pairs, so the work grows with the number of distinct spellings, not its square.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

from .bulk import collector_paused
from ..core.dates import sort_key
from ..text.normalize import name_key, name_similarity, spelling_keys

SIMILARITY_THRESHOLD = 0.84  # the resolver's fuzzy_threshold: spellings of one name in the KB pass it
DISTINCTIVE_PLACE_SHARE = 0.02  # a place in more than 2% of documents ('Tripoli', 'Libya') is no evidence
DISTINCTIVE_PLACE_MIN = 3  # ... but in a small corpus a place in up to 3 documents always is
MAX_BLOCK = 64  # spellings in one blocking key beyond which the key is refined (see _refined)
MAX_TITLE_PAIRS = 400  # beyond this many title pairs, two clusters' titles are compared for equality only


@dataclass(frozen=True)
class RoleSeen:
    """A title an article gives the entity, with the organisation it names (name, and KB id if known)."""

    title: str
    organisation: str | None = None
    organisation_id: str | None = None

    @property
    def organisation_key(self) -> str | None:
        return self.organisation_id or (name_key(self.organisation) if self.organisation else None)


@dataclass(frozen=True)
class Observation:
    """One entity in one document, as the article's own resolution left it."""

    doc: int | str
    source: str
    kind: str  # 'person' or 'organisation'
    name: str
    date: str | None = None  # ISO prefix (see dates.iso_date)
    forms: tuple[str, ...] = ()
    kb_id: str | None = None
    roles: tuple[RoleSeen, ...] = ()
    places: tuple[str, ...] = ()

    @cached_property  # computed once: clustering asks for it several times per observation
    def key(self) -> str:
        return name_key(self.name)

    @property
    def title_keys(self) -> frozenset[str]:
        return frozenset(name_key(r.title) for r in self.roles)

    @property
    def organisation_keys(self) -> frozenset[str]:
        return frozenset(r.organisation_key for r in self.roles if r.organisation_key)


@dataclass(frozen=True)
class Cluster:
    """One real entity: its KB id or a stable corpus id, and everything the corpus says about it."""

    id: str
    kind: str
    kb_id: str | None
    name: str  # the most frequent spelling of the most parts
    spellings: tuple[str, ...]  # every form seen, most frequent first
    documents: tuple[int | str, ...]
    first_date: str | None
    last_date: str | None
    titles: tuple[str, ...]  # most frequent first
    observations: tuple[Observation, ...] = field(repr=False, default=())

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.source for o in self.observations))

    def to_dict(self) -> dict:
        """The row `corpus people` / `corpus organisations` print (JSON-ready)."""
        return {"id": self.id, "kind": self.kind, "kb_id": self.kb_id, "name": self.name,
                "spellings": list(self.spellings), "documents": len(self.documents), "first_date": self.first_date,
                "last_date": self.last_date, "titles": list(self.titles), "sources": list(self.sources)}


@dataclass
class _Context:
    """What a growing cluster knows, to judge evidence and conflicts with another."""

    members: list[int]
    spellings: set[str]
    docs: set
    kb_ids: set[str]
    titles: set[str]
    organisations: set[str]
    places: set[str]

    def absorb(self, other: "_Context") -> None:
        self.members += other.members
        for mine, theirs in ((self.spellings, other.spellings), (self.docs, other.docs), (self.kb_ids, other.kb_ids),
                             (self.titles, other.titles), (self.organisations, other.organisations),
                             (self.places, other.places)):
            mine |= theirs

    def conflicts(self, other: "_Context") -> bool:
        """One article holds both, two KB ids, or roles on both sides with no title or organisation in common."""
        if len(self.kb_ids | other.kb_ids) > 1 or not self.docs.isdisjoint(other.docs):
            return True
        return bool((self.titles or self.organisations) and (other.titles or other.organisations)
                    and self.organisations.isdisjoint(other.organisations)
                    and not _related_titles(self.titles, other.titles))

    def evidence(self, other: "_Context") -> bool:
        """A shared organisation or distinctive place, or a shared title unless both name organisations and
        none is shared (the mayor of Zuwara is not the mayor of Sabha)."""
        if not (self.organisations.isdisjoint(other.organisations) and self.places.isdisjoint(other.places)):
            return True
        return not (self.organisations and other.organisations) and _related_titles(self.titles, other.titles)

    def alike(self, other: "_Context", similar: set[tuple[str, str]]) -> bool:
        """Every spelling of one is a transliteration of every spelling of the other (`similar` holds the
        pairs that are): a chain of close spellings (Hamid ~ Hamed ~ Hamad) never joins two names that are
        not alike themselves."""
        return all(a == b or (a, b) in similar for a in self.spellings for b in other.spellings)


def _related_titles(a: set[str], b: set[str]) -> bool:
    """A title in common, or one that is the other with words before it ('central bank governor', 'governor')."""
    if not a.isdisjoint(b):
        return True
    return len(a) * len(b) <= MAX_TITLE_PAIRS and any(x.endswith(" " + y) or y.endswith(" " + x) for x in a for y in b)


class _Merger:
    """Union-find over the clusters the first pass built, each root holding its _Context."""

    def __init__(self, contexts: list[_Context]):
        self.parent = list(range(len(contexts)))
        self.context = dict(enumerate(contexts))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def try_join(self, a: int, b: int, similar: set[tuple[str, str]]) -> None:
        """Join two clusters of alike spellings when they share evidence and nothing conflicts."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        ca, cb = self.context[a], self.context[b]
        if ca.conflicts(cb) or not ca.evidence(cb) or not ca.alike(cb, similar):
            return
        if len(ca.members) < len(cb.members):
            a, b = b, a
        self.parent[b] = a
        self.context[a].absorb(self.context.pop(b))


def cluster(observations: Iterable[Observation]) -> list[Cluster]:
    """The entities of a corpus, one cluster each, ordered by first date then id. Deterministic: the same
    observations in any order give the same clusters and ids."""
    with collector_paused():
        return _cluster(observations)


def _cluster(observations: Iterable[Observation]) -> list[Cluster]:
    ordered = sorted(observations, key=_order)
    contexts, by_spelling = _same_spelling(ordered, _distinctive_places(ordered))
    merger = _Merger(contexts)
    pairs = _variant_pairs(list(by_spelling))
    similar = {(a[1], b[1]) for a, b in pairs} | {(b[1], a[1]) for a, b in pairs}
    for a, b in pairs:
        for x in {merger.find(i) for i in by_spelling[a]}:
            for y in {merger.find(i) for i in by_spelling[b]}:
                merger.try_join(x, y, similar)
    built = [_build(context.members, ordered) for context in merger.context.values()]
    return sorted(built, key=lambda c: (sort_key(c.first_date), c.id))


def _order(observation: Observation) -> tuple:
    """Kind, date, source, then enough to make the order total: the clustering does not depend on input order."""
    return (observation.kind, sort_key(observation.date), str(observation.source), observation.key,
            observation.kb_id or "", str(observation.doc), observation.forms)


def _same_spelling(ordered: Sequence[Observation], distinctive: set[str]
                   ) -> tuple[list[_Context], dict[tuple[str, str], list[int]]]:
    """The first pass, in one sweep: the observations of one KB id form one cluster; any other joins an earlier
    cluster of its spelling, one with shared evidence first, else (for a name of two or more parts; a lone
    surname is ambiguous) any it does not conflict with. Returns the clusters and, per (kind, spelling), the
    clusters that hold it."""
    contexts: list[_Context] = []
    by_kb_id: dict[tuple[str, str], int] = {}
    by_spelling: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, observation in enumerate(ordered):
        key = observation.key
        probe = _Context([i], {key}, {observation.doc}, {observation.kb_id} - {None}, set(observation.title_keys),
                         set(observation.organisation_keys), set(observation.places) & distinctive)
        same = by_spelling[(observation.kind, key)]
        if observation.kb_id:
            target = by_kb_id.get((observation.kind, observation.kb_id))
        else:
            target = next((c for c in same if not contexts[c].conflicts(probe) and contexts[c].evidence(probe)), None)
            if target is None and " " in key:
                target = next((c for c in same if not contexts[c].conflicts(probe)), None)
        if target is None:
            target = len(contexts)
            contexts.append(probe)
            if observation.kb_id:
                by_kb_id[(observation.kind, observation.kb_id)] = target
        else:
            contexts[target].absorb(probe)
        if target not in same:
            same.append(target)
    return contexts, by_spelling


def _variant_pairs(spellings: list[tuple[str, str]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Pairs of distinct spellings of one kind that name_similarity finds alike, most alike first (the closest
    variants join before looser ones). Candidates share a spelling key of the last part (blocking); names of
    several parts must also share one of their leading parts, checked before any similarity is computed."""
    blocks: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for spelling in spellings:
        parts = spelling[1].split()
        for key in spelling_keys(parts[-1]):
            blocks[(spelling[0], len(parts) > 1, key)].append(spelling)
    candidates = set()
    for members in blocks.values():
        for group in _refined(members, (_leading_keys, _inner_keys)):
            for n, a in enumerate(group):
                for b in group[n + 1:]:
                    if " " not in a[1] or not _leading_keys(a[1]).isdisjoint(_leading_keys(b[1])):
                        candidates.add((a, b) if a < b else (b, a))
    scored = {pair: name_similarity(pair[0][1], pair[1][1]) for pair in candidates}
    return sorted((p for p, s in scored.items() if s >= SIMILARITY_THRESHOLD), key=lambda p: (-scored[p], p))


def _refined(members: list[tuple[str, str]], keyers: tuple) -> list[list[tuple[str, str]]]:
    """A block, or if it is larger than MAX_BLOCK (a common surname, or generic words: 'National ... Council')
    its members grouped again by the next keys that alike names must share: leading parts, then inner part."""
    if len(members) <= MAX_BLOCK or not keyers:
        return [members]
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for member in members:
        for key in keyers[0](member[1]):
            groups[key].append(member)
    return [refined for group in groups.values() for refined in _refined(group, keyers[1:])]


@lru_cache(maxsize=1 << 16)
def _leading_keys(key: str) -> frozenset[str]:
    """Spelling keys of the first part, and of the leading parts written as one word ('Abdul Hamid' ~
    'Abdulhamid'), which name_similarity aligns with a shorter name's first part."""
    parts = key.split()
    return frozenset().union(*(spelling_keys("".join(parts[:n])) for n in range(1, max(len(parts), 2))))


def _inner_keys(key: str) -> frozenset[str]:
    """Spelling keys of the longest part between the first and the last ('' for a name of two parts)."""
    inner = key.split()[1:-1]
    return spelling_keys(max(inner, key=len)) if inner else frozenset({""})


def _distinctive_places(observations: Sequence[Observation]) -> set[str]:
    documents = defaultdict(set)
    for observation in observations:
        for place in observation.places:
            documents[place].add(observation.doc)
    total = len({o.doc for o in observations})
    limit = max(DISTINCTIVE_PLACE_MIN, DISTINCTIVE_PLACE_SHARE * total)
    return {place for place, docs in documents.items() if len(docs) <= limit}


def _build(members: list[int], ordered: Sequence[Observation]) -> Cluster:
    observations = tuple(ordered[i] for i in sorted(members))
    first = observations[0]
    spellings = Counter(form for o in observations for form in (o.forms or (o.name,)))
    names = Counter(o.name for o in observations)
    name = max(names, key=lambda n: (len(name_key(n).split()), names[n]))  # ties: the earliest
    dates = sorted(o.date for o in observations if o.date)
    kb_id = next((o.kb_id for o in observations if o.kb_id), None)
    titles = by_key(r.title for o in observations for r in o.roles)
    return Cluster(id=kb_id or corpus_id(first), kind=first.kind, kb_id=kb_id, name=name,
                   spellings=tuple(s for s, _ in sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))),
                   documents=tuple(dict.fromkeys(o.doc for o in observations)),
                   first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                   titles=tuple(titles),
                   observations=observations)


def by_key(texts: Iterable[str]) -> dict[str, int]:
    """Texts counted by name key ('Mayor' and 'mayor' are one title), each shown in its most frequent
    writing; most frequent first."""
    counts = Counter(texts)
    groups: dict[str, list[str]] = defaultdict(list)
    for text in sorted(counts, key=lambda t: (-counts[t], t)):
        groups[name_key(text)].append(text)
    totals = {forms[0]: sum(counts[t] for t in forms) for forms in groups.values()}
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def corpus_id(first: Observation) -> str:
    """A stable id for an entity the KB does not know, from its first observation (earliest date, then
    source): the same on every run, and unchanged when later articles are added to the corpus."""
    digest = hashlib.sha1(f"{first.kind}\n{first.key}\n{first.source}".encode("utf-8", "surrogatepass"))
    slug = re.sub(r"[^a-z0-9]+", "-", first.key).strip("-") or first.kind
    return f"corpus:{slug}-{digest.hexdigest()[:8]}"
