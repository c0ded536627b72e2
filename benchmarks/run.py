"""Benchmark nerlibya against bare spaCy on one generated corpus (issue 6). Run by hand, never as a test:

    python benchmarks/run.py            # full run: 2,000+ articles, 1,000,000+ words, medians of 3
    python benchmarks/run.py --quick    # smoke run: 200 articles, 1 repeat
    python benchmarks/run.py --repeats 5 --keep

Every throughput figure is measured on the same English documents (the baseline is an English model),
repeats are interleaved (one round of every measurement, then the next) so that machine drift hits all
of them alike, and the median is reported. Figures go to benchmarks/out/results.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = Path(__file__).resolve().parent / "out"
SEED = 20250912
TIME_BIN = "/usr/bin/time"

# Names and places swapped into the generated variants: a mix of knowledge-base entries and names the
# knowledge base does not know, so the resolver's exact, fuzzy and "unknown" paths all get exercised.
PEOPLE = {
    "libyan": ["Khalifa Haftar", "Saddam Haftar", "Abdul Hamid Dbeibah", "Mohamed al-Menfi", "Aguila Saleh",
               "Fathi Bashagha", "Osama Hamad", "Khaled al-Mishri", "Mohamed Takala", "Farhat Bengdara",
               "Masoud Suleman", "Abdullah al-Lafi", "Musa al-Koni", "Najla Mangoush", "Imad Trabelsi",
               "Osama al-Juwaili", "Ahmed al-Mismari", "Khaled Haftar", "Belgasem Haftar", "Naji Issa",
               "Salem al-Warfalli", "Hamza Ben Ammar", "Faraj Abushagur", "Mabrouka al-Zway", "Tarek Ghwila"],
    "french": ["Emmanuel Macron", "Jean-Noël Barrot", "Sébastien Lecornu", "Paul Soler", "Vincent Giraud",
               "Catherine Colonna", "Jean-Yves Le Drian", "Fabien Mandon", "Thierry Burkhard", "Florence Parly",
               "Stéphane Séjourné", "Alexis Kohler", "Hélène Marchetti", "Olivier Delambre"],
    "envoy": ["Hanna Tetteh", "Stephanie Williams", "Abdoulaye Bathily", "Ghassan Salamé", "Ján Kubiš",
              "Martin Kobler", "Stephanie Koury", "Richard Norland", "Massad Boulos", "Ingrid Solvang"],
}
PLACES = ["Tripoli", "Benghazi", "Misrata", "Sirte", "Sabha", "Ubari", "Murzuq", "Zawiya", "Tobruk", "Derna",
          "Ajdabiya", "Ghat", "Kufra", "Zintan", "Gharyan", "Bani Walid", "Brega", "Ras Lanuf", "Es Sider",
          "Zuwara", "Sabratha", "Tarhuna", "Ghadames", "Awbari", "Al Marj", "Qasr Bin Ghashir"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# ----------------------------------------------------------------------------------------------- corpus

@dataclass
class Corpus:
    folder: Path
    files: list[Path]
    texts: list[str]
    words: int
    language_mix: dict[str, int] = field(default_factory=dict)
    sample_languages: dict[str, str] = field(default_factory=dict)


def word_count(text: str) -> int:
    """Whitespace-separated words: the same unit for every system, cheap and unambiguous."""
    return len(text.split())


def sample_paragraphs(lang: str) -> tuple[list[str], dict[str, str]]:
    """Paragraphs of the samples nerlibya itself detects as `lang` (so unprefixed samples are classified too)."""
    from nerlibya.text.language import detect_language

    languages = {}
    paragraphs = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        languages[path.name] = detect_language(text)
        if languages[path.name] == lang:
            paragraphs += [p.strip() for p in text.splitlines() if word_count(p) >= 8]
    return paragraphs, languages


def _alternation(names: list[str]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


PERSON_PATTERNS = {group: _alternation(names) for group, names in PEOPLE.items()}
PLACE_PATTERN = _alternation(PLACES)
DAY_PATTERN = _alternation(WEEKDAYS)
MONTH_PATTERN = _alternation(MONTHS)
NUMBER_PATTERN = re.compile(r"\d+")


def _vary_number(match: re.Match, rng: random.Random) -> str:
    """Same number of digits; four-digit years stay plausible years."""
    digits = match.group()
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return str(rng.randint(2011, 2025))
    low = 10 ** (len(digits) - 1) if len(digits) > 1 else 0
    return str(rng.randint(low, 10 ** len(digits) - 1))


def vary(text: str, rng: random.Random) -> str:
    """One article's substitutions: each name maps to one replacement throughout the article, so
    coreference (surnames, repeated mentions) keeps working like in real news."""
    mapping: dict[str, str] = {}

    def swap(pool: list[str]) -> Callable[[re.Match], str]:
        return lambda m: mapping.setdefault(m.group(), rng.choice(pool))

    for group, pattern in PERSON_PATTERNS.items():
        text = pattern.sub(swap(PEOPLE[group]), text)
    text = PLACE_PATTERN.sub(swap(PLACES), text)
    text = DAY_PATTERN.sub(swap(WEEKDAYS), text)
    text = MONTH_PATTERN.sub(swap(MONTHS), text)
    return NUMBER_PATTERN.sub(lambda m: _vary_number(m, rng), text)


def make_article(paragraphs: list[str], rng: random.Random) -> str:
    """Paragraphs recombined across samples (an opening paragraph, then a shuffled body) to 300-750 words."""
    target = rng.randint(300, 750)
    chosen = [rng.choice(paragraphs)]
    while sum(map(word_count, chosen)) < target:
        chosen.append(rng.choice(paragraphs))
    return vary("\n\n".join(chosen), rng) + "\n"


def build_corpus(folder: Path, min_docs: int, min_words: int, seed: int = SEED) -> Corpus:
    """Deterministic English corpus written as .txt files: generated until both minimums are met."""
    paragraphs, languages = sample_paragraphs("en")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    words = 0
    while len(texts) < min_docs or words < min_words:
        texts.append(make_article(paragraphs, rng))
        words += word_count(texts[-1])
    files = [folder / f"article_{i:05d}.txt" for i in range(len(texts))]
    for path, text in zip(files, texts):
        path.write_text(text, encoding="utf-8")
    return Corpus(folder, files, texts, words, {"en": len(texts), "fr": 0}, languages)


def linked_folder(files: list[Path], count: int, folder: Path) -> Path:
    """A folder of `count` documents cycling through `files` (hard links, so no extra disk)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source, target = files[i % len(files)], folder / f"doc_{i:06d}.txt"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return folder


