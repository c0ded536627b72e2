"""Globs and fsspec URLs (`s3://bucket/news/*.txt` once the filesystem's package is installed): listed where the
run starts, one listing call per URL, and read where the work runs (a Dask worker), by the same code as files.
"""

from __future__ import annotations

import fnmatch
import glob as glob_module
import os
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .files import iter_sources, read_file, read_stream
from .items import FailedInput, FileInput, ReadOptions, TextInput

@dataclass(frozen=True)
class RemoteFile:
    """A file behind an fsspec URL, read on the worker."""

    url: str
    source: str
    storage_options: dict = field(default_factory=dict, hash=False, compare=False)


Item = TextInput | FailedInput | FileInput | RemoteFile


def _has_magic(raw: str) -> bool:
    return any(char in raw for char in "*?[")


def _url_sources(raw: str, options: ReadOptions, storage_options: dict) -> Iterator[RemoteFile | FailedInput]:
    """The files an fsspec URL names: itself, its glob's matches, or a folder's matching files; sorted. One
    listing call per URL, not one request per file."""
    try:
        import fsspec

        fs, path = fsspec.core.url_to_fs(raw, **storage_options)
        entries = fs.glob(path, detail=True) if _has_magic(path) else {path: fs.info(path)}
        listed: list[str | FailedInput] = []
        for name, info in sorted(entries.items()):
            if info.get("type") != "directory":
                listed.append(name)
                continue
            found = sorted(p for p in fs.find(name) if fnmatch.fnmatch(p.rsplit("/", 1)[-1], options.glob))
            listed += found or [FailedInput(fs.unstrip_protocol(name), "no-input",
                                            f"no files matching {options.glob!r} in this directory")]
    except FileNotFoundError:
        listed = []
    except ImportError as exc:
        yield FailedInput(raw, "unreadable", f"no filesystem for this URL ({exc}); install its fsspec package")
        return
    except Exception as exc:  # any filesystem's listing failure is this input's error record
        yield FailedInput(raw, "unreadable", f"cannot list: {type(exc).__name__}: {exc}")
        return
    if not listed:
        yield FailedInput(raw, "missing", "no such file or directory (or nothing matches the pattern)")
    for name in listed:
        if isinstance(name, FailedInput):
            yield name
        else:
            url = fs.unstrip_protocol(name)
            yield RemoteFile(url, url, storage_options)


def iter_items(paths: Iterable[str], options: ReadOptions = ReadOptions(), storage_options: dict | None = None
               ) -> Iterator[Item]:
    """What to read, in `nerlibya extract` order: local paths as `io.iter_sources` lists them, a local glob
    expanded (sorted), and fsspec URLs (anything with '://')."""
    for raw in paths:
        if "://" in raw:
            yield from _url_sources(raw, options, storage_options or {})
        elif _has_magic(raw) and not os.path.lexists(raw):
            matches = sorted(glob_module.glob(raw, recursive=True))
            yield from iter_sources(matches, options) if matches else [
                FailedInput(raw, "missing", "no file matches this pattern")]
        else:
            yield from iter_sources([raw], options)


def _read_remote(item: RemoteFile, options: ReadOptions) -> list[TextInput | FailedInput]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(item.url, **item.storage_options)
        if options.input_format == "text" and (size := fs.size(path)) is not None and size > options.max_bytes:
            return [FailedInput(item.source, "too-large",
                                f"{size} bytes is larger than --max-bytes ({options.max_bytes})")]
        with fs.open(path, "rb") as stream:
            return list(read_stream(stream, item.source, options))
    except FileNotFoundError:
        return [FailedInput(item.source, "missing", "no such file or directory")]
    except PermissionError:
        return [FailedInput(item.source, "permission", "permission denied")]
    except Exception as exc:  # any filesystem's failure is this input's error record, not a failed task
        return [FailedInput(item.source, "unreadable", f"{type(exc).__name__}: {exc}")]


def read_items(items: Iterable[Item], options: ReadOptions) -> list[TextInput | FailedInput]:
    """Files read and decoded where the task runs; texts and failures passed through."""
    out: list[TextInput | FailedInput] = []
    for item in items:
        if isinstance(item, FileInput):
            out += read_file(item, options)
        elif isinstance(item, RemoteFile):
            out += _read_remote(item, options)
        else:
            out.append(item)
    return out

