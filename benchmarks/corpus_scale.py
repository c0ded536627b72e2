"""How the corpus commands scale (issue 21, item 7). Run by hand, never as a test:

    python benchmarks/corpus_scale.py                    # 25,000, 50,000 and 100,000 documents
    python benchmarks/corpus_scale.py --sizes 10000 --keep /tmp/corpus.db

For each size it writes a corpus database of generated documents (in the schema `extract -f sqlite` writes,
by bulk inserts: generating is not what is measured), then times what `corpus people` and `kb suggest` do:
reading the observations, clustering them, and writing the suggestions. Near-linear code takes about twice
as long for twice the documents. The corpus is synthetic and deterministic (fixed seed): invented names on
consonant skeletons no two people share, each written in transliteration variants (vowels, doubled letters,
'al-', 'ou'/'u'), recurring by a Zipf law as people do in news, one in ten linked to an invented KB id.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from nerlibya.corpus.identity import cluster
from nerlibya.corpus.store import read_observations
from nerlibya.corpus.suggest import suggest, to_yaml
from nerlibya.knowledge.kb import load_kb
from nerlibya.sinks.sqlite import SCHEMA, SCHEMA_VERSION

SEED = 20261207
CONSONANTS = "bdfjklmnrst"
VOWELS = "aeiou"
PEOPLE_PER_DOCUMENT, ORGANISATIONS_PER_DOCUMENT, PLACES_PER_DOCUMENT = 5, 2, 2
DOCUMENTS_PER_PERSON = 20  # the population grows with the corpus: one person per 20 documents
BODIES = ["Council", "Ministry", "Brigade", "Authority", "Company", "Office"]
TITLES = ["Minister of Health", "Prime Minister", "Mayor", "Governor", "Commander", "Spokesman", "Director",
          "Ambassador", "Deputy Prime Minister", "Head", "Chief of Staff", "Minister of Finance"]


def word(rng: random.Random, skeleton: str) -> str:
    return "".join(c + rng.choice(VOWELS) for c in skeleton).capitalize()


def variant(rng: random.Random, name: str) -> str:
    """One way an outlet writes this name: a vowel changed, a letter doubled, 'al-' added, or as is."""
    given, surname = name.split(" ", 1)
    choice = rng.randrange(4)
    if choice == 0:
        i = rng.choice([i for i, c in enumerate(surname) if c in VOWELS])
        surname = surname[:i] + {"a": "e", "e": "i", "i": "e", "o": "ou", "u": "ou"}[surname[i]] + surname[i + 1:]
    elif choice == 1:
        i = rng.randrange(1, len(surname))
        surname = surname[:i] + surname[i] + surname[i:]
    elif choice == 2:
        surname = "al-" + surname
    return f"{given} {surname}"


def population(rng: random.Random, count: int) -> list[tuple[tuple[str, ...], str | None, str, str]]:
    """(spellings, KB id or None, title, organisation) per person; no two share a surname skeleton. Each person
    has four spellings (outlets keep to their own way of writing a name) and an organisation of their own,
    named '<body> of <word>' on a skeleton of its own."""
    given = [word(rng, rng.choice(CONSONANTS) + rng.choice(CONSONANTS)) for _ in range(60)]
    skeletons = [a + b + c + d for a in CONSONANTS for b in CONSONANTS for c in CONSONANTS for d in CONSONANTS]
    rng.shuffle(skeletons)
    people = []
    for n, skeleton in enumerate(skeletons[:count]):
        name = f"{rng.choice(given)} {word(rng, skeleton)}"
        people.append(((name, *(variant(rng, name) for _ in range(3))), f"kb-person-{n}" if n % 10 == 0 else None, rng.choice(TITLES),
                       f"{rng.choice(BODIES)} of {word(rng, skeletons[count + n])}"))
    return people


def write_corpus(path: Path, documents: int) -> None:
    rng = random.Random(SEED)
    people = population(rng, max(1, documents // DOCUMENTS_PER_PERSON))
    weights = [1 / (rank + 1) for rank in range(len(people))]
    places = [word(rng, rng.choice(CONSONANTS) + rng.choice(CONSONANTS) + "t") for _ in range(300)]
    db = sqlite3.connect(path)
    db.executescript(f"{SCHEMA} PRAGMA user_version = {SCHEMA_VERSION};")
    entities: dict[str, int] = {}
    rows = {"documents": [], "mentions": [], "roles": []}

    def entity(key: str, kb_id: str | None, kind: str, name: str) -> int:
        if key not in entities:
            entities[key] = len(entities) + 1
            db.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", (entities[key], key, kb_id, kind, name, "X"))
        return entities[key]

    for doc in range(1, documents + 1):
        rows["documents"].append((doc, f"doc{doc:06d}.txt", "en", None, "2026-12-07T00:00:00+00:00",
                                  f"{2011 + doc * 14 // documents:04d}-{1 + doc % 12:02d}-{1 + doc % 28:02d}", None, None))
        for spellings, kb_id, title, organisation in {p[0]: p for p in rng.choices(people, weights, k=PEOPLE_PER_DOCUMENT)}.values():
            name = spellings[0]
            written = name if kb_id or rng.random() < 0.7 else rng.choice(spellings[1:])
            person = entity(kb_id or f"people:{written.lower()}", kb_id, "person", name if kb_id else written)
            rows["mentions"].append((doc, person, written, 0, len(written), "PERSON", "model"))
            if rng.random() < 0.6:
                org = entity(f"organisations:{organisation.lower()}", None, "organisation", organisation)
                rows["mentions"].append((doc, org, organisation, 0, len(organisation), "ORG", "model"))
                rows["roles"].append((doc, person, title, organisation, org, None, None, None, "office",
                                      "before-name", title, 0, len(title)))
        for place in rng.sample(places, PLACES_PER_DOCUMENT):
            rows["mentions"].append((doc, entity(f"places:{place.lower()}", None, "place", place), place, 0, 1, "GPE", "model"))
    db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows["documents"])
    db.executemany("INSERT INTO mentions (document_id, entity_id, text, start_char, end_char, label, match) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)", rows["mentions"])
    db.executemany("INSERT INTO roles (document_id, person_id, title, organisation, organisation_id, of_person, status, "
                   "status_source, category, pattern, text, start_char, end_char) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["roles"])
    db.commit()
    db.close()


def measure(path: Path) -> dict[str, float]:
    """Wall and CPU seconds (this process) of each step: on a shared machine the CPU time is the fair figure."""
    times: dict[str, float] = {}
    wall, cpu = time.perf_counter(), time.process_time()

    def lap(step: str) -> None:
        nonlocal wall, cpu
        times[step], times[step + " cpu"] = time.perf_counter() - wall, time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()

    observations = read_observations(path)
    lap("read")
    clusters = cluster(observations)
    lap("cluster")
    text = to_yaml(suggest(clusters, load_kb(), min_documents=3))
    lap("suggest")
    times.update(observations=len(observations), clusters=len(clusters), suggested=text.count("\n- id:"))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    parser.add_argument("--keep", type=Path, help="write the largest corpus here and keep it")
    args = parser.parse_args(argv)
    load_kb()  # loaded once, outside the timings, as the CLI does before it reads a corpus
    print(f"{'documents':>10} {'observations':>12} {'clusters':>9} {'suggested':>9}   seconds, wall (cpu): "
          f"read, cluster, suggest, total")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = args.keep if args.keep and size == max(args.sizes) else Path(folder) / f"corpus-{size}.db"
            path.unlink(missing_ok=True)
            write_corpus(path, size)
            t = measure(path)
            steps = ("read", "cluster", "suggest")
            figures = [f"{t[s]:.1f} ({t[s + ' cpu']:.1f})" for s in steps]
            figures.append(f"{sum(t[s] for s in steps):.1f} ({sum(t[s + ' cpu'] for s in steps):.1f})")
            print(f"{size:>10,} {t['observations']:>12,} {t['clusters']:>9,} {t['suggested']:>9,}   "
                  + ", ".join(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
