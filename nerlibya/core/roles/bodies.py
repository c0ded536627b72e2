"""Clauses that make a person head of a body ('a government headed by X', 'X, who heads the Y', 'Y, que dirige
X'), and the organisation a title is held in (a bracketed body, a modifier, a country's body, a person as owner)."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..types import OrgRef, Title
from .clauses import past_time_phrase_after_verb, subject_after_opening_clause, successor_of, verb_before_time_phrase
from .complements import past_complements, past_description
from .scene import (APPOSITION_END_PUNCTUATION, CLAUSE_ORG_LABELS, DESCRIBED_PLACE_LABELS, MAX_BODY_QUALIFIER_TOKENS,
                    MAX_CLAUSE_TOKENS, MAX_DESCRIPTION_TOKENS, Person, RoleWords, Scene, TokenLike, entity_at,
                    entity_start, is_glued_hyphen, skip_back, skip_forward, stacked_title_at)


def clause_person(scene: Scene, title: Title) -> tuple[Person | None, OrgRef | None, Title | None]:
    """(person, organisation, title that introduces the person) for 'headed by X' / 'X, who heads Y' /
    'X had led Y'; 'Y, que dirige X' names its subject after the verb, as 'dirigé par X' does."""
    tokens, words = scene.tokens, scene.words
    cue = title.cue.split()
    if cue[-1] not in words.agent_prepositions and cue[0] not in words.object_relatives \
            and title.cue not in words.holder_after_cues:
        # the subject before: 'X, who heads Y', 'X, qui est à la tête de Y'
        before = _before_age(scene, _subject_end_before_verb(scene, title.start))  # 'X a été nommé [en 2021] à la tête de Y'
        person = scene.ends.get(before + 1) or scene.ends.get(_before_description(scene, before) + 1)
        if person is None and (before < 0 or scene.sentence_of[before] != scene.sentence_of[title.start]):
            person = subject_after_opening_clause(scene, title)  # '[Nommé] à la tête du HCE en 2023, X a ...'

        if person is not None and person.end == title.start:
            # 'A succède à B à la tête de Y': A heads Y now; not 'A remplace B, qui dirige Y', which describes B
            person = successor_of(scene, person) or person
        org_start = past_time_phrase_after_verb(scene, title.end)  # 'X dirige [depuis 2022] la NOC'
        while org_start < len(tokens) and tokens[org_start].lower_ in words.before_apposed_title:
            org_start += 1  # 'the', 'then': 'X dirigeait alors l'Organisation ...'
        org = _body_at(tokens, org_start)  # past a qualifying name: "the UN-backed Government of ..."
        # an organisation object of the verb (a country's body, "who chairs Libya's presidential council", keeps
        # the country), unless the cue is a compound's ('the X-led GNS stalled': a verb may follow) or adjectives
        # follow the noun ('qui dirige le gouvernement libyen')
        if (org is not None and cue[0] != "-" and not words.adjectives_follow_noun
                and tokens[org.span[0]].ent_type_ == "ORG" and _modifies_a_noun(tokens, org.span[1], words.possessive_marks)):
            if _possesses_a_body(tokens, org.span[1], words):
                return person, org, None  # "who has commanded the LNA's ground forces": an office of the LNA
            if not _possesses_a_name(tokens, org.span[1], words.possessive_marks):
                return None, None, None  # 'X led the LNA offensive', "who heads the UN's team": no office of the body
            org = entity_at(tokens, org.span[1] + 1)  # "who commands the LNA's Tariq Ben Zeyad brigade"
            if org is None and cue[0] not in words.relative_pronouns:
                return None, None, None
        if org is not None and _place_possesses_no_body(scene, org.span[1]):
            return None, None, None  # "who led Libya's rebels": people, no body whose office he held
        # without a relative pronoun, only an organisation after the verb makes it an office ('X led the LNA'),
        # or a body's noun after a cue that names the position ('X est à la tête du gouvernement parallèle')
        heads = cue[0] in words.relative_pronouns or org is not None or _heads_a_body(scene, cue, org_start)
        return (person if heads else None), org, None
    k = title.end
    introducing = stacked_title_at(scene, k)
    if introducing is not None:
        k = introducing.end
    person = scene.starts.get(k) or scene.starts.get(past_description(scene, k))  # "par [l'Américaine] X"
    if person is not None:
        person = _named_after_complement(scene, person)
    else:  # 'commandée par le colonel-major X', 'présidé par le ministre de la Justice, X', 'par son adjointe, X'
        described = introducing or stacked_title_at(scene, skip_forward(tokens, k, words.title_determiners))
        person = ((scene.starts.get(described.end) if described else None)
                  or _apposed_after_description(scene, past_complements(scene, described.phrase_end) if described else k))
    cue_start = skip_back(tokens, title.start, words.before_apposed_title) + 1  # 'UNSMIL, [currently] led by X'
    j = _before_auxiliaries(tokens, _before_coordinated_participles(scene, cue_start) + 1, words.auxiliaries - {","})
    j = _before_inserted_phrase(scene, _subject_body(scene, j))  # 'le Conseil[, créé en 2011,] est présidé par X'
    j = _body_before_place(scene, j)  # 'le gouvernement [de Benghazi], dirigé par X'
    if j >= 0 and tokens[j].text == ")" and j >= 2 and tokens[j - 2].text == "(":
        # 'the Government of National Unity (GNU), led by': the acronym, an organisation, names the body itself
        # ('le gouvernement reconnu par l'ONU (GNA), dirigé par': not the UN); else the name before the bracket
        j -= 1 if tokens[j - 1].ent_type_ == "ORG" else 3
    org = None
    if j >= 0 and tokens[j].ent_type_ in CLAUSE_ORG_LABELS and not _where_a_body_sits(scene, entity_start(tokens, j)):
        org = OrgRef(span=(entity_start(tokens, j), j + 1))
    return (person if _led_is_a_body(scene, j) else None), org, introducing


def _subject_body(scene: Scene, j: int) -> int:
    """'le Conseil siège à Benghazi et est présidé par X', 'Le Conseil siège à Benghazi. Il est présidé par X': a
    clause after a conjunction or a subject pronoun follows the body that opens the sentence (for a pronoun, else
    the sentence before; for a conjunction, else the body a pronoun subject before it leads to): that body's last
    token, or `j`."""
    tokens, words = scene.tokens, scene.words
    if j < 0 or tokens[j].lower_ not in words.conjunctions | words.subject_pronouns:
        return j
    start = _sentence_start(scene, j)
    body = _opening_body(scene, start, j)
    if body is not None:
        return body
    if tokens[j].lower_ in words.subject_pronouns:
        body = _opening_body(scene, _sentence_start(scene, start - 1), start) if start > 0 else None
        return j if body is None else body
    pronoun = next((i for i in range(start, j) if tokens[i].lower_ in words.subject_pronouns), None)
    return j if pronoun is None else _subject_body(scene, pronoun)


def _opening_body(scene: Scene, start: int, end: int) -> int | None:
    """The last token of a named body or a body's noun that opens (past its articles) the words start:end."""
    tokens = scene.tokens
    k = skip_forward(tokens, start, scene.words.title_determiners)
    if k >= end:
        return None
    if tokens[k].ent_iob_ == "B" and tokens[k].ent_type_ == "ORG":
        return next(i - 1 for i in range(k + 1, end + 1) if i == end or tokens[i].ent_iob_ != "I")
    return k if tokens[k].lower_ in scene.words.bodies else None


