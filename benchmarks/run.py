"""Benchmark nerlibya against bare spaCy on one generated corpus (issue 6). Run by hand, never as a test:

    python benchmarks/run.py            # full run: 2,000+ articles, 1,000,000+ words, medians of 3
    python benchmarks/run.py --quick    # smoke run: 200 articles, 1 repeat
    python benchmarks/run.py --repeats 5 --keep
    python benchmarks/run.py --texts /path/en/*.jsonl /path/fr/*.jsonl   # adds a real-news section

Every throughput figure is measured on the same English documents (the baseline is an English model),
repeats are interleaved (one round of every measurement, then the next) so that machine drift hits all
of them alike, and the median is reported. Figures go to benchmarks/out/results.json.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import random
import resource
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


def read_jsonl_texts(paths: list[Path]) -> dict[str, list[str]]:
    """The "text" of every line of the JSONL files, grouped by language: the line's "lang" if it has one,
    else nerlibya's own language check (each language is compared with its own model)."""
    from nerlibya.text.language import detect_language

    by_language: dict[str, list[str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    text = item["text"]
                except (ValueError, KeyError, TypeError):
                    raise SystemExit(f"{path}:{number}: not a JSON object with a \"text\" field") from None
                by_language.setdefault(item.get("lang") or detect_language(text), []).append(text)
    return by_language


def written_corpus(texts: list[str], folder: Path, language: str) -> Corpus:
    """`texts` as .txt files in `folder` (outside the repository, deleted afterwards), for the CLI."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"text_{i:05d}.txt" for i in range(len(texts))]
    for path, text in zip(files, texts):
        path.write_text(text, encoding="utf-8")
    return Corpus(folder, files, texts, sum(map(word_count, texts)), {language: len(texts)})


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
    return language_model("en")


def language_model(lang: str) -> str:
    """The pipeline nerlibya itself would load for `lang`, so the baseline is the same model."""
    from nerlibya.pipeline import find_model, pipeline_config

    return find_model(lang, None, pipeline_config(None))[0]


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


def api_runner(texts: list[str], rules_only: bool, lang: str = "en", warm: bool = False) -> Callable[[], None]:
    """nerlibya's Python API, consuming every record (the pipeline is built by a warm-up document). `warm`: the
    texts are run once before the timed pass, so that it meets every word and name again (steady state)."""
    from nerlibya.api import Extractor

    extractor = Extractor(lang=lang, rules_only=rules_only)
    list(extractor.extract_many([("warm-up", texts[0])]))
    pairs = [(str(i), text) for i, text in enumerate(texts)]
    if warm:
        for record in extractor.extract_many(pairs):
            record.people

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


def bare_command_runner(model: str, folder: Path, output: Path, expected: int) -> Callable[[], None]:
    """Bare spaCy end to end in a fresh process (`BARE_PIPE_SCRIPT`), the fair match for the CLI's figure."""
    return checked_runner([sys.executable, "-c", BARE_PIPE_SCRIPT, model, str(folder), str(output)], output, expected)


def checked_runner(command: list[str], output: Path, expected: int) -> Callable[[], None]:
    """Run `command`, then check that it wrote one line per document to `output`."""

    def run() -> None:
        run_checked(command)
        with output.open(encoding="utf-8") as handle:
            lines = sum(1 for _ in handle)
        if lines != expected:
            raise SystemExit(f"{' '.join(command)} wrote {lines} records, expected {expected}")

    return run


def cli_runner(folder: Path, output: Path, expected: int, *extra: str, lang: str = "en") -> Callable[[], None]:
    """The CLI end to end over the folder (start-up, reading, extracting, writing JSONL), checked complete."""
    command = cli_command("extract", str(folder), "-f", "jsonl", "-o", str(output), "--lang", lang, "--quiet", *extra)
    return checked_runner(command, output, expected)


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and of its finished children: on a shared machine this
    moves less than wall time."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def median_times(runners: dict[str, Callable[[], None]], repeats: int, log: Callable[[str], None]) -> dict:
    """Interleaved rounds: every runner once per round; returns each runner's wall and CPU times and medians."""
    times: dict[str, list[float]] = {name: [] for name in runners}
    cpu: dict[str, list[float]] = {name: [] for name in runners}
    for round_number in range(1, repeats + 1):
        for name, run in runners.items():
            cpu_before = cpu_seconds()
            times[name].append(timed(run))
            cpu[name].append(cpu_seconds() - cpu_before)
            log(f"round {round_number}/{repeats}: {name} {times[name][-1]:.1f} s, CPU {cpu[name][-1]:.1f} s "
                f"(load average {os.getloadavg()[0]:.2f})")
    return {name: {"times_s": t, "median_s": statistics.median(t), "cpu_s": cpu[name],
                   "median_cpu_s": statistics.median(cpu[name])} for name, t in times.items()}


def subprocess_median(command: list[str], runs: int) -> dict:
    times = [timed(lambda: run_checked(command)) for _ in range(runs)]
    return {"command": " ".join(command), "times_s": times, "median_s": statistics.median(times)}


BARE_SCRIPT = "import spacy, sys\nnlp = spacy.load(sys.argv[1])\nnlp(open(sys.argv[2], encoding='utf-8').read()).ents\n"

# bare spaCy as a command, end to end like the CLI: start, load the model, read every file, write each
# document's entities as a JSON line
BARE_PIPE_SCRIPT = """import json, sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
files = sorted(Path(sys.argv[2]).glob("*.txt"))
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for path, doc in zip(files, nlp.pipe(path.read_text(encoding="utf-8") for path in files)):
        out.write(json.dumps({"source": str(path), "ents": [[e.text, e.label_] for e in doc.ents]}) + "\\n")
"""

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
    Target("cli_jobs1_vs_bare", "CLI --jobs 1 / bare spaCy", lambda r: r >= 1.5, ">= 1.50x"),
    Target("jobs2_vs_jobs1", "CLI --jobs 2 / --jobs 1", lambda r: r >= 1.7, ">= 1.70x"),
    Target("rules_vs_default_api", "--rules-only / default (API)", lambda r: r >= 10, ">= 10x"),
    Target("rules_vs_default_cli", "--rules-only / default (CLI)", lambda r: r >= 10, ">= 10x"),
    Target("help_s", "nerlibya --help (s)", lambda s: s < 0.3, "< 0.3 s"),
    Target("module_help_s", "python -m nerlibya --help (s)", lambda s: s < 0.3, "< 0.3 s"),
    Target("one_file_vs_bare_script", "extract one file / bare script", lambda r: r < 1.5, "< 1.50x"),
    Target("rss_large_vs_small", "peak RSS large / small", lambda r: r <= 1.15, "<= 1.15x"),
]

REAL_NEWS_TARGETS = [
    Target("rules_vs_default_api", "--rules-only / default (API)", lambda r: r >= 10, ">= 10x"),
    Target("rules_vs_default_cli", "--rules-only / default (CLI)", lambda r: r >= 10, ">= 10x"),
    Target("cli_jobs1_vs_bare", "CLI --jobs 1 / bare spaCy, both end to end", lambda r: r >= 1.5, ">= 1.50x"),
]


def throughput_rows(results: dict) -> list[tuple[str, str, str]]:
    """(measurement, words/s, ratio to bare spaCy) for every throughput figure."""
    rows = []
    for name, figures in results["throughput"].items():
        rows.append((name, f"{figures['words_per_s']:,.0f} w/s", f"{figures['vs_bare']:.2f}x"))
    return rows


def print_real_news(console, section: dict) -> None:
    """One table per language of the given texts: words/s of each run, then its targets."""
    from rich.table import Table

    for lang, figures in section.items():
        table = Table(title=f"Real news, {lang}: {figures['documents']:,} texts, {figures['words']:,} words "
                            f"(median words per second; bare spaCy: {figures['model']})")
        for column in ("measurement", "words/s", "vs bare spaCy", "CPU s", "words/CPU s"):
            table.add_column(column, justify="right" if column != "measurement" else "left")
        bare = figures["runs"]["bare spaCy"]["words_per_s"]
        for name, run in figures["runs"].items():
            table.add_row(name, f"{run['words_per_s']:,.0f} w/s", f"{run['words_per_s'] / bare:.2f}x",
                          f"{run['median_cpu_s']:.2f}", f"{run['words_per_cpu_s']:,.0f}")
        console.print(table)
        for target in REAL_NEWS_TARGETS:
            value, by_cpu = figures["ratios"][target.key], figures["cpu_ratios"][target.key]
            verdict = "[green]PASS[/]" if target.check(value) else "[red]FAIL[/]"
            console.print(f"  real news {lang}, {target.description}: {value:.2f}x wall, {by_cpu:.2f}x CPU "
                          f"(wanted {target.text}) {verdict}")
        console.print(f"  (CLI --jobs 1 / bare spaCy in process, its model loading excluded: "
                      f"{figures['ratios']['cli_jobs1_vs_bare_in_process']:.2f}x wall, "
                      f"{figures['cpu_ratios']['cli_jobs1_vs_bare_in_process']:.2f}x CPU)")
        console.print(f"  (steady state, not the target's figure: --rules-only / default (API) on a second pass over "
                      f"the same articles, vocabulary and caches warm: {figures['ratios']['rules_vs_default_api_warm']:.2f}x "
                      f"wall, {figures['cpu_ratios']['rules_vs_default_api_warm']:.2f}x CPU)")


def print_report(results: dict) -> None:
    from rich.console import Console

    console = Console()
    machine = results["machine"]
    console.print(f"[bold]Machine[/]: {machine['cores']} cores ({machine['cpu']}), Python {machine['python']}, "
                  f"spaCy {machine['spacy']}, model {machine['model']}, {machine['date']}, repeats {results['repeats']}, "
                  f"load average before/after {machine.get('load_average_before_after')}")
    if "corpus" in results:
        print_generated(console, results)
    if results.get("real_news"):
        print_real_news(console, results["real_news"])
    if results.get("memory_only"):
        memory = results["memory_only"]
        for mode, figures in memory["memory"].items():
            for name, value in figures.items():
                console.print(f"{name}: {value:,.0f} MiB")
            ratio = memory["rss_large_vs_small"][mode]
            console.print(f"peak RSS large / small, {mode}: {ratio:.3f}x (wanted <= 1.15x) "
                          + ("[green]PASS[/]" if ratio <= 1.15 else "[red]FAIL[/]"))


def print_generated(console, results: dict) -> None:
    """The generated corpus's sections: throughput, start-up and memory, targets, the per-step breakdown."""
    from rich.table import Table

    corpus = results["corpus"]
    console.print(f"[bold]Corpus[/]: {corpus['documents']:,} articles, {corpus['words']:,} words, language mix "
                  f"{corpus['language_mix']} (generated from the English samples; French samples "
                  f"{[n for n, l in corpus['sample_languages'].items() if l == 'fr']} not used: the baseline is English)")

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
    for figures in results["memory"].values():
        for name, value in figures.items():
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


RSS_MODES = {"default": (), "rules-only": ("--rules-only",)}


def measure_memory(corpus: Corpus, sizes: tuple[int, int], work: Path, log, modes: list[str]) -> dict:
    """Peak RSS of the CLI over `sizes` documents (the corpus's files linked again and again), per pipeline
    mode: {mode: {label: MiB}}."""
    memory: dict[str, dict[str, float]] = {}
    folders = {size: linked_folder(corpus.files, size, work / f"rss_{size}") for size in sizes}
    for mode in modes:
        extra = RSS_MODES[mode]
        for size, folder in folders.items():
            log(f"peak RSS at {size} documents, {mode}")
            label = f"peak RSS, CLI jsonl {' '.join(('--jobs', '1', *extra))}, {size:,} docs"
            memory.setdefault(mode, {})[label] = peak_rss_mb(cli_command(
                "extract", str(folder), "-f", "jsonl", "-o", str(work / "rss.jsonl"), "--lang", "en", "--quiet",
                "--jobs", "1", *extra))
            log(f"{label}: {memory[mode][label]:,.0f} MiB")
    return memory


def rss_ratios(memory: dict[str, dict[str, float]]) -> dict[str, float]:
    """Peak RSS at the larger size over the smaller one, per mode."""
    return {mode: list(figures.values())[1] / list(figures.values())[0] for mode, figures in memory.items()}


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


REAL_NEWS_RUNS = ("bare spaCy", "bare spaCy, end to end", "API, default", "API, --rules-only", "CLI, --jobs 1",
                  "CLI, --rules-only --jobs 1", "API, default, 2nd pass (warm)", "API, --rules-only, 2nd pass (warm)")


def measure_real_news(by_language: dict[str, list[str]], work: Path, repeats: int, log) -> dict:
    """Per language of the given texts: bare spaCy (that language's model), the API and the CLI (`--jobs 1`),
    default and rules-only, in interleaved rounds; words/s and the ratios the targets read."""
    section = {}
    for lang, texts in sorted(by_language.items()):
        corpus = written_corpus(texts, work / f"real_{lang}", lang)
        log(f"real news, {lang}: {len(texts)} documents, {corpus.words} words; loading pipelines")
        n, output = len(texts), work / f"real_{lang}.jsonl"
        runners = dict(zip(REAL_NEWS_RUNS, (
            bare_spacy_runner(language_model(lang), texts),
            bare_command_runner(language_model(lang), corpus.folder, work / f"bare_{lang}.jsonl", n),
            api_runner(texts, rules_only=False, lang=lang),
            api_runner(texts, rules_only=True, lang=lang),
            cli_runner(corpus.folder, output, n, "--jobs", "1", lang=lang),
            cli_runner(corpus.folder, output, n, "--rules-only", "--jobs", "1", lang=lang),
            api_runner(texts, rules_only=False, lang=lang, warm=True),
            api_runner(texts, rules_only=True, lang=lang, warm=True))))
        timings = median_times(runners, repeats, log)
        wps = {name: corpus.words / figures["median_s"] for name, figures in timings.items()}
        cpu_wps = {name: corpus.words / figures["median_cpu_s"] for name, figures in timings.items()}
        for name, figures in timings.items():
            figures["words_per_s"], figures["words_per_cpu_s"] = wps[name], cpu_wps[name]
        section[lang] = {"documents": n, "words": corpus.words, "model": language_model(lang), "runs": timings,
                         "ratios": {"rules_vs_default_api": wps["API, --rules-only"] / wps["API, default"],
                                    "rules_vs_default_api_warm": wps[REAL_NEWS_RUNS[7]] / wps[REAL_NEWS_RUNS[6]],
                                    "rules_vs_default_cli": wps["CLI, --rules-only --jobs 1"] / wps["CLI, --jobs 1"],
                                    "api_vs_bare": wps["API, default"] / wps["bare spaCy"],
                                    "cli_jobs1_vs_bare": wps["CLI, --jobs 1"] / wps["bare spaCy, end to end"],
                                    "cli_jobs1_vs_bare_in_process": wps["CLI, --jobs 1"] / wps["bare spaCy"]},
                         "cpu_ratios": {"rules_vs_default_api": cpu_wps["API, --rules-only"] / cpu_wps["API, default"],
                                        "rules_vs_default_api_warm": cpu_wps[REAL_NEWS_RUNS[7]] / cpu_wps[REAL_NEWS_RUNS[6]],
                                        "rules_vs_default_cli": cpu_wps["CLI, --rules-only --jobs 1"]
                                        / cpu_wps["CLI, --jobs 1"],
                                        "cli_jobs1_vs_bare": cpu_wps["CLI, --jobs 1"] / cpu_wps["bare spaCy, end to end"],
                                        "cli_jobs1_vs_bare_in_process": cpu_wps["CLI, --jobs 1"] / cpu_wps["bare spaCy"]}}
    return section


def ratios(results: dict) -> dict[str, float]:
    t, s = results["throughput"], results["startup"]
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
        "rss_large_vs_small": max(rss_ratios(results["memory"]).values()),  # the worse mode
    }


