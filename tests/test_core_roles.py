"""The role patterns as pure functions: hand-made tokens, no spaCy pipeline (as scispacy tests
`find_abbreviation` on hand-cut spans before its component)."""

from dataclasses import dataclass, replace

import pytest

from nerlibya.core.roles import (Held, Person, RoleWords, Scene, as_phrase_start, attach, clause_person,
                                  country_body_names, holder_by_other_name, in_feminine, modifier_body,
                                  person_as_owner,
                                  person_respectively, bracketed_body)
from nerlibya.core.types import OrgRef, Title
from nerlibya.knowledge.lexicon import load_lexicon

from .conftest import FIXTURE_LANG
from .tokens import Tok, make_tokens


def scene_of(text: str, ents: dict[tuple[int, int], str], titles: list[Title]) -> Scene:
    """Whitespace-separated tokens; `ents` maps token ranges to labels; one sentence."""
    tokens = make_tokens(text, ents)
    people = [Person(start, end) for (start, end), label in ents.items() if label == "PERSON"]
    return Scene.of(tokens, people, titles, [0] * len(tokens), RoleWords.of(load_lexicon("en", FIXTURE_LANG)))


def title(start: int, end: int, phrase: tuple[int, int] | None = None, **fields) -> Title:
    phrase_start, phrase_end = phrase or (start, end)
    return Title(start=start, end=end, phrase_start=phrase_start, phrase_end=phrase_end,
                 title=fields.pop("title", "t"), head=fields.pop("head", "t"), category=fields.pop("category", "office"),
                 **fields)


@pytest.mark.parametrize("text,ents,the_title,expected", [
    ("Prime Minister Abdul Hamid Dbeibah spoke .", {(2, 5): "PERSON"}, title(0, 2), ((2, 5), "before-name")),
    ("Khalifa Haftar , the commander of the LNA , spoke .", {(0, 2): "PERSON", (7, 8): "ORG"},
     title(4, 5, (4, 8)), ((0, 2), "apposition-after")),
    ("The head of the council , Mohamed Menfi , said .", {(6, 8): "PERSON"}, title(1, 2, (1, 5)),
     ((6, 8), "apposition-before")),
    ("Khalifa Haftar was appointed commander .", {(0, 2): "PERSON"}, title(4, 5), ((0, 2), "appointment")),
    ("They removed Ahmed Ali as commander .", {(2, 4): "PERSON"}, title(5, 6), ((2, 4), "appointment")),
    ("The French President said nothing .", {}, title(1, 3), (None, "")),  # an unnamed speaker: no pattern runs
])
def test_each_pattern_finds_its_person(text, ents, the_title, expected):
    person, pattern = attach(scene_of(text, ents, [the_title]), the_title, {})
    assert (tuple(person) if person else None, pattern) == expected


def test_a_title_inside_another_names_nobody():
    """'The envoy to the President, X,': X is the envoy; the inner 'President' alone names nobody."""
    outer, inner = title(1, 2, (1, 5)), title(4, 5)
    text, ents = "The envoy to the President , Ahmed Ali , said .", {(6, 8): "PERSON"}
    assert attach(scene_of(text, ents, [outer, inner]), inner, {}) == (Person(6, 8), "apposition-before")
    marked = title(4, 5, inner=True)
    assert attach(scene_of(text, ents, [outer, marked]), marked, {}) == (None, "")
    assert attach(scene_of(text, ents, [outer, marked]), outer, {}) == (Person(6, 8), "apposition-before")


def test_a_chained_title_is_the_same_persons():
    first, second = title(3, 4, (3, 4)), title(5, 6)
    scene = scene_of("Ahmed Ali , minister and envoy , spoke .", {(0, 2): "PERSON"}, [first, second])
    assert attach(scene, second, {3: Person(0, 2)}) == (Person(0, 2), "apposition-chain")


def test_a_clause_gives_person_and_organisation():
    clause = title(3, 5, title="head", head="head", category="clause", cue="led by")
    scene = scene_of("The GNU , led by Abdul Dbeibah , said .", {(1, 2): "ORG", (5, 7): "PERSON"}, [clause])
    assert clause_person(scene, clause) == (Person(5, 7), OrgRef(span=(1, 2)), None)


@pytest.mark.parametrize("text,cue,led", [
    ("the rival GNU in the east , led by Ali Saad , said .", 7, True),
    ("the march in the east , led by Ali Saad , ended .", 6, False),
])
def test_a_body_led_may_say_where_it_sits_by_a_point_of_the_compass(text, cue, led):
    clause = title(cue, cue + 2, title="head", head="head", category="clause", cue="led by")
    scene = scene_of(text, {(2, 3): "ORG", (cue + 2, cue + 4): "PERSON"} if led else {(cue + 2, cue + 4): "PERSON"},
                     [clause])
    assert clause_person(scene, clause) == ((Person(cue + 2, cue + 4) if led else None), None, None)


def test_a_title_stacked_in_apposition_may_open_with_words_it_leaves_out():
    """'The envoy for Yemen, former Egyptian trade minister X,': 'former' opens the second title's phrase."""
    envoy, minister = title(1, 2, (1, 4)), title(7, 9, (5, 9))
    text = "The envoy for Yemen , former Egyptian trade minister Ali Saad , landed ."
    scene = scene_of(text, {(3, 4): "GPE", (9, 11): "PERSON"}, [envoy, minister])
    assert attach(scene, envoy, {}) == (Person(9, 11), "apposition-before")


@pytest.mark.parametrize("text,other,at", [
    ("Ali Saad served under Omar Tayeb as minister .", (4, 6), 7),
    ("Ali Saad served in the Tayeb government as minister .", (5, 6), 8),
])
def test_who_served_as_is_the_subject_not_the_name_served_under_or_qualifying_a_noun(text, other, at):
    minister = title(at, at + 1)
    scene = scene_of(text, {(0, 2): "PERSON", other: "PERSON"}, [minister])
    assert attach(scene, minister, {}) == (Person(0, 2), "appointment")


def test_a_name_qualifying_a_noun_in_an_apposition_is_not_the_subject_of_the_appointment():
    governor = title(9, 10)
    scene = scene_of("Ali Saad , a Tayeb ally , was appointed governor .", {(0, 2): "PERSON", (4, 5): "PERSON"},
                     [governor])
    assert attach(scene, governor, {}) == (Person(0, 2), "appointment")


@pytest.mark.parametrize("text,ents,at,expected", [
    ("Ali Saad , a Tayeb loyalist who was appointed governor .", {(0, 2): "PERSON", (4, 5): "PERSON"}, 9, Person(0, 2)),
    ("The Tayeb loyalist was appointed governor .", {(1, 2): "PERSON"}, 5, None),
])
def test_a_name_qualifying_the_noun_before_an_appointment_verb_is_not_its_subject(text, ents, at, expected):
    governor = title(at, at + 1)
    assert attach(scene_of(text, ents, [governor]), governor, {})[0] == expected


def test_a_possessor_may_be_a_common_noun_a_name_qualifies():
    """"X, the Tayeb government's spokesman,": the apposition reaches X past the name inside the possessor."""
    spokesman = title(8, 9)
    scene = scene_of("Ali Saad , the Tayeb government 's spokesman , said .", {(0, 2): "PERSON", (4, 5): "PERSON"},
                     [spokesman])
    assert attach(scene, spokesman, {}) == (Person(0, 2), "apposition-after")


