"""What every macro needs: the loaded content, the edition, and the page being rendered."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Site, line_of
from ..model.suggest import closest
from .html import relative_link


@dataclass(repr=False)
class MacroContext:
    """The build's content and options, with the page mkdocs-macros is rendering (``env.page``)."""

    env: Any
    site: Site
    edition: str

    def __repr__(self) -> str:
        # Short: mkdocs-macros writes every macro (ours are partials holding this context) to its debug log at each
        # build, even when nothing is logged; the full content written out cost a second per build.
        return f"MacroContext(édition {self.edition})"

    @property
    def current(self) -> str:
        """The page being rendered, relative to docs/."""
        return self.env.page.file.src_uri

    def link_to(self, target: str) -> str:
        """Relative link from the current page to ``target`` (relative to docs/)."""
        return relative_link(self.current, target)

    def url_of(self, target: str) -> str | None:
        """URL of ``target`` from the current page, None when it is not part of this edition."""
        file = self.env.variables["files"].get_file_from_path(target)
        return None if file is None or file.inclusion.is_excluded() else file.url_relative_to(self.env.page.file)

    def unknown(self, what: str, ident: str, known) -> str:
        """Report an unknown identifier given to a macro, with its line and the possible values; return a visible mark."""
        src = self.current
        line = line_of(self.site.docs_dir / src, r"[\"']" + re.escape(ident) + r"[\"']")
        ordered = sorted(known)
        choices = ", ".join(ordered[:60]) + (" …" if len(ordered) > 60 else "")
        self.site.errors.report("macro-inconnue", self.site.doc_path(src), line=line, what=what, ident=ident,
                                hint=closest(ident, known), choices=choices or "aucun pour l’instant")
        return f"**[{what} : {ident}]**"
