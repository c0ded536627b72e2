"""Reading titles as pure functions: hand-made tokens, units and entities, no spaCy pipeline."""

from dataclasses import replace

from nerlibya.core.titles import TitleReader, Unit, bodies_named_before, runs
from nerlibya.core.types import OrgRef, Title
from nerlibya.knowledge.lexicon import load_lexicon

from .conftest import FIXTURE_LANG
from .tokens import Ent, make_tokens


def read(lang: str, text: str, units: list[tuple[int, int, str]], ents: dict[tuple[int, int], str],
         demonyms: dict[str, str] | None = None, glued: frozenset[int] = frozenset(),
         lang_path: str | None = FIXTURE_LANG) -> list[Title]:
    """`glued`: tokens written with no space after them ('Libyan-American': 'Libyan' and '-'); `lang_path` None
    reads the packaged language data."""
    tokens = [replace(t, whitespace_="") if i in glued else t for i, t in enumerate(make_tokens(text, ents))]
    reader = TitleReader(load_lexicon(lang, lang_path), demonyms or {}, lambda name: False)
    found = [Unit(tokens, start, end, cat) for start, end, cat in units]
    by_cat: dict[str, list[Unit]] = {}
    for unit in found:
        by_cat.setdefault(unit.cat, []).append(unit)
    entities = [Ent(start, end, label) for (start, end), label in ents.items()]
    return reader.read(tokens, by_cat, runs(found), entities)


def test_a_complement_names_the_organisation():
    titles = read("en", "Khalifa Haftar , the commander of the LNA , spoke .", [(4, 5, "OFFICE"), (5, 6, "COMP")],
                  {(0, 2): "PERSON", (7, 8): "ORG"})
    assert titles == [Title(start=4, end=5, phrase_start=4, phrase_end=8, title="commander", head="commander",
                            category="office", org=OrgRef(span=(7, 8)))]


def test_a_title_in_another_complement_is_inner_and_the_person_is_whose_office():
    titles = read("en", "the Chief of Staff to the President Ahmed Ali",
                  [(1, 4, "OFFICE"), (4, 5, "COMP"), (6, 7, "OFFICE")], {(7, 9): "PERSON"})
    outer, inner = titles
    assert (outer.title, outer.of, outer.phrase_end, outer.inner) == ("Chief of Staff", (7, 9), 9, False)
    assert (inner.title, inner.inner) == ("President", True)


def test_french_reads_the_nationality_after_the_noun_and_keeps_the_portfolio():
    text, units = "le ministre turc de la Défense", [(1, 2, "OFFICE"), (3, 4, "COMP")]
    [title] = read("fr", text, units, {}, demonyms={"turc": "turkey"})
    assert (title.title, title.org, title.end) == ("ministre de la Défense", OrgRef(id="turkey"), 6)


def test_a_qualifier_before_the_title_gives_its_status():
    [title] = read("en", "the former commander spoke", [(1, 2, "QUAL"), (2, 3, "OFFICE")], {})
    assert (title.title, title.status, title.start) == ("former commander", "former", 1)


def test_a_lower_case_portfolio_after_an_article_is_kept_where_the_language_writes_it_so():
    """French writes portfolios after an article ('ministre de l'intérieur'); English does not ('the minister of the fund')."""
    [title] = read("fr", "l' ancien ministre de l' intérieur Ali Said", [(1, 2, "QUAL"), (2, 3, "OFFICE"), (3, 4, "COMP")],
                   {(6, 8): "PERSON"})
    assert (title.title, title.end) == ("ancien ministre de l' intérieur", 6)
    [title] = read("en", "the minister of the fund Ali Said", [(1, 2, "OFFICE"), (2, 3, "COMP")], {(5, 7): "PERSON"})
    assert (title.title, title.end) == ("minister", 2)


def test_an_appointment_verb_does_not_open_a_title_but_a_qualifier_after_one_belongs_to_it():
    """'désigné premier ministre' is 'appointed prime minister'; 'premier ministre désigné' is designate."""
    tokens = make_tokens("il est désigné premier ministre désigné", {})
    units = [Unit(tokens, 2, 3, "QUAL"), Unit(tokens, 3, 5, "OFFICE"), Unit(tokens, 5, 6, "QUAL")]
    [run] = runs(units, frozenset({"désigné"}))
    assert [(u.start, u.end) for u in run] == [(3, 5)]
    assert [(u.start, u.end) for u in runs(units)[0]] == [(2, 3), (3, 5)]


