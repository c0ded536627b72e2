"""How extraction time grows with the length of one article (issue 11, item 9). Run by hand, never as a test:

    python benchmarks/scaling.py                 # every scenario at N, 2N and 4N
    python benchmarks/scaling.py --size 1000 --scenario names

Each scenario is one generated article whose size doubles twice. Near-linear code takes about twice as long
for twice the text (ratio ~2); code that compares every name with every earlier one takes about four times
as long (ratio ~4). The articles are synthetic and deterministic (fixed seed): invented names, no real text.
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Callable

SEED = 20261202
CONSONANTS = "bdfjklmnrst"  # letters the consonant skeleton keeps apart
VOWELS = "aeiou"


def invented_word(rng: random.Random, consonants: str) -> str:
    """A pronounceable word on these consonants, vowels drawn at random."""
    return "".join(c + rng.choice(VOWELS) for c in consonants).capitalize()


def distinct_names(count: int) -> list[str]:
    """`count` two-word names, no two of them one person: every surname has its own consonant skeleton
    (so no two are transliterations of one name), given names come from a pool of 60, as in real copy."""
    rng = random.Random(SEED)
    given = [invented_word(rng, rng.choice(CONSONANTS) + rng.choice(CONSONANTS)) for _ in range(60)]
    skeletons = [a + b + c for a in CONSONANTS for b in CONSONANTS for c in CONSONANTS]
    skeletons += [s + d for s in skeletons for d in CONSONANTS]
    rng.shuffle(skeletons)
    return [f"{rng.choice(given)} {invented_word(rng, skeleton)}" for skeleton in skeletons[:count]]


def article_of_names(count: int) -> str:
    """Each name introduced by a title, then named again by surname a few sentences later."""
    names = distinct_names(count)
    sentences = []
    for i, name in enumerate(names):
        sentences.append(f"Colonel {name} met the delegation in Tripoli on Monday.")
        if i >= 3:
            sentences.append(f"{names[i - 3].split()[-1]} said the talks would resume.")
    return " ".join(sentences) + "\n"


def article_of_envoys(count: int) -> str:
    """'Envoy of Xxx ' repeated: every title's complement ran on to the end of the article."""
    rng = random.Random(SEED)
    return "".join(f"Envoy of {invented_word(rng, rng.choice(CONSONANTS) * 2)} " for _ in range(count)) + "\n"


def article_of_one_family(count: int) -> str:
    """`count` people sharing one surname ('Xxx Haftar', random given names), each named with a title beside
    another of them, then the bare surname: every full name used to be compared with every earlier bearer."""
    rng = random.Random(SEED)
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = [f"{''.join(rng.choice(letters) for _ in range(rng.randint(3, 8))).capitalize()} Haftar"
             for _ in range(count)]
    return " ".join(f"General {name} met Colonel {rng.choice(names)} and Haftar." for name in names) + "\n"


def article_of_capitalised_run(count: int) -> str:
    """A run of capitalised words before a body's head noun ('Council Council ... Council'), one line."""
    return "The " + " ".join(["Council"] * count) + " met on Monday.\n"


SCENARIOS: dict[str, tuple[Callable[[int], str], bool, int]] = {
    # name: (article generator, rules only, N)
    "names": (article_of_names, False, 2000),
    "names-rules-only": (article_of_names, True, 2000),
    "envoys-rules-only": (article_of_envoys, True, 2500),
    "family-rules-only": (article_of_one_family, True, 500),
    "family": (article_of_one_family, False, 500),
    "names-large-rules-only": (article_of_names, True, 4000),
    "council-run-rules-only": (article_of_capitalised_run, True, 2000),
}


def seconds(extractor, text: str) -> float:
    started = time.perf_counter()
    extractor.extract(text, "scaling")
    return time.perf_counter() - started


def run(scenario: str, size: int | None) -> None:
    from nerlibya.api import Extractor

    make_article, rules_only, default_size = SCENARIOS[scenario]
    extractor = Extractor(lang="en", rules_only=rules_only)
    extractor.extract("Warm-up in Tripoli.")
    base = size or default_size
    previous = None
    for n in (base, 2 * base, 4 * base):
        text = make_article(n)
        elapsed = seconds(extractor, text)
        ratio = f"{elapsed / previous:5.2f}x" if previous else "     -"
        print(f"{scenario:18} n={n:6,d}  {len(text):9,d} chars  {elapsed:7.2f} s  ratio to previous {ratio}")
        previous = elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), action="append",
                        help="one scenario (repeatable); default: all")
    parser.add_argument("--size", type=int, help="N, the smallest count of names or titles")
    args = parser.parse_args()
    for scenario in args.scenario or list(SCENARIOS):
        run(scenario, args.size)


if __name__ == "__main__":
    main()
