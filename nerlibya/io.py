"""Inputs: files, folders and standard input, read as bytes and decoded in exactly one place.

Each input becomes either a `TextInput` or a `FailedInput` (never an exception), so a batch can
report one bad file and go on. Offsets in records refer to the decoded text, unchanged (CRLF kept;
a byte-order mark is not part of the text).

Folders are searched recursively: in each folder its matching files (sorted by name) come first,
then its subfolders (sorted by name). Links are followed; a link back to a folder being searched is
reported once as a `loop`, and a folder reached a second time through a link is not read again.

With `input_format="jsonl"` a file (or standard input) is read one line at a time, so it can be of any
size; `max_bytes` then limits each line, and each record is named by its id field: a string as it is, a
number as its JSON text (`3`, `2.5`); any other value (true, an object, a list) makes that line an input error,
and a missing, null or empty id names the record `file:line`.

Output must always be valid UTF-8, so no name or text leaves here with a lone surrogate: in a source name
(an undecodable byte of a file name, which Python holds as U+DC80..U+DCFF, or a lone surrogate in a JSONL id)
each becomes the six characters `\\udcXX` (so `caf\\udce9.txt` for the Latin-1 name `café.txt`); in a
text each becomes U+FFFD, one character for one so that offsets are unchanged.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import json
import os
import re
import stat as stat_module
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

DEFAULT_GLOB = "*.txt"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 8192
_SKIP_CHUNK = 1024 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")

# Longest first: a UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class TextInput:
    source: str
    text: str
    date: str | None = None  # from a JSONL record's --date-field, kept for renderers that store it


@dataclass(frozen=True)
class FailedInput:
    source: str
    kind: str
    message: str


@dataclass(frozen=True)
class FileInput:
    """A file found but not yet read: `iter_sources` lists these, so the reading can happen elsewhere
    (another process or machine) with exactly the result `iter_inputs` gives."""

    path: str
    source: str
    regular_only: bool = False


@dataclass(frozen=True)
class ReadOptions:
    glob: str = DEFAULT_GLOB
    encoding: str | None = None
    encoding_errors: str = "strict"
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str = "text"
    id_field: str = "id"
    text_field: str = "text"
    date_field: str | None = None


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _is_wide(encoding: str) -> bool:
    """UTF-16 and UTF-32 text is full of NUL bytes: the binary sniff does not apply."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


def decode(data: bytes, source: str, options: ReadOptions) -> TextInput | FailedInput:
    """Bytes to text: a BOM decides (UTF-8, UTF-16, UTF-32); else the given encoding, else strict UTF-8."""
    encoding = _bom_encoding(data)
    if encoding is None:
        encoding = options.encoding or "utf-8"
        if not _is_wide(encoding) and b"\x00" in data[:SNIFF_BYTES]:
            return FailedInput(source, "binary", "binary file (contains NUL bytes), not text")
    try:
        text = data.decode(encoding, options.encoding_errors)
    except UnicodeDecodeError as exc:
        shown = "utf-8" if encoding == "utf-8-sig" else encoding
        return FailedInput(source, "decode", f"not valid {shown} text (byte {exc.start}); pass --encoding "
                                             "(e.g. --encoding latin-1) or --encoding-errors replace")
    except LookupError:
        return FailedInput(source, "decode", f"unknown encoding {encoding!r}")
    if encoding != "utf-8-sig" and text.startswith("\ufeff"):  # utf-16/32 codecs drop the mark; be sure
        text = text[1:]
    if not text.strip():
        return FailedInput(source, "empty", "empty file (no text)")
    return TextInput(source, text)


def _os_failure(source: str, exc: OSError) -> FailedInput:
    if isinstance(exc, PermissionError):
        return FailedInput(source, "permission", "permission denied")
    if isinstance(exc, FileNotFoundError):
        return FailedInput(source, "missing", "no such file or directory (or a broken link)")
    if exc.errno == errno.ELOOP:
        return FailedInput(source, "loop", "too many levels of symbolic links")
    return FailedInput(source, "unreadable", exc.strerror or str(exc) or type(exc).__name__)


def _read_limited(stream: BinaryIO, source: str, max_bytes: int) -> bytes | FailedInput:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return _os_failure(source, exc)
    if len(data) > max_bytes:
        return FailedInput(source, "too-large", f"larger than --max-bytes ({max_bytes} bytes)")
    return data


def _open_file(path: Path, source: str, options: ReadOptions, regular_only: bool) -> BinaryIO | FailedInput:
    """An open binary handle, or why not. Named inputs may be pipes (`<(cmd)`); folder entries must be files."""
    try:
        info = path.stat()
        if stat_module.S_ISDIR(info.st_mode):
            return FailedInput(source, "unreadable", "is a directory")
        if regular_only and not stat_module.S_ISREG(info.st_mode):
            return FailedInput(source, "unreadable", "not a regular file")
        if (options.input_format == "text" and stat_module.S_ISREG(info.st_mode)
                and info.st_size > options.max_bytes):
            return FailedInput(source, "too-large",
                               f"{info.st_size} bytes is larger than --max-bytes ({options.max_bytes})")
        return path.open("rb")
    except OSError as exc:
        return _os_failure(source, exc)
    except ValueError as exc:  # e.g. an embedded NUL in the name
        return FailedInput(source, "unreadable", str(exc))


def _json_item(raw: bytes, where: str, options: ReadOptions) -> TextInput | FailedInput:
    """One JSONL line (without its newline) to a text named by its id field."""
    try:
        line = raw.decode(options.encoding or "utf-8", options.encoding_errors)
    except UnicodeDecodeError:
        return FailedInput(where, "decode", f"line is not valid {options.encoding or 'utf-8'} text")
    except LookupError:
        return FailedInput(where, "decode", f"unknown encoding {options.encoding!r}")
    return json_line_item(line, where, options)


def json_line_item(line: str, where: str, options: ReadOptions) -> TextInput | FailedInput:
    """One JSONL line, already decoded, to a text named by its id field."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return FailedInput(where, "jsonl", f"not valid JSON ({exc.msg}, column {exc.colno})")
    except (ValueError, RecursionError) as exc:
        return FailedInput(where, "jsonl", f"not valid JSON ({type(exc).__name__})")
    return json_record_item(item, where, options)


def json_record_item(item: object, where: str, options: ReadOptions) -> TextInput | FailedInput:
    """One parsed JSONL record to a text named by its id field (`where` names it when it has none)."""
    if not isinstance(item, dict):
        return FailedInput(where, "jsonl", "not a JSON object")
    name = _record_name(item.get(options.id_field), where)
    if name is None:
        return FailedInput(where, "jsonl", f"field {options.id_field!r} must be a string or a number, "
                                           f"not {_json_type(item[options.id_field])}")
    text = item.get(options.text_field)
    if not isinstance(text, str):
        return FailedInput(name, "jsonl", f"no string field {options.text_field!r}")
    if not text.strip():
        return FailedInput(name, "empty", "empty text")
    date = item.get(options.date_field) if options.date_field else None
    return TextInput(name, text, None if date is None or date == "" else str(date))


def _record_name(record_id: object, where: str) -> str | None:
    """A JSONL record's name: its id when a string or a number, `where` when there is none, else None."""
    if record_id is None or record_id == "":
        return where
    if isinstance(record_id, str):
        return record_id
    if isinstance(record_id, (int, float)) and not isinstance(record_id, bool):
        return json.dumps(record_id)
    return None


def _json_type(value: object) -> str:
    return {bool: "a boolean", dict: "an object", list: "a list"}.get(type(value), type(value).__name__)


