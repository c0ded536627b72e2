"""Lists of office holders, one a line, read as pure functions: hand-made tokens and units, no pipeline."""

from nerlibya.core.lists import list_entries, name_end, name_heading_entry
from nerlibya.core.titles import Unit
from nerlibya.core.types import Title

from .tokens import Tok

JOINERS = frozenset({"and", "&"})
PARTICLES = frozenset({"al", "el", "bin"})


def tokens(*lines: str) -> list[Tok]:
    return [Tok(word) for line in lines for word in [*line.split(), "\n"]]


def modifiers(toks: list[Tok], *words: str) -> list[Unit]:
    return [Unit(toks, i, i + 1, "MOD") for i, tok in enumerate(toks) if tok.lower_ in words]


def test_portfolio_lines_make_titles_for_the_names_after_their_colons():
    toks = tokens("Defence : Salem Warda", "Economy & industry : Ali al Hamdi")
    found = list_entries(toks, [], modifiers(toks, "defence", "economy", "industry"), JOINERS, PARTICLES)
    assert [(t.title, t.phrase_end, t.listed) for t in found] == [("Defence", 2, True), ("Economy & industry", 9, True)]


def test_one_line_or_a_sentence_after_the_colon_is_no_list():
    toks = tokens("Defence : Salem Warda", "Health : the ministry said it would act")
    assert list_entries(toks, [], modifiers(toks, "defence", "health"), JOINERS, PARTICLES) == []


def test_a_title_line_goes_past_an_acronym_and_the_colon():
    toks = tokens("Prime minister ( GNA ) : Karim Bashir", "Defence : Salem Warda")
    title = Title(start=0, end=2, phrase_start=0, phrase_end=2, title="Prime minister", head="minister",
                  category="office")
    first, second = list_entries(toks, [title], modifiers(toks, "defence"), JOINERS, PARTICLES)
    assert (first.title, first.phrase_end, second.title) == ("Prime minister", 6, "Defence")


def test_a_name_ends_with_its_line_and_is_short_and_capitalised():
    toks = tokens("Ali bin Hamdi", "Omar")
    assert name_end(toks, 0, PARTICLES) == 3
    assert name_end(tokens("the ministry"), 0, PARTICLES) is None


def _office(start: int, end: int) -> Title:
    return Title(start=start, end=end, phrase_start=start, phrase_end=end, title="Interior Minister",
                 head="minister", category="office")


def test_a_name_opening_a_list_line_before_a_comma_an_office_and_a_colon_is_found():
    toks = tokens("The new cabinet :", "- Salem bin Warda , Interior Minister : a lawyer , he studied law .")
    assert name_heading_entry(toks, _office(10, 12), PARTICLES) == (6, 9)
    toks = tokens("Omar Kadi , Interior Minister : no comment")
    assert name_heading_entry(toks, _office(3, 5), PARTICLES) == (0, 2)


def test_no_heading_name_without_the_colon_the_line_start_or_a_second_word():
    assert name_heading_entry(tokens("Omar Kadi , Interior Minister , said no"), _office(3, 5), PARTICLES) is None
    assert name_heading_entry(tokens("He met Omar Kadi , Interior Minister : no"), _office(5, 7), PARTICLES) is None
    assert name_heading_entry(tokens("- Kadi , Interior Minister : no"), _office(3, 5), PARTICLES) is None


def _minister(start: int, end: int, text: str) -> Title:
    return Title(start=start, end=end, phrase_start=start, phrase_end=end, title=text, head="ministre",
                 category="office")


def test_name_first_lines_give_the_name_before_the_colon_past_bullet_and_courtesy_title():
    toks = tokens("Le nouveau cabinet :", "- M. Karim Salhi : ministre de la Justice .",
                  "- Mme Leila Abdou : ministre de la Santé .")
    titles = [_minister(10, 14, "ministre de la Justice"), _minister(21, 25, "ministre de la Santé")]
    found = list_entries(toks, titles, [], JOINERS, PARTICLES, frozenset({"m.", "mme"}))
    assert [t.holder for t in found] == [(7, 9), (18, 20)]


def test_a_name_first_line_alone_or_an_office_that_runs_on_is_no_entry():
    toks = tokens("- M. Karim Salhi : ministre de la Justice .")
    assert list_entries(toks, [_minister(5, 9, "x")], [], JOINERS, PARTICLES, frozenset({"m."}))[0].holder is None
    toks = tokens("Karim Salhi : ministre de la Justice depuis mars", "Leila Abdou : ministre de la Santé depuis mai")
    found = list_entries(toks, [_minister(3, 7, "x"), _minister(13, 17, "y")], [], JOINERS, PARTICLES)
    assert [t.holder for t in found] == [None, None]


def test_a_name_first_line_may_go_on_with_a_remark_after_its_titles_comma_or_full_stop():
    """A who's-who box: '- Ali Salem: Speaker of the House, based in Tobruk.'; a headline's quote after the colon
    ('Ali Salem: Minister must resign') goes on after the title and stays no entry."""
    toks = tokens("- Karim Salhi : Speaker of the House , based in Tobruk .",
                  "- Leila Abdou : Governor of the bank . A lawyer , she ...")
    titles = [_minister(4, 8, "Speaker of the House"), _minister(18, 22, "Governor of the bank")]
    assert [t.holder for t in list_entries(toks, titles, [], JOINERS, PARTICLES)] == [(1, 3), (15, 17)]
    toks = tokens("Karim Salhi : Minister must resign", "Leila Abdou : Governor will stay")
    found = list_entries(toks, [_minister(3, 4, "x"), _minister(9, 10, "y")], [], JOINERS, PARTICLES)
    assert [t.holder for t in found] == [None, None]


def test_bulleted_title_lines_and_long_hyphenated_names_with_a_remark_in_brackets():
    toks = tokens("• Ministre des Sports : Karim Abdel - Razzaq Taher Al - Salhi ( remplace Ali Omar )",
                  "• Ministre du Plan : Leila Abdou")
    titles = [_minister(1, 4, "Ministre des Sports"), _minister(20, 23, "Ministre du Plan")]
    first, second = list_entries(toks, titles, [], JOINERS, PARTICLES)
    assert (first.listed, first.phrase_end, second.listed) == (True, 5, True)
    assert name_end(toks, 5, PARTICLES) == 13
