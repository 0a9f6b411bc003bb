"""Macros of the trainer's logistics, computed from the structured steps of the days (``model.logistics``): the
material of a day, the copies to print, the per-day conducteur, the room checklist; and the rating scales."""

from __future__ import annotations

import html

from ..model import minutes
from ..model.logistics import material_for_day, participants_of, prints_for_day
from ..model.steps import group_count
from .context import MacroContext
from ..formats import clock_fr, duration_fr


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _sequence_link(ctx: MacroContext, use) -> str:
    return f"[{use.sequence.title}]({ctx.link_to(use.sequence.src_uri)}) (étape {use.step.number})"


def session_participants(ctx: MacroContext) -> str:
    """« 16 participantes et participants, 1 formatrice ou formateur » from data/session.yml."""
    session = ctx.site.session
    people = participants_of(ctx.site)
    trainers = session.formateurs if session else 1
    return (f"{people}\u00a0participantes et participants, {trainers}\u00a0"
            f"{'formatrice ou formateur' if trainers == 1 else 'formatrices ou formateurs'}")


def salle(ctx: MacroContext) -> str:
    """The room checklist of data/session.yml."""
    return "\n".join(f"- ☐ {item}" for item in (ctx.site.session.salle if ctx.site.session else []))


def materiel_du_jour(ctx: MacroContext, day_number: int) -> str:
    """The material of one day, with quantities for the session, then where each step uses it."""
    needs = material_for_day(ctx.site, day_number)
    if not needs:
        return "Aucune étape de cette journée n'utilise de matériel."
    out = ["| ☐ | Matériel | Quantité | Utilisé à |", "|---|---|---|---|"]
    for need in needs:
        where = ", ".join(dict.fromkeys(_sequence_link(ctx, use) for use in need.uses))
        out.append(f"| ☐ | {_cell(need.material.libelle)} | {need.material.count(need.quantity)} | {where} |")
    return "\n".join(out)


def liste_impressions(ctx: MacroContext) -> str:
    """The documents to print for each day, in print order, with their copies for the session."""
    out = []
    days = [day.numero for day in ctx.site.run_sheet.jours] if ctx.site.run_sheet else []
    for day in days:
        jobs = prints_for_day(ctx.site, day)
        out += [f"## Jour {day}", ""]
        if not jobs:
            out += ["Aucune étape de cette journée ne remet de document.", ""]
            continue
        out += ["| Ordre | Document | Exemplaires | Format | Impression | Remis à |", "|---|---|---|---|---|---|"]
        for rank, job in enumerate(jobs, start=1):
            where = ", ".join(dict.fromkeys(f"{_sequence_link(ctx, use)}, {use.use.per}" for use in job.uses))
            sides = "recto verso" if job.two_sided else "recto"
            out.append(f"| {rank} | [{_cell(job.page.title)}]({ctx.link_to(job.page.src_uri)}) | {job.copies} | "
                       f"{job.paper} | {sides} | {where} |")
        out.append("")
    return "\n".join(out)


def conducteur(ctx: MacroContext, day_number: int) -> str:
    """The trainer's conducteur of one day: every step with its clock time and what it needs (an HTML table, so that
    the exported landscape PDF keeps its columns)."""
    site = ctx.site
    people = participants_of(site)
    head = ("<thead><tr><th scope=\"col\">Heure et étape</th><th scope=\"col\">Configuration</th>"
            "<th scope=\"col\">Outil</th><th scope=\"col\">Documents</th><th scope=\"col\">Matériel</th>"
            "<th scope=\"col\">Production</th><th scope=\"col\">Repère</th></tr></thead>")
    rows = []

    def esc(text: str | None) -> str:
        return html.escape(text or "", quote=False)

    def link(src_uri: str, text: str) -> str:
        url = ctx.url_of(src_uri)
        return f'<a href="{html.escape(url)}">{esc(text)}</a>' if url is not None else esc(text)

    for slot, record in site.day_slots(day_number):
        if record is None or record.meta is None:
            if slot.pause:
                rows.append(f'<tr class="manuel-conducteur-pause"><td>{clock_fr(slot.debut)}</td>'
                            f'<td colspan="6">{esc(slot.pause)} ({duration_fr(slot.duration)})</td></tr>')
            continue
        rows.append(f'<tr class="manuel-conducteur-sequence"><th scope="rowgroup" colspan="7">'
                    f'{clock_fr(slot.debut)} – {clock_fr(slot.fin)} · {link(record.src_uri, record.title)}</th></tr>')
        start = minutes(slot.debut)
        for step in site.steps_of(record):
            clock = f"{start // 60:02d}:{start % 60:02d}"
            tool = site.tools.get(step.tool or "")
            documents = "<br>".join(
                f"{link(page.src_uri, page.title)} × {use.units(step.configuration, people)}"
                for use in step.documents if (page := site.handout(use.target)) is not None)
            material = "<br>".join(
                f"{esc(site.materials[use.target].nom)} × "
                f"{use.units(step.configuration, people) * site.materials[use.target].quantite}"
                for use in step.material if use.target in site.materials)
            groups = group_count(step.configuration, people)
            configuration = esc(step.configuration) + (f" ({groups})" if groups > 1 and groups < people else "")
            cue = esc(step.cue)
            if step.short_version:
                cue = f"<strong>Version courte</strong>\u00a0: {esc(step.short_version)}" + (f"<br>{cue}" if cue else "")
            elif (version := site.training_version(step)) is not None:
                cue = (f"<strong>Version formation de la fiche</strong>\u00a0: {esc(version.raccourci)}"
                       + (f"<br>{cue}" if cue else ""))
            rows.append(
                f"<tr><td><strong>{clock_fr(clock)}</strong> · {duration_fr(step.minutes)}<br>"
                f"{step.number}. {esc(step.method)}</td><td>{configuration}</td>"
                f"<td>{link(tool.src_uri, tool.title) if tool else ''}</td><td>{documents}</td><td>{material}</td>"
                f"<td>{esc(step.production)}</td><td>{cue}</td></tr>")
            start += step.minutes
    caption = f"<caption>Conducteur du jour {day_number}, pour {session_participants(ctx)}</caption>"
    return f'<div class="manuel-conducteur"><table>{caption}{head}<tbody>{"".join(rows)}</tbody></table></div>'


def echelle(ctx: MacroContext, ident: str) -> str:
    """A rating scale of data/echelles.yml, on one line: « **1** je découvre ; **2** … »."""
    scale = ctx.site.scales.get(ident)
    if scale is None:
        return ctx.unknown("échelle inconnue", ident, ctx.site.scales)
    return f"{scale.nom}\u00a0: " + " ; ".join(f"**{level.valeur}** {level.libelle}" for level in scale.niveaux) + "."
