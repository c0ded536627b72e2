"""Offices a clause gives by naming the ministry: 'le ministère de la Justice est confié à X', 'le ministère clé du
Pétrole a été confié à un vieux routier du secteur, X' -> X is 'ministre de la Justice', 'ministre du Pétrole';
and the portfolio a person takes: 'X, un ancien banquier, se voit confier le portefeuille des Finances', 'X
hérite du portefeuille de la Défense'; and a portfolio one is appointed to: 'X a été nommé à la Défense' -> 'ministre
de la Défense' (the title then reads as an appointment's); a cabinet listed without verbs ('X aux Affaires
sociales et Y à la Santé'); and a post a clause gives ('le poste de ministre des Finances a été confié à X'). Pure
functions over tokens and the language's words (`AssignmentWords`, from the title data)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

from ..knowledge.lexicon import Lexicon
from .titles import TokenLike, span_text
from .types import OrgRef, Title

MAX_PORTFOLIO = 6  # tokens from 'de' to the verb
MAX_DESCRIPTION = 8  # tokens of 'un vieux routier du secteur' before the comma and the name
MAX_APPOSITION = 15  # tokens of 'X, ancien responsable de la compagnie ENI,' between a name and its verb
SENTENCE_ENDS = frozenset({".", "!", "?"})
ENTRY_PUNCTUATION = SENTENCE_ENDS | {",", ";", ")"}  # what closes an entry of a list


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
    cabinet_words: frozenset[str] = frozenset()  # 'ministres', 'gouvernement': a sentence that lists a cabinet
    cabinet_portfolios: frozenset[str] = frozenset()  # 'défense', 'affaires': the words that open a listed portfolio
    list_ends: frozenset[str] = frozenset()  # 'et', ',', '.': what may close a listed portfolio
    post_nouns: frozenset[str] = frozenset()  # 'poste', 'fonction': 'le poste de ministre X a été confié à Y'
    post_verbs: frozenset[str] = frozenset()  # 'occupée': 'la fonction d'émissaire est occupée par Y'
    agent_prepositions: frozenset[str] = frozenset()  # 'par': after a post verb, before the holder
    holding_verbs: frozenset[str] = frozenset()  # 'occupe': 'Y occupe le poste d'émissaire', Y before the verb
    charge_offices: frozenset[str] = frozenset()  # 'chargé': 'X, chargé des Affaires étrangères', an office alone
    qualifiers: Mapping[str, str] = field(default_factory=dict)  # 'par intérim' -> 'interim', after such an office

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
            portfolio_articles=lexicon.portfolio_articles, cabinet_words=lexicon.cabinet_words,
            cabinet_portfolios=lexicon.cabinet_portfolios, list_ends=words.conjunctions | ENTRY_PUNCTUATION,
            post_nouns=lexicon.post_nouns, post_verbs=lexicon.post_verbs, agent_prepositions=words.agent_prepositions,
            holding_verbs=lexicon.holding_verbs, charge_offices=lexicon.charge_offices, qualifiers=lexicon.qualifiers)


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


def post_holders(doc: Sequence[TokenLike], titles: Sequence[Title], words: AssignmentWords) -> list[Title]:
    """Each title, with its holder where a clause gives the post it names to someone: 'le poste de ministre de la
    Justice a été confié à un juriste peu connu, X', "la fonction d'émissaire de l'ONU est occupée
    par X" (a post noun and 'de' right before the title, a verb of `verbs` or `post_verbs` after its phrase)."""
    if not words.post_nouns:
        return list(titles)
    verbs = replace(words, verbs=words.verbs | words.post_verbs, prepositions=words.prepositions | words.agent_prepositions)
    return [replace(title, holder=(holder, holder + 1)) if (holder := _post_holder(doc, title, verbs)) is not None
            else title for title in titles]