def test_an_acronym_in_parentheses_inside_a_title_phrase_is_the_same_persons():
    """'The Special Envoy (SE) for Libya , X': the parenthesised title takes the enclosing title's person."""
    outer, acronym = title(1, 3, (1, 9)), title(4, 5)
    scene = scene_of("The Special Envoy ( SE ) for Libya , Ahmed Ali , said .", {(10, 12): "PERSON"}, [outer, acronym])
    assert attach(scene, acronym, {1: Person(10, 12)}) == (Person(10, 12), "acronym")
    assert attach(scene, acronym, {}) == (None, "appointment")


def test_an_inner_title_names_only_the_person_right_after_itself():
    """'envoy of the Secretary-General for Libya X': X ends the outer phrase, not the inner title."""
    inner = title(4, 5, (4, 7), inner=True)
    scene = scene_of("The envoy of the Secretary-General for Libya Ahmed Ali said .", {(7, 9): "PERSON"}, [inner])
    assert attach(scene, inner, {}) == (None, "")


def test_stacked_titles_name_the_person_after_the_last():
    """'AFRICOM Commander General X': the office and the rank are both X's."""
    office, rank = title(1, 2, (0, 2)), title(2, 3, category="rank")
    scene = scene_of("AFRICOM Commander General Ahmed Ali spoke .", {(0, 1): "ORG", (3, 5): "PERSON"}, [office, rank])
    assert attach(scene, office, {}) == (Person(3, 5), "before-name")


def test_coordinated_titles_before_a_comma_and_name_opening_a_sentence():
    """'Ambassador and Special Envoy to Libya , X said': both titles are X's."""
    first, second = title(0, 1), title(2, 4, (2, 6))
    scene = scene_of("Ambassador and Special Envoy to Libya , Ahmed Ali said .", {(5, 6): "GPE", (7, 9): "PERSON"},
                     [first, second])
    assert attach(scene, first, {}) == (Person(7, 9), "before-name")
    assert attach(scene, second, {})[0] == Person(7, 9)


def test_an_appointment_verb_names_its_object_before_the_title():
    """'The House named Ahmed Ali Speaker': Speaker is Ali's; 'was Ahmed Ali Speaker' names nobody."""
    speaker = title(5, 6)
    scene = scene_of("The House named Ahmed Ali Speaker .", {(3, 5): "PERSON"}, [speaker])
    assert attach(scene, speaker, {}) == (Person(3, 5), "appointment")
    scene = scene_of("The House was Ahmed Ali Speaker .", {(3, 5): "PERSON"}, [speaker])
    assert attach(scene, speaker, {})[0] is None


def test_a_plural_title_is_shared_by_a_list_after_or_before_it():
    from nerlibya.core.roles import people_listed

    shared = title(0, 2, plural=True)
    scene = scene_of("deputy ministers , Ahmed Ali , Omar Salem and Sami Nour met .",
                     {(3, 5): "PERSON", (6, 8): "PERSON", (9, 11): "PERSON"}, [shared])
    assert people_listed(scene, shared) == [Person(3, 5), Person(6, 8), Person(9, 11)]
    shared = title(7, 8, (7, 10), plural=True)
    scene = scene_of("Ahmed Ali and Omar Salem , both deputies for Sabha , said .",
                     {(0, 2): "PERSON", (3, 5): "PERSON", (9, 10): "GPE"}, [shared])
    assert people_listed(scene, shared) == [Person(3, 5), Person(0, 2)]
    scene = scene_of("Ahmed Ali , both deputies for Sabha , said .", {(0, 2): "PERSON"}, [title(4, 5, (4, 7), plural=True)])
    assert people_listed(scene, title(4, 5, (4, 7), plural=True)) == []


def test_a_title_opening_a_new_line_takes_the_name_after_its_comma():
    """A paragraph the sentence splitter did not cut: 'him .\\nThe Envoy to Libya , X said'."""
    envoy = title(3, 4, (3, 6))
    tokens = [Tok(w) for w in "him .".split()] + [NewLine("\n")] + [Tok(w) for w in "Envoy to Libya , Ahmed Ali said .".split()]
    words = RoleWords.of(load_lexicon("en", FIXTURE_LANG))
    scene = Scene.of(tokens, [Person(7, 9)], [envoy], [0] * len(tokens), words)
    assert attach(scene, envoy, {}) == (Person(7, 9), "apposition-before")


@dataclass(frozen=True)
class NewLine(Tok):
    @property
    def text_with_ws(self) -> str:
        return self.text


def test_in_his_capacity_as_names_the_last_person_before():
    chair = title(13, 14)
    scene = scene_of("Ahmed Ali will brief the council on sanctions , in his capacity as chair .",
                     {(0, 2): "PERSON"}, [chair])
    assert attach(scene, chair, {}) == (Person(0, 2), "appointment")
    scene = scene_of("Ahmed Ali will brief the council on sanctions , in his speech as chair .",
                     {(0, 2): "PERSON"}, [chair])
    assert attach(scene, chair, {})[0] is None


def test_a_name_governed_by_of_after_an_apposition_is_no_next_person_in_a_list():
    """'X, researcher at the Institute of Y': Y (even tagged a person) completes the body; 'X, envoy at the
    Embassy Y , and ...' lists Y as the envoy."""
    researcher = title(3, 4, (3, 7))
    scene = scene_of("Ahmed Ali , researcher at the Institute of Lina Dorr .",
                     {(0, 2): "PERSON", (6, 7): "ORG", (8, 10): "PERSON"}, [researcher])
    assert attach(scene, researcher, {}) == (Person(0, 2), "apposition-after")
    envoy = title(3, 4, (3, 7))
    scene = scene_of("Ahmed Ali , envoy at the Embassy Lina Dorr , and others .",
                     {(0, 2): "PERSON", (6, 7): "ORG", (7, 9): "PERSON"}, [envoy])
    assert attach(scene, envoy, {})[0] == Person(7, 9)


def test_titles_joined_past_a_place_complement_share_the_apposition():
    """'The envoy of the UN to Libya and head of the mission, X,': both titles are X's, the place
    complement 'to Libya' does not end the phrase; a title nested in the first names nobody."""
    envoy, head = title(1, 2, (1, 5)), title(8, 9, (8, 12))
    inner = title(4, 5, inner=True)
    text = "The envoy of the UN to Libya and head of the mission , Ahmed Ali , spoke ."
    ents = {(4, 5): "ORG", (6, 7): "GPE", (13, 15): "PERSON"}
    scene = scene_of(text, ents, [envoy, inner, head])
    assert attach(scene, envoy, {}) == (Person(13, 15), "before-name")
    assert attach(scene, head, {}) == (Person(13, 15), "apposition-before")
    assert attach(scene, inner, {})[0] is None


def test_an_apposition_after_a_place_complement():
    the_title = title(1, 2, (1, 5))
    text = "The envoy of the UN to Libya , Ahmed Ali , said ."
    scene = scene_of(text, {(4, 5): "ORG", (6, 7): "GPE", (8, 10): "PERSON"}, [the_title])
    assert attach(scene, the_title, {}) == (Person(8, 10), "apposition-before")


@pytest.mark.parametrize("words,end,expected", [
    ("elle a parlé en tant que cheffe", 5, 3),
    ("il a parlé comme chef", 3, 3),
    ("il a parlé tant que chef", 4, None),
])
def test_an_as_phrase_of_one_or_several_words(words, end, expected):
    tokens = [Tok(w) for w in words.split()]
    assert as_phrase_start(tokens, end, frozenset({"comme", "en tant que"})) == expected


def test_the_longest_as_phrase_wins_whatever_the_set_order():
    tokens = [Tok(w) for w in "choisi X pour le poste de chef".split()]
    for phrases in (["le poste de", "pour le poste de"], ["pour le poste de", "le poste de"]):
        assert as_phrase_start(tokens, 5, frozenset(phrases)) == 2


