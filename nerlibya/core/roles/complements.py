"""Where a title's phrase ends and what surrounds a name begins: a title's complements ('of the Presidential
Council', 'to Libya'), a possessor before a title, the opening of an apposition."""

from __future__ import annotations

from typing import Sequence

from ..types import Title
from .scene import (CLAUSE_ENDS, CLOSING_QUOTES, MAX_APPOSITION_TOKENS, MAX_CLAUSE_TOKENS, Person, QUOTES, Scene,
                    TokenLike, entity_start, is_glued_hyphen, skip_back, time_phrase_opening)


def before_place_complement(scene: Scene, k: int) -> int:
    """Where a place complement ending at `k` starts ('[to Libya] and head of'), or `k`: the converse of
    `past_place_complement`."""
    tokens = scene.tokens
    if k < 1 or tokens[k - 1].ent_type_ != "GPE":
        return k
    j = skip_back(tokens, entity_start(tokens, k - 1), scene.words.title_determiners)
    return j if j >= 0 and tokens[j].lower_ in scene.words.complements else k


def past_place_complement(scene: Scene, k: int) -> int:
    """Skip a place or body complement after a title's phrase: 'envoy of the UN [in Libya]', 'représentant de la
    Russie [auprès de l'ONU]'; the rest of a body's name the phrase ends inside, grown after the titles were
    read: 'chef de la Mission onusienne [en Libye]'; where the phrase really ends."""
    tokens, words = scene.tokens, scene.words
    if k < len(tokens) and tokens[k].ent_iob_ == "I":
        while k < len(tokens) and tokens[k].ent_iob_ == "I":
            k += 1
        return k
    if k >= len(tokens) or tokens[k].lower_ not in words.complements | words.complement_openers:
        return k
    j = k + 1
    while j < len(tokens) and (tokens[j].lower_ in words.title_determiners or tokens[j].lower_ in words.complements):
        j += 1  # 'auprès de l'ONU'
    if j >= len(tokens) or tokens[j].ent_type_ not in ("GPE", "LOC", "ORG") or tokens[j].ent_iob_ != "B":
        return k
    j += 1
    while j < len(tokens) and tokens[j].ent_iob_ == "I":
        j += 1
    return j


def skip_possessor(scene: Scene, index: int) -> int:
    """Index of the token before 'the embassy's' / 'its' / 'the council's' / 'now the' / 'the then-' that precedes
    `index`."""
    tokens, determiners = scene.tokens, scene.words.title_determiners
    index = _before_description_words(scene, index)
    if index > 1 and is_glued_hyphen(tokens, index - 1) and tokens[index - 2].lower_ in scene.words.before_apposed_title:
        index -= 2  # 'X, the then-interior minister'
    k = skip_back(tokens, _skip_age(scene, skip_back(tokens, index, scene.words.before_apposed_title) + 1), determiners)
    k = _before_apposed_time_phrase(scene, k)
    while k > 0 and tokens[k].text in scene.words.possessive_marks:  # 'X, previously the bank's deputy governor'
        k = skip_back(tokens, _possessor_start(scene, k - 1), scene.words.before_apposed_title)
    return k


def _before_apposed_time_phrase(scene: Scene, k: int) -> int:
    """'X, at the time the interior minister', 'X, jusqu'en 2011 ministre': where a phrase of time that ends at `k`
    (articles inside it) opens, less one; or `k`."""
    tokens, words = scene.tokens, scene.words
    if k >= 0 and tokens[k].lower_ in words.time_prepositions:  # 'à [l'époque]', read as the title's description
        opening = k
    else:
        opening = time_phrase_opening(scene, k, 6, anywhere=words.title_determiners)
    if opening is None:
        return k
    while opening > 0 and tokens[opening - 1].lower_ in words.time_prepositions:
        opening -= 1  # 'jusqu'en 2011'
    return opening - 1


def _before_description_words(scene: Scene, index: int) -> int:
    """'X, the council president', 'X, Libya's eastern military strongman', 'X was a loyal minister': where one or
    two lower-case content words (no function word, no entity) written between a determiner or a possessive and the
    title at `index` start; they describe the holder and do not keep the title from its person. `index` when none."""
    tokens = scene.tokens
    start = index
    while start > 0 and index - start < 2 and _describing_word(scene, tokens[start - 1]):
        start -= 1
    if start == index or start == 0:
        return index
    before = tokens[start - 1]
    return start if before.lower_ in scene.words.title_determiners or before.text in scene.words.possessive_marks else index


