"""Figures for mapping an ecosystem: the three-circle map and the power–interest grid."""

from __future__ import annotations

import math
from typing import Any

from .base import Canvas, Drawing, Figure, join_fr, require
from .palette import SERIES

# --------------------------------------------------------------------------------------------------
# Ecosystem map: three circles around the problem (sequence « Modéliser son écosystème »)
# --------------------------------------------------------------------------------------------------

MAP = {
    "probleme": "Qui agit sur le retour à domicile après une hospitalisation ?",
    "cercles": [
        {"nom": "Directement concernés",
         "exemples": ["personnes accompagnées", "proches aidants", "intervenantes", "structures adhérentes"]},
        {"nom": "Agissent sur la problématique",
         "exemples": ["partenaires de terrain", "services hospitaliers", "centres communaux d'action sociale",
                      "organismes de formation"]},
        {"nom": "Fixent le cadre, financent ou autorisent",
         "exemples": ["conseil départemental", "agence régionale de santé", "caisses de retraite"]},
    ],
}


def draw_map(data: dict[str, Any]) -> Drawing:
    problem = require(data, "probleme", "carte-ecosysteme", str)
    circles = require(data, "cercles", "carte-ecosysteme")
    canvas = Canvas(720, 470)
    cx, cy = 230, 235
    centre = 72
    step = (222 - centre) / len(circles)
    for index in range(len(circles) - 1, -1, -1):
        tone = SERIES[index % len(SERIES)]
        canvas.circle(cx, cy, centre + step * (index + 1), fill=tone, stroke=f"trait-{tone}", width=1.4)
    canvas.circle(cx, cy, centre, fill="fond", stroke="texte", width=1.6)
    canvas.text(cx, cy, problem, size=12, bold=True, max_width=122, leading=1.12)
    label_x = 470
    gap = 430 / len(circles)
    for index, circle in enumerate(circles):
        ly = 30 + gap * index + 14
        radius = centre + step * index + step / 2
        angle = math.atan2(ly + 8 - cy, label_x - cx)
        px, py = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        canvas.circle(px, py, 3.5, fill="texte")
        canvas.line(px, py, label_x - 8, ly + 8, stroke="texte", width=1)
        lines = canvas.text(label_x, ly, f"{index + 1}. {circle['nom']}", size=14, anchor="start", bold=True,
                            max_width=720 - label_x - 4, valign="top", leading=1.12)
        canvas.text(label_x, ly + lines * 16 + 2, join_fr(circle.get("exemples", [])), size=13, anchor="start",
                    max_width=720 - label_x - 4, valign="top", leading=1.15)
    listed = "; ".join(f"cercle {index}, {c['nom'].lower()} : {join_fr(c.get('exemples', []))}"
                       for index, c in enumerate(circles, 1))
    description = (f"Carte des acteurs en cercles emboîtés. Au centre, la problématique : « {problem} ». "
                   f"Autour, du plus proche au plus éloigné : {listed}.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Power–interest grid (Eden & Ackermann 1998), with the handbook's way of working with each group
# --------------------------------------------------------------------------------------------------

GRID = {
    "cases": {
        "pouvoir-fort-interet-faible": {"nom": "Poseurs de contexte",
                                        "action": "Les tenir informés, les solliciter à des moments choisis"},
        "pouvoir-fort-interet-fort": {"nom": "Acteurs clés", "action": "Construire avec eux"},
        "pouvoir-faible-interet-faible": {"nom": "Foule", "action": "Les informer simplement"},
        "pouvoir-faible-interet-fort": {"nom": "Sujets", "action": "Les associer, leur donner la parole"},
    },
}

_PLACES = [
    ("pouvoir-fort-interet-faible", 0, 0, "4", "pouvoir fort, intérêt faible"),
    ("pouvoir-fort-interet-fort", 1, 0, "1", "pouvoir fort, intérêt fort"),
    ("pouvoir-faible-interet-faible", 0, 1, "3", "pouvoir faible, intérêt faible"),
    ("pouvoir-faible-interet-fort", 1, 1, "2", "pouvoir faible, intérêt fort"),
]


def draw_grid(data: dict[str, Any]) -> Drawing:
    cases = require(data, "cases", "grille-pouvoir-interet", dict)
    canvas = Canvas(640, 450)
    left, top, cell_w, cell_h = 92, 14, 268, 180
    parts = []
    for key, column, row, tone, where in _PLACES:
        case = cases[key]
        x, y = left + column * cell_w, top + row * cell_h
        canvas.rect(x + 3, y + 3, cell_w - 6, cell_h - 6, fill=tone, stroke=f"trait-{tone}", width=1.5, radius=6)
        canvas.text(x + cell_w / 2, y + 62, case["nom"], size=17, bold=True)
        canvas.text(x + cell_w / 2, y + 86, case["action"], size=13, max_width=cell_w - 40, valign="top")
        parts.append(f"{where} : {case['nom'].lower()}, {case['action'][0].lower()}{case['action'][1:]}")
    bottom = top + 2 * cell_h
    canvas.arrow(left, bottom + 14, left + 2 * cell_w, bottom + 14, tone="texte")
    canvas.text(left + cell_w, bottom + 34, "Intérêt pour la démarche", size=14, bold=True)
    canvas.text(left + 4, bottom + 34, "faible", size=12, anchor="start", tone="texte-doux")
    canvas.text(left + 2 * cell_w - 10, bottom + 34, "fort", size=12, anchor="end", tone="texte-doux")
    canvas.arrow(left - 16, bottom, left - 16, top, tone="texte")
    canvas.add(f'<g transform="translate({left - 38} {top + cell_h}) rotate(-90)">')
    canvas.text(0, 0, "Pouvoir sur la démarche", size=14, bold=True)
    canvas.add("</g>")
    canvas.text(left - 24, bottom - 6, "faible", size=12, anchor="end", tone="texte-doux")
    canvas.text(left - 24, top + 10, "fort", size=12, anchor="end", tone="texte-doux")
    description = ("Grille à quatre cases : l'intérêt pour la démarche en abscisse, de faible à fort, le pouvoir "
                   "sur la démarche en ordonnée, de faible à fort. " + "; ".join(parts).capitalize() + ".")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


FIGURES = [
    Figure("carte-ecosysteme", "Carte des acteurs en trois cercles",
           "La problématique au centre, puis trois cercles : les personnes directement concernées, celles qui "
           "agissent, celles qui fixent le cadre.",
           draw_map, source=None, page="jour-1/ecosysteme.md", heading="La carte des acteurs", defaults=MAP),
    Figure("grille-pouvoir-interet", "La grille pouvoir-intérêt",
           "Les quatre groupes de parties prenantes d'Eden et Ackermann, et une façon de travailler avec chacun.",
           draw_grid, source="eden-ackermann-1998", page="jour-1/ecosysteme.md",
           heading="La grille pouvoir-intérêt", defaults=GRID),
]
