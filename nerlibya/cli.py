"""The `nerlibya` command line: a thin layer over nerlibya.io, nerlibya.batch and nerlibya.render.

Exit codes (also in README):
  0  every input was processed
  1  some inputs failed (each has an error record and a line on stderr); the rest were processed
  2  usage error (bad option or argument)
  3  cannot start: the knowledge base is invalid or the statistical model is not installed
  4  cannot write the output (no permission, disk full); an --output file is left as it was
  130 / 143 interrupted by Ctrl-C / SIGTERM; every line already written is complete, no partial --output file
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional, TextIO

import typer
from rich.console import Console

from .cli_help import FLAG, Command, Group
from .cli_output import ExtractFormat, RememberedInputs, html_pages, write_collection
from .errors import NerlibyaError, OutputError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_SETUP, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
STDOUT_NAME = "standard output"

app = typer.Typer(
    cls=Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="People (with roles), organisations and places in news about Libya, from English and French articles.",
)
kb_app = typer.Typer(cls=Group, no_args_is_help=True, help="Inspect and check the knowledge base.")
app.add_typer(kb_app, name="kb")

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"


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


def fail(message: str, code: int) -> typer.Exit:
    stderr.print(f"nerlibya: error: {message}", markup=False)
    return typer.Exit(code)


@contextmanager
def open_output(path: Optional[Path]) -> Iterator[TextIO]:
    """Where records go, always as UTF-8: stdout; a FIFO, device or other non-regular file, written straight
    through; else a regular file written atomically (a temporary file beside it, renamed when complete; on any
    failure or interrupt it is removed and an existing file is left as it was). A symbolic link is followed:
    its target is what gets replaced, and the link stays a link. OSError becomes OutputError."""
    if path is None:
        yield _utf8_stdout()
    elif _is_special_file(path):
        yield from _write_through(path)
    else:
        yield from _write_atomically(Path(os.path.realpath(path)), shown=str(path))


def _utf8_stdout() -> TextIO:
    try:
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    except (AttributeError, ValueError, io.UnsupportedOperation):  # not a TextIOWrapper: leave it as it is
        pass
    return sys.stdout


def _is_special_file(path: Path) -> bool:
    """True for an existing FIFO, device or socket (symbolic links followed): never to be replaced."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(str(path), exc) from None


def _write_through(path: Path) -> Iterator[TextIO]:
    try:
        handle = open(path, "w", encoding="utf-8", errors="backslashreplace", newline="")
    except OSError as exc:
        raise OutputError(str(path), exc) from None
    with _writing(str(path)), handle:  # closing flushes: it can fail too
        yield handle


def _write_atomically(target: Path, shown: str) -> Iterator[TextIO]:
    try:
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", errors="backslashreplace", newline="",
                                             dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
                                             delete=False)
    except OSError as exc:
        raise OutputError(shown, exc) from None
    try:
        with _writing(shown), handle:
            yield handle
        try:
            os.chmod(handle.name, _file_mode(target))  # a normal file, not the temporary file's 0600
            os.replace(handle.name, target)
        except OSError as exc:
            raise OutputError(shown, exc) from None
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)


def _file_mode(target: Path) -> int:
    """The mode of the file being replaced, else what a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def _writing(target: str) -> Iterator[None]:
    """A failed write (disk full, I/O error) is an OutputError; a reader that went away stays BrokenPipeError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(target, exc) from None


def _check_output(path: Optional[Path], output_format: ExtractFormat, single: bool) -> None:
    if output_format is ExtractFormat.sqlite and path is None:
        raise fail("-f sqlite writes a database: pass --output FILE.db", EXIT_USAGE)
    if output_format is ExtractFormat.html and not single:
        if path is None:
            raise fail("-f html over a folder or several inputs writes a report folder: pass --output FOLDER",
                       EXIT_USAGE)
        if path.exists() and not path.is_dir():
            raise fail(f"{path}: --output for an HTML report must be a folder", EXIT_USAGE)
        return
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


def _progress(enabled: bool, total: Optional[int] = None):
    """A progress bar on stderr; with a known number of inputs it shows the total and the time left."""
    from rich.progress import (BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    count = TextColumn("{task.completed}/{task.total} docs" if total is not None else "{task.completed} docs")
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), count, TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    return Progress(*columns, console=stderr, transient=True, disable=not enabled,
                    redirect_stdout=False, redirect_stderr=False)  # records are the user's: stdout is never the display's


_CONTROL = {codepoint: f"\\x{codepoint:02x}" for codepoint in (*range(0x20), 0x7F)}
_CONTROL.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029",
                 0x85: "\\x85"})


def one_line(text: str) -> str:
    """Control characters escaped, so that a name or message can never break the one-line-per-error rule."""
    return str(text).translate(_CONTROL)


def error_line(record: dict) -> str:
    error = record["error"]
    return one_line(f"nerlibya: error: {record['source']}: {error['message']} [{error['kind']}]") + "\n"


def warning_line(record: dict) -> str:
    """One line for a degraded document: processed, without the components that failed on it."""
    failed = ", ".join(f"{w['component']} ({w['error']})" for w in record["warnings"])
    return one_line(f"nerlibya: warning: {record['source']}: extracted without {failed} [degraded]") + "\n"


def duplicate_line(source: str, first: int, again: int) -> str:
    return one_line(f"nerlibya: warning: {source}: duplicate source name (records {first} and {again}); "
                    "both records are kept") + "\n"


class Interrupted(BaseException):
    """SIGTERM arrived; raised only between writes, so every line written is complete. A BaseException, like
    KeyboardInterrupt, so that no `except Exception` (a document's retry, for one) can swallow it."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class _Signals:
    """Ctrl-C and SIGTERM interrupt at once, except during a write, when they wait for it to finish. Once the
    run is stopping, further signals are ignored, so the clean-up (no partial --output file) always completes."""

    def __init__(self):
        self.writing = False
        self.stopping = False
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
        if self.stopping:
            return
        if self.writing:
            self.pending = self.pending or signum
            return
        self._stop(signum)

    def _stop(self, signum: int):
        import signal

        self.stopping = True
        raise KeyboardInterrupt if signum == signal.SIGINT else Interrupted(128 + signum)

    @contextmanager
    def write(self):
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending is not None and not self.stopping:
            self._stop(self.pending)


class _Tally:
    """Counts the records as they pass to the renderer: each error record gets its stderr line, and a source
    name seen before (a JSONL id used twice, a file given twice) a warning."""

    def __init__(self, signals: _Signals):
        self.signals = signals
        self.processed = self.failed = 0
        self.first_seen: dict = {}

    def watch(self, records, progress, task) -> Iterator[dict]:
        for record in records:
            self.processed += 1
            lines = []
            if "error" in record:
                self.failed += 1
                lines.append(error_line(record))
            elif record.get("warnings"):
                lines.append(warning_line(record))
            first = self.first_seen.setdefault(record["source"], self.processed)
            if first != self.processed:
                lines.append(duplicate_line(record["source"], first, self.processed))
            if lines:
                with self.signals.write():
                    sys.stderr.write("".join(lines))
                    sys.stderr.flush()
            progress.update(task, advance=1)
            yield record


class _TableConsole(Console):
    """rich exits with 1 on a broken pipe; here it is the BrokenPipeError every other format gets."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def _write_records(records: Iterator[dict], output_format: ExtractFormat, out: TextIO, single: bool,
                   signals: _Signals, target: str, inputs) -> None:
    """Render and write the records as they come; a signal waits until the current write is complete."""
    from .render import iter_csv, iter_json, iter_jsonl, render_table

    if output_format is ExtractFormat.table:
        console = _TableConsole(file=out)
        for record in records:
            with signals.write(), _writing(target):
                render_table(record, console)
        return
    chunks = {
        ExtractFormat.json: lambda rs: iter_json(rs, single=single),
        ExtractFormat.jsonl: iter_jsonl,
        ExtractFormat.csv: iter_csv,
        ExtractFormat.html: lambda rs: html_pages(inputs.paired(rs)),
    }[output_format](records)
    for chunk in chunks:
        with signals.write(), _writing(target):
            out.write(chunk)
            out.flush()


def _is_single_document(paths: List[str], input_format: InputFormat) -> bool:
    """One file (or -) of text: `--format json` then prints one object, not an array."""
    try:
        return len(paths) == 1 and input_format is InputFormat.text and (paths[0] == "-" or Path(paths[0]).is_file())
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
    Engine.local, "--engine", metavar="ENGINE",
    help="local worker processes, or dask: a Dask cluster.")
_SCHEDULER = typer.Option(
    None, "--scheduler", metavar="ADDRESS",
    help="With --engine dask: the Dask scheduler's address "
    "(default: a local cluster).")
_DASK_WORKERS = typer.Option(
    None, "--dask-workers", min=1, metavar="N",
    help="With --engine dask and no --scheduler: local worker "
    "processes (default: as --jobs).")


@app.command(cls=Command)
def extract(
    paths: List[str] = _PATHS,
    output_format: ExtractFormat = _OUTPUT_FORMAT,
    output: Optional[Path] = _OUTPUT,
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
    engine: Engine = _ENGINE,
    scheduler: Optional[str] = _SCHEDULER,
    dask_workers: Optional[int] = _DASK_WORKERS,
) -> None:
    """Extract people (with roles), organisations and places from each article."""
    import codecs

    from .batch import ExtractorSettings, default_jobs
    from .io import ReadOptions

    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise fail(f"unknown encoding {encoding!r} for --encoding", EXIT_USAGE)
    single = _is_single_document(paths, input_format)
    dask_run = _dask_run(engine, scheduler, dask_workers, jobs or default_jobs(), output_format)
    options = ReadOptions(glob=glob, encoding=encoding, encoding_errors=encoding_errors.value, max_bytes=max_bytes,
                          input_format=input_format.value, id_field=id_field, text_field=text_field,
                          date_field=date_field)
    settings = ExtractorSettings(lang=lang.value, model=model, rules_only=rules_only, kb_path=str(kb) if kb else None)
    show_progress = not quiet and _stderr_is_terminal()
    if dask_run is not None and output is not None and output.is_dir():
        from .cli_dask import extract_to_folder

        raise typer.Exit(extract_to_folder(paths, options, settings, dask_run, output, output_format.value,
                                           show_progress))
    _check_output(output, output_format, single)
    signals = _Signals()
    tally = _Tally(signals)
    with signals:
        try:
            _run_extract(paths, options, settings, jobs or default_jobs(), output, output_format,
                         single, show_progress, tally, dask_run)
        except BaseException as exc:
            raise _exit_for(exc, tally)
    if show_progress:
        stderr.print(f"{tally.processed} documents, {tally.failed} failed")
    raise typer.Exit(EXIT_SOME_FAILED if tally.failed else EXIT_OK)


def _dask_run(engine: Engine, scheduler: Optional[str], dask_workers: Optional[int], jobs: int,
              output_format: ExtractFormat):
    """The Dask run asked for, or None for local workers; options that need the other engine are usage errors."""
    from .cli_dask import DaskRun

    if engine is Engine.local:
        if scheduler or dask_workers:
            raise fail("--scheduler and --dask-workers need --engine dask", EXIT_USAGE)
        return None
    if output_format in (ExtractFormat.html, ExtractFormat.sqlite):
        raise fail(f"--engine dask writes table, json, jsonl or csv, not {output_format.value}", EXIT_USAGE)
    return DaskRun(scheduler, dask_workers or jobs)


def _run_extract(paths: List[str], options, settings, jobs: int, output: Optional[Path], output_format: ExtractFormat,
                 single: bool, show_progress: bool, tally: _Tally, dask_run=None) -> None:
    from .batch import make_extractor, run_batch
    from .io import count_inputs, iter_inputs

    batch = None
    total = count_inputs(paths, options) if show_progress else None
    try:
        extractor = make_extractor(settings)
        extractor.check()
        # only the HTML and SQLite writers need each article's text: other formats must not keep every input
        needs_text = output_format in (ExtractFormat.html, ExtractFormat.sqlite)
        inputs = RememberedInputs(iter_inputs(paths, options)) if needs_text else iter_inputs(paths, options)
        if dask_run is not None:
            from .cli_dask import dask_records

            batch = dask_records(paths, options, settings, dask_run)
        else:
            batch = run_batch(inputs, settings, jobs=jobs, extractor=extractor)
        with _progress(show_progress, total) as progress:
            task = progress.add_task("extracting", total=total)
            records = tally.watch(batch, progress, task)
            if output_format is ExtractFormat.sqlite or (output_format is ExtractFormat.html and not single):
                write_collection(output_format, inputs.paired(records), output, tally.signals)
                return
            with open_output(output) as out:
                _write_records(records, output_format, out, single, tally.signals,
                               str(output) if output else STDOUT_NAME, inputs)
    finally:
        if batch is not None:
            with tally.signals.write():  # a signal waits until the workers are stopped
                batch.close()  # stops worker processes now, not at garbage collection


def _exit_for(exc: BaseException, tally: _Tally) -> BaseException:
    """The exit (code and one stderr line) for what stopped a run; never a traceback."""
    if isinstance(exc, (typer.Exit, SystemExit)):
        return exc
    if isinstance(exc, OutputError):
        _silence_output()  # stdout may hold unwritable bytes that Python would try again at exit
        return _quiet_fail(one_line(str(exc)), exc.exit_code)
    if isinstance(exc, NerlibyaError):
        return fail(one_line(str(exc)), exc.exit_code)
    if isinstance(exc, BrokenPipeError):
        _silence_output()
        return typer.Exit(EXIT_SOME_FAILED if tally.failed else EXIT_OK)
    if isinstance(exc, KeyboardInterrupt):
        return _quiet_fail("interrupted", EXIT_INTERRUPTED)
    if isinstance(exc, Interrupted):
        return _quiet_fail("terminated", exc.code)
    if isinstance(exc, Exception):  # a bug: one line, never a traceback
        return _quiet_fail(one_line(f"internal error: {type(exc).__name__}: {exc}"), EXIT_SOME_FAILED)
    return exc


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


@kb_app.command("validate", cls=Command)
def kb_validate(folder: Optional[Path] = typer.Argument(None, metavar="FOLDER",
                                                        help="Knowledge-base folder (default: packaged).")) -> None:
    """Check the knowledge base: schema, duplicate ids, aliases claimed twice, references, order."""
    from .knowledge.kb import check_kb, default_kb_path

    folder = folder or default_kb_path()
    problems, counts = check_kb(folder)
    for problem in problems:
        stderr.print(str(problem), markup=False)
    checked = ", ".join(f"{number} {what}" for what, number in counts.items())
    if problems:
        raise fail(f"{len(problems)} problem(s) in the knowledge base {folder} (checked {checked})", EXIT_SETUP)
    typer.echo(f"knowledge base OK: {folder}: checked {checked}")


@kb_app.command("show", cls=Command)
def kb_show(entity_id: str = typer.Argument(..., metavar="ID", help="An entity id, e.g. khalifa-haftar."),
            folder: Optional[Path] = typer.Option(None, "--kb", metavar="FOLDER", help="Knowledge-base folder.")) -> None:
    """Print one knowledge-base entry as JSON."""
    import dataclasses
    import json

    from .errors import KnowledgeBaseError
    from .knowledge.kb import load_kb

    try:
        kb = load_kb(str(folder) if folder else None)
    except KnowledgeBaseError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)
    entity = kb.by_id.get(entity_id)
    if entity is None:
        raise fail(f"no entity with id {entity_id!r}", EXIT_USAGE)
    typer.echo(json.dumps(dataclasses.asdict(entity), ensure_ascii=False, indent=2))


