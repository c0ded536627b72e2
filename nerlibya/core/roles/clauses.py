"""A title given by a verb: appointment and copula ('X was appointed governor', 'X, who is the army's
spokesman'), 'A succeeded B as envoy', 'in his capacity as', a pronoun's antecedent ('He was previously ...')."""

from __future__ import annotations

from bisect import bisect_left

from ..types import Title
from .apposition import name_at, opening_as, title_opens_sentence
from .complements import (apposition_opening, article_before_qualifying_name, before_coordinated_titles,
                          before_inserted_adverbial, modifies_a_noun_after_article, past_complements, skip_possessor,
                          verb_before_adverbial)
from .scene import (MAX_CAPACITY_DISTANCE, MAX_CLAUSE_TOKENS, MAX_OPENING_TOKENS, MAX_PRONOUN_SENTENCES,
                    MAX_SUBJECT_APPOSITION_TOKENS, Person, Scene, as_phrase_start, is_adverb, is_glued_hyphen,
                    opens_aside, skip_back, time_phrase_opening)


def person_appointed(scene: Scene, title: Title) -> Person | None:
    """'X was appointed governor', 'X, who is the army's spokesman', 'removing X as governor', 'named X
    Speaker', 'appointed its speaker, X, as commander'."""
    tokens, words, ends = scene.tokens, scene.words, scene.ends
    k = skip_possessor(scene, title.phrase_start)  # 'X served as the central bank's governor'
    as_start = as_phrase_start(tokens, k, words.as_words)
    if as_start is not None:
        return (_object_before(scene, _past_apposition(scene, skip_back(tokens, as_start, frozenset({","})) + 1))
                or subject_before_as(scene, as_start) or _person_in_capacity(scene, as_start)
                or _person_before_comma_as(scene, as_start, title))
    if k + 1 in ends:  # 'the House named X Speaker'
        return _object_before(scene, k + 1)
    k = _appointment_verb(scene, k)
    if k < 0 or _names_an_object(scene, k):
        return None
    if k == 0 or scene.sentence_of[k - 1] != scene.sentence_of[k]:
        return subject_after_opening_clause(scene, title)
    return _subject_of_verb(scene, k)


def _names_an_object(scene: Scene, verb: int) -> bool:
    """'X appointed the lawyer as minister', 'X named a new governor': a naming verb written right after its
    subject's name (no auxiliary: active) and followed by an article names someone else, its object."""
    tokens = scene.tokens
    return (tokens[verb].lower_ in scene.words.naming_verbs and verb in scene.ends and verb + 1 < len(tokens)
            and tokens[verb + 1].lower_ in scene.words.title_determiners)


def _appointment_verb(scene: Scene, k: int) -> int:
    """Where the appointment verb or copula before the title that starts after `k` is ('was appointed [the]
    governor', 'was until 2011 a minister', 'was, until March, governor'), or -1."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, k + 1, words.before_appointed_title)
    while k >= 0 and is_adverb(scene, tokens[k]):  # 'appointed to temporarily head', 'temporarily appointed'
        k = skip_back(tokens, k, words.before_appointed_title)
    k = verb_before_time_phrase(scene, k)
    if k >= 0 and tokens[k].text == ",":
        k = verb_before_adverbial(scene, k)
    return k if k >= 0 and tokens[k].lower_ in words.appointment_words else -1


def person_before_pronoun(scene: Scene, title: Title) -> Person | None:
    """'X was sworn in on Monday. He was once ambassador to Chad', 'Before that, she served as
    envoy', 'A veteran diplomat, he ...': a title an appointment verb, a copula or 'as' gives to a subject pronoun
    opening its sentence (or a short opening phrase's comma), or a title opening the sentence before the pronoun's
    comma, is the person's the sentence before names, when it names no one else."""
    tokens, words = scene.tokens, scene.words
    k = skip_possessor(scene, title.phrase_start)
    as_start = as_phrase_start(tokens, k, words.as_words)
    k = as_start - 1 if as_start is not None else _appointment_verb(scene, k)
    while k >= 0 and (tokens[k].lower_ in words.appointment_words or tokens[k].lower_ in words.auxiliaries
                      or is_adverb(scene, tokens[k])) and tokens[k].text != ",":
        k -= 1  # 'she has also served as', 'he was previously'
    if k < 0 or tokens[k].lower_ not in words.subject_pronouns or not _opens_clause(scene, k):
        k = _pronoun_after_opening_title(scene, title)
    return _antecedent(scene, scene.sentence_of[k] - 1) if k >= 0 else None


def _antecedent(scene: Scene, sentence: int) -> Person | None:
    """The person a subject pronoun opening the sentence after `sentence` stands for: the one `sentence` names alone;
    back over sentences that open with a subject pronoun themselves, whose names are objects the pronoun's
    person acts on ('X quit. He said ... He was previously envoy', 'X studied law. He served the regime that Y led.
    He was then ambassador'), up to MAX_PRONOUN_SENTENCES."""
    for back in range(sentence, max(sentence - MAX_PRONOUN_SENTENCES, -1), -1):
        first = bisect_left(scene.sentence_of, back)  # sentence numbers never decrease
        while first < len(scene.tokens) and not scene.tokens[first].text.strip():
            first += 1  # the line break opening a paragraph's sentence
        if first < len(scene.tokens) and scene.tokens[first].lower_ in scene.words.subject_pronouns:
            continue
        named = [person for start, person in sorted(scene.starts.items()) if scene.sentence_of[start] == back]
        surnames = {scene.tokens[person.end - 1].lower_ for person in named}
        return named[0] if len(surnames) == 1 else None
    return None


def _pronoun_after_opening_title(scene: Scene, title: Title) -> int:
    """'A veteran diplomat, he was ...', 'As interior minister, she ...': where the subject pronoun stands after the
    comma that closes a title opening its sentence (or its opening 'as'), or -1; not an inserted attribution ('The
    minister, he said, would ...')."""
    k = past_complements(scene, title.phrase_end)
    tokens = scene.tokens
    opens = title_opens_sentence(scene, title) or opening_as(
        scene, skip_back(tokens, title.phrase_start, scene.words.title_determiners))
    if (not opens or k + 1 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].lower_ not in scene.words.subject_pronouns
            or any(tokens[j].text == "," for j in range(k + 2, min(k + 4, len(tokens))))):
        return -1  # not 'The minister, he said, would act'
    return k + 1


def _opens_clause(scene: Scene, k: int) -> bool:
    """Does `k` open its sentence, or follow the comma of a short phrase that does ('Before that, she', 'A
    veteran diplomat, he'; no person, quote or other punctuation in it)?"""
    tokens, sentence = scene.tokens, scene.sentence_of[k]
    if k == 0 or scene.sentence_of[k - 1] != sentence:
        return True
    if tokens[k - 1].text != ",":
        return False
    for j in range(k - 2, max(k - 2 - MAX_OPENING_TOKENS, -1), -1):
        if tokens[j].is_punct or tokens[j].ent_type_ == "PERSON":
            return False
        if j == 0 or scene.sentence_of[j - 1] != sentence:
            return True
    return False


def _person_before_comma_as(scene: Scene, as_start: int, title: Title) -> Person | None:
    """'Le Forum a choisi X, comme chef du gouvernement, et Y, comme vice-président': an 'as' phrase set off by a
    comma right after a name describes that name; not when a name follows the title ('X, as Prime Minister Y
    said': the title is Y's), nor a plural title, nor a name in another noun's complement ('the family of X, as
    leaders of the army, is blamed': the family is)."""
    comma = as_start - 1
    if comma < 1 or scene.tokens[comma].text != "," or title.plural or name_at(scene, title.phrase_end):
        return None
    person = scene.ends.get(comma)
    if person is None or (person.start > 0 and scene.tokens[person.start - 1].lower_ in scene.words.linking_words):
        return None
    # the subject, or the object of a verb that appoints ('a choisi X, comme ...'); not another verb's object
    # ('a reçu X, en tant que médiateur': who is the mediator the sentence does not say)
    before = scene.tokens[person.start - 1].lower_ if person.start > 0 else ""
    appointed = before in scene.words.appointment_words or before in scene.words.conjunctions  # '..., et Y, comme'
    return person if appointed or _names_the_subject(scene, person) else None


def subject_after_opening_clause(scene: Scene, title: Title) -> Person | None:
    """'Nommé Premier ministre en mars, X n'a pu entrer à Tripoli': a participle that opens the sentence describes
    the subject named after the comma that closes its clause (up to ten tokens, no other punctuation or person)."""
    tokens = scene.tokens
    for k in range(title.phrase_end, min(title.phrase_end + MAX_CLAUSE_TOKENS, len(tokens) - 1)):
        if tokens[k].text == ",":
            return scene.starts.get(k + 1)
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON":
            return None
    return None