def test_a_nationality_between_a_title_and_its_qualifier():
    [title] = read("fr", "le premier ministre libyen par intérim Ali Said", [(1, 3, "OFFICE"), (4, 6, "QUAL")],
                   {(6, 8): "PERSON"}, demonyms={"libyen": "libya"})
    assert (title.title, title.status, title.org, title.end) == ("premier ministre par intérim", "interim",
                                                                  OrgRef(id="libya"), 6)


def test_a_name_after_a_nested_titles_organisation_is_that_titles_not_after_its_place():
    """'the envoy of the Secretary-General of the UN X': X is whose office the envoy serves (the
    Secretary-General); '... of the Secretary-General for Libya X': the place is the envoy's, so is X."""
    units = [(1, 2, "OFFICE"), (2, 3, "COMP"), (4, 5, "OFFICE"), (5, 6, "COMP")]
    envoy, _ = read("en", "the envoy of the Secretary-General of the UN Ahmed Ali", units, {(7, 8): "ORG", (8, 10): "PERSON"})
    assert envoy.of == (8, 10)
    envoy, _ = read("en", "the envoy of the Secretary-General for Libya Ahmed Ali", units, {(6, 7): "GPE", (7, 9): "PERSON"})
    assert envoy.of is None


def test_two_modifiers_joined_by_and_share_the_office_after_them():
    tokens = make_tokens("the Oil and Gas Minister spoke", {})
    units = [Unit(tokens, 1, 2, "MOD"), Unit(tokens, 3, 4, "MOD"), Unit(tokens, 4, 5, "OFFICE")]
    [run] = runs(units, joiners=frozenset({"and"}))
    assert (run[0].start, run[-1].end) == (1, 5)
    assert [(r[0].start, r[-1].end) for r in runs(units)] == [(3, 5)]


def test_an_office_s_portfolio_shares_no_office_after_it():
    """'Minister of [Trade] and Defence Minister X': the portfolio after 'of' is the first office's."""
    tokens = make_tokens("Minister of Trade and Defence Minister Ama Owusu spoke", {})
    units = [Unit(tokens, 0, 1, "OFFICE"), Unit(tokens, 1, 2, "COMP"), Unit(tokens, 2, 3, "MOD"),
             Unit(tokens, 4, 5, "MOD"), Unit(tokens, 5, 6, "OFFICE")]
    assert [(r[0].start, r[-1].end) for r in runs(units, joiners=frozenset({"and"}))] == [(0, 1), (4, 6)]


def test_a_lone_rank_before_a_modifier_is_a_noun_where_adjectives_follow_it():
    tokens = make_tokens("le commandant militaire parle", {})
    units = [Unit(tokens, 1, 2, "RANK"), Unit(tokens, 2, 3, "MOD")]
    assert runs(units) == []
    assert [(r[0].start, r[-1].end) for r in runs(units, adjectives_follow_noun=True)] == [(1, 2)]


def test_a_rank_word_between_two_offices_modifies_the_second():
    """'deputy general commander' is one office; a rank after an office and before a name starts its own title."""
    tokens = make_tokens("named deputy general commander on Monday", {})
    units = [Unit(tokens, 1, 2, "OFFICE"), Unit(tokens, 2, 3, "RANK"), Unit(tokens, 3, 4, "OFFICE")]
    assert [(r[0].start, r[-1].end) for r in runs(units)] == [(1, 4)]
    tokens = make_tokens("the Defence Minister General Omar Saleh", {})
    units = [Unit(tokens, 1, 2, "MOD"), Unit(tokens, 2, 3, "OFFICE"), Unit(tokens, 3, 4, "RANK")]
    assert [(r[0].start, r[-1].end) for r in runs(units)] == [(1, 3), (3, 4)]


def test_a_capitalised_office_after_a_lower_case_office_starts_a_second_title():
    """'spokesman Ambassador X' is two titles; 'deputy Prime Minister' one, 'deputy' being a modifier as well."""
    tokens = make_tokens("Presidency spokesman Ambassador Omar Saleh said", {})
    units = [Unit(tokens, 1, 2, "OFFICE"), Unit(tokens, 2, 3, "OFFICE")]
    assert [(r[0].start, r[-1].end) for r in runs(units)] == [(1, 2), (2, 3)]
    tokens = make_tokens("the deputy Minister Omar Saleh said", {})
    units = [Unit(tokens, 1, 2, "OFFICE"), Unit(tokens, 2, 3, "OFFICE")]
    assert [(r[0].start, r[-1].end) for r in runs(units, modifiers=frozenset({"deputy"}))] == [(1, 3)]