def main() -> None:
    app()


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"nerlibya {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _app_options(version: bool = typer.Option(False, "--version", metavar=FLAG, is_eager=True,
                                              callback=_print_version, help="Print the version and exit.")) -> None:
    """People (with roles), organisations and places in news about Libya, from English and French articles."""


@app.command(cls=Command)
def evaluate(
    gold: List[Path] = typer.Argument(..., metavar="GOLD", help="Gold JSONL file(s) (see tests/gold/GUIDELINES.md)."),
    split: str = typer.Option("all", "--split", metavar="SPLIT",
                              help="A split named in the gold files (dev, heldout, ...) or all."),
    output_format: ScoreFormat = typer.Option(ScoreFormat.table, "--format", "-f", metavar="FORMAT",
                                              help="table or json."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", metavar=FLAG,
                                  help="Also score bare spaCy on the same documents."),
    rules_only: bool = typer.Option(False, "--rules-only", metavar=FLAG, help="Score the rules-only pipeline."),
    kb: Optional[Path] = typer.Option(None, "--kb", metavar="FOLDER", help="Knowledge-base folder."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", min=0.0, max=1.0, metavar="F1",
                                           help="Exit 1 if any nerlibya F1 (people, organisations, places, roles) is below."),
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per entity type and for roles."""
    import json

    from .evaluate import CATEGORIES, evaluate as run_evaluation

    items = _gold_items(gold, split)
    try:
        results = run_evaluation(items, _scored_systems(rules_only, kb, baseline))
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)
    as_dict = {name: {lang: {s: score.to_dict() for s, score in splits.items()} for lang, splits in langs.items()}
               for name, langs in results.items()}
    if output_format is ScoreFormat.json:
        typer.echo(json.dumps(as_dict, ensure_ascii=False, indent=2))
    else:
        from .render import render_scores

        render_scores(as_dict, split, CATEGORIES, Console())
    if min_f1 is not None:
        low = [f"{lang} {c}" for lang, splits in as_dict["nerlibya"].items() for c in CATEGORIES
               if splits["all"][c]["f1"] < min_f1]
        if low:
            raise fail(f"F1 below {min_f1} for: {', '.join(low)}", EXIT_SOME_FAILED)


def _gold_items(paths: List[Path], split: str) -> list:
    """The gold documents to score; no document at all, or a split no document has, is a usage error (an empty
    evaluation would pass any --min-f1)."""
    from .evaluate import read_gold

    try:
        items = [item for path in paths for item in read_gold(path)]
    except (OSError, ValueError) as exc:
        raise fail(one_line(str(exc)), EXIT_USAGE)
    if not items:
        raise fail("no gold documents in " + ", ".join(map(str, paths)), EXIT_USAGE)
    if split == "all":
        return items
    chosen = [item for item in items if item.get("split", "dev") == split]
    if not chosen:
        known = sorted({str(item.get("split", "dev")) for item in items})
        raise fail(one_line(f"unknown --split {split!r}: the gold has {', '.join(known)} (or use all)"), EXIT_USAGE)
    return chosen


def _scored_systems(rules_only: bool, kb: Optional[Path], baseline: bool) -> dict:
    """nerlibya (with KB names for matching), and bare spaCy as the baseline: each a f(text, lang) -> record."""
    from .api import Extractor
    from .evaluate import with_kb_names

    extractor = Extractor(lang="auto", rules_only=rules_only, kb_path=str(kb) if kb else None)
    systems = {"nerlibya": lambda text, lang: with_kb_names(extractor.extract(text).to_dict(), extractor.kb)}
    if baseline:
        import spacy

        from .evaluate import baseline_record
        from .pipeline import find_model, pipeline_config

        bare: dict = {}

        def bare_spacy(text: str, lang: str) -> dict:
            if lang not in bare:
                bare[lang] = spacy.load(find_model(lang, None, pipeline_config(None))[0])
            return baseline_record(bare[lang](text))

        systems["spacy"] = bare_spacy
    return systems
