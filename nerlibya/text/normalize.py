"""Pure string helpers for comparing names across outlets, scripts of transliteration and languages.

Nothing here knows about spaCy: the components call these functions, and tests exercise them directly.
The word lists come from models/lang/names.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from ..knowledge.lexicon import load_name_rules
from .transliteration import part_similarity, parts_alike, short_form_partners

APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
DASHES = "\u2010\u2011\u2012\u2013\u2014"
_NAME_RULES = load_name_rules()  # models/lang/names.yaml: the same for every language, so KB keys agree
# an article is a word of its own ('the LNA'), or elided ("l'ANL"): 'Theresa' and 'Lebanon' keep their letters
_LEADING_ARTICLES = re.compile(
    "^(?:" + "|".join(re.escape(a[:-1]) + "['\u2019]" if a.endswith("'") else re.escape(a) + r"\s+"
                      for a in _NAME_RULES.leading_articles) + r")\s*",
    re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
ARABIC_ARTICLES = _NAME_RULES.arabic_articles
# 'Ould' ('son of'), which a Mauritanian name writes or leaves out: no part of the name's key but as its last word
_OPTIONAL_PARTS = ARABIC_ARTICLES | _NAME_RULES.filial_particles
GLUED_ARTICLES = _NAME_RULES.glued_articles


def strip_accents(text: str) -> str:
    """'Élysée' -> 'Elysee': outlets drop accents freely, so we compare without them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def unify_punctuation(text: str) -> str:
    """Curly apostrophes and typographic dashes become their ASCII forms."""
    for ch in APOSTROPHES:
        text = text.replace(ch, "'")
    for ch in DASHES:
        text = text.replace(ch, "-")
    return text


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison key of a name: no accents, ASCII punctuation, lower case, single spaces."""
    text = strip_accents(unify_punctuation(text)).casefold()
    return " ".join(text.split())


def strip_determiner(text: str) -> str:
    """'the LNA's' -> 'LNA': the article and possessive are not part of a name."""
    text = _LEADING_ARTICLES.sub("", text.strip())
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "\u2019s")) else text


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Fold a mention and drop articles, possessives, and the Arabic article and 'Ould' on name parts.

    Never empty for a text with a letter or digit: a mention that is all article ('La', 'The') keeps its
    folded form, so that two such mentions are not one name by an empty key.
    """
    parts = fold(strip_determiner(text)).replace("-", " ").split()
    key = " ".join(p for i, p in enumerate(parts) if p not in _OPTIONAL_PARTS or i == len(parts) - 1)
    return key or fold(text)


def surface_variants(alias: str) -> set[str]:
    """The spellings under which one alias is written: accents or none, curly or straight quotes,
    'al-' written 'al-', 'el-' or left out, a two-letter acronym inside a longer name with dots or without ('U.N.').

    Used to expand knowledge-base aliases into match patterns, so curators list a name once.
    """
    base = {alias, strip_accents(alias)}
    quoted = set()
    for form in base:
        straight = unify_punctuation(form)
        quoted |= {straight, straight.replace("'", "\u2019")}
    variants = set()
    for form in quoted:
        words = form.split()
        options = []
        for word in words:
            match = re.match(r"^(al|el|Al|El)-(.+)$", word)
            if match:
                rest = match.group(2)
                options.append([f"al-{rest}", f"el-{rest}", f"Al-{rest}", f"El-{rest}", rest])
            elif re.fullmatch(r"[A-Z]{2}", word):
                options.append([word, f"{word[0]}.{word[1]}."])  # 'UN Security Council', 'U.N. Security Council'
            else:
                options.append([word])
        if len(words) > 1 and any(len(o) > 1 for o in options):
            for combo in product(*options):
                variants.add(" ".join(combo))
        else:
            variants.add(form)
    return variants


_SKELETON_MAP = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "s", "v": "f", "p": "b"})


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a transliterated word: Dbeibah, Dbeiba, Dbeibeh and Dbaiba all give 'dbb'.

    Vowels, 'h' after a consonant, doubled letters and a final 'h' carry little information across
    Arabic-to-Latin transliterations; 'q'/'g'/'k' and 'sh'/'ch' are swapped by outlets.
    """
    word = name_key(word).replace(" ", "")
    if not word:
        return ""
    word = word.replace("sh", "s").replace("ch", "s").replace("kh", "k").replace("th", "t")
    word = word.replace("ou", "u").translate(_SKELETON_MAP)
    head, tail = word[0], word[1:]
    tail = re.sub(r"[aeiouyhw'\-]", "", tail)
    out = head
    for ch in tail:
        if ch != out[-1]:
            out += ch
    return out


MAX_DELETION_KEYED_LENGTH = 20