def _post_holder(doc: Sequence[TokenLike], title: Title, words: AssignmentWords) -> int | None:
    """Where the holder's name starts after the clause that gives the post `title` names, or where it ends (its
    last token) before a verb that holds it ('X occupe le poste de ministre'); or None."""
    k = title.phrase_start - 1
    if title.holder is not None or title.plural or title.category == "clause" or k < 1 \
            or doc[k].lower_ not in words.of_words or doc[k - 1].lower_ not in words.post_nouns:
        return None
    holder = _holder_after_verb(doc, title.phrase_end, words)
    if holder is None:
        holder = _holder_before_verb(doc, k - 1, words)
    return holder if holder is not None and holder < len(doc) and doc[holder].ent_type_ == "PERSON" else None


def _holder_before_verb(doc: Sequence[TokenLike], noun: int, words: AssignmentWords) -> int | None:
    """The last token of the subject of a verb that holds the post named at `noun` ('X occupe le poste de', 'X, qui
    a occupé la fonction de', 'X exerce les fonctions de'): past the noun's article, the verb, then auxiliaries,
    'qui' and adverbs; or None."""
    k = noun - 1
    if k >= 0 and doc[k].lower_ in words.determiners | words.of_words:
        k -= 1
    if k < 1 or doc[k].lower_ not in words.holding_verbs:
        return None
    k -= 1
    while k >= 0 and (doc[k].lower_ in words.auxiliaries or doc[k].lower_.endswith(words.adverb_endings)):
        k -= 1
    if k >= 0 and doc[k].text == "," and doc[k + 1].lower_ in words.auxiliaries:
        k -= 1  # 'X, qui occupait'
    return k if k >= 0 else None


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
    """Where the holder's name starts after 'a été confié à' (or 'à un ..., ', "à l'Algérien" before it) from `k`;
    or None."""
    while k < len(doc) and (doc[k].lower_ in words.auxiliaries or doc[k].lower_.endswith(words.adverb_endings)):
        k += 1
    if k + 2 >= len(doc) or doc[k].lower_ not in words.verbs or doc[k + 1].lower_ not in words.prepositions:
        return None
    k += 2
    if doc[k].lower_ not in words.determiners:
        return k
    if k + 2 < len(doc) and doc[k + 1].text[:1].isupper() and doc[k + 1].ent_type_ != "PERSON" \
            and doc[k + 2].ent_type_ == "PERSON":
        return k + 2  # "à l'Algérien X": a nationality noun before the name
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
    """A title for each 'nommé à la Défense', 'nommée mardi aux Affaires sociales' (a day or month alone may stand
    between the verb and the preposition): from the preposition to the end of the capitalised portfolio (no
    entity's), its text the office with the complement the preposition becomes."""
    office = next(iter(words.ministries.values()), None)
    found = []
    for p in range(1, len(doc) - 1):
        of = words.portfolio_prepositions.get(doc[p].lower_)
        verb = p - 2 if p > 1 and doc[p - 1].lower_ in words.calendar_words else p - 1
        if office is None or of is None or doc[verb].lower_ not in words.portfolio_verbs:
            continue
        start = _past_articles(doc, p + 1, words)
        end = _portfolio_words_end(doc, start, words)
        if end > start:
            written = span_text(doc, p + 1, end)
            found.append(Title(start=p, end=end, phrase_start=p, phrase_end=end, title=f"{office} {of} {written}",
                               head=office, category="office"))
    return found


def charged_portfolios(doc: Sequence[TokenLike], words: AssignmentWords) -> list[Title]:
    """A title for each 'X, chargé des Affaires étrangères par intérim,' and 'le chargé des Affaires étrangères du
    GUN, X': a participle of `charge_offices` right after a person's name and its comma, or after a determiner (no
    office before it: 'ministre d'État chargé de la Défense' is read with its office), before a capitalised
    portfolio that opens with a cabinet word, with a qualifier after it, and the body it is held in after that."""
    found = []
    for i in range(1, len(doc) - 2):
        after_name = i > 1 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON"
        if (doc[i].lower_ not in words.charge_offices or not (after_name or doc[i - 1].lower_ in words.determiners)
                or doc[i + 1].lower_ not in words.of_words):
            continue
        start = _past_articles(doc, i + 2, words)
        end = _portfolio_words_end(doc, start, words, unknown_names=True)
        if end > start and doc[start].lower_ in words.cabinet_portfolios:
            end, status = _past_qualifier(doc, start, end, words.qualifiers)
            org = _owning_body(doc, end, words.of_words)
            found.append(Title(start=i, end=end, phrase_start=i, phrase_end=org.span[1] if org else end,
                               title=span_text(doc, i, end), head=doc[i].lower_, category="office", status=status,
                               org=org))
    return found


