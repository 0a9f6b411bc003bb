"""Variables and macros for mkdocs-macros (declared in mkdocs.yml under ``modules``).

Authors use them in Markdown:

- ``{{ formation.titre }}`` and the other fields of data/formation.yml;
- ``{{ outil("world-cafe") }}``: link to a tool sheet;
- ``{{ sequence("j1-ouverture") }}``: link to a training sequence;
- ``{{ terme("communaute-de-pratique") }}``: glossary term with its definition in a tooltip;
- ``{{ cite("wenger-1998") }}``: citation linked to the bibliography.

An unknown identifier is a content error: the build fails with a French message.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date

from jinja2 import StrictUndefined

from . import schema
from .content import get_site

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


class FrenchUndefined(StrictUndefined):
    """Strict undefined whose message tells the author, in French, which name is wrong."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:  # type: ignore[override]
        name = self._undefined_name
        return f"la variable ou macro « {name} » n'existe pas (faute de frappe dans une macro {{{{ … }}}} ?)"


def date_fr(iso: str) -> str:
    """« 2026-01-14 » → « 14 janvier 2026 »."""
    value = date.fromisoformat(iso)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def define_env(env) -> None:
    site = get_site(env.conf)

    def current() -> str:
        return env.page.file.src_uri

    def link_to(target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(current()) or ".")

    def report(kind: str, ident: str, known: list[str]) -> str:
        src = current()
        line = None
        try:
            text = (site.docs_dir / src).read_text(encoding="utf-8")
            for number, content in enumerate(text.splitlines(), start=1):
                if re.search(r"[\"']" + re.escape(ident) + r"[\"']", content):
                    line = number
                    break
        except OSError:
            pass
        choices = ", ".join(sorted(known)[:12]) + (" …" if len(known) > 12 else "")
        site.errors.add(site.doc_path(src), f"{kind} « {ident} »", line=line,
                        fix=f"identifiants possibles : {choices or 'aucun pour l’instant'}")
        return f"**[{kind} : {ident}]**"

    env.variables["formation"] = site.training
    env.variables["modele"] = {
        "finalites": schema.PURPOSES,
        "formats": schema.FORMATS,
        "niveaux": schema.LEVELS,
        "modalites": schema.METHODS,
    }
    env.variables["bibliographie"] = site.references
    env.variables["glossaire"] = site.glossary
    env.filter(date_fr)

    @env.macro
    def outil(slug: str, texte: str | None = None) -> str:
        """Link to a tool sheet."""
        tools = site.tools
        if slug not in tools:
            return report("outil inconnu", slug, list(tools))
        return f"[{texte or tools[slug].title}]({link_to(tools[slug].src_uri)})"

    @env.macro
    def sequence(ident: str, texte: str | None = None) -> str:
        """Link to a training sequence."""
        sequences = site.sequences
        if ident not in sequences:
            return report("séquence inconnue", ident, list(sequences))
        return f"[{texte or sequences[ident].title}]({link_to(sequences[ident].src_uri)})"

    @env.macro
    def terme(ident: str, texte: str | None = None) -> str:
        """A glossary term: tooltip with its definition and a link to the glossary."""
        if ident not in site.glossary:
            return report("terme du glossaire inconnu", ident, list(site.glossary))
        entry = site.glossary[ident]
        definition = entry.definition.replace('"', "'").replace("\n", " ")
        return f'[{texte or entry.terme}]({link_to("glossaire.md")}#{entry.id} "{definition}"){{ .terme }}'

    @env.macro
    def cite(key: str, page: str | None = None) -> str:
        """Author-year citation linked to the bibliography entry."""
        if key not in site.references:
            return report("référence bibliographique inconnue", key, list(site.references))
        ref = site.references[key]
        label = f"{ref.court}, {ref.annee}"
        if page:
            label += f", {page}"
        return f"([{label}]({link_to('bibliographie.md')}#{ref.cle}))"

    @env.macro
    def pages_du_type(key: str) -> list[dict]:
        """Pages of one type (sequence, outil, chapitre, cas, modele), sorted for listing."""
        kinds = {kind.KEY: kind for kind in schema.PAGE_TYPES}
        if key not in kinds:
            report("type de page inconnu", key, list(kinds))
            return []
        records = site.of_kind(kinds[key])
        records.sort(key=lambda r: (r.raw.get("ordre", 0), str(r.raw.get("id", "")), r.title.lower()))
        return [
            {"titre": r.title, "description": r.raw.get("description", ""), "lien": link_to(r.src_uri),
             "meta": r.meta}
            for r in records
        ]

    @env.macro
    def lien(page: str) -> str:
        """Relative link from the current page to a page given relative to docs/."""
        return link_to(page)

    @env.macro
    def libelle(kind: str, value: str) -> str:
        """French label of a closed-list value (finalites, formats, niveaux, modalites)."""
        table = env.variables["modele"].get(kind, {})
        if value not in table:
            return report(f"valeur inconnue pour « {kind} »", value, list(table))
        return table[value]



def on_pre_page_macros(env) -> None:
    """The Jinja environment exists only now: make undefined names fail in French."""
    env.env.undefined = FrenchUndefined
