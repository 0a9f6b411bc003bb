"""Macros that compute tables and lists from the content: run sheets of the days, coverage of the programme,
catalogue, glossary cross-references, the trainer's run sheet and downloads (logistics are in ``logistics``)."""

from __future__ import annotations

import html
import posixpath

from .. import downloads
from ..model import PAGE_TYPES, Template, Worksheet, minutes, timed_steps
from .blocks import catalogue_markdown, today_block
from .context import MacroContext
from ..formats import clock_fr, days_fr, duration_fr, hours_fr
from .links import outil
from .search import fold


def pages_du_type(ctx: MacroContext, key: str) -> list[dict]:
    """Pages of one type (sequence, outil, chapitre, cas, modele, support, rencontre) in this edition, sorted."""
    kinds = {kind.KEY: kind for kind in PAGE_TYPES}
    if key not in kinds:
        ctx.unknown("type de page inconnu", key, kinds)
        return []
    records = [r for r in ctx.site.of_kind(kinds[key]) if r.meta is not None  # invalid ones are reported
               and not (ctx.edition == "participant" and getattr(r.meta, "formateur", False))]
    records.sort(key=lambda r: (r.raw.get("ordre", 0), str(r.raw.get("id", "")), fold(r.title)))
    return [{"titre": r.title, "description": r.raw.get("description", ""), "lien": ctx.link_to(r.src_uri),
             "meta": r.meta} for r in records]


def duree_formation(ctx: MacroContext) -> str:
    """« 2 jours, soit 14 heures »: the days of the run sheet and the sum of its sequences (their timed steps)."""
    sheet = ctx.site.run_sheet
    if sheet is None:
        return ""
    return f"{days_fr(len(sheet.jours))}, soit {hours_fr(sheet.training_minutes)}"


def deroule(ctx: MacroContext, day_number: int) -> str:
    """The run sheet of one day as a table: time, sequence, objectives, methods, tools, duration."""
    site = ctx.site
    if site.run_sheet is None:
        return ""
    day = next((d for d in site.run_sheet.jours if d.numero == day_number), None)
    if day is None:
        return ctx.unknown("jour inconnu dans le déroulé", str(day_number), [str(d.numero) for d in site.run_sheet.jours])
    objectives = site.objective_labels()
    rows = ["| Horaire | Séquence | Objectifs | Modalités | Outils | Durée |",
            "|---|---|---|---|---|---|"]
    sequences = site.sequences
    for slot in day.creneaux:
        hours = f"{clock_fr(slot.debut)} – {clock_fr(slot.fin)}"
        if slot.pause:
            rows.append(f"| {hours} | *{slot.pause}* | | | | {duration_fr(slot.duration)} |")
            continue
        record = sequences.get(slot.sequence)
        if record is None or record.meta is None:
            continue  # reported by the run-sheet check
        methods = list(dict.fromkeys(step.method for step in timed_steps(record.body) if step.method))
        goals = ", ".join(f'[{o}]({ctx.link_to("formation.md")}#objectifs "{objectives.get(o, o)}")'
                          for o in record.meta.objectifs)
        run = dict.fromkeys(step.tool for step in site.steps_of(record) if step.tool in site.tools)
        tools = ", ".join(outil(ctx, t) for t in run) or "·"
        rows.append(f"| {hours} | [{record.title}]({ctx.link_to(record.src_uri)}) | {goals} | "
                    f"{', '.join(methods)} | {tools} | {duration_fr(slot.duration)} |")
    training = sum(slot.duration for slot in day.creneaux if slot.sequence)
    rows.append(f"| | **Total de formation** | | | | **{duration_fr(training)}** |")
    live = [{"debut": slot.debut, "fin": slot.fin, "sequence": slot.sequence or "",
             "titre": sequences[slot.sequence].title if slot.sequence in sequences else slot.pause}
            for slot in day.creneaux]
    table = "\n".join(rows)
    return today_block(live) + "\n\n" + table if ctx.edition == "formateur" else table


def couverture(ctx: MacroContext) -> str:
    """Which sequences serve each training objective and treat each programme line."""
    site = ctx.site
    if site.training is None:
        return ""

    def links(records):
        return ", ".join(f"[{r.title}]({ctx.link_to(r.src_uri)}) (jour {r.meta.jour})" for r in records)

    rows = ["| Objectif | Séquences qui le servent |", "|---|---|"]
    for o in site.training.objectifs:
        rows.append(f"| **{o.id}**. {o.libelle} | {links(site.sequences_for('objectifs', o.id))} |")
    rows += ["", "| Ligne du programme | Séquences qui la traitent |", "|---|---|"]
    for line in site.training.lines():
        rows.append(f"| {line.libelle} <span class=\"manuel-id\">{line.id}</span> | "
                    f"{links(site.sequences_for('lignes', line.id))} |")
    return "\n".join(rows)


def catalogue(ctx: MacroContext) -> str:
    """The toolbox catalogue: filter form (shown by JavaScript) and one list item per tool sheet."""
    tools = sorted((r for r in ctx.site.tools.values() if r.meta is not None), key=lambda r: fold(r.title))
    return catalogue_markdown(tools, ctx.link_to)


def renvois_du_terme(ctx: MacroContext, ident: str) -> str:
    """Sources, pages that mark the term with {{ terme("…") }} and related terms of a glossary entry: HTML paragraphs,
    whose links are valid by construction, so that the Markdown conversion has nothing to parse in them."""
    site = ctx.site
    if ident not in site.glossary:
        return ctx.unknown("terme du glossaire inconnu", ident, site.glossary)
    term = site.glossary[ident]
    bibliography = ctx.url_of("bibliographie.md")
    rows = [("Sources" if len(term.sources) > 1 else "Source",
             [(f"{site.references[k].court}, {site.references[k].annee}", f"{bibliography}#{k}") for k in term.sources]),
            ("Employé dans", [(r.title, href) for r in site.term_usage().get(ident, [])
                              if (href := ctx.url_of(r.src_uri)) is not None]),
            ("Voir aussi", [(site.glossary[other].terme, f"#{other}") for other in term.lies])]
    return "\n".join(
        f"<p><strong>{label}</strong>\u00a0: " + ", ".join(
            f'<a href="{html.escape(href)}">{html.escape(text, quote=False)}</a>' for text, href in links) + "</p>"
        for label, links in rows if links)


def deroule_detaille(ctx: MacroContext, day_number: int) -> str:
    """Trainer's run sheet: every step of every sequence with its clock time."""
    out = []
    for slot, record in ctx.site.day_slots(day_number):
        if record is None or record.meta is None:
            if slot.pause:
                out += [f"**{clock_fr(slot.debut)} – {clock_fr(slot.fin)} · {slot.pause}**", ""]
            continue
        out += [f"### {clock_fr(slot.debut)} – {clock_fr(slot.fin)} · {record.title}", "",
                f"[Ouvrir la séquence]({ctx.link_to(record.src_uri)}) · {duration_fr(slot.duration)}", "",
                "| Début | Durée | Modalité | Configuration | Étape |", "|---|---|---|---|---|"]
        start = minutes(slot.debut)
        for step in ctx.site.steps_of(record):
            clock = f"{start // 60:02d}:{start % 60:02d}"
            text = step.text.replace("|", "/")
            out.append(f"| {clock_fr(clock)} | {duration_fr(step.minutes)} | {step.method or ''} | "
                       f"{step.configuration or ''} | {text} |")
            start += step.minutes
        out.append("")
    return "\n".join(out)


def telechargements(ctx: MacroContext) -> str:
    """Table of the downloadable files of this edition; sizes are written once the files exist."""
    site, edition = ctx.site, ctx.edition
    here = posixpath.dirname(ctx.current) or "."

    def row(label: str, path: str, kind: str) -> str:
        href = posixpath.relpath(path, here)
        return (f'<tr><td><a href="{href}">{label}</a></td><td>{kind}</td>'
                f'<td><span class="manuel-taille" data-fichier="{path}">à générer</span></td></tr>')

    rows = [row(downloads.BOOKLET_TITLES[edition] + " (toutes les pages du manuel)", downloads.booklet(edition),
                "PDF, A4")]
    rows.append(row("Livret de poche : les fiches outils en une page, les modèles, la préparation",
                    f"{downloads.DOWNLOADS}/{downloads.POCKET}", "PDF, A5"))
    if edition == "participant":
        rows.append(row("Le manuel hors ligne (à décompresser, puis ouvrir index.html)",
                        f"{downloads.DOWNLOADS}/{downloads.ZIP_NAME}", "ZIP"))
    else:
        for day in (d.numero for d in site.run_sheet.jours):
            rows.append(row(f"Conducteur du jour {day}", downloads.day_file("conducteur", day), "PDF, A4 paysage"))
            rows.append(row(f"Carnet d'impression du jour {day} (les documents à distribuer, dans l'ordre)",
                            downloads.day_file("carnet", day), "PDF à imprimer"))
            rows.append(row(f"Diapositives du jour {day} (à projeter, avec les notes de la personne qui présente)",
                            downloads.day_file("diapositives", day, "pptx"), "PPTX modifiable, 16:9"))
            rows.append(row(f"Diapositives du jour {day}", downloads.day_file("diapositives", day), "PDF, 16:9"))
            rows.append(row(f"Grille d'observation du jour {day}", downloads.day_file("observation", day),
                            "PDF, A4 paysage"))
            rows.append(row(f"Grille d'observation du jour {day}", downloads.day_file("observation", day, "docx"),
                            "DOCX modifiable"))
        rows.append(row("Feuilles d'émargement vierges, une par demi-journée de la prochaine session",
                        f"{downloads.SESSION_BLANKS}/{downloads.SHEETS_COMBINED}", "PDF à imprimer"))
        rows.append(row("Attestation de fin de formation à remplir",
                        f"{downloads.SESSION_BLANKS}/{downloads.BLANK_ATTESTATION}", "PDF à imprimer"))
    for record in sorted(site.of_kind(Template), key=lambda r: fold(r.title)):
        slug = posixpath.basename(record.src_uri)[:-3]
        rows.append(row(f"Modèle · {record.title}", downloads.page_file("modeles", slug), "PDF à imprimer"))
        rows.append(row(f"Modèle · {record.title}", downloads.page_file("modeles", slug, "docx"), "DOCX modifiable"))
    for record in sorted(site.of_kind(Worksheet), key=lambda r: fold(r.title)):
        if record.meta is None or (record.meta.formateur and edition == "participant"):
            continue
        slug = posixpath.basename(record.src_uri)[:-3]
        rows.append(row(f"Support · {record.title}", downloads.page_file("supports", slug), f"PDF, {record.meta.format}"))
        if record.meta.remplir == "ordinateur":
            rows.append(row(f"Support · {record.title}", downloads.page_file("supports", slug, "docx"), "DOCX modifiable"))
    for slug, record in sorted(site.tools.items(), key=lambda item: fold(item[1].title)):
        rows.append(row(f"Fiche outil · {record.title}", downloads.page_file("outils", slug), "PDF, A4"))
    head = "<thead><tr><th>Document</th><th>Format</th><th>Taille</th></tr></thead>"
    return f'<table class="manuel-fichiers">{head}<tbody>{"".join(rows)}</tbody></table>'


def modele_de_contenu(ctx: MacroContext) -> str:
    """Reference of the content model, generated from the schema."""
    from ..authoring.reference import content_model_markdown  # only the trainer edition has this page

    return content_model_markdown()
