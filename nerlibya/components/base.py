"""Shared shape of nerlibya components: spaCy's `Pipe` plus one `process(doc)` to implement.

A failure inside `process` goes to the pipeline's error handler (as in spaCy's own rulers), so a batch
run can be told to skip one bad document instead of dying.

Components that hold knowledge (the KB, a language's lexicon) derive from `KnowledgePipe`: like spaCy's
rulers they serialise what they hold (to_disk/from_disk, to_bytes/from_bytes), so a saved pipeline
carries its knowledge and loads with `spacy.load` wherever it goes, whatever KB is installed there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy
import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from ..core.roles import is_glued_hyphen
from ..knowledge.kb import KnowledgeBase, load_kb
from ..knowledge.lexicon import Lexicon, lexicon_from_data, load_lexicon
from .token_lookup import line_around, space_tokens_holding

KB_FILE = "kb.jsonl"
MAX_HEADLINE_TOKENS = 40
LEXICON_FILE = "lexicon.json"


class NerlibyaPipe(Pipe):
    """Stateless apart from what `__init__` builds from data; no training."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self.process(doc)
        except Exception as exc:
            return self.get_error_handler()(self.name, self, [doc], exc)

    def process(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError


class KnowledgePipe(NerlibyaPipe):
    """A component built from the KB (and, if `uses_lexicon`, its language's lexicon).

    The knowledge comes from, in this order: objects handed to the constructor (tests inject a KB),
    a saved copy (`from_disk`/`from_bytes`), or the folders in its config, read on `initialize` or on
    first use. A folder given in the config is read or refused with a KnowledgeBaseError; an empty
    setting means the packaged data. Subclasses build what they derive from it in `build()`.
    """

    uses_lexicon = True

    def __init__(self, nlp: Language, name: str, *, kb_path: str = "", lang_path: str = "",
                 kb: KnowledgeBase | None = None, lexicon: Lexicon | None = None):
        self.nlp = nlp
        self.name = name
        self.kb_path = kb_path
        self.lang_path = lang_path
        self.kb: KnowledgeBase | None = None
        self.lexicon: Lexicon | None = None
        if kb is not None:
            self.use(kb, lexicon if lexicon is not None or not self.uses_lexicon else self._read_lexicon())

    @property
    def is_ready(self) -> bool:
        return self.kb is not None

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Read the knowledge from the configured folders, unless the component already holds it."""
        if not self.is_ready:
            self.use(load_kb(self.kb_path or None), self._read_lexicon() if self.uses_lexicon else None)

    def _read_lexicon(self) -> Lexicon:
        return load_lexicon(self.nlp.lang, self.lang_path or None)

    def use(self, kb: KnowledgeBase, lexicon: Lexicon | None) -> None:
        self.kb, self.lexicon = kb, lexicon
        self.build()

    def build(self) -> None:  # pragma: no cover - abstract
        """Derive matchers and indexes from `self.kb` and `self.lexicon`."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if not self.is_ready:
            self.initialize()  # outside the error handler: missing knowledge is a setup error
        return super().__call__(doc)

    # -- serialisation, as spaCy's rulers do it ------------------------------------------------
    def _knowledge(self) -> dict:
        self.initialize()
        lexicon = self.lexicon
        return {"kb": self.kb.to_records(), "lang": lexicon.lang if lexicon else None,
                "lexicon": lexicon.data if lexicon else None}

    def _restore(self, knowledge: dict, source: str) -> None:
        kb = KnowledgeBase.from_records(knowledge["kb"], source=source)
        lexicon = knowledge.get("lexicon")
        self.use(kb, lexicon_from_data(knowledge["lang"], lexicon, source) if lexicon else None)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._knowledge())

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "KnowledgePipe":
        self._restore(srsly.msgpack_loads(bytes_data), "<bytes>")
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        knowledge = self._knowledge()
        serializers = {
            KB_FILE: lambda p: srsly.write_jsonl(p, knowledge["kb"]),
            LEXICON_FILE: lambda p: srsly.write_json(p, {"lang": knowledge["lang"], "data": knowledge["lexicon"]}),
        }
        util.to_disk(util.ensure_path(path), serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "KnowledgePipe":
        path = util.ensure_path(path)
        knowledge: dict = {}

        def read_lexicon(p: Path) -> None:
            saved = srsly.read_json(p)
            knowledge.update(lang=saved["lang"], lexicon=saved["data"])

        util.from_disk(path, {KB_FILE: lambda p: knowledge.update(kb=list(srsly.read_jsonl(p))),
                              LEXICON_FILE: read_lexicon}, exclude)
        self._restore(knowledge, str(path))
        return self


LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines splits on


def is_line_break(token) -> bool:
    """A whitespace token that ends a line, whichever line separator the text uses."""
    return token.is_space and not LINE_BREAKS.isdisjoint(token.text)


def opens_sentence_or_line(token) -> bool:
    """The first word of the doc, of a sentence or of a line (headlines and datelines end without a full stop)."""
    return token.i == 0 or token.is_sent_start or is_line_break(token.doc[token.i - 1])


def sentence_index(doc: Doc, lines: bool = False) -> list[int]:
    """Sentence number of every token; a doc with no sentence boundaries is one sentence. With `lines`, a line
    break also ends a sentence (a heading or a list line ends without a full stop)."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START") and not lines:
        return [0] * len(doc)
    starts = doc.to_array("SENT_START") == 1 if doc.has_annotation("SENT_START") else numpy.zeros(len(doc), bool)
    if lines:
        for i in space_tokens_holding(doc, LINE_BREAKS):
            if i + 1 < len(doc):
                starts[i + 1] = True
    starts[0] = True
    return (starts.cumsum() - 1).tolist()


def on_headline_line(doc: Doc, index: int) -> bool:
    """Is doc[index] on a line written in Title Case (a headline: every word of four letters or more
    capitalised, at least four words, no full stop at the end)?"""
    start, end = line_around(doc, index)
    if end - start > MAX_HEADLINE_TOKENS:
        return False  # a line this long is a paragraph
    if end - start < 4 or doc[end - 1].text in (".", ":"):
        return False  # a headline ends without a full stop; a byline or a sentence ends with one
    words = [doc[i] for i in range(start, end) if doc[i].is_alpha]
    long_words = [t for t in words if len(t) >= 4 and not lower_case_in_title(doc, t.i)]
    return len(words) >= 4 and bool(long_words) and all(t.text[:1].isupper() for t in long_words)


def written_off_its_line(doc: Doc, index: int, text: str) -> bool:
    """Is `text` written in the article outside the line holding doc[index] and that line's copies? A page that
    repeats its headline ('... Envoy In Tripoli Attack', 'Cautious Calm Returns to ...' twice) writes the
    headline's words again without naming anyone by them."""
    start, end = line_around(doc, index)
    line = doc[start:end].text.strip() if end > start else ""
    return text in (doc.text.replace(line, "") if line else doc.text)


def lower_case_in_title(doc: Doc, index: int) -> bool:
    """A word that Title Case leaves in lower case: a function word ('with', 'from'), or the second part of a
    hyphenated compound ('UN-backed', 'Pro-government')."""
    token = doc[index]
    if token.is_lower and token.is_stop:
        return True
    return index >= 2 and token.is_lower and is_glued_hyphen(doc, index - 1)
