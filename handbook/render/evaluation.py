"""Macros of the evaluation of the training, computed from data/criteres.yml and the timed steps: the criteria page,
the trainer's observation grid of a day, the positioning form a participant fills on her phone, and the sessions."""

from __future__ import annotations

import datetime as dt
import html
import re

from ..model import Worksheet, minutes, section_body
from ..model.criteria import criteria_of_day, observations
from ..model.pages import WORKSHEET_BODY
from ..typography import plain_text
from .context import MacroContext
from ..formats import clock_fr


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _numbers(numbers: list[int]) -> str:
    """« étape 4 », « étapes 4 et 5 », « étapes 2, 4 et 5 »."""
    if len(numbers) == 1:
        return f"étape {numbers[0]}"
    return "étapes " + ", ".join(map(str, numbers[:-1])) + f" et {numbers[-1]}"


def _where(ctx: MacroContext, criterion) -> str:
    """Where a criterion is observed: each sequence with its steps, then each case study."""
    by_sequence: dict[str, tuple] = {}
    cases = []
    for observation in observations(ctx.site, criterion):
        if observation.step is None:
            cases.append(observation.record)
        else:
            record = observation.record
            by_sequence.setdefault(record.src_uri, (record, []))[1].append(observation.step.number)
    parts = [f"Jour {record.meta.jour} · [{record.title}]({ctx.link_to(record.src_uri)}), {_numbers(numbers)}"
             for record, numbers in by_sequence.values()]
    parts += [f"étude de cas [{record.title}]({ctx.link_to(record.src_uri)})" for record in cases]
    return "\u00a0; ".join(parts)


def criteres_evaluation(ctx: MacroContext) -> str:
    """The criteria of each objective, with the steps and cases where they are observed (Markdown)."""
    labels = ctx.site.objective_labels()
    out = []
    for block in ctx.site.criteria:
        out += [f"### {block.objectif} · {labels.get(block.objectif, '')}", "",
                "| Critère observable | Où on l'observe |", "|---|---|"]
        out += [f"| **{c.id}** · {_cell(c.libelle)} | {_where(ctx, c)} |" for c in block.criteres]
        out.append("")
    return "\n".join(out)


def _step_clocks(ctx: MacroContext, day: int) -> dict[tuple[str, int], str]:
    """Start time of every step of a day, by (sequence page, step number)."""
    clocks = {}
    for slot, record in ctx.site.day_slots(day):
        if record is None:
            continue
        start = minutes(slot.debut)
        for step in ctx.site.steps_of(record):
            clocks[(record.src_uri, step.number)] = clock_fr(f"{start // 60:02d}:{start % 60:02d}")
            start += step.minutes
    return clocks


def grille_observation(ctx: MacroContext, day: int) -> str:
    """The trainer's observation grid of one day: each criterion observed in that day's steps, when and in what
    production, with empty cells to write in (Markdown, so that the DOCX keeps the table)."""
    rows = criteria_of_day(ctx.site, day)
    if not rows:
        return f"Aucun critère de `data/criteres.yml` n'est observé dans une étape du jour {day}."
    clocks = _step_clocks(ctx, day)
    out = ['<div class="manuel-grille-observation" markdown>', "",
           "| Critère | Quand et sur quelle production | Ce que j'observe (qui, quoi) | À reprendre |",
           "|---|---|---|---|"]
    for objective, criterion, found in rows:
        when = "<br>".join(
            f"{clocks.get((o.record.src_uri, o.step.number), '')} · {_cell(o.record.title)}, étape {o.step.number}"
            + (f"\u00a0: {_cell(o.step.production)}" if o.step.production else "") for o in found)
        out.append(f"| **{criterion.id}** · {_cell(criterion.libelle)} | {when} | | |")
    out += ["", "</div>"]
    return "\n".join(out)


