"""What every engine gives and how a run picks one.

An engine turns the inputs named on the command line into records, in input order, whatever runs them: this
process, a pool of worker processes, or a Dask cluster. Each record comes as an `Extracted`, which carries the
article's text and date only when the sink asked for them (`keep_text`): the HTML and SQLite writers need them,
the others must not hold every article of a long run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol

from ..settings import ExtractorSettings
from ..sources.items import ReadOptions


@dataclass(frozen=True)
class Extracted:
    record: dict
    text: str | None = None
    date: str | None = None


class Engine(Protocol):
    """`check` fails early (a broken KB, a missing model) before any input is read; `run` yields one
    `Extracted` per input, in order. Closing the generator stops the engine's workers at once."""

    def check(self, settings: ExtractorSettings) -> None: ...

    def run(self, paths: Iterable[str], options: ReadOptions, settings: ExtractorSettings,
            keep_text: bool = False) -> Iterator[Extracted]: ...
