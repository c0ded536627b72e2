"""Tidy the statistical model's entity spans so they are names and nothing else.

en_core_web_sm writes 'the General Command's', 'President Macron' or 'the Libyan National Army' as
entities; users want 'General Command', 'Macron' and 'Libyan National Army'. This component trims
determiners, possessives, punctuation and (for people) leading titles and nationality words,
maps other label schemes (fr_core_news_sm's PER) onto ours, and drops spans left with no name.

It runs on every entity of every article, so it reads tokens one by one by index (slicing a Doc builds
a Span, and each `doc[i]` a Token), reads `doc.ents` once, and builds a new Span only for a changed one.
"""

from __future__ import annotations

import operator

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import Words
from ..normalize import name_key
from .base import KnowledgePipe, is_line_break

# punctuation is the same in every language; words come from the language's data (models/lang/<code>/)
TRAILING_PUNCTUATION = frozenset({"'", "’", ",", ".", ";", ":", "-", "—", "–", '"', "”", "“", "(", ")"})
LABEL_MAP = {"PER": "PERSON"}
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
HEAD_NOUN_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
IOB_OUTSIDE = 2  # spaCy's code for 'O' in `Token.ent_iob`


@Language.factory(
    "nerlibya_entity_cleanup",
    default_config={"kb_path": "", "lang_path": "", "drop_labels": ["MISC"]},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_entity_cleanup(nlp: Language, name: str, kb_path: str, lang_path: str, drop_labels: list[str]) -> "EntityCleanup":
    return EntityCleanup(nlp, name, kb_path=kb_path, lang_path=lang_path, drop_labels=frozenset(drop_labels))


class EntityCleanup(KnowledgePipe):
    def __init__(self, nlp: Language, name: str, *, drop_labels: frozenset[str] = frozenset(), **knowledge):
        self.drop_labels = drop_labels
        super().__init__(nlp, name, **knowledge)

    def build(self) -> None:
        words, heads = self.lexicon.words, self.lexicon.heads
        self.words = words
        self.title_words = self.lexicon.title_words()
        self.demonyms = frozenset(self.kb.by_demonym)
        self.trailing = TRAILING_PUNCTUATION | words.possessive_marks
        self.dangling = words.leading_determiners | words.linking_words  # a longer name does not end with these
        self.heads = heads
        self.head_starts = frozenset(w[0] for phrases in heads.after.values() for w in phrases)
        self.head_ends = frozenset(w[-1] for phrases in heads.before.values() for w in phrases)
        self.longest_head_after = max((len(w) for phrases in heads.after.values() for w in phrases), default=0)
        self.longest_head_before = max((len(w) for phrases in heads.before.values() for w in phrases), default=0)

    def _is_person_prefix(self, token) -> bool:
        lower = token.lower_
        return lower in self.words.leading_determiners or lower in self.title_words or lower in self.demonyms or token.is_punct

    def trim(self, ent: Span) -> Span | None:
        ent_label = ent.label_
        label = LABEL_MAP.get(ent_label, ent_label)
        if label in self.drop_labels:
            return None
        doc, start, has_id = ent.doc, ent.start, bool(ent.id_)
        start, end = _unbroken_words(doc, start, ent.end)
        end = _without_trailing(doc, start, end, self.trailing, self.dangling)
        if label == "PERSON" and not has_id:
            while start < end - 1 and self._is_person_prefix(doc[start]):
                start += 1
        if not has_id:
            start = _after_determiners(doc, start, end, self.words.leading_determiners)
        if start >= end:
            return None
        if not has_id and self._is_not_a_name(doc, start, end, label):
            return None
        if label == "PERSON" and not has_id and start > 0 and doc[start - 1].lower_ in self.words.place_prepositions:
            label = "GPE"  # 'in Souq al-Juma': the model's person is a place
        if (start, end, label) == (ent.start, ent.end, ent_label):
            return ent
        return Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=ent.id)

    def _is_not_a_name(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """Spans the model tags that are no names at all: 'Field Marshal' or 'Defence' (from 'Minister of
        Defence') as organisations, a nationality word as a place, 'In' as a person, 'Oct 10' as a place."""
        tokens = [doc[i] for i in range(start, end)]
        words = [t.lower_ for t in tokens]
        if label in NAME_LABELS and not any(t.text[:1].isupper() for t in tokens):
            return True
        if len(words) == 1 and (words[0] in self.demonyms or words[0].rstrip("s") in self.demonyms or tokens[0].is_stop):
            return True
        if words[0] in self.words.calendar_words or (len(words) == 1 and words[0] in self.words.compass_words):
            return True
        if label == "PERSON" and all(w in self.title_words for w in words):
            return True  # 'M.', 'Sheikh'
        if label != "PERSON" and tokens[0].is_lower and words[0] in self.title_words:
            return True  # fr_core_news_sm's 'ministre des Affaires étrangères' (ORG) is a title, not a name
        if label != "PERSON" and all(w in self.title_words for w in words):
            before = doc[start - 1].lower_ if start > 0 else ""
            after = doc[end] if end < len(doc) else None
            return before in self.words.of_words or before in self.title_words or (after is not None and after.text[:1].isupper())
        return False

    def with_head_noun(self, span: Span, taken: set[int]) -> Span:
        """'Sharara' + 'oil field', 'base d'' + 'Al-Watiya', 'Abu Surra' + 'brigade': the facility or
        organisation, named with its head noun. A KB organisation keeps its own span."""
        if span.label_ not in HEAD_NOUN_LABELS or (span.label_ == "ORG" and span.id_):
            return span
        doc = span.doc
        after, before = self._words_after(doc, span.end), self._words_before(doc, span.start)
        if not after and not before:
            return span  # no head noun can follow or precede it
        for label in ("FAC", "ORG"):
            end = span.end + _head_length(after, self.heads.after.get(label, ()))
            head_before = _head_length(before, self.heads.before.get(label, ()), at_end=True)
            start = span.start - head_before - 1 if head_before else span.start  # the head noun and its 'de'
            outside = [i for i in range(start, end) if not span.start <= i < span.end]
            if outside and not any(i in taken for i in outside):
                known = self.kb.by_id.get(span.id_)
                return Span(doc, start, end, label=label, span_id=span.id_ if known and known.label == label else "")
        return span

    def _words_after(self, doc: Doc, end: int) -> tuple[str, ...]:
        """The lower-case words from `end` on, as many as the longest head noun, if one may start there."""
        if self.head_starts and end < len(doc) and doc[end].lower_ in self.head_starts:
            return tuple(doc[i].lower_ for i in range(end, min(len(doc), end + self.longest_head_after)))
        return ()

    def _words_before(self, doc: Doc, start: int) -> tuple[str, ...]:
        """The lower-case words before a 'de' or 'd'' at `start - 1`, as many as the longest head noun,
        if one may end there."""
        if (self.head_ends and start > 1 and doc[start - 1].lower_ in self.words.of_words
                and doc[start - 2].lower_ in self.head_ends):
            return tuple(doc[i].lower_ for i in range(max(0, start - 1 - self.longest_head_before), start - 1))
        return ()

    def process(self, doc: Doc) -> Doc:
        ents = doc.ents  # each read of doc.ents builds every Span
        spans = [span for span in map(self.trim, join_broken_names(doc, ents, self.words)) if span is not None]
        taken = {i for span in spans for i in range(span.start, span.end)}
        spans = [self.with_head_noun(span, taken) for span in spans]
        replace_ents(doc, ents, drop_capitalised_common_words(doc, spans, known=self.kb.by_surname))
        return doc


def replace_ents(doc: Doc, old: tuple[Span, ...], new: list[Span]) -> None:
    """`doc.set_ents(new)`, which also makes every other token 'O'. When the tokens outside `old` are 'O'
    already (as the KB ruler and the model leave them), only the tokens of `old` that `new` does not cover
    need that: this spares set_ents' slow loop over every other token (a fifth of this component's time)."""
    iob, ent_type = doc.to_array([ENT_IOB, ENT_TYPE]).T
    outside_old = len(doc) - sum(ent.end - ent.start for ent in old)
    if numpy.count_nonzero((iob == IOB_OUTSIDE) & (ent_type == 0)) != outside_old:
        doc.set_ents(new)  # some token outside `old` is not 'O' (no annotation, or blocked)
        return
    doc.set_ents(new, outside=_freed_tokens(doc, old, new), default="unmodified")


def _freed_tokens(doc: Doc, old: tuple[Span, ...], new: list[Span]) -> list[Span]:
    """The tokens of `old` that `new` does not cover, one Span each (none if `new` is `old`)."""
    if len(new) == len(old) and all(map(operator.is_, new, old)):
        return []
    covered = {i for span in new for i in range(span.start, span.end)}
    return [Span(doc, i, i + 1) for ent in old for i in range(ent.start, ent.end) if i not in covered]


def _unbroken_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Names cross no line and no run of spaces: past any whitespace token that opens doc[start:end], up to
    the first one inside it (the model reads 'Nadia Farouk\r', 'Farouk\u2028Talks' as one name)."""
    while start < end and doc[start].is_space:
        start += 1
    for i in range(start, end):
        if doc[i].is_space:
            return start, i
    return start, end


def _without_trailing(doc: Doc, start: int, end: int, trailing: frozenset[str], dangling: frozenset[str]) -> int:
    """The end of doc[start:end] without trailing punctuation and possessives, and without a dangling
    "de l'" or "of the" after a name."""
    while end > start:
        lower = doc[end - 1].lower_
        if lower not in trailing and not (end - start > 1 and lower in dangling):
            break
        end -= 1
    return end


def _after_determiners(doc: Doc, start: int, end: int, determiners: frozenset[str]) -> int:
    """The start of doc[start:end] past leading determiners ('the', 'les'; an all-capitals 'A' stays)."""
    while start < end:
        token = doc[start]
        if token.lower_ not in determiners or token.is_upper:
            break
        start += 1
    return start


def _head_length(words: tuple[str, ...], heads: tuple[tuple[str, ...], ...], at_end: bool = False) -> int:
    """Length of the first of `heads` that `words` start with (or end with), 0 if none."""
    for head in heads:
        if (words[-len(head):] if at_end else words[:len(head)]) == head:
            return len(head)
    return 0


def join_broken_names(doc: Doc, ents: tuple[Span, ...], words: Words) -> list[Span]:
    """Mend names the model cut in two: at the Arabic article ('Abdallah al' + '-Theni'), or an organisation
    ending in 'of' before the place it belongs to ('Social Council of' + 'Souq al-Juma')."""
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = ent.end
        last = doc[end - 1]
        if last.text == "-" and end - ent.start > 1 and doc[end - 2].lower_ in words.name_articles:
            end -= 1  # the model kept the hyphen: 'Al-' + 'Joufra'
            last = doc[end - 1]
        last_lower = last.lower_
        if last_lower in words.name_articles and end < len(doc):
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
        if (ent.label_ == "ORG" and following is not None and last_lower in words.linking_words
                and following.start == end and not _opens_with_common_word(doc[ent.start], words)):
            # 'Social Council of' + 'Souq al-Juma'
            out.append(Span(doc, ent.start, following.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _opens_with_common_word(token, words: Words) -> bool:
    """A span opening with a lower-case word other than an article is a title the model took for a name
    ('ministre des Affaires étrangères du' before 'Ghana'), not an organisation to mend."""
    return token.is_lower and token.lower_ not in words.leading_determiners


def drop_capitalised_common_words(doc: Doc, spans: list[Span], known=frozenset()) -> list[Span]:
    """A span whose only capital is the sentence's first letter ('Jeudi', 'Premiers résultats', 'Turnout') is
    a name only if the article writes that word capitalised more than once, or the KB knows it as a surname
    (a shared surname such as 'Haftar' carries no id of its own)."""
    kept = []
    text = None  # Doc.text joins every token: build it once, and only if needed
    counts: dict[str, int] = {}  # each word counted once: counting anew for every span made long articles quadratic
    for span in spans:
        if _may_be_common_word(doc, span, known):
            text = doc.text if text is None else text
            word = doc[span.start].text
            if word not in counts:
                counts[word] = text.count(word)
            if counts[word] < 2:
                continue
        kept.append(span)
    return kept


def _may_be_common_word(doc: Doc, span: Span, known) -> bool:
    """A name span with no id whose only capital opens a sentence, and that the KB does not know as a
    surname. The cheap tests come first: most spans have a KB id."""
    start, end = span.start, span.end
    return (not span.id_ and span.label_ in NAME_LABELS and doc[start].text[:1].isupper()
            and not any(doc[i].text[:1].isupper() for i in range(start + 1, end))
            and _opens_sentence(doc[start]) and name_key(span.text) not in known)


def _opens_sentence(token) -> bool:
    """First word of a sentence, or of a line (headlines and datelines end without a full stop)."""
    if token.is_sent_start or token.i == 0:
        return True
    return is_line_break(token.doc[token.i - 1])
