"""Blocks computed from the content model and written as HTML (no Markdown to convert, links valid by construction):
the room-mode buttons and steps of a page, the summary of a tool sheet, the toolbox catalogue, the « Aujourd'hui »
form of a day, glossary tooltips and the error banner of the preview."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ..model import FORMATS, LEVELS, PURPOSES, MeetingPlan, Sequence, Tool, timed_steps
from ..formats import clock_fr, duration_fr, mid_sentence
from ..typography import french_spaces
from .. import downloads
from .html import insert_after_title, relative_link


#: Room-mode buttons, rendered at build time so that nothing moves when salle.js starts; hidden
#: without JavaScript (CSS, class "no-js" on <html>) and kept out of the search index.
PROJECTION_BAR = (
    '<p class="manuel-projeter-barre" data-search-exclude>'
    '<button type="button" class="md-button manuel-projeter" data-action="projeter" '
    'title="Projeter cette page en salle (Maj+P)" aria-keyshortcuts="Shift+P">Projeter</button> '
    '<button type="button" class="md-button manuel-projeter" data-action="presentatrice" '
    'title="Ouvrir, dans une autre fenêtre, la vue de la personne qui présente">Vue présentatrice</button></p>'
)


#: In the participant edition, a tool sheet keeps « Projeter » (coordinators project sheets in their own meetings).
PROJECTION_BAR_TOOL = PROJECTION_BAR[:PROJECTION_BAR.index(" <button")] + "</p>"


def computed_blocks(page_html: str, record, site, page, files, edition: str = "formateur") -> str:
    """Blocks computed from the content model, added to the HTML of a sequence or a tool sheet: the room-mode buttons
    and timed steps, the summary of a tool sheet. Written as HTML, they cost nothing to the Markdown conversion, and
    their links are valid by construction."""
    if record.kind is MeetingPlan and record.meta is not None:
        return insert_after_title(page_html, planner_link(record, files.get_file_from_path(PLANNER).url_relative_to(page.file)))
    if record.kind not in (Sequence, Tool) or record.meta is None:
        return page_html
    if edition == "participant" and record.kind is Sequence:  # projecting a sequence is the trainer's job
        return page_html
    block = PROJECTION_BAR if edition == "formateur" else PROJECTION_BAR_TOOL
    if record.kind is Tool:
        block += "\n" + tool_summary(site, record, lambda uri: files.get_file_from_path(uri).url_relative_to(page.file))
    steps = [{"minutes": st.minutes, "method": st.method, "text": re.sub(r"[*_`]|\{\{.*?\}\}", "", st.text)[:140]}
             for st in timed_steps(record.body)]
    return (insert_after_title(page_html, block) + '\n<div class="manuel-projection" hidden data-etapes="'
            + html.escape(json.dumps(steps, ensure_ascii=False), quote=True) + '"></div>')


#: The planner page, which opens a meeting plan from ``#trame=<slug>``.
PLANNER = "planificateur.md"


def planner_link(record, planner_url: str) -> str:
    """« Adapter ce plan » at the top of a meeting plan: the planner opens with this plan loaded (it needs
    JavaScript, and says so without it)."""
    slug = record.src_uri.rsplit("/", 1)[-1][:-3]
    return (f'<p class="manuel-trame-actions"><a class="md-button md-button--primary" href="{planner_url}#trame={slug}">'
            "Adapter ce plan dans le planificateur</a> <span>horaires, étapes, matériel et questions recalculés, "
            "plan à imprimer ou à partager</span></p>")


_TERM_LINK = re.compile(r'<a class="terme" href="[^"#]*#([^"]+)">')


def term_tooltips(page_html: str, glossary) -> str:
    """Add its definition, as a tooltip, to each glossary term link written by the « terme » macro."""

    def add(match: re.Match) -> str:
        entry = glossary.get(match.group(1))
        if entry is None:
            return match.group(0)
        definition = entry.definition.replace('"', "'").replace("\n", " ")  # French spaces: set at loading
        return match.group(0)[:-1] + f' title="{html.escape(definition, quote=False)}">'

    return _TERM_LINK.sub(add, page_html)


def today_block(slots: list[dict]) -> str:
    """« Aujourd'hui » form of a day's run-sheet, rendered at build time so that nothing moves when aujourdhui.js
    wires it (highlight of the row planned at a given time, lead or delay); hidden without JavaScript (CSS),
    left out of the search index and of the printed documents."""
    options = "".join(f'<option value="{i}">{html.escape(slot["titre"])}</option>'
                      for i, slot in enumerate(slots) if slot["sequence"])
    return ('<div class="manuel-aujourdhui" data-search-exclude data-creneaux="'
            + html.escape(json.dumps(slots, ensure_ascii=False), quote=True) + '">'
            '<h2 id="aujourdhui">Aujourd\'hui</h2><form class="manuel-aujourdhui__form">'
            '<p><label for="aujourdhui-heure">Heure</label> <input id="aujourdhui-heure" type="time" step="60"> '
            '<button type="button" class="md-button">Maintenant</button></p>'
            '<p><label for="aujourdhui-sequence">Séquence en cours en salle</label> <select id="aujourdhui-sequence">'
            f'<option value="">Je ne précise pas</option>{options}</select></p></form>'
            '<p class="manuel-aujourdhui__etat" role="status" aria-live="polite">Choisissez une heure.</p></div>')



SEMICOLON = "\u00a0; "
DURATION_CHOICES = (10, 15, 20, 30, 45, 60, 90, 120, 180)


def _checkboxes(name: str, legend: str, labels: dict[str, str]) -> str:
    items = "".join(
        f'<label><input type="checkbox" name="{name}" value="{value}"> {label}</label>'
        for value, label in labels.items()
    )
    return f'<fieldset><legend>{legend}</legend><div class="manuel-choix">{items}</div></fieldset>'


def catalogue_markdown(tools, link_to) -> str:
    """Markdown + HTML of the catalogue; without JavaScript the form is hidden (CSS) and the full list shows."""
    durations = "".join(f'<option value="{d}">{duration_fr(d)}</option>' for d in DURATION_CHOICES)
    levels = "".join(f'<option value="{k}">{v}</option>' for k, v in LEVELS.items())
    form = (
        '<form class="manuel-filtres" aria-label="Filtrer les fiches outils">'
        + _checkboxes("finalites", "Finalité (au moins une)", PURPOSES)
        + _checkboxes("formats", "Format (au moins un)", FORMATS)
        + '<div class="manuel-champs">'
        + f'<p><label for="filtre-duree">Temps disponible</label><select id="filtre-duree" name="duree">'
          f'<option value="">Peu importe</option>{durations}</select></p>'
        + '<p><label for="filtre-groupe">Nombre de personnes</label>'
          '<input id="filtre-groupe" name="groupe" type="number" min="1" max="500" inputmode="numeric"></p>'
        + f'<p><label for="filtre-niveau">Niveau d\'animation</label><select id="filtre-niveau" name="niveau">'
          f'<option value="">Tous les niveaux</option>{levels}</select></p>'
        + "</div>"
        + '<p><button type="reset" class="md-button">Réinitialiser les filtres</button></p>'
        + "</form>"
    )
    lines = [form, "", f'<p class="manuel-compte" role="status" aria-live="polite">{len(tools)} fiches</p>', "",
             '<div class="manuel-catalogue" markdown>', ""]
    for record in tools:
        meta = record.meta
        formats = ", ".join(FORMATS[f].lower() for f in meta.formats)
        purposes = ", ".join(PURPOSES[p] for p in meta.finalites)
        lines += [
            f"- **[{record.title}]({link_to(record.src_uri)})** · {meta.description}  ",
            f"  {meta.duree.min} à {meta.duree.max}\u00a0min · {meta.groupe.min} à {meta.groupe.max} personnes · "
            f"{formats} · {LEVELS[meta.niveau].lower()}  ",
            f"  *{purposes}*",
            f'  {{ .manuel-carte data-finalites="{" ".join(meta.finalites)}" data-formats="{" ".join(meta.formats)}" '
            f'data-duree-min="{meta.duree.min}" data-groupe-min="{meta.groupe.min}" '
            f'data-groupe-max="{meta.groupe.max}" data-niveau="{meta.niveau}" }}',
        ]
    lines += ["", "</div>", "",
              '<p class="manuel-aucun" hidden>Aucune fiche ne correspond à ces critères. Élargissez un filtre '
              "ou réinitialisez-les.</p>"]
    return "\n".join(lines)


def tool_summary(site, record, url_to) -> str:
    """Summary block of a tool sheet (HTML, added under the title after the Markdown conversion): metadata, where the
    training uses it, sheets it chains with. ``url_to`` gives the URL of a page (path relative to docs/)."""
    meta = record.meta
    slug = record.src_uri.rsplit("/", 1)[-1][:-3]

    def text(value: str) -> str:
        return html.escape(value, quote=False)

    def link(page) -> str:
        return f'<a href="{html.escape(url_to(page.src_uri))}">{text(page.title)}</a>'

    rows = [
        '<div class="manuel-repere">',
        f"<p><strong>Durée</strong>\u00a0: {meta.duree.min} à {meta.duree.max}\u00a0min · "
        f"<strong>Groupe</strong>\u00a0: {meta.groupe.min} à {meta.groupe.max} personnes · "
        f"<strong>Formats</strong>\u00a0: {', '.join(FORMATS[f].lower() for f in meta.formats)} · "
        f"<strong>Niveau</strong>\u00a0: {LEVELS[meta.niveau].lower()}</p>",
        f"<p><strong>Finalités</strong>\u00a0: {text(', '.join(PURPOSES[p] for p in meta.finalites))}</p>",
        f"<p><strong>Matériel</strong>\u00a0: "
        f"{text(SEMICOLON.join(mid_sentence(m.rstrip('.')) for m in meta.materiel))}.</p>",
    ]
    if meta.version_formation is not None:
        rows.append(f"<p><strong>Version formation</strong>\u00a0: {duration_fr(meta.version_formation.minutes)} au "
                    f"moins. {text(french_spaces(meta.version_formation.raccourci))}</p>")
    uses = site.step_uses(slug)
    training = [(page, step) for page, step in uses if page.kind is Sequence]
    meetings = [(page, step) for page, step in uses if page.kind is not Sequence]
    if training:
        rows += ["<p><strong>Utilisé dans la formation</strong>\u00a0:</p>", "<ul>"]
        for page, step in training:
            day, slot = site.slot_of(page.meta.id) or (page.meta.jour, None)
            when = f", à {clock_fr(slot.debut)}" if slot else ""
            short = (", version courte" if step.short_version
                     else ", version formation" if site.training_version(step) else "")
            rows.append(f"<li>Jour {day} · séquence {link(page)}{when}, étape {step.number} "
                        f"({duration_fr(step.minutes)}{short})</li>")
        rows.append("</ul>")
    else:
        rows.append("<p><strong>Utilisé dans la formation</strong>\u00a0: pas pendant les deux jours\u00a0; l'outil "
                    "sert dans la vie de votre communauté.</p>")
    if meetings:
        rows.append("<p><strong>Dans les trames de rencontre</strong>\u00a0: " + ", ".join(
            f"{link(page)} (étape {step.number}, {duration_fr(step.minutes)})" for page, step in meetings) + ".</p>")
    chained = [site.tools[s] for s in meta.associes if s in site.tools]
    if chained:
        rows.append("<p><strong>S'enchaîne bien avec</strong>\u00a0: " + ", ".join(map(link, chained)) + ".</p>")
    rows.append("</div>")
    return "\n".join(rows)


def error_banner(errors) -> str:
    items = "".join(f"<li>{html.escape(e.render())}</li>" for e in errors)
    count = len(errors)
    title = f"{count} erreur{'s' if count > 1 else ''} de contenu"
    return ('<div class="manuel-erreurs" role="alert" style="margin:0;padding:1em 1.5em;background:#fff4f2;'
            'color:#6b1400;border-bottom:3px solid #b3261e;font:16px/1.5 sans-serif">'
            f"<p style=\"margin:0 0 .5em\"><strong>{title}</strong> : cet aperçu s'affiche, mais la "
            "construction du manuel échouera tant qu'elles restent. Corrigez les fichiers indiqués ; la page se "
            f'recharge seule.</p><ul style="margin:0">{items}</ul></div>')


def show_errors_in_pages(site_dir: Path, errors) -> None:
    banner = error_banner(errors)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, text, count=1), encoding="utf-8")


def download_buttons(page_html: str, src_uri: str, site=None) -> str:
    """Download buttons under the title of a tool sheet (PDF), a template (PDF and DOCX), a worksheet (PDF, and DOCX
    when it is filled on a computer) or a day's conducteur (PDF, and the day's print pack)."""
    folder, _, name = src_uri.rpartition("/")
    slug = name[:-3]

    def button(path: str, label: str) -> str:
        return f'<a class="md-button" href="{relative_link(src_uri, path)}">{label}</a>'

    if folder == "formateur" and slug.startswith("conducteur-jour-") and slug[16:].isdigit():
        day = int(slug[16:])
        links = [button(downloads.day_file("conducteur", day), "Conducteur (PDF, A4 paysage)"),
                 button(downloads.day_file("carnet", day), f"Carnet d'impression du jour {day} (PDF)")]
    elif slug == "index" or folder not in ("outils", "modeles", "supports"):
        return page_html
    elif folder == "outils":
        links = [button(downloads.page_file(folder, slug), "Télécharger la fiche (PDF, A4)")]
    elif folder == "modeles":
        links = [button(downloads.page_file(folder, slug), "Modèle à imprimer (PDF, A4)"),
                 button(downloads.page_file(folder, slug, "docx"), "Modèle modifiable (DOCX)")]
    else:
        record = site.pages.get(src_uri) if site else None
        meta = record.meta if record else None
        links = [button(downloads.page_file(folder, slug), f"Support à imprimer (PDF, {getattr(meta, 'format', 'A4')})")]
        if getattr(meta, "remplir", "papier") == "ordinateur":
            links.append(button(downloads.page_file(folder, slug, "docx"), "Support modifiable (DOCX)"))
    return insert_after_title(page_html, '<p class="manuel-telechargements">' + " ".join(links) + "</p>")
