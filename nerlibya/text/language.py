"""Tell apart the languages nerlibya reads (those with a folder in models/lang: English and French).

A function-word vote is enough for languages this far apart and works on a headline: function words
are frequent, short and almost disjoint between English and French. Each language's words come from
its data folder (`function_words`, and `elided_words` for "l'", "d'"), so a third language votes too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge.lexicon import available_languages, load_words

SUPPORTED = available_languages()
_WORD = re.compile(r"[a-zà-ÿœæ']+", re.IGNORECASE)
SAMPLE_CHARS = 4000


@lru_cache(maxsize=1)
def _voters() -> dict[str, tuple[frozenset[str], re.Pattern | None]]:
    """Per language: its function words, and a pattern for its elided words followed by a letter."""
    voters = {}
    for lang in SUPPORTED:
        words = load_words(lang)
        elided = "|".join(map(re.escape, sorted(words.elided_words)))
        elision = re.compile(rf"\b(?:{elided})['’][a-zà-ÿ]", re.IGNORECASE) if elided else None
        voters[lang] = (words.function_words, elision)
    return voters


def detect_language(text: str, default: str = "en") -> str:
    """The language whose function words dominate the first few thousand characters; `default` on a tie."""
    sample = text[:SAMPLE_CHARS]
    words = [w.lower().strip("'") for w in _WORD.findall(sample)]
    scores = {}
    for lang, (function_words, elision) in _voters().items():
        scores[lang] = sum(w in function_words for w in words) + (len(elision.findall(sample)) if elision else 0)
    best = max(scores.values())
    leaders = [lang for lang, score in scores.items() if score == best]
    return leaders[0] if len(leaders) == 1 else default
