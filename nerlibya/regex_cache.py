"""A tokenizer's large `token_match` regular expression, compiled once per machine instead of once per process.

spaCy's French tokenizer matches its exceptions with one 1.45-million-character case-insensitive regular
expression, compiled when `spacy.lang.fr` is imported: about 3-4 CPU seconds of Python's `re` compiler in
every process that builds a French pipeline, rules-only or not. The compiled program (`re`'s code words)
only depends on the pattern, its flags and the running Python, so it is kept in a cache file with the
pattern it was compiled from, and handed to `re`'s own cache before spaCy imports the language:
`re.compile(pattern)` then returns that object instead of compiling. A file written by another Python, for
another pattern, unreadable or refused by `_sre` is ignored (the pattern is compiled as usual), so the cache
changes how long a start-up takes, never what the tokenizer matches.

The folder is `$NERLIBYA_CACHE_DIR`, else `$XDG_CACHE_HOME/nerlibya`, else `~/.cache/nerlibya`; a folder that
cannot be written leaves every process compiling, as before.
"""

from __future__ import annotations

import array
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # CPython's regular-expression engine and compiler; without them, nothing is cached
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python
    _sre = None

MIN_LENGTH = 100_000  # patterns shorter than this compile in milliseconds: not worth a file
FORMAT = 1


def cache_dir() -> Path:
    chosen = os.environ.get("NERLIBYA_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    base = Path(chosen) if chosen else Path.home() / ".cache"
    return base if os.environ.get("NERLIBYA_CACHE_DIR") else base / "nerlibya"


def _engine() -> tuple:
    """What a compiled program is only valid for."""
    return (FORMAT, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))


def _path(name: str) -> Path:
    return cache_dir() / f"{name}.regex"


def preload(name: str) -> bool:
    """Put the pattern cached under `name` into `re`'s cache, compiled from the file; False if there is none
    usable (then the next `re.compile` of it compiles as usual)."""
    if _sre is None:
        return False
    try:
        saved = marshal.loads(_path(name).read_bytes())
        engine, pattern, flags, final_flags, groups, groupindex, indexgroup, code_bytes = saved
        if engine != _engine():
            return False
        code = array.array("I" if _sre.CODESIZE == 4 else "H")
        code.frombytes(code_bytes)
        compiled = _sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, indexgroup)
    except Exception:  # missing, truncated, another format, or code `_sre` refuses
        return False
    re._cache[type(pattern), pattern, flags] = compiled  # what re.compile(pattern, flags) looks up first
    return True


def store(name: str, compiled: re.Pattern) -> None:
    """Keep `compiled`'s program under `name` unless the file already holds it (or the pattern is short)."""
    pattern = compiled.pattern
    if _sre is None or not isinstance(pattern, str) or len(pattern) < MIN_LENGTH or _holds(name, pattern):
        return
    try:
        parsed = _parser.parse(pattern, 0)
        if parsed.state.flags != compiled.flags:
            return  # compiled with flags given apart from the pattern: re.compile(pattern) would not look it up
        code = array.array("I" if _sre.CODESIZE == 4 else "H", _compiler._code(parsed, 0))
        indexgroup = [None] * parsed.state.groups
        for group, index in parsed.state.groupdict.items():
            indexgroup[index] = group
        data = marshal.dumps((_engine(), pattern, 0, parsed.state.flags, parsed.state.groups - 1,
                              dict(parsed.state.groupdict), tuple(indexgroup), code.tobytes()))
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}.", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, _path(name))
    except Exception:  # a read-only home, a full disk: the next process compiles, as before
        return


def _holds(name: str, pattern: str) -> bool:
    try:
        saved = marshal.loads(_path(name).read_bytes())
    except Exception:
        return False
    return isinstance(saved, tuple) and len(saved) == 8 and saved[0] == _engine() and saved[1] == pattern
