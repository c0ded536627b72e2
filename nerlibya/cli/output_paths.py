"""What `--output` may name, checked one way for every format before anything is read (usage errors, exit 2).

A file output (table, JSON, JSONL, CSV, one HTML page, a SQLite corpus) must name a file in an existing
folder, never an input and never a folder; `-o NAME/` (a trailing slash) always means a folder, so `-f html`
then writes a report folder even for one input. An HTML report is a folder whose parent exists (the folder
itself is created). A SQLite corpus must be a regular file (not /dev/null, a FIFO or a device).
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from pathlib import Path
from typing import Optional

from .exits import EXIT_USAGE, fail

REPORT_SUFFIXES = (".html", ".htm")


def names_folder(raw: str) -> bool:
    return raw.endswith(("/", os.sep))


def is_report(output_format: str, single: bool) -> bool:
    return output_format == "html" and not single


def check_output(raw: Optional[str], output_format: str, single: bool, inputs: list[str], glob: str
                 ) -> Optional[Path]:
    """The output path, or a usage error saying why it cannot be used."""
    if raw is None:
        if output_format == "sqlite":
            raise fail("-f sqlite writes a database: pass --output FILE.db", EXIT_USAGE)
        if is_report(output_format, single):
            raise fail("-f html over a folder or several inputs writes a report folder: pass --output FOLDER",
                       EXIT_USAGE)
        return None
    if not raw:
        raise fail("--output is empty", EXIT_USAGE)
    path = Path(raw)
    info = _stat(raw)
    if not os.path.isdir(os.path.dirname(os.path.abspath(raw.rstrip("/" + os.sep) or raw))):
        raise fail(f"{raw}: the folder to write in does not exist (create it first)", EXIT_USAGE)
    if is_report(output_format, single):
        _check_report_folder(raw, info)
    else:
        _check_file(raw, info, output_format, inputs, glob)
    return path


def _stat(raw: str) -> Optional[os.stat_result]:
    """The output's status (links followed), None when it does not exist; a link loop is a usage error."""
    try:
        return os.stat(raw)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail(f"{raw}: --output is a symbolic link loop", EXIT_USAGE)
        if exc.errno == errno.ENOTDIR:
            raise fail(f"{raw}: --output is inside something that is not a folder", EXIT_USAGE)
        return None  # e.g. no permission: the write itself reports it (exit 4)
    except ValueError as exc:  # an embedded NUL
        raise fail(f"--output: {exc}", EXIT_USAGE)


def _check_report_folder(raw: str, info: Optional[os.stat_result]) -> None:
    if info is not None and not stat.S_ISDIR(info.st_mode):
        raise fail(f"{raw}: --output for an HTML report must be a folder", EXIT_USAGE)
    if info is None and not names_folder(raw) and raw.lower().endswith(REPORT_SUFFIXES):
        raise fail(f"{raw}: an HTML report over several inputs is a folder of pages; pass --output FOLDER "
                   "(e.g. -o report/)", EXIT_USAGE)


def _check_file(raw: str, info: Optional[os.stat_result], output_format: str, inputs: list[str], glob: str
                ) -> None:
    if names_folder(raw) or (info is not None and stat.S_ISDIR(info.st_mode)):
        raise fail(f"{raw}: --output is a folder; -f {output_format} writes one file", EXIT_USAGE)
    if output_format == "sqlite" and info is not None and not stat.S_ISREG(info.st_mode):
        raise fail(f"{raw}: a SQLite corpus must be a regular file", EXIT_USAGE)
    if info is not None and stat.S_ISREG(info.st_mode) and _is_an_input(raw, inputs, glob):
        raise fail(f"{raw}: --output is one of the inputs; it would be replaced", EXIT_USAGE)


def _is_an_input(raw: str, inputs: list[str], glob: str) -> bool:
    """True when the output file is an input named on the command line or a file an input folder gives."""
    target = os.path.realpath(raw)
    for name in inputs:
        if name == "-":
            continue
        try:
            where = os.path.realpath(name)
            if os.path.isdir(where):
                if target.startswith(where.rstrip(os.sep) + os.sep) and fnmatch.fnmatch(os.path.basename(target), glob):
                    return True
            elif os.path.exists(where) and os.path.samefile(where, target):
                return True
        except (OSError, ValueError):
            continue
    return False