# -------------------------------------------------------------------------------------------------- main

def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 200 documents, 1 repeat")
    parser.add_argument("--repeats", type=int, default=None, help="runs per throughput figure (default 3; 1 with --quick)")
    parser.add_argument("--startup-runs", type=int, default=7, help="runs per start-up figure (median)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus folder")
    parser.add_argument("--texts", nargs="+", type=Path, default=[], metavar="FILE.jsonl",
                        help="JSONL files of real articles (field \"text\", optional \"lang\"): adds a real-news "
                             "section (API and CLI, default and rules-only, against bare spaCy, per language)")
    parser.add_argument("--rss-sizes", nargs=2, type=int, metavar=("SMALL", "LARGE"),
                        help="documents of the two peak-RSS runs (default 1000 10000; 50 500 with --quick)")
    parser.add_argument("--rss-modes", nargs="+", choices=sorted(RSS_MODES), default=["default", "rules-only"],
                        help="pipelines of the peak-RSS runs (default: both)")
    parser.add_argument("--real-news-only", action="store_true",
                        help="with --texts: the real-news section and the memory section only (no generated "
                             "throughput, start-up or breakdown)")
    return parser.parse_args()


def measure_generated(args: argparse.Namespace, repeats: int, rss_sizes: tuple[int, int], work: Path, model: str,
                      log) -> dict:
    """Every section on the generated corpus: start-up, memory, throughput, the per-step breakdown."""
    corpus = build_corpus(work / "corpus", *((200, 0) if args.quick else (2000, 1_000_000)))
    log(f"corpus: {len(corpus.texts)} documents, {corpus.words} words in {corpus.folder}")
    results = {"corpus": {"documents": len(corpus.texts), "words": corpus.words, "seed": SEED,
                          "language_mix": corpus.language_mix, "sample_languages": corpus.sample_languages}}
    results["startup"] = measure_startup(model, args.startup_runs, log)
    results["memory"] = measure_memory(corpus, rss_sizes, work, log, args.rss_modes)
    results["throughput"] = measure_throughput(model, corpus, work, repeats, log)
    results["breakdown"] = measure_breakdown(model, corpus.texts[:300], log)
    results["ratios"] = ratios(results)
    return results


