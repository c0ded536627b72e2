"""The progress display: on stderr, only when stderr is a terminal; never on stdout, which holds the records."""

from __future__ import annotations

import sys
from typing import Optional

from .exits import stderr


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def progress_bar(enabled: bool, total: Optional[int] = None):
    """A progress bar on stderr; with a known number of inputs it shows the total and the time left."""
    from rich.progress import (BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    count = TextColumn("{task.completed}/{task.total} docs" if total is not None else "{task.completed} docs")
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), count, TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    return Progress(*columns, console=stderr, transient=True, disable=not enabled,
                    redirect_stdout=False, redirect_stderr=False)  # records are the user's: stdout is never the display's
