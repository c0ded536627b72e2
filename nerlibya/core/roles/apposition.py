"""A title in apposition: 'X, the envoy,', 'the head of the council, X', titles chained with 'and' after a
name, a relative's title ('the son of Field Marshal X, Y')."""

from __future__ import annotations

from typing import Mapping, Sequence

from ..types import Title
from .complements import (apposition_opening, before_coordinated_titles, before_place_complement, past_complements,
                          past_named_complement, skip_possessor, titles_reaching)
from .scene import (CLAUSE_ENDS, MAX_CAPACITY_OPENING, MAX_CLAUSE_TOKENS, MAX_RELATIVE_TOKENS, MAX_WORDS_BEFORE_NAME,
                    Person, QUOTES, Scene, TIME_RANGE_JOINERS, TokenLike, entity_start, is_glued_hyphen, opens_aside,
                    past_spaces, skip_back, stacked_title_at, time_phrase_opening)


def person_before_bare_apposition(scene: Scene, title: Title) -> Person | None:
    """'a meeting with X the Prime Minister.': a person written right before a determiner and a title whose
    phrase closes the clause (a punctuation mark after it) is the title's, with no comma between them."""
    tokens, k, end = scene.tokens, title.phrase_start - 1, title.phrase_end
    if k < 1 or tokens[k].lower_ not in scene.words.title_determiners or title.category == "clause":
        return None
    if end < len(tokens) and tokens[end].text not in CLAUSE_ENDS:
        return None
    return scene.ends.get(k)


def person_before_apposition(scene: Scene, title: Title) -> Person | None:
    """'X, the commander of the LNA', 'X [head of the mission]': the person ends at the comma or bracket
    before the title."""
    comma = past_spaces(scene.tokens, skip_possessor(scene, title.phrase_start), step=-1)
    if comma < 0 or not opens_aside(scene.tokens, comma) or _names_someone_after(scene, title):
        return None
    person = (scene.ends.get(comma) or scene.ends.get(_before_bracketed_word(scene.tokens, comma))
              or scene.ends.get(_before_country(scene, comma)))
    if person is not None and _complement_of_relative(scene, person):
        return None  # "le père d'X, ancien ministre": the apposition describes the father
    if person is not None and _names_after(scene, title) and (
            _named_by_title_before(scene, person) or _listed_after(scene, title)):
        return None  # a list: 'le chef du GNA, X, le président du Parlement, Y,'; 'A and B, the Minister of X, C, and'
    if person is not None or scene.tokens[comma].text != "," or _names_after(scene, title) or (
            _opens_own_clause(scene, title) and _ends_a_title(scene, comma)):
        return person
    return scene.ends.get(apposition_opening(scene, comma))  # 'X, 51 ans, un ancien haut fonctionnaire'


def _opens_own_clause(scene: Scene, title: Title) -> bool:
    """Is the title's phrase followed right away by a verb (a lower-case content word, or an auxiliary that takes a
    subject: 'a précisé')? After another title's apposition it is then the subject of a new clause ('After meeting
    X, the UN envoy, the German diplomat said'), another person than the name before ('X, 51, the envoy said' is X)."""
    k = title.phrase_end
    if k >= len(scene.tokens):
        return False
    token = scene.tokens[k]
    return (token.is_lower and token.text.isalpha()
            and (not token.is_stop or token.lower_ in scene.words.active_appointers[0]))


def _named_by_title_before(scene: Scene, person: Person) -> bool:
    """Is the person the apposition of a title before them ('the head of the GNA [recognised by the UN], X')?"""
    comma = person.start - 1
    return comma >= 1 and scene.tokens[comma].text == "," and _ends_a_title(scene, comma)


def _ends_a_title(scene: Scene, comma: int) -> bool:
    """Does a title and its complements end right before `comma`?"""
    return any(scene.titles_ending.get(end) and past_complements(scene, end) == comma
               for end in range(comma, max(comma - MAX_CLAUSE_TOKENS, 0), -1))


def _before_bracketed_word(tokens: Sequence[TokenLike], comma: int) -> int:
    """'X (Sweden), Chair of ...', 'X ("Ghaniwa"), head of ...': where a word or two in brackets (quoted or not)
    before `comma` open, or `comma`."""
    for opening in range(comma - 3, comma - 7, -1):
        inside = [tokens[i] for i in range(opening + 1, comma - 1)] if opening >= 0 else []
        words = [t for t in inside if t.text not in QUOTES]
        if (inside and tokens[comma - 1].text == ")" and tokens[opening].text == "(" and len(words) <= 2
                and not any(t.is_punct for t in words) and len(inside) - len(words) in (0, 2)):
            return opening
    return comma


def _before_country(scene: Scene, comma: int) -> int:
    """'X of France, its President for October': where 'of' and a place before `comma` start, or `comma`."""
    tokens = scene.tokens
    if comma < 3 or tokens[comma - 1].ent_type_ != "GPE":
        return comma
    start = entity_start(tokens, comma - 1)
    return start - 1 if start > 1 and tokens[start - 1].lower_ in scene.words.linking_words else comma


def _listed_after(scene: Scene, title: Title) -> bool:
    """Is the name after the title's ', ' followed by a comma and another title or 'and' (a list goes on)?"""
    person = scene.starts[title.phrase_end + 1]
    tokens, k = scene.tokens, person.end
    return k + 1 < len(tokens) and tokens[k].text == "," and (
        tokens[k + 1].lower_ in scene.words.conjunctions or k + 1 + _determiners_at(scene, k + 1) in scene.titles_from)


def _determiners_at(scene: Scene, k: int) -> int:
    """How many determiners are written from `k` on."""
    count = 0
    while k + count < len(scene.tokens) and scene.tokens[k + count].lower_ in scene.words.title_determiners:
        count += 1
    return count


def _names_after(scene: Scene, title: Title) -> bool:
    """Is the title followed by ', X' (a list: 'X, strongman of the east, the president of the House, Y')?"""
    k = title.phrase_end
    return k + 1 < len(scene.tokens) and scene.tokens[k].text == "," and k + 1 in scene.starts


def _names_someone_after(scene: Scene, title: Title) -> bool:
    """Does a name follow the title's phrase after a few capitalised words at most? In a list ('X, Assistant
    Secretary at the U.S. Department of Energy Y, and ...') the title is Y's, not X's ('X, a former bank chief
    under Y' is X's; so is 'X, researcher at the Institute of Y': a name right after 'of' is a complement). A
    hyphen glued inside a name is no word of its own ('Prime Minister Abdel Hamid Al-[Dabaiba]': the model
    may find only the name's end)."""
    tokens, k, words = scene.tokens, title.phrase_end, 0
    while k < len(tokens) and words < MAX_WORDS_BEFORE_NAME:
        if k in scene.starts:  # not a complement: 'du gouvernement de Y', 'du gouvernement dirigé par Y', 'du
            # gouvernement Y' (a body named after its head)
            return not (k > 0 and (tokens[k - 1].lower_ in scene.words.linking_words
                                   or tokens[k - 1].lower_ in scene.words.agent_prepositions
                                   or tokens[k - 1].lower_ in scene.words.bodies))
        hyphen = k > title.phrase_end and is_glued_hyphen(tokens, k)
        if not (hyphen or tokens[k].text[:1].isupper() or tokens[k].lower_ in scene.words.name_connectors):
            return False
        if k > title.phrase_end and tokens[k - 1].lower_ in scene.words.conjunctions and k in scene.titles_from:
            return False  # 'A, Commander-in-Chief of X and Lieutenant General B': B's own title names B
        words += not hyphen
        k += 1
    return False