def _describing_word(scene: Scene, token: TokenLike) -> bool:
    """A lower-case content word that none of the patterns reads ('as', 'appointed' say how a title is given), or an
    ordinal ("Libya's [first] female foreign minister"), which a stop list may hold."""
    words = scene.words
    return (token.text.isalpha() and token.text.islower() and not token.ent_type_
            and (not token.is_stop or token.lower_ in words.describing_ordinals)
            and token.lower_ not in words.as_words and token.lower_ not in words.appointment_words)


def _possessor_start(scene: Scene, last: int) -> int:
    """First token of the possessor ending at `last`: an entity ('the LNA's'), a title ('the UN Secretary-General's',
    hyphens and capitals in it), or a common noun with up to two lower-case words before it ('the embassy's', 'the
    central bank's') and a name after its article ("the Dbeibah government's")."""
    tokens = scene.tokens
    if tokens[last].ent_type_:
        return entity_start(tokens, last)
    if scene.titles_ending.get(last + 1):
        return min(t.phrase_start for t in scene.titles_ending[last + 1])
    start = last
    while (start > 0 and last - start < 2 and tokens[start - 1].text.isalpha() and tokens[start - 1].text.islower()
           and tokens[start - 1].lower_ not in scene.words.title_determiners):
        start -= 1
    named = entity_start(tokens, start - 1) if start > 1 and tokens[start - 1].ent_type_ else start
    return named if 0 < named < start and tokens[named - 1].lower_ in scene.words.title_determiners else start


def _skip_age(scene: Scene, index: int) -> int:
    """Start of an age written right before `index` ('a 61-year-old engineer'), or `index` if none."""
    tokens = scene.tokens
    k = skip_back(tokens, index, scene.words.age_words)
    if k >= 0 and tokens[k].text.isdigit() and k + 1 < index:
        return k
    return index


def past_named_complement(scene: Scene, k: int) -> int:
    """The comma after the rest of a title's complement that its reading left at `k`: a quoted name ('the
    spokesman of the Operation “Dignity” forces, X'), a capitalised name going on after 'of' ('of Operation Volcano
    of Anger, X'), and up to two lower-case nouns after a quoted name ('the “Dignity” operation, X'); or `k` when
    no comma follows."""
    tokens, words = scene.tokens, scene.words
    end = min(len(tokens), k + MAX_CLAUSE_TOKENS)
    j = k
    if j < end and tokens[j].text in CLOSING_QUOTES:  # the reading stopped at the quoted name's end
        j += 1
    elif j < end and tokens[j].text in QUOTES:
        j = next((i + 1 for i in range(j + 1, end) if tokens[i].text in QUOTES), end)
    elif j + 1 < end and tokens[j].lower_ in words.linking_words and tokens[j + 1].text[:1].isupper():
        while j < end and (tokens[j].text[:1].isupper() or tokens[j].lower_ in words.linking_words):
            j += 1
    if tokens[j - 1].text in QUOTES:  # only a quoted name takes the nouns after it: 'met residents, X said' is a clause
        for _ in range(2):
            if j < end and tokens[j].text.isalpha() and tokens[j].text.islower():
                j += 1
    between = range(k, j)
    if j == k or j >= len(tokens) or tokens[j].text != "," or any(tokens[i].text in CLAUSE_ENDS for i in between):
        return k
    return j


def past_complements(scene: Scene, k: int) -> int:
    """Past what may follow a title's phrase before the comma of its apposition: a place or body, more noun
    phrases after prepositions, a short clause ('le ministre de l'Intérieur du gouvernement de l'Est [basé à
    Benghazi], X')."""
    return past_short_clause(scene, past_noun_complements(scene, _past_acronym(scene, past_place_complement(scene, k))))


def _past_acronym(scene: Scene, k: int) -> int:
    """Past an acronym in brackets at `k` ("l'Armée nationale populaire [(ANP)]"), or `k`."""
    tokens = scene.tokens
    if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" and tokens[k + 1].text[:1].isupper() \
            and tokens[k + 1].ent_type_ != "PERSON":
        return k + 3
    return k


def past_noun_complements(scene: Scene, k: int) -> int:
    """Past noun phrases chained by prepositions after a title's phrase that its reading left out: 'du
    gouvernement de l'Est', "de l'UE pour les affaires étrangères", 'de la région militaire ouest' (each a
    preposition, articles, a word, then capitalised words, a bracketed acronym or adjectives; no person, up to
    ten tokens), after the adjectives of the phrase's last name; where the last one ends, or `k`."""
    tokens, words = scene.tokens, scene.words
    limit, j = min(len(tokens), k + MAX_CLAUSE_TOKENS), k
    if j < limit and (is_glued_hyphen(tokens, j) or tokens[j].text in words.possessive_marks):
        j = _past_noun_phrase(scene, j, limit)  # a phrase cut inside a compound: 'of the UN[-backed government]'
    while j < limit and tokens[j].is_lower and _goes_on_noun_phrase(scene, j):
        j += 1  # the adjective of a name the reading cut short: 'pour le Sahara [occidental]'
    end, listing = j, False
    while (opener := _complement_opener(scene, j)) is not None and opener < limit:
        joiner = tokens[j].lower_ if opener > j else None
        if joiner is not None:  # each item of a list ('de l'industrie, du commerce et de l'artisanat') has its reach
            limit = min(len(tokens), opener + MAX_CLAUSE_TOKENS)
        j = opener + 1
        while j < limit and (tokens[j].lower_ in words.title_determiners or tokens[j].lower_ in words.complements):
            j += 1
        if j >= limit or not tokens[j].text[:1].isalpha() or tokens[j].ent_type_ == "PERSON":
            break
        j = _past_noun_phrase(scene, j + 1, limit)
        listing = joiner == "," or (listing and joiner is None)  # a conjunction closes the list
        if not listing:
            end = j
    return end


def _complement_opener(scene: Scene, j: int) -> int | None:
    """Where the next complement of a title's phrase opens at `j`: a preposition ('[de] la pêche') or one after the
    comma or conjunction of a list of complements (', [du] commerce', 'et [de] l'agriculture'); or None. A list
    opened by a comma counts only once a conjunction closes it ('du Parlement, de retour de Rome, X' is an aside)."""
    tokens, words = scene.tokens, scene.words
    opens = words.complements | words.complement_openers
    if j < len(tokens) and tokens[j].lower_ in opens:
        return j
    joined = j + 1 < len(tokens) and (tokens[j].text == "," or tokens[j].lower_ in words.conjunctions)
    return j + 1 if joined and tokens[j + 1].lower_ in words.complements else None


def _past_noun_phrase(scene: Scene, j: int, limit: int) -> int:
    """Past the rest of a noun phrase whose first word ends before `j`: capitalised words, acronyms, adjectives
    after the noun (`_goes_on_noun_phrase`); a possessive and the next word ("Libya's UN-recognised Presidency
    Council"); a compound glued by a hyphen and the lower-case noun after it ('the UN-backed government')."""
    tokens = scene.tokens
    while j < limit:
        if is_glued_hyphen(tokens, j) and j + 1 < limit and tokens[j + 1].text.isalpha():
            j += 2
            if j < limit and tokens[j].is_lower and tokens[j].text.isalpha() and not tokens[j].is_stop:
                j += 1
        elif tokens[j].text in scene.words.possessive_marks and j + 1 < limit and tokens[j + 1].text[:1].isalpha() \
                and tokens[j + 1].ent_type_ != "PERSON" and not _opens_a_title(scene, j + 1):
            j += 2
        elif _goes_on_noun_phrase(scene, j):
            j = max(j + 1, _past_acronym(scene, j))
        else:
            break
    return j


def _opens_a_title(scene: Scene, j: int) -> bool:
    """Does a title start at `j` ("the envoy of Libya's [leader], X": the name is the leader's, not the envoy's)?"""
    return j in scene.titles_at or j in scene.titles_from


