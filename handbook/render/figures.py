"""The ``figure`` macro: a build-time SVG figure (``handbook.figures``), fed from the content model when it shows data."""

from __future__ import annotations

import html

from ..figures import FIGURES, FigureError, render
from ..model import timed_steps
from .context import MacroContext


def _data(ctx: MacroContext, ident: str, jour: int | None) -> dict | None:
    """The data a data figure is drawn from: the run sheet, the objectives and sequences, the current page's steps."""
    site = ctx.site
    if ident == "deroule-journee":
        slots = [{"debut": slot.debut, "fin": slot.fin, "pause": bool(slot.pause),
                  "titre": slot.pause or (record.title if record else slot.sequence)}
                 for slot, record in site.day_slots(jour or 1)]
        return {"jour": jour or 1, "creneaux": slots}
    if ident == "objectifs-sequences":
        order = [s.sequence for d in site.run_sheet.jours for s in d.creneaux if s.sequence]
        sequences = sorted((r for r in site.sequences.values() if r.meta), key=lambda r: order.index(r.meta.id)
                           if r.meta.id in order else len(order))
        return {"objectives": [{"id": o.id, "libelle": o.libelle} for o in site.training.objectifs],
                "sequences": [{"id": r.meta.id, "titre": r.title, "jour": r.meta.jour, "objectifs": r.meta.objectifs}
                              for r in sequences]}
    if ident == "plan-minute":
        record = site.pages.get(ctx.current)
        steps = timed_steps(record.body) if record else []
        return {"titre": record.title if record else "", "etapes": [{"minutes": s.minutes, "text": s.text}
                                                                    for s in steps]}
    return None


def figure(ctx: MacroContext, ident: str, jour: int | None = None, prefixe: str = "") -> str:
    """A figure of ``handbook.figures`` (by identifier), with its source linked to the bibliography."""
    if ident not in FIGURES:
        return ctx.unknown("figure inconnue", ident, FIGURES)
    source = FIGURES[ident].source
    source_html = None
    if source and source in ctx.site.references:
        ref = ctx.site.references[source]
        source_html = (f'<a href="{html.escape(ctx.url_of("bibliographie.md") or "")}#{ref.cle}">'
                       f"{html.escape(ref.court)}, {ref.annee}</a>")
    try:
        return "\n" + render(ident, _data(ctx, ident, jour), prefix=prefixe, source_html=source_html) + "\n"
    except FigureError as error:
        ctx.site.errors.report("figure", ctx.site.doc_path(ctx.current), ident=ident, problem=str(error))
        return ""
