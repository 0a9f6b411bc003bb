"""Figures drawn from the handbook's data: day timeline, objectives × sequences, timed plan, circles."""

from __future__ import annotations

import math
from typing import Any

from ..formats import clock_fr, duration_fr
from .base import Canvas, Drawing, Figure, FigureError, join_fr, require, wrap
from .palette import SERIES


def _minutes(clock: str, figure: str) -> int:
    try:
        hours, mins = str(clock).split(":")
        return int(hours) * 60 + int(mins)
    except ValueError:
        raise FigureError(f"la figure « {figure} » : heure « {clock} » illisible (format attendu HH:MM).") from None


# --------------------------------------------------------------------------------------------------
# (1) A day's timeline, from data/deroule.yml
# --------------------------------------------------------------------------------------------------

def _slots(data: dict[str, Any]) -> list[dict[str, Any]]:
    slots = []
    for raw in require(data, "creneaux", "deroule-journee"):
        pause = raw.get("pause")
        is_pause = bool(pause)
        label = raw.get("titre") or (pause if isinstance(pause, str) else "Pause" if is_pause else None)
        if not label:
            raise FigureError(f"la figure « deroule-journee » : le créneau {raw.get('debut')}–{raw.get('fin')} "
                              "n'a pas de titre.")
        start, end = _minutes(raw["debut"], "deroule-journee"), _minutes(raw["fin"], "deroule-journee")
        if end <= start:
            raise FigureError(f"la figure « deroule-journee » : le créneau {raw['debut']}–{raw['fin']} "
                              "finit avant de commencer.")
        slots.append({"debut": raw["debut"], "fin": raw["fin"], "start": start, "end": end,
                      "titre": str(label), "pause": is_pause})
    return slots


def draw_timeline(data: dict[str, Any]) -> Drawing:
    slots = _slots(data)
    day = data.get("jour")
    first, last = slots[0]["start"], slots[-1]["end"]
    scale = 1.15
    top, left, right = 16, 74, 640
    canvas = Canvas(660, int(top * 2 + (last - first) * scale) + 14)
    count = 0
    for index, slot in enumerate(slots):
        y = top + (slot["start"] - first) * scale
        h = (slot["end"] - slot["start"]) * scale
        duration = slot["end"] - slot["start"]
        if slot["pause"]:
            canvas.rect(left, y + 1, right - left, h - 2, fill="neutre", radius=3)
            canvas.text(left + 12, y + h / 2, f"{slot['titre']} · {duration_fr(duration)}", size=13,
                        anchor="start", tone="texte-doux", italic=True)
        else:
            tone = ("1", "3")[count % 2]
            count += 1
            canvas.rect(left, y + 1, right - left, h - 2, fill=tone, stroke=f"trait-{tone}", radius=4)
            size = 14 if h >= 40 else 13
            lines = wrap(slot["titre"], 440, size, bold=True)
            if len(lines) * size * 1.22 > h - 4:
                lines = [lines[0] + (" …" if len(lines) > 1 else "")]
            canvas.text(left + 12, y + h / 2, " ".join(lines), size=size, anchor="start", bold=True,
                        max_width=440 if len(lines) > 1 else None)
            canvas.text(right - 10, y + h / 2, duration_fr(duration), size=13, anchor="end")
        canvas.text(left - 8, y + 1, clock_fr(slot["debut"]), size=13, anchor="end", tone="texte-doux", valign="top")
    canvas.text(left - 8, top + (last - first) * scale, clock_fr(slots[-1]["fin"]), size=13, anchor="end",
                tone="texte-doux", valign="top")
    sequences = [slot for slot in slots if not slot["pause"]]
    pauses = [slot for slot in slots if slot["pause"]]
    training = sum(slot["end"] - slot["start"] for slot in sequences)
    name = f"le jour {day}" if day else "la journée"
    steps = "; ".join(
        f"de {clock_fr(slot['debut'])} à {clock_fr(slot['fin'])}, "
        + (f"{slot['titre'].lower()}" if slot["pause"] else f"« {slot['titre']} »")
        + f" ({duration_fr(slot['end'] - slot['start'])})" for slot in slots)
    description = (
        f"Frise verticale de {name}, de {clock_fr(slots[0]['debut'])} à {clock_fr(slots[-1]['fin'])}, "
        f"avec {len(sequences)} séquence{'s' if len(sequences) > 1 else ''} et {len(pauses)} "
        f"pause{'s' if len(pauses) > 1 else ''}. Dans l'ordre : {steps}. "
        f"Temps de formation, pauses non comptées : {duration_fr(training)}.")
    title = f"Déroulé du jour {day}" if day else "Déroulé de la journée"
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description, title=title)


# --------------------------------------------------------------------------------------------------
# (2) Objectives × sequences
# --------------------------------------------------------------------------------------------------

