"""How sure a record is: each person, organisation, place and role gets a number in [0, 1] from the evidence
behind it (how it was linked, how often and in which shapes the article names it, how a title was attached).

The evidence is reduced to a few discrete features; a calibration table (models/confidence.yaml, fitted on the
real-news dev set by benchmarks/calibrate.py) gives the share of such records that were right. A class seen too
rarely backs off to a coarser one (its features dropped from the end), down to the group's prior, so every record
gets a number and rare classes never get an extreme one by chance. How rare is too rare, and how far a class is
pulled toward its parent, is set per group (people, organisations, places, roles) by leave-outlets-out
cross-validation (core.calibration_fit): what holds on outlets the table never saw, not on the ones it counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

ENTITY_GROUPS = ("people", "organisations", "places")
KB_MATCHES = frozenset({"exact", "alias", "acronym", "fuzzy", "surname", "partial"})


@dataclass(frozen=True)
class Evidence:
    """One record's evidence, most telling feature first: backing off drops features from the end."""

    group: str  # people, organisations, places or roles
    features: tuple[tuple[str, str], ...]

    def classes(self) -> list[str]:
        """The record's class and every coarser one, finest first, ending with the group alone."""
        keys = [f"{name}={value}" for name, value in self.features]
        return ["|".join([self.group, *keys[:size]]) for size in range(len(keys), -1, -1)]


@dataclass(frozen=True)
class Shrinkage:
    """How many records a class needs to be used (`min_count`), and how many records' worth of its parent's rate
    it is pulled toward (`smoothing`): larger values trust fine classes less."""

    min_count: int = 8
    smoothing: float = 2.0


@dataclass(frozen=True)
class Calibration:
    """Per class: (records seen, records right) on the dev set; per group, its shrinkage (else `default`)."""

    counts: Mapping[str, tuple[int, int]]
    default: Shrinkage = Shrinkage()
    shrinkage: Mapping[str, Shrinkage] = field(default_factory=dict)

    def confidence(self, evidence: Evidence) -> float:
        """The share of right records in the finest class seen often enough, pulled toward its parent class."""
        classes = evidence.classes()
        shrink = self.shrinkage.get(evidence.group, self.default)
        estimate = 0.5
        for key in reversed(classes):  # from the group's prior down to the finest class, each shrunk to the last
            seen, right = self.counts.get(key, (0, 0))
            if key != classes[-1] and seen < shrink.min_count:
                break
            estimate = (right + shrink.smoothing * estimate) / (seen + shrink.smoothing)
        return round(min(1.0, max(0.0, estimate)), 3)


def _count_bucket(number: int) -> str:
    return "1" if number <= 1 else "2-3" if number <= 3 else "4+"


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and " " not in form.strip()


def _shape(entity: Mapping) -> str:
    """How the article writes the entity: an acronym alone, one word, or several words (with an acronym)."""
    forms = entity.get("forms") or [entity.get("name", "")]
    acronyms = [f for f in forms if _is_acronym(f)]
    longest = max((len(f.split()) for f in forms), default=0)
    if acronyms and longest > 1:
        return "defined-acronym"
    if acronyms:
        return "acronym"
    return "one-word" if longest <= 1 else "words"


def _linked_by(entity: Mapping) -> str:
    match = entity.get("match") or "model"
    return match if match in KB_MATCHES or match == "shorter form" else "text"


def entity_evidence(group: str, entity: Mapping, lang: str) -> Evidence:
    """The evidence a person, organisation or place record carries (a record dict of schema 1.x)."""
    features = [("kb", "yes" if entity.get("id") else "no"), ("linked", _linked_by(entity)),
                ("shape", _shape(entity)), ("mentions", _count_bucket(len(entity.get("mentions") or ())))]
    if group == "people":
        features.append(("roles", "yes" if entity.get("roles") else "no"))
    return Evidence(group, (*features, ("lang", lang)))


def _role_organisation(role: Mapping) -> str:
    """For whom the title is held: a knowledge-base organisation, one named only in the text, or none."""
    return "kb" if role.get("organisation_id") else "text" if role.get("organisation") else "no"


def role_evidence(role: Mapping, person: Mapping, lang: str) -> Evidence:
    """The evidence behind a role: how the title was attached, for whom, how it is written (a capitalised title
    is a formal one; a lower-case one is more often a description), whether the knowledge base dates the
    person's office under that title, and whether the person is known."""
    written = "lower" if str(role.get("text") or "")[:1].islower() else "capital"
    features = (("pattern", str(role.get("pattern") or "-")), ("organisation", _role_organisation(role)),
                ("written", written), ("kb_office", "yes" if role.get("status_source") == "kb" else "no"),
                ("lang", lang), ("person_kb", "yes" if person.get("id") else "no"))
    return Evidence("roles", features)


def flat_roles(people: list[dict]) -> list[dict]:
    """The top-level `roles`: each person's roles with the person's name and id in front."""
    return [{"person": p["name"], "person_id": p["id"], **role} for p in people for role in p.get("roles", ())]


def with_confidence(record: dict, calibration: Calibration) -> dict:
    """The record with `confidence` on every entity and role (top-level roles copy their person's)."""
    lang = str(record.get("lang") or "")
    for group in ENTITY_GROUPS:
        for entity in record.get(group, ()):
            entity["confidence"] = calibration.confidence(entity_evidence(group, entity, lang))
            for role in entity.get("roles", ()) if group == "people" else ():
                role["confidence"] = calibration.confidence(role_evidence(role, entity, lang))
    if "roles" in record:
        record["roles"] = flat_roles(record.get("people", []))
    return record


def above(record: dict, threshold: float) -> dict:
    """The record without entities and roles below `threshold` (their mentions leave `entities` too)."""
    if threshold <= 0 or "error" in record:
        return record
    kept_keys = set()
    for group in ENTITY_GROUPS:
        kept = [e for e in record.get(group, ()) if e.get("confidence", 1.0) >= threshold]
        for entity in kept:
            kept_keys.add(entity.get("key"))
            if group == "people":
                entity["roles"] = [r for r in entity.get("roles", ()) if r.get("confidence", 1.0) >= threshold]
        record[group] = kept
    record["roles"] = flat_roles(record.get("people", []))
    record["entities"] = [m for m in record.get("entities", ()) if m.get("key") in kept_keys]
    return record
