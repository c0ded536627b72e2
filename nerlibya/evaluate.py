"""Score extraction against gold annotations (tests/gold/*.jsonl; format in tests/gold/GUIDELINES.md).

Document-level scoring: per article, each predicted entity may match one gold entity (they match when
they share a surface form, after folding case, accents, articles and 'al-'); a second predicted record
for an entity already matched counts as a false positive, a gold entity never matched as a false
negative. Roles are scored as (person, title) pairs over matched people. The baseline is what a bare
spaCy pipeline gives: one entity per distinct text, by label, and no roles.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .text.normalize import name_key

CATEGORIES = ("people", "organisations", "places", "roles")
BASELINE_GROUPS = {"PERSON": "people", "PER": "people", "ORG": "organisations", "GPE": "places", "LOC": "places",
                   "FAC": "places"}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """F1; a category with nothing to find and nothing found counts as perfect, not as zero."""
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Score:
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    documents: int = 0

    def add(self, other: "Score") -> None:
        for category in CATEGORIES:
            self.counts[category].add(other.counts[category])
        self.documents += other.documents

    def to_dict(self) -> dict:
        return {"documents": self.documents, **{c: self.counts[c].to_dict() for c in CATEGORIES}}


def read_gold(path: str | Path) -> list[dict]:
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError(f"{path}:{number}: not a gold document (a JSON object with a string 'text')")
            items.append(item)
    return items


def _keys(entity: dict) -> set[str]:
    """Surface forms of an entity; for a knowledge-base entity also its KB names (added by `with_kb_names`)."""
    forms = list(entity.get("forms", [])) + [entity.get("name", "")] + list(entity.get("kb_names", []))
    return {name_key(f) for f in forms if f and name_key(f)}


def _title_key(title: str) -> str:
    return name_key(title).replace(".", "")


def match_entities(predicted: list[dict], gold: list[dict]) -> tuple[Counts, list[tuple[dict, dict]]]:
    """One-to-one matching by shared surface forms; returns counts and the matched pairs."""
    gold_keys = [_keys(g) for g in gold]
    used: set[int] = set()
    pairs = []
    for entity in predicted:
        keys = _keys(entity)
        hit = next((i for i, gk in enumerate(gold_keys) if i not in used and keys & gk), None)
        if hit is not None:
            used.add(hit)
            pairs.append((entity, gold[hit]))
    counts = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    return counts, pairs


def judge_roles(pairs: list[tuple[dict, dict]], predicted: list[dict]) -> Iterator[tuple[dict, dict, bool]]:
    """(role, person, right) for every predicted role: right when its person matched a gold person who has a
    role of the same title not already taken by another predicted role."""
    gold_of = {id(p): g for p, g in pairs}
    for person in predicted:
        gold_person = gold_of.get(id(person))
        wanted = [_title_key(r["title"]) for r in gold_person.get("roles", [])] if gold_person else []
        for role in person.get("roles", []):
            key = _title_key(role["title"])
            right = key in wanted
            if right:
                wanted.remove(key)
            yield role, person, right


def match_roles(pairs: list[tuple[dict, dict]], predicted: list[dict], gold: list[dict]) -> Counts:
    judged = [right for _, _, right in judge_roles(pairs, predicted)]
    tp = sum(judged)
    return Counts(tp=tp, fp=len(judged) - tp, fn=sum(len(g.get("roles", [])) for g in gold) - tp)


def judge_document(predicted: dict, gold: dict) -> Iterator[tuple[str, dict, dict | None, bool]]:
    """(group, entity or role, its person for a role, right) for everything a record predicts, judged as
    `score_document` counts it: what calibration is fitted on."""
    for category in ("people", "organisations", "places"):
        entities = predicted.get(category, [])
        _, pairs = match_entities(entities, gold.get(category, []))
        matched = {id(p) for p, _ in pairs}
        for entity in entities:
            yield category, entity, None, id(entity) in matched
        if category == "people":
            for role, person, right in judge_roles(pairs, entities):
                yield "roles", role, person, right


def with_kb_names(record: dict, kb) -> dict:
    """A prediction linked to a KB entry matches gold under any of that entry's names: 'Chambre des
    représentants' in the gold is the House of Representatives the system linked."""
    for group in ("people", "organisations", "places"):
        for entity in record.get(group, []):
            if entity.get("id") and entity["id"] in kb:
                entity["kb_names"] = list(kb.by_id[entity["id"]].full_names) + list(kb.by_id[entity["id"]].acronyms)
    return record


