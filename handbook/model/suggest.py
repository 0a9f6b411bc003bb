"""« Vouliez-vous dire … ? »: the closest known identifier to a mistyped one, for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..typography import fold


def nearest(value: str, known: Iterable[str]) -> str | None:
    """The known identifier nearest to ``value`` (accents and case aside), if one is near enough."""
    choices = {fold(k): k for k in known}
    match = difflib.get_close_matches(fold(value), list(choices), n=1, cutoff=0.6)
    return choices[match[0]] if match else None


def suggestion(value: str, known: Iterable[str]) -> str:
    """« vouliez-vous dire « x » ? » for the nearest known identifier, or an empty string."""
    found = nearest(value, known)
    return f"vouliez-vous dire « {found} » ?" if found else ""


def closest(value: str, known: Iterable[str]) -> str:
    """« (vouliez-vous dire « x » ?) », to follow a message, or an empty string."""
    hint = suggestion(value, known)
    return f" ({hint})" if hint else ""
