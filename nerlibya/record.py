"""Turn an annotated Doc into the record users read: one entry per real entity, with mentions and roles.

This is the only module that reads nerlibya's Doc extensions; renderers only ever see records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .core import types as core
from .core.confidence import Calibration, flat_roles, with_confidence
from .core.types import Link, OrgRef, TokenRange
from .knowledge.kb import KnowledgeBase
from .text.normalize import name_key

SCHEMA_VERSION = "1.1"  # 1.1: `confidence` on every entity and role (additive)
# terminal escape sequences (CSI, OSC, two-character ESC), then any other C0/C1 control character or DEL
TERMINAL_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b\]|\x9d)[^\x07\x9c\x1b]*(?:\x07|\x9c|\x1b\\)?"
                               r"|\x1b[ -~]?|[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
CONTROL_SPACE = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1f\x85\s]+")
GROUP_OF_LABEL = {"PERSON": "people", "ORG": "organisations", "GPE": "places", "LOC": "places", "FAC": "places"}


@dataclass
class Mention:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Role:
    title: str
    organisation: str | None
    organisation_id: str | None
    status: str | None
    status_source: str | None
    of: str | None
    category: str
    pattern: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"title": self.title, "organisation": self.organisation, "organisation_id": self.organisation_id,
                "status": self.status, "status_source": self.status_source, "of": self.of,
                "category": self.category, "pattern": self.pattern, "text": self.text, "start": self.start,
                "end": self.end}


@dataclass
class EntityRecord:
    name: str
    id: str | None
    key: str
    label: str
    match: str
    score: float
    mentions: list[Mention] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def to_dict(self, group: str) -> dict:
        data = {
            "name": self.name,
            "id": self.id,
            "key": self.key,
            "label": self.label,
            "match": self.match,
            "score": self.score,
            "forms": self.forms,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if group == "people":
            data["roles"] = [r.to_dict() for r in self.roles]
        return data


@dataclass
class ArticleRecord:
    source: str
    lang: str
    people: list[EntityRecord]
    organisations: list[EntityRecord]
    places: list[EntityRecord]
    entities: list[dict]
    warnings: list[dict] = field(default_factory=list)  # components left out: [{"component", "error"}]
    calibration: Calibration | None = None  # gives each entity and role its confidence

    def to_dict(self) -> dict:
        people = [e.to_dict("people") for e in self.people]
        data = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "lang": self.lang,
            "people": people,
            "organisations": [e.to_dict("organisations") for e in self.organisations],
            "places": [e.to_dict("places") for e in self.places],
            "roles": [],
            "entities": self.entities,
        }
        if self.warnings:  # present only on a degraded document
            data["warnings"] = self.warnings
        if self.calibration is not None:
            return with_confidence(data, self.calibration)
        data["roles"] = flat_roles(people)
        return data


def printable(text: str) -> str:
    """`text` without terminal escape sequences or control characters, its whitespace one space: what a
    record's names, forms and titles may hold (article text can carry ESC/CSI/OSC sequences and NULs)."""
    return CONTROL_SPACE.sub(" ", TERMINAL_SEQUENCE.sub("", text)).strip()


def error_record(source: str, kind: str, message: str) -> dict:
    """The record a batch emits, in place of an article, for an input it could not process."""
    return {"schema_version": SCHEMA_VERSION, "source": source, "error": {"kind": kind, "message": message}}


def _canonical(forms: list[str], kb_name: str | None) -> str:
    """The KB's name, else the fullest form the article uses (most words, then longest)."""
    if kb_name:
        return kb_name
    return max(forms, key=lambda f: (len(f.split()), len(f)))


def _org_name(doc: Doc, links: dict[TokenRange, Link], org: OrgRef | None, records_by_key: dict[str, EntityRecord],
              kb: KnowledgeBase | None, trimmed: dict[int, TokenRange]) -> tuple[str | None, str | None]:
    """The organisation's record name and id; a span trimmed after the title was read ('Conseil présidentiel
    libyen' -> 'Conseil présidentiel') is found by `trimmed`, the linked span opening at each token."""
    if not org:
        return None, None
    if org.id is not None:
        entity = kb.by_id.get(org.id) if kb is not None else None
        return (entity.name if entity else org.id), org.id
    if org.span is not None:
        start, end = org.span
        link = links.get((start, end)) or links.get(trimmed.get(start, (start, end)))
        if link and link.key in records_by_key:
            record = records_by_key[link.key]
            return record.name, record.id
        return printable(doc[start:end].text), None
    later = _body_found_later(doc, links, org, records_by_key, trimmed)
    return (later.name, later.id) if later else (printable(org.text), None)