# ----------------------------------------------------------------------------------------- measurements

def english_model() -> str:
    """The English pipeline nerlibya itself would load, so the baseline is the same model."""
    from nerlibya.pipeline import find_model, pipeline_config

    return find_model("en", None, pipeline_config(None))[0]


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bare_spacy_runner(model: str, texts: list[str]) -> Callable[[], None]:
    """What a user writes instead of nerlibya: load the model, pipe the texts, look at the entities."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:1]))  # warm-up, as for nerlibya: model loading is measured separately

    def run() -> None:
        for doc in nlp.pipe(texts):
            doc.ents

    return run


def api_runner(texts: list[str], rules_only: bool) -> Callable[[], None]:
    """nerlibya's Python API, consuming every record (the pipeline is built by a warm-up document)."""
    from nerlibya.api import Extractor

    extractor = Extractor(lang="en", rules_only=rules_only)
    list(extractor.extract_many([("warm-up", texts[0])]))
    pairs = [(str(i), text) for i, text in enumerate(texts)]

    def run() -> None:
        for record in extractor.extract_many(pairs):
            record.people

    return run


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "nerlibya", *args]


def console_script() -> list[str]:
    """The installed `nerlibya` entry point (what users type), else `python -m nerlibya`."""
    script = Path(sys.executable).parent / "nerlibya"
    return [str(script)] if script.exists() else cli_command()