def _subject_of_verb(scene: Scene, k: int) -> Person | None:
    """The person whose appointment verb ends at `k` ('X, who was appointed', 'X a été nommé'): back over
    appointment words and auxiliaries to a name, or None. An active verb that confers the title ('X has
    appointed [Y] minister', 'X avait nommé l'ancienne ministre', 'X appoints new chair') gives it to its object,
    never its subject."""
    tokens, words, ends = scene.tokens, scene.words, scene.ends
    auxiliaries, conferring = words.active_appointers
    if (k > 0 and tokens[k].lower_ in conferring and tokens[k - 1].lower_ in auxiliaries) or tokens[k].lower_ in words.active_verbs:
        return None  # 'X has appointed', 'X appoints new chair': the subject gives the title
    while k >= 0:
        if k in ends and article_before_qualifying_name(scene, ends[k]) >= 0:
            comma = article_before_qualifying_name(scene, ends[k]) - 1  # 'X, a Haftar loyalist who was appointed'
            return _appointee(scene, ends[comma]) if comma > 0 and tokens[comma].text == "," and comma in ends else None
        if k in ends:
            return _appointee(scene, ends[k])
        if tokens[k].text == ",":
            titled = _past_apposition(scene, k)  # 'X, un commandant de la ville de Y, a été nommé'
            k = titled if titled != k and titled in ends else before_inserted_adverbial(
                scene, apposition_opening(scene, k, MAX_SUBJECT_APPOSITION_TOKENS))
            if k in ends:
                return _subject_before_complement(scene, ends[k])
        if tokens[k].lower_ in words.conjunctions and scene.titles_ending.get(k):
            # 'X is an economist and was ambassador': the verb before the title joined by 'and'
            earlier = min(t.phrase_start for t in scene.titles_ending[k])
            k = skip_back(tokens, earlier, words.before_appointed_title)
            continue
        if tokens[k].lower_ in words.relative_pronouns and scene.titles_ending.get(k):
            return _described_by_title(scene, k)  # 'X, a lawyer who was appointed minister'
        opening = time_phrase_opening(scene, k, 6, anywhere=words.title_determiners)
        if opening is not None:  # 'X, who until last year was mayor', 'X, qui était à l'époque ministre'
            k = opening - 1
            continue
        if (tokens[k].lower_ not in words.appointment_words and tokens[k].lower_ not in words.auxiliaries
                and tokens[k].lower_ not in words.object_clitics
                and not is_adverb(scene, tokens[k])):  # 'X was unanimously elected', "X s'en est proclamé"
            return None
        k -= 1
    return None


