"""Labelled identity sets: observations with the real person each one is, and pairwise precision and recall.

A pair of observations is predicted together when they fall in one cluster, and truly together when they share
a label; precision is the share of predicted pairs that are true, recall the share of true pairs predicted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Hashable, Sequence

from ..core.dates import iso_date
from ..knowledge.datafiles import parse_yaml
from .identity import Cluster, Observation, RoleSeen


@dataclass(frozen=True)
class PairwiseScore:
    precision: float
    recall: float
    predicted_pairs: int
    true_pairs: int
    correct_pairs: int


def read_labelled(path: str | Path) -> tuple[list[Observation], dict[Observation, str]]:
    """The observations of a labelled YAML file (see tests/fixtures/corpus/identity_labelled.yaml) and their truth."""
    observations, truth = [], {}
    for document in parse_yaml(Path(path).read_text(encoding="utf-8")):
        for person in document["people"]:
            observation = Observation(
                doc=document["source"], source=document["source"], kind="person", name=person["name"],
                date=iso_date(str(document.get("date") or "")), forms=tuple(person.get("forms") or (person["name"],)),
                kb_id=person.get("kb"), roles=tuple(RoleSeen(t, o) for t, o in person.get("roles") or ()),
                places=tuple(document.get("places") or ()))
            observations.append(observation)
            truth[observation] = person["truth"]
    return observations, truth


def pairwise(predicted: Sequence[Hashable], truth: Sequence[Hashable]) -> PairwiseScore:
    """Pairwise scores of a clustering (`predicted[i]` is observation i's cluster, `truth[i]` its label)."""
    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together, true, correct = pairs(Counter(predicted)), pairs(Counter(truth)), pairs(Counter(zip(predicted, truth)))
    return PairwiseScore(correct / together if together else 1.0, correct / true if true else 1.0,
                         together, true, correct)


def score_clusters(clusters: Sequence[Cluster], truth: dict[Observation, str]) -> PairwiseScore:
    assigned = {o: c.id for c in clusters for o in c.observations}
    ordered = list(truth)
    return pairwise([assigned[o] for o in ordered], [truth[o] for o in ordered])
