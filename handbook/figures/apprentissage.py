"""Learning and evaluation figures: value-creation cycles, Kolb's cycle, single and double loop."""

from __future__ import annotations

import math
from typing import Any

from .base import Canvas, Drawing, Figure, require
from .palette import SERIES

# --------------------------------------------------------------------------------------------------
# Value-creation cycles (Wenger, Trayner & de Laat 2011)
# --------------------------------------------------------------------------------------------------

CYCLES = [
    {"nom": "Valeur immédiate", "texte": "les activités et les échanges eux-mêmes"},
    {"nom": "Valeur potentielle", "texte": "connaissances, relations, réputation, capacité à apprendre"},
    {"nom": "Valeur appliquée", "texte": "des changements de pratique dans les structures"},
    {"nom": "Valeur réalisée", "texte": "de meilleurs résultats"},
    {"nom": "Recadrage", "texte": "une autre idée de ce qu'est une réussite"},
]


def draw_value(data: dict[str, Any]) -> Drawing:
    cycles = require(data, "cycles", "cycles-valeur")
    count = len(cycles)
    canvas = Canvas(680, 380)
    step_w = (680 - 20) / count
    rise = 32
    for index, cycle in enumerate(cycles):
        tone = SERIES[index % len(SERIES)]
        x = 10 + index * step_w
        y = 40 + (count - 1 - index) * rise
        canvas.rect(x + 3, y, step_w - 6, 330 - y, fill=tone, stroke=f"trait-{tone}", width=1.4, radius=6)
        canvas.text(x + step_w / 2, y + 18, f"{index + 1}", size=15, bold=True)
        lines = canvas.text(x + step_w / 2, y + 32, cycle["nom"], size=13, bold=True, max_width=step_w - 14,
                            valign="top", leading=1.1)
        canvas.text(x + step_w / 2, y + 40 + lines * 15, cycle["texte"], size=12, max_width=step_w - 16, valign="top",
                    leading=1.15)
    canvas.arrow(30, 352, 650, 352, tone="texte", dash="6 4")
    canvas.text(340, 372, "Un récit de création de valeur suit une personne d'un cycle à l'autre.", size=13,
                italic=True)
    listed = "; ".join(f"{index}, {c['nom'].lower()} : {c['texte']}" for index, c in enumerate(cycles, 1))
    description = (f"{count} marches qui montent de gauche à droite, une par cycle de création de valeur : "
                   f"{listed}. Une flèche en pointillé court sous les marches : un récit de création de valeur "
                   "suit une personne d'un cycle à l'autre, d'une activité de la communauté jusqu'à un effet "
                   "dans sa structure.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Kolb's experiential learning cycle (1984)
# --------------------------------------------------------------------------------------------------

KOLB = [
    {"nom": "Expérience concrète", "texte": "vivre une situation"},
    {"nom": "Observation réfléchie", "texte": "la regarder avec recul"},
    {"nom": "Conceptualisation abstraite", "texte": "en tirer des notions plus générales"},
    {"nom": "Expérimentation active", "texte": "les mettre à l'épreuve dans l'action"},
]


def draw_kolb(data: dict[str, Any]) -> Drawing:
    steps = require(data, "temps", "cycle-kolb")
    canvas = Canvas(660, 460)
    cx, cy, radius = 330, 230, 160
    count = len(steps)
    angles = [-math.pi / 2 + index * 2 * math.pi / count for index in range(count)]
    for index, angle in enumerate(angles):
        start = angle + 0.42
        end = angles[(index + 1) % count] - 0.42 + (2 * math.pi if index == count - 1 else 0)
        x1, y1 = cx + radius * math.cos(start), cy + radius * math.sin(start)
        x2, y2 = cx + radius * math.cos(end), cy + radius * math.sin(end)
        canvas.path(f"M {x1:.1f} {y1:.1f} A {radius} {radius} 0 0 1 {x2:.1f} {y2:.1f}", stroke="texte", width=2)
        canvas.arrowhead(x2, y2, end + math.pi / 2, tone="texte")
    for index, (angle, step) in enumerate(zip(angles, steps)):
        tone = SERIES[index % len(SERIES)]
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        canvas.rect(x - 104, y - 40, 208, 80, fill=tone, stroke=f"trait-{tone}", width=1.4, radius=12)
        lines = canvas.text(x, y - 26, f"{index + 1}. {step['nom']}", size=13, bold=True, max_width=196,
                            valign="top", leading=1.1)
        canvas.text(x, y - 22 + lines * 15, step["texte"], size=12, max_width=196, valign="top", leading=1.12)
    listed = "; ".join(f"{index}, {s['nom'].lower()} : {s['texte']}" for index, s in enumerate(steps, 1))
    description = (f"Un cycle de {count} temps reliés par des flèches, dans le sens des aiguilles d'une montre : "
                   f"{listed}. Après le dernier temps, le cycle recommence avec une nouvelle expérience.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Single and double loop (Argyris & Schön)
# --------------------------------------------------------------------------------------------------

LOOPS = {
    "guide": "Ce qui guide l'action : normes, valeurs, hypothèses",
    "action": "Action",
    "resultat": "Résultat",
    "simple": "Simple boucle : on change l'action",
    "double": "Double boucle : on interroge d'abord ce qui guide l'action",
}


def draw_loops(data: dict[str, Any]) -> Drawing:
    labels = {key: require(data, key, "boucles-apprentissage", str) for key in LOOPS}
    canvas = Canvas(660, 300)
    boxes = {"guide": (20, 200, "3"), "action": (260, 150, "1"), "resultat": (460, 150, "2")}
    y, h = 120, 64
    for key, (x, w, tone) in boxes.items():
        canvas.rect(x, y, w, h, fill=tone, stroke=f"trait-{tone}", width=1.5, radius=8)
        canvas.text(x + w / 2, y + h / 2, labels[key], size=13, bold=True, max_width=w - 16, leading=1.12)
    canvas.arrow(220, y + h / 2, 258, y + h / 2, tone="texte")
    canvas.arrow(410, y + h / 2, 458, y + h / 2, tone="texte")
    canvas.path(f"M 535 {y + h} C 535 250, 335 250, 335 {y + h + 8}", stroke="trait-1", width=2.2)
    canvas.arrowhead(335, y + h + 2, -math.pi / 2, tone="trait-1")
    canvas.text(435, 262, labels["simple"], size=13, bold=True, tone="trait-1")
    canvas.path(f"M 535 {y} C 535 30, 120 30, 120 {y - 8}", stroke="trait-3", width=2.2, dash="8 5")
    canvas.arrowhead(120, y - 2, math.pi / 2, tone="trait-3")
    canvas.text(330, 24, labels["double"], size=13, bold=True, tone="trait-3")
    description = (f"Trois cadres reliés par des flèches : {labels['guide'].lower()}, puis "
                   f"{labels['action'].lower()}, puis {labels['resultat'].lower()}. Du résultat partent deux "
                   f"retours. En bas, un trait continu revient à l'action : {labels['simple'].lower()}. En haut, "
                   f"un trait en tirets revient jusqu'au premier cadre : {labels['double'].lower()}.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


FIGURES = [
    Figure("cycles-valeur", "Les cinq cycles de création de valeur",
           "Cinq cycles pour lire ce qu'une communauté produit, de l'échange lui-même jusqu'à une nouvelle "
           "définition de la réussite.",
           draw_value, source="wenger-trayner-de-laat-2011", page="guide/apprendre-et-evaluer.md",
           heading="La création de valeur", defaults={"cycles": CYCLES}),
    Figure("cycle-kolb", "Le cycle de l'apprentissage expérientiel",
           "Les quatre temps du cycle de Kolb, qui peuvent structurer une séquence ou une séance de communauté.",
           draw_kolb, source="kolb-1984", page="guide/apprendre-et-evaluer.md", heading="Le cycle de Kolb",
           defaults={"temps": KOLB}),
    Figure("boucles-apprentissage", "Simple et double boucle",
           "En simple boucle, on corrige l'action ; en double boucle, on revient d'abord sur ce qui la guide.",
           draw_loops, source="argyris-schon-1978", page="guide/apprendre-et-evaluer.md",
           heading="Simple et double boucle", defaults=LOOPS),
]
