"""Macros that link to other content: tool sheets, sequences, glossary terms, references, pages; and the header of a
sequence. Their result depends only on their literal arguments and the current page (see ``jinja.LITERAL_MACROS``)."""

from __future__ import annotations

from .context import MacroContext
from ..formats import clock_fr, duration_fr, mid_sentence


def _page_link(ctx: MacroContext, unknown: str, registry: dict, ident: str, texte: str | None) -> str:
    if ident not in registry:
        return ctx.unknown(unknown, ident, registry)
    return f"[{texte or registry[ident].title}]({ctx.link_to(registry[ident].src_uri)})"


def outil(ctx: MacroContext, slug: str, texte: str | None = None) -> str:
    """Link to a tool sheet."""
    return _page_link(ctx, "outil inconnu", ctx.site.tools, slug, texte)


def sequence(ctx: MacroContext, ident: str, texte: str | None = None) -> str:
    """Link to a training sequence."""
    return _page_link(ctx, "séquence inconnue", ctx.site.sequences, ident, texte)


def terme(ctx: MacroContext, ident: str, texte: str | None = None) -> str:
    """A glossary term linked to the glossary (its definition is added as a tooltip, see ``blocks.term_tooltips``)."""
    glossary = ctx.site.glossary
    if ident not in glossary:
        return ctx.unknown("terme du glossaire inconnu", ident, glossary)
    entry = glossary[ident]
    if texte is None:
        texte = mid_sentence(entry.terme)
    return f'[{texte or entry.terme}]({ctx.link_to("glossaire.md")}#{entry.id}){{ .terme }}'


def cite(ctx: MacroContext, key: str, page: str | None = None) -> str:
    """Author-year citation linked to the bibliography entry."""
    references = ctx.site.references
    if key not in references:
        return ctx.unknown("référence bibliographique inconnue", key, references)
    ref = references[key]
    label = f"{ref.court}, {ref.annee}"
    if page:
        label += f", {page}"
    return f"([{label}]({ctx.link_to('bibliographie.md')}#{ref.cle}))"


def lien(ctx: MacroContext, page: str) -> str:
    """Relative link from the current page to a page given relative to docs/."""
    return ctx.link_to(page)


def entete_sequence(ctx: MacroContext) -> str:
    """Schedule, duration, training objectives and programme lines of the current sequence."""
    site = ctx.site
    ident = str(ctx.env.page.meta.get("id", ""))
    record = site.sequences.get(ident)
    placed = site.slot_of(ident)
    if record is None or record.meta is None or placed is None:
        return ctx.unknown("séquence sans créneau dans le déroulé", ident or ctx.current, site.sequences)
    day, slot = placed
    objectives = site.objective_labels()
    lines = site.line_labels()
    parts = [
        '<div class="manuel-repere" markdown>',
        f"**Jour {day}** · {clock_fr(slot.debut)} – {clock_fr(slot.fin)} · "
        f"durée\u00a0: {duration_fr(slot.duration)} · [déroulé de la journée]({ctx.link_to(f'jour-{day}/index.md')})",
        "",
        "**Objectifs de la formation visés**",
        "",
    ]
    parts += [f"- {o} · {objectives.get(o, o)}" for o in record.meta.objectifs]
    if record.meta.lignes:
        parts += ["", "**Lignes du programme traitées**", ""]
        parts += [f"- {lines.get(line, line)} <span class=\"manuel-id\">{line}</span>" for line in record.meta.lignes]
    parts += ["", "</div>"]
    return "\n".join(parts)