def person_chained(scene: Scene, title: Title, attached: Mapping[int, Person]) -> Person | None:
    """'X, the minister and envoy', 'X est un juriste et un écrivain', 'X served as foreign minister from 2013 to
    2017 and as trade minister', 'X was ambassador and later served as minister', 'X served as adviser, then as deputy
    head': a title joined by 'and' or a comma (then an article, 'as', an adverb or a verb of serving, not of naming
    someone; a time phrase may close the first) to one already attached is the same person's; not one a person's
    possessive opens right after the joining word ('X, the head of the council, and his deputy': the deputy is
    someone else; 'X, Y's adviser and his chief of staff', 'X served as Y's adviser and later as his chief of
    staff' are X's), nor one with a name of its own in apposition ('X, the minister, and the police chief, Y')."""
    tokens, words = scene.tokens, scene.words
    joined = skip_back(tokens, title.phrase_start, words.before_chained_title | words.before_appointed_title
                       | (words.appointment_words - words.naming_verbs))
    previous = _before_time_phrase(scene, joined)
    ending = titles_reaching(scene, previous + 1) or scene.titles_ending.get(before_place_complement(scene, previous + 1), ())
    chained = next((t for t in ending if t.start in attached), None)
    if chained is None or _joined_as_anothers(scene, joined, title, chained):
        return None
    between = [tokens[i].lower_ for i in range(joined + 1, title.phrase_start)
               if tokens[i].text != "," and tokens[i].lower_ not in words.title_determiners]
    comma = any(tokens[i].text == "," for i in range(previous + 1, title.phrase_start))
    joining = bool(between) and (between[0] in words.conjunctions or comma) and all(
        word in words.before_appointed_title or word in words.appointment_words - words.naming_verbs
        for word in between[1:])  # 'and later served as', not 'and appointed'
    if not joining:
        return None
    own = person_after_apposition(scene, title)
    return attached[chained.start] if own is None or own == attached[chained.start] else None


def _joined_as_anothers(scene: Scene, joined: int, title: Title, chained: Title) -> bool:
    """Are the words between `joined` and the title only a joining word and a person's possessive ('..., and his
    deputy'), the possessive then the person's own, as the title it is chained to names no other person's
    ('Y's adviser and his chief of staff': 'his' is Y's)?"""
    words, tokens = scene.words, scene.tokens
    between = [t.lower_ for t in tokens[joined + 1:title.start] if t.text != ","]
    possessed = chained.start > 0 and tokens[chained.start - 1].text in words.possessive_marks
    return bool(between) and between[-1] in words.personal_possessives and not possessed and all(
        w in words.conjunctions or w in words.personal_possessives for w in between)


def person_past_relative(scene: Scene, title: Title) -> Person | None:
    """'X, son of Khalifa Haftar and commander of the ground forces', 'X, fils du maréchal Y et chef d'état-major':
    a title joined by a conjunction to an apposition that names the person's relative is the person's own."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, title.phrase_start, words.title_determiners)
    if k < 1 or tokens[k].lower_ not in words.conjunctions:
        return None
    k = _before_relative(scene, k - 1)
    if k < 1 or tokens[k - 1].lower_ not in words.relation_nouns:
        return None
    comma = skip_back(tokens, k - 1, words.title_determiners)
    person = scene.ends.get(comma) if comma > 0 and tokens[comma].text == "," else None
    return person if person is not None and scene.same_sentence(person, title) else None


def _before_relative(scene: Scene, k: int) -> int:
    """Back from `k` over a relative's names, titles and articles to the linking word after the relation noun
    ('son [of] the Field Marshal Y'); -1 if anything else stands there."""
    tokens, words = scene.tokens, scene.words
    for _ in range(MAX_RELATIVE_TOKENS):
        if k < 1:
            return -1
        if tokens[k].lower_ in words.linking_words and tokens[k - 1].lower_ in words.relation_nouns:
            return k
        if k + 1 in scene.ends:
            k = scene.ends[k + 1].start - 1
        elif scene.titles_ending.get(k + 1):
            k = scene.titles_ending[k + 1][0].phrase_start - 1
        elif tokens[k].lower_ in words.title_determiners:
            k -= 1
        else:
            return -1
    return -1


def _before_time_phrase(scene: Scene, k: int) -> int:
    """Where a phrase of time that ends at `k` ('from 2013 to 2017', 'in March', 'until 2011') opens, less one; or
    `k`: a preposition of `time_prepositions`, then numbers, words of time and 'to' between them, up to six tokens."""
    opening = time_phrase_opening(scene, k, 6, inner=TIME_RANGE_JOINERS)
    return k if opening is None else opening - 1


def person_after_relative(scene: Scene, title: Title) -> Person | None:
    """'X, Haftar's son and commander of the brigade': a title joined by 'and' to a relation noun in apposition
    after a name (its possessor between them) is that person's, as a title chained to a title would be."""
    tokens, words = scene.tokens, scene.words
    previous = skip_back(tokens, title.phrase_start, words.before_chained_title)
    joined = any(tokens[i].lower_ in words.conjunctions for i in range(previous + 1, title.phrase_start))
    if previous < 1 or not joined or tokens[previous].lower_ not in words.relation_nouns:
        return None
    comma = skip_possessor(scene, previous)
    return scene.ends.get(comma) if comma > 0 and tokens[comma].text == "," else None


