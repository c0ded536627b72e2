"""Files, folders and standard input: the sources `nerlibya extract` reads, listed and read lazily in the order given.

Folders are searched recursively: in each folder its matching files (sorted by name) come first,
then its subfolders (sorted by name). Links are followed; a link back to a folder being searched is
reported once as a `loop`, and a folder reached a second time through a link is not read again.
"""

from __future__ import annotations

import fnmatch
import os
import stat as stat_module
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .items import (FailedInput, FileInput, ReadOptions, TextInput, decode, encodable, os_failure,
                    read_limited)
from .jsonl import jsonl_records

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
        return os_failure(source, exc)
    except ValueError as exc:  # e.g. an embedded NUL in the name
        return FailedInput(source, "unreadable", str(exc))


def read_stream(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    """The texts of one open binary stream: one, or a record per line with `input_format="jsonl"`."""
    if options.input_format == "jsonl":
        yield from jsonl_records(stream, source, options)
        return
    data = read_limited(stream, source, options.max_bytes)
    yield data if isinstance(data, FailedInput) else decode(data, source, options)


def read_file(file: FileInput, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    opened = _open_file(Path(file.path), file.source, options, file.regular_only)
    if isinstance(opened, FailedInput):
        yield encodable(opened)
        return
    with opened:
        for item in read_stream(opened, file.source, options):
            yield encodable(item)


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
            yield os_failure(directory, exc)
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
            yield os_failure(directory, exc)
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
        yield os_failure(raw, exc)
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


def iter_sources(paths: Iterable[str], options: ReadOptions = ReadOptions(), stdin: BinaryIO | None = None
                 ) -> Iterator[TextInput | FileInput | FailedInput]:
    """What `iter_inputs` would read, in its order, with files listed rather than read (standard input is read)."""
    for raw in paths:
        for item in _from_path(raw, options, stdin):
            yield item if isinstance(item, FileInput) else encodable(item)


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
