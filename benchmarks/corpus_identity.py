"""Pairwise precision and recall of cross-article identity on a labelled set (issue 21). Run by hand:

    python benchmarks/corpus_identity.py [LABELLED.yaml]

The default set is tests/fixtures/corpus/identity_labelled.yaml (invented observations with known truth).
Prints the scores, then every cluster that mixes two truths (a false merge) and every truth split over
several clusters (a missed join).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from nerlibya.corpus.identity import cluster
from nerlibya.corpus.labelled import read_labelled, score_clusters

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus" / "identity_labelled.yaml"


def main(argv: list[str]) -> int:
    observations, truth = read_labelled(argv[0] if argv else DEFAULT)
    clusters = cluster(observations)
    score = score_clusters(clusters, truth)
    print(f"{len(observations)} observations, {len(set(truth.values()))} people, {len(clusters)} clusters")
    print(f"pairwise precision {score.precision:.2f} ({score.correct_pairs}/{score.predicted_pairs}), "
          f"recall {score.recall:.2f} ({score.correct_pairs}/{score.true_pairs})")
    where = defaultdict(set)
    for entity in clusters:
        labels = {truth[o] for o in entity.observations}
        if len(labels) > 1:
            print(f"false merge: {entity.id}: {sorted(labels)}")
        for label in labels:
            where[label].add(entity.id)
    for label, ids in sorted(where.items()):
        if len(ids) > 1:
            names = sorted({o.name for e in clusters if e.id in ids for o in e.observations if truth[o] == label})
            print(f"split: {label}: {len(ids)} clusters ({', '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