def _sentence_start(scene: Scene, j: int) -> int:
    """The first token of the sentence that holds `j`."""
    start = j
    while start > 0 and scene.sentence_of[start - 1] == scene.sentence_of[j]:
        start -= 1
    return start


def _before_inserted_phrase(scene: Scene, j: int) -> int:
    """'le Conseil, créé en février, est présidé par X', "le HCE, qui siège à Tripoli, est dirigé par X": a phrase
    set off by commas between a body and the verb of its clause describes the body, which the clause still follows;
    the body's last token before the first comma (up to ten tokens back, no person, body or other punctuation
    between), else `j`."""
    tokens = scene.tokens
    if j < 1 or tokens[j].text != ",":
        return j
    for comma in range(j - 1, max(j - 1 - MAX_CLAUSE_TOKENS, 0), -1):
        token = tokens[comma]
        if token.text == ",":
            body = tokens[comma - 1]
            return comma - 1 if body.ent_type_ == "ORG" or body.lower_ in scene.words.bodies else j
        if token.is_punct or token.ent_type_ in ("PERSON", "ORG"):
            return j
    return j


def _before_auxiliaries(tokens: Sequence[TokenLike], index: int, auxiliaries: frozenset[str]) -> int:
    """As `skip_back` over auxiliaries, which are written in lower case: "le gouvernement de l'Est" ends with the
    east, not with 'est' (is)."""
    index -= 1
    while index >= 0 and tokens[index].lower_ in auxiliaries and not tokens[index].text[:1].isupper():
        index -= 1
    return index


