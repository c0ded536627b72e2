"""Which organisation records of one article name the same body.

Articles name a body in full once, then shorten it: 'the Central Bank' after 'Central Bank of Libya',
'the Council' after 'the Security Council', 'State Council' for 'High Council of State', 'Parliament'
beside the KB's 'Libyan parliament', or give an acronym before its long form ('OPEC ... Organization of
the Petroleum Exporting Countries'). A shorter form joins a fuller record when its words are among the
fuller name's words and both have the same head noun (the kind of body: council, bank, commission), or
when it abbreviates the fuller name. Two full names are never joined to each other: 'Presidential
Council' and 'High Council of State' share a head, but neither's words contain the other's.

Pure functions on frozen dataclasses; the resolver builds the records and applies the result.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..text.normalize import ACRONYM_SKIP_WORDS, acronym_fits, acronym_initial, is_acronym, name_key

_WORD_SPLIT = re.compile(r"[\s']+")


@dataclass(frozen=True)
class NameGrammar:
    """How a language builds a body's name: its kinds of body ('council', 'conseil'), the words that
    join a complement ('of', 'de'), whether the head noun comes first ('Banque centrale de Libye'), and its
    nationality adjectives in every written form, folded ('libyen', 'libyenne')."""

    bodies: frozenset[str]
    linking_words: frozenset[str]
    head_first: bool
    nationalities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OrgRecord:
    """One organisation record of an article: its forms as written, the KB's names for it if it is
    linked, and the token offset of each mention (ascending)."""

    key: str
    kb_id: str | None
    forms: tuple[str, ...]
    known_names: tuple[str, ...]
    positions: tuple[int, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return self.forms + self.known_names


def _words(name: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(name_key(name)) if w]


@lru_cache(maxsize=65536)
def content_words(name: str, grammar: NameGrammar) -> frozenset[str]:
    """The words that carry the name: no articles, no 'of'/'de', no elided 'd''/'l''."""
    skip = ACRONYM_SKIP_WORDS | grammar.linking_words
    return frozenset(w for w in _words(name) if w not in skip and len(w) > 1)


@lru_cache(maxsize=65536)
def head_noun(name: str, grammar: NameGrammar) -> str | None:
    """The kind of body the name denotes: the body noun before any complement ('council' in 'High
    Council of State', 'banque' in 'Banque centrale de Libye'); without one, the last word before the
    complement (first word where the head comes first)."""
    before_complement: list[str] = []
    for word in _words(name):
        if word in grammar.linking_words or word in ("d", "l"):
            if before_complement:
                break
            continue
        before_complement.append(word)
    if not before_complement:
        return None
    ordered = before_complement if grammar.head_first else before_complement[::-1]
    return next((w for w in ordered if w in grammar.bodies), ordered[0])


@lru_cache(maxsize=65536)
def is_shorter_form(short: str, full: str, grammar: NameGrammar) -> bool:
    """'Central Bank' of 'Central Bank of Libya', 'State Council' of 'High Council of State': fewer
    words, all of them in the full name, and the same head noun."""
    short_words, full_words = _without_edge_nationality(short, grammar), content_words(full, grammar)
    return (bool(short_words) and short_words < full_words
            and head_noun(short, grammar) == head_noun(full, grammar))


def _without_edge_nationality(name: str, grammar: NameGrammar) -> frozenset[str]:
    """The content words of a shorter form, less a nationality adjective written where the language puts
    adjectives ('Conseil de transition [libyen]' for 'Conseil national de transition', '[Libyan] Transitional
    Council'): an article adds it to say whose body it is, not to name another."""
    words, edge = content_words(name, grammar), _words(name)[-1 if grammar.head_first else 0:][:1]
    return words - frozenset(edge) if edge and edge[0] in grammar.nationalities else words


@lru_cache(maxsize=65536)
def abbreviates(short: str, full: str, grammar: NameGrammar) -> bool:
    """'OPEC' of 'Organization of the Petroleum Exporting Countries', wherever each is written."""
    return (is_acronym(short) and len(content_words(full, grammar)) > 1
            and acronym_fits([w for w in full.split()], short))


def _fits(short: OrgRecord, full: OrgRecord, grammar: NameGrammar) -> bool:
    return all(any((abbreviates if is_acronym(form) else is_shorter_form)(form, name, grammar) for name in full.names)
               for form in short.forms)


def fuller_record(short: OrgRecord, records: list[OrgRecord], grammar: NameGrammar) -> OrgRecord | None:
    """The record a KB-unknown record is a shorter form of: the nearest one mentioned before it, else
    the first mentioned after it; None if it fits no other record."""
    if short.kb_id is not None:
        return None  # a body the KB knows is a body of its own
    first = short.positions[0]
    fitting = [r for r in records if r.key != short.key and _fits(short, r, grammar)]
    before = [(max(p for p in r.positions if p < first), r) for r in fitting if r.positions[0] < first]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(fitting, key=lambda r: r.positions[0], default=None)


def _index_by_word(records: list[OrgRecord], grammar: NameGrammar) -> dict[tuple[str, str], list[OrgRecord]]:
    """Records by each content word and the acronym initial of each of their names. A shorter form can only
    join a record holding all its words, an acronym one whose name starts with its letter: each record is
    compared with the few that share its rarest word, so an article's work grows with its length, not with
    the square of the bodies it names."""
    index: dict[tuple[str, str], list[OrgRecord]] = defaultdict(list)
    for record in records:
        for key in set().union(*(_index_keys(name, grammar) for name in record.names)):
            index[key].append(record)
    return index


@lru_cache(maxsize=65536)
def _index_keys(name: str, grammar: NameGrammar) -> frozenset[tuple[str, str]]:
    """The keys one name files its record under (a KB body's names come back in every article naming it)."""
    return frozenset({("initial", acronym_initial(name.split()))}
                     | {("word", word) for word in content_words(name, grammar)})


def _candidates(short: OrgRecord, index: dict[tuple[str, str], list[OrgRecord]], grammar: NameGrammar
                ) -> list[OrgRecord]:
    form = short.forms[0]
    if is_acronym(form):
        return index.get(("initial", form[:1].lower()), [])
    buckets = [index.get(("word", word), []) for word in _without_edge_nationality(form, grammar)]
    return min(buckets, key=len, default=[])


def join_shorter_records(records: list[OrgRecord], grammar: NameGrammar) -> dict[str, OrgRecord]:
    """Key of each record that joins another -> the record it ends up in (following chains: 'Council'
    -> 'Security Council' -> 'UN Security Council')."""
    parent = {}
    index = _index_by_word(records, grammar)
    for record in records:
        fuller = fuller_record(record, _candidates(record, index, grammar), grammar)
        if fuller is not None:
            parent[record.key] = fuller
    joined = {}
    for key, target in parent.items():
        seen = {key}
        while target.key in parent and target.key not in seen:
            seen.add(target.key)
            target = parent[target.key]
        if target.key != key:
            joined[key] = target
    return joined
