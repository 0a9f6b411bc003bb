"""The links of the pages, checked as the author wrote them: every Markdown link of a page (once its macros are
rendered and, in the participant edition, the trainer's blocks removed) must lead to a file of this edition and, with
an anchor, to a heading or an id of the page it names. Reported with the catalogue's keys, at the line of the link.

MkDocs checks the same links but tells in English, in its log; its own checks are off (``validation`` in mkdocs.yml,
``ignore``), so that each broken link is said once, here, in French. Raw HTML links are not checked by either: the
blocks the build writes in HTML have their links made from the content model, valid by construction.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..model.suggest import nearest

#: Inline code and fenced blocks: what looks like a link there is not one.
_FENCED = re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+).+?\1", re.S)
#: ``[text](target "title")`` and ``![alt](target)``; reference definitions ``[id]: target`` (not footnotes ``[^1]:``).
_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def markdown_links(markdown: str) -> list[str]:
    """The link targets of a Markdown text, code left aside, in order."""
    text = _INLINE_CODE.sub("", _FENCED.sub("", markdown))
    found = [(m.start(), m.group(1)) for m in _INLINE.finditer(text)]
    found += [(m.start(), m.group(1)) for m in _REFERENCE.finditer(text)]
    return [target for _, target in sorted(found)]


@dataclass
class LinkCheck:
    """The links and anchors of one build, collected page by page, checked once every page is rendered."""

    links: dict[str, list[str]] = field(default_factory=dict)  # src_uri → link targets
    anchors: dict[str, set[str]] = field(default_factory=dict)  # src_uri → ids of its HTML

    def add_markdown(self, src_uri: str, markdown: str) -> None:
        self.links[src_uri] = markdown_links(markdown)

    def add_html(self, src_uri: str, html: str) -> None:
        self.anchors[src_uri] = set(_ID.findall(html))

    def check(self, site, files, docs_prefix: str) -> None:
        """Report every broken link of the pages of this edition (``files``)."""
        present = {file.src_uri for file in files if file.inclusion.is_included()}
        for src_uri, targets in self.links.items():
            source = site.docs_dir / src_uri
            for link in dict.fromkeys(targets):  # each distinct link once per page
                problem = self._problem(src_uri, link, present, site.docs_dir)
                if problem is not None:
                    key, values = problem
                    site.errors.report(key, docs_prefix + src_uri, line=line_of_link(source, link), link=link, **values)

    def _problem(self, src_uri: str, link: str, present: set[str], docs_dir: Path) -> tuple[str, dict] | None:
        if _SCHEME.match(link) or link.startswith("//"):
            return None  # another site, an e-mail address: not a file of the handbook
        if link.startswith("/"):
            return "lien-absolu", {}
        path, _, anchor = link.partition("#")
        here = posixpath.dirname(src_uri)
        target = posixpath.normpath(posixpath.join(here, unquote(path))) if path else src_uri
        if path and target not in present:
            if (docs_dir / target).is_file():
                return "lien-exclu", {}
            if not path.endswith(".md"):
                return "lien-non-reconnu", {}
            found = nearest(target, [uri for uri in present if uri.endswith(".md")])
            hint = (f"vouliez-vous dire « {posixpath.relpath(found, here or '.')} » ?" if found
                    else "corrigez le chemin, relatif au fichier (../dossier/page.md)")
            return "lien-casse", {"hint": hint, "target": target, "anchor": anchor}
        if anchor and target in self.anchors and anchor not in self.anchors[target]:
            found = nearest(anchor, self.anchors[target])
            hint = (f"vouliez-vous dire « #{found} » ?" if found
                    else "corrigez l'ancre : elle reprend le titre visé, en minuscules et avec des tirets")
            return "ancre-cassee", {"hint": hint, "target": target, "anchor": anchor}
        return None


def line_of_link(path: Path, link: str) -> int | None:
    """Line of the page source that holds ``link`` (as written by the author); None for a link a macro wrote."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if f"({link}" in line or f"]: {link}" in line or f"<{link}>" in line:
                return number
    except OSError:
        pass
    return None
