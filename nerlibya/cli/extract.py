"""`nerlibya extract`: options in, one run (run.py) out, its exit code back (codes in exits.py).

No business logic here: sources, engines and sinks are their own packages; signals, progress and output files
their own modules. Heavy imports (spaCy, through the engines) wait until the command runs, so `--help` is fast.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .exits import EXIT_USAGE, fail
from .help import FLAG


class ExtractFormat(str, Enum):
    """The sinks: streams (table, JSON, JSONL, CSV, one HTML page), an HTML report folder, a SQLite corpus."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"
    sqlite = "sqlite"


class EngineName(str, Enum):
    local = "local"
    dask = "dask"



class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class Lang(str, Enum):
    auto = "auto"
    en = "en"
    fr = "fr"


class EncodingErrors(str, Enum):
    strict = "strict"
    replace = "replace"


def is_single_document(paths: List[str], input_format: InputFormat) -> bool:
    """One file (or -) of text, even a missing one (its error record): `--format json` then prints one object,
    not an array. A folder, a glob or a URL may hold many."""
    if len(paths) != 1 or input_format is not InputFormat.text:
        return False
    path = paths[0]
    if path == "-":
        return True
    try:
        return not Path(path).is_dir() and "://" not in path and not any(c in path for c in "*?[")
    except (OSError, ValueError):
        return False


# extract's arguments and options, declared here so that the command reads as what it does
_PATHS = typer.Argument(
    ..., metavar="PATH",
    help="Files, folders (searched recursively) or - for standard input.")
_OUTPUT_FORMAT = typer.Option(
    ExtractFormat.table, "--format", "-f", metavar="FORMAT",
    help="table, json, jsonl, csv; html: one page, or with several inputs a report folder (-o FOLDER); "
    "sqlite: a corpus database (-o FILE.db), updated in place.")
_OUTPUT = typer.Option(
    None, "--output", "-o", metavar="PATH",
    help="Write here (atomically) instead of stdout.")
_LANG = typer.Option(Lang.auto, "--lang", help="Language of the articles; auto detects it per document.")
_MODEL = typer.Option(
    None, "--model", metavar="NAME",
    help="Another installed spaCy pipeline to use as statistical base.")
_RULES_ONLY = typer.Option(
    False, "--rules-only", metavar=FLAG,
    help="No statistical model: tokenizer, knowledge base and patterns.")
_KB = typer.Option(
    None, "--kb", metavar="FOLDER",
    help="Knowledge-base folder (default: the packaged models/).")
_GLOB = typer.Option("*.txt", "--glob", metavar="PATTERN", help="Which files to take from folders.")
_INPUT_FORMAT = typer.Option(InputFormat.text, "--input-format", help="text, or jsonl records.")
_ID_FIELD = typer.Option(
    "id", "--id-field", metavar="NAME",
    help="With --input-format jsonl: the field naming a record.")
_TEXT_FIELD = typer.Option(
    "text", "--text-field", metavar="NAME",
    help="With --input-format jsonl: the field holding the text.")
_DATE_FIELD = typer.Option(
    None, "--date-field", metavar="NAME",
    help="With --input-format jsonl: the field holding the article's "
    "date (stored per document by -f sqlite).")
_ENCODING = typer.Option(
    None, "--encoding", metavar="NAME",
    help="Input encoding (default: BOM, else UTF-8).")
_ENCODING_ERRORS = typer.Option(
    EncodingErrors.strict, "--encoding-errors",
    help="strict: report undecodable files; replace: use U+FFFD.")
_MAX_BYTES = typer.Option(
    10 * 1024 * 1024, "--max-bytes", min=1, metavar="BYTES",
    help="Skip (and report) larger inputs; with --input-format jsonl, larger lines.")
_JOBS = typer.Option(
    None, "--jobs", "-j", min=1, metavar="N",
    help="Worker processes (default: one per core, up to 4).")
_QUIET = typer.Option(
    False, "--quiet", "-q", metavar=FLAG,
    help="No progress bar and no summary; errors still go to stderr.")
_ENGINE = typer.Option(
    EngineName.local, "--engine", metavar="ENGINE",
    help="local worker processes, or dask: a Dask cluster.")
