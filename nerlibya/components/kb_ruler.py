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
from ..lexicon import load_lexicon
from ..normalize import surface_variants
from .base import NerlibyaPipe

SURNAME_KEY = "nerlibya-surname"
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "\n", "\n\n"})


@Language.factory(
    "nerlibya_kb_ruler",
    default_config={"kb_path": "", "overwrite_ents": False},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "token.ent_id"],
)
def make_kb_ruler(nlp: Language, name: str, kb_path: str, overwrite_ents: bool) -> "KBRuler":
    kb = load_kb(kb_path or None)
    lead_words = load_lexicon(nlp.lang, kb_path or None).title_words() | frozenset(kb.by_demonym)
    return KBRuler(nlp, name, kb=kb, overwrite_ents=overwrite_ents, lead_words=lead_words)


class KBRuler(NerlibyaPipe):
    """Phrase-match the knowledge base; the span id (`ent.id_`) is the KB id, or '' for a surname
    shared by several people (the resolver decides those by context)."""

    def __init__(self, nlp: Language, name: str, *, kb: KnowledgeBase, overwrite_ents: bool = False,
                 lead_words: frozenset[str] = frozenset()):
        if not len(kb):
            raise KnowledgeBaseError(kb.source, None, "knowledge base is empty: nothing to match")
        self.name = name
        self.kb = kb
        self.overwrite_ents = overwrite_ents
        self.lead_words = lead_words
        self._surname_keys: set[int] = set()
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._labels: dict[int, tuple[str, str]] = {}
        self._add(nlp, self.lower_matcher, self._name_patterns(), "name")
        self._add(nlp, self.exact_matcher, self._acronym_patterns(), "acronym")
        self._add(nlp, self.exact_matcher, self._surname_patterns(), "surname")

    def _name_patterns(self) -> Iterable[tuple[str, str, str]]:
        for entity in self.kb:
            for name in entity.full_names:
                for variant in surface_variants(name):
                    yield entity.label, entity.id, variant

    def _acronym_patterns(self) -> Iterable[tuple[str, str, str]]:
        for entity in self.kb:
            for acronym in entity.acronyms:
                yield entity.label, entity.id, acronym

    def _surname_patterns(self) -> Iterable[tuple[str, str, str]]:
        for surname, ids in self.kb.by_surname.items():
            owners = [self.kb.by_id[i] for i in sorted(ids)]
            entity_id = owners[0].id if len(owners) == 1 else SURNAME_KEY
            for form in {s for o in owners for s in o.surnames}:
                for variant in surface_variants(form):
                    yield "PERSON", entity_id, variant
                    if variant[:1].islower():
                        yield "PERSON", entity_id, variant[:1].upper() + variant[1:]

    def _add(self, nlp: Language, matcher: PhraseMatcher, patterns: Iterable[tuple[str, str, str]], kind: str) -> None:
        grouped: dict[tuple[str, str], set[str]] = {}
        for label, entity_id, text in patterns:
            grouped.setdefault((label, entity_id), set()).add(text)
        for (label, entity_id), texts in grouped.items():
            key = f"{label}|{entity_id}|{kind}"
            self._labels[nlp.vocab.strings.add(key)] = (label, entity_id)
            if kind == "surname":
                self._surname_keys.add(nlp.vocab.strings[key])
            matcher.add(key, list(nlp.tokenizer.pipe(sorted(texts))))

    def __len__(self) -> int:
        return len(self.lower_matcher) + len(self.exact_matcher)

    def process(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def inside_longer_name(self, doc: Doc, start: int, end: int) -> bool:
        """A KB surname inside someone else's name ('Martin' in 'Martin Griffiths', 'Badi' in 'Emadeddin
        Badi') is not a mention of the KB person: leave it to the model and the resolver."""
        after = doc[end] if end < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.is_alpha:
            return True
        if start == 0:
            return False
        before = doc[start - 1]
        opens_sentence = before.is_sent_start or before.i == 0 or doc[before.i - 1].text in SENTENCE_ENDS
        return before.text[:1].isupper() and before.is_alpha and not opens_sentence and before.lower_ not in self.lead_words

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        for matcher in (self.lower_matcher, self.exact_matcher):
            for match_id, start, end in matcher(doc):
                if match_id in self._surname_keys and self.inside_longer_name(doc, start, end):
                    continue
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
