"""People named again by their surname alone: 'Hassan Ziglam' ... 'Ziglam is a former executive', or by their whole
name where no other entity holds it ('By Mary Fitzgerald' ... 'Mary Fitzgerald is a scholar at ...').

Outlets name a person in full once, then by the surname alone; the statistical model often leaves such a
bare surname untagged, above all where it opens a sentence, and the roles given to it there ('Ziglam, leader
of the party, ...') are lost. A capitalised word that is the last word of a person's name already found
earlier in the article, standing alone (no capitalised word or determiner next to it, so 'Saddam Haftar' or
'the Haftar family' is never cut down to the surname), is that person. One pass over the tokens; the resolver
then links the surname to the person named last with it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .token_lookup import tokens_with_text

MIN_SURNAME_LENGTH = 3  # 'Al', 'Bu' and initials are no surnames of their own
GUESSED_NAME_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})  # names, not dates ('May') or numbers


def repeated_surnames(doc: Doc, spans: list[Span], determiners: frozenset[str]) -> list[Span]:
    """A new PERSON span for each lone word outside `spans` (or only in a model's guess of another kind of
    name) that repeats the surname of a person of `spans` named (with two words or more) before it."""
    taken = {i for span in spans if not _guessed_other_name(span) for i in range(span.start, span.end)}
    first_named: dict[str, int] = {}
    for span in spans:
        if span.label_ == "PERSON" and span.end - span.start >= 2:
            surname = doc[span.end - 1].text
            if len(surname) >= MIN_SURNAME_LENGTH and surname[:1].isupper() and surname.isalpha():
                first_named[surname] = min(first_named.get(surname, span.end), span.end)
    if not first_named:
        return []
    return [Span(doc, i, i + 1, label="PERSON") for i in tokens_with_text(doc, first_named)
            if i not in taken and first_named[doc[i].text] <= i and _stands_alone(doc, i, determiners)]


def surnames_guessed_as_other_names(doc: Doc, spans: list[Span], determiners: frozenset[str]) -> list[Span]:
    """The spans of `repeated_surnames` that take the place of a model's one-word guess of another kind of name;
    read before any title is, so that 'Congress elected [Benali] prime minister' has a holder, not a body."""
    guessed = {span.start for span in spans if _guessed_other_name(span)}
    return [span for span in repeated_surnames(doc, spans, determiners) if span.start in guessed]


def _guessed_other_name(span: Span) -> bool:
    """A one-word span the model took for another kind of name, which no KB entry backs: 'Congress elected
    [Benali] prime minister' (ORG), 'the ministers, [Benali] and X' (NORP). The model reads a surname without
    its given name as a body or a people as often as a person; a surname of someone named in full before is
    that person."""
    return span.end - span.start == 1 and span.label_ in GUESSED_NAME_LABELS and not span.id_


def _stands_alone(doc: Doc, index: int, determiners: frozenset[str]) -> bool:
    """No capitalised word or determiner just before the word, and no capitalised word just after it."""
    if index > 0:
        previous = doc[index - 1]
        if previous.lower_ in determiners or (previous.is_alpha and previous.text[:1].isupper()):
            return False
    following = doc[index + 1] if index + 1 < len(doc) else None
    return following is None or not (following.is_alpha and following.text[:1].isupper())


def repeated_full_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A new PERSON span for each repetition, outside `spans`, of the words of a person's name of `spans` (two words
    or more), not run on by a capitalised word: the rules found the name once, a byline or a title, and the same
    words are the same name elsewhere."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    names: dict[str, set[tuple[str, ...]]] = {}
    for span in spans:
        if span.label_ == "PERSON" and span.end - span.start >= 2:
            names.setdefault(doc[span.start].text, set()).add(tuple(t.text for t in span))
    found = []
    for i in tokens_with_text(doc, names) if names else ():
        for words in names[doc[i].text]:
            end = i + len(words)
            if (end <= len(doc) and taken.isdisjoint(range(i, end)) and tuple(t.text for t in doc[i:end]) == words
                    and not (end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper())
                    and not (i > 0 and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper()
                             and not doc[i - 1].is_sent_start)):  # 'Later Mary Fitzgerald said'
                found.append(Span(doc, i, end, label="PERSON"))
                taken.update(range(i, end))
    return found