def _body_before_place(scene: Scene, j: int) -> int:
    """'le gouvernement de Benghazi, dirigé par X', "le gouvernement de l'Est", 'le gouvernement basé à Tripoli',
    'une réunion à Tripoli, présidée par X': a place (or a capitalised word in no entity) after a linking word or a
    place preposition says where the noun before it is; that noun (a body's, a participle's before it, or what a
    place preposition follows) is what the clause follows, not the place. `j` when no such noun stands there."""
    tokens, words = scene.tokens, scene.words
    if j < 0 or tokens[j].ent_type_ not in DESCRIBED_PLACE_LABELS + ("",) or not tokens[j].text[:1].isupper():
        return j
    k = skip_back(tokens, entity_start(tokens, j), words.title_determiners)
    if k < 1 or tokens[k].lower_ not in words.linking_words | words.place_prepositions:
        return j
    noun = skip_back(tokens, k, words.title_determiners)
    for at in (noun, noun - 1):  # 'le gouvernement [basé] à Tripoli'
        if at >= 0 and tokens[at].lower_ in words.bodies:
            return at
    return noun if tokens[k].lower_ in words.place_prepositions else j


def _heads_a_body(scene: Scene, cue: Sequence[str], k: int) -> bool:
    """'X est à la tête du gouvernement parallèle', 'X, à la tête de la milice': a cue naming the position (ending
    with a linking word, not a verb: 'X dirige les opérations') before a body's noun that no name follows."""
    tokens = scene.tokens
    return cue[-1] in scene.words.linking_words and k < len(tokens) and tokens[k].lower_ in scene.words.bodies


def in_feminine(scene: Scene, title: Title) -> Title:
    """'la commission, présidée par la ministre X': a clause whose person a feminine article and her title or
    nationality introduce gives the feminine noun ('présidente', 'cheffe'); not 'dirigée par la famille de X'."""
    tokens, words, k = scene.tokens, scene.words, title.end
    feminine = words.feminine_clause_roles.get(title.title)
    if (feminine is None or k + 1 >= len(tokens) or tokens[k].lower_ not in words.feminine_determiners
            or not (stacked_title_at(scene, k + 1) or scene.national_noun(k + 1))):
        return title
    return replace(title, title=feminine)


def _before_age(scene: Scene, k: int) -> int:
    """'X, 81, has led the LNA': the name's end before an age set off by commas that ends at `k`, or `k`."""
    tokens = scene.tokens
    return k - 2 if k >= 2 and tokens[k].text.isdigit() and tokens[k - 1].text == "," else k


