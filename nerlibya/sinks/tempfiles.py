"""Temporary files beside an output, renamed over it when complete, so an output is either old or whole.

Each is created with O_EXCL (`tempfile.mkstemp`: a random name, never an existing file or a symbolic link
followed) and named `.NAME.PID.RANDOM.tmp`: a run killed with kill -9 cannot remove its own, so the next run
that writes the same output removes those whose writer is gone, and nothing else.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

from ..errors import OutputError

_RANDOM = r"[A-Za-z0-9_]{8}"  # what mkstemp puts between prefix and suffix


def create_beside(target: Path) -> tuple[int, str]:
    """An open descriptor and the name of a new temporary file in the target's folder (OSError if none)."""
    return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")


def normal_mode(target: Path) -> int:
    """The mode of the file being replaced, else what a new file gets under the umask (mkstemp gives 0600)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_stale(folder: Path, name: str | None = None, started: float | None = None) -> None:
    """Remove `.NAME.PID.RANDOM.tmp` files in `folder` (for any NAME when `name` is None) that are older than
    `started` and whose writer process no longer exists. Best effort: what cannot be removed stays."""
    started = time.time() if started is None else started
    named = re.escape(name) if name is not None else r".+"
    pattern = re.compile(rf"\.{named}\.(\d+)\.{_RANDOM}\.tmp")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or _running(int(match.group(1))):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < started:
                os.unlink(entry.path)
        except OSError:
            pass


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number we cannot ask about: leave its file alone
    return True


def write_atomically(path: Path, text: str) -> None:
    """`text` written to a temporary file beside `path`, then renamed over it: `path` is either as it was or
    complete. A failure (disk full, read-only folder) is an OutputError, and the temporary file is gone."""
    try:
        descriptor, name = create_beside(path)
    except OSError as exc:
        raise OutputError(str(path), exc) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="replace") as handle:
            handle.write(text)
        os.chmod(name, normal_mode(path))
        os.replace(name, path)
    except OSError as exc:
        raise OutputError(str(path), exc) from None
    finally:
        if os.path.lexists(name):
            os.unlink(name)