def _owning_body(doc: Sequence[TokenLike], k: int, of_words: frozenset[str]) -> OrgRef | None:
    """'[du GUN]' after a charged portfolio: the organisation named right after 'de'/'du' at `k`, or None."""
    if k + 1 >= len(doc) or doc[k].lower_ not in of_words or doc[k + 1].ent_type_ != "ORG" or doc[k + 1].ent_iob_ != "B":
        return None
    end = k + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return OrgRef(span=(k + 1, end))


def _past_qualifier(doc: Sequence[TokenLike], start: int, end: int,
                    qualifiers: Mapping[str, str]) -> tuple[int, str | None]:
    """(end, status) past the first qualifier written after the portfolio's first word up to `end` ('par intérim' ->
    'interim'; the portfolio's lower-case words may have run into it), or (end, None)."""
    for k in range(start + 1, end + 1):
        for phrase, status in qualifiers.items():
            words = phrase.split()
            if [doc[j].lower_ for j in range(k, min(k + len(words), len(doc)))] == words:
                return k + len(words), status
    return end, None


def portfolios_listed(doc: Sequence[TokenLike], words: AssignmentWords) -> list[Title]:
    """A title for each 'X aux Affaires sociales' of a cabinet listed without verbs ('le gouvernement compte deux
    femmes : X aux Affaires sociales et Y à la Santé'); two entries at least, in a sentence that names a cabinet
    before them ('reçu X à la Kasbah et Y à la Marsa' lists nothing)."""
    by_sentence: dict[int, list[Title]] = {}
    for i in range(1, len(doc) - 1):
        after_name = doc[i - 1].ent_type_ == "PERSON" and doc[i].lower_ in words.portfolio_prepositions
        sentence = _cabinet_sentence(doc, i, words) if after_name else None
        entry = _listed_portfolio(doc, i, words) if sentence is not None else None
        if entry is not None:
            by_sentence.setdefault(sentence, []).append(entry)
    return [title for listed in by_sentence.values() if len(listed) > 1 for title in listed]


def _listed_portfolio(doc: Sequence[TokenLike], i: int, words: AssignmentWords) -> Title | None:
    """The entry whose preposition is at `i`: a capitalised portfolio (no entity's) that opens with a portfolio word
    and closes the entry (a comma, 'et', the sentence's end); its holder the person before, its text the office with
    the complement the preposition becomes; or None."""
    office = next(iter(words.ministries.values()), None)
    of = words.portfolio_prepositions.get(doc[i].lower_)
    if office is None or of is None:
        return None
    start = _past_articles(doc, i + 1, words)
    end = _portfolio_words_end(doc, start, words, unknown_names=True)
    if end == start or doc[start].lower_ not in words.cabinet_portfolios or (
            end < len(doc) and doc[end].lower_ not in words.list_ends):
        return None
    return Title(start=i, end=end, phrase_start=i, phrase_end=end, title=f"{office} {of} {span_text(doc, i + 1, end)}",
                 head=office, category="office", holder=(i - 1, i))


def _past_articles(doc: Sequence[TokenLike], k: int, words: AssignmentWords) -> int:
    """Past the definite articles at `k` ('la', "l'"): where a portfolio's own words start."""
    while k < len(doc) and doc[k].lower_ in words.determiners - {"un", "une"}:
        k += 1
    return k


def _cabinet_sentence(doc: Sequence[TokenLike], k: int, words: AssignmentWords) -> int | None:
    """Where the sentence of `k` starts if a cabinet word ('ministres', 'gouvernement') stands in it before `k`;
    else None."""
    named = False
    for j in range(k - 1, -1, -1):
        if doc[j].text in SENTENCE_ENDS:
            return j + 1 if named else None
        named = named or doc[j].lower_ in words.cabinet_words
    return 0 if named else None


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