def test_an_office_that_is_also_an_honorific_opens_its_own_title():
    tokens = make_tokens("the Emir Sheikh Omar Saleh said", {})
    units = [Unit(tokens, 1, 2, "OFFICE"), Unit(tokens, 2, 3, "OFFICE")]
    assert [(r[0].start, r[-1].end) for r in runs(units, honorifics=frozenset({"sheikh"}))] == [(1, 2), (2, 3)]
    assert [(r[0].start, r[-1].end) for r in runs(units)] == [(1, 3)]


def test_a_passive_cue_around_a_time_phrase_is_one_clause_and_replaces_the_verb_alone():
    from nerlibya.core.titles import clauses_around_dates, without_verbs

    words = load_lexicon("en").words  # the curated lists: time prepositions and calendar words
    tokens = make_tokens("The council , headed until March 2021 by Omar Ali , met .", {})
    verb_alone = Unit(tokens, 3, 4, "CLAUSE")
    found = clauses_around_dates(tokens, [verb_alone], frozenset({"headed", "chaired"}), words)
    assert [(u.start, u.end, u.cat) for u in found] == [(3, 8, "CLAUSE")]
    tokens = make_tokens("Omar Ali headed until 2021 the council .", {})
    assert clauses_around_dates(tokens, [], frozenset({"headed"}), words) == []  # no agent: no passive cue
    tokens = make_tokens("Today OFAC designated militia leader Omar Ali .", {})
    qualifier = Unit(tokens, 2, 3, "QUAL")
    assert without_verbs([qualifier], frozenset({"designated"}), words.auxiliaries) == []
    tokens = make_tokens("The designated militia leader Omar Ali .", {})
    qualifier = Unit(tokens, 1, 2, "QUAL")
    assert without_verbs([qualifier], frozenset({"designated"}), words.auxiliaries) == [qualifier]


def test_an_office_that_is_also_a_verb_before_que_is_the_verb():
    from nerlibya.core.titles import without_verb_offices

    words = load_lexicon("fr").words
    verbs = frozenset({"juge"})
    tokens = make_tokens("Omar Ali , spécialiste du pays , juge que rien ne change .", {})
    office = Unit(tokens, 7, 8, "OFFICE")
    assert without_verb_offices([office], verbs, words.object_relatives, words.title_determiners) == []
    tokens = make_tokens("le juge que la cour a nommé", {})
    office = Unit(tokens, 1, 2, "OFFICE")
    assert without_verb_offices([office], verbs, words.object_relatives, words.title_determiners) == [office]
    tokens = make_tokens("Omar Ali , juge à Tripoli", {})
    office = Unit(tokens, 3, 4, "OFFICE")
    assert without_verb_offices([office], verbs, words.object_relatives, words.title_determiners) == [office]


def test_an_acronym_no_entity_holds_before_a_title_names_its_body():
    [title] = read("en", "Sami Nour , an LMR columnist , said", [(5, 6, "OFFICE")], {(0, 2): "PERSON"})
    assert (title.title, title.phrase_start, title.org) == ("columnist", 4, OrgRef(span=(4, 5)))


def test_a_headline_in_capitals_does_not_read_its_words_as_acronyms():
    [title] = read("en", "MEETS SECRETARY BURNS :", [(1, 2, "OFFICE")], {})
    assert (title.phrase_start, title.org) == (1, None)


def test_nationalities_glued_by_a_hyphen_before_a_title_are_one_word():
    text = "Sami Nour , a Libyan - American businessman , said"
    [title] = read("en", text, [(7, 8, "OFFICE")], {(0, 2): "PERSON"},
                   demonyms={"libyan": "libya", "american": "united-states"}, glued=frozenset({4, 5}))
    assert (title.title, title.phrase_start, title.org) == ("businessman", 4, OrgRef(id="united-states"))


def test_a_portfolio_list_goes_on_past_commas_and_a_lower_case_complement_inside_it():
    """Agency copy lists a minister's portfolios with commas, one ending with a complement ('à l'étranger') before
    'et des ...'; a comma followed by something else ('de passage à ...') ends the portfolio."""
    text = ("le ministre des Affaires étrangères , de la Diaspora à l' étranger et des Affaires consulaires , "
            "Ali Said , a reçu")
    units = [(1, 2, "OFFICE"), (2, 3, "COMP"), (6, 7, "COMP"), (9, 10, "COMP"), (13, 14, "COMP")]
    [title] = read("fr", text, units, {(17, 19): "PERSON"})
    assert title.end == 16
    units = [(1, 2, "OFFICE"), (2, 3, "COMP"), (5, 6, "COMP"), (7, 8, "COMP")]
    [title] = read("fr", "le ministre des Finances , de passage à Paris , a dit", units, {(8, 9): "GPE"})
    assert (title.title, title.end) == ("ministre des Finances", 4)