def test_coordinated_titles_open_the_sentence_before_an_unclosed_apposition():
    """'The envoy of the UN to Libya and head of the mission, X resigned': both titles are X's, the second
    chained past the first one's place complement."""
    envoy, head = title(1, 2, (1, 5)), title(8, 9, (8, 12))
    text = "The envoy of the UN to Libya and head of the mission , Ahmed Ali resigned ."
    scene = scene_of(text, {(4, 5): "ORG", (6, 7): "GPE", (13, 15): "PERSON"}, [envoy, head])
    person, _ = attach(scene, envoy, {})
    assert person == Person(13, 15)
    assert attach(scene, head, {1: person}) == (Person(13, 15), "apposition-chain")


def test_a_clause_past_a_short_description_of_the_person():
    clause = title(3, 5, title="head", head="head", category="clause", cue="led by")
    scene = scene_of("The GNU , led by his old rival Ali Saad , said .", {(1, 2): "ORG", (8, 10): "PERSON"}, [clause])
    assert clause_person(scene, clause)[0] == Person(8, 10)


@pytest.mark.parametrize("text,the_title", [
    ("Ahmed Ali , a local judge , was appointed governor .", title(9, 10)),
    ("Ahmed Ali was appointed after a vote , governor of the bank .", title(8, 9, (8, 12))),
])
def test_an_appointment_past_an_apposition_or_an_adverbial(text, the_title):
    scene = scene_of(text, {(0, 2): "PERSON"}, [the_title])
    assert attach(scene, the_title, {}) == (Person(0, 2), "appointment")


def test_no_appointment_across_a_capitalised_phrase():
    the_title = title(8, 9)
    scene = scene_of("Ahmed Ali was appointed by the Council , governor .", {(0, 2): "PERSON"}, [the_title])
    assert attach(scene, the_title, {})[0] is None


def test_a_title_after_a_short_apposition_is_the_persons():
    """'Ahmed Ali, 51, a former minister': past the age; but in a list ('X, envoy, the head of Y, Z') the
    title before a name is that name's."""
    the_title = title(6, 8)
    scene = scene_of("Ahmed Ali , 51 , a former minister , left .", {(0, 2): "PERSON"}, [the_title])
    assert attach(scene, the_title, {}) == (Person(0, 2), "apposition-after")
    listed = title(7, 8, (7, 10))
    text = "Ahmed Ali , the envoy , the head of council , Omar Saad , came ."
    scene = scene_of(text, {(0, 2): "PERSON", (11, 13): "PERSON"}, [title(4, 5), listed])
    assert attach(scene, listed, {}) == (Person(11, 13), "apposition-before")


def test_a_title_after_another_apposition_and_before_a_verb_is_a_new_subject():
    """'After meeting X, the UN envoy, the German diplomat said': the diplomat is another person; after an age
    ('X, 51, the envoy, said') the title is still X's (with no comma before 'said' the envoy is an unnamed speaker)."""
    envoy, diplomat = title(6, 7), title(9, 10)
    text = "After meeting Ahmed Ali , the envoy , the diplomat said so ."
    assert attach(scene_of(text, {(2, 4): "PERSON"}, [envoy, diplomat]), diplomat, {})[0] is None
    aged = title(6, 7)
    scene = scene_of("Ahmed Ali , 51 , the envoy , said so .", {(0, 2): "PERSON"}, [aged])
    assert attach(scene, aged, {}) == (Person(0, 2), "apposition-after")


def test_as_past_an_apposition_but_not_past_a_bare_comma():
    promoted = title(10, 11)
    scene = scene_of("Ahmed Ali , the youngest son , was promoted as commander .", {(0, 2): "PERSON"}, [promoted])
    assert attach(scene, promoted, {}) == (Person(0, 2), "appointment")
    scene = scene_of("the family of Ahmed Ali , as leaders of the army , is blamed .", {(3, 5): "PERSON"},
                     [title(7, 8)])
    assert attach(scene, title(7, 8), {})[0] is None


def test_an_inner_title_takes_the_name_after_its_phrase_when_the_outer_reading_says_so():
    """'the envoy of the Secretary-General of the UN X' read with X as whose office the envoy serves: X is the
    Secretary-General, not the envoy."""
    envoy, inner = title(1, 2, (1, 10), of=(8, 10)), title(4, 5, (4, 8), inner=True)
    text = "the envoy of the Secretary-General of the UN Ahmed Ali spoke ."
    scene = scene_of(text, {(7, 8): "ORG", (8, 10): "PERSON"}, [envoy, inner])
    assert attach(scene, inner, {}) == (Person(8, 10), "before-name")
    assert attach(scene, envoy, {})[0] is None


@pytest.mark.parametrize("text", [
    "The speaker of the House elected by the members , Ahmed Ali , said .",
    "The speaker of the House who resigned in May , Ahmed Ali , said .",
])
def test_a_short_clause_may_stand_between_a_title_and_its_apposition(text):
    the_title = title(1, 2, (1, 5))
    person, pattern = attach(scene_of(text, {(text.split().index("Ahmed"), text.split().index("Ahmed") + 2): "PERSON"},
                                      [the_title]), the_title, {})
    assert (tuple(person), pattern) == ((text.split().index("Ahmed"), text.split().index("Ahmed") + 2), "apposition-before")


def test_a_person_inside_an_apposition_is_not_the_appointed_subject():
    text = "Ali Salem , a friend of Omar Kadi , was appointed governor ."
    the_title = title(11, 12)
    person, pattern = attach(scene_of(text, {(0, 2): "PERSON", (6, 8): "PERSON"}, [the_title]), the_title, {})
    assert (tuple(person), pattern) == ((0, 2), "appointment")


def test_a_plural_title_after_a_partitive_is_one_persons():
    """'Ahmed Ali, one of the commanders, said': the plural title singles Ali out; without a partitive it is
    shared by a list (and names nobody here)."""
    from dataclasses import replace

    from nerlibya.core.roles import singled_out

    plural = title(6, 7, plural=True)
    scene = scene_of("Ahmed Ali , one of the commanders , said .", {(0, 2): "PERSON"}, [plural])
    scene = replace(scene, words=replace(scene.words, partitives=frozenset({"one of the"})))
    single = singled_out(scene, plural)
    assert (single.phrase_start, single.plural) == (3, False)
    assert attach(scene, single, {}) == (Person(0, 2), "apposition-after")
    scene = scene_of("Ahmed Ali , all the commanders , said .", {(0, 2): "PERSON"}, [plural])
    assert singled_out(replace(scene, words=replace(scene.words, partitives=frozenset({"one of the"}))), plural) is None


def test_the_agent_of_an_appointment_is_not_the_one_appointed():
    """'X was appointed on Monday by President Y as envoy': the envoy is X, past a short adverbial; Y appointed."""
    president, envoy = title(7, 8), title(11, 12)
    scene = scene_of("Ahmed Ali was appointed on Monday by President Omar Kadi as envoy .",
                     {(0, 2): "PERSON", (8, 10): "PERSON"}, [president, envoy])
    assert attach(scene, envoy, {}) == (Person(0, 2), "appointment")
    scene = scene_of("They praised President Omar Kadi as envoy .", {(3, 5): "PERSON"}, [title(2, 3), title(6, 7)])
    assert attach(scene, title(6, 7), {}) == (Person(3, 5), "appointment")  # no agent: the person before 'as'


def test_titles_joined_by_and_with_an_article_are_the_same_persons():
    first, second = title(4, 5), title(7, 8)
    scene = scene_of("Ahmed Ali is an economist and a teacher .", {(0, 2): "PERSON"}, [first, second])
    assert attach(scene, second, {4: Person(0, 2)}) == (Person(0, 2), "apposition-chain")


