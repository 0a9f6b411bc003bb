"""Accent folding for the search index, so that « cooperation » finds « coopération »."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

#: Name of the extra field added to each entry of search_index.json (see mkdocs.yml, search.fields).
FOLDED_FIELD = "sansaccents"
#: Same for the title alone, boosted like the title (see mkdocs.yml, search.fields).
FOLDED_TITLE_FIELD = "titresansaccents"

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_TAGS = re.compile(r"<[^>]+>")


_MARKS = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case text without diacritics (œ → oe)."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_LIGATURES))).lower()


_WORD = re.compile(r"[a-z]{3,}")


def plural_variants(folded: str) -> str:
    """French plural (and -aux/-al singular) forms of the words of a folded text, so that « chartes »
    finds « charte » and « journal » finds « journaux » (Material appends * to every query term)."""
    extra = set()
    for word in set(_WORD.findall(folded)):
        if word.endswith("aux"):
            extra.add(word[:-3] + "al")
        elif word.endswith(("au", "eu")):
            extra.add(word + "x")
        elif word.endswith("al"):
            extra.add(word[:-2] + "aux")
        elif not word.endswith(("s", "x", "z")):
            extra.add(word + "s")
    return " ".join(sorted(extra))


def add_folded_field(index_path: Path) -> int:
    """Add an accent-folded copy of title and text, with plural variants, to each entry; return their number."""
    data = json.loads(index_path.read_text(encoding="utf-8"))
    changed = 0
    for entry in data.get("docs", []):
        plain = _TAGS.sub(" ", f"{entry.get('title', '')} {entry.get('text', '')}")
        folded = fold(plain)
        entry[FOLDED_FIELD] = folded + " " + plural_variants(folded)
        title = fold(_TAGS.sub(" ", entry.get("title", "")))
        entry[FOLDED_TITLE_FIELD] = title + " " + plural_variants(title)
        changed += 1
    index_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed
