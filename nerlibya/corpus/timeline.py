"""Who held which office when, read from the clusters: a person's timeline, and the holders of one office.

A row is one (title, organisation) of one entity, with the first and last dates of the articles that give it,
how many articles do, and which (the sources are the claim's evidence). Dates are the articles' dates: when
an office was reported, which brackets, but is not, when it was held.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..core.dates import sort_key
from ..errors import NerlibyaError
from ..text.normalize import name_key, name_similarity
from .identity import SIMILARITY_THRESHOLD, Cluster, by_key

MAX_LISTED = 5  # candidates named in an 'ambiguous' message


class EntityNotFound(NerlibyaError):
    """No entity, or more than one, answers to the name or id asked for."""

    kind = "input"


@dataclass(frozen=True)
class TimelineRow:
    entity_id: str
    name: str
    title: str
    organisation: str | None
    organisation_id: str | None  # a KB id, when the articles' organisation is one the KB knows
    first_date: str | None
    last_date: str | None
    documents: int
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.entity_id, "name": self.name, "title": self.title, "organisation": self.organisation,
                "organisation_id": self.organisation_id, "first_date": self.first_date, "last_date": self.last_date,
                "documents": self.documents, "sources": list(self.sources)}


def find_entity(clusters: Sequence[Cluster], query: str) -> Cluster:
    """The one cluster `query` names: a KB id, a corpus id, a spelling seen, or else a transliteration of one.
    EntityNotFound, in one line, when none or several do."""
    exact = [c for c in clusters if query in (c.id, c.kb_id)]
    if exact:
        return exact[0]
    key = name_key(query)
    for found in ([c for c in clusters if any(name_key(s) == key for s in c.spellings)],
                  [c for c in clusters if any(name_similarity(s, query) >= SIMILARITY_THRESHOLD for s in c.spellings)]):
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(f"{c.id} ({c.name})" for c in found[:MAX_LISTED])
            more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
            raise EntityNotFound(f"{query!r} names {len(found)} entities: {names}{more}; ask for one by its id")
    raise EntityNotFound(f"{query!r}: no entity of the corpus has this id or spelling")


def timeline(entity: Cluster) -> list[TimelineRow]:
    """The entity's titles over time, one row per (title, organisation), earliest first."""
    groups: dict[tuple[str, str | None], list] = defaultdict(list)
    for observation in entity.observations:
        for role in observation.roles:
            groups[(name_key(role.title), role.organisation_key)].append((role, observation))
    return sorted((_row(entity, seen) for seen in groups.values()),
                  key=lambda r: (sort_key(r.first_date), sort_key(r.last_date), r.title))


def office_holders(clusters: Iterable[Cluster], office: str) -> list[TimelineRow]:
    """Everyone the corpus gives this title (compared by name key: 'prime minister' is 'Prime Minister', not
    'Deputy Prime Minister'), with when: one row per holder and organisation, earliest first."""
    wanted = name_key(office)
    rows = [row for entity in clusters if entity.kind == "person"
            for row in timeline(entity) if name_key(row.title) == wanted]
    return sorted(rows, key=lambda r: (sort_key(r.first_date), sort_key(r.last_date), r.name))


def _row(entity: Cluster, seen: list) -> TimelineRow:
    dates = sorted(o.date for _, o in seen if o.date)
    organisations = by_key(r.organisation for r, _ in seen if r.organisation)
    return TimelineRow(entity_id=entity.id, name=entity.name, title=next(iter(by_key(r.title for r, _ in seen))),
                       organisation=next(iter(organisations), None),
                       organisation_id=next((r.organisation_id for r, _ in seen if r.organisation_id), None),
                       first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                       documents=len({o.doc for _, o in seen}),
                       sources=tuple(dict.fromkeys(o.source for _, o in seen)))