def _body_found_later(doc: Doc, links: dict[TokenRange, Link], org: OrgRef, records_by_key: dict[str, EntityRecord],
                      trimmed: dict[int, TokenRange]) -> EntityRecord | None:
    """The organisation record of a body found after the title was read, opening where its words do and at least
    as long ("directeur de l'Autorité [de lutte contre l'immigration illégale]"), or None."""
    span = trimmed.get(org.at) if org.at is not None else None
    link = links.get(span) if span else None
    record = records_by_key.get(link.key) if link else None
    if record is None or record.label != "ORG" or len(doc[span[0]:span[1]].text) < len(org.text or ""):
        return None
    return record


def _linked_name(links: dict[TokenRange, Link], span: TokenRange | None, records_by_key: dict[str, EntityRecord]) -> str | None:
    """The record name of the entity at this token span, if it is linked to one."""
    if not span:
        return None
    link = links.get(span)
    return records_by_key[link.key].name if link and link.key in records_by_key else None


def _role(doc: Doc, role: core.Role, organisation: str | None, organisation_id: str | None, of: str | None) -> Role:
    title_span = doc[role.span[0] : role.span[1]]
    return Role(title=printable(role.title), organisation=organisation, organisation_id=organisation_id,
                status=role.status, status_source=role.status_source, of=of, category=role.category,
                pattern=role.pattern, text=title_span.text, start=title_span.start_char,
                end=title_span.end_char)


def doc_to_record(doc: Doc, source: str = "-", kb: KnowledgeBase | None = None,
                  warnings: list[dict] | None = None, calibration: Calibration | None = None) -> ArticleRecord:
    """Group the Doc's linked entities into records, ordered by first mention. `warnings` name the
    components the Doc was processed without."""
    links = doc._.links or {}
    records, groups, entities = _group_mentions(doc, links)
    _name_records(records, kb)
    _attach_roles(doc, links, records, kb)
    ordered = {"people": [], "organisations": [], "places": []}
    for key, record in records.items():
        ordered[groups[key]].append(record)
    return ArticleRecord(source=source, lang=doc.lang_, entities=entities, warnings=list(warnings or []),
                         calibration=calibration, **ordered)


def _group_mentions(doc: Doc,
                    links: dict[TokenRange, Link]) -> tuple[dict[str, EntityRecord], dict[str, str], list[dict]]:
    """One record per link key, in order of first mention, with its mentions and written forms and its best
    match; the group of each key; and every entity as the record lists it."""
    records: dict[str, EntityRecord] = {}
    groups: dict[str, str] = {}
    entities = []
    for ent in doc.ents:
        label = ent.label_
        group = GROUP_OF_LABEL.get(label)
        if group is None:
            continue
        start_char, end_char, text = ent.start_char, ent.end_char, ent.text
        link = links.get((ent.start, ent.end)) or Link(f"{group}:{name_key(text)}", None, "model", 0.0)
        key = link.key
        entities.append({"text": text, "label": label, "start": start_char, "end": end_char,
                         "id": link.id, "key": key})
        record = records.get(key)
        if record is None:
            record = records[key] = EntityRecord(name="", id=link.id, key=key, label=label,
                                                 match=link.match, score=link.score)
            groups[key] = group
        record.mentions.append(Mention(text, start_char, end_char))
        form = printable(text)
        if form and form not in record.forms:
            record.forms.append(form)
        if link.score > record.score:
            record.match, record.score = link.match, link.score
    return records, groups, entities


def _name_records(records: dict[str, EntityRecord], kb: KnowledgeBase | None) -> None:
    """Each record's canonical name (the KB's if it knows the entity), and a KB place's own label."""
    for record in records.values():
        kb_entity = kb.by_id.get(record.id) if kb is not None and record.id else None
        record.name = _canonical(record.forms or ["?"], kb_entity.name if kb_entity else None)
        if kb_entity is not None and kb_entity.kind == "place":
            record.label = kb_entity.label


def _attach_roles(doc: Doc, links: dict[TokenRange, Link], records: dict[str, EntityRecord],
                  kb: KnowledgeBase | None) -> None:
    """Give each role to its person's record, once: a title written again adds only the organisation the
    first writing lacked."""
    trimmed = {span[0]: span for span in sorted(links, key=lambda span: span[1] - span[0])}
    for role in doc._.roles or []:
        link = links.get(role.person)
        person = records.get(link.key) if link else None
        if person is None:
            continue
        org_name, org_id = _org_name(doc, links, role.org, records, kb, trimmed)
        title_key = name_key(role.title)
        duplicate = next((r for r in person.roles if name_key(r.title) == title_key
                          and (r.organisation == org_name or not org_name or r.organisation is None)), None)
        if duplicate is None:
            person.roles.append(_role(doc, role, org_name, org_id, _linked_name(links, role.of, records)))
        elif duplicate.organisation is None and org_name:
            duplicate.organisation, duplicate.organisation_id = org_name, org_id
