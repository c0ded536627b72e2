"""knowledge.datafiles.parse_yaml: a long text's data read back from the cache folder, never different data."""

from __future__ import annotations

import datetime

import yaml

from nerlibya.knowledge import datafiles

LONG = "\n".join(f"- id: p{i}\n  names: [Name {i}, 'Nom {i}é']\n  score: {i / 7}\n  active: {i % 2 == 0}"
                 for i in range(600))


def test_a_long_text_is_parsed_once_and_read_back_alike(tmp_path, monkeypatch):
    monkeypatch.setenv("NERLIBYA_CACHE_DIR", str(tmp_path))
    assert len(LONG) >= datafiles.CACHED_YAML_CHARS
    expected = yaml.safe_load(LONG)
    assert datafiles.parse_yaml(LONG) == expected
    assert len(list(tmp_path.glob("yaml-*.marshal"))) == 1
    monkeypatch.setattr(datafiles.yaml, "load", lambda *args, **kwargs: None)  # now only the file can answer
    again = datafiles.parse_yaml(LONG)
    assert again == expected and repr(again) == repr(expected)


def test_a_broken_file_is_parsed_again_and_a_short_text_or_a_date_keeps_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NERLIBYA_CACHE_DIR", str(tmp_path))
    datafiles.parse_yaml(LONG)
    (stored,) = tmp_path.glob("yaml-*.marshal")
    stored.write_bytes(b"\x00not marshal")
    assert datafiles.parse_yaml(LONG) == yaml.safe_load(LONG)
    stored.unlink()
    assert datafiles.parse_yaml("short: [a, b]") == {"short": ["a", "b"]}
    dated = LONG + "\n- since: 2024-01-31"
    assert datafiles.parse_yaml(dated)[-1] == {"since": datetime.date(2024, 1, 31)}  # marshal cannot hold a date
    assert not list(tmp_path.glob("yaml-*.marshal"))
