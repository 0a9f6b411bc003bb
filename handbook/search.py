"""Accent folding for the search index, so that « cooperation » finds « coopération »."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

#: Name of the extra field added to each entry of search_index.json (see mkdocs.yml, search.fields).
FOLDED_FIELD = "sansaccents"

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_TAGS = re.compile(r"<[^>]+>")


def fold(text: str) -> str:
    """Lower-case text without diacritics (œ → oe)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def add_folded_field(index_path: Path) -> int:
    """Add an accent-folded copy of title and text to each entry; return the number of entries changed."""
    data = json.loads(index_path.read_text(encoding="utf-8"))
    changed = 0
    for entry in data.get("docs", []):
        plain = _TAGS.sub(" ", f"{entry.get('title', '')} {entry.get('text', '')}")
        folded = fold(plain)
        if folded != plain.lower():
            entry[FOLDED_FIELD] = folded
            changed += 1
    index_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed
