"""Errors nerlibya expects, each with the exit code the CLI turns it into.

The CLI prints ``str(error)`` on one line and exits with ``error.exit_code``; nothing else reaches the user.
"""

from __future__ import annotations


class NerlibyaError(Exception):
    """Base class: a failure we foresaw and can explain in one line."""

    exit_code = 1
    kind = "error"


class KnowledgeBaseError(NerlibyaError):
    """The curated data in models/ (or a --kb folder) is missing or inconsistent."""

    kind = "knowledge-base"

    def __init__(self, path: str, entry_id: str | None, problem: str):
        self.path, self.entry_id, self.problem = path, entry_id, problem
        where = f"{path}: {entry_id}" if entry_id else path
        super().__init__(f"{where}: {problem}")


class ModelNotFoundError(NerlibyaError):
    """The statistical spaCy pipeline asked for is not installed (we never download one)."""

    kind = "model"

    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(
            "no statistical spaCy pipeline found (tried: "
            + ", ".join(names)
            + "); install the project's requirements or pass --rules-only"
        )


class InputError(NerlibyaError):
    """One input could not be turned into text; the batch goes on without it."""

    kind = "input"

    def __init__(self, source: str, problem: str, kind: str = "input"):
        self.source, self.problem, self.kind = source, problem, kind
        super().__init__(f"{source}: {problem}")


class InputDecodeError(InputError):
    """The bytes are not text in the encoding asked for."""

    def __init__(self, source: str, encoding: str):
        self.encoding = encoding
        super().__init__(
            source,
            f"not valid {encoding} text; pass --encoding (e.g. --encoding latin-1) "
            "or --encoding-errors replace",
            kind="decode",
        )
