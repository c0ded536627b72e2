"""Shorter and abbreviated mentions of one body join its record; distinct bodies stay apart."""

import pytest

from nerlibya.core.org_names import NameGrammar, OrgRecord, head_noun, is_shorter_form, join_shorter_records

ENGLISH = NameGrammar(frozenset({"council", "bank", "house", "committee", "department", "union", "commission",
                                 "parliament", "force"}),
                      frozenset({"of", "for", "on"}), head_first=False)
FRENCH = NameGrammar(frozenset({"conseil", "banque", "chambre", "parlement", "gouvernement"}),
                     frozenset({"de", "du", "des", "d"}), head_first=True)


def record(key, forms, position, kb_id=None, known=()):
    return OrgRecord(key, kb_id, tuple(forms), tuple(known), (position,))


@pytest.mark.parametrize("name, head", [
    ("High Council of State", "council"),
    ("the Central Bank of Libya", "bank"),
    ("Planning, Finance and Budget Committee", "committee"),
    ("US State Department", "department"),
])
def test_head_noun_is_the_kind_of_body(name, head):
    assert head_noun(name, ENGLISH) == head


def test_french_head_comes_first():
    assert head_noun("Haut Conseil d'État", FRENCH) == "conseil"
    assert head_noun("Banque centrale de Libye", FRENCH) == "banque"


@pytest.mark.parametrize("short, full", [
    ("the Central Bank", "Central Bank of Libya"),
    ("the Council", "the Security Council"),
    ("the House", "House of Representatives"),
    ("State Council", "High Council of State"),
    ("Department of State", "US State Department"),
    ("Force", "Security Directorates Support Force for the Regions"),
])
def test_shorter_forms(short, full):
    assert is_shorter_form(short, full, ENGLISH)


@pytest.mark.parametrize("one, other", [
    ("Presidential Council", "High Council of State"),
    ("African Union", "African Union Commission"),  # the union is not its commission
    ("Central Bank of Libya", "Central Bank"),  # the longer one is never the shorter form
])
def test_distinct_bodies_are_not_shorter_forms(one, other):
    assert not is_shorter_form(one, other, ENGLISH)


def test_later_short_mention_joins_the_nearest_fitting_body():
    presidential = record("org:pc", ["Presidential Council"], 0)
    state = record("org:hcs", ["High Council of State"], 10)
    bare = record("org:council", ["the Council"], 20)
    joined = join_shorter_records([presidential, state, bare], ENGLISH)
    assert {key: target.key for key, target in joined.items()} == {"org:council": "org:hcs"}


def test_full_names_of_two_bodies_stay_apart():
    records = [record("org:pc", ["Presidential Council"], 0), record("org:hcs", ["High Council of State"], 5),
               record("org:state", ["State Council"], 9)]
    joined = join_shorter_records(records, ENGLISH)
    assert set(joined) == {"org:state"} and joined["org:state"].key == "org:hcs"


def test_acronym_written_before_its_long_form():
    short = record("org:acme", ["AMPC"], 0)
    full = record("org:long", ["Association of Mediterranean Pipeline Carriers"], 12)
    assert join_shorter_records([short, full], ENGLISH)["org:acme"].key == "org:long"


def test_unlinked_short_form_joins_kb_names_and_takes_the_id():
    linked = record("hor", ["Chambre des représentants"], 3, kb_id="hor", known=("Parlement libyen",))
    bare = record("org:parlement", ["Parlement"], 9)
    assert join_shorter_records([linked, bare], FRENCH)["org:parlement"].kb_id == "hor"


def test_a_known_body_never_joins_another():
    known = record("un-sc", ["Security Council"], 9, kb_id="un-sc")
    other = record("org:nsc", ["National Security Council"], 1)
    assert join_shorter_records([other, known], ENGLISH) == {}


def test_chain_of_shorter_forms_ends_in_the_fullest():
    records = [record("unsc", ["UN Security Council"], 0, kb_id="unsc"), record("org:sc", ["Security Council"], 5),
               record("org:c", ["Council"], 9)]
    joined = join_shorter_records(records, ENGLISH)
    assert joined["org:c"].key == "unsc" and joined["org:sc"].key == "unsc"


def test_shorter_forms_are_matched_against_few_records_not_all(monkeypatch):
    """Hundreds of distinct bodies of one kind in an article: each is compared with the records sharing its
    rarest word, so the comparisons grow with the number of bodies, not with its square."""
    from nerlibya.core import org_names

    calls = [0]
    original = org_names.is_shorter_form

    def counted(*args):
        calls[0] += 1
        return original(*args)

    monkeypatch.setattr(org_names, "is_shorter_form", counted)
    grammar = NameGrammar(frozenset({"committee"}), frozenset({"of", "for"}), head_first=False)
    work = []
    for count in (200, 400):
        calls[0] = 0
        records = [OrgRecord(f"k{i}", None, (f"Zarqa{i:04d} Committee",), (), (i,)) for i in range(count)]
        records.append(OrgRecord("bare", None, ("Committee",), (), (count + 1,)))
        joined = join_shorter_records(records, grammar)
        assert joined["bare"].key == f"k{count - 1}"  # the nearest fuller record before it
        work.append(calls[0])
    assert work[1] < 3 * work[0], work


def test_a_shorter_form_may_add_a_nationality_where_adjectives_go():
    grammar = NameGrammar(FRENCH.bodies, FRENCH.linking_words, True, frozenset({"malien", "malienne"}))
    assert is_shorter_form("Conseil de transition malien", "Conseil national de transition", grammar)
    assert not is_shorter_form("Conseil de transition malien", "Conseil national de transition", FRENCH)
    assert not is_shorter_form("Conseil malien de transition", "Conseil militaire national", grammar)
    full = record("a", ["Conseil national de transition"], 0)
    short = record("b", ["Conseil de transition malien"], 9)
    assert join_shorter_records([full, short], grammar) == {"b": full}