def _jsonl_records(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    """Records from a JSONL stream, one line at a time; `max_bytes` limits each line."""
    limit = options.max_bytes
    number = 0
    found = False
    while True:
        try:
            raw = stream.readline(limit + 1)
        except OSError as exc:
            yield _os_failure(f"{source}:{number + 1}", exc)
            return
        if not raw:
            break
        if number == 0:
            bom = _bom_encoding(raw)
            if bom in ("utf-16", "utf-32"):  # a wide encoding cannot be split on b"\n": decode it whole
                yield from _wide_jsonl(raw, stream, source, options)
                return
            if bom == "utf-8-sig":
                raw = raw[len(codecs.BOM_UTF8):]
        number += 1
        where = f"{source}:{number}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            try:
                while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                    pass
            except OSError:
                pass
            found = True
            yield FailedInput(where, "too-large", f"line longer than --max-bytes ({limit} bytes)")
            continue
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        found = True
        yield _json_item(raw, where, options)
    if not found:
        yield FailedInput(source, "empty", "empty file (no JSONL records)")


def _wide_jsonl(first: bytes, stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    rest = _read_limited(stream, source, options.max_bytes)
    if isinstance(rest, FailedInput):
        yield rest
        return
    decoded = decode(first + rest, source, options)
    if isinstance(decoded, FailedInput):
        yield decoded
        return
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if line.strip():
            yield json_line_item(line.rstrip("\r"), f"{source}:{number}", options)


def read_stream(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    """The texts of one open binary stream: one, or a record per line with `input_format="jsonl"`."""
    if options.input_format == "jsonl":
        yield from _jsonl_records(stream, source, options)
        return
    data = _read_limited(stream, source, options.max_bytes)
    yield data if isinstance(data, FailedInput) else decode(data, source, options)


def read_file(file: FileInput, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    opened = _open_file(Path(file.path), file.source, options, file.regular_only)
    if isinstance(opened, FailedInput):
        yield _encodable(opened)
        return
    with opened:
        for item in read_stream(opened, file.source, options):
            yield _encodable(item)


def _from_stdin(stdin: BinaryIO | None, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    if stdin is None:
        text_stream = sys.stdin
        stdin = getattr(text_stream, "buffer", None) if text_stream is not None else None
    if stdin is None:
        yield FailedInput("-", "unreadable", "standard input is closed")
        return
    yield from read_stream(stdin, "-", options)


def _walk(folder: str, options: ReadOptions) -> Iterator[str | FailedInput]:
    """Paths of the files under `folder` matching the glob: files first, then subfolders, each sorted."""
    stack: list[tuple[str, frozenset]] = [(folder, frozenset())]
    seen: set[tuple[int, int]] = set()
    while stack:
        directory, ancestors = stack.pop()
        try:
            info = os.stat(directory)
        except OSError as exc:
            yield _os_failure(directory, exc)
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in ancestors:
            yield FailedInput(directory, "loop", "directory loop through a symbolic link; not followed")
            continue
        if identity in seen:  # reached again through a link: its files are already in the batch
            continue
        seen.add(identity)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            yield _os_failure(directory, exc)
            continue
        subfolders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.path)
            elif fnmatch.fnmatch(entry.name, options.glob):
                yield entry.path
        inner = ancestors | {identity}
        stack.extend((path, inner) for path in reversed(subfolders))


def _from_folder(raw: str, options: ReadOptions) -> Iterator[FileInput | FailedInput]:
    found = False
    for item in _walk(raw, options):
        if isinstance(item, FailedInput):
            yield item
            continue
        found = True
        yield FileInput(item, item, regular_only=True)
    if not found:
        yield FailedInput(raw, "no-input", f"no files matching {options.glob!r} in this directory")


def _from_path(raw: str, options: ReadOptions, stdin: BinaryIO | None
               ) -> Iterator[TextInput | FileInput | FailedInput]:
    if raw == "-":
        yield from _from_stdin(stdin, options)
        return
    if not raw:
        yield FailedInput(raw, "missing", "empty path")
        return
    path = Path(raw)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists() or path.is_symlink()
    except OSError as exc:
        yield _os_failure(raw, exc)
        return
    except ValueError as exc:
        yield FailedInput(raw, "unreadable", str(exc))
        return
    if is_dir:
        yield from _from_folder(raw, options)
    elif exists:
        yield FileInput(raw, raw)
    else:
        yield FailedInput(raw, "missing", "no such file or directory")


def printable_name(name: str) -> str:
    """`name` with each lone surrogate written as `\\udcXX`, so that it always encodes to UTF-8."""
    if not _SURROGATE.search(name):
        return name
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _encodable(item: TextInput | FailedInput) -> TextInput | FailedInput:
    source = printable_name(item.source)
    if isinstance(item, TextInput):
        text = _SURROGATE.sub("\ufffd", item.text)
        return item if source is item.source and text is item.text else replace(item, source=source, text=text)
    return item if source is item.source else FailedInput(source, item.kind, item.message)


def iter_sources(paths: Iterable[str], options: ReadOptions = ReadOptions(), stdin: BinaryIO | None = None
                 ) -> Iterator[TextInput | FileInput | FailedInput]:
    """What `iter_inputs` would read, in its order, with files listed rather than read (standard input is read)."""
    for raw in paths:
        for item in _from_path(raw, options, stdin):
            yield item if isinstance(item, FileInput) else _encodable(item)


def iter_inputs(paths: Iterable[str], options: ReadOptions = ReadOptions(), stdin: BinaryIO | None = None
                ) -> Iterator[TextInput | FailedInput]:
    """Every text to process, in the order given, read lazily; folders expand to their matching files."""
    for item in iter_sources(paths, options, stdin):
        if isinstance(item, FileInput):
            yield from read_file(item, options)
        else:
            yield item


def count_inputs(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> int | None:
    """How many items `iter_inputs` will give, when that is known without reading any file (for a progress
    total); None when it is not (JSONL records, standard input)."""
    if options.input_format != "text":
        return None
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        try:
            is_dir = os.path.isdir(raw)
        except (OSError, ValueError):
            is_dir = False
        if not is_dir:
            total += 1
            continue
        items = list(_walk(raw, options))
        total += len(items) if any(isinstance(item, str) for item in items) else len(items) + 1
    return total