def _goes_on_noun_phrase(scene: Scene, j: int) -> bool:
    """Does the noun phrase go on at `j`: the rest of a name, a capitalised word, a bracketed acronym, an adjective,
    a nationality or a compass word written after the noun (not a preposition spelt like an adjective's ending:
    'aux')?"""
    words, token = scene.words, scene.tokens[j]
    if token.ent_type_ == "PERSON":
        return False
    if token.ent_iob_ == "I" or (token.text[:1].isupper() and not token.is_punct):
        return True
    if token.text == "(":
        return _past_acronym(scene, j) > j
    return token.is_lower and token.text.isalpha() and bool(words.adjective_endings) and token.lower_ not in words.complements \
        and (token.lower_.endswith(words.adjective_endings) or token.lower_ in words.compass_words or j in scene.nationalities)


def past_short_clause(scene: Scene, k: int) -> int:
    """Past a short clause that qualifies a title before its apposition: 'le président du Parlement [reconnu par
    la communauté internationale], X', 'le chef du gouvernement [qui est basé à Tripoli], X' (a relative pronoun,
    or a word and an agent preposition, then up to eight words with no punctuation or person), 'le chef du
    gouvernement [internationalement reconnu], X' (an adverb and a word), or `k`."""
    tokens, words = scene.tokens, scene.words
    if (k + 2 < len(tokens) and tokens[k + 2].text == "," and tokens[k].lower_.endswith(words.adverb_endings)
            and all(tokens[i].text.isalpha() and tokens[i].text == tokens[i].lower_ for i in (k, k + 1))):
        return k + 2
    opens = k < len(tokens) and (tokens[k].lower_ in words.relative_pronouns or _agent_after_participle(scene, k)
                                 or (k + 1 < len(tokens) and tokens[k].lower_ not in words.auxiliaries and (
                                     tokens[k + 1].lower_ in words.agent_prepositions or (
                                         tokens[k].is_lower and tokens[k + 1].lower_ in words.place_prepositions))))
    if not opens:
        return k
    for end in range(k + 1, min(k + MAX_CLAUSE_TOKENS, len(tokens))):
        token = tokens[end]
        if token.text == ",":
            return end
        if token.is_punct or token.ent_type_ == "PERSON" or end in scene.titles_at:
            return k  # 'The premier was in Tripoli with the ministers, X': X is the ministers'
    return k


def _agent_after_participle(scene: Scene, k: int) -> bool:
    """Is `k` an agent preposition right after a lower-case word the title's phrase ends with ('Premier ministre
    désigné [par] la Chambre en 2022, X': the participle read as the title's qualifier)?"""
    tokens = scene.tokens
    return k > 0 and tokens[k].lower_ in scene.words.agent_prepositions and tokens[k - 1].is_lower


def before_coordinated_titles(scene: Scene, index: int) -> int:
    """The token before the first of the titles joined by 'and' that end at `index` ('Ambassador and
    special envoy', "le chef du commandement pour l'Afrique et l'ambassadeur"), or `index` itself."""
    tokens = scene.tokens
    while index > 0 and tokens[index].lower_ in scene.words.conjunctions and titles_reaching(scene, index):
        first = min(titles_reaching(scene, index), key=lambda t: t.phrase_start)
        index = skip_back(tokens, first.phrase_start, scene.words.title_determiners)
    return index


def titles_reaching(scene: Scene, index: int) -> Sequence[Title]:
    """The titles whose phrase ends at `index`, or whose complements the reading left out do ('le chef du
    commandement américain pour l'Afrique [et]')."""
    return scene.titles_ending.get(index) or [
        t for t in scene.titles_at.values()
        if t.category != "clause" and t.phrase_end < index and past_complements(scene, t.phrase_end) == index]


def apposition_opening(scene: Scene, comma: int, reach: int = MAX_APPOSITION_TOKENS) -> int:
    """'X, a deputy unknown to the public, was elected': from the comma closing an apposition, the comma
    that opens it right after a name (up to `reach` tokens back, no other punctuation, no person but one
    qualifying a noun: 'X, a Dbeibah ally, was appointed'), or `comma`. An appointment verb after the apposition
    reaches further back than a title does ('X, enseignant qui a perdu sa maison, juge ...': 'juge' there is a
    verb)."""
    tokens = scene.tokens
    for k in range(comma - 1, max(comma - reach - 1, -1), -1):
        if tokens[k].text == ",":
            return k if k in scene.ends and not _opens_with_conjunction(scene, k + 1) else comma
        qualifying = k + 1 in scene.ends and modifies_a_noun_after_article(scene, scene.ends[k + 1])
        if tokens[k].is_punct or (tokens[k].ent_type_ == "PERSON" and not qualifying):
            return comma
    return comma