def measure_memory_only(args: argparse.Namespace, rss_sizes: tuple[int, int], work: Path, log) -> dict:
    """The memory section alone, on the generated corpus (the --real-news-only run)."""
    corpus = build_corpus(work / "corpus", 2000 if max(rss_sizes) >= 2000 else 200, 0)
    memory = measure_memory(corpus, rss_sizes, work, log, args.rss_modes)
    return {"memory": memory, "rss_large_vs_small": rss_ratios(memory)}


def main() -> None:
    args = parse_args()
    repeats = args.repeats or (1 if args.quick else 3)
    rss_sizes = tuple(args.rss_sizes) if args.rss_sizes else (50, 500) if args.quick else (1000, 10_000)
    log = lambda message: print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)  # noqa: E731

    load_before = round(os.getloadavg()[0], 2)
    if load_before > 0.5:
        log(f"warning: load average {load_before} before starting: other processes will skew the figures")
    # an installed package has its bytecode written at install; with PYTHONDONTWRITEBYTECODE set, edited modules
    # of a source checkout would be compiled again by every CLI process that is timed
    compileall.compile_dir(str(ROOT / "nerlibya"), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="nerlibya-bench-"))
    try:
        model = english_model()
        results = {"repeats": repeats, "quick": args.quick, "machine": machine_info(model)}
        if args.texts:  # first: the long peak-RSS runs of the default pipeline come last
            results["real_news"] = measure_real_news(read_jsonl_texts(args.texts), work, repeats, log)
        if not args.real_news_only:
            results.update(measure_generated(args, repeats, rss_sizes, work, model, log))
        else:
            results["memory_only"] = measure_memory_only(args, rss_sizes, work, log)
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
