"""Records hold printable names: no NUL, ESC or other C0/C1 control character, no terminal escape sequence,
whatever the article's bytes (issue 18: CSI/OSC sequences in article text reached the terminal through names)."""

from __future__ import annotations

import re

import pytest

from nerlibya.api import Extractor
from nerlibya.record import printable

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("raw,clean", [
    ("Ahmed\x1b[31m Salem\x1b[0m", "Ahmed Salem"),
    ("\x1b]0;window title\x07Ali Omar", "Ali Omar"),
    ("\x1b]8;;http://example.org\x1b\\Ali\x1b]8;;\x1b\\ Omar", "Ali Omar"),
    ("Ali\x00 Omar\x9b2J", "Ali Omar"),
    ("Ali\x1b", "Ali"),
    ("Ali\tOmar\x85\r\n", "Ali Omar"),
    ("Émile Zola-Çelik", "Émile Zola-Çelik"),
])
def test_printable_drops_escape_sequences_and_controls(raw, clean):
    assert printable(raw) == clean


@pytest.fixture(scope="module")
def rules_extractor():
    return Extractor(lang="en", rules_only=True)


def _texts(record: dict) -> list[str]:
    texts = []
    for group in ("people", "organisations", "places"):
        for entity in record[group]:
            texts += [entity["name"], *entity["forms"]]
            for role in entity.get("roles", ()):
                texts += [role["title"], role["organisation"] or "", role["of"] or ""]
    return texts


@pytest.mark.parametrize("noise", ["\x1b[2J", "\x1b]0;owned\x07", "\x00", "\x9b31m", "\x07", "\x1bc", "\x7f"])
def test_names_forms_and_titles_in_records_hold_no_control_character(rules_extractor, noise):
    text = (f"Prime Minister Abdul Hamid{noise} Dbeibah met Field Marshal Khalifa {noise}Haftar{noise} in "
            f"Tripoli{noise} on Monday. The Government of National Unity{noise} said Dbeibah{noise} would return.")
    record = rules_extractor.extract(text).to_dict()
    assert record["people"]
    for value in _texts(record):
        assert not CONTROL.search(value), repr(value)
