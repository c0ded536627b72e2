"""What an extraction run is set up with: one frozen value shared by the API, the CLI and batch workers.

Kept free of spaCy imports, so the CLI can build it (and worker processes can receive it) cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractorSettings:
    """`lang` is 'auto' (detected per document) or a language code; empty paths mean the packaged data."""

    lang: str = "auto"
    model: str | None = None
    rules_only: bool = False
    kb_path: str | None = None
    lang_path: str | None = None
