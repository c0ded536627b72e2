"""Which of two bodies a shared name stands for ('gouvernement d'union nationale': the GNA of 2016 or the GNU of
2021), decided by the heads an article names, else its date: pure functions, no pipeline."""

from nerlibya.core.eras import Era, body_of_shared_name, era_of

GNA = era_of("gna", [("sarraj", "2016-03", "2021-03")])
GNU = era_of("gnu", [("dbeibah", "2021-03", None), ("minister", "2021-03", "2023-01")])


def test_an_era_runs_from_the_first_office_to_the_last_end_or_is_open():
    assert (GNA.start, GNA.end, GNA.holders) == ("2016-03", "2021-03", frozenset({"sarraj"}))
    assert (GNU.start, GNU.end) == ("2021-03", None)


def test_the_head_named_decides():
    assert body_of_shared_name([GNA, GNU], frozenset({"dbeibah"}), "2019-05-01") == "gnu"
    assert body_of_shared_name([GNA, GNU], frozenset({"sarraj", "haftar"}), "2023-05-01") == "gna"


def test_with_both_heads_or_none_the_date_decides():
    assert body_of_shared_name([GNA, GNU], frozenset({"sarraj", "dbeibah"}), "2022-01") == "gnu"
    assert body_of_shared_name([GNA, GNU], frozenset(), "2020-09") == "gna"
    assert body_of_shared_name([GNA, GNU], frozenset(), "2021-03-16") == "gnu"  # the end month is the next body's
    assert body_of_shared_name([GNA, GNU], frozenset(), "2021") == "gnu"  # compared at the year: ended, begun


def test_no_head_and_no_date_or_a_date_before_both_decide_nothing():
    assert body_of_shared_name([GNA, GNU], frozenset(), None) is None
    assert body_of_shared_name([GNA, GNU], frozenset(), "2011-11") is None