def _subject_end_before_verb(scene: Scene, cue: int) -> int:
    """Where the words before a cue end past its auxiliaries and appointment verb, and a phrase of time between the
    verb and the cue ('X a été nommé en 2021 à la tête de Y'): the subject's last token, if there is one."""
    skipped = scene.words.auxiliaries | scene.words.appointment_words
    before = skip_back(scene.tokens, cue, skipped)
    verb = verb_before_time_phrase(scene, before)
    return before if verb == before else skip_back(scene.tokens, verb + 1, skipped)


def _body_at(tokens: Sequence[TokenLike], index: int) -> OrgRef | None:
    """The body named at `index` after a verb ('who heads the GNU'); past a name joined by a hyphen to the word
    after it, which qualifies the body and is none ('who leads a UN-brokered government' -> None, 'who heads the
    UN-backed Government of National Accord' -> that government)."""
    org = entity_at(tokens, index)
    if org is None or org.span[1] + 2 >= len(tokens) or not is_glued_hyphen(tokens, org.span[1]):
        return org
    return _body_at(tokens, org.span[1] + 2)


def _where_a_body_sits(scene: Scene, start: int) -> bool:
    """'a government in Tripoli, led by X', 'le gouvernement basé à Tripoli, dirigé par X': a place after a place
    preposition says where the body led sits, it is not the body."""
    tokens = scene.tokens
    return (start > 0 and tokens[start].ent_type_ != "ORG"
            and tokens[start - 1].lower_ in scene.words.place_prepositions)


def _named_after_complement(scene: Scene, person: Person) -> Person:
    """'dirigée par l'adjointe de X, Y', 'led by the son of X, Y': a person after a linking word is the complement of
    the description before it; the person in apposition after the comma (an article and a nationality noun
    between: "l'Américaine Y") is the one described; else `person`."""
    tokens, k = scene.tokens, person.end + 1
    if person.start == 0 or tokens[person.start - 1].lower_ not in scene.words.linking_words:
        return person
    if person.end >= len(tokens) or tokens[person.end].text != ",":
        return person
    while k < len(tokens) and (tokens[k].lower_ in scene.words.title_determiners or scene.national_noun(k)):
        k += 1
    return scene.starts.get(k, person)


def _apposed_after_description(scene: Scene, k: int) -> Person | None:
    """'dirigée par son adjointe, X', "dirigée par l'homme d'affaires originaire de Tripoli, X": the name in
    apposition after the comma that closes a description at `k` (an introducing title's comma, or a determiner and
    up to eight lower-case words, elided articles and places; no other name or body), if a punctuation mark or a
    relative pronoun closes the name: else it may open a new clause ('par des civils, X a dit')."""
    tokens = scene.tokens
    if k >= len(tokens) or not (tokens[k].text == "," or tokens[k].lower_ in scene.words.title_determiners):
        return None
    for comma in range(k, min(k + MAX_DESCRIPTION_TOKENS, len(tokens) - 1)):
        token = tokens[comma]
        if token.text == ",":
            person = scene.starts.get(comma + 1)
            return person if person is not None and _closes_apposition(scene, person.end) else None
        if not (token.is_lower or token.ent_type_ in DESCRIBED_PLACE_LABELS) or token.ent_type_ in ("PERSON", "ORG"):
            return None
    return None


def _closes_apposition(scene: Scene, end: int) -> bool:
    """Does the apposed name ending at `end` close there (the text's end, a punctuation mark, 'qui')?"""
    tokens = scene.tokens
    return (end >= len(tokens) or tokens[end].text in APPOSITION_END_PUNCTUATION
            or tokens[end].lower_ in scene.words.relative_pronouns)


def _before_description(scene: Scene, last: int) -> int:
    """The end of the name before a short lower-case description in apposition that ends at `last`: 'X, l'homme
    fort de l'est du pays à la tête de Y' (a determiner after the comma, then up to seven lower-case words and
    elided articles, no entity), or -1."""
    tokens = scene.tokens
    for comma in range(last, max(last - 9, 0), -1):
        token = tokens[comma]
        if token.text == ",":
            opened = comma < last and tokens[comma + 1].lower_ in scene.words.title_determiners
            return comma - 1 if opened else -1
        if token.ent_type_ or not (token.is_lower or token.lower_ in scene.words.title_determiners):
            return -1
    return -1


