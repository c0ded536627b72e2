"""Tidy the statistical model's entity spans so they are names and nothing else.

en_core_web_sm writes 'the General Command's', 'President Macron' or 'the Libyan National Army' as
entities; users want 'General Command', 'Macron' and 'Libyan National Army'. This component trims
determiners, possessives, punctuation and (for people) leading titles and nationality words,
maps other label schemes (fr_core_news_sm's PER) onto ours, and drops spans left with no name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import load_kb
from ..lexicon import load_lexicon
from .base import NerlibyaPipe

DETERMINERS = frozenset({"the", "le", "la", "les", "l'", "l’", "a", "an", "un", "une", "des", "de", "du", "d'", "d’"})
TRAILING = frozenset({"'s", "’s", "'", "’", ",", ".", ";", ":", "-", "—", "–", '"', "”", "“", "(", ")"})
LABEL_MAP = {"PER": "PERSON"}
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


@Language.factory(
    "nerlibya_entity_cleanup",
    default_config={"kb_path": "", "drop_labels": ["MISC"]},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_entity_cleanup(nlp: Language, name: str, kb_path: str, drop_labels: list[str]) -> "EntityCleanup":
    lexicon = load_lexicon(nlp.lang, kb_path or None)
    title_words = {w for phrases in lexicon.phrases().values() for p in phrases for w in p.split()}
    title_words -= set(lexicon.complements) | {"of", "de", "the"}
    demonyms = set(load_kb(kb_path or None).by_demonym)
    return EntityCleanup(name, title_words=frozenset(title_words), demonyms=frozenset(demonyms),
                         drop_labels=frozenset(drop_labels))


class EntityCleanup(NerlibyaPipe):
    def __init__(self, name: str, *, title_words: frozenset[str], demonyms: frozenset[str],
                 drop_labels: frozenset[str]):
        self.name = name
        self.title_words = title_words
        self.demonyms = demonyms
        self.drop_labels = drop_labels

    def _is_person_prefix(self, token) -> bool:
        lower = token.lower_
        return lower in DETERMINERS or lower in self.title_words or lower in self.demonyms or token.is_punct

    def trim(self, ent: Span) -> Span | None:
        label = LABEL_MAP.get(ent.label_, ent.label_)
        if label in self.drop_labels:
            return None
        start, end = ent.start, ent.end
        doc = ent.doc
        while end > start and doc[end - 1].text.lower() in TRAILING:
            end -= 1
        if label == "PERSON" and not ent.id_:
            while start < end - 1 and self._is_person_prefix(doc[start]):
                start += 1
        while start < end and doc[start].lower_ in DETERMINERS:
            start += 1
        if start >= end:
            return None
        if label in NAME_LABELS and not any(t.text[:1].isupper() for t in doc[start:end]):
            return None
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent
        return Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=ent.id)

    def process(self, doc: Doc) -> Doc:
        doc.ents = [span for span in map(self.trim, doc.ents) if span is not None]
        return doc
