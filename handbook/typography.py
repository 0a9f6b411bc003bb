"""French typography helpers for generated text."""

from __future__ import annotations

import re

_BEFORE = re.compile(r"(?<=\S) ([:;!?»])")


def french_spaces(text: str) -> str:
    """Non-breaking spaces before : ; ! ? » and after « (generated text and tables of contents lose them)."""
    return _BEFORE.sub("\u00a0\\1", text).replace("« ", "«\u00a0")


_MD_BEFORE = re.compile(r"(?<=[^\s|]) ([:;!?](?=\s|$|[”\")*_])|»)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def french_spaces_markdown(markdown: str) -> str:
    """Apply ``french_spaces`` to the prose of a Markdown text (code blocks and inline code left alone),
    so that authors may type ordinary spaces before : ; ! ? and inside « »."""
    if "`" not in markdown and "~~~" not in markdown:  # no code: the whole text at once
        return _MD_BEFORE.sub("\u00a0\\1", markdown).replace("« ", "«\u00a0")
    out, fence = [], None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if match:
            fence = None if fence and line.strip().startswith(fence) else (fence or match.group(1))
            out.append(line)
            continue
        if fence:
            out.append(line)
            continue
        parts = re.split(r"(`[^`]*`)", line)
        parts = [p if p.startswith("`") else _MD_BEFORE.sub("\u00a0\\1", p).replace("« ", "«\u00a0")
                 for p in parts]
        out.append("".join(parts))
    return "\n".join(out)