def _before_coordinated_participles(scene: Scene, cue: int) -> int:
    """What a clause cue at `cue` follows, past commas and conjunctions; past participles coordinated before it too
    ('le Conseil, composé de neuf membres et dirigé par X', 'le Conseil est composé de ... et dirigé par X': the
    token before the comma or the auxiliary that opens them, up to ten tokens back with no other punctuation, person
    or title)."""
    tokens = scene.tokens
    j = skip_back(tokens, cue, scene.words.chain_words)
    if cue == 0 or tokens[cue - 1].lower_ not in scene.words.conjunctions:
        return j
    for k in range(cue - 2, max(cue - 2 - MAX_CLAUSE_TOKENS, 0), -1):
        if tokens[k].text == ",":
            return k - 1
        if tokens[k].lower_ in scene.words.auxiliaries:  # 'le Conseil est composé de ... et dirigé par X'
            return skip_back(tokens, k + 1, scene.words.auxiliaries - {","})
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON" or (k in scene.titles_at and not scene.titles_at[k].plural):
            return j  # ('composé de neuf membres' is no one's title)
    return j


def _led_is_a_body(scene: Scene, j: int) -> bool:
    """Is what a clause such as 'led by X' follows a body ('the government', 'forces', 'the LNA', 'the PC is'), not
    an act ('an oath led by X', 'the talks are chaired by X')?"""
    tokens = scene.tokens
    j = _before_compass_place(scene, skip_back(tokens, j + 1, scene.words.auxiliaries - {","}))
    if scene.words.adjective_endings:  # 'le gouvernement [libyen]', 'la garde [nationale]': adjectives follow the body
        while j > 0 and tokens[j].is_lower and (j in scene.nationalities
                                                or tokens[j].lower_.endswith(scene.words.adjective_endings)):
            j -= 1
    return j >= 0 and (bool(tokens[j].ent_type_) or tokens[j].lower_ in scene.words.bodies)


def _before_compass_place(scene: Scene, j: int) -> int:
    """'the rebel administration [in the south], led by X': where a body sits, written as a point of the compass
    after a place preposition, follows the body; the token before the preposition, or `j`."""
    tokens, words = scene.tokens, scene.words
    if j < 0 or tokens[j].lower_ not in words.compass_words:
        return j
    k = skip_back(tokens, j, words.title_determiners)
    return k - 1 if k > 0 and tokens[k].lower_ in words.place_prepositions else j


def _modifies_a_noun(tokens: Sequence[TokenLike], end: int, possessive_marks: frozenset[str]) -> bool:
    """Is the name ending at `end` a modifier of the noun after it ('the LNA offensive', "the UN's team")? A
    possessive, or a lower-case content word (no function word: 'the LNA until 2020', 'the LNA and ...')."""
    if end >= len(tokens):
        return False
    after = tokens[end]
    return after.lower_ in possessive_marks or (after.is_lower and after.is_alpha and not after.is_stop)


def _place_possesses_no_body(scene: Scene, end: int) -> bool:
    """Is the place ending at `end` a possessive before lower-case words none of which is a body ("Libya's rebels",
    "the country's youth"), not before one ("Libya's presidential council")?"""
    tokens = scene.tokens
    if end >= len(tokens) or tokens[end - 1].ent_type_ == "ORG" or tokens[end].lower_ not in scene.words.possessive_marks:
        return False
    k = end + 1
    while k < len(tokens) and tokens[k].is_lower and tokens[k].is_alpha:
        if tokens[k].lower_ in scene.words.bodies:
            return False
        k += 1
    return k > end + 1


def _possesses_a_body(tokens: Sequence[TokenLike], end: int, words: RoleWords) -> bool:
    """A possessive at `end`, then lower-case words that end with a body's noun ("the LNA's ground forces", "the
    army's special unit"): the possessor's own body, whose head holds an office of it."""
    if end + 1 >= len(tokens) or tokens[end].lower_ not in words.possessive_marks:
        return False
    k = end + 1
    while k < min(end + 4, len(tokens)) and tokens[k].is_lower and tokens[k].is_alpha and not tokens[k].is_stop:
        k += 1
    return k > end + 1 and tokens[k - 1].lower_ in words.bodies


def _possesses_a_name(tokens: Sequence[TokenLike], end: int, possessive_marks: frozenset[str]) -> bool:
    """A possessive at `end` and a capitalised name after it ("the LNA's Tariq Ben Zeyad brigade")."""
    return (end + 1 < len(tokens) and tokens[end].lower_ in possessive_marks
            and tokens[end + 1].text[:1].isupper())


def bracketed_body(tokens: Sequence[TokenLike], title: Title, words: RoleWords, nationalities: frozenset[int]
                   = frozenset()) -> Title:
    """'chef du gouvernement reconnu par l'ONU (GNA)', 'président du Parlement (HoR)': an office written with a
    body's bare noun, then words that qualify the body (no comma, no person; a nationality word, a participle and
    its agent) and an organisation's acronym in brackets, is the office's head of that organisation ('chef' of the
    GNA); the title unchanged otherwise, or when it names another organisation already."""
    written = title.title.split()
    if len(written) < 3 or written[-1].lower() not in words.bodies or written[-2].lower() not in words.linking_words \
            or (title.org is not None and title.org.span is not None) or title.category != "office":
        return title
    k = title.phrase_end
    while k < min(title.phrase_end + MAX_BODY_QUALIFIER_TOKENS, len(tokens)) and tokens[k].text != "(":
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON" or not (tokens[k].is_lower or tokens[k].ent_type_
                                                                          or k in nationalities):
            return title
        k += 1
    if k + 2 >= len(tokens) or tokens[k].text != "(" or tokens[k + 1].ent_type_ != "ORG" or tokens[k + 2].text != ")":
        return title
    return replace(title, title=" ".join(written[:-2]), phrase_end=k + 3, org=OrgRef(span=(k + 1, k + 2)))


def person_as_owner(title: Title, people: frozenset[Person], bodies: frozenset[tuple[int, int]] = frozenset()
                    ) -> Title:
    """"Tantoush's deputy, X": a name the titles read as a body before the resolver found it a person's names whose
    office it is (`of`), not its organisation: a person is no organisation. Conversely 'a senior analyst at [X]',
    read as a person's before X was found a body (one of `bodies`, token ranges), names X's office."""
    org = title.org
    if org is None and title.of is not None and tuple(title.of) in bodies:
        return replace(title, org=OrgRef(span=tuple(title.of)), of=None)
    if org is None or org.span is None or title.of is not None or Person(*org.span) not in people:
        return title
    return replace(title, org=None, of=org.span)


def modifier_body(words: Sequence[str], modifiers: frozenset[str]) -> str | None:
    """The body a modifier left out of a title names, if the lower-case words around the title write one
    ('Libya's central bank governor', 'governor of Libya's central bank' -> 'central bank')."""
    text = " ".join(words)
    return next((m for m in sorted(modifiers, key=len, reverse=True) if f" {m} " in f" {text} "), None)


def country_body_names(body: str, country: str, demonyms: Sequence[str], patterns: frozenset[str]) -> list[str]:
    """The names a country's body so described may bear ('{body} of {country}' -> 'central bank of Libya',
    '{demonym} {body}' -> 'Libyan central bank'): the organisation a title's country stands for is that body
    when the knowledge base knows one of these names."""
    names = []
    for pattern in sorted(patterns):
        for demonym in (demonyms if "{demonym}" in pattern else ("",)):
            names.append(pattern.format(body=body, country=country, demonym=demonym))
    return names
