"""Output files: stdout as UTF-8; a FIFO or device written straight through; a regular file written atomically.
A failed write is an `OutputError` (exit 4); a reader that went away stays a BrokenPipeError."""

from __future__ import annotations

import io
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional, TextIO

from ..errors import OutputError
from ..sinks.tempfiles import create_beside, normal_mode, remove_stale

STDOUT_NAME = "standard output"


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
    with writing(str(path)), handle:  # closing flushes: it can fail too
        yield handle


def _write_atomically(target: Path, shown: str) -> Iterator[TextIO]:
    remove_stale(target.parent, target.name)  # left by a run killed with kill -9
    try:
        descriptor, name = create_beside(target)
        handle = os.fdopen(descriptor, "w", encoding="utf-8", errors="backslashreplace", newline="")
    except OSError as exc:
        raise OutputError(shown, exc) from None
    try:
        with writing(shown), handle:
            yield handle
        try:
            os.chmod(name, normal_mode(target))  # a normal file, not the temporary file's 0600
            os.replace(name, target)
        except OSError as exc:
            raise OutputError(shown, exc) from None
    finally:
        if os.path.lexists(name):
            os.unlink(name)


@contextmanager
def writing(target: str) -> Iterator[None]:
    """A failed write (disk full, I/O error) is an OutputError; a reader that went away stays BrokenPipeError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(target, exc) from None

