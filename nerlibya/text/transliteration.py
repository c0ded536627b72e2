"""How alike two transliterated name parts are, judged by the ways outlets write Arabic names in Latin letters.

A consonant skeleton alone says 'Masri' ~ 'Mishri' and 'Hamad' ~ 'Hamid', which are different people. Outlets
vary a name in known places (short vowels, doubled letters, a final h, q/g/k, sh/ch, dh/z, ou/w), so the score is
one minus a weighted edit distance in which those variations are cheap and any other change costs a full letter.
The variations are data (models/transliteration.yaml), not code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError
from ..knowledge.datafiles import default_kb_path, parse_yaml

DATA_FILE = "transliteration.yaml"


@dataclass(frozen=True)
class Transliteration:
    """The rewrites and costs of one comparison scheme."""

    rewrites: tuple[tuple[re.Pattern, str], ...]
    substitution_costs: dict[tuple[str, str], float]  # both orders of each cheap pair
    gap_letters: frozenset[str]
    gap_cost: float
    final_gap_letters: frozenset[str]
    short_forms: dict[str, frozenset[str]] = field(default_factory=dict)  # 'chris' <-> 'christopher', both ways

    def normalise(self, part: str) -> str:
        for pattern, replacement in self.rewrites:
            part = pattern.sub(replacement, part)
        return re.sub(r"(.)\1+", r"\1", part)

    def gap(self, letter: str, final: bool = False) -> float:
        """Cost of writing or leaving out `letter`; `final`: it ends its part."""
        cheap = letter in self.gap_letters and (not final or letter in self.final_gap_letters)
        return self.gap_cost if cheap else 1.0

    def gaps(self, part: str) -> list[float]:
        """The cost of writing or leaving out each letter of `part`, its last letter as final."""
        last = len(part) - 1
        return [self.gap(letter, i == last) for i, letter in enumerate(part)]

    def distance(self, a: str, b: str, limit: float = math.inf) -> float:
        """Weighted Levenshtein distance between two normalised parts (one row of costs at a time, the
        costs of each letter looked up once: this runs for every new pair of name parts). Past `limit` it
        stops and returns a lower bound above `limit` (no row's smallest cost ever shrinks further on)."""
        b_gaps, costs = self.gaps(b), self.substitution_costs
        previous = [0.0]
        for cost in b_gaps:
            previous.append(previous[-1] + cost)
        for x, x_gap in zip(a, self.gaps(a)):
            left = previous[0] + x_gap
            current = [left]
            for j, y in enumerate(b):
                left = min(previous[j + 1] + x_gap, left + b_gaps[j], previous[j] + (0.0 if x == y else costs.get((x, y), 1.0)))
                current.append(left)
            previous = current
            if limit < math.inf and min(previous) > limit:
                return min(previous)
        return previous[-1]


def parse_scheme(raw: dict, source: str) -> Transliteration:
    try:
        rewrites = tuple((re.compile(pattern), replacement) for pattern, replacement in raw["rewrites"])
        costs = {pair: float(cost) for a, b, cost in raw["cheap_pairs"] for pair in ((a, b), (b, a))}
        partners: dict[str, set[str]] = {}
        for short, full in raw.get("short_forms", []):
            partners.setdefault(short, set()).add(full)
            partners.setdefault(full, set()).add(short)
        short_forms = {name: frozenset(others) for name, others in partners.items()}
        return Transliteration(rewrites, costs, frozenset(raw["gap_letters"]), float(raw["gap_cost"]),
                               frozenset(raw.get("final_gap_letters", raw["gap_letters"])), short_forms)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise KnowledgeBaseError(source, None, f"invalid transliteration scheme: {exc}") from None


@lru_cache(maxsize=1)
def default_scheme() -> Transliteration:
    path: Path = default_kb_path() / DATA_FILE
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(str(path), None, f"cannot read: {exc}") from None
    return parse_scheme(raw, str(path))


@lru_cache(maxsize=16384)
def normalised(part: str) -> str:
    """A folded name part as the default scheme writes it (one part is compared with many others)."""
    return default_scheme().normalise(part)


def short_form_partners(part: str) -> frozenset[str]:
    """The given names a folded name part is the short or the full form of ('chris' -> 'christopher')."""
    return default_scheme().short_forms.get(part, frozenset())


@lru_cache(maxsize=65536)
def part_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two folded name parts (lower case, no accents)."""
    scheme = default_scheme()
    na, nb = normalised(a), normalised(b)
    if na == nb or b in short_form_partners(a):
        return 1.0  # 'Chris' is 'Christopher' as the article writes him a second time
    shorter, longer = sorted((na, nb), key=len)
    if longer.startswith(shorter) and not scheme.final_gap_letters.issuperset(longer[len(shorter):]):
        return 0.0  # a name and a longer one built on it are two names: 'Ali'/'Alia', 'Abdel'/'Abdelkarim'
    longest = max(len(na), len(nb))
    return max(0.0, 1.0 - scheme.distance(na, nb) / longest) if longest else 0.0


# how far past the exact limit a distance must be to fail `parts_alike` without being finished (rounding)
LIMIT_MARGIN = 1e-9


@lru_cache(maxsize=65536)
def parts_alike(a: str, b: str, threshold: float) -> bool:
    """part_similarity(a, b) >= threshold, the same answer; a pair that cannot reach it is dropped as soon as
    its distance passes what the threshold allows (most pairs compared with a list differ from the first
    letters on)."""
    na, nb = normalised(a), normalised(b)
    longest = max(len(na), len(nb))
    limit = (1.0 - threshold) * longest + LIMIT_MARGIN
    if na != nb and longest and b not in short_form_partners(a):
        scheme = default_scheme()
        # every letter one part has over the other is a gap, and no gap costs less than the cheapest one
        if abs(len(na) - len(nb)) * min(scheme.gap_cost, 1.0) > limit or scheme.distance(na, nb, limit) > limit:
            return False
    return part_similarity(a, b) >= threshold