def _opens_with_conjunction(scene: Scene, k: int) -> bool:
    """Does a conjunction open the words at `k` ('X, et regroupant trois ministres, le gouverneur Y'): the words
    go on the sentence, they describe nobody in apposition."""
    return k < len(scene.tokens) and scene.tokens[k].lower_ in scene.words.conjunctions | scene.words.clause_breakers


def before_inserted_adverbial(scene: Scene, comma: int) -> int:
    """'X a, de son côté, été nommé': from the comma closing a short lower-case adverbial (up to five words, no
    entity) written between two auxiliaries, the comma that opens it; else `comma`."""
    tokens, auxiliaries = scene.tokens, scene.words.auxiliaries - {","}
    for k in range(comma - 1, max(comma - 7, 0), -1):
        token = tokens[k]
        if token.text == ",":
            return k if k < comma - 1 and tokens[k - 1].lower_ in auxiliaries else comma
        if token.ent_type_ or not token.is_lower:
            return comma
    return comma


def verb_before_adverbial(scene: Scene, comma: int) -> int:
    """'X a été élu au second tour, président du Parlement': the appointment verb before a short lower-case
    adverbial and the comma at `comma` (up to four words, no entity), or -1."""
    tokens = scene.tokens
    for k in range(comma - 1, max(comma - 6, -1), -1):
        token = tokens[k]
        if token.lower_ in scene.words.appointment_words:
            return k if k < comma - 1 else -1
        if token.ent_type_ or token.is_punct or token.text != token.lower_:
            return -1
    return -1


def modifies_a_noun_after_article(scene: Scene, person: Person) -> bool:
    """'the Gaddafi government', 'a close Haftar ally': a name between an article (and up to two lower-case content
    words) and a lower-case content word qualifies that word ('a day after X was sworn in' does not)."""
    return article_before_qualifying_name(scene, person) >= 0


def article_before_qualifying_name(scene: Scene, person: Person) -> int:
    """Where the article stands before a name that qualifies a noun (`modifies_a_noun_after_article`), or -1."""
    tokens, k = scene.tokens, person.start - 1
    while k >= 0 and person.start - k <= 2 and _content_word(tokens[k]):
        k -= 1
    qualifies = (k >= 0 and tokens[k].lower_ in scene.words.title_determiners
                 and person.end < len(tokens) and _content_word(tokens[person.end]))
    return k if qualifies else -1


def _content_word(token: TokenLike) -> bool:
    """A lower-case word that no stop list holds."""
    return token.is_lower and token.is_alpha and not token.is_stop


def past_description(scene: Scene, k: int) -> int:
    """Past a short lower-case description before a name: 'led by [his rival] X', 'présidé par [son rival
    politique] X', 'chaired by [the retired peace-broker] X' (determiners, a nationality noun, and up to three
    lower-case words, a hyphen joining two of them counting for none, no entity)."""
    tokens = scene.tokens
    while k < len(tokens) and (tokens[k].lower_ in scene.words.title_determiners or scene.national_noun(k)):
        k += 1  # "dirigée par [l'Américaine] X"
    words = 0
    while k < len(tokens) and words < 3:
        if _hyphen_between_words(tokens, k):
            k += 1
            continue
        token = tokens[k]
        if not (token.text.isalpha() and token.text == token.lower_ and not token.ent_type_):
            return k
        k, words = k + 1, words + 1
    return k


def _hyphen_between_words(tokens: Sequence[TokenLike], k: int) -> bool:
    """'peace[-]broker': a hyphen between two lower-case words joins them into one."""
    return (0 < k < len(tokens) - 1 and tokens[k].text in ("-", "‑") and tokens[k - 1].text.islower()
            and tokens[k + 1].text.islower())
