"""Pair acronyms with their long forms: 'Government of National Unity (GNU)', 'Haut Conseil d'État (HCE)';
or the other way round, the acronym first: 'la NOC (National Oil Company)'.

As scispacy's abbreviation detector does, the pairing found in one article holds for that article:
every later bare 'GNU' is the same organisation, whether or not the knowledge base or the model knows
it. The pairs go to `doc._.acronyms` (short form -> token offsets of the long form).
"""

from __future__ import annotations

import bisect

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..text.normalize import ACRONYM_SKIP_WORDS, acronym_fits, fold, is_acronym
from .base import NerlibyaPipe
from .entity_spans import set_entities

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


def is_word_acronym(text: str) -> bool:
    """'Manul', 'Otan', 'Unesco': some outlets (Le Monde, AFP in French) write acronyms as capitalised words."""
    return 3 <= len(text) <= 8 and text.isalpha() and text[0].isupper() and text[1:].islower()


def initials_fit(long_words: list[str], short: str) -> bool:
    """The strict test for a word-like short form: the content words' initials spell it exactly
    ('Mission d'appui des Nations unies en Libye' -> 'manul')."""
    words = [w for w in (fold(w).strip("-'") for w in long_words) if w]
    return "".join(w[0] for w in words if w not in ACRONYM_SKIP_WORDS) == short.lower()


def long_form_before(doc: Doc, paren: int, short: str) -> tuple[int, int] | None:
    """Token range of the long form that ends right before the '(' at `paren`."""
    if paren == 0:
        return None
    fits = initials_fit if is_word_acronym(short) else acronym_fits
    entity_start = None
    if doc[paren - 1].ent_type_:
        entity_start = paren - 1
        while entity_start > 0 and doc[entity_start].ent_iob_ == "I":
            entity_start -= 1
        if fits([t.text for t in doc[entity_start:paren] if not t.is_punct], short):
            return entity_start, paren
    letters, words = sum(c.isalpha() for c in short), 0
    for start in range(paren - 1, -1, -1):
        if doc[start].is_punct or doc[start].is_space:
            break  # a long form does not cross punctuation, a line break or a run of spaces
        words += fold(doc[start].text).strip("'’") not in ACRONYM_SKIP_WORDS
        if words > letters + MAX_EXTRA_WORDS:
            break  # the words an acronym leaves out ('de', 'l'', 'et les') do not count
        if doc[start].text[:1].isupper() and fits([t.text for t in doc[start:paren]], short):
            # 'Agence Tunis Afrique Presse (TAP)': the name the letters spell after the kind of body is the
            # whole name's, one word longer
            return (entity_start if entity_start == start - 1 else start), paren
    return None


def long_form_after(doc: Doc, paren: int, short: str) -> tuple[int, int] | None:
    """Token range of the long form in the parentheses opened at `paren`, right after the acronym it
    spells out: 'la NOC (National Oil Company)'. The whole bracket is the name, capitalised, with no
    punctuation inside."""
    fits = initials_fit if is_word_acronym(short) else acronym_fits
    most = paren + sum(c.isalpha() for c in short) + MAX_EXTRA_WORDS + 1
    for close in range(paren + 2, min(most, len(doc) - 1) + 1):
        token = doc[close]
        if token.text == ")":
            inside = doc[paren + 1 : close]
            return (paren + 1, close) if inside[0].text[:1].isupper() and fits([t.text for t in inside], short) else None
        if token.is_punct or token.is_space:
            return None
    return None


def paired_long_form(doc: Doc, paren: int) -> tuple[str, tuple[int, int]] | None:
    """The acronym and the token range of its long form around the '(' at `paren`: 'Long Form (LF)' or
    'LF (Long Form)'; None if neither is written there."""
    inside, before = doc[paren + 1].text, doc[paren - 1].text if paren > 0 else ""
    if doc[paren + 2].text == ")" and (is_acronym(inside) or is_word_acronym(inside)):
        found = long_form_before(doc, paren, inside)
        return (inside, found) if found is not None else None
    if is_acronym(before) and not doc[paren - 1].is_punct:
        found = long_form_after(doc, paren, before)
        return (before, found) if found is not None else None
    return None


class AcronymDetector(NerlibyaPipe):
    def __init__(self, name: str, *, label: str = "ORG"):
        self.name = name
        self.label = label

    def process(self, doc: Doc) -> Doc:
        pairs: dict[str, tuple[int, int]] = {}
        labels: dict[str, str] = {}
        new: list[Span] = []
        replaced: set[tuple[int, int]] = set()
        ents = list(doc.ents)
        ends = [e.end for e in ents]
        orth = doc.to_array("ORTH")
        opening = doc.vocab.strings["("]
        offices = written_titles(doc)
        for i in (int(i) for i in (orth[1:-2] == opening).nonzero()[0] + 1):
            paired = paired_long_form(doc, i)
            if paired is None or paired[0] in pairs or any(s <= paired[1][0] and paired[1][1] <= e for s, e in offices):
                continue  # 'Member of Parliament (MP)': an office's short form names no body
            short, found = paired
            pairs[short] = found
            inside = entities_inside(ents, ends, found)
            grows = inside is not None and [(e.start, e.end) for e in inside] != [found]
            long_label = self.label if grows else doc[found[0]].ent_type_  # 'Gardes' (LOC) opens a body's name
            labels[short] = long_label if long_label in ("ORG", "GPE", "LOC", "FAC") else self.label
            if grows:
                new.append(Span(doc, found[0], found[1], label=labels[short]))
                replaced.update((e.start, e.end) for e in inside)
        if pairs:
            strings = doc.vocab.strings
            bare = numpy.isin(orth, [strings[short] for short in pairs]) & (doc.to_array("ENT_TYPE") == 0)
            for i in bare.nonzero()[0].tolist():
                new.append(Span(doc, i, i + 1, label=labels[strings[int(orth[i])]]))
            kept = [e for e in ents if (e.start, e.end) not in replaced]
            relabelled = [_with_label(e, labels.get(e.text)) if is_word_acronym(e.text) else e for e in kept]
            if new or relabelled != ents:
                taken = {i for e in relabelled for i in range(e.start, e.end)}
                free = [s for s in new if not any(i in taken for i in range(s.start, s.end))]
                set_entities(doc, relabelled + free)
        doc._.acronyms = {short: list(span) for short, span in pairs.items()}
        return doc


def written_titles(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges of the titles the titles component read ('Member of Parliament'), if it ran."""
    titles = doc._.titles if Doc.has_extension("titles") else None
    return [(t.start, t.end) for t in titles or ()]


def entities_inside(ents: list[Span], ends: list[int], found: tuple[int, int]) -> list[Span] | None:
    """The entities within a long form, or None when one crosses its edge: 'Conseil national' tagged inside
    'Conseil national pour la sauvegarde de la patrie (CNSP)' gives way to the name the letters spell.
    `ends` are the entities' ends, in order: only the entities near the long form are read."""
    start, end = found
    touching, i = [], bisect.bisect_right(ends, start)
    while i < len(ents) and ents[i].start < end:
        touching.append(ents[i])
        i += 1
    return None if any(e.start < start or e.end > end for e in touching) else touching


def _with_label(ent: Span, label: str | None) -> Span:
    """A word-like short form the model tagged as a common name ('Manul' as a place) takes its long
    form's label; a knowledge-base match keeps its own."""
    if label is None or ent.label_ == label or ent.id_ or len(ent) != 1:
        return ent
    return Span(doc=ent.doc, start=ent.start, end=ent.end, label=label)