def positionnement(ctx: MacroContext) -> str:
    """The positioning form: each objective with a « before » and an « after » rating on the autopositioning scale,
    kept in the browser by docs/assets/javascripts/positionnement.js (hidden until the script runs)."""
    scale = ctx.site.scales.get("autopositionnement")
    if scale is None:
        return ctx.unknown("échelle inconnue", "autopositionnement", ctx.site.scales)
    options = '<option value="">–</option>' + "".join(
        f'<option value="{level.valeur}">{level.valeur} · {html.escape(level.libelle)}</option>'
        for level in scale.niveaux)
    rows = []
    for objective in ctx.site.training.objectifs if ctx.site.training else []:
        ident, label = html.escape(objective.id), html.escape(objective.libelle)
        cells = "".join(
            f'<td><select id="pos-{ident}-{moment}" name="{ident}-{moment}" data-objectif="{ident}" '
            f'data-moment="{moment}" aria-labelledby="pos-{ident} pos-{moment}">{options}</select></td>'
            for moment in ("avant", "apres"))
        rows.append(f'<tr><th scope="row" id="pos-{ident}">{ident} · {label}</th>{cells}</tr>')
    top = max(level.valeur for level in scale.niveaux)
    return (
        f'<form class="manuel-positionnement" data-max="{top}" hidden>'
        '<table><caption>Mes notes, avant et après la formation</caption><thead><tr>'
        '<th scope="col">Objectif</th><th scope="col" id="pos-avant">Avant</th>'
        '<th scope="col" id="pos-apres">Après</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
        '<p class="manuel-positionnement-etat" role="status"></p>'
        '<button type="button" class="md-button manuel-positionnement-effacer">Effacer mes réponses</button>'
        "</form>"
        '<div class="manuel-positionnement-resultat" hidden></div>'
    )


def _sessions_sorted(ctx: MacroContext):
    return sorted(ctx.site.sessions, key=lambda s: s.debut)


def prochaine_session(ctx: MacroContext) -> str:
    """The next session (not over on the day of the build), or a sentence saying none is scheduled."""
    today = dt.date.today()
    upcoming = [s for s in _sessions_sorted(ctx) if dt.date.fromisoformat(s.fin) >= today]
    if not upcoming:
        return "Aucune session n'est programmée pour l'instant."
    session = upcoming[0]
    return f"Prochaine session\u00a0: {session.dates}, {session.lieu} ({session.format})."


def sessions_passees(ctx: MacroContext) -> str:
    """The sessions already held, most recent first, or nothing."""
    today = dt.date.today()
    past = [s for s in reversed(_sessions_sorted(ctx)) if dt.date.fromisoformat(s.fin) < today]
    return "\u00a0; ".join(f"{s.dates}, {s.lieu} ({s.format})" for s in past)


def version_texte(ctx: MacroContext, target: str) -> str:
    """The questions of a worksheet (« Le support » section of ``supports/…``) as plain text, to paste into an online
    form tool: headings, scales spelled out, one question per line with what to answer (a fenced text block)."""
    record = ctx.site.handout(target)
    if record is None or record.kind is not Worksheet:
        known = [uri[:-3] for uri, r in ctx.site.pages.items() if r.kind is Worksheet]
        return ctx.unknown("support inconnu", target, known)
    body, _ = section_body(record.body, WORKSHEET_BODY)
    scales = ctx.site.scales
    out = [record.title, "", plain_text(record.meta.description if record.meta else ""), ""]
    for line in body.splitlines():
        line = line.strip()
        scale = re.fullmatch(r"\{\{\s*echelle\(\s*[\"']([^\"']+)[\"']\s*\)\s*\}\}", line)
        if scale and scale.group(1) in scales:
            level = scales[scale.group(1)]
            levels = " ; ".join(f"{lv.valeur} {lv.libelle}" for lv in level.niveaux)
            out += [f"{level.nom}\u00a0: {levels}.", ""]
        elif line.startswith("#"):
            out += [plain_text(line.lstrip("#")), ""]
        elif line.startswith("|"):
            if not re.fullmatch(r"[\s:|-]*-[\s:|-]*", line):  # not the line under the table's header
                out.append([plain_text(c) for c in line.strip("|").split("|")])
        elif line and not line.startswith("<"):
            out += [plain_text(line), ""]
    return "```text\n" + "\n".join(_table_lines(out)).strip() + "\n```"


def _table_lines(items: list) -> list[str]:
    """Lines of text, with each Markdown table (lists of cells, header first) written as questions to answer."""
    lines: list[str] = []
    header: list[str] | None = None
    blank_done = False  # rows left empty to write in: their fields are listed once
    for item in items:
        if not isinstance(item, list):
            if header is not None:
                lines.append("")
            header = None
            lines.append(item)
            continue
        if header is None:
            header, blank_done = item, False
            continue
        if not item[0] and blank_done:
            continue
        numbers = [name for name in header[1:] if name.isdigit()]
        others = [name for name in header[1:] if not name.isdigit()]
        if item[0]:
            lines.append(item[0])
            if numbers:
                lines.append(f"   Réponse\u00a0: une note parmi {', '.join(numbers[:-1])} ou {numbers[-1]}")
            lines += [f"   {name}\u00a0: réponse libre" for name in others]
        else:
            blank_done = True
            lines += [f"{name}\u00a0: réponse libre (une ligne par élément)" for name in header if name]
    return lines