_SCHEDULER = typer.Option(
    None, "--scheduler", metavar="ADDRESS",
    help="With --engine dask: the Dask scheduler's address "
    "(default: a local cluster).")
_MIN_CONFIDENCE = typer.Option(
    0.0, "--min-confidence", min=0.0, max=1.0, metavar="P",
    help="Leave out people, organisations, places and roles whose confidence is below P (0 to 1).")
_DASK_WORKERS = typer.Option(
    None, "--dask-workers", min=1, metavar="N",
    help="With --engine dask and no --scheduler: local worker "
    "processes (default: as --jobs).")


def extract(
    paths: List[str] = _PATHS,
    output_format: ExtractFormat = _OUTPUT_FORMAT,
    output: Optional[str] = _OUTPUT,
    lang: Lang = _LANG,
    model: Optional[str] = _MODEL,
    rules_only: bool = _RULES_ONLY,
    kb: Optional[Path] = _KB,
    glob: str = _GLOB,
    input_format: InputFormat = _INPUT_FORMAT,
    id_field: str = _ID_FIELD,
    text_field: str = _TEXT_FIELD,
    date_field: Optional[str] = _DATE_FIELD,
    encoding: Optional[str] = _ENCODING,
    encoding_errors: EncodingErrors = _ENCODING_ERRORS,
    max_bytes: int = _MAX_BYTES,
    jobs: Optional[int] = _JOBS,
    quiet: bool = _QUIET,
    engine: EngineName = _ENGINE,
    scheduler: Optional[str] = _SCHEDULER,
    dask_workers: Optional[int] = _DASK_WORKERS,
    min_confidence: float = _MIN_CONFIDENCE,
) -> None:
    """Extract people (with roles), organisations and places from each article."""
    from ..settings import ExtractorSettings
    from ..sources.items import ReadOptions
    from .progress import stderr_is_terminal
    from .output_paths import check_output, names_folder
    from .run import ExtractRun, run_extract

    _check_encoding(encoding)
    chosen = _engine(engine, scheduler, dask_workers, jobs)
    options = ReadOptions(glob=glob, encoding=encoding, encoding_errors=encoding_errors.value, max_bytes=max_bytes,
                          input_format=input_format.value, id_field=id_field, text_field=text_field,
                          date_field=date_field)
    settings = ExtractorSettings(lang=lang.value, model=model, rules_only=rules_only, kb_path=str(kb) if kb else None)
    show_progress = not quiet and stderr_is_terminal()
    if engine is EngineName.dask and output and os.path.isdir(output) and output_format is not ExtractFormat.html:
        from .partitions import extract_to_folder

        if min_confidence:
            raise fail("--min-confidence needs the records on this machine: not with --engine dask -o FOLDER",
                       EXIT_USAGE)

        raise typer.Exit(extract_to_folder(paths, options, settings, chosen, Path(output), output_format.value,
                                           show_progress))
    single = is_single_document(paths, input_format) and not (output_format is ExtractFormat.html and output
                                                                and names_folder(output))
    checked = check_output(output, output_format.value, single, paths, glob)
    run = ExtractRun(paths, options, settings, chosen, output_format.value, checked, single, show_progress,
                     min_confidence)
    raise typer.Exit(run_extract(run))


def _check_encoding(encoding: Optional[str]) -> None:
    import codecs

    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise fail(f"unknown encoding {encoding!r} for --encoding", EXIT_USAGE)


def _engine(engine: EngineName, scheduler: Optional[str], dask_workers: Optional[int], jobs: Optional[int]):
    """The engine asked for; options that need the other engine are usage errors."""
    from ..engines.local import LocalEngine, default_jobs

    if engine is EngineName.local:
        if scheduler is not None or dask_workers:
            raise fail("--scheduler and --dask-workers need --engine dask", EXIT_USAGE)
        return LocalEngine(jobs or default_jobs())
    from ..engines.dask import DaskEngine, address_problem

    if scheduler is not None and (problem := address_problem(scheduler)):
        raise fail(problem, EXIT_USAGE)

    return DaskEngine(scheduler, dask_workers or jobs or default_jobs())
