"""The role patterns as pure functions: hand-made tokens, no spaCy pipeline (as scispacy tests
`find_abbreviation` on hand-cut spans before its component)."""

from dataclasses import dataclass

import pytest

from nerlibya.core.roles import Person, RoleWords, Scene, attach, clause_person
from nerlibya.core.types import OrgRef, Title
from nerlibya.lexicon import load_lexicon

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
    ("The French President said nothing .", {}, title(1, 3), (None, "appointment")),
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