def test_an_adverb_and_a_participle_may_stand_between_a_title_and_its_apposition():
    from dataclasses import replace

    head = title(1, 2, (1, 5))
    scene = scene_of("The head of the GNA internationally recognised , Ahmed Ali , spoke .", {(8, 10): "PERSON"}, [head])
    assert attach(scene, head, {}) == (None, "appointment")  # no adverb endings in the fixture lexicon
    scene = replace(scene, words=replace(scene.words, adverb_endings=("ly",)))
    assert attach(scene, head, {}) == (Person(8, 10), "apposition-before")


def test_in_a_list_of_title_and_name_pairs_a_title_is_the_name_after_its():
    """'the head of the GNA , A , the speaker of the House , B ,': the speaker is B, since A is the head's."""
    head, speaker = title(1, 2, (1, 5)), title(10, 11, (10, 14))
    scene = scene_of("the head of the GNA , Ahmed Ali , the speaker of the House , Omar Kadi , met .",
                     {(4, 5): "ORG", (6, 8): "PERSON", (13, 14): "ORG", (15, 17): "PERSON"}, [head, speaker])
    assert attach(scene, head, {}) == (Person(6, 8), "apposition-before")
    assert attach(scene, speaker, {1: Person(6, 8)}) == (Person(15, 17), "apposition-before")
    scene = scene_of("Ahmed Ali , the speaker of the House , Omar Kadi , met .",
                     {(0, 2): "PERSON", (7, 8): "ORG", (9, 11): "PERSON"}, [title(4, 5, (4, 8))])
    assert attach(scene, title(4, 5, (4, 8)), {}) == (Person(0, 2), "apposition-after")  # no title before Ali


def test_a_short_adverbial_opening_the_sentence_lets_an_unclosed_apposition_name_the_title():
    """'Earlier today , the head of the council , Ahmed Ali told ...': the title opens the sentence after the
    adverbial; after a name or a longer clause it does not."""
    head = title(4, 5, (4, 8))
    scene = scene_of("Earlier today , the head of the council , Ahmed Ali told them .", {(9, 11): "PERSON"}, [head])
    assert attach(scene, head, {}) == (Person(9, 11), "apposition-before")
    scene = scene_of("Near Sirte Omar , the head of the council , Ahmed Ali told them .",
                     {(1, 2): "GPE", (10, 12): "PERSON"}, [title(5, 6, (5, 9))])
    assert attach(scene, title(5, 6, (5, 9)), {}) == (None, "appointment")


def test_who_then_an_as_phrase_names_the_person_before_the_comma():
    envoy = title(6, 7)
    scene = scene_of("Ahmed Ali , who served as envoy , spoke .", {(0, 2): "PERSON"}, [envoy])
    assert attach(scene, envoy, {}) == (Person(0, 2), "appointment")


def test_an_honorific_after_the_comma_names_the_title_even_in_an_unclosed_apposition():
    head = title(3, 4, (3, 7))
    text = "He thanked the head of the council , Mr. Ahmed Ali for his help ."
    scene = scene_of(text, {(9, 11): "PERSON"}, [head])
    assert attach(scene, head, {}) == (Person(9, 11), "apposition-before")
    scene = scene_of(text.replace("Mr. ", ""), {(8, 10): "PERSON"}, [head])
    assert attach(scene, head, {})[0] is None


def french_scene(text: str, ents: dict[tuple[int, int], str], titles: list[Title],
                 nationalities: frozenset[int] = frozenset()) -> Scene:
    """As `scene_of`, with the fixture's French words."""
    tokens = make_tokens(text, ents)
    people = [Person(start, end) for (start, end), label in ents.items() if label == "PERSON"]
    return Scene.of(tokens, people, titles, [0] * len(tokens), RoleWords.of(load_lexicon("fr", FIXTURE_LANG)),
                    nationalities)


@pytest.mark.parametrize("text,ents", [
    # noun phrases after prepositions that the title's reading left out
    ("Le ministre du gouvernement de l' Est , Omar Salem , a parlé .", {(8, 10): "PERSON"}),
    ("Le commandant de la région militaire ouest , Omar Salem , a parlé .", {(8, 10): "PERSON"}),
    # a participle and a place preposition
    ("Le président du Parlement basé à Tobrouk , Omar Salem , a parlé .", {(8, 10): "PERSON"}),
])
def test_the_apposition_after_a_title_passes_its_complements(text, ents):
    the_title = title(1, 2)
    person, pattern = attach(french_scene(text, ents, [the_title]), the_title, {})
    assert (tuple(person) if person else None, pattern) == (next(iter(ents)), "apposition-before")


def test_a_verb_after_the_complement_ends_the_apposition():
    """'Le ministre du gouvernement a reçu, X': a lower-case word that is no adjective ends the complement."""
    the_title = title(1, 2)
    scene = french_scene("Le ministre du gouvernement a reçu mardi , Omar Salem , le chef .", {(8, 10): "PERSON"},
                         [the_title])
    assert attach(scene, the_title, {})[0] is None


def test_a_nationality_noun_stands_between_the_comma_and_the_name():
    """"L'émissaire de l'ONU, le Libanais X": the article and the nationality noun open the apposition."""
    the_title = title(1, 2, (1, 5))
    text, ents = "L' émissaire de l' ONU , le Libanais Omar Salem , a parlé .", {(4, 5): "ORG", (8, 10): "PERSON"}
    assert attach(french_scene(text, ents, [the_title]), the_title, {})[0] is None
    found = attach(french_scene(text, ents, [the_title], frozenset({7})), the_title, {})
    assert found == (Person(8, 10), "apposition-before")


def test_a_name_after_a_linking_word_or_an_agent_names_the_complements_body():
    """'X, ministre du gouvernement de/dirigé par Y': X is the minister, Y heads the government."""
    for text in ("Ali Salem , ministre du gouvernement de Omar Zidane , a parlé .",
                 "Ali Salem , ministre du gouvernement dirigé par Omar Zidane , a parlé ."):
        end = text.split().index("Omar")
        the_title = title(3, 4, (3, end))
        scene = french_scene(text, {(0, 2): "PERSON", (end, end + 2): "PERSON"}, [the_title])
        assert attach(scene, the_title, {}) == (Person(0, 2), "apposition-after")


def test_a_clause_names_the_described_person_not_the_complement():
    """'dirigée par l'adjointe de X, Y': Y, the deputy, leads."""
    clause = title(3, 5, category="clause", title="chef", head="chef", cue="dirigée par")
    deputy = title(6, 7, (6, 10))
    text = "La Manul est dirigée par l' adjointe de Omar Salem , Laura Benson , qui part ."
    scene = french_scene(text, {(1, 2): "ORG", (8, 10): "PERSON", (11, 13): "PERSON"}, [clause, deputy])
    assert clause_person(scene, clause)[0] == Person(11, 13)


