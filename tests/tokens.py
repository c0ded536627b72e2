"""Hand-made tokens and entities for testing the pure rule core without a spaCy pipeline."""

from __future__ import annotations

from dataclasses import dataclass

STOP_WORDS = frozenset({"the", "of", "to", "a", "and", "le", "la", "de", "du", "des"})


@dataclass(frozen=True)
class Tok:
    text: str
    ent_type_: str = ""
    ent_iob_: str = "O"
    ent_id_: str = ""
    whitespace_: str = " "

    @property
    def lower_(self) -> str:
        return self.text.lower()

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def is_punct(self) -> bool:
        return not any(c.isalnum() for c in self.text)

    @property
    def is_lower(self) -> bool:
        return self.text.islower()

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def is_stop(self) -> bool:
        return self.lower_ in STOP_WORDS


@dataclass(frozen=True)
class Ent:
    start: int
    end: int
    label_: str
    id_: str = ""
    text: str = ""


def make_tokens(text: str, ents: dict[tuple[int, int], str]) -> list[Tok]:
    """Whitespace-separated tokens; `ents` maps token ranges to entity labels."""
    labels = {i: (label, "B" if i == start else "I") for (start, end), label in ents.items() for i in range(start, end)}
    return [Tok(word, *labels.get(i, ("", "O"))) for i, word in enumerate(text.split())]