def _relative_before(scene: Scene, person: Person) -> int:
    """Where a relative pronoun stands right before `person` (past the titles before the name: 'whom President Y',
    'who Y named'), or -1: such a person is who appoints, the clause's subject, not who is appointed."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, person.start, words.title_determiners)
    while k >= 0 and scene.titles_ending.get(k + 1):
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), words.title_determiners)
    return k if k >= 0 and tokens[k].lower_ in words.object_relatives | words.relative_pronouns else -1


def _appointee(scene: Scene, person: Person) -> Person | None:
    """The subject of an appointment verb named right before it: 'X, whom the House appointed governor' names X
    (the person before the relative's comma, or nobody), 'X was appointed' X."""
    relative = _relative_before(scene, person)
    if relative < 0:
        return _subject_before_complement(scene, person)
    return scene.ends.get(relative - 1) if relative > 0 and scene.tokens[relative - 1].text == "," else None


def past_time_phrase_after_verb(scene: Scene, k: int) -> int:
    """'X dirige [depuis 2022] la NOC', 'X a pris [en mars] la tête de Y': where the object starts past a phrase of time
    opening at `k` (a preposition of `time_prepositions`, then up to three numbers, words of time and articles, at
    least one number or word of time), or `k`."""
    tokens, words = scene.tokens, scene.words
    if k >= len(tokens) or tokens[k].lower_ not in words.time_prepositions:
        return k
    j, timed = k + 1, False
    while j < min(k + 4, len(tokens)) and (tokens[j].text.isdigit() or tokens[j].lower_ in words.time_words
                                            or tokens[j].lower_ in words.title_determiners):
        timed = timed or tokens[j].lower_ not in words.title_determiners
        j += 1
    return j if timed else k


def verb_before_time_phrase(scene: Scene, k: int) -> int:
    """'X, who was until February a minister', 'X was at the time the interior minister': the appointment verb
    before a short phrase of time that ends at `k` (a preposition of `time_prepositions`, then up to three words of
    time: a number, a calendar word, a word of `time_words`, an article; or a calendar word alone), or `k`."""
    opening = time_phrase_opening(scene, k, 4, anywhere=scene.words.title_determiners)
    if opening is None and k > 0 and scene.tokens[k].lower_ in scene.words.calendar_words:
        opening = k  # 'X a été nommé mardi ministre', 'X was named Tuesday as envoy': a day alone
    if opening is None or opening == 0:
        return k
    return opening - 1 if scene.tokens[opening - 1].lower_ in scene.words.appointment_words else k


def _subject_before_complement(scene: Scene, person: Person) -> Person:
    """'X, opposant historique au régime de [Y], avait été élu président': a person after a linking word ends an
    apposition, not a subject; the subject is the person before the comma that opens it (up to ten tokens back,
    no other punctuation), or `person` when there is none."""
    tokens = scene.tokens
    if person.start == 0 or tokens[person.start - 1].lower_ not in scene.words.linking_words:
        return person
    for k in range(person.start - 2, max(person.start - 12, -1), -1):
        if tokens[k].text == ",":
            return scene.ends.get(k, person)
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON":
            return person
    return person


def _past_apposition(scene: Scene, end: int) -> int:
    """Where the name ends before an apposition that ends at `end` ('appointed X, a lawyer and campaigner,
    as ...'), or `end` itself."""
    if end in scene.ends or not scene.titles_ending.get(end):
        return end
    first = min(scene.titles_ending[end], key=lambda t: t.phrase_start)
    comma = before_coordinated_titles(scene, skip_possessor(scene, first.phrase_start))
    return comma if comma >= 0 and scene.tokens[comma].text == "," else end


def _described_by_title(scene: Scene, end: int) -> Person | None:
    """The person a title ending at `end` (before a relative pronoun) describes, whom the relative clause is then
    about: the name before its apposition ('X, a diplomat who served as'), or the subject of the copula or
    appointment verb before it ('X is a lawyer who was appointed minister'); None for anyone else's title ('X met
    a diplomat who')."""
    apposed = scene.ends.get(_past_apposition(scene, end))
    if apposed is not None:
        return apposed
    first = min(scene.titles_ending[end], key=lambda t: t.phrase_start)
    verb = _appointment_verb(scene, first.phrase_start - 1)
    return _subject_of_verb(scene, verb) if verb > 0 else None


def _object_before(scene: Scene, end: int) -> Person | None:
    """The person ending at `end` if an appointment verb names them ('named X', 'appointed its speaker,
    X,'); a copula ('is', 'was') names nobody here."""
    person = scene.ends.get(end)
    if person is None:
        return None
    tokens, words = scene.tokens, scene.words
    skipped = words.title_determiners | {","}
    k = skip_back(tokens, person.start, skipped)
    if k >= 0 and scene.titles_ending.get(k + 1):  # 'its speaker, X'
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), skipped)
    elif k > 0 and tokens[k].lower_ in words.relation_nouns and tokens[k - 1].lower_ in words.title_determiners:
        k = skip_back(tokens, k, skipped)  # 'a nommé [son fils] X chef d'état-major' (not a headline's 'son X')
    k = verb_before_time_phrase(scene, k)  # 'a nommé [mardi] X ministre'
    verb = tokens[k].lower_ if k >= 0 else ""
    return person if verb in words.appointment_words and verb not in words.auxiliaries else None


def _person_in_capacity(scene: Scene, k: int) -> Person | None:
    """'X will brief the council, in his capacity as chair', 'X was suspended from her duties as minister': the last
    person named before 'his capacity' in the sentence, a few words before it (farther, 'his' may be someone else's:
    'A announced that she would take the post after her stint as deputy')."""
    tokens, words = scene.tokens, scene.words
    if k < 2 or tokens[k - 1].lower_ not in words.capacity_nouns or tokens[k - 2].lower_ not in words.title_determiners:
        return None
    sentence = scene.sentence_of[k]
    for position in range(k - 2, max(k - 2 - MAX_CAPACITY_DISTANCE, -1), -1):
        if scene.sentence_of[position] != sentence:
            return None
        if position in scene.ends:
            return scene.ends[position]
    return None


