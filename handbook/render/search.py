"""Accent folding for the search index, so that « cooperation » finds « coopération »."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from ..typography import fold  # noqa: F401 (re-exported: the macros sort and filter with it)

#: Name of the extra field added to each entry of search_index.json (see mkdocs.yml, search.fields).
FOLDED_FIELD = "sansaccents"
#: Same for the title alone, boosted like the title (see mkdocs.yml, search.fields).
FOLDED_TITLE_FIELD = "titresansaccents"

_TAGS = re.compile(r"<[^>]+>")


_WORD = re.compile(r"[a-z]{3,}")
_TOKEN = re.compile(r"\w+")


def _plural(word: str) -> str | None:
    """French plural (or -aux/-al singular) form of a folded word, None when it already looks plural."""
    if word.endswith("aux"):
        return word[:-3] + "al"
    if word.endswith(("au", "eu")):
        return word + "x"
    if word.endswith("al"):
        return word[:-2] + "aux"
    if not word.endswith(("s", "x", "z")):
        return word + "s"
    return None


def plural_variants(folded: str) -> str:
    """French plural (and -aux/-al singular) forms of the words of a folded text, so that « chartes »
    finds « charte » and « journal » finds « journaux » (Material appends * to every query term)."""
    return " ".join(sorted({v for w in set(_WORD.findall(folded)) if (v := _plural(w))}))


@functools.lru_cache(maxsize=None)
def _search_forms(token: str) -> frozenset[str]:
    """Accent-folded form and plural variants of one lower-case token of the text."""
    folded = token if token.isascii() else fold(token)
    words = [folded] if folded.isalpha() and folded.isascii() else _WORD.findall(folded)
    return frozenset({folded, *(v for w in words if len(w) >= 3 and (v := _plural(w)))})


def add_folded_field(index_path: Path) -> int:
    """Add to each entry the accent-folded forms and plural variants of the words of its title and text that these
    fields do not already contain (and a folded copy of the title); return the number of entries."""
    data = json.loads(index_path.read_text(encoding="utf-8"))
    changed = 0
    for entry in data.get("docs", []):
        plain = _TAGS.sub(" ", f"{entry.get('title', '')} {entry.get('text', '')}")
        tokens = set(_TOKEN.findall(plain.lower()))
        # Only the forms the title and text fields do not hold already: the index stays light on a phone.
        extra = set().union(*map(_search_forms, tokens)) - tokens
        entry[FOLDED_FIELD] = " ".join(sorted(extra))
        title = fold(_TAGS.sub(" ", entry.get("title", "")))
        entry[FOLDED_TITLE_FIELD] = title + " " + plural_variants(title)
        changed += 1
    index_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed
