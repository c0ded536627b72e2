"""Pair acronyms with their long forms: 'Government of National Unity (GNU)', 'Haut Conseil d'État (HCE)'.

As scispacy's abbreviation detector does, the pairing found in one article holds for that article:
every later bare 'GNU' is the same organisation, whether or not the knowledge base or the model knows
it. The pairs go to `doc._.acronyms` (short form -> token offsets of the long form).
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..normalize import acronym_fits, is_acronym
from .base import NerlibyaPipe

Doc.set_extension("acronyms", default=None, force=True)

MAX_EXTRA_WORDS = 4


@Language.factory(
    "nerlibya_acronyms",
    default_config={"label": "ORG"},
    assigns=["doc._.acronyms", "doc.ents"],
    requires=["doc.ents"],
)
def make_acronyms(nlp: Language, name: str, label: str) -> "AcronymDetector":
    return AcronymDetector(name, label=label)


def long_form_before(doc: Doc, paren: int, short: str) -> tuple[int, int] | None:
    """Token range of the long form that ends right before the '(' at `paren`."""
    if paren == 0:
        return None
    last = doc[paren - 1]
    if last.ent_type_:
        start = paren - 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        if acronym_fits([t.text for t in doc[start:paren] if not t.is_punct], short):
            return start, paren
    letters = sum(c.isalpha() for c in short)
    for size in range(1, letters + MAX_EXTRA_WORDS + 1):
        start = paren - size
        if start < 0 or doc[start].is_punct:
            break
        if doc[start].text[:1].isupper() and acronym_fits([t.text for t in doc[start:paren]], short):
            return start, paren
    return None


class AcronymDetector(NerlibyaPipe):
    def __init__(self, name: str, *, label: str = "ORG"):
        self.name = name
        self.label = label

    def process(self, doc: Doc) -> Doc:
        pairs: dict[str, tuple[int, int]] = {}
        labels: dict[str, str] = {}
        new: list[Span] = []
        orth = doc.to_array("ORTH")
        opening = doc.vocab.strings["("]
        for i in (int(i) for i in (orth[1:-2] == opening).nonzero()[0] + 1):
            if doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text):
                continue
            short = doc[i + 1].text
            found = long_form_before(doc, i, short)
            if found is None or short in pairs:
                continue
            pairs[short] = found
            long_label = doc[found[0]].ent_type_ or self.label
            labels[short] = long_label if long_label in ("ORG", "GPE", "LOC", "FAC") else self.label
            if not doc[found[0]].ent_type_:
                new.append(Span(doc, found[0], found[1], label=labels[short]))
        if pairs:
            strings = doc.vocab.strings
            bare = numpy.isin(orth, [strings[short] for short in pairs]) & (doc.to_array("ENT_TYPE") == 0)
            for i in bare.nonzero()[0].tolist():
                new.append(Span(doc, i, i + 1, label=labels[strings[int(orth[i])]]))
            if new:
                taken = {i for e in doc.ents for i in range(e.start, e.end)}
                free = [s for s in filter_spans(new) if not any(i in taken for i in range(s.start, s.end))]
                doc.ents = list(doc.ents) + free
        doc._.acronyms = {short: list(span) for short, span in pairs.items()}
        return doc