@pytest.mark.parametrize("text,ents,titles,expected", [
    # a description, then the comma of the apposition
    ("La mission est dirigée par son adjointe , Laura Benson , une Américaine .", {(1, 2): "ORG", (8, 10): "PERSON"},
     [], Person(8, 10)),
    ("Le Conseil , dirigé par l' homme d' affaires originaire de Tripoli , Omar Salem qui est nommé .",
     {(1, 2): "ORG", (11, 12): "GPE", (13, 15): "PERSON"}, [], Person(13, 15)),
    # a title after its article, with its complement
    ("Le Conseil est dirigé par le ministre de la Justice , Omar Salem , depuis mars .",
     {(1, 2): "ORG", (11, 13): "PERSON"}, [title(6, 7, (6, 10))], Person(11, 13)),
    # the name after the comma opens a new clause: nobody leads
    ("La force est dirigée par des civils , Omar Salem a parlé .", {(1, 2): "ORG", (8, 10): "PERSON"}, [], None),
    # another body in the description: not a description of the person
    ("Le Conseil est dirigé par le chef de l' ONU , Omar Salem , depuis mars .",
     {(1, 2): "ORG", (9, 10): "ORG", (11, 13): "PERSON"}, [], None),
])
def test_a_clause_names_the_person_apposed_after_a_description(text, ents, titles, expected):
    """'dirigée par son adjointe, X': X leads, if the name closes its apposition."""
    cue = text.split().index("par") - 1
    clause = title(cue, cue + 2, category="clause", title="chef", head="chef", cue="dirigé par")
    assert clause_person(french_scene(text, ents, [clause, *titles]), clause)[0] == expected


@pytest.mark.parametrize("text,led", [
    ("La garde nationale , commandée par Omar Salem , reste .", True),
    ("Le gouvernement intérimaire , dirigé par Omar Salem , proteste .", True),
    ("Une réunion spéciale , présidée par Omar Salem , a eu lieu .", False),
])
def test_adjectives_after_a_bodys_noun_still_make_it_the_body_led(text, led):
    """'la garde nationale, commandée par X': X commands a body; 'une réunion spéciale, présidée par X' is an act."""
    cue = text.split().index("par") - 1
    clause = title(cue, cue + 2, category="clause", title="commandant", head="commandant", cue="commandée par")
    scene = french_scene(text, {(cue + 2, cue + 4): "PERSON"}, [clause])
    scene = replace(scene, words=replace(scene.words, bodies=frozenset({"garde", "gouvernement"})))
    assert clause_person(scene, clause)[0] == (Person(cue + 2, cue + 4) if led else None)


@pytest.mark.parametrize("text,ents,expected", [
    # where the body sits is no organisation of the clause; the body's noun before it is what is led
    ("Le gouvernement de Benghazi , dirigé par Omar Salem , proteste .", {(3, 4): "GPE"}, (True, None)),
    ("Le gouvernement de l' Est , dirigé par Omar Salem , proteste .", {}, (True, None)),
    ("Le gouvernement basé à Benghazi , dirigé par Omar Salem , proteste .", {(4, 5): "GPE"}, (True, None)),
    # a meeting in a town is an act, not a body
    ("Une réunion à Tripoli , présidée par Omar Salem , a eu lieu .", {(3, 4): "GPE"}, (False, None)),
])
def test_a_place_after_a_bodys_noun_says_where_it_sits(text, ents, expected):
    """'le gouvernement de Benghazi, dirigé par X': X heads the government, of no organisation 'Benghazi'."""
    cue = text.split().index("par") - 1
    name = (cue + 2, cue + 4)
    clause = title(cue, cue + 2, category="clause", title="chef", head="chef", cue="dirigé par")
    scene = french_scene(text, {**ents, name: "PERSON"}, [clause])
    scene = replace(scene, words=replace(scene.words, bodies=frozenset({"gouvernement"})))
    person, org, _ = clause_person(scene, clause)
    assert (person == Person(*name), org) == expected


@pytest.mark.parametrize("text,led", [
    ("Le gouvernement , avec à sa tête Omar Salem , proteste .", True),
    ("Le gouvernement intérimaire a à sa tête Omar Salem depuis mars .", True),
    # a procession is no body
    ("Le cortège , avec à sa tête Omar Salem , défile .", False),
])
def test_a_cue_may_name_its_holder_after_it(text, led):
    """'le gouvernement, avec à sa tête X': X heads the government, as after 'dirigé par'."""
    tokens = text.split()
    start = tokens.index("à") - 1
    cue = " ".join(tokens[start:start + 4])
    clause = title(start, start + 4, category="clause", title="chef", head="chef", cue=cue)
    name = (start + 4, start + 6)
    scene = french_scene(text, {name: "PERSON"}, [clause])
    scene = replace(scene, words=replace(scene.words, bodies=frozenset({"gouvernement"}),
                                         holder_after_cues=frozenset({"avec à sa tête", "a à sa tête"})))
    assert clause_person(scene, clause)[0] == (Person(*name) if led else None)


def test_a_clause_names_the_person_right_after_a_hyphenated_rank():
    """'commandée par le colonel-major X': the rank with its article introduces X."""
    text = "La brigade , commandée par le colonel-major Omar Salem , reste ."
    clause = title(3, 5, category="clause", title="commandant", head="commandant", cue="commandée par")
    scene = french_scene(text, {(1, 2): "ORG", (7, 9): "PERSON"}, [clause, title(6, 7, category="rank")])
    assert clause_person(scene, clause)[0] == Person(7, 9)


@pytest.mark.parametrize("text,titles,nationalities,expected", [
    ("La commission , présidée par la ministre Leila Salem , siège .", [title(6, 7)], frozenset(), "présidente"),
    ("La commission , présidée par la Tunisienne Leila Salem , siège .", [], frozenset({6}), "présidente"),
    # the article is the family's, not a woman's
    ("La milice , présidée par la famille de Omar Salem , siège .", [], frozenset(), "président"),
    # an elided article says nothing of gender
    ("La commission , présidée par l' ministre Leila Salem , siège .", [title(6, 7)], frozenset(), "président"),
])
def test_a_clause_gives_a_woman_introduced_by_a_feminine_article_the_feminine_noun(text, titles, nationalities,
                                                                                    expected):
    """'la commission, présidée par la ministre X': X is its 'présidente'."""
    clause = title(3, 5, category="clause", title="président", head="président", cue="présidée par")
    scene = french_scene(text, {(1, 2): "ORG"}, [clause, *titles], nationalities)
    assert in_feminine(scene, clause).title == expected


@pytest.mark.parametrize("text", [
    "Le président a nommé mardi Omar Salem ministre .",
    "Le maréchal a nommé son fils Omar Salem chef .",
])
def test_an_active_appointment_names_its_object_past_a_day_or_a_kinship_noun(text):
    """'a nommé [mardi] X ministre', 'a nommé [son fils] X chef': X is appointed, not the subject."""
    the_title = title(len(text.split()) - 2, len(text.split()) - 1)
    name = text.split().index("Omar")
    person, pattern = attach(french_scene(text, {(name, name + 2): "PERSON"}, [the_title]), the_title, {})
    assert (person, pattern) == (Person(name, name + 2), "appointment")


@pytest.mark.parametrize("text,expected", [
    ("Omar Salem est à la tête du gouvernement parallèle .", Person(0, 2)),
    ("Omar Salem , à la tête de la milice , a démenti .", Person(0, 2)),
    # no body: no office
    ("Omar Salem est à la tête de la contestation .", None),
])
def test_a_position_cue_before_a_bodys_noun_is_an_office_without_a_name(text, expected):
    """'X est à la tête du gouvernement parallèle': X heads a body the article does not name."""
    tokens = text.split()
    start = tokens.index("à")  # 'à la tête de' / 'à la tête du'
    cue = " ".join(tokens[start:start + 4])
    clause = title(start, start + 4, category="clause", title="chef", head="chef", cue=cue)
    scene = french_scene(text, {(0, 2): "PERSON"}, [clause])
    scene = replace(scene, words=replace(scene.words, bodies=frozenset({"gouvernement", "milice"})))
    assert clause_person(scene, clause)[0] == expected


def test_an_apposed_title_without_article_passes_to_the_name():
    """'Le ministre d'État, ministre de l'Intérieur, X': the first title is X's too."""
    first, second = title(1, 2, (1, 4)), title(5, 6, (5, 9))
    text = "Le ministre d' État , ministre de l' Intérieur , Omar Salem , a parlé ."
    scene = french_scene(text, {(10, 12): "PERSON"}, [first, second])
    assert attach(scene, first, {}) == (Person(10, 12), "apposition-before")


def test_an_opening_participle_describes_the_subject_after_its_clause():
    """'Nommé Premier ministre en mars, X a parlé'."""
    the_title = title(1, 3)
    scene = french_scene("Nommé Premier ministre en mars , Omar Salem a parlé .", {(6, 8): "PERSON"}, [the_title])
    assert attach(scene, the_title, {}) == (Person(6, 8), "appointment")


def test_a_name_alone_in_brackets_after_a_title_is_its_holder():
    """'le président (X) et les membres du conseil'."""
    the_title = title(1, 2)
    scene = french_scene("Le président ( Omar Salem ) et les membres ont signé .", {(3, 5): "PERSON"}, [the_title])
    assert attach(scene, the_title, {}) == (Person(3, 5), "before-name")


def test_a_short_aside_between_the_title_and_its_name_is_passed():
    """'Le ministre de la Turquie, pays allié de Tripoli, X': the aside names no one; a title in it ends the search."""
    the_title = title(1, 2, (1, 5))
    text = "Le ministre de la Turquie , pays allié de Tripoli , Omar Salem , est arrivé ."
    assert attach(french_scene(text, {(11, 13): "PERSON"}, [the_title]), the_title, {}) == (
        Person(11, 13), "apposition-before")
    listed = "Le ministre de la Turquie , le chef de l' armée , Omar Salem , est arrivé ."
    chief = title(7, 8, (7, 11))
    assert attach(french_scene(listed, {(12, 14): "PERSON"}, [the_title, chief]), the_title, {})[0] is None


SYNONYMS = {"chef de la diplomatie": "ministre des affaires etrangeres",
            "ministre des affaires etrangeres": "ministre des affaires etrangeres"}
FOREIGN_MINISTER = "ministre des affaires etrangeres"


def held(start: int, key: str, org: str | None, office: str | None = FOREIGN_MINISTER,
         written: str = FOREIGN_MINISTER) -> Held:
    return Held(Person(start, start + 2), key, office, written, org)


@pytest.mark.parametrize("the_title,holders,expected", [
    # the one minister of that country named elsewhere
    (title(0, 4, title="chef de la diplomatie", org=OrgRef(id="france")),
     [held(10, "le-drian", "france"), held(20, "lamamra", "algeria")], Person(10, 12)),
    # two ministers of that country: no telling which
    (title(0, 4, title="chef de la diplomatie", org=OrgRef(id="france")),
     [held(10, "le-drian", "france"), held(20, "fabius", "france")], None),
    # no country said, an office that is over, or a title no synonym of an office held
    (title(0, 4, title="chef de la diplomatie"), [held(10, "le-drian", "france")], None),
    (title(0, 4, title="chef de la diplomatie", org=OrgRef(id="france"), status="former"),
     [held(10, "le-drian", "france")], None),
    (title(0, 4, title="porte-parole", org=OrgRef(id="france")), [held(10, "le-drian", "france")], None),
    # already hers under that name
    (title(0, 4, title="chef de la diplomatie", org=OrgRef(id="france")),
     [held(10, "le-drian", "france"), held(10, "le-drian", "france", written="chef de la diplomatie")], None),
])
def test_a_title_with_no_name_goes_to_the_one_holder_of_its_office_under_another_name(the_title, holders, expected):
    assert holder_by_other_name(the_title, holders, SYNONYMS) == expected


def sentences_of(text: str, ents: dict[tuple[int, int], str], titles: list[Title]) -> Scene:
    """Like `scene_of`, with a new sentence after every full stop."""
    tokens = make_tokens(text, ents)
    sentence_of, sentence = [], 0
    for token in tokens:
        sentence_of.append(sentence)
        sentence += token.text == "."
    people = [Person(start, end) for (start, end), label in ents.items() if label == "PERSON"]
    return Scene.of(tokens, people, titles, sentence_of, RoleWords.of(load_lexicon("en", FIXTURE_LANG)))


@pytest.mark.parametrize("text,ents,the_title,expected", [
    # a subject pronoun opening its sentence: the one person the sentence before names
    ("Nadia Ferhat arrived on Monday . She was previously appointed ambassador to Chad .", {(0, 2): "PERSON"},
     title(10, 11),
     Person(0, 2)),
    ("Sami Nour left . Before that , he was named envoy .", {(0, 2): "PERSON"}, title(10, 11), Person(0, 2)),
    ("Sami Nour met Nour in Rome . He was then named envoy .", {(0, 2): "PERSON", (3, 4): "PERSON"}, title(11, 12),
     Person(0, 2)),  # one person named twice
    # two people before: whose is unknown; a pronoun inside the sentence, after a person, is someone else's
    ("Sami Nour met Omar Kadi in Rome . He was named envoy .", {(0, 2): "PERSON", (3, 5): "PERSON"},
     title(11, 12), None),
    ("Sami Nour left . Ali Salem said that he was named envoy .", {(0, 2): "PERSON", (4, 6): "PERSON"}, title(12, 13),
     None),
    ("The talks ended . He was named envoy .", {}, title(7, 8), None),
    # back over sentences that name no one and open with the pronoun themselves
    ("Sami Nour quit . He said nothing . He was named envoy .", {(0, 2): "PERSON"}, title(11, 12), Person(0, 2)),
    ("Sami Nour quit . The talks failed . He was named envoy .", {(0, 2): "PERSON"}, title(11, 12), None),
    # a title opening the sentence (or its 'as') before the pronoun's comma
    ("Sami Nour left . A career diplomat , he spoke .", {(0, 2): "PERSON"}, title(5, 7), Person(0, 2)),
    ("Sami Nour left . As envoy , she spoke .", {(0, 2): "PERSON"}, title(5, 6), Person(0, 2)),
    ("Sami Nour left . The envoy , he said , spoke .", {(0, 2): "PERSON"}, title(5, 6), None),
])
def test_a_title_given_to_a_pronoun_is_the_sole_person_named_before(text, ents, the_title, expected):
    person, pattern = attach(sentences_of(text, ents, [the_title]), the_title, {})
    assert (person, pattern if person else None) == (expected, "pronoun" if expected else None)


@pytest.mark.parametrize("text,ents,first,second", [
    ("Ahmed Ali served as minister and as envoy .", {(0, 2): "PERSON"}, title(4, 5), title(7, 8)),
    ("Ahmed Ali served as minister from 2013 to 2017 and as envoy .", {(0, 2): "PERSON"}, title(4, 5), title(11, 12)),
    ("Ahmed Ali was ambassador and later minister .", {(0, 2): "PERSON"}, title(3, 4), title(6, 7)),
    ("Ahmed Ali served as adviser , then as envoy .", {(0, 2): "PERSON"}, title(4, 5), title(8, 9)),
])
def test_a_title_joined_by_and_as_or_and_an_adverb_is_chained(text, ents, first, second):
    scene = scene_of(text, ents, [first, second])
    assert attach(scene, second, {first.start: Person(0, 2)}) == (Person(0, 2), "apposition-chain")


def test_a_title_after_and_and_another_word_is_not_chained():
    """'X was minister and Y envoy': the word between is a name, not 'as' or an adverb."""
    first, second = title(3, 4), title(6, 7)
    scene = scene_of("Ahmed Ali was minister and Sami envoy .", {(0, 2): "PERSON"}, [first, second])
    assert attach(scene, second, {first.start: Person(0, 2)})[1] != "apposition-chain"


@pytest.mark.parametrize("text,ents,the_title,expected", [
    # a person right after a relative pronoun appoints: the one before its comma is appointed
    ("Ahmed Ali , whom Omar Kadi appointed envoy , spoke .", {(0, 2): "PERSON", (4, 6): "PERSON"}, title(7, 8),
     Person(0, 2)),
    ("Ahmed Ali , who Omar Kadi named envoy , spoke .", {(0, 2): "PERSON", (4, 6): "PERSON"}, title(7, 8),
     Person(0, 2)),
    ("The man whom Omar Kadi appointed envoy spoke .", {(3, 5): "PERSON"}, title(6, 7), None),
    ("Omar Kadi appointed Ahmed Ali envoy .", {(0, 2): "PERSON", (3, 5): "PERSON"}, title(5, 6), Person(3, 5)),
])
def test_whoever_a_relative_clause_names_as_subject_appoints(text, ents, the_title, expected):
    assert attach(scene_of(text, ents, [the_title]), the_title, {})[0] == expected


@pytest.mark.parametrize("text,ents,the_title,expected", [
    ("Omar Kadi appointed the lawyer as envoy .", {(0, 2): "PERSON"}, title(6, 7), None),
    ("Omar Kadi named a new envoy .", {(0, 2): "PERSON"}, title(4, 6), None),
    ("Omar Kadi named envoy", {(0, 2): "PERSON"}, title(3, 4), Person(0, 2)),  # a headline's passive
])
def test_an_active_naming_verb_before_an_article_names_someone_else(text, ents, the_title, expected):
    assert attach(scene_of(text, ents, [the_title]), the_title, {})[0] == expected


def test_a_modifier_left_out_of_a_title_names_the_body_around_it():
    modifiers = frozenset({"central bank"})
    assert modifier_body("libya 's central bank governor".split(), modifiers) == "central bank"
    assert modifier_body("governor of libya 's central bank".split(), modifiers) == "central bank"
    assert modifier_body("governor of the central region".split(), modifiers) is None


def test_a_countrys_body_is_named_by_the_languages_patterns():
    patterns = frozenset({"{body} of {country}", "{demonym} {body}"})
    names = country_body_names("central bank", "Libya", ("Libyan",), patterns)
    assert set(names) == {"central bank of Libya", "Libyan central bank"}


def test_a_title_before_a_hyphenated_name_the_model_found_only_the_end_of_is_not_apposed_to_the_name_before():
    """'army commander X, Prime Minister Abdel Hamid Al-Dabaiba, ...' with only 'Dabaiba' found: the title is
    not X's."""
    text = "army commander Khalifa Haftar , Prime Minister Abdel Hamid Al - Dabaiba , spoke ."
    tokens = [replace(t, whitespace_="") if i in (9, 10) else t
              for i, t in enumerate(make_tokens(text, {(2, 4): "PERSON", (11, 12): "PERSON"}))]
    prime = title(5, 7)
    scene = Scene.of(tokens, [Person(2, 4), Person(11, 12)], [prime], [0] * len(tokens),
                     RoleWords.of(load_lexicon("en", FIXTURE_LANG)))
    assert attach(scene, prime, {})[0] != Person(2, 4)


RESPECTIVELY = "Ali Salem et Omar Kadi , respectivement ministre de la Défense et ministre des Finances , ont signé ."


def test_titles_after_respectivement_go_in_order_to_the_people_listed_before_it():
    """'A et B, respectivement T1 et T2': A holds T1 and B holds T2, not the other way round."""
    first, second = title(7, 8, (7, 11)), title(12, 13, (12, 15))
    scene = french_scene(RESPECTIVELY, {(0, 2): "PERSON", (3, 5): "PERSON"}, [first, second])
    assert attach(scene, first, {}) == (Person(0, 2), "apposition-after")
    assert attach(scene, second, {}) == (Person(3, 5), "apposition-after")


@pytest.mark.parametrize("text,ents", [
    # one title for two people: no telling whose
    ("Ali Salem et Omar Kadi , respectivement ministre de la Défense , ont signé .",
     {(0, 2): "PERSON", (3, 5): "PERSON"}),
    # one person: no list to pair
    ("Ali Salem , respectivement ministre de la Défense et ministre des Finances , a signé .", {(0, 2): "PERSON"}),
])
def test_respectivement_pairs_only_as_many_titles_as_people(text, ents):
    first = title(5, 6, (5, 9)) if text.count("Kadi") == 0 else title(7, 8, (7, 11))
    second = [title(10, 11, (10, 13))] if text.count("Kadi") == 0 else []
    assert person_respectively(french_scene(text, ents, [first, *second]), first) is None


@pytest.mark.parametrize("text,ents,led", [
    ("La Manul , que dirige Ali Saad , a parlé .", {(1, 2): "ORG", (5, 7): "PERSON"}, True),
    # an act is led, not held: no office
    ("La réunion , que dirige Ali Saad , a échoué .", {(5, 7): "PERSON"}, False),
])
def test_que_and_a_verb_name_the_subject_after_it_as_par_does(text, ents, led):
    """'Y, que dirige X': X heads Y, written after the verb."""
    clause = title(3, 5, title="chef", head="chef", category="clause", cue="que dirige")
    person, org, _ = clause_person(french_scene(text, ents, [clause]), clause)
    assert (person, org) == ((Person(5, 7), OrgRef(span=(1, 2))) if led else (None, None))


def test_a_bracketed_acronym_before_led_by_is_the_body_led():
    """'le gouvernement reconnu par l'ONU (GNA), dirigé par X': X heads the GNA, not the UN the participle names."""
    clause = title(10, 12, title="chef", head="chef", category="clause", cue="dirigé par")
    scene = french_scene("Le gouvernement reconnu par l' ONU ( GNA ) , dirigé par Ali Saad , a parlé .",
                         {(5, 6): "ORG", (7, 8): "ORG", (12, 14): "PERSON"}, [clause])
    assert clause_person(scene, clause)[:2] == (Person(12, 14), OrgRef(span=(7, 8)))


@pytest.mark.parametrize("text,ents,expected", [
    # a participle and its agent between the body's noun and its acronym
    ("Ali Saad , chef du gouvernement reconnu par l' ONU ( GNA ) , a parlé .", {(9, 10): "ORG", (11, 12): "ORG"},
     ("chef", (11, 12))),
    # a comma before the bracket: the acronym is no complement of the office
    ("Ali Saad , chef du gouvernement , ( GNA ) , a parlé .", {(8, 9): "ORG"}, ("chef du gouvernement", None)),
    # the bracket holds no organisation
    ("Ali Saad , chef du gouvernement ( 2016 ) , a parlé .", {}, ("chef du gouvernement", None)),
])
def test_an_office_of_a_bodys_bare_noun_takes_the_bodys_bracketed_acronym(text, ents, expected):
    office = title(3, 6, title="chef du gouvernement", head="chef")
    words = replace(RoleWords.of(load_lexicon("fr", FIXTURE_LANG)), bodies=frozenset({"gouvernement"}))
    found = bracketed_body(make_tokens(text, {**ents, (0, 2): "PERSON"}), office, words)
    assert (found.title, found.org.span if found.org else None) == expected


def test_a_title_joined_by_and_with_a_name_of_its_own_in_apposition_is_that_persons():
    """'General X, the defence minister, and the police chief, Y, took part': the chief is Y, not X."""
    minister, chief = title(5, 7), title(10, 12)
    text = "General Salifou Mody , the defence minister , and the police chief , Assane Moussa , took part ."
    scene = scene_of(text, {(1, 3): "PERSON", (13, 15): "PERSON"}, [minister, chief])
    assert attach(scene, minister, {}) == (Person(1, 3), "apposition-after")
    assert attach(scene, chief, {5: Person(1, 3)}) == (Person(13, 15), "apposition-before")


@pytest.mark.parametrize("text,org", [
    ("Farhat Bengdara dirige depuis juillet 2022 la NOC .", (7, 8)),
    ("Farhat Bengdara dirige depuis 2022 la NOC .", (6, 7)),
])
def test_a_phrase_of_time_between_a_clause_verb_and_its_object(text, org):
    """'X dirige depuis 2022 la NOC': the body after the time phrase is the one X heads."""
    clause = title(2, 3, title="chef", head="chef", category="clause", cue="dirige")
    words = replace(RoleWords.of(load_lexicon("fr", FIXTURE_LANG)), time_prepositions=frozenset({"depuis"}))
    tokens = make_tokens(text, {(0, 2): "PERSON", org: "ORG"})
    scene = Scene.of(tokens, [Person(0, 2)], [clause], [0] * len(tokens), words)
    assert clause_person(scene, clause) == (Person(0, 2), OrgRef(span=org), None)


def test_a_possessor_found_to_be_a_person_names_whose_office_it_is_not_its_body():
    # "Karimi's deputy, Ali Saad": the titles read 'Karimi' as a body, the resolver found him a person
    deputy = title(2, 3, (0, 3), title="deputy", head="deputy", org=OrgRef(span=(0, 1)))
    owned = person_as_owner(deputy, frozenset({Person(0, 1), Person(4, 6)}))
    assert (owned.org, owned.of) == (None, (0, 1))
    # a body stays the organisation
    assert person_as_owner(deputy, frozenset({Person(4, 6)})) == deputy


@pytest.mark.parametrize("text,expected", [
    # the apposition after "le père d'X" describes the father, whom the article does not name
    ("Le père d' Omar Salem , ancien ministre , est mort .", None),
    ("Omar Salem , ancien ministre , est mort .", Person(0, 2)),
])
def test_an_apposition_after_a_relatives_complement_describes_the_relative(text, expected):
    """"le père d'X, ancien ministre de la Défense": X is not the minister."""
    name = text.split().index("Omar")
    the_title = title(name + 3, name + 5)
    assert attach(french_scene(text, {(name, name + 2): "PERSON"}, [the_title]), the_title, {})[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("À la tête du HCE depuis 2023 , Omar Salem a parlé .", Person(8, 10)),
    ("Nommé à la tête du HCE en 2022 , Omar Salem a démissionné .", Person(9, 11)),
    # a person before the cue in its sentence is its subject, not the one after the comma
    ("Ali Kadi , à la tête du HCE depuis 2023 , a reçu Omar Salem .", Person(0, 2)),
])
def test_a_position_cue_opening_the_sentence_describes_the_subject_after_its_comma(text, expected):
    """'À la tête du HCE depuis 2023, X a parlé': X heads the HCE."""
    tokens = text.split()
    start = tokens.index("à") if "à" in tokens else tokens.index("À")
    cue = " ".join(tokens[start:start + 4]).lower()
    clause = title(start, start + 4, category="clause", title="chef", head="chef", cue=cue)
    org = tokens.index("HCE")
    people = {(i, i + 2): "PERSON" for i, word in enumerate(tokens) if word in ("Omar", "Ali")}
    scene = french_scene(text, {**people, (org, org + 1): "ORG"}, [clause])
    assert clause_person(scene, clause)[0] == expected


def test_a_given_name_spelt_as_a_verb_of_saying_after_a_title_is_the_holders():
    """'Interior Minister Said Ali told reporters': 'Said' opens the name, it is no verb after an unnamed speaker."""
    minister = title(0, 2)
    scene = scene_of("Interior Minister Said Ali told reporters .", {(2, 4): "PERSON"}, [minister])
    assert attach(scene, minister, {}) == (Person(2, 4), "before-name")


def test_an_article_opening_an_apposition_pairs_titles_with_the_names_listed_before():
    """'A and B, the President & Vice-President of X': the n-th title is the n-th name's, with no 'respectively'."""
    first, second = title(9, 10, title="President"), title(11, 12, (11, 15), title="Vice-President")
    scene = scene_of("He met Ali Saad and Omar Kadi , the President & Vice-President of the Council .",
                     {(2, 4): "PERSON", (5, 7): "PERSON", (14, 15): "ORG"}, [first, second])
    assert (person_respectively(scene, first), person_respectively(scene, second)) == (Person(2, 4), Person(5, 7))


def test_an_article_before_one_title_after_two_names_pairs_nothing():
    only = title(9, 10, (9, 13), title="President")
    scene = scene_of("He met Ali Saad and Omar Kadi , the President of the Council .",
                     {(2, 4): "PERSON", (5, 7): "PERSON", (12, 13): "ORG"}, [only])
    assert person_respectively(scene, only) is None


@pytest.mark.parametrize("spaced,expected", [(True, Person(2, 4)), (False, None)])
def test_a_hyphen_with_spaces_sets_off_an_apposition_as_a_dash_does(spaced, expected):
    """'X - the former minister - said': a hyphen typed for a dash; a hyphen inside a word ('Kadi-the') is none."""
    apposed = title(6, 8, title="former minister")
    tokens = make_tokens("He met Ali Saad - the former minister - today .", {(2, 4): "PERSON"})
    if not spaced:
        tokens[3], tokens[4] = replace(tokens[3], whitespace_=""), replace(tokens[4], whitespace_="")
    people = [Person(2, 4)]
    scene = Scene.of(tokens, people, [apposed], [0] * len(tokens), RoleWords.of(load_lexicon("en", FIXTURE_LANG)))
    assert attach(scene, apposed, {})[0] == expected


def test_extra_spaces_typed_after_a_comma_keep_a_name_in_apposition():
    """A page typing two spaces after a comma gives spaCy a token of spaces: it stands in no apposition's way."""
    tokens = make_tokens("The head of the council , _ Ali Salem , said . Ali Salem , _ the envoy , left .",
                         {(7, 9): "PERSON", (12, 14): "PERSON"})
    tokens[6] = tokens[15] = Tok(" ", whitespace_="")
    head, envoy = title(1, 2, (1, 5)), title(17, 18)
    scene = Scene.of(tokens, [Person(7, 9), Person(12, 14)], [head, envoy], [0] * 12 + [1] * 9,
                     RoleWords.of(load_lexicon("en", FIXTURE_LANG)))
    assert attach(scene, head, {}) == (Person(7, 9), "apposition-before")
    assert attach(scene, envoy, {}) == (Person(12, 14), "apposition-after")


def test_a_title_s_listed_complements_lead_to_its_apposition():
    the_title = title(1, 2, (1, 5))
    text = "The head of the chamber of trade , of industry and of crafts , Ali Salem , said ."
    scene = scene_of(text, {(14, 16): "PERSON"}, [the_title])
    assert attach(scene, the_title, {}) == (Person(14, 16), "apposition-before")


def test_a_comma_and_complement_with_no_closing_and_is_an_aside_not_a_list():
    the_title = title(3, 4, (3, 7))
    text = "They met the head of the council , of course , Ali Salem , at noon ."
    scene = scene_of(text, {(11, 13): "PERSON"}, [the_title])
    assert attach(scene, the_title, {})[0] is None


def test_a_preposition_after_a_day_closes_an_apposition_when_an_office_holder_is_the_subject():
    envoy, minister = title(1, 2), title(4, 5)
    scene = scene_of("The envoy met the minister , Ali Salem Monday at the palace .", {(6, 8): "PERSON"},
                     [envoy, minister])
    assert attach(scene, minister, {}) == (Person(6, 8), "apposition-before")
