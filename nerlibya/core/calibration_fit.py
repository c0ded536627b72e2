"""Fit the confidence calibration so that it holds on outlets it never saw, and measure that it does.

Records of one outlet are alike (its house style, its subjects), so a class counted on a few outlets looks
surer than it is on the next one. Folds here therefore hold out whole outlets: the shrinkage of each group
(core.confidence.Shrinkage) is chosen by the squared error of its confidence on held-out outlets, and
`cross_validate` reports the expected calibration error (ECE) per group on outlets left out of the fit.

Pure functions over judged records (outlet, evidence, right); nothing here runs the pipeline.
"""

from __future__ import annotations

import hashlib
import random
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .confidence import Calibration, Evidence, Shrinkage

BINS = 10
MIN_COUNTS = (8, 20, 40)
SMOOTHINGS = (2.0, 8.0, 20.0, 50.0, 100.0, 200.0)
FIXED = Shrinkage(8, 2.0)  # the one setting for every group, before shrinkage was chosen by outlet folds
FLOOR_DRAWS = 50


@dataclass(frozen=True)
class Judged:
    """One record as the gold judged it, with the outlet its article came from."""

    outlet: str
    evidence: Evidence
    right: bool

    @property
    def group(self) -> str:
        return self.evidence.group


@dataclass(frozen=True)
class FoldFigures:
    """ECE of one group over the held-out folds: mean and spread across folds, the ECE of all held-out records
    pooled, and `floor`: the mean ECE a perfectly calibrated confidence would show on folds of these sizes. `brier`
    (mean squared error of the pooled confidences) guards against a calibration that only flattens: a
    confidence equal to the base rate everywhere has a low ECE but no lower Brier score."""

    records: int
    mean: float
    spread: float
    pooled: float
    floor: float
    brier: float


Fitter = Callable[[Sequence[Judged]], Calibration]


def count_classes(judged: Iterable[Judged]) -> dict[str, tuple[int, int]]:
    """Per evidence class (and every coarser one): (records seen, records right)."""
    counts: Counter = Counter()
    for record in judged:
        for key in record.evidence.classes():
            counts[(key, "seen")] += 1
            counts[(key, "right")] += int(record.right)
    return {key: (counts[(key, "seen")], counts[(key, "right")]) for key in sorted({key for key, _ in counts})}


def outlet_fold(outlet: str, folds: int, repeat: int = 0) -> int:
    """The fold of an outlet: a stable hash of its name, reshuffled by `repeat`."""
    return int(hashlib.sha1(f"{repeat}:{outlet}".encode("utf-8")).hexdigest()[:8], 16) % folds


def split(judged: Sequence[Judged], fold: int, folds: int, repeat: int) -> tuple[list[Judged], list[Judged]]:
    """(records of the other outlets, records of the outlets in `fold`)."""
    inside = [outlet_fold(record.outlet, folds, repeat) == fold for record in judged]
    return ([r for r, held in zip(judged, inside) if not held], [r for r, held in zip(judged, inside) if held])


def choose_shrinkage(judged: Sequence[Judged], folds: int = 5, repeat: int = 99) -> dict[str, Shrinkage]:
    """Per group, the shrinkage whose confidences had the least squared error on outlets left out of the count."""
    grid = [Shrinkage(count, smoothing) for count in MIN_COUNTS for smoothing in SMOOTHINGS]
    loss: Counter = Counter()
    for fold in range(folds):
        train, test = split(judged, fold, folds, repeat)
        counts = count_classes(train)
        for setting in grid:
            calibration = Calibration(counts, default=setting)
            for record in test:
                loss[(record.group, setting)] += (calibration.confidence(record.evidence) - record.right) ** 2
    groups = sorted({record.group for record in judged})
    return {group: min(grid, key=lambda setting: (loss[(group, setting)], grid.index(setting))) for group in groups}


def fit_by_outlets(judged: Sequence[Judged]) -> Calibration:
    """The counts of every record, with per-group shrinkage chosen on held-out outlets."""
    return Calibration(count_classes(judged), default=FIXED, shrinkage=choose_shrinkage(judged))


def fit_fixed(judged: Sequence[Judged]) -> Calibration:
    """The counts of every record, with one fixed shrinkage (the calibration before outlet folds)."""
    return Calibration(count_classes(judged), default=FIXED)


def reliability(rows: Sequence[tuple[float, bool]]) -> tuple[list[dict], float]:
    """Ten equal-width bins of confidence: records, mean confidence, share right; and the ECE."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for confidence, right in rows:
        bins[min(int(confidence * BINS), BINS - 1)].append((confidence, right))
    table, ece = [], 0.0
    for index, members in enumerate(bins):
        if not members:
            continue
        mean = sum(c for c, _ in members) / len(members)
        accuracy = sum(r for _, r in members) / len(members)
        ece += len(members) / len(rows) * abs(mean - accuracy)
        table.append({"bin": f"{index / BINS:.1f}-{(index + 1) / BINS:.1f}", "records": len(members),
                      "confidence": round(mean, 3), "right": round(accuracy, 3)})
    return table, round(ece, 4)


def calibration_error(rows: Sequence[tuple[float, bool]]) -> float:
    return reliability(rows)[1] if rows else 0.0


def brier_score(rows: Sequence[tuple[float, bool]]) -> float:
    return round(sum((c - r) ** 2 for c, r in rows) / len(rows), 4) if rows else 0.0


def _floor(confidences: Sequence[float], draw: random.Random) -> float:
    """Mean ECE of outcomes drawn from the confidences themselves: what sampling alone costs on this fold."""
    return statistics.mean(calibration_error([(c, draw.random() < c) for c in confidences])
                           for _ in range(FLOOR_DRAWS))


def cross_validate(judged: Sequence[Judged], fitter: Fitter, folds: int = 5, repeats: int = 4) -> dict[str, FoldFigures]:
    """Per group and over all records: fit on the other outlets, measure ECE on each fold's outlets; `repeats`
    reshuffles outlets into folds (pooled figures are from the first shuffle, where each record is held out once)."""
    per_fold: dict[str, list[float]] = defaultdict(list)
    floors: dict[str, list[float]] = defaultdict(list)
    pooled: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    draw = random.Random(19)
    for repeat in range(repeats):
        for fold in range(folds):
            train, test = split(judged, fold, folds, repeat)
            if not test:
                continue
            calibration = fitter(train)
            rows: dict[str, list[tuple[float, bool]]] = defaultdict(list)
            for record in test:
                scored = (calibration.confidence(record.evidence), record.right)
                rows[record.group].append(scored)
                rows["all"].append(scored)
            for group, values in rows.items():
                per_fold[group].append(calibration_error(values))
                floors[group].append(_floor([c for c, _ in values], draw))
                if repeat == 0:
                    pooled[group].extend(values)
    return {group: FoldFigures(records=len(pooled[group]), mean=round(statistics.mean(values), 4),
                               spread=round(statistics.pstdev(values), 4), pooled=calibration_error(pooled[group]),
                               floor=round(statistics.mean(floors[group]), 4), brier=brier_score(pooled[group]))
            for group, values in sorted(per_fold.items())}
