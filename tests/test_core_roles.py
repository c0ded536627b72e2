"""The role patterns as pure functions: hand-made tokens, no spaCy pipeline (as scispacy tests
`find_abbreviation` on hand-cut spans before its component)."""

from dataclasses import dataclass

import pytest

from nerlibya.core.roles import Person, RoleWords, Scene, as_phrase_start, attach, clause_person
from nerlibya.core.types import OrgRef, Title
from nerlibya.lexicon import load_lexicon

from .conftest import FIXTURE_LANG


@dataclass(frozen=True)
class Tok:
    text: str
    ent_type_: str = ""
    ent_iob_: str = "O"

    @property
    def lower_(self) -> str:
        return self.text.lower()

    @property
    def text_with_ws(self) -> str:
        return self.text + " "

    @property
    def is_punct(self) -> bool:
        return not any(c.isalnum() for c in self.text)


def scene_of(text: str, ents: dict[tuple[int, int], str], titles: list[Title]) -> Scene:
    """Whitespace-separated tokens; `ents` maps token ranges to labels; one sentence."""
    labels = {i: (label, "B" if i == start else "I") for (start, end), label in ents.items() for i in range(start, end)}
    tokens = [Tok(word, *labels.get(i, ("", "O"))) for i, word in enumerate(text.split())]
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


def test_as_past_an_apposition_but_not_past_a_bare_comma():
    promoted = title(10, 11)
    scene = scene_of("Ahmed Ali , the youngest son , was promoted as commander .", {(0, 2): "PERSON"}, [promoted])
    assert attach(scene, promoted, {}) == (Person(0, 2), "appointment")
    scene = scene_of("the family of Ahmed Ali , as leaders of the army , is blamed .", {(3, 5): "PERSON"},
                     [title(7, 8)])
    assert attach(scene, title(7, 8), {})[0] is None
