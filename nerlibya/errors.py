"""Errors nerlibya expects, each with the exit code the CLI turns it into.

The CLI prints ``str(error)`` on one line and exits with ``error.exit_code``; nothing else reaches the user.
"""

from __future__ import annotations


class NerlibyaError(Exception):
    """Base class: a failure we foresaw and can explain in one line. By default it stops the run before any
    document is processed (exit 3, "cannot start")."""

    exit_code = 3
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


class OutputError(NerlibyaError):
    """The output cannot be written (a folder without write permission, a full disk, a read-only file)."""

    exit_code = 4
    kind = "output"

    def __init__(self, target: str, exc: OSError):
        self.target = target
        super().__init__(f"{target}: cannot write the output: {exc.strerror or type(exc).__name__}")