def person_after_apposition(scene: Scene, title: Title, opening: Title | None = None) -> Person | None:
    """'The head of the council, X, said': the person after the comma, if the apposition closes there (a
    punctuation mark, a conjunction or a relative pronoun: 'face au vice-Premier ministre, X qui ...') or the
    title (or the `opening` one it is coordinated with: 'The envoy and head of X, Y said') opens the sentence."""
    tokens, words, sentence_of = scene.tokens, scene.words, scene.sentence_of
    k = past_named_complement(scene, past_complements(scene, title.phrase_end))
    fronted = title_opens_sentence(scene, opening or title)
    k = _past_fronted_relative(scene, _past_time_phrase(scene, k)) if fronted else k
    if k >= len(tokens) or tokens[k].text != ",":
        return None
    k = (_past_aside(scene, k) if fronted else k) + 1
    while k < len(tokens) and tokens[k].text.isspace():
        k += 1  # extra spaces, or a text wrapped by hand inside its sentences: 'A retired banker,\nX now chairs'
    courtesy = k < len(tokens) and tokens[k].lower_ in words.honorifics  # 'le président, M. X' names the president
    while k < len(tokens) and (tokens[k].lower_ in words.title_determiners or tokens[k].lower_ in words.honorifics
                               or tokens[k].lower_ in words.age_words or tokens[k].text.isdigit()
                               or scene.national_noun(k) or stacked_title_at(scene, k) is not None
                               or _adverb_before_stacked_title(scene, k)):
        apposed = tokens[k - 1].text == ","
        if _adverb_before_stacked_title(scene, k) and apposed:
            k += 1  # 'Ancien ministre, puis Premier ministre, X': the adverb keeps the title in apposition
        stacked = stacked_title_at(scene, k)
        k = _stacked_title_end(scene, stacked, apposed) if stacked is not None else k + 1
    person = scene.starts.get(k)
    if person is None or _relatives_name(scene, opening or title, person):
        return None
    after = tokens[person.end] if person.end < len(tokens) else None
    first = opening or title
    closes = (courtesy or after is None or after.text in words.apposition_end or _opens_infinitive(scene, person.end)
              or sentence_of[person.end] != sentence_of[person.start] or _closed_by_adjunct(scene, first, person))
    before = before_coordinated_titles(scene, skip_back(tokens, first.phrase_start, words.title_determiners))
    opens_sentence = (before < 0 or sentence_of[before] != sentence_of[first.start]
                      or _ends_line(scene, before)  # a new line
                      or _after_opening_adverbial(scene, before) or opening_as(scene, before))
    return person if closes or (opens_sentence and not _attribution_inserted(scene, person)) else None


def _past_fronted_relative(scene: Scene, k: int) -> int:
    """'A former judge [who resigned in 2009 to become a vocal Y opponent], X will lead': the
    relative clause of a title that opens its sentence runs to the comma before the subject it describes, names
    and titles inside it being its own (up to twenty tokens, no other punctuation); or `k`."""
    tokens = scene.tokens
    if k >= len(tokens) or tokens[k].lower_ not in scene.words.relative_pronouns:
        return k
    for end in range(k + 1, min(k + 2 * MAX_CLAUSE_TOKENS, len(tokens))):
        if tokens[end].text == ",":
            return end if name_at(scene, end + 1) else k
        if tokens[end].is_punct:
            return k
    return k


