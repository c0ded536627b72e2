"""nerlibya.regex_cache: a large pattern compiled once per machine, never a different match."""

from __future__ import annotations

import re

from nerlibya import regex_cache

WORDS = [f"mot{i}-{chr(97 + i % 26)}é" for i in range(12_000)]
PATTERN = "(?iu)" + "|".join(f"(?:^{w}$)" for w in WORDS)


def test_a_stored_pattern_is_handed_to_re_and_matches_alike(tmp_path, monkeypatch):
    monkeypatch.setenv("NERLIBYA_CACHE_DIR", str(tmp_path))
    compiled = re.compile(PATTERN)
    regex_cache.store("probe", compiled)
    assert (tmp_path / "probe.regex").is_file()
    re.purge()
    assert regex_cache.preload("probe")
    again = re.compile(PATTERN)
    assert again is re._cache[str, PATTERN, 0]
    for text in ("MOT5-FÉ", "mot11999-ré", "mot5-f", "autre", ""):
        assert bool(again.match(text)) == bool(compiled.match(text))
    assert again.flags == compiled.flags


def test_a_file_for_another_python_or_broken_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("NERLIBYA_CACHE_DIR", str(tmp_path))
    assert not regex_cache.preload("missing")
    (tmp_path / "broken.regex").write_bytes(b"not marshal data")
    assert not regex_cache.preload("broken")
    regex_cache.store("short", re.compile("(?i)abc"))  # short patterns compile in no time: no file
    assert not (tmp_path / "short.regex").exists()