def subject_before_as(scene: Scene, k: int) -> Person | None:
    """'removing X as governor', 'X resigned on Monday as envoy': the nearest person a few words before 'as',
    with no punctuation, conjunction or other person in between."""
    tokens = scene.tokens
    for position in range(k, max(k - 6, -1), -1):
        if position in scene.ends:
            if position < k and _names_an_object(scene, position):
                return None  # 'X appointed the lawyer as minister'
            person = scene.ends[position]
            if position < k and modifies_a_noun_after_article(scene, person):
                return subject_before_as(scene, person.start - 1)  # 'X served in the [Gaddafi] government as'
            successor = successor_of(scene, person)
            if successor is not None:
                return successor
            before = tokens[person.start - 1].lower_ if person.start > 0 else ""
            if before in scene.words.clause_breakers - scene.words.conjunctions:
                return subject_before_as(scene, person.start - 1)  # 'X served under [Y] as ambassador': X served
            return _subject_past_agent(scene, person)
        token = tokens[position - 1] if position > 0 else None
        if token is not None and opens_aside(tokens, position - 1) and tokens[position].lower_ in scene.words.relative_pronouns:
            return scene.ends.get(position - 1)  # 'X, qui fait office de Premier ministre', 'X - who served as PM'
        if tokens[position].lower_ in scene.words.relative_pronouns and scene.titles_ending.get(position):
            return _described_by_title(scene, position)  # 'X, a diplomat who served as ambassador'
        if token is not None and token.text == "," and tokens[position].lower_ in scene.words.appointment_words:
            # 'X, appointed by the House as army chief,'; 'X, the bank's deputy governor, was installed as governor'
            return scene.ends.get(_past_apposition(scene, position - 1))
        set_off = scene.ends.get(position - 1) if token is not None and token.text == "," and position == k else None
        if _names_the_subject(scene, set_off):  # 'X, en tant que ministre, a signé': the name the as-phrase is set off from
            return set_off
        if token is not None and token.text == ",":  # 'X, the youngest son, was promoted to the post of'
            opening = apposition_opening(scene, position - 1, MAX_SUBJECT_APPOSITION_TOKENS)
            return scene.ends.get(opening) if opening != position - 1 else None
        if token is not None and is_glued_hyphen(tokens, position - 1):  # 'X was re-elected as speaker'
            continue
        if token is None or token.is_punct or token.lower_ in scene.words.clause_breakers or token.ent_type_ == "PERSON":
            return None
    return None


def _names_the_subject(scene: Scene, person: Person | None) -> bool:
    """Is the person the first thing its sentence names, past articles, courtesy titles and the titles written
    before the name ('Le ministre X, en tant que ...')? Not an object ('A a reçu B, en tant que ...')."""
    if person is None:
        return False
    tokens, skipped = scene.tokens, scene.words.title_determiners | scene.words.honorifics
    k = skip_back(tokens, person.start, skipped)
    while k >= 0 and scene.titles_ending.get(k + 1):
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), skipped)
    return k < 0 or scene.sentence_of[k] != scene.sentence_of[person.start]


def successor_of(scene: Scene, person: Person) -> Person | None:
    """'A succeeded B as envoy', 'A, who took over from B as envoy': after a verb of succession, the title is its
    subject's (B held it before); None when no verb of succession precedes B or no person is its subject ('the
    council replaced B as governor': B held the office, as the other patterns read it)."""
    succession = as_phrase_start(scene.tokens, person.start - 1, scene.words.succession_verbs)
    if succession is None:
        return None
    return scene.ends.get(succession) or _subject_of_verb(scene, succession - 1)


def _subject_past_agent(scene: Scene, person: Person) -> Person | None:
    """'X a été nommé le 22 juin par [le secrétaire général] Y comme envoyé': a person named after an agent
    preposition (and the titles before the name) is who appointed, not who was appointed; the subject of the
    appointment verb a few words before is (or nobody)."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, person.start, words.title_determiners)
    while k >= 0 and scene.titles_ending.get(k + 1):
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), words.title_determiners)
    if k < 0 or tokens[k].lower_ not in words.agent_prepositions:
        return person
    for verb in range(k - 1, max(k - 6, -1), -1):  # 'nommé [le 22 juin] par': a short adverbial before the agent
        if tokens[verb].lower_ in words.appointment_words:
            return _subject_of_verb(scene, verb)
        if tokens[verb].is_punct or verb in scene.ends:
            break
    return None


def person_after_copula(scene: Scene, title: Title) -> Person | None:
    """'the NOC, whose chairman is X', 'la NOC, dont le président est X': a title opened by a possessive relative
    (past its article), then a copula or two after its phrase, then the person who holds it."""
    tokens, words = scene.tokens, scene.words
    j = title.phrase_start - 1
    if j >= 0 and tokens[j].lower_ in words.title_determiners:
        j -= 1
    if j < 0 or tokens[j].lower_ not in words.relative_possessives:
        return None
    k = title.phrase_end
    while k < min(title.phrase_end + 2, len(tokens)) and tokens[k].lower_ in words.auxiliaries - {","}:
        k += 1
    return scene.starts.get(k) if k > title.phrase_end else None
