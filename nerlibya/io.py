"""Inputs: files, folders and standard input, read as bytes and decoded in exactly one place.

Each input becomes either a `TextInput` or a `FailedInput` (never an exception), so a batch can
report one bad file and go on. Offsets in records refer to the decoded text, unchanged (CRLF kept).
"""

from __future__ import annotations

import codecs
import fnmatch
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

DEFAULT_GLOB = "*.txt"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class TextInput:
    source: str
    text: str


@dataclass(frozen=True)
class FailedInput:
    source: str
    kind: str
    message: str


@dataclass(frozen=True)
class ReadOptions:
    glob: str = DEFAULT_GLOB
    encoding: str | None = None
    encoding_errors: str = "strict"
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str = "text"
    id_field: str = "id"
    text_field: str = "text"


def decode(data: bytes, source: str, options: ReadOptions) -> TextInput | FailedInput:
    """Bytes to text: a BOM decides (UTF-8, UTF-16); else the given encoding, else strict UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif options.encoding:
        encoding = options.encoding
    elif b"\x00" in data[:SNIFF_BYTES]:
        return FailedInput(source, "binary", "binary file (contains NUL bytes), not text")
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding, options.encoding_errors)
    except UnicodeDecodeError:
        return FailedInput(source, "decode", f"not valid {encoding} text; pass --encoding (e.g. --encoding latin-1) "
                                             "or --encoding-errors replace")
    except LookupError:
        return FailedInput(source, "decode", f"unknown encoding {encoding!r}")
    if not text.strip():
        return FailedInput(source, "empty", "empty file (no text)")
    return TextInput(source, text)


def _read_limited(stream: BinaryIO, source: str, max_bytes: int) -> bytes | FailedInput:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return FailedInput(source, "too-large", f"larger than --max-bytes ({max_bytes} bytes)")
    return data


def _read_file(path: Path, options: ReadOptions) -> bytes | FailedInput:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            return FailedInput(source, "too-large", f"{size} bytes is larger than --max-bytes ({options.max_bytes})")
        with path.open("rb") as handle:
            return _read_limited(handle, source, options.max_bytes)
    except PermissionError:
        return FailedInput(source, "permission", "permission denied")
    except IsADirectoryError:
        return FailedInput(source, "unreadable", "is a directory")
    except OSError as exc:
        return FailedInput(source, "unreadable", exc.strerror or str(exc))


def _jsonl_records(data: bytes, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    decoded = decode(data, source, options)
    if isinstance(decoded, FailedInput):
        yield decoded
        return
    for number, line in enumerate(decoded.text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield FailedInput(where, "jsonl", f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(item, dict) or not isinstance(item.get(options.text_field), str):
            yield FailedInput(where, "jsonl", f"no string field {options.text_field!r}")
            continue
        text = item[options.text_field]
        record_id = item.get(options.id_field)
        name = str(record_id) if record_id is not None else where
        yield TextInput(name, text) if text.strip() else FailedInput(name, "empty", "empty text")


def _from_bytes(data: bytes | FailedInput, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    if isinstance(data, FailedInput):
        yield data
    elif options.input_format == "jsonl":
        yield from _jsonl_records(data, source, options)
    else:
        yield decode(data, source, options)


def _walk(folder: Path, options: ReadOptions) -> Iterator[Path | FailedInput]:
    """Files under `folder` matching the glob, sorted, following links but never looping."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True, onerror=None):
        try:
            stat = os.stat(root)
        except OSError as exc:
            yield FailedInput(root, "unreadable", exc.strerror or str(exc))
            dirs[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in seen:
            yield FailedInput(root, "loop", "directory loop through a symbolic link; skipped")
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        if not os.access(root, os.R_OK | os.X_OK):
            yield FailedInput(root, "permission", "permission denied")
        dirs.sort()
        for name in sorted(files):
            if fnmatch.fnmatch(name, options.glob):
                yield Path(root) / name


def iter_inputs(paths: Iterable[str], options: ReadOptions = ReadOptions(), stdin: BinaryIO | None = None
                ) -> Iterator[TextInput | FailedInput]:
    """Every text to process, in the order given; folders expand to their sorted matching files."""
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin.buffer
            yield from _from_bytes(_read_limited(stream, "-", options.max_bytes), "-", options)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for item in _walk(path, options):
                if isinstance(item, FailedInput):
                    yield item
                    continue
                found = True
                yield from _from_bytes(_read_file(item, options), str(item), options)
            if not found:
                yield FailedInput(raw, "no-input", f"no files matching {options.glob!r} in this directory")
        elif path.exists() or path.is_symlink():
            yield from _from_bytes(_read_file(path, options), raw, options)
        else:
            yield FailedInput(raw, "missing", "no such file or directory")