def score_document(predicted: dict, gold: dict) -> Score:
    score = Score(documents=1)
    for category in ("people", "organisations", "places"):
        counts, pairs = match_entities(predicted.get(category, []), gold.get(category, []))
        score.counts[category] = counts
        if category == "people":
            score.counts["roles"] = match_roles(pairs, predicted.get("people", []), gold.get("people", []))
    return score


def baseline_record(doc) -> dict:
    """What bare spaCy gives a user: distinct entity texts per label, no merging, no roles."""
    record = {"people": [], "organisations": [], "places": []}
    seen = set()
    for ent in doc.ents:
        group = BASELINE_GROUPS.get(ent.label_)
        if group and (group, ent.text) not in seen:
            seen.add((group, ent.text))
            record[group].append({"name": ent.text, "forms": [ent.text], "roles": []})
    return record


def evaluate(gold: Iterable[dict], systems: dict[str, Callable[[str, str], dict]]) -> dict:
    """{system: {lang: {split: Score}}} for every gold document, each system called as f(text, lang)."""
    results: dict[str, dict[str, dict[str, Score]]] = {name: {} for name in systems}
    for item in gold:
        lang, split = item.get("lang", "en"), item.get("split", "dev")
        for name, system in systems.items():
            per_lang = results[name].setdefault(lang, {})
            score = score_document(system(item["text"], lang), item)
            per_lang.setdefault(split, Score()).add(score)
            per_lang.setdefault("all", Score()).add(score)
    return results


@dataclass(frozen=True)
class Interval:
    """A 95% (or other) bootstrap interval of one figure."""

    low: float
    high: float

    def to_dict(self) -> dict:
        return {"low": round(self.low, 4), "high": round(self.high, 4)}


def bootstrap_intervals(documents: list[Score], draws: int = 1000, seed: int = 19,
                        level: float = 0.95) -> dict[str, dict[str, Interval]]:
    """{category: {precision|recall|f1: Interval}} by resampling whole documents with replacement: the
    articles, not the entities, are the unit drawn, since the errors of one article hang together."""
    import random

    rng = random.Random(seed)
    samples: dict[str, dict[str, list[float]]] = {c: {"precision": [], "recall": [], "f1": []} for c in CATEGORIES}
    for _ in range(draws if documents else 0):
        total = Score()
        for score in rng.choices(documents, k=len(documents)):
            total.add(score)
        for category in CATEGORIES:
            counts = total.counts[category]
            for figure in ("precision", "recall", "f1"):
                samples[category][figure].append(getattr(counts, figure))
    return {c: {figure: _percentile_interval(values, level) for figure, values in by_figure.items()}
            for c, by_figure in samples.items()}


def _percentile_interval(values: list[float], level: float) -> Interval:
    if not values:
        return Interval(0.0, 0.0)
    ordered = sorted(values)
    tail = (1 - level) / 2
    last = len(ordered) - 1
    return Interval(ordered[round(tail * last)], ordered[round((1 - tail) * last)])


def document_errors(predicted: dict, gold: dict) -> dict[str, dict[str, list[str]]]:
    """{category: {"false_positives": [...], "false_negatives": [...]}} of one document, each entity by its
    name and forms, each role as "person: title"; the same matching as `score_document`."""
    errors: dict[str, dict[str, list[str]]] = {}
    for category in ("people", "organisations", "places"):
        found, wanted = predicted.get(category, []), gold.get(category, [])
        _, pairs = match_entities(found, wanted)
        matched = {id(entity) for pair in pairs for entity in pair}
        errors[category] = {"false_positives": [_shown(e) for e in found if id(e) not in matched],
                            "false_negatives": [_shown(e) for e in wanted if id(e) not in matched]}
        if category == "people":
            errors["roles"] = _role_errors(pairs, found, wanted)
    return errors


def _shown(entity: dict) -> str:
    forms = [f for f in dict.fromkeys(entity.get("forms", [])) if f != entity.get("name")]
    return entity.get("name", "") + (f" ({' | '.join(forms)})" if forms else "")


def _role_errors(pairs: list[tuple[dict, dict]], predicted: list[dict], gold: list[dict]) -> dict[str, list[str]]:
    """The roles `match_roles` counts as wrong or missing, each as "person: title": `judge_roles` both ways (a
    gold role judged against its matched prediction is missing when nothing took it)."""
    def unmatched(judged) -> list[str]:
        return [f"{person.get('name')}: {role['title']}" for role, person, right in judged if not right]

    return {"false_positives": unmatched(judge_roles(pairs, predicted)),
            "false_negatives": unmatched(judge_roles([(g, p) for p, g in pairs], gold))}
