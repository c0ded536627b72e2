"""The role lexicon (models/titles.yaml): which words make titles, per language.

Loaded once per (folder, language) and shared by the components that read titles.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import KnowledgeBaseError
from .kb import default_kb_path, parse_yaml

TITLES_FILE = "titles.yaml"
NAME_HEADS_FILE = "name_heads.yaml"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    offices: frozenset[str]
    ranks: frozenset[str]
    modifiers: frozenset[str]
    qualifiers: dict[str, str]
    complements: frozenset[str]
    portfolio_offices: frozenset[str]
    clause_roles: dict[str, str]
    appointment_verbs: frozenset[str]
    honorifics: frozenset[str]

    def title_words(self) -> frozenset[str]:
        """Every word that can be part of a title or an honorific ('field', 'marshal', 'foreign', 'mr.')."""
        phrases = self.offices | self.ranks | self.modifiers | set(self.qualifiers) | self.honorifics
        return frozenset(w for p in phrases for w in p.split()) - self.complements - {"of", "de", "the"}

    def phrases(self) -> dict[str, frozenset[str]]:
        """Category name -> lower-cased phrases, for building a phrase matcher."""
        return {
            "OFFICE": self.offices,
            "RANK": self.ranks,
            "MOD": self.modifiers,
            "QUAL": frozenset(self.qualifiers),
            "COMP": self.complements,
            "CLAUSE": frozenset(self.clause_roles),
            "APPOINT": self.appointment_verbs,
            "HONOR": self.honorifics,
        }


@dataclass(frozen=True)
class NameHeads:
    """Head nouns that belong to a name, as token tuples, per label (FAC, ORG): written after the name
    (English) or before it (French)."""

    after: dict[str, tuple[tuple[str, ...], ...]]
    before: dict[str, tuple[tuple[str, ...], ...]]


def _read_yaml(name: str, folder: str | Path | None) -> tuple[dict, str]:
    path = Path(folder or default_kb_path()) / name
    if not path.is_file():
        path = default_kb_path() / name
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeBaseError(str(path), None, "file missing") from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(str(path), None, "not valid YAML: " + " ".join(str(exc).split())) from None
    if not isinstance(data, dict) or "en" not in data:
        raise KnowledgeBaseError(str(path), None, "top level must map languages (en, fr) to word lists")
    return data, str(path)


@lru_cache(maxsize=8)
def load_name_heads(lang: str = "en", folder: str | Path | None = None) -> NameHeads:
    data, path = _read_yaml(NAME_HEADS_FILE, folder)
    section = data.get(lang) or {}
    sides: dict[str, dict[str, tuple]] = {"after": {}, "before": {}}
    for label, lists in section.items():
        if label not in ("FAC", "ORG") or not isinstance(lists, dict):
            raise KnowledgeBaseError(path, f"{lang}.{label}", "expected FAC or ORG with 'after'/'before' lists")
        for side in sides:
            words = _lower_set(lists.get(side, []), path, lang, f"{label}.{side}")
            sides[side][label] = tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))
    return NameHeads(**sides)


def _lower_set(values, path: str, lang: str, key: str) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise KnowledgeBaseError(path, f"{lang}.{key}", "must be a list of strings")
    return frozenset(v.lower() for v in values)


def _lower_map(values, path: str, lang: str, key: str) -> dict[str, str]:
    if not isinstance(values, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in values.items()):
        raise KnowledgeBaseError(path, f"{lang}.{key}", "must be a mapping of strings")
    return {k.lower(): v for k, v in values.items()}


@lru_cache(maxsize=8)
def load_lexicon(lang: str = "en", folder: str | Path | None = None) -> Lexicon:
    """The title lexicon for one language; unknown languages fall back to English."""
    data, p = _read_yaml(TITLES_FILE, folder)
    section = data.get(lang) or data["en"]
    key = lang if lang in data else "en"
    return Lexicon(
        lang=key,
        offices=_lower_set(section.get("offices", []), p, key, "offices"),
        ranks=_lower_set(section.get("ranks", []), p, key, "ranks"),
        modifiers=_lower_set(section.get("modifiers", []), p, key, "modifiers"),
        qualifiers=_lower_map(section.get("qualifiers", {}), p, key, "qualifiers"),
        complements=_lower_set(section.get("complements", []), p, key, "complements"),
        portfolio_offices=_lower_set(section.get("portfolio_offices", []), p, key, "portfolio_offices"),
        clause_roles=_lower_map(section.get("clause_roles", {}), p, key, "clause_roles"),
        appointment_verbs=_lower_set(section.get("appointment_verbs", []), p, key, "appointment_verbs"),
        honorifics=_lower_set(section.get("honorifics", []), p, key, "honorifics"),
    )