def run_checked(command: list[str]) -> subprocess.CompletedProcess:
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise SystemExit(f"command failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    return result


def cli_runner(folder: Path, output: Path, expected: int, *extra: str) -> Callable[[], None]:
    """The CLI end to end over the folder (start-up, reading, extracting, writing JSONL), checked complete."""
    command = cli_command("extract", str(folder), "-f", "jsonl", "-o", str(output), "--lang", "en", "--quiet", *extra)

    def run() -> None:
        run_checked(command)
        with output.open(encoding="utf-8") as handle:
            lines = sum(1 for _ in handle)
        if lines != expected:
            raise SystemExit(f"{' '.join(command)} wrote {lines} records, expected {expected}")

    return run


def median_times(runners: dict[str, Callable[[], None]], repeats: int, log: Callable[[str], None]) -> dict:
    """Interleaved rounds: every runner once per round; returns each runner's times and median."""
    times: dict[str, list[float]] = {name: [] for name in runners}
    for round_number in range(1, repeats + 1):
        for name, run in runners.items():
            times[name].append(timed(run))
            log(f"round {round_number}/{repeats}: {name} {times[name][-1]:.1f} s (load average {os.getloadavg()[0]:.2f})")
    return {name: {"times_s": t, "median_s": statistics.median(t)} for name, t in times.items()}


def subprocess_median(command: list[str], runs: int) -> dict:
    times = [timed(lambda: run_checked(command)) for _ in range(runs)]
    return {"command": " ".join(command), "times_s": times, "median_s": statistics.median(times)}


BARE_SCRIPT = "import spacy, sys\nnlp = spacy.load(sys.argv[1])\nnlp(open(sys.argv[2], encoding='utf-8').read()).ents\n"

RSS_WRAPPER = ("import resource, subprocess, sys\nsubprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident set size of a fresh process running `command`, in MiB."""
    if os.access(TIME_BIN, os.X_OK):
        result = subprocess.run([TIME_BIN, "-v", *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        if result.returncode != 0 or not found:
            raise SystemExit(f"command failed: {' '.join(command)}\n{result.stderr[-2000:]}")
        return int(found.group(1)) / 1024
    result = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *command], capture_output=True, text=True, check=True)
    return int(result.stdout.split()[-1]) / 1024


def component_breakdown(nlp, texts: list[str], record: Callable | None = None) -> dict[str, float]:
    """Seconds per pipeline step over `texts` (tokenizer, each component, record building): where time goes."""
    seconds = {}
    start = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    if record:
        seconds["doc_to_record"] = timed(lambda: [record(doc) for doc in docs])
    return {name: round(value, 3) for name, value in seconds.items()}


# ------------------------------------------------------------------------------------------------ report

@dataclass(frozen=True)
class Target:
    key: str
    description: str
    check: Callable[[float], bool]
    text: str


TARGETS = [
    Target("api_vs_bare", "API default / bare spaCy", lambda r: r >= 1.1, ">= 1.10x"),
    Target("cli_jobs1_vs_bare", "CLI --jobs 1 / bare spaCy", lambda r: r >= 1.1, ">= 1.10x"),
    Target("jobs2_vs_jobs1", "CLI --jobs 2 / --jobs 1", lambda r: r >= 1.7, ">= 1.70x"),
    Target("rules_vs_default_api", "--rules-only / default (API)", lambda r: r >= 10, ">= 10x"),
    Target("rules_vs_default_cli", "--rules-only / default (CLI)", lambda r: r >= 10, ">= 10x"),
    Target("help_s", "nerlibya --help (s)", lambda s: s < 0.3, "< 0.3 s"),
    Target("module_help_s", "python -m nerlibya --help (s)", lambda s: s < 0.3, "< 0.3 s"),
    Target("one_file_vs_bare_script", "extract one file / bare script", lambda r: r < 1.5, "< 1.50x"),
    Target("rss_large_vs_small", "peak RSS large / small", lambda r: r <= 1.15, "<= 1.15x"),
]


def throughput_rows(results: dict) -> list[tuple[str, str, str]]:
    """(measurement, words/s, ratio to bare spaCy) for every throughput figure."""
    rows = []
    for name, figures in results["throughput"].items():
        rows.append((name, f"{figures['words_per_s']:,.0f} w/s", f"{figures['vs_bare']:.2f}x"))
    return rows


def print_report(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    corpus = results["corpus"]
    console.print(f"[bold]Corpus[/]: {corpus['documents']:,} articles, {corpus['words']:,} words, language mix "
                  f"{corpus['language_mix']} (generated from the English samples; French samples "
                  f"{[n for n, l in corpus['sample_languages'].items() if l == 'fr']} not used: the baseline is English)")
    machine = results["machine"]
    console.print(f"[bold]Machine[/]: {machine['cores']} cores ({machine['cpu']}), Python {machine['python']}, "
                  f"spaCy {machine['spacy']}, model {machine['model']}, {machine['date']}, repeats {results['repeats']}, "
                  f"load average before/after {machine.get('load_average_before_after')}")

    table = Table(title="Throughput (median, words per second)")
    for column in ("measurement", "words/s", "vs bare spaCy"):
        table.add_column(column, justify="right" if column != "measurement" else "left")
    for row in throughput_rows(results):
        table.add_row(*row)
    console.print(table)

    other = Table(title="Start-up and memory")
    other.add_column("measurement")
    other.add_column("value", justify="right")
    for name, value in results["startup"].items():
        other.add_row(name, f"{value['median_s']:.3f} s")
    for name, value in results["memory"].items():
        other.add_row(name, f"{value:,.0f} MiB")
    console.print(other)

    targets = Table(title="Targets (issue 6)")
    for column in ("target", "measured", "wanted", "result"):
        targets.add_column(column)
    for target in TARGETS:
        value = results["ratios"][target.key]
        ok = target.check(value)
        unit = " s" if target.key.endswith("_s") else "x"
        targets.add_row(target.description, f"{value:.3f}{unit}", target.text, "[green]PASS[/]" if ok else "[red]FAIL[/]")
    console.print(targets)
    for label, breakdown in results["breakdown"].items():
        total = sum(breakdown.values()) or 1
        parts = ", ".join(f"{k} {v:.2f}s ({v / total:.0%})" for k, v in sorted(breakdown.items(), key=lambda kv: -kv[1]))
        console.print(f"[bold]Time per step, {label}[/]: {parts}")


def machine_info(model: str) -> dict:
    import spacy

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True).stdout.strip())
    return {
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu, "python": platform.python_version(), "platform": platform.platform(), "spacy": spacy.__version__,
        "model": f"{model} {spacy.util.get_package_version(model) or ''}".strip(),
        "nerlibya_commit": commit + ("-dirty" if dirty else ""),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


# ------------------------------------------------------------------------------------------- measure

def measure_startup(model: str, runs: int, log) -> dict:
    """--help, one short file through the CLI (as typed, and pinned to one process), and the bare script."""
    short = SAMPLES / "en_oil_blockade.txt"
    log("start-up")
    return {
        "nerlibya --help": subprocess_median([*console_script(), "--help"], runs),
        "python -m nerlibya --help": subprocess_median(cli_command("--help"), runs),
        "nerlibya extract FILE (defaults)": subprocess_median([*console_script(), "extract", str(short)], runs),
        "nerlibya extract FILE -f jsonl --lang en --jobs 1": subprocess_median(
            [*console_script(), "extract", str(short), "-f", "jsonl", "--lang", "en", "--jobs", "1"], runs),
        "bare script: spacy.load + nlp(FILE)": subprocess_median([sys.executable, "-c", BARE_SCRIPT, model, str(short)], runs),
    }


def measure_memory(corpus: Corpus, sizes: tuple[int, int], work: Path, log) -> dict:
    memory = {}
    for size in sizes:
        folder = linked_folder(corpus.files, size, work / f"rss_{size}")
        log(f"peak RSS at {size} documents")
        memory[f"peak RSS, CLI jsonl --jobs 1, {size:,} docs"] = peak_rss_mb(
            cli_command("extract", str(folder), "-f", "jsonl", "-o", str(work / "rss.jsonl"), "--lang", "en",
                        "--quiet", "--jobs", "1"))
    return memory


def measure_throughput(model: str, corpus: Corpus, work: Path, repeats: int, log) -> dict:
    texts, folder, n = corpus.texts, corpus.folder, len(corpus.texts)
    log("loading pipelines")
    runners = {
        "bare spaCy (all components)": bare_spacy_runner(model, texts),
        "nerlibya API, default": api_runner(texts, rules_only=False),
        "nerlibya API, --rules-only": api_runner(texts, rules_only=True),
        "nerlibya CLI, --jobs 1": cli_runner(folder, work / "out.jsonl", n, "--jobs", "1"),
        "nerlibya CLI, --jobs 2": cli_runner(folder, work / "out.jsonl", n, "--jobs", "2"),
        "nerlibya CLI, --rules-only --jobs 1": cli_runner(folder, work / "out.jsonl", n, "--rules-only", "--jobs", "1"),
    }
    timings = median_times(runners, repeats, log)
    bare = corpus.words / timings["bare spaCy (all components)"]["median_s"]
    for figures in timings.values():
        figures["words_per_s"] = corpus.words / figures["median_s"]
        figures["vs_bare"] = figures["words_per_s"] / bare
    return timings


def measure_breakdown(model: str, texts: list[str], log) -> dict:
    """Per-step seconds for bare spaCy and nerlibya on a few hundred documents, to say where time goes."""
    import spacy

    from nerlibya.api import Extractor

    log(f"per-component breakdown on {len(texts)} documents")
    extractor = Extractor(lang="en")
    return {
        f"bare spaCy ({len(texts)} docs)": component_breakdown(spacy.load(model), texts),
        f"nerlibya default ({len(texts)} docs)": component_breakdown(extractor.nlp("en"), texts, extractor.record),
    }


def ratios(results: dict) -> dict[str, float]:
    t, s, m = results["throughput"], results["startup"], list(results["memory"].values())
    wps = {name: figures["words_per_s"] for name, figures in t.items()}
    return {
        "api_vs_bare": t["nerlibya API, default"]["vs_bare"],
        "cli_jobs1_vs_bare": t["nerlibya CLI, --jobs 1"]["vs_bare"],
        "jobs2_vs_jobs1": wps["nerlibya CLI, --jobs 2"] / wps["nerlibya CLI, --jobs 1"],
        "rules_vs_default_api": wps["nerlibya API, --rules-only"] / wps["nerlibya API, default"],
        "rules_vs_default_cli": wps["nerlibya CLI, --rules-only --jobs 1"] / wps["nerlibya CLI, --jobs 1"],
        "help_s": s["nerlibya --help"]["median_s"],
        "module_help_s": s["python -m nerlibya --help"]["median_s"],
        "one_file_vs_bare_script": s["nerlibya extract FILE (defaults)"]["median_s"]
        / s["bare script: spacy.load + nlp(FILE)"]["median_s"],
        "one_file_jobs1_vs_bare_script": s["nerlibya extract FILE -f jsonl --lang en --jobs 1"]["median_s"]
        / s["bare script: spacy.load + nlp(FILE)"]["median_s"],
        "rss_large_vs_small": m[1] / m[0],
    }


# -------------------------------------------------------------------------------------------------- main

def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 200 documents, 1 repeat")
    parser.add_argument("--repeats", type=int, default=None, help="runs per throughput figure (default 3; 1 with --quick)")
    parser.add_argument("--startup-runs", type=int, default=7, help="runs per start-up figure (median)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus folder")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    repeats = args.repeats or (1 if args.quick else 3)
    min_docs, min_words = (200, 0) if args.quick else (2000, 1_000_000)
    rss_sizes = (50, 500) if args.quick else (1000, 10_000)
    log = lambda message: print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)  # noqa: E731

    load_before = round(os.getloadavg()[0], 2)
    if load_before > 0.5:
        log(f"warning: load average {load_before} before starting: other processes will skew the figures")
    work = Path(tempfile.mkdtemp(prefix="nerlibya-bench-"))
    try:
        corpus = build_corpus(work / "corpus", min_docs, min_words)
        log(f"corpus: {len(corpus.texts)} documents, {corpus.words} words in {corpus.folder}")
        model = english_model()
        results = {"repeats": repeats, "quick": args.quick, "machine": machine_info(model),
                   "corpus": {"documents": len(corpus.texts), "words": corpus.words, "seed": SEED,
                              "language_mix": corpus.language_mix, "sample_languages": corpus.sample_languages}}
        results["startup"] = measure_startup(model, args.startup_runs, log)
        results["memory"] = measure_memory(corpus, rss_sizes, work, log)
        results["throughput"] = measure_throughput(model, corpus, work, repeats, log)
        results["breakdown"] = measure_breakdown(model, corpus.texts[:300], log)
        results["ratios"] = ratios(results)
        results["machine"]["load_average_before_after"] = [load_before, round(os.getloadavg()[0], 2)]
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_report(results)
    print(f"figures written to {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
