"""Ctrl-C and SIGTERM during a run: they interrupt at once, except during a write, which they let finish."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Optional


class Interrupted(BaseException):
    """SIGTERM arrived; raised only between writes, so every line written is complete. A BaseException, like
    KeyboardInterrupt, so that no `except Exception` (a document's retry, for one) can swallow it."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class Signals:
    """Ctrl-C and SIGTERM interrupt at once, except during a write, when they wait for it to finish. Once the
    run is stopping, further signals are ignored, so the clean-up (no partial --output file) always completes."""

    def __init__(self):
        self.writing = False
        self.stopping = False
        self.pending: Optional[int] = None
        self.previous: dict = {}

    def __enter__(self):
        try:
            for signum in (signal.SIGINT, signal.SIGTERM):
                self.previous[signum] = signal.signal(signum, self._handle)
        except ValueError:  # not the main thread: keep Python's defaults
            pass
        return self

    def __exit__(self, *exc_info):
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