def draw_matrix(data: dict[str, Any]) -> Drawing:
    objectives = require(data, "objectives", "objectifs-sequences")
    sequences = require(data, "sequences", "objectifs-sequences")
    known = [objective["id"] for objective in objectives]
    label_w, col_w, row_h, head = 372, 52, 34, 44
    days = sorted({sequence.get("jour") for sequence in sequences}, key=lambda d: (d is None, d))
    rows = len(sequences) + len(days)
    legend_lines = [wrap(f"{o['id']} : {o['libelle']}", 620, 13) for o in objectives]
    legend_h = sum(len(lines) for lines in legend_lines) * 17 + 16
    canvas = Canvas(label_w + col_w * len(objectives) + 16, head + rows * row_h + legend_h + 8)
    for column, objective_id in enumerate(known):
        x = label_w + col_w * column + col_w / 2
        canvas.text(x, head / 2, objective_id, size=14, bold=True)
    y = head
    for day in days:
        canvas.rect(0, y + 3, canvas.width, row_h - 6, fill="neutre", radius=3)
        canvas.text(8, y + row_h / 2, f"Jour {day}" if day else "Autres séquences", size=13, anchor="start", bold=True)
        y += row_h
        for sequence in [s for s in sequences if s.get("jour") == day]:
            unknown = [o for o in sequence.get("objectifs", []) if o not in known]
            if unknown:
                raise FigureError(f"la figure « objectifs-sequences » : la séquence « {sequence['id']} » cite "
                                  f"un objectif inconnu ({join_fr(unknown)}).")
            canvas.line(0, y + row_h, canvas.width, y + row_h, stroke="neutre", width=1)
            canvas.text(8, y + row_h / 2, sequence["titre"], size=13, anchor="start", max_width=label_w - 16,
                        leading=1.1)
            for column, objective_id in enumerate(known):
                cx = label_w + col_w * column + col_w / 2
                if objective_id in sequence.get("objectifs", []):
                    canvas.circle(cx, y + row_h / 2, 8, fill="trait-1")
                else:
                    canvas.circle(cx, y + row_h / 2, 2.5, fill="trait")
            y += row_h
    y += 12
    for lines in legend_lines:
        for line in lines:
            canvas.text(8, y, line, size=13, anchor="start", valign="top")
            y += 17
    parts = []
    for objective in objectives:
        covered = [f"« {s['titre']} »" for s in sequences if objective["id"] in s.get("objectifs", [])]
        if covered:
            parts.append(f"l'objectif {objective['id']}, {objective['libelle'].lower()}, est travaillé par "
                         f"{len(covered)} séquence{'s' if len(covered) > 1 else ''} : {join_fr(covered)}")
        else:
            parts.append(f"l'objectif {objective['id']}, {objective['libelle'].lower()}, n'est travaillé "
                         "par aucune séquence")
    description = (f"Tableau croisé de {len(sequences)} séquences, en lignes, et de {len(objectives)} objectifs "
                   f"de la formation, en colonnes ; un disque plein marque chaque objectif travaillé par une "
                   f"séquence. " + "; ".join(parts).capitalize() + ".")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# (3) A timed plan (« Déroulé minuté » of a tool sheet or a sequence) as one horizontal bar
# --------------------------------------------------------------------------------------------------

def _step_label(step: dict[str, Any]) -> str:
    label = str(step.get("label") or step.get("text") or "").strip()
    if not label:
        raise FigureError("la figure « plan-minute » : une étape n'a pas de libellé.")
    return label


def draw_plan(data: dict[str, Any]) -> Drawing:
    steps = require(data, "etapes", "plan-minute")
    total = sum(int(step["minutes"]) for step in steps)
    if total <= 0:
        raise FigureError("la figure « plan-minute » : la somme des durées est nulle.")
    left, bar_w, bar_y, bar_h = 12, 604, 10, 46
    legends = [wrap(f"{index}. {duration_fr(int(step['minutes']))} · {_step_label(step)}", 610, 13)
               for index, step in enumerate(steps, 1)]
    legend_h = sum(min(len(lines), 3) for lines in legends) * 17 + len(steps) * 4
    canvas = Canvas(640, bar_y + bar_h + 34 + legend_h + 8)
    x = left
    elapsed = 0
    last_tick = -100.0
    canvas.text(left, bar_y + bar_h + 14, "0", size=12, anchor="middle", tone="texte-doux")
    for index, step in enumerate(steps, 1):
        w = bar_w * int(step["minutes"]) / total
        tone = SERIES[(index - 1) % len(SERIES)]
        canvas.rect(x, bar_y, w, bar_h, fill=tone, stroke=f"trait-{tone}", width=1.2, radius=2)
        if w >= 22:
            canvas.text(x + w / 2, bar_y + bar_h / 2, str(index), size=14, bold=True)
        elapsed += int(step["minutes"])
        x += w
        if x - last_tick >= 26 and (index == len(steps) or bar_w + left - x >= 26):
            canvas.text(x, bar_y + bar_h + 14, str(elapsed), size=12, tone="texte-doux")
            last_tick = x
    canvas.text(left + bar_w, bar_y + bar_h + 28, "minutes", size=12, anchor="end", tone="texte-doux")
    y = bar_y + bar_h + 38
    for lines in legends:
        if len(lines) > 3:
            lines = lines[:2] + [lines[2] + " …"]
        for line in lines:
            canvas.text(left, y, line, size=13, anchor="start", valign="top")
            y += 17
        y += 4
    listed = "; ".join(f"{index}, {duration_fr(int(step['minutes']))} : {_step_label(step)}"
                       for index, step in enumerate(steps, 1))
    name = f" de « {data['titre']} »" if data.get("titre") else ""
    description = (f"Barre du déroulé minuté{name} : {len(steps)} étapes pour {duration_fr(total)} au total, "
                   f"chaque segment ayant une longueur proportionnelle à sa durée. Étapes : {listed}.")
    title = f"Déroulé minuté : {data['titre']}" if data.get("titre") else None
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description, title=title)


# --------------------------------------------------------------------------------------------------
# (4) Participation circles, with the names the handbook uses
# --------------------------------------------------------------------------------------------------

CIRCLES = [
    {"nom": "Noyau", "description": "porte la dynamique"},
    {"nom": "Participation active", "description": "présente régulièrement"},
    {"nom": "Participation occasionnelle", "description": "vient quand le sujet la concerne"},
    {"nom": "Périphérie", "description": "lien durable, engagement faible"},
    {"nom": "Transactionnels", "description": "extérieurs, utilisent ou alimentent les productions"},
]


def draw_circles(data: dict[str, Any]) -> Drawing:
    circles = require(data, "cercles", "cercles-participation")
    count = len(circles)
    cx, cy, outer = 215, 215, 200
    step = outer / count
    canvas = Canvas(720, 450)
    for index in range(count - 1, -1, -1):
        tone = SERIES[index % len(SERIES)]
        last = index == count - 1
        canvas.circle(cx, cy, step * (index + 1), fill=None if last else tone, stroke=f"trait-{tone}",
                      width=2 if last else 1.2, dash="6 4" if last else None)
    label_x = 452
    gap = 400 / count
    for index, circle in enumerate(circles):
        name = str(circle.get("nom") or "").strip()
        if not name:
            raise FigureError("la figure « cercles-participation » : un cercle n'a pas de nom.")
        ly = 30 + gap * index + gap / 2 - 12
        radius = step * index + step / 2 if index else 0
        angle = math.atan2(ly - cy, label_x - cx)
        px, py = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        canvas.circle(px, py, 3.5, fill="texte")
        canvas.line(px, py, label_x - 8, ly, stroke="texte", width=1)
        canvas.text(label_x, ly - 9, f"{index + 1}. {name}", size=14, anchor="start", bold=True)
        if circle.get("description"):
            canvas.text(label_x, ly + 2, circle["description"], size=13, anchor="start", valign="top",
                        max_width=720 - label_x - 6, leading=1.15)
    canvas.path(f"M {cx - 30} {cy + 150} C {cx - 60} {cy + 80}, {cx - 60} {cy + 40}, {cx - 28} {cy + 14}",
                stroke="texte", width=1.6)
    canvas.arrowhead(cx - 24, cy + 10, -0.9, tone="texte")
    canvas.arrowhead(cx - 30, cy + 154, 1.9, tone="texte")
    canvas.text(cx, cy + 224, "On passe d'un cercle à l'autre au fil du temps.", size=13, italic=True)
    names = [f"{index + 1}, {c['nom'].lower()}" + (f" ({c['description']})" if c.get("description") else "")
             for index, c in enumerate(circles)]
    description = (f"{count} cercles emboîtés, du centre vers l'extérieur : {join_fr(names)}. "
                   "Le dernier cercle, en pointillé, est à la frontière de la communauté. Une double flèche "
                   "rappelle que les personnes changent de cercle avec le temps.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


FIGURES = [
    Figure("deroule-journee", "Déroulé de la journée",
           "Les séquences et les pauses de la journée, à l'échelle du temps, d'après le déroulé minuté.",
           draw_timeline, page="jour-1/index.md, jour-2/index.md", heading="Déroulé de la journée",
           needs_data=True),
    Figure("objectifs-sequences", "Objectifs et séquences",
           "Quelles séquences travaillent chacun des cinq objectifs de la formation.",
           draw_matrix, page="formation.md", heading="Objectifs et séquences", needs_data=True),
    Figure("plan-minute", "Déroulé minuté",
           "Les étapes du déroulé minuté, chacune à la longueur de sa durée.",
           draw_plan, page="outils/*.md", heading="Déroulé minuté", needs_data=True),
    Figure("cercles-participation", "Les cercles de participation",
           "Cinq cercles de participation, du noyau aux personnes extérieures qui se servent des productions.",
           draw_circles, source="wenger-trayner-niveaux", page="guide/communautes-de-pratique.md",
           heading="Les niveaux de participation", defaults={"cercles": CIRCLES}),
]
