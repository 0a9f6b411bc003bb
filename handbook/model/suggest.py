"""« Vouliez-vous dire … ? »: the closest known identifier to a mistyped one, for error messages."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable


def plain(text: str) -> str:
    """Lower case without accents, so that « materiel » finds « matériel »."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def closest(value: str, known: Iterable[str]) -> str:
    """« (vouliez-vous dire « x » ?) » for the known identifier nearest to ``value``, or an empty string."""
    choices = {plain(k): k for k in known}
    match = difflib.get_close_matches(plain(value), list(choices), n=1, cutoff=0.6)
    return f" (vouliez-vous dire « {choices[match[0]]} » ?)" if match else ""
