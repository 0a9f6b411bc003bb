"""« Vouliez-vous dire … ? »: the closest known identifier to a mistyped one, for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..typography import fold


def closest(value: str, known: Iterable[str]) -> str:
    """« (vouliez-vous dire « x » ?) » for the known identifier nearest to ``value``, or an empty string."""
    choices = {fold(k): k for k in known}
    match = difflib.get_close_matches(fold(value), list(choices), n=1, cutoff=0.6)
    return f" (vouliez-vous dire « {choices[match[0]]} » ?)" if match else ""
