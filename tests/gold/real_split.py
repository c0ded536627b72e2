"""The frozen held-out split of the real-news sets (issue 19): a whole outlet is held out or not, by a hash of
its name, decided before any rule was changed. Usage: python tests/gold/real_split.py OUTLET [OUTLET ...] prints
each outlet's split; python tests/gold/real_split.py --check FILE.jsonl [...] counts articles per split and
checks every line's "split" against its "outlet"."""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter

HELD_OUT_SHARE = 0.4  # of outlets; README of the set reports the share of articles


def outlet_key(outlet: str) -> str:
    """The outlet as the split sees it: lower case, no "www.", no spaces ("Libya Herald" = "libyaherald")."""
    key = outlet.strip().lower().removeprefix("www.")
    return "".join(ch for ch in key if ch.isalnum() or ch == ".")


def split_for(outlet: str) -> str:
    digest = int(hashlib.sha1(outlet_key(outlet).encode("utf-8")).hexdigest()[:8], 16)
    return "heldout" if digest % 100 < HELD_OUT_SHARE * 100 else "dev"


def check(paths: list[str]) -> int:
    counts: Counter = Counter()
    wrong = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                item = json.loads(line)
                expected = split_for(item["outlet"])
                counts[(item.get("lang"), expected)] += 1
                if item.get("split") != expected:
                    wrong += 1
                    print(f"{item.get('id')}: split {item.get('split')!r}, outlet {item['outlet']!r} says {expected}")
    for lang in sorted({lang for lang, _ in counts}):
        dev, held = counts[(lang, "dev")], counts[(lang, "heldout")]
        print(f"{lang}: {dev + held} articles, {dev} dev, {held} held-out ({held / max(dev + held, 1):.0%})")
    return 1 if wrong else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"]:
        raise SystemExit(check(sys.argv[2:]))
    for name in sys.argv[1:]:
        print(f"{split_for(name)}\t{outlet_key(name)}")
