"""Cross-article identity (nerlibya.corpus.identity): pure functions over invented observations."""

from __future__ import annotations

import random
from pathlib import Path

from nerlibya.corpus.identity import Observation, RoleSeen, cluster
from nerlibya.corpus.labelled import pairwise, read_labelled, score_clusters

LABELLED = Path(__file__).parent / "fixtures" / "corpus" / "identity_labelled.yaml"


def person(doc: str, name: str, *roles: tuple[str, str | None], date: str = "2020-01-01", kb_id: str | None = None,
           places: tuple[str, ...] = ()) -> Observation:
    return Observation(doc=doc, source=f"{doc}.txt", kind="person", name=name, date=date, forms=(name,), kb_id=kb_id,
                       roles=tuple(RoleSeen(t, o) for t, o in roles), places=places)


def together(clusters, *names: str) -> bool:
    return any({o.name for o in c.observations} >= set(names) for c in clusters)


def test_three_transliterations_in_three_articles_are_one_person():
    governor = ("Governor", "Central Bank of Libya")
    clusters = cluster([person("a", "Salem Gheriani", governor, date="2019-03-02"),
                        person("b", "Salim Ghiryani", governor, date="2019-07-10"),
                        person("c", "Salem al-Gharyani", ("Central Bank Governor", None), date="2020-01-15")])
    assert len(clusters) == 1
    entity = clusters[0]
    assert set(entity.spellings) == {"Salem Gheriani", "Salim Ghiryani", "Salem al-Gharyani"}
    assert entity.documents == ("a", "b", "c") and (entity.first_date, entity.last_date) == ("2019-03-02", "2020-01-15")
    assert entity.kb_id is None and entity.id.startswith("corpus:salem-gheriani-")
    assert entity.titles[0] == "Governor"


def test_look_alike_names_stay_apart_even_with_a_shared_title():
    clusters = cluster([person("a", "Hamid Ali", ("Mayor", None)), person("b", "Hamad Ali", ("Mayor", None)),
                        person("c", "Leila Bugaighis", ("Director", "Benghazi Medical Centre")),
                        person("d", "Ila Bugaighis", ("Director", "Benghazi Medical Centre"))])
    assert len(clusters) == 4


def test_a_chain_of_close_spellings_does_not_join_names_that_are_not_alike():
    mayor = ("Mayor", None)  # Hamid ~ Hamed and Hamed ~ Hamad pass the threshold; Hamid ~ Hamad does not
    clusters = cluster([person("a", "Hamid Ali", mayor), person("b", "Hamed Ali", mayor), person("c", "Hamad Ali", mayor)])
    assert not together(clusters, "Hamid Ali", "Hamad Ali")


def test_the_same_title_in_two_organisations_is_no_evidence():
    clusters = cluster([person("a", "Hamid Ali", ("Mayor", "Zuwara Council")),
                        person("b", "Hamid Aly", ("Mayor", "Sabha Council"))])
    assert len(clusters) == 2


def test_relatives_sharing_a_surname_stay_apart():
    commander = ("Commander", "Libyan National Army")
    clusters = cluster([person("a", "Khalifa Haftar", commander, kb_id="khalifa-haftar"),
                        person("b", "Saddam Haftar", commander), person("c", "Saqr Haftar", commander)])
    assert len(clusters) == 3


def test_an_unknown_spelling_joins_its_kb_person_on_shared_evidence():
    brigade = ("Commander", "Tariq Ben Zeyad Brigade")
    clusters = cluster([person("a", "Saddam Haftar", brigade, kb_id="saddam-haftar"), person("b", "Saddam Hafter", brigade)])
    assert [c.id for c in clusters] == ["saddam-haftar"] and len(clusters[0].documents) == 2


def test_two_people_one_article_shows_as_distinct_never_join():
    minister = ("Minister", None)
    clusters = cluster([person("a", "Ali Zidan", minister), person("a", "Ali Zeidan", minister),
                        person("b", "Ali Zeidan", minister), person("c", "Ali Zidan", minister)])
    assert all(len(set(c.documents)) == len(c.documents) for c in clusters)
    assert not any("a" in c.documents and len({o.name for o in c.observations if o.doc == "a"}) > 1 for c in clusters)


def test_namesakes_with_the_same_spelling_split_on_conflicting_roles():
    clusters = cluster([person("a", "Mohamed Ali", ("Minister of Health", "Government of National Unity")),
                        person("b", "Mohamed Ali", ("Striker", "Al-Ahly Benghazi")),
                        person("c", "Mohamed Ali", ("Minister of Health", "Government of National Unity"))])
    assert sorted(c.documents for c in clusters) == [("a", "c"), ("b",)]


def test_variants_without_shared_evidence_stay_apart():
    clusters = cluster([person("a", "Abdulrahman Sewehli"), person("b", "Abdel Rahman Swehli")])
    assert len(clusters) == 2


def test_a_two_part_name_joins_its_spelling_without_context_but_a_lone_surname_does_not():
    assert len(cluster([person("a", "Faraj Bumtari"), person("b", "Faraj Bumtari")])) == 1
    assert len(cluster([person("a", "Bumtari"), person("b", "Bumtari")])) == 2
    assert len(cluster([person("a", "Bumtari", ("Minister", "GNA")), person("b", "Bumtari", ("Minister", "GNA"))])) == 1


def test_ids_are_stable_across_runs_input_order_and_a_corpus_extended_later():
    observations, _ = read_labelled(LABELLED)
    first = {c.id: c.documents for c in cluster(observations)}
    shuffled = observations[:]
    random.Random(7).shuffle(shuffled)
    assert {c.id: c.documents for c in cluster(shuffled)} == first
    later = [person("z1", "Salem Gheriani", ("Governor", "Central Bank of Libya"), date="2030-01-01")]
    extended = {c.id: c.documents for c in cluster(observations + later)}
    assert all(extended[i][: len(docs)] == docs for i, docs in first.items())


def test_labelled_set_pairwise_scores():
    observations, truth = read_labelled(LABELLED)
    score = score_clusters(cluster(observations), truth)
    assert score.precision == 1.0  # no two people merged
    assert score.recall >= 0.75  # measured 0.75 (27 of 36 true pairs); see README


def test_pairwise_counts_pairs():
    score = pairwise(["x", "x", "x", "y"], [1, 1, 2, 2])
    assert (score.predicted_pairs, score.true_pairs, score.correct_pairs) == (3, 2, 1)
    assert (score.precision, score.recall) == (1 / 3, 1 / 2)


def test_a_cluster_as_a_row():
    row = cluster([person("a", "Salem Gheriani", ("Governor", None), date="2019-01-02"),
                   person("b", "Salem Gheriani", date="2019-05-06")])[0].to_dict()
    assert row == {"id": row["id"], "kind": "person", "kb_id": None, "name": "Salem Gheriani",
                   "spellings": ["Salem Gheriani"], "documents": 2, "first_date": "2019-01-02",
                   "last_date": "2019-05-06", "titles": ["Governor"], "sources": ["a.txt", "b.txt"]}
