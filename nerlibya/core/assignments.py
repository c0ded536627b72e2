"""Offices a clause gives by naming the ministry: 'le ministère de la Justice est confié à X', 'le ministère clé du
Pétrole a été confié à un vieux routier du secteur, X' -> X is 'ministre de la Justice', 'ministre du Pétrole';
and the portfolio a person takes: 'X, un ancien banquier, se voit confier le portefeuille des Finances', 'X
hérite du portefeuille de la Défense'; and a portfolio one is appointed to: 'X a été nommé à la Défense' -> 'ministre
de la Défense' (the title then reads as an appointment's). Pure functions over tokens and the language's words (`AssignmentWords`,
from the title data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..knowledge.lexicon import Lexicon
from .titles import TokenLike, span_text
from .types import Title

MAX_PORTFOLIO = 6  # tokens from 'de' to the verb
MAX_DESCRIPTION = 8  # tokens of 'un vieux routier du secteur' before the comma and the name
MAX_APPOSITION = 15  # tokens of 'X, ancien responsable de la compagnie ENI,' between a name and its verb


@dataclass(frozen=True)
class AssignmentWords:
    ministries: Mapping[str, str]  # 'ministère' -> 'ministre'
    verbs: frozenset[str]  # 'confié', 'revenu'
    prepositions: frozenset[str]  # 'à'
    of_words: frozenset[str]  # 'de', 'du', 'des'
    auxiliaries: frozenset[str]  # 'a', 'été', 'est'
    adverb_endings: tuple[str, ...]  # 'ment': 'a finalement été confié'
    determiners: frozenset[str]  # 'un', 'une': a description before the name
    taking_verbs: frozenset[str] = frozenset()  # 'confier', 'hérite': 'X se voit confier le portefeuille de Y'
    before_taking: frozenset[str] = frozenset()  # 'se', 'voit', 'qui', 'du', 'le': words between X, verb, noun
    portfolio_verbs: frozenset[str] = frozenset()  # 'nommé': 'X a été nommé à la Défense'
    portfolio_prepositions: Mapping[str, str] = field(default_factory=dict)  # 'au' -> 'du': the office's complement
    bodies: frozenset[str] = frozenset()  # 'conseil': 'nommé au Conseil X' names a body, not a portfolio
    calendar_words: frozenset[str] = frozenset()  # 'mardi': no part of a portfolio written before it
    portfolio_articles: Mapping[str, str] = field(default_factory=dict)  # 'les' -> 'des': 'Les Finances reviennent à X'

    @classmethod
    def of(cls, lexicon: Lexicon) -> "AssignmentWords":
        words = lexicon.words
        return cls(
            ministries=lexicon.ministry_offices, verbs=lexicon.assignment_verbs,
            prepositions=lexicon.assignment_prepositions, of_words=words.of_words, auxiliaries=words.auxiliaries,
            adverb_endings=tuple(words.adverb_endings), determiners=words.title_determiners,
            taking_verbs=lexicon.taking_verbs, before_taking=lexicon.before_taking,
            portfolio_verbs=lexicon.portfolio_verbs, portfolio_prepositions=lexicon.portfolio_prepositions,
            bodies=lexicon.heads.bodies, calendar_words=words.calendar_words,
            portfolio_articles=lexicon.portfolio_articles)


def assigned_offices(doc: Sequence[TokenLike], words: AssignmentWords) -> list[Title]:
    """A title for each ministry given to someone: its words are the ministry's ('ministère de la Justice'), its
    text the holder's office ('ministre de la Justice'), its `holder` where the name after 'à' starts."""
    found = []
    for i, token in enumerate(doc):
        office = words.ministries.get(token.lower_)
        portfolio = _portfolio(doc, i + 1, words) if office else None
        if portfolio is None:
            continue
        of, end = portfolio
        holder = _holder_after_verb(doc, end, words)
        taker = _taker_before(doc, i, words)
        if holder is None and taker is not None:
            holder = taker
        if holder is not None:
            found.append(Title(start=i, end=end, phrase_start=i, phrase_end=end,
                               title=f"{office} {span_text(doc, of, end)}", head=office, category="office",
                               holder=(holder, holder + 1)))
    return found


def portfolios_given(doc: Sequence[TokenLike], words: AssignmentWords) -> list[Title]:
    """A title for each portfolio given to someone with no office written: 'Les Affaires étrangères ont été
    confiées à X', 'La Défense revient à Y' -> X is 'ministre des Affaires étrangères' (the article becomes the
    complement); the capitalised portfolio, no entity's or body's, right before the verb (auxiliaries between)."""
    office = next(iter(words.ministries.values()), None)
    found = []
    for i, token in enumerate(doc):
        of = words.portfolio_articles.get(token.lower_)
        if office is None or of is None or (i > 0 and doc[i - 1].lower_ in words.of_words):
            continue  # 'le ministère de la Défense' is a ministry's (`assigned_offices`)
        end = _portfolio_words_end(doc, i + 1, words, unknown_names=True)
        holder = _holder_after_verb(doc, end, words) if end > i + 1 else None
        if holder is not None:
            written = span_text(doc, i + 1, end)
            title = f"{office} {of}{written}" if of.endswith(("'", "’")) else f"{office} {of} {written}"
            found.append(Title(start=i, end=end, phrase_start=i, phrase_end=end, title=title, head=office,
                               category="office", holder=(holder, holder + 1)))
    return found


