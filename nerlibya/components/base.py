"""Shared shape of nerlibya components: spaCy's `Pipe` plus one `process(doc)` to implement.

A failure inside `process` goes to the pipeline's error handler (as in spaCy's own rulers), so a batch
run can be told to skip one bad document instead of dying.
"""

from __future__ import annotations

from spacy.pipeline import Pipe
from spacy.tokens import Doc


class NerlibyaPipe(Pipe):
    """Stateless apart from what `__init__` builds from data; no training, no serialisation needed."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.process(doc)
        except Exception as exc:
            return self.get_error_handler()(self.name, self, [doc], exc)

    def process(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError


LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines splits on


def is_line_break(token) -> bool:
    """A whitespace token that ends a line, whichever line separator the text uses."""
    return token.is_space and not LINE_BREAKS.isdisjoint(token.text)


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token; a doc with no sentence boundaries is one sentence."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    starts = doc.to_array("SENT_START") == 1
    starts[0] = True
    return (starts.cumsum() - 1).tolist()