def _adverb_before_stacked_title(scene: Scene, k: int) -> bool:
    """'Ancien ministre, [puis] Premier ministre désigné, X', 'A former minister, [later] premier, X': an adverb
    between the comma and a further title stacked before the name."""
    return (scene.tokens[k].lower_ in scene.words.adverbs and k + 1 < len(scene.tokens)
            and stacked_title_at(scene, k + 1) is not None)


def _past_time_phrase(scene: Scene, k: int) -> int:
    """'Patron de la NOC depuis juillet 2022, X': the comma that closes a phrase of time opening at `k` (as
    `time_phrase_opening` reads one, articles inside it), or `k`."""
    tokens = scene.tokens
    comma = next((j for j in range(k + 2, min(k + 7, len(tokens))) if tokens[j].text == ","), None)
    if comma is None:
        return k
    return comma if time_phrase_opening(scene, comma - 1, 6, anywhere=scene.words.title_determiners) == k else k


def _past_aside(scene: Scene, comma: int) -> int:
    """'Le ministre des Affaires étrangères de la Turquie, pays allié de Tripoli, X', 'le chef de la mission, la
    Manul, X': the comma that closes a short aside after the title's comma (up to eight tokens, no person, title or
    other punctuation) when a name follows it and none follows the first comma; or `comma`. (Read only after a
    title that opens its sentence: '... appoint X as prime minister, setting up a clash with the incumbent, Y'.)"""
    tokens, words = scene.tokens, scene.words
    if name_at(scene, comma + 1):
        return comma
    for k in range(comma + 1, min(comma + 9, len(tokens) - 1)):
        if tokens[k].text == ",":
            return k if k > comma + 1 and name_at(scene, k + 1) else comma
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON" or k in scene.titles_at \
                or tokens[k].lower_ in words.relative_pronouns:
            return comma
    return comma


def title_opens_sentence(scene: Scene, title: Title) -> bool:
    """Is the title, past its articles and spaces, the first thing its sentence or line writes ('Le chef de la
    mission, ...'; a paragraph's or a headline's line break before it: a headline with no full stop, then 'The
    Chairman of X, Y chapter, Mr Z')?"""
    before = skip_back(scene.tokens, title.phrase_start, scene.words.title_determiners)
    while before >= 0 and scene.tokens[before].text.isspace() and "\n" not in scene.tokens[before].text:
        before -= 1
    return before < 0 or scene.sentence_of[before] != scene.sentence_of[title.start] or _ends_line(scene, before)


def _ends_line(scene: Scene, k: int) -> bool:
    """Does tokens[k] end a line (a line break after it, or a whitespace token holding one)?"""
    token = scene.tokens[k]
    return token.text_with_ws.endswith("\n") or (token.text.isspace() and "\n" in token.text)


def name_at(scene: Scene, k: int) -> bool:
    """Does a person's name start at `k`, past articles and courtesy titles?"""
    while k < len(scene.tokens) and (scene.tokens[k].lower_ in scene.words.title_determiners
                                     or scene.tokens[k].lower_ in scene.words.honorifics):
        k += 1
    return k in scene.starts


def _complement_of_relative(scene: Scene, person: Person) -> bool:
    """Is `person` written right after a relation noun and its linking word ("le père d'X", 'the son of X'), the
    complement of an unnamed relative whom an apposition after the name describes?"""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, person.start, words.title_determiners)
    return k > 0 and tokens[k].lower_ in words.linking_words and tokens[k - 1].lower_ in words.relation_nouns


