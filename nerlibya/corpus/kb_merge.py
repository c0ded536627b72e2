"""Merge reviewed entries (a `suggest` file, edited by a curator) into a knowledge-base folder.

All or nothing: every entry is parsed and checked for conflicts with the KB and with each other (an id taken,
a name, alias or acronym another entry claims) before anything is written, and the merged files must pass
the KB checker. Each entry keeps its comment and is inserted where its id sorts, so the curated files keep
their order, their comments and their layout.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import NerlibyaError
from ..knowledge.datafiles import parse_yaml
from ..knowledge.kb import KIND_FILES, KnowledgeBase, check_kb, load_kb, parse_entry
from ..text.normalize import name_key

PERSON_FIELDS = {"surnames", "offices", "gender"}
ORGANISATION_FIELDS = {"acronyms", "kind", "parent"}


class KBMergeError(NerlibyaError):
    """The reviewed entries cannot be merged; nothing was written."""

    kind = "knowledge-base"


@dataclass(frozen=True)
class Block:
    """One entry as text (its comment lines and its YAML), with what the checks need."""

    kind: str
    id: str
    names: tuple[str, ...]  # name and aliases
    acronyms: tuple[str, ...]
    lines: tuple[str, ...]


def merge(reviewed: str | Path, folder: str | Path) -> dict[str, list[str]]:
    """Add the entries of `reviewed` to the KB in `folder`; the ids added, per kind file."""
    reviewed, folder = Path(reviewed), Path(folder)
    try:
        text = reviewed.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KBMergeError(f"{reviewed}: cannot read: {exc}") from None
    blocks = read_blocks(text, str(reviewed))
    if not blocks:
        raise KBMergeError(f"{reviewed}: no entries to merge (each starts with '- id:')")
    _refuse_conflicts(blocks, load_kb.__wrapped__(folder), reviewed)
    merged = {KIND_FILES[kind]: _spliced((folder / KIND_FILES[kind]).read_text(encoding="utf-8"),
                                         [b for b in blocks if b.kind == kind])
              for kind in {b.kind for b in blocks}}
    _check_merged(folder, merged)
    for filename, content in merged.items():
        _replace(folder / filename, content)
    load_kb.cache_clear()  # a KB cached for this folder is out of date
    return {KIND_FILES[kind]: [b.id for b in blocks if b.kind == kind] for kind in sorted({b.kind for b in blocks})}


def read_blocks(text: str, path: str) -> list[Block]:
    """The entries of a YAML list in the KB's layout, each with the comment lines right above it."""
    lines = text.splitlines()
    blocks = []
    for start, end in _entry_spans(lines):
        raw = _parse_block(lines[start:end], path)
        kind = _kind_of(raw, path)
        entity = parse_entry(raw, kind, path)
        blocks.append(Block(kind, entity.id, entity.full_names, entity.acronyms, tuple(lines[start:end])))
    return blocks


def _entry_spans(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last + 1) line of each entry: '- ' at column 0, its indented lines, and the comment lines right
    above it (but not a file's leading comment, which is the file's header)."""
    spans = []
    for i, line in enumerate(lines):
        if not line.startswith("- "):
            continue
        start = i
        while start > 0 and lines[start - 1].startswith("#"):
            start -= 1
        if start == 0:
            start = i
        end = i + 1
        while end < len(lines) and lines[end].startswith(" ") and lines[end].strip():
            end += 1
        spans.append((start, end))
    return spans


def _parse_block(lines: list[str], path: str) -> dict:
    try:
        data = parse_yaml("\n".join(lines))
    except yaml.YAMLError as exc:
        raise KBMergeError(f"{path}: not valid YAML near {lines[-1].strip()!r}: {' '.join(str(exc).split())}") from None
    if not isinstance(data, list) or len(data) != 1 or not isinstance(data[0], dict):
        raise KBMergeError(f"{path}: each entry must be one mapping starting with '- id:' ({lines[0].strip()!r})")
    return data[0]


def _kind_of(raw: dict, path: str) -> str:
    if raw.keys() & PERSON_FIELDS:
        return "person"
    if raw.keys() & ORGANISATION_FIELDS:
        return "organisation"
    raise KBMergeError(f"{path}: {raw.get('id')!r}: cannot tell a person from an organisation: give a person "
                       "'surnames' or 'offices', an organisation 'kind' or 'acronyms'")


def _refuse_conflicts(blocks: list[Block], kb: KnowledgeBase, path: Path) -> None:
    ids = {entity.id: "the knowledge base" for entity in kb}
    names = {key: f"{ids_[0]!r}" for key, ids_ in ((k, sorted(v)) for k, v in kb.by_alias.items())}
    acronyms = {a: f"{sorted(v)[0]!r}" for a, v in kb.by_acronym.items()}
    for block in blocks:
        if block.id in ids:
            _conflict(path, block, f"id {block.id!r} is already taken (in {ids[block.id]})")
        ids[block.id] = "this file"
        for name in block.names:
            owner = names.setdefault(name_key(name), repr(block.id))
            if owner != repr(block.id):
                _conflict(path, block, f"alias {name!r} is already claimed by {owner}")
        for acronym in block.acronyms:
            owner = acronyms.setdefault(acronym, repr(block.id))
            if owner != repr(block.id):
                _conflict(path, block, f"acronym {acronym!r} is already claimed by {owner}")


def _conflict(path: Path, block: Block, problem: str) -> None:
    raise KBMergeError(f"{path}: {block.id!r}: {problem}; nothing was merged")


def _spliced(text: str, blocks: list[Block]) -> str:
    """The kind file with each block inserted before the first entry whose id sorts after it."""
    lines = text.splitlines()
    spans = _entry_spans(lines)
    ids = [_parse_block(lines[s:e], "")["id"] for s, e in spans]
    inserts: dict[int, list[str]] = {}
    for block in sorted(blocks, key=lambda b: b.id):
        at = next((spans[n][0] for n, existing in enumerate(ids) if existing > block.id), None)
        inserts.setdefault(len(lines) if at is None else at, []).extend([*block.lines, ""])
    out: list[str] = []
    for n, line in enumerate(lines):
        out += inserts.get(n, [])
        out.append(line)
    if len(lines) in inserts:
        if out and out[-1].strip():
            out.append("")
        out += inserts[len(lines)][:-1]
    return "\n".join(out) + "\n"


def _check_merged(folder: Path, merged: dict[str, str]) -> None:
    """The KB checker, run on a copy of the kind files with the merged ones in place."""
    with tempfile.TemporaryDirectory() as scratch:
        for filename in KIND_FILES.values():
            shutil.copyfile(folder / filename, Path(scratch) / filename)
        for filename, content in merged.items():
            (Path(scratch) / filename).write_text(content, encoding="utf-8")
        problems, _ = check_kb(scratch)
    if problems:
        first = problems[0]
        where = re.sub(re.escape(scratch), str(folder), first.path)
        raise KBMergeError(f"{where}: {first.entry_id or '-'}: {first.problem} (after merging); nothing was merged")


def _replace(path: Path, content: str) -> None:
    """Write beside the file, then rename over it: a reader never sees half a file."""
    temporary = path.with_name(path.name + ".nerlibya-tmp")
    try:
        temporary.write_text(content, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise KBMergeError(f"{path}: cannot write: {exc.strerror or exc}") from None

