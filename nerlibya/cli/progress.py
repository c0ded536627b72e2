"""The progress display: on stderr, only when stderr is a terminal; never on stdout, which holds the records."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator, Optional

from .exits import stderr


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def loading_status(settings) -> str:
    """What the display says until the first document is done: the model loading takes seconds, not the inputs."""
    if settings.rules_only:
        return "loading the knowledge base ..."
    from ..pipeline import find_model, pipeline_config

    lang = settings.lang if settings.lang in ("en", "fr") else "en"  # auto: English loads first; --model names it
    try:
        return f"loading {find_model(lang, settings.model, pipeline_config())[0]} ..."
    except Exception:  # a missing model was reported by the engine's check; the status is only a word
        return "loading the models ..."


@contextmanager
def above_progress(progress, screen: bool) -> Iterator[None]:
    """Records written to the screen (stdout the terminal the display is on) go above the display: it is taken
    down, the records written and flushed, and it comes back below them, so that no progress line is ever left
    inside a table."""
    shown = screen and progress.live.is_started
    if shown:
        progress.stop()
    try:
        yield
    finally:
        if shown:
            sys.stdout.flush()
            progress.start()


def say(progress, text: str) -> None:
    """A line for stderr: above the progress display while it shows, else written straight to stderr."""
    if progress.live.is_started:
        progress.console.out(text, end="", highlight=False)
    else:
        sys.stderr.write(text)
        sys.stderr.flush()


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
