"""French typography helpers for generated text."""

from __future__ import annotations

import re

_BEFORE = re.compile(r"(?<=\S) ([:;!?»])")


def french_spaces(text: str) -> str:
    """Non-breaking spaces before : ; ! ? » and after « (generated text and tables of contents lose them)."""
    return _BEFORE.sub("\u00a0\\1", text).replace("« ", "«\u00a0")