def test_an_unknown_organisation_the_model_tagged_in_a_portfolio_list_is_one_more_portfolio():
    text = "the Minister of Foreign Affairs , Diaspora Relations Abroad and Sahel Affairs , Ali Said , received"
    [title] = read("en", text, [(1, 2, "OFFICE"), (2, 3, "COMP")],
                   {(6, 9): "ORG", (10, 12): "ORG", (13, 15): "PERSON"})
    assert title.end == 12


def test_particles_do_not_count_towards_the_length_of_a_name_after_a_title():
    tokens = make_tokens("Sheikh Mohammed bin Hamad bin Tahnoun Al Nahyan , an adviser", {})
    reader = TitleReader(load_lexicon("en", FIXTURE_LANG), {}, lambda name: False)
    assert reader.name_after(tokens, 1, set()) == (1, 8)
    assert reader.name_after(make_tokens("Bo Co Do Fo Go Ho Jo Ko", {}), 0, set()) == (0, 6)


def test_a_body_noun_after_a_name_in_the_complement_carries_the_phrase_to_the_apposition():
    """'the head of the AISE foreign intelligence service, X': AISE is whose office; the phrase ends at X's comma."""
    [head] = read("en", "the head of the AISE foreign intelligence service , Giovanni Caravelli , said",
                  [(1, 2, "OFFICE"), (2, 3, "COMP")], {(9, 11): "PERSON"}, lang_path=None)
    assert (head.org, head.phrase_end) == (OrgRef(text="AISE", at=4), 8)


def test_a_body_named_after_lower_case_words_is_the_whole_organisation_found_there():
    """'leader of the main opposition Republican People's Party': the organisation is the entity, possessive and all."""
    [leader] = read("en", "Ozgur Ozel , leader of the main opposition Republican People 's Party , voted",
                    [(3, 4, "OFFICE"), (4, 5, "COMP")], {(0, 2): "PERSON", (8, 12): "ORG"}, lang_path=None)
    assert (leader.org, leader.phrase_end) == (OrgRef(span=(8, 12)), 12)


BARE_BODY_OFFICES = {"président du conseil": "président"}


def _office(start: int, end: int, text: str, **fields) -> Title:
    return Title(start=start, end=end, phrase_start=start, phrase_end=end, title=text, head=text.lower(),
                 category="office", **fields)


def test_an_office_naming_a_bare_body_is_the_office_of_that_body_named_before():
    """'Le Conseil présidentiel s'est réuni . Le président du Conseil , X': 'président' of that council."""
    text = "Le Conseil présidentiel s'est réuni . Le président du Conseil , Omar Salem , a parlé ."
    tokens = make_tokens(text, {})
    council = [Ent(1, 3, "ORG")]
    (title,) = bodies_named_before(tokens, [_office(7, 10, "président du Conseil")], council, BARE_BODY_OFFICES)
    assert (title.title, title.end, title.org) == ("président", 8, OrgRef(span=(1, 3)))


def test_an_office_naming_a_bare_body_stays_whole_with_no_such_body_or_another_organisation():
    """'la présidente du Conseil italien', 'le président du Conseil' with no council named: the office as written."""
    tokens = make_tokens("Le président du Conseil , Omar Salem , a parlé au Parlement européen .", {})
    office = _office(1, 4, "président du Conseil")
    assert bodies_named_before(tokens, [office], [Ent(11, 13, "ORG")], BARE_BODY_OFFICES) == [office]
    tokens = make_tokens("Le Conseil présidentiel a dit . Le président du Conseil italien , Omar Salem , a parlé .", {})
    office = _office(6, 9, "président du Conseil", org=OrgRef(id="italy"))
    assert bodies_named_before(tokens, [office], [Ent(1, 3, "ORG")], BARE_BODY_OFFICES) == [office]


def test_a_body_after_a_common_nouns_linking_word_is_whose_office_it_is():
    """'the commander of the ground forces of the LNA, X': the LNA owns the forces and is whose office it is; the
    phrase runs to X's comma."""
    [commander] = read("en", "the commander of the ground forces of the LNA , Saddam Haftar , signed",
                       [(1, 2, "OFFICE"), (2, 3, "COMP")], {(8, 9): "ORG", (10, 12): "PERSON"}, lang_path=None)
    assert (commander.title, commander.org, commander.phrase_end) == ("commander", OrgRef(span=(8, 9)), 9)