@lru_cache(maxsize=65536)
def spelling_keys(part: str) -> frozenset[str]:
    """Keys under which a name part is filed, so that parts `token_similarity` finds alike share one: the
    part, its consonant skeleton, and each form with one letter deleted. Two parts pass 0.84 by being equal,
    by sharing a skeleton, or by a close spelling; the deletion forms cover every close spelling one letter
    added, dropped or changed ('Abdelrahman', 'Abderrahman'). Spellings further apart almost always differ
    in vowels, 'h' or doubled letters, which the skeleton ignores; the rare rest are not compared. Parts
    over 20 letters get no deletion forms (a very long token would otherwise give thousands)."""
    part = name_key(part)
    keys = {part, "~" + skeleton(part), *short_form_partners(part)}  # 'Chris' is filed under 'christopher' too
    if len(part) <= MAX_DELETION_KEYED_LENGTH:
        keys.update(part[:i] + part[i + 1 :] for i in range(len(part)))
    return frozenset(keys)


def token_similarity(a: str, b: str) -> float:
    """Similarity of two single name parts in [0, 1], by transliteration equivalences (see transliteration.py)."""
    a, b = name_key(a), name_key(b)
    if a == b:
        return 1.0
    return part_similarity(a, b)


def tokens_alike(a: str, b: str, threshold: float) -> bool:
    """token_similarity(a, b) >= threshold, without finishing the comparison of parts that cannot reach it."""
    a, b = name_key(a), name_key(b)
    if a == b:
        return 1.0 >= threshold
    return parts_alike(a, b, threshold)


def name_similarity(a: str, b: str) -> float:
    """How likely two full names denote one person: the weakest aligned part decides.

    'Vincent Girod' ~ 'Vincent Giraud' is high; 'Saddam Haftar' ~ 'Saqr Haftar' is low because the
    given names differ, however alike the surnames are.
    """
    pa, pb = name_key(a).split(), name_key(b).split()
    if not pa or not pb:
        return 0.0
    if len(pa) != len(pb):
        short, long_ = (pa, pb) if len(pa) < len(pb) else (pb, pa)
        # 'Abdul Hamid Dbeibah' ~ 'Abdulhamid Dbeibah': compare with the long side's leading parts joined
        joined = ["".join(long_[: len(long_) - len(short) + 1])] + long_[len(long_) - len(short) + 1 :]
        return min(token_similarity(x, y) for x, y in zip(short, joined))
    return min(token_similarity(x, y) for x, y in zip(pa, pb))


def is_acronym(text: str) -> bool:
    """'GNU', 'HoR', 'UNSMIL', 'ANL': two or more letters, mostly capitals, no spaces."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or len(text) > 10 or " " in text:
        return False
    return text[0].isupper() and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


ACRONYM_SKIP_WORDS = _NAME_RULES.acronym_skip_words


def _acronym_words(long_words: list[str]) -> tuple[list[str], list[str]]:
    """The folded words an acronym is read from, and the content words among them (each must give a letter).
    A token that folds to nothing (a run of spaces, a no-break space, a lone combining mark) is no word."""
    words = [w for w in map(fold, long_words) if w.strip("-'")]
    return words, [w for w in words if w.strip("'’") not in ACRONYM_SKIP_WORDS]  # "l'", "d'" give no letter


def acronym_initial(long_words: list[str]) -> str:
    """The letter an acronym of these words must start with: its first content word's ('' if none)."""
    content = _acronym_words(long_words)[1]
    return content[0][0] if content else ""


def _initials_given(initials: str, letters: list[str]) -> int:
    """How many of the words' initials the letters give, in order."""
    given, i = 0, 0
    for ch in initials:
        found = next((k for k in range(i, len(letters)) if letters[k] == ch), None)
        if found is not None:
            given, i = given + 1, found + 1
    return given


def acronym_fits(long_words: list[str], short: str) -> bool:
    """Does the short form abbreviate these words? Schwartz-Hearst in spirit: the acronym's letters
    appear in order, the first at the start of the first content word, and every content word
    contributes (so 'National Oil Corporation' fits 'NOC', 'House of Representatives' fits 'HoR').
    """
    letters = [c.lower() for c in short if c.isalnum()]
    words, content = _acronym_words(long_words)
    if not letters or not content or content[0][0] != letters[0]:
        return False
    initials = "".join(w[0] for w in content)
    if initials == "".join(letters):
        return True
    all_initials = "".join(w[0] for w in words)
    if all_initials == "".join(letters):
        return True
    # tolerate one unlisted letter from inside a word ('UNSMIL': UN Support Mission In Libya): all letters but
    # one are content words' initials, in order ('NNN' does not abbreviate 'National Oil Corporation')
    if _initials_given(initials, letters) < len(letters) - 1:
        return False
    text = " ".join(words)
    pos = 0
    for ch in letters:
        pos = text.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return len(content) <= len(letters) + 1 and len(content) >= max(2, len(letters) - 2)
