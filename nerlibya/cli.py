"""The `nerlibya` command line: a thin layer over nerlibya.io, nerlibya.batch and nerlibya.render.

Exit codes (also in README):
  0  every input was processed
  1  some inputs failed (each has an error record and a line on stderr); the rest were processed
  2  usage error (bad option or argument)
  3  cannot start: the knowledge base is invalid or the statistical model is not installed
  130 interrupted (Ctrl-C); every line already written is complete
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional, TextIO

import typer
from rich.console import Console

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_SETUP, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="People (with roles), organisations and places in news about Libya, from English and French articles.",
)
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and check the knowledge base.")
app.add_typer(kb_app, name="kb")

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Lang(str, Enum):
    auto = "auto"
    en = "en"
    fr = "fr"


class EncodingErrors(str, Enum):
    strict = "strict"
    replace = "replace"


def fail(message: str, code: int) -> typer.Exit:
    stderr.print(f"nerlibya: error: {message}", markup=False)
    return typer.Exit(code)


@contextmanager
def open_output(path: Optional[Path]) -> Iterator[TextIO]:
    """stdout, or a file written atomically: a temporary file beside it, renamed when complete.

    On any failure or interrupt the temporary file is removed and an existing file is left as it was."""
    if path is None:
        yield sys.stdout
        return
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.resolve().parent,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            yield handle
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)  # a normal file, not the temporary file's 0600
        os.replace(handle.name, path)
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)


def _check_output(path: Optional[Path]) -> None:
    if path is None:
        return
    if path.is_dir():
        raise fail(f"{path}: --output is a directory", EXIT_USAGE)
    if not path.resolve().parent.is_dir():
        raise fail(f"{path}: output directory does not exist", EXIT_USAGE)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress(enabled: bool):
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
                    TimeElapsedColumn(), console=stderr, transient=True, disable=not enabled)


_CONTROL = {codepoint: f"\\x{codepoint:02x}" for codepoint in (*range(0x20), 0x7F)}
_CONTROL.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029",
                 0x85: "\\x85"})


def one_line(text: str) -> str:
    """Control characters escaped, so that a name or message can never break the one-line-per-error rule."""
    return str(text).translate(_CONTROL)


def error_line(record: dict) -> str:
    error = record["error"]
    return one_line(f"nerlibya: error: {record['source']}: {error['message']} [{error['kind']}]") + "\n"


class Interrupted(Exception):
    """Ctrl-C (or SIGTERM) arrived; raised only between writes, so every line written is complete."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class _Signals:
    """Ctrl-C and SIGTERM interrupt at once, except during a write, when they wait for it to finish."""

    def __init__(self):
        self.writing = False
        self.pending: Optional[int] = None
        self.previous: dict = {}

    def __enter__(self):
        import signal

        try:
            for signum in (signal.SIGINT, signal.SIGTERM):
                self.previous[signum] = signal.signal(signum, self._handle)
        except ValueError:  # not the main thread: keep Python's defaults
            pass
        return self

    def __exit__(self, *exc_info):
        import signal

        for signum, handler in self.previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum, frame):
        import signal

        code = 128 + signum
        if self.writing and self.pending is None:
            self.pending = code
            return
        raise KeyboardInterrupt if signum == signal.SIGINT else Interrupted(code)

    @contextmanager
    def write(self):
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending is not None:
            code, self.pending = self.pending, None
            raise KeyboardInterrupt if code == EXIT_INTERRUPTED else Interrupted(code)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files, folders (searched recursively) or - for standard input."),
    output_format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout."),
    lang: Lang = typer.Option(Lang.auto, "--lang", help="Language of the articles; auto detects it per document."),
    model: Optional[str] = typer.Option(None, "--model", help="Another installed spaCy pipeline to use as statistical base."),
    rules_only: bool = typer.Option(False, "--rules-only", help="No statistical model: tokenizer, knowledge base and patterns."),
    kb: Optional[Path] = typer.Option(None, "--kb", help="Knowledge-base folder (default: the packaged models/)."),
    glob: str = typer.Option("*.txt", "--glob", help="Which files to take from folders."),
    input_format: InputFormat = typer.Option(InputFormat.text, "--input-format", help="text, or jsonl records."),
    id_field: str = typer.Option("id", "--id-field", help="With --input-format jsonl: the field naming a record."),
    text_field: str = typer.Option("text", "--text-field", help="With --input-format jsonl: the field holding the text."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default: BOM, else UTF-8)."),
    encoding_errors: EncodingErrors = typer.Option(EncodingErrors.strict, "--encoding-errors",
                                                   help="strict: report undecodable files; replace: use U+FFFD."),
    max_bytes: int = typer.Option(10 * 1024 * 1024, "--max-bytes", min=1,
                                  help="Skip (and report) larger inputs; with --input-format jsonl, larger lines."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: one per core, up to 4)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary; errors still go to stderr."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local worker processes, or a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the Dask scheduler's "
                                            "address (default: a local cluster)."),
    dask_workers: Optional[int] = typer.Option(None, "--dask-workers", min=1, help="With --engine dask and no "
                                               "--scheduler: local worker processes (default: as --jobs)."),
) -> None:
    """Extract people (with roles), organisations and places from each article."""
    import codecs

    from .batch import ExtractorSettings, default_jobs, make_extractor, run_batch
    from .cli_dask import DaskRun, dask_records, extract_to_folder
    from .errors import NerlibyaError
    from .io import ReadOptions, iter_inputs
    from .render import iter_csv, iter_json, iter_jsonl, render_table

    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise fail(f"unknown encoding {encoding!r} for --encoding", EXIT_USAGE)
    if engine is Engine.local and (scheduler or dask_workers):
        raise fail("--scheduler and --dask-workers need --engine dask", EXIT_USAGE)
    partitioned = engine is Engine.dask and output is not None and output.is_dir()
    if not partitioned:
        _check_output(output)
    options = ReadOptions(glob=glob, encoding=encoding, encoding_errors=encoding_errors.value, max_bytes=max_bytes,
                          input_format=input_format.value, id_field=id_field, text_field=text_field)
    settings = ExtractorSettings(lang=lang.value, model=model, rules_only=rules_only, kb_path=str(kb) if kb else None)
    workers = jobs or default_jobs()
    failed = processed = 0
    show_progress = not quiet and _stderr_is_terminal()
    dask_run = DaskRun(scheduler, dask_workers or workers)
    if partitioned:
        raise typer.Exit(extract_to_folder(paths, options, settings, dask_run, output, output_format.value,
                                           show_progress))
    try:
        single = len(paths) == 1 and input_format is InputFormat.text and (paths[0] == "-" or Path(paths[0]).is_file())
    except (OSError, ValueError):
        single = False
    signals = _Signals()
    batch = None

    def records(progress, task):
        nonlocal failed, processed
        for record in batch:
            processed += 1
            if "error" in record:
                failed += 1
                with signals.write():
                    sys.stderr.write(error_line(record))
                    sys.stderr.flush()
            progress.update(task, advance=1)
            yield record

    try:
        with signals:
            try:
                extractor = make_extractor(settings)
                extractor.check()
                batch = (dask_records(paths, options, settings, dask_run) if engine is Engine.dask else
                         run_batch(iter_inputs(paths, options), settings, jobs=workers, extractor=extractor))
                with open_output(output) as out, _progress(show_progress) as progress:
                    task = progress.add_task("extracting", total=None)
                    if output_format is OutputFormat.table:
                        console = Console(file=out) if output else Console()
                        for record in records(progress, task):
                            with signals.write():
                                render_table(record, console)
                    else:
                        chunks = {
                            OutputFormat.json: lambda rs: iter_json(rs, single=single),
                            OutputFormat.jsonl: iter_jsonl,
                            OutputFormat.csv: iter_csv,
                        }[output_format](records(progress, task))
                        for chunk in chunks:
                            with signals.write():
                                out.write(chunk)
                                out.flush()
            finally:
                if batch is not None:
                    with signals.write():  # a second Ctrl-C waits until the workers are stopped
                        batch.close()  # stops worker processes now, not at garbage collection
    except typer.Exit:
        raise
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), EXIT_SETUP)
    except BrokenPipeError:
        _silence_output()
        raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)
    except KeyboardInterrupt:
        raise _quiet_fail("interrupted", EXIT_INTERRUPTED)
    except Interrupted as exc:
        raise _quiet_fail("terminated", exc.code)
    except Exception as exc:  # a bug: one line, never a traceback
        raise _quiet_fail(one_line(f"internal error: {type(exc).__name__}: {exc}"), EXIT_SOME_FAILED)
    if show_progress:
        stderr.print(f"{processed} documents, {failed} failed")
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _quiet_fail(message: str, code: int) -> typer.Exit:
    """`fail`, but a reader that went away (stderr a closed pipe) does not turn into a traceback."""
    try:
        sys.stderr.write(f"nerlibya: error: {message}\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError, ValueError):
        _silence_output()
    return typer.Exit(code)


def _silence_output() -> None:
    """After the reader went away (`| head`), point stdout (and stderr, if it is the broken one) at /dev/null
    so that the flush at exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError, ValueError, AttributeError):
            try:
                os.dup2(devnull, stream.fileno())
            except (OSError, ValueError, AttributeError):
                pass
    os.close(devnull)


@kb_app.command("validate")
def kb_validate(folder: Optional[Path] = typer.Argument(None, help="Knowledge-base folder (default: packaged).")) -> None:
    """Check the knowledge base: schema, duplicate ids, aliases claimed twice, references, order."""
    from .kb import default_kb_path, validate_kb

    problems = validate_kb(folder or default_kb_path())
    for problem in problems:
        stderr.print(str(problem), markup=False)
    if problems:
        raise fail(f"{len(problems)} problem(s) in the knowledge base", EXIT_SETUP)
    typer.echo("knowledge base OK")


@kb_app.command("show")
def kb_show(entity_id: str = typer.Argument(..., help="An entity id, e.g. khalifa-haftar."),
            folder: Optional[Path] = typer.Option(None, "--kb", help="Knowledge-base folder.")) -> None:
    """Print one knowledge-base entry as JSON."""
    import dataclasses
    import json

    from .errors import KnowledgeBaseError
    from .kb import load_kb

    try:
        kb = load_kb(str(folder) if folder else None)
    except KnowledgeBaseError as exc:
        raise fail(str(exc), EXIT_SETUP)
    entity = kb.by_id.get(entity_id)
    if entity is None:
        raise fail(f"no entity with id {entity_id!r}", EXIT_USAGE)
    typer.echo(json.dumps(dataclasses.asdict(entity), ensure_ascii=False, indent=2))


def main() -> None:
    app()


@app.command()
def evaluate(
    gold: List[Path] = typer.Argument(..., help="Gold JSONL file(s) (see tests/gold/GUIDELINES.md)."),
    split: str = typer.Option("all", "--split", help="dev, heldout or all."),
    output_format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table or json."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also score bare spaCy on the same documents."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Score the rules-only pipeline."),
    kb: Optional[Path] = typer.Option(None, "--kb", help="Knowledge-base folder."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", min=0.0, max=1.0,
                                           help="Exit 1 if any nerlibya F1 (people, organisations, places, roles) is below."),
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per entity type and for roles."""
    import json

    from .errors import NerlibyaError
    from .evaluate import CATEGORIES, baseline_record, evaluate as run_evaluation, read_gold, with_kb_names
    from .api import Extractor

    try:
        items = [item for path in gold for item in read_gold(path)]
    except (OSError, ValueError) as exc:
        raise fail(str(exc), EXIT_USAGE)
    if split != "all":
        items = [i for i in items if i.get("split") == split]
    extractor = Extractor(lang="auto", rules_only=rules_only, kb_path=str(kb) if kb else None)
    systems = {"nerlibya": lambda text, lang: with_kb_names(extractor.extract(text).to_dict(), extractor.kb)}
    if baseline:
        import spacy

        from .pipeline import find_model, pipeline_config

        bare: dict = {}

        def bare_spacy(text: str, lang: str) -> dict:
            if lang not in bare:
                bare[lang] = spacy.load(find_model(lang, None, pipeline_config(None))[0])
            return baseline_record(bare[lang](text))

        systems["spacy"] = bare_spacy
    try:
        results = run_evaluation(items, systems)
    except NerlibyaError as exc:
        raise fail(str(exc), EXIT_SETUP)
    as_dict = {name: {lang: {s: score.to_dict() for s, score in splits.items()} for lang, splits in langs.items()}
               for name, langs in results.items()}
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(as_dict, ensure_ascii=False, indent=2))
    else:
        from rich.table import Table

        table = Table(title=f"F1 (precision / recall), split: {split}")
        for column in ("system", "lang", "split", "docs", *CATEGORIES):
            table.add_column(column)
        for name, langs in as_dict.items():
            for lang, splits in sorted(langs.items()):
                for split_name, score in splits.items():
                    if split != "all" and split_name == "all":
                        continue
                    cells = [f"{score[c]['f1']:.3f} ({score[c]['precision']:.2f}/{score[c]['recall']:.2f})" for c in CATEGORIES]
                    table.add_row(name, lang, split_name, str(score["documents"]), *cells)
        Console().print(table)
    if min_f1 is not None:
        low = [f"{lang} {c}" for lang, splits in as_dict["nerlibya"].items() for c in CATEGORIES
               if splits["all"][c]["f1"] < min_f1]
        if low:
            raise fail(f"F1 below {min_f1} for: {', '.join(low)}", EXIT_SOME_FAILED)
