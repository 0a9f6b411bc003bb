"""Small helpers on the HTML and Markdown the build writes: relative links, insertions under a title or a heading."""

from __future__ import annotations

import functools
import posixpath
import re


@functools.lru_cache(maxsize=4096)
def relative_link(from_page: str, target: str) -> str:
    """Link from one page to another, both given relative to docs/ (works over http:// and file://)."""
    return posixpath.relpath("/" + target, "/" + posixpath.dirname(from_page))  # rooted: no lookup of the cwd


def insert_after_title(page_html: str, block: str) -> str:
    """Insert an HTML ``block`` right after the level-1 heading of a page's HTML (or at the top)."""
    end = page_html.find("</h1>")
    end = end + len("</h1>") if end >= 0 else 0
    return page_html[:end] + "\n" + block + "\n" + page_html[end:]


def after_heading(markdown: str, title: str, block: str) -> str:
    """Insert ``block`` at the start of the ``## title`` section of a Markdown text."""
    match = re.search(r"^##\s+" + re.escape(title) + r"\s*$", markdown, re.M)
    if not match:
        return markdown
    return markdown[: match.end()] + "\n\n" + block + "\n" + markdown[match.end():]
