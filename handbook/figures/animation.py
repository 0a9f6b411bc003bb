"""Facilitation structures: 1-2-4-tous, World Café rounds, and the three ways of working together."""

from __future__ import annotations

import math
from typing import Any

from ..formats import duration_fr
from .base import Canvas, Drawing, Figure, require
from .palette import SERIES

# --------------------------------------------------------------------------------------------------
# 1-2-4-tous (Liberating Structures)
# --------------------------------------------------------------------------------------------------

STAGES_124 = [
    {"nom": "Seul", "minutes": 2, "groupe": 1},
    {"nom": "À deux", "minutes": 4, "groupe": 2},
    {"nom": "À quatre", "minutes": 6, "groupe": 4},
    {"nom": "Tous", "minutes": 8, "groupe": 8},
]


def draw_124(data: dict[str, Any]) -> Drawing:
    stages = require(data, "temps", "structure-1-2-4-tous")
    people = 8
    canvas = Canvas(680, 250)
    panel = 680 / len(stages)
    for index, stage in enumerate(stages):
        x0 = index * panel
        cx, cy = x0 + panel / 2, 112
        size = max(1, int(stage["groupe"]))
        groups = max(1, people // size)
        tone = SERIES[index % len(SERIES)]
        for group in range(groups):
            members = min(size, people)
            if groups == 1:
                gx, gy, spread = cx, cy, 48
            else:
                cols = 2 if groups > 2 else 1
                rows = math.ceil(groups / cols)
                gx = cx + ((group % cols) - (cols - 1) / 2) * (64 if cols > 1 else 0)
                gy = cy + ((group // cols) - (rows - 1) / 2) * (152 / rows)
                spread = 0 if members == 1 else 13 if members == 2 else 18
            if members > 1:
                canvas.circle(gx, gy, spread + 13, fill=tone, stroke=f"trait-{tone}", width=1.3)
            for member in range(members):
                angle = 2 * math.pi * member / members - math.pi / 2
                canvas.circle(gx + spread * math.cos(angle), gy + spread * math.sin(angle), 6.5, fill="texte")
        canvas.text(cx, 22, stage["nom"], size=16, bold=True)
        canvas.text(cx, 214, duration_fr(int(stage["minutes"])), size=14)
        if index:
            canvas.arrow(x0 - 12, cy, x0 + 12, cy, tone="texte")
    total = sum(int(stage["minutes"]) for stage in stages)
    canvas.text(340, 242, f"Huit personnes, {duration_fr(total)} d'échanges après la consigne.", size=12,
                italic=True, tone="texte-doux")
    listed = "; ".join(f"{stage['nom'].lower()}, {duration_fr(int(stage['minutes']))}" for stage in stages)
    description = (f"Quatre temps de gauche à droite, illustrés avec huit personnes : d'abord huit personnes "
                   f"seules, puis quatre paires, puis deux groupes de quatre, enfin un seul cercle de huit. "
                   f"Durées : {listed}. Chaque temps regroupe les idées du précédent.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# World Café rounds (Brown & Isaacs 2005)
# --------------------------------------------------------------------------------------------------

CAFE = {"tours": 3, "minutes_tour": 20, "minutes_changement": 5, "minutes_recolte": 15}
# Which table each traveller (A1…C3: starting table and number) sits at in each round.
_SEATS = [["A", "A", "A", "B", "B", "B", "C", "C", "C"],
          ["A", "B", "C", "B", "C", "A", "C", "A", "B"],
          ["A", "C", "B", "B", "A", "C", "C", "B", "A"]]


def draw_cafe(data: dict[str, Any]) -> Drawing:
    rounds = int(require(data, "tours", "tours-world-cafe", int))
    minutes = int(data.get("minutes_tour", 20))
    change = int(data.get("minutes_changement", 5))
    harvest = int(data.get("minutes_recolte", 15))
    rounds = max(1, min(rounds, len(_SEATS)))
    canvas = Canvas(700, 410)
    col = 560 / rounds
    travellers = [f"{table}{n}" for table in "ABC" for n in (1, 2, 3)]
    tones = {"A": "1", "B": "2", "C": "3"}
    for r in range(rounds):
        cx = 20 + col * r + col / 2
        canvas.text(cx, 20, f"Tour {r + 1} · {duration_fr(minutes)}", size=14, bold=True)
        if r:
            canvas.text(20 + col * r, 366, f"changement · {duration_fr(change)}", size=11, tone="texte-doux")
            canvas.arrow(20 + col * r - 14, 352, 20 + col * r + 14, 352, tone="trait")
        for t, table in enumerate("ABC"):
            ty = 80 + t * 112
            canvas.circle(cx, ty, 40, fill="neutre", stroke="trait", width=1.2)
            canvas.rect(cx - 11, ty - 11, 22, 22, fill="fond", stroke="texte", width=1.6, radius=2)
            canvas.text(cx, ty, table, size=12, bold=True)
            seated = [name for name, seat in zip(travellers, _SEATS[r]) if seat == table]
            for s, name in enumerate(seated):
                angle = (0.0, math.pi, math.pi / 2)[s % 3]
                px, py = cx + 52 * math.cos(angle), ty + 52 * math.sin(angle)
                canvas.circle(px, py, 12, fill=tones[name[0]], stroke=f"trait-{tones[name[0]]}", width=1.2)
                canvas.text(px, py, name, size=10, bold=True)
    hx = 20 + col * rounds + 8
    canvas.rect(hx, 40, 700 - hx - 6, 290, fill="4", stroke="trait-4", width=1.4, radius=8)
    canvas.text(hx + (700 - hx - 6) / 2, 62, "Récolte", size=14, bold=True)
    canvas.text(hx + (700 - hx - 6) / 2, 80, duration_fr(harvest), size=13)
    canvas.text(hx + (700 - hx - 6) / 2, 110, "Chaque hôte donne une idée forte, une surprise, une question.",
                size=12, max_width=700 - hx - 20, valign="top", leading=1.15)
    canvas.text(20, 398, "Carré : l'hôte, qui reste à sa table. Ronds : les voyageuses et voyageurs, notés "
                "d'après leur table de départ.", size=12, anchor="start", tone="texte-doux")
    description = (f"{rounds} tours de {duration_fr(minutes)} à trois tables A, B et C, puis une récolte de "
                   f"{duration_fr(harvest)}. À chaque table, un carré figure l'hôte, qui reste d'un tour à "
                   "l'autre ; des ronds figurent les voyageuses et voyageurs, notés d'après leur table de "
                   f"départ. Entre deux tours, {duration_fr(change)} de changement : au premier tour, chaque "
                   "table réunit des personnes de la même table de départ ; ensuite, chaque table mêle des "
                   "personnes venues des trois tables. À la récolte, chaque hôte donne une idée forte, une "
                   "surprise, une question.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Coordination, divided work, work done together (as the guide chapter presents them)
# --------------------------------------------------------------------------------------------------

MODES = [
    {"nom": "Coordination", "texte": "Une organisation prescrite : qui fait quoi, quand, avec quelles obligations",
     "auteurs": "Règles, rôles et calendrier fixés à l'avance"},
    {"nom": "Travail découpé", "texte": "Chacun traite sa part, on assemble à la fin",
     "auteurs": "« Coopération » chez Henri et Lundgren-Cayrol, et chez Dillenbourg"},
    {"nom": "Travail mené ensemble", "texte": "Tout le monde vise le but commun, d'un bout à l'autre",
     "auteurs": "« Collaboration » chez les mêmes auteurs"},
]


def _person(canvas: Canvas, x: float, y: float) -> None:
    canvas.circle(x, y - 9, 6, fill="texte")
    canvas.path(f"M {x - 10} {y + 10} Q {x} {y - 6} {x + 10} {y + 10} Z", fill="texte", stroke=None)


def draw_modes(data: dict[str, Any]) -> Drawing:
    modes = require(data, "modes", "modes-de-travail")[:3]
    canvas = Canvas(690, 370)
    panel = 230
    for index, mode in enumerate(modes):
        x0 = index * panel
        cx = x0 + panel / 2
        tone = SERIES[index]
        canvas.rect(x0 + 5, 5, panel - 10, 300, fill=tone, stroke=f"trait-{tone}", width=1.4, radius=10)
        canvas.text(cx, 28, mode["nom"], size=16, bold=True)
        people = [cx - 60, cx, cx + 60]
        if index == 0:
            canvas.rect(cx - 70, 50, 140, 30, fill="fond", stroke="texte", width=1.4, radius=4)
            canvas.text(cx, 65, "règle écrite", size=12, bold=True)
            for px in people:
                canvas.arrow(cx, 80, px, 106, tone="texte", width=1.3)
                _person(canvas, px, 122)
                canvas.rect(px - 16, 140, 32, 14, fill="fond", stroke="texte", width=1.2, radius=2)
        elif index == 1:
            for p, px in enumerate(people):
                _person(canvas, px, 72)
                canvas.rect(px - 18, 92, 36, 22, fill="fond", stroke="texte", width=1.4, radius=2)
                canvas.text(px, 103, "ABC"[p], size=12, bold=True)
                canvas.arrow(px, 116, cx - 36 + 36 * p, 134, tone="texte", width=1.3)
            canvas.rect(cx - 54, 136, 108, 22, fill="fond", stroke="texte", width=1.4, radius=2)
            canvas.text(cx, 147, "A + B + C", size=12, bold=True)
        else:
            canvas.rect(cx - 40, 92, 80, 40, fill="fond", stroke="texte", width=1.6, radius=6)
            canvas.text(cx, 112, "production", size=12, bold=True)
            for px, py in ((cx - 76, 80), (cx + 76, 80), (cx, 164)):
                _person(canvas, px, py)
                canvas.line(px, py, cx + (px - cx) * 0.45, 112 + (py - 112) * 0.5, stroke="texte", width=1.4)
        canvas.text(cx, 186, mode["texte"], size=13, max_width=panel - 30, valign="top", leading=1.15)
        canvas.text(cx, 250, mode["auteurs"], size=12, italic=True, max_width=panel - 30, valign="top",
                    leading=1.15)
    note = data.get("note", "")
    if note:
        canvas.text(345, 338, note, size=13, max_width=660, leading=1.15)
    listed = "; ".join(f"{mode['nom'].lower()} : {mode['texte'][0].lower()}{mode['texte'][1:]} "
                       f"({mode['auteurs'][0].lower()}{mode['auteurs'][1:]})" for mode in modes)
    description = (f"Trois panneaux côte à côte. {listed}. " + (note if note else ""))
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description.strip())


FIGURES = [
    Figure("structure-1-2-4-tous", "La structure du 1-2-4-tous",
           "Seul, à deux, à quatre, puis tous : chaque temps reprend les idées du précédent.",
           draw_124, source="lipmanowicz-mccandless", page="outils/1-2-4-tous.md",
           heading="Participation et groupes", defaults={"temps": STAGES_124}),
    Figure("tours-world-cafe", "Les tours d'un World Café",
           "Les hôtes restent à leur table, les autres personnes changent de table à chaque tour pour croiser "
           "les regards.",
           draw_cafe, source="brown-isaacs-2005", page="outils/world-cafe.md", heading="Participation et groupes",
           defaults=CAFE),
    Figure("modes-de-travail", "Coordonner, découper le travail, le mener ensemble",
           "Trois façons de travailler ensemble ; les mots « coopération » et « collaboration » changent de "
           "sens selon les auteurs.",
           draw_modes, source="henri-lundgren-cayrol-2001", page="guide/cooperer-collaborer-coordonner.md",
           heading="La coordination, une organisation prescrite",
           defaults={"modes": MODES, "note": "Éloi Laurent emploie les mots à l'inverse : on collabore pour "
                                             "produire, on coopère pour apprendre ensemble."}),
]
