"""The files a report folder holds: a manifest of the pages a run wrote, so that the next run over the same
folder removes its own stale pages (an input that is gone) and never a file it did not write."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..errors import OutputError
from .tempfiles import remove_stale, write_atomically

MANIFEST = ".nerlibya-report.json"
_PAGE = re.compile(r"\d{4}-[A-Za-z0-9._-]+\.html")  # what html_report.page_name gives


def open_folder(folder: Path) -> None:
    """The report folder, created if needed (its parent must exist), cleared of a killed run's temporary
    files. A folder that cannot be made is an OutputError."""
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(str(folder), exc) from None
    remove_stale(folder)


def _pages_written_before(folder: Path) -> set[str]:
    try:
        pages = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("pages", [])
    except (OSError, ValueError, AttributeError):  # no manifest (a new folder, or an older nerlibya): keep all
        return set()
    return {page for page in pages if isinstance(page, str) and _PAGE.fullmatch(page)}


def replace_manifest(folder: Path, pages: list[str]) -> None:
    """Record this run's pages, then remove the pages the last run wrote and this one did not."""
    stale = _pages_written_before(folder) - set(pages)
    write_atomically(folder / MANIFEST, json.dumps({"pages": pages}, indent=0) + "\n")
    for page in sorted(stale):
        try:
            os.unlink(folder / page)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise OutputError(str(folder / page), exc) from None
