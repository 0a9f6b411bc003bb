"""Slide blocks on the pages (``!!! diapo``, see ``model.slides``), before mkdocs-macros renders the page.

- Participant edition: the blocks are trainer material (like ``!!! animation``): removed, notes and all.
- Trainer edition: each block becomes one HTML block (``md_in_html``) that room mode projects and the presenter view
  reads: ``div.manuel-diapo-bloc`` with its title, its content and its notes (``div.manuel-diapo-bloc__notes``).
  Without the ``page`` option the block is slide-only: hidden on the page (CSS) and left out of the search index.

This runs before mkdocs-macros, so that a figure macro in a block is rendered at the start of a line (an admonition
body cannot take the multi-line HTML of a figure) and with its own id prefix (the page may show the same figure).
"""

from __future__ import annotations

import html
import re
import textwrap

from ..model.slides import _FIGURE, _HEAD, _NOTES, SLIDE_BLOCK


def strip_slides(markdown: str) -> str:
    """Remove every slide block (participant edition)."""
    return SLIDE_BLOCK.sub("", markdown)


def _block(number: int, match: re.Match) -> str:
    head = _HEAD.match(match.group("head"))
    title = (head.group("title") or "") if head else ""
    options = head.group("options").split() if head else []
    inner = textwrap.dedent(match.group("body"))
    notes = _NOTES.search(inner)
    notes_html = ""
    if notes:
        notes_html = ('<div class="manuel-diapo-bloc__notes" markdown="1">\n\n'
                      + textwrap.dedent(notes.group("body")).strip() + "\n\n</div>\n")
        inner = inner[:notes.start()] + inner[notes.end():]
    inner = _FIGURE.sub(lambda m: f'{{{{ figure("{m.group(1)}", prefixe="diapo-{number}-") }}}}', inner)
    classes = ["manuel-diapo-bloc"] + (["manuel-diapo-titre"] if "titre" in options else []) + (
        [] if "page" in options else ["manuel-diapo-seule"])
    return (f'<div class="{" ".join(classes)}" data-diapo="{number}" data-search-exclude="" markdown="1">\n\n'
            f'<p class="manuel-diapo-bloc__titre"><span class="manuel-diapo-bloc__rang">Diapositive {number}</span> '
            f'<span class="manuel-diapo-bloc__nom">{html.escape(title, quote=False)}</span></p>\n\n'
            f"{inner.strip()}\n\n{notes_html}\n</div>\n")


def slides_markdown(edition: str, markdown: str) -> str:
    """The page's Markdown with its slide blocks removed (participant) or written as HTML blocks (trainer)."""
    if "!!! diapo" not in markdown:
        return markdown
    if edition == "participant":
        return strip_slides(markdown)
    counter = iter(range(1, 1000))
    return SLIDE_BLOCK.sub(lambda m: _block(next(counter), m), markdown)
