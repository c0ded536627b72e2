"""Tidy the statistical model's entity spans so they are names and nothing else.

en_core_web_sm writes 'the General Command's', 'President Macron' or 'the Libyan National Army' as
entities; users want 'General Command', 'Macron' and 'Libyan National Army'. This component trims
determiners, possessives, punctuation and (for people) leading titles and nationality words,
maps other label schemes (fr_core_news_sm's PER) onto ours, and drops spans left with no name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import KnowledgeBase, load_kb
from ..lexicon import NameHeads, load_lexicon, load_name_heads
from ..normalize import name_key
from .base import NerlibyaPipe

DETERMINERS = frozenset({"the", "le", "la", "les", "l'", "l’", "a", "an", "un", "une", "des", "de", "du", "d'", "d’"})
TRAILING = frozenset({"'s", "’s", "'", "’", ",", ".", ";", ":", "-", "—", "–", '"', "”", "“", "(", ")"})
LABEL_MAP = {"PER": "PERSON"}
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across", "à", "près", "dans", "vers"})
OF_WORDS = frozenset({"of", "for", "de", "du", "des", "d'", "d’"})
FRENCH_OF = frozenset({"de", "du", "des", "d'", "d’"})
LINKING_WORDS = frozenset({"of", "for", "on", "de", "du", "des", "d'", "d’"})
CALENDAR_WORDS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september "
    "october november december janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche".split())
COMPASS = frozenset("north south east west northeast northwest southeast southwest nord sud est ouest".split())
NAME_PARTICLES = frozenset({"al", "el", "ben", "bin", "ibn", "abu", "abou", "abd", "abdel", "bou", "ould"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


@Language.factory(
    "nerlibya_entity_cleanup",
    default_config={"kb_path": "", "drop_labels": ["MISC"]},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_entity_cleanup(nlp: Language, name: str, kb_path: str, drop_labels: list[str]) -> "EntityCleanup":
    return EntityCleanup(name, kb=load_kb(kb_path or None), title_words=load_lexicon(nlp.lang, kb_path or None).title_words(),
                         heads=load_name_heads(nlp.lang, kb_path or None), drop_labels=frozenset(drop_labels))


class EntityCleanup(NerlibyaPipe):
    def __init__(self, name: str, *, kb: KnowledgeBase, title_words: frozenset[str], heads: NameHeads,
                 drop_labels: frozenset[str]):
        self.name = name
        self.kb = kb
        self.title_words = title_words
        self.demonyms = frozenset(kb.by_demonym)
        self.heads = heads
        self.head_starts = frozenset(w[0] for phrases in heads.after.values() for w in phrases)
        self.head_ends = frozenset(w[-1] for phrases in heads.before.values() for w in phrases)
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
        end = next((t.i for t in doc[start:end] if t.is_space and "\n" in t.text), end)  # names do not cross lines
        while end > start and (doc[end - 1].text.lower() in TRAILING or
                               (end - start > 1 and doc[end - 1].lower_ in DETERMINERS | LINKING_WORDS)):
            end -= 1  # a name ends before a dangling "de l'" or "of the"
        if label == "PERSON" and not ent.id_:
            while start < end - 1 and self._is_person_prefix(doc[start]):
                start += 1
        while start < end and not ent.id_ and doc[start].lower_ in DETERMINERS and not doc[start].is_upper:
            start += 1
        if start >= end:
            return None
        span = doc[start:end]
        if not ent.id_ and self._is_not_a_name(span, label):
            return None
        if label == "PERSON" and not ent.id_ and start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS:
            label = "GPE"  # 'in Souq al-Juma': the model's person is a place
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent
        return Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=ent.id)

    def _is_not_a_name(self, span: Span, label: str) -> bool:
        """Spans the model tags that are no names at all: 'Field Marshal' or 'Defence' (from 'Minister of
        Defence') as organisations, a nationality word as a place, 'In' as a person, 'Oct 10' as a place."""
        doc, words = span.doc, [t.lower_ for t in span]
        if label in NAME_LABELS and not any(t.text[:1].isupper() for t in span):
            return True
        if len(span) == 1 and (words[0] in self.demonyms or words[0].rstrip("s") in self.demonyms or span[0].is_stop):
            return True
        if words[0] in CALENDAR_WORDS or (len(words) == 1 and words[0] in COMPASS):
            return True
        if label == "PERSON" and all(w in self.title_words for w in words):
            return True  # 'M.', 'Sheikh'
        if label != "PERSON" and span[0].is_lower and words[0] in self.title_words:
            return True  # fr_core_news_sm's 'ministre des Affaires étrangères' (ORG) is a title, not a name
        if label != "PERSON" and all(w in self.title_words for w in words):
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            after = doc[span.end] if span.end < len(doc) else None
            return before in OF_WORDS or before in self.title_words or (after is not None and after.text[:1].isupper())
        return False

    def with_head_noun(self, span: Span, taken: set[int]) -> Span:
        """'Sharara' + 'oil field', 'base d'' + 'Al-Watiya', 'Abu Surra' + 'brigade': the facility or
        organisation, named with its head noun. A KB organisation keeps its own span."""
        if span.label_ not in ("GPE", "LOC", "FAC", "ORG", "PERSON") or (span.label_ == "ORG" and span.id_):
            return span
        doc = span.doc
        for label in ("FAC", "ORG"):
            start, end = span.start, span.end
            if end < len(doc) and doc[end].lower_ in self.head_starts:
                for words in self.heads.after.get(label, ()):
                    if tuple(t.lower_ for t in doc[end:end + len(words)]) == words:
                        end += len(words)
                        break
            if start > 1 and doc[start - 1].lower_ in FRENCH_OF and doc[start - 2].lower_ in self.head_ends:
                for words in self.heads.before.get(label, ()):
                    first = start - 1 - len(words)
                    if first >= 0 and tuple(t.lower_ for t in doc[first:start - 1]) == words:
                        start = first
                        break
            outside = [i for i in range(start, end) if not span.start <= i < span.end]
            if outside and not any(i in taken for i in outside):
                known = self.kb.by_id.get(span.id_)
                return Span(doc, start, end, label=label, span_id=span.id_ if known and known.label == label else "")
        return span

    def process(self, doc: Doc) -> Doc:
        spans = [span for span in map(self.trim, join_broken_names(doc)) if span is not None]
        taken = {i for span in spans for i in range(span.start, span.end)}
        spans = [self.with_head_noun(span, taken) for span in spans]
        doc.ents = drop_capitalised_common_words(doc, spans, known=self.kb.by_surname)
        return doc


def join_broken_names(doc: Doc) -> list[Span]:
    """Mend names the model cut in two: at the Arabic article ('Abdallah al' + '-Theni'), or an organisation
    ending in 'of' before the place it belongs to ('Social Council of' + 'Souq al-Juma')."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = ent.end
        if doc[end - 1].text == "-" and end - ent.start > 1 and doc[end - 2].lower_ in NAME_PARTICLES:
            end -= 1  # the model kept the hyphen: 'Al-' + 'Joufra'
        if doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc):
            nxt = end + 1 if doc[end].text == "-" else end
            if nxt < len(doc) and doc[nxt].text[:1].isupper():
                following = ents[i + 1] if i + 1 < len(ents) and ents[i + 1].start == nxt else None
                new_end = following.end if following is not None else nxt + 1
                known = following if following is not None and following.id_ else None
                out.append(Span(doc, ent.start, new_end, label=known.label_ if known else ent.label_,
                                span_id=known.id_ if known else ""))
                i += 2 if following is not None else 1
                continue
        following = ents[i + 1] if i + 1 < len(ents) else None
        if (ent.label_ == "ORG" and following is not None and doc[end - 1].lower_ in LINKING_WORDS
                and following.start == end):  # 'Social Council of' + 'Souq al-Juma'
            out.append(Span(doc, ent.start, following.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def drop_capitalised_common_words(doc: Doc, spans: list[Span], known=frozenset()) -> list[Span]:
    """A span whose only capital is the sentence's first letter ('Jeudi', 'Premiers résultats', 'Turnout') is
    a name only if the article writes that word capitalised more than once, or the KB knows it as a surname
    (a shared surname such as 'Haftar' carries no id of its own)."""
    kept = []
    text = None  # Doc.text joins every token: build it once, and only if needed
    for span in spans:
        capitals = [t for t in span if t.text[:1].isupper()]
        lone = (len(capitals) == 1 and capitals[0].i == span.start and not span.id_ and _opens_sentence(span[0])
                and name_key(span.text) not in known)
        if lone and span.label_ in NAME_LABELS:
            text = doc.text if text is None else text
        if lone and span.label_ in NAME_LABELS and text.count(span[0].text) < 2:
            continue
        kept.append(span)
    return kept


def _opens_sentence(token) -> bool:
    """First word of a sentence, or of a line (headlines and datelines end without a full stop)."""
    if token.is_sent_start or token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return previous.is_space and "\n" in previous.text
