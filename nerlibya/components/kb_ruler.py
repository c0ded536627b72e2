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

from ..core.org_evidence import reads_as_given_name
from ..errors import KnowledgeBaseError
from ..text.normalize import surface_variants
from .base import KnowledgePipe
from .entity_spans import set_entities

SURNAME_KEY = "nerlibya-surname"
PLACE_LABELS = ("GPE", "LOC", "FAC")
# an organisation's acronym this long is also found written as a word ('Manul', 'Unsmil'): shorter ones
# written so are often given names or places ('Lana', 'Sana')
WORD_ACRONYM_LETTERS = 5
MAX_NAME_CONTINUATION = 4  # capitalised words read after a place to see what they name
HYPHENS = frozenset({"-", "‑"})
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "\n", "\n\n"})


@Language.factory(
    "nerlibya_kb_ruler",
    default_config={"kb_path": "", "lang_path": "", "overwrite_ents": False},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "token.ent_id"],
)
def make_kb_ruler(nlp: Language, name: str, kb_path: str, lang_path: str, overwrite_ents: bool) -> "KBRuler":
    return KBRuler(nlp, name, kb_path=kb_path, lang_path=lang_path, overwrite_ents=overwrite_ents)


class KBRuler(KnowledgePipe):
    """Phrase-match the knowledge base; the span id (`ent.id_`) is the KB id, or '' for a surname
    shared by several people (the resolver decides those by context). The patterns are derived from
    the KB it holds, so saving the KB (see `KnowledgePipe`) saves them."""

    def __init__(self, nlp: Language, name: str, *, overwrite_ents: bool = False, **knowledge):
        self.overwrite_ents = overwrite_ents
        super().__init__(nlp, name, **knowledge)

    def build(self) -> None:
        kb, nlp = self.kb, self.nlp
        if not len(kb):
            raise KnowledgeBaseError(kb.source, None, "knowledge base is empty: nothing to match")
        # words that may stand right before a surname without making it part of a longer name
        self.lead_words = self.lexicon.title_words() | frozenset(kb.by_demonym)
        words = self.lexicon.words
        self.sentence_openers = (words.sentence_openers | words.function_words | words.calendar_words
                                 | words.adverbs | words.conjunctions)
        # capitalised words after a place that do not make it part of a longer name ('Libya Monday', 'Libya
        # President'); a modifier such as 'Oil' does ('Zueitina Oil Port Workers Union')
        lexicon = self.lexicon
        title_heads = {w for phrase in lexicon.offices | lexicon.ranks | lexicon.honorifics for w in phrase.split()}
        self.not_name_words = (frozenset(title_heads) | frozenset(kb.by_demonym) | words.calendar_words
                               | words.leading_determiners | words.nationality_words)
        self.post_prepositions = words.post_prepositions
        self.office_ends = frozenset(phrase.split()[-1] for phrase in lexicon.offices)
        self.capitalised_place_openers = _capitalised_openers(
            name for entity in kb if entity.label in PLACE_LABELS for name in entity.full_names) - words.place_name_starts
        heads = self.lexicon.heads
        self.place_nouns = words.place_nouns | {w[-1] for side in (heads.after, heads.before) for w in side.get("FAC", ())}
        self._place_labels = frozenset(nlp.vocab.strings.add(label) for label in PLACE_LABELS)
        self._surname_keys: set[int] = set()
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._span_attrs: dict[int, tuple[int, int]] = {}  # match id -> label and span id, as string hashes
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
                if entity.kind == "organisation" and len(acronym) >= WORD_ACRONYM_LETTERS and acronym.isalpha() and acronym.isupper():
                    yield entity.label, entity.id, acronym.title()  # 'la Manul', 'l'Unicef': written as a word

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
            match_id = nlp.vocab.strings.add(key)
            span_id = "" if entity_id == SURNAME_KEY else entity_id
            self._span_attrs[match_id] = (nlp.vocab.strings.add(label), nlp.vocab.strings.add(span_id))
            if kind == "surname":
                self._surname_keys.add(match_id)
            matcher.add(key, list(nlp.tokenizer.pipe(sorted(texts))))

    def __len__(self) -> int:
        self.initialize()
        return len(self.lower_matcher) + len(self.exact_matcher)

    def process(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def inside_longer_name(self, doc: Doc, start: int, end: int) -> bool:
        """A KB surname inside someone else's name ('Martin' in 'Martin Griffiths', 'Badi' in 'Emadeddin
        Badi') is not a mention of the KB person: leave it to the model and the resolver."""
        if end < len(doc):
            after = doc[end]
            if after.text[:1].isupper() and after.is_alpha:
                return True
        start = self._before_name_article(doc, start)  # 'Mohamed [al-]Hassi' is not Omar al-Hassi
        if start == 0:
            return False
        before = doc[start - 1]
        if not (before.text[:1].isupper() and before.is_alpha) or before.lower_ in self.lead_words:
            return False
        # a sentence's first word is capitalised anyway: part of the name unless it is a word that opens sentences
        return not _opens_sentence(doc, start - 1) or before.lower_ not in self.sentence_openers

    def _before_name_article(self, doc: Doc, start: int) -> int:
        """Where a surname's lower-case article written before it ('al-', 'el ', 'ben ') opens; or `start`."""
        articles = self.lexicon.words.name_articles
        if start >= 2 and doc[start - 1].text in HYPHENS and doc[start - 2].is_lower and doc[start - 2].lower_ in articles:
            return start - 2
        if start >= 1 and doc[start - 1].is_lower and doc[start - 1].lower_ in articles:
            return start - 1
        return start

    def inside_longer_place_name(self, doc: Doc, start: int, end: int, match_starts: set[int]) -> bool:
        """A place inside the name of an outlet, a conference or a body ('The Washington Post', 'Berlin
        Process', 'Al-Arab London', 'SOS-Méditerranée') is no mention of the place: leave it to the model.
        The name goes on with a capitalised word on the same line, or opens with a hyphenated word."""
        if end < len(doc) and end not in match_starts and not doc[end - 1].is_upper:  # 'U.S. Department' stays
            after = doc[end]
            if _capitalised(after) and after.lower_ not in self.not_name_words:
                return not (self.names_a_facility(doc, end) or self.place_of_a_post(doc, start))
        if _hyphen_joined(doc, start, match_starts):  # 'SOS-Méditerranée'
            return True
        return (start >= 3 and _capitalised(doc[start - 1]) and doc[start - 2].text in HYPHENS
                and doc[start - 3].lower_ in self.lexicon.words.name_articles)  # 'Al-Arab London'

    def second_half_of_a_name(self, doc: Doc, start: int, match_starts: set[int]) -> bool:
        """'Mustafa Abdul-Jalil': a KB surname glued by a hyphen to a capitalised word is the second half of
        a compound name, which the model reads whole; not after an article ('Al-Sarraj') nor after a KB name of
        its own ('the Sarraj-Haftar talks' names two)."""
        articles = self.lexicon.words.name_articles
        return _hyphen_joined(doc, start, match_starts) and doc[start - 2].lower_ not in articles

    def place_of_a_post(self, doc: Doc, start: int) -> bool:
        """'ambassador to Tripoli Serhat Aksen', 'envoy for Libya Nicola Orlando': a place right after an office and
        the preposition of its post closes the title; the capitalised words after it are the holder's name."""
        return (start >= 2 and doc[start - 1].lower_ in self.post_prepositions
                and doc[start - 2].lower_ in self.office_ends)

    def names_a_place(self, doc: Doc, end: int) -> bool:
        """A KB surname before a lower-case place noun, alone or listed with other names before it ('the
        al-Sarraj area', 'the al-Sarraj and Ain Zara areas'): a district named after someone, not the person."""
        k = end
        if k < len(doc) and doc[k].lower_ in self.lexicon.words.conjunctions:
            k += 1
            while k < len(doc) and k - end <= MAX_NAME_CONTINUATION and (
                    _capitalised(doc[k]) or doc[k].text in HYPHENS or doc[k].lower_ in self.lexicon.words.name_articles):
                k += 1
        return k < len(doc) and doc[k].is_lower and doc[k].lower_ in self.lexicon.words.place_nouns

    def opens_with_a_common_word(self, doc: Doc, start: int, end: int) -> bool:
        """'the eastern Mediterranean': a place the KB writes with a capitalised first word ('Eastern
        Mediterranean'), here written in lower case, is a common word before a place ('Mediterranean'); an
        Arabic place word is not ('djebel Akhdar'). So is a one-word place written in lower case: an adjective
        ('la région tripolitaine')."""
        return doc[start].is_lower and doc[start].lower_ in self.capitalised_place_openers

    def names_a_facility(self, doc: Doc, start: int) -> bool:
        """The capitalised words from `start` end with a place noun ('Misrata Central Hospital'): the place
        names a facility of its own, and stays a mention of the place."""
        end = start
        while end < len(doc) and end - start < MAX_NAME_CONTINUATION and _capitalised(doc[end]):
            end += 1
        return doc[end - 1].lower_ in self.place_nouns

    def acronym_as_given_name(self, doc: Doc, start: int, end: int) -> bool:
        """'Lana Nusseibeh': a body's acronym written as a word ('Lana' for LANA) right before another capitalised
        word is a person's given name; left to the model, it stays in the person's name (core: reads_as_given_name).
        Longer acronyms written so are bodies ('Unicef Director X')."""
        word = doc[start].text
        return (end == start + 1 and end < len(doc) and len(word) < WORD_ACRONYM_LETTERS and not word.isupper()
                and bool(self.kb.by_acronym.get(word.upper())) and reads_as_given_name(word, doc[end].text))

    def match(self, doc: Doc) -> list[Span]:
        found = [(match_id, start, end) for matcher in (self.lower_matcher, self.exact_matcher)
                 for match_id, start, end in matcher(doc)]
        match_starts = {start for _, start, _ in found}
        place_labels, attrs = self._place_labels, self._span_attrs
        matches = [(start, end, match_id) for match_id, start, end in found
                   if (match_id not in self._surname_keys
                       or not (self.inside_longer_name(doc, start, end) or self.names_a_place(doc, end)
                               or self.second_half_of_a_name(doc, start, match_starts)))
                   and (attrs[match_id][0] not in place_labels
                        or not (self.inside_longer_place_name(doc, start, end, match_starts)
                                or self.opens_with_a_common_word(doc, start, end)))
                   and not self.acronym_as_given_name(doc, start, end)]
        spans = []
        for start, end, match_id in longest_matches(matches):
            label, span_id = self._span_attrs[match_id]
            spans.append(Span(doc, start, end, label=label, span_id=span_id))
        return spans

    def set_annotations(self, doc: Doc, spans: list[Span]) -> Doc:
        # set_ents takes the spans as they are; assigning doc.ents would build every one anew
        existing = list(doc.ents)
        if self.overwrite_ents:
            set_entities(doc, _not_overlapping(existing, spans) + spans)
        else:
            set_entities(doc, existing + _not_overlapping(spans, existing))
        return doc


def _capitalised_openers(names: Iterable[str]) -> frozenset[str]:
    """The first words of place names, lower-cased, that the KB only writes capitalised ('eastern' from 'Eastern
    Mediterranean', 'tripolitaine' from 'Tripolitaine'; not 'mer' from 'mer Méditerranée')."""
    firsts = [name.split()[0] for name in names]
    lower_written = {w for w in firsts if w[:1].islower()}
    return frozenset(w.lower() for w in firsts if w[:1].isupper()) - lower_written


def longest_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spaCy's `filter_spans` on (start, end, match_id) tuples, so that Spans are built for the kept
    matches only: of overlapping matches the (first) longest wins; the result is in text order."""
    kept = []
    seen: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
        start, end, _ = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept)  # kept matches start at different tokens


def _not_overlapping(spans: list[Span], others: list[Span]) -> list[Span]:
    """The `spans` that share no token with any of `others`."""
    if not others:
        return list(spans)
    taken = {i for span in others for i in range(span.start, span.end)}
    return [span for span in spans if taken.isdisjoint(range(span.start, span.end))]


def _hyphen_joined(doc: Doc, start: int, match_starts: set[int]) -> bool:
    """The match is glued by a hyphen to a capitalised word before it that opens no match of its own: one
    compound name ('SOS-Méditerranée', 'Abdul-Jalil'), not two names paired ('Sarraj-Haftar')."""
    return (start >= 2 and _capitalised(doc[start - 2]) and doc[start - 1].text in HYPHENS
            and start - 2 not in match_starts and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_)


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _opens_sentence(doc: Doc, i: int) -> bool:
    """doc[i] starts a sentence, or follows sentence-ending punctuation."""
    return doc[i].is_sent_start or i == 0 or doc[i - 1].text in SENTENCE_ENDS
