"""The real-news gold kept in the repository without its text (issue 19).

The articles are other people's writing, so their text is never committed; the annotations are (names, titles,
organisations and places are facts), with each page's address and a digest of the excerpt annotated, so that a
lost copy of the set costs a re-fetch of the pages, not a re-annotation. Held-out files are gzipped so that no
grep of the tree shows their answers to anyone tuning rules.

    python benchmarks/real_news_set.py pack ANN_DIR TEXT_DIR      # ANN_DIR/ID.json + TEXT_DIR/ID.txt -> tests/gold/realnews/
    python benchmarks/real_news_set.py pack --name probe ANN_DIR TEXT_DIR   # a set of its own: probe-{en,fr}.dev.jsonl
    python benchmarks/real_news_set.py unpack TEXT_DIR OUT_DIR    # -> OUT_DIR/{en,fr,probe-en,...}/{dev,heldout}.jsonl

`unpack` writes the lines the benchmarks read (GUIDELINES.md's format plus url/outlet/date/format); an
article whose text is missing, or whose text differs from the one annotated (digest), is left out and named.
Exit codes: 0 done, 1 some articles left out, 2 usage.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

SET_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold" / "realnews"
SPLITS = ("dev", "heldout")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def set_file(lang: str, split: str, name: str = "") -> Path:
    """The measurement set is `{lang}.{split}`; another set (articles read while tuning, say) `{name}-{lang}.{split}`."""
    stem = f"{name}-{lang}" if name else lang
    return SET_DIR / (f"{stem}.{split}.jsonl.gz" if split == "heldout" else f"{stem}.{split}.jsonl")


def write_lines(path: Path, items: list[dict]) -> None:
    body = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode("utf-8")
    if path.suffix == ".gz":
        body = gzip.compress(body, mtime=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)


def read_lines(path: Path) -> list[dict]:
    body = path.read_bytes()
    text = (gzip.decompress(body) if path.suffix == ".gz" else body).decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def pack(ann_dir: Path, text_dir: Path, name: str = "") -> int:
    groups: dict[tuple[str, str], list[dict]] = {}
    for path in sorted(ann_dir.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        text = (text_dir / f"{item['id']}.txt").read_text(encoding="utf-8")
        item.pop("text", None)
        item["text_sha256"], item["words"] = digest(text), len(text.split())
        groups.setdefault((item["lang"], item["split"]), []).append(item)
    for (lang, split), items in sorted(groups.items()):
        path = set_file(lang, split, name)
        write_lines(path, sorted(items, key=lambda i: i["id"]))
        print(f"{path.relative_to(SET_DIR.parents[2])}: {len(items)} articles")
    return 0


def unpack(text_dir: Path, out_dir: Path) -> int:
    left_out = 0
    for path in sorted(SET_DIR.glob("*.jsonl*")):
        kept = []
        for item in read_lines(path):
            source = text_dir / f"{item['id']}.txt"
            text = source.read_text(encoding="utf-8") if source.is_file() else None
            if text is None or digest(text) != item["text_sha256"]:
                left_out += 1
                print(f"{item['id']}: {'no text' if text is None else 'text differs from the one annotated'}"
                      f" ({item['url']})", file=sys.stderr)
                continue
            kept.append({**item, "text": text})
        lang, split = path.name.split(".")[:2]
        write_lines(out_dir / lang / f"{split}.jsonl", kept)
        print(f"{out_dir / lang / f'{split}.jsonl'}: {len(kept)} articles")
    return 1 if left_out else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    packing = commands.add_parser("pack", help="annotations and texts -> tests/gold/realnews (no text)")
    packing.add_argument("--name", default="", help="a set of its own, beside the measurement set")
    packing.add_argument("ann_dir", type=Path)
    packing.add_argument("text_dir", type=Path)
    unpacking = commands.add_parser("unpack", help="tests/gold/realnews + texts -> JSONL files with text")
    unpacking.add_argument("text_dir", type=Path)
    unpacking.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "pack":
        return pack(args.ann_dir, args.text_dir, args.name)
    return unpack(args.text_dir, args.out_dir)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
