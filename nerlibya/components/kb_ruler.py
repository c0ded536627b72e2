"""Knowledge-base entity ruler: every name, alias, acronym and surname in the KB becomes a match
pattern, so curated entities are found with their ids before the statistical model runs.

Placed before `ner` (the model then predicts around spans that are already fixed), it overwrites
nothing: the KB wins because it goes first. Names and aliases match case-insensitively (LOWER);
acronyms and bare surnames match case-sensitively, so 'GUN' is not 'gun' and 'Hamad' needs its capital.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import KnowledgeBaseError
from ..kb import KnowledgeBase, load_kb
from ..normalize import surface_variants
from .base import NerlibyaPipe

SURNAME_KEY = "nerlibya-surname"


@Language.factory(
    "nerlibya_kb_ruler",
    default_config={"kb_path": "", "overwrite_ents": False},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "token.ent_id"],
)
def make_kb_ruler(nlp: Language, name: str, kb_path: str, overwrite_ents: bool) -> "KBRuler":
    return KBRuler(nlp, name, kb=load_kb(kb_path or None), overwrite_ents=overwrite_ents)


class KBRuler(NerlibyaPipe):
    """Phrase-match the knowledge base; the span id (`ent.id_`) is the KB id, or '' for a surname
    shared by several people (the resolver decides those by context)."""

    def __init__(self, nlp: Language, name: str, *, kb: KnowledgeBase, overwrite_ents: bool = False):
        if not len(kb):
            raise KnowledgeBaseError(kb.source, None, "knowledge base is empty: nothing to match")
        self.name = name
        self.kb = kb
        self.overwrite_ents = overwrite_ents
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._labels: dict[int, tuple[str, str]] = {}
        self._add(nlp, self.lower_matcher, self._name_patterns())
        self._add(nlp, self.exact_matcher, self._exact_patterns())

    def _name_patterns(self) -> Iterable[tuple[str, str, str]]:
        for entity in self.kb:
            for name in entity.full_names:
                for variant in surface_variants(name):
                    yield entity.label, entity.id, variant

    def _exact_patterns(self) -> Iterable[tuple[str, str, str]]:
        for entity in self.kb:
            for acronym in entity.acronyms:
                yield entity.label, entity.id, acronym
        for surname, ids in self.kb.by_surname.items():
            owners = [self.kb.by_id[i] for i in sorted(ids)]
            entity_id = owners[0].id if len(owners) == 1 else SURNAME_KEY
            for form in {s for o in owners for s in o.surnames}:
                for variant in surface_variants(form):
                    yield "PERSON", entity_id, variant
                    if variant[:1].islower():
                        yield "PERSON", entity_id, variant[:1].upper() + variant[1:]

    def _add(self, nlp: Language, matcher: PhraseMatcher, patterns: Iterable[tuple[str, str, str]]) -> None:
        grouped: dict[tuple[str, str], set[str]] = {}
        for label, entity_id, text in patterns:
            grouped.setdefault((label, entity_id), set()).add(text)
        for (label, entity_id), texts in grouped.items():
            key = f"{label}|{entity_id}"
            self._labels[nlp.vocab.strings.add(key)] = (label, entity_id)
            matcher.add(key, list(nlp.tokenizer.pipe(sorted(texts))))

    def __len__(self) -> int:
        return len(self.lower_matcher) + len(self.exact_matcher)

    def process(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        for matcher in (self.lower_matcher, self.exact_matcher):
            for match_id, start, end in matcher(doc):
                label, entity_id = self._labels[match_id]
                spans.append(Span(doc, start, end, label=label, span_id=entity_id if entity_id != SURNAME_KEY else ""))
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        existing = list(doc.ents)
        if self.overwrite_ents:
            taken = {i for span in spans for i in range(span.start, span.end)}
            kept = [e for e in existing if not any(i in taken for i in range(e.start, e.end))]
            doc.ents = filter_spans(kept + spans)
        else:
            taken = {i for e in existing for i in range(e.start, e.end)}
            doc.ents = existing + [s for s in spans if not any(i in taken for i in range(s.start, s.end))]
        return doc