def _portfolio(doc: Sequence[TokenLike], k: int, words: AssignmentWords) -> tuple[int, int] | None:
    """(where 'de' starts, where the portfolio ends) for 'de la Justice' or 'clé du Pétrole' at `k`: a
    capitalised word after 'de', words up to the auxiliary or verb, no punctuation; or None."""
    if k < len(doc) and doc[k].is_lower and doc[k].lower_ not in words.of_words:
        k += 1  # 'le ministère clé du Pétrole'
    if k >= len(doc) or doc[k].lower_ not in words.of_words:
        return None
    end = k + 1
    while end < len(doc) and end - k <= MAX_PORTFOLIO and not doc[end].is_punct \
            and doc[end].lower_ not in words.auxiliaries and doc[end].lower_ not in words.verbs:
        end += 1
    capitalised = any(doc[j].text[:1].isupper() for j in range(k + 1, end))
    return (k, end) if capitalised and end < len(doc) and end - k <= MAX_PORTFOLIO else None


def _holder_after_verb(doc: Sequence[TokenLike], k: int, words: AssignmentWords) -> int | None:
    """Where the holder's name starts after 'a été confié à' (or 'à un ..., ' before it) from `k`; or None."""
    while k < len(doc) and (doc[k].lower_ in words.auxiliaries or doc[k].lower_.endswith(words.adverb_endings)):
        k += 1
    if k + 2 >= len(doc) or doc[k].lower_ not in words.verbs or doc[k + 1].lower_ not in words.prepositions:
        return None
    k += 2
    if doc[k].lower_ not in words.determiners:
        return k
    for j in range(k + 1, min(k + MAX_DESCRIPTION, len(doc) - 1)):
        if doc[j].text == ",":
            return j + 1
        if doc[j].text in (".", ";", ":"):
            return None
    return None


def _taker_before(doc: Sequence[TokenLike], noun: int, words: AssignmentWords) -> int | None:
    """Where the person who takes the portfolio named at `noun` ends ('X se voit confier le portefeuille', 'X,
    qui hérite du portefeuille'), past the apposition that closes with a comma before the verb; or None."""
    k = noun - 1
    while k >= 0 and doc[k].lower_ in words.before_taking:
        k -= 1
    if k < 1 or doc[k].lower_ not in words.taking_verbs:
        return None
    k -= 1
    while k >= 0 and (doc[k].lower_ in words.before_taking or doc[k].lower_ in words.auxiliaries):
        k -= 1
    if k >= 0 and doc[k].ent_type_ == "PERSON":
        return k
    if k < 0 or doc[k].text != ",":
        return None
    for j in range(k - 1, max(k - MAX_APPOSITION, 0), -1):
        if doc[j].text in (".", ";", ":"):
            return None
        if doc[j].ent_type_ == "PERSON" and doc[j + 1].text == ",":
            return j
    return None


def portfolio_appointments(doc: Sequence[TokenLike], words: AssignmentWords) -> list[Title]:
    """A title for each 'nommé à la Défense', 'nommée aux Affaires sociales': from the preposition to the end of
    the capitalised portfolio (no entity's), its text the office with the complement the preposition becomes."""
    office = next(iter(words.ministries.values()), None)
    found = []
    for i in range(len(doc) - 2):
        of = words.portfolio_prepositions.get(doc[i + 1].lower_)
        if office is None or of is None or doc[i].lower_ not in words.portfolio_verbs:
            continue
        start = i + 2
        while start < len(doc) and doc[start].lower_ in words.determiners - {"un", "une"}:
            start += 1
        end = _portfolio_words_end(doc, start, words)
        if end > start:
            written = span_text(doc, i + 2, end)
            found.append(Title(start=i + 1, end=end, phrase_start=i + 1, phrase_end=end, title=f"{office} {of} {written}",
                               head=office, category="office"))
    return found


def _portfolio_words_end(doc: Sequence[TokenLike], k: int, words: AssignmentWords, unknown_names: bool = False) -> int:
    """Where a capitalised portfolio that no entity covers (or, with `unknown_names`, no person, place or body the KB
    knows: the model tags "L'Intérieur" as a body), with its lower-case adjectives, ends from `k` ('Affaires
    sociales'), not a body's name ('Conseil présidentiel') nor the auxiliary or verb after it; `k` if none starts
    there."""
    def named(token) -> bool:
        if unknown_names:  # 'Le Pen a confié à X que': a person's name is no portfolio
            return bool(token.ent_id_) or token.ent_type_ not in ("", "ORG", "MISC")
        return bool(token.ent_type_)
    if k >= len(doc) or not doc[k].text[:1].isupper() or named(doc[k]) or doc[k].lower_ in words.bodies:
        return k
    end = k + 1
    while end < min(k + MAX_PORTFOLIO, len(doc)) and doc[end].is_alpha and not named(doc[end]) and (
            doc[end].text[:1].isupper() or (doc[end].is_lower and not doc[end].is_stop
                                             and doc[end].lower_ not in words.calendar_words
                                             and doc[end].lower_ not in words.verbs
                                             and doc[end].lower_ not in words.auxiliaries)):
        end += 1
    return end