def _relatives_name(scene: Scene, title: Title, person: Person) -> bool:
    """Is the title the complement of a relative or a companion and `person` that relative ('The son of the army
    chief, X', 'a bodyguard of the minister, X': X is the son)? Not when a second name follows ('the son of the late
    ruler, X, Y': X is the ruler, Y the son)."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, title.phrase_start, words.title_determiners)
    if not (k > 0 and tokens[k].lower_ in words.linking_words and tokens[k - 1].lower_ in words.relation_nouns):
        return False
    return not (person.end + 1 < len(tokens) and tokens[person.end].text == "," and person.end + 1 in scene.starts)


def opening_as(scene: Scene, k: int) -> bool:
    """Is `k` an 'as' that opens the sentence ('As defence minister, X oversaw the army'), or closes a short phrase
    of a capacity noun that does ('During his tenure as president, X cut spending')?"""
    if k < 0 or scene.tokens[k].lower_ not in scene.words.as_words:
        return False
    start = k
    if k > 0 and scene.tokens[k - 1].lower_ in scene.words.capacity_nouns:
        start = k - 1
        while start > max(k - MAX_CAPACITY_OPENING, 0) and scene.sentence_of[start - 1] == scene.sentence_of[k] \
                and scene.tokens[start - 1].text.isalpha():
            start -= 1
    return start == 0 or scene.sentence_of[start - 1] != scene.sentence_of[k]


def _attribution_inserted(scene: Scene, person: Person) -> bool:
    """Is the person followed by one or two lower-case words and a comma, an attribution inserted in the sentence
    ('The interior minister in Tripoli, X said, had resigned'): X reports, and holds no title?"""
    tokens = scene.tokens
    for k in range(person.end + 1, min(person.end + 3, len(tokens))):
        if not all(tokens[i].text.isalpha() and tokens[i].text.islower() for i in range(person.end, k)):
            return False
        if tokens[k].text == ",":
            return True
    return False


def _closed_by_adjunct(scene: Scene, title: Title, person: Person) -> bool:
    """'A met the Defence Secretary, B at the Pentagon', 'A met the minister, B separately on Friday', 'A a reçu
    le chef d'état-major, B mardi à Alger': a preposition (after an adverb or a calendar word at most) ends the
    name's apposition, when the sentence names someone before the title, or gives an office to its subject ('le
    dirigeant libyen a évoqué la mort de l'ancien président, B sur ...'); a title in an opening adverbial,
    'After talks with the minister, B on Friday said', has none."""
    tokens, words = scene.tokens, scene.words
    k = person.end
    word = tokens[k].text if k < len(tokens) else ""
    if (word.isalpha() and word.islower() and word.endswith(words.adverb_endings)) or word.lower() in words.time_words:
        k += 1
    if k >= len(tokens) or tokens[k].lower_ not in words.apposition_closers:
        return False
    sentence = scene.sentence_of[title.start]
    before = [start for start in (*scene.starts, *scene.titles_at) if start < title.phrase_start]
    return any(scene.sentence_of[start] == sentence for start in before)


def _opens_infinitive(scene: Scene, k: int) -> bool:
    """Does a clause breaker and a verb's infinitive start at `k` ('le chef de l'AFN, X pour remporter le poste'):
    the apposition closes before it?"""
    tokens, words = scene.tokens, scene.words
    if k + 1 >= len(tokens) or tokens[k].lower_ not in words.clause_breakers or not words.infinitive_endings:
        return False
    verb = tokens[k + 1]
    return verb.text.isalpha() and verb.is_lower and verb.lower_.endswith(words.infinitive_endings)


def _after_opening_adverbial(scene: Scene, comma: int) -> bool:
    """Is `comma` the end of a short adverbial that opens the sentence ('Peu de temps avant, le coordinateur ...,
    X avait déclaré'): up to five words, no entity or punctuation, from the sentence's start?"""
    tokens = scene.tokens
    if tokens[comma].text != ",":
        return False
    for k in range(comma - 1, max(comma - 7, -2), -1):
        if k < 0 or scene.sentence_of[k] != scene.sentence_of[comma] or tokens[k].text_with_ws.endswith("\n"):
            return k < comma - 1
        if tokens[k].ent_type_ or tokens[k].is_punct or tokens[k].text.isspace():
            return False
    return False


def _stacked_title_end(scene: Scene, title: Title, apposed: bool = False) -> int:
    """Where the name after a title stacked before it starts: after the title's phrase when a name starts there
    ('le colonel canadien X'); after the comma that closes it when the title, with no article, is itself in
    apposition ('Le ministre d'État, ministre de l'Intérieur, X': both are X's); else after its words."""
    if title.phrase_end in scene.starts:
        return title.phrase_end
    comma = past_complements(scene, title.phrase_end)
    if apposed and comma < len(scene.tokens) and scene.tokens[comma].text == ",":
        return comma + 1
    return title.end
