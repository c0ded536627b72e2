"""Fitting the confidence calibration by outlet folds (core.calibration_fit) and the `cv` report of
benchmarks/calibrate.py, on made-up judged records (no pipeline is run)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from nerlibya.core.calibration_fit import (FIXED, Judged, brier_score, choose_shrinkage, count_classes,
                                           cross_validate, fit_by_outlets, fit_fixed, outlet_fold, reliability, split)
from nerlibya.core.confidence import Evidence

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "calibrate.py"
REAL_SPLIT = Path(__file__).resolve().parent / "gold" / "real_split.py"


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def role(outlet: str, pattern: str, right: bool) -> Judged:
    return Judged(outlet, Evidence("roles", (("pattern", pattern),)), right)


def outlet_shift() -> list[Judged]:
    """Forty outlets write titles the usual way (eight in ten right); two more each write many titles in a rare
    way, all right at one and all wrong at the other: pooled, the rare way looks like a coin toss, but whichever
    outlet comes next, the count of the other one misleads."""
    usual = [role(f"outlet{n}", "before-name", k < 8) for n in range(40) for k in range(10)]
    first = "house-a"
    second = next(name for name in (f"house-{n}" for n in range(100))  # in another fold than the first
                  if all(outlet_fold(name, 5, repeat) != outlet_fold(first, 5, repeat) for repeat in (0, 99)))
    rare = [role(first, "clause", True) for _ in range(30)] + [role(second, "clause", False) for _ in range(30)]
    return usual + rare


def test_classes_are_counted_with_every_coarser_one():
    records = [role("a", "clause", True), role("b", "clause", False), role("a", "before-name", True)]
    assert count_classes(records) == {"roles": (3, 2), "roles|pattern=before-name": (1, 1),
                                      "roles|pattern=clause": (2, 1)}


def test_an_outlet_is_never_on_both_sides_of_a_fold():
    records = outlet_shift()
    for fold in range(5):
        train, test = split(records, fold, 5, 0)
        assert len(train) + len(test) == len(records)
        assert not {r.outlet for r in train} & {r.outlet for r in test}
    assert outlet_fold("house-a", 5, 0) == outlet_fold("house-a", 5, 0)


def test_shrinkage_is_chosen_for_what_holds_on_the_next_outlet():
    chosen = choose_shrinkage(outlet_shift())["roles"]
    assert chosen.min_count > 30 or chosen.smoothing >= 50  # the rare way's count is not trusted as it stands
    assert chosen != FIXED


def test_held_out_outlets_get_closer_confidences_by_outlet_folds_than_by_the_fixed_shrinkage():
    records = outlet_shift()
    fixed = cross_validate(records, fit_fixed, repeats=2)
    by_outlets = cross_validate(records, fit_by_outlets, repeats=2)
    assert set(fixed) == {"roles", "all"} and fixed["roles"].records == len(records)
    assert by_outlets["roles"].brier < fixed["roles"].brier - 0.02
    assert 0 <= by_outlets["roles"].floor <= 1 and by_outlets["roles"].spread >= 0


def test_reliability_and_brier_of_a_few_rows():
    table, ece = reliability([(0.95, True), (0.95, False), (0.15, False)])
    assert [row["records"] for row in table] == [1, 2]
    assert ece == pytest.approx((1 * 0.15 + 2 * 0.45) / 3, abs=1e-4)
    assert brier_score([(1.0, True), (0.5, False)]) == 0.125
    assert brier_score([]) == 0.0


def test_folds_group_outlets_as_the_frozen_split_does():
    calibrate, real_split = load(SCRIPT, "calibrate"), load(REAL_SPLIT, "real_split")
    for outlet in ("www.Libya Herald", "Reuters", "un.org", " AFP "):
        assert calibrate.outlet_name({"outlet": outlet}) == real_split.outlet_key(outlet)
