"""benchmarks/real_news_set.py: the real-news gold is committed without its text and joined to re-fetched
texts by digest (made-up articles here; no model is loaded)."""

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "real_news_set.py"
COMMITTED = Path(__file__).resolve().parent / "gold" / "realnews"


def _load():
    spec = importlib.util.spec_from_file_location("real_news_set", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def real_news_set(tmp_path, monkeypatch):
    module = _load()
    monkeypatch.setattr(module, "SET_DIR", tmp_path / "repo" / "tests" / "gold" / "realnews")
    return module


def _article(tmp_path: Path, ident: str, split: str, text: str) -> None:
    (tmp_path / "ann").mkdir(exist_ok=True)
    (tmp_path / "text").mkdir(exist_ok=True)
    (tmp_path / "text" / f"{ident}.txt").write_text(text, encoding="utf-8")
    annotation = {"id": ident, "lang": "en", "split": split, "outlet": "example.org", "date": "2020",
                  "format": "news", "url": f"https://example.org/{ident}", "text": text,
                  "people": [{"name": "Jan Smit", "forms": ["Jan Smit"], "roles": []}],
                  "organisations": [], "places": []}
    (tmp_path / "ann" / f"{ident}.json").write_text(json.dumps(annotation), encoding="utf-8")


def test_pack_keeps_no_text_and_gzips_held_out(real_news_set, tmp_path, capsys):
    _article(tmp_path, "a-1", "dev", "Jan Smit spoke.")
    _article(tmp_path, "a-2", "heldout", "Jan Smit left.")
    assert real_news_set.pack(tmp_path / "ann", tmp_path / "text") == 0
    dev = real_news_set.SET_DIR / "en.dev.jsonl"
    held = real_news_set.SET_DIR / "en.heldout.jsonl.gz"
    assert "Jan Smit spoke" not in dev.read_text(encoding="utf-8")
    assert b"Jan Smit" not in held.read_bytes()
    line = real_news_set.read_lines(dev)[0]
    assert "text" not in line and line["words"] == 3 and len(line["text_sha256"]) == 64


def test_unpack_joins_texts_and_names_what_it_leaves_out(real_news_set, tmp_path, capsys):
    _article(tmp_path, "a-1", "dev", "Jan Smit spoke.")
    _article(tmp_path, "a-2", "dev", "Jan Smit left.")
    _article(tmp_path, "a-3", "heldout", "Jan Smit came back.")
    real_news_set.pack(tmp_path / "ann", tmp_path / "text")
    (tmp_path / "text" / "a-2.txt").write_text("Jan Smit left. Read also: more.", encoding="utf-8")
    (tmp_path / "text" / "a-3.txt").unlink()
    assert real_news_set.unpack(tmp_path / "text", tmp_path / "out") == 1
    dev = [json.loads(line) for line in (tmp_path / "out" / "en" / "dev.jsonl").read_text().splitlines()]
    assert [(item["id"], item["text"]) for item in dev] == [("a-1", "Jan Smit spoke.")]
    assert (tmp_path / "out" / "en" / "heldout.jsonl").read_text() == ""
    errors = capsys.readouterr().err
    assert "a-2: text differs from the one annotated" in errors and "a-3: no text" in errors


def test_committed_real_news_gold_holds_no_text():
    module = _load()
    for path in sorted(COMMITTED.glob("*.jsonl*")):
        for item in module.read_lines(path):
            assert "text" not in item, f"{path.name}: {item['id']} carries its article's text"
            assert item["url"].startswith("http") and len(item["text_sha256"]) == 64


def test_a_named_set_is_packed_beside_the_measurement_set_and_unpacked_to_its_own_folder(real_news_set, tmp_path):
    _article(tmp_path, "p-1", "dev", "Jan Smit spoke.")
    real_news_set.pack(tmp_path / "ann", tmp_path / "text", name="probe")
    assert [p.name for p in real_news_set.SET_DIR.iterdir()] == ["probe-en.dev.jsonl"]
    real_news_set.unpack(tmp_path / "text", tmp_path / "out")
    assert "Jan Smit spoke." in (tmp_path / "out" / "probe-en" / "dev.jsonl").read_text()
