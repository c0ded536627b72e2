"""Capitalised common words the model took for names: a word the article also writes in lower case, or that opens
a sentence or a headline, is no entity unless the KB or a credit vouches for it."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..text.normalize import name_key
from .base import is_line_break, on_headline_line
from .span_edges import NAME_LABELS


def drop_capitalised_common_words(doc: Doc, spans: list[Span], known=frozenset(),
                                  credited: frozenset[tuple[int, int]] = frozenset()) -> list[Span]:
    """A span whose only capital is the sentence's first letter ('Jeudi', 'Premiers résultats', 'Turnout') is
    a name only if the article writes that word capitalised more than once, or the KB knows it as a surname
    (a shared surname such as 'Haftar' carries no id of its own). So is a person the model finds in a Title
    Case headline ('Struggles Empower a Clan'). A name a byline or a sign-off credits (`credited`: 'Source:
    Africanews') is kept."""
    kept = []
    text = None  # Doc.text joins every token: build it once, and only if needed
    counts: dict[str, int] = {}  # each word counted once: counting anew for every span made long articles quadratic
    for span in spans:
        if (span.start, span.end) not in credited and (_may_be_common_word(doc, span, known) or _headline_person(doc, span)):
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


def _headline_person(doc: Doc, span: Span) -> bool:
    """A person with no KB id, on a Title Case line."""
    return span.label_ == "PERSON" and not span.id_ and on_headline_line(doc, span.start)


def _opens_sentence(token) -> bool:
    """First word of a sentence, of a line (headlines and datelines end without a full stop), or after a
    colon ('Libye : Difficile entrée en fonction ...')."""
    if token.is_sent_start or token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return is_line_break(previous) or previous.text == ":"
