"""Foresight figures: three horizons (Sharpe) and the futures wheel (Glenn)."""

from __future__ import annotations

import math
from typing import Any

from .base import Canvas, Drawing, Figure, FigureError, require

# --------------------------------------------------------------------------------------------------
# Three horizons (Sharpe 2013; Sharpe et al. 2016)
# --------------------------------------------------------------------------------------------------

HORIZONS = {
    "h1": "le système dominant, qui décline",
    "h2": "les innovations de transition",
    "h3": "l'avenir souhaité, déjà présent par endroits",
    "h2plus": "H2+ ouvre vers H3",
    "h2moins": "H2− entretient H1",
}


def draw_horizons(data: dict[str, Any]) -> Drawing:
    labels = {key: require(data, key, "trois-horizons", str) for key in HORIZONS}
    canvas = Canvas(660, 400)
    left, right, top, bottom = 60, 640, 20, 330
    canvas.arrow(left, bottom, right, bottom, tone="texte")
    canvas.arrow(left, bottom, left, top, tone="texte")
    canvas.text((left + right) / 2, bottom + 22, "Temps : d'aujourd'hui vers l'avenir", size=13, bold=True)
    canvas.add(f'<g transform="translate({left - 22} {(top + bottom) / 2}) rotate(-90)">')
    canvas.text(0, 0, "Place dans le système", size=13, bold=True)
    canvas.add("</g>")
    canvas.path(f"M {left + 4} 60 C 260 62, 380 250, {right - 12} 305", stroke="trait-2", width=4)
    canvas.path(f"M {left + 4} 305 C 280 300, 400 80, {right - 12} 58", stroke="trait-1", width=4, dash="2 7")
    canvas.path(f"M {left + 40} 318 C 220 300, 260 150, 350 150 S 500 300, {right - 50} 318", stroke="trait-3",
                width=4, dash="12 6")
    canvas.text(left + 16, 46, f"H1 · {labels['h1']}", size=14, anchor="start", bold=True, tone="trait-2")
    canvas.text(right - 14, 42, f"H3 · {labels['h3']}", size=14, anchor="end", bold=True, tone="trait-1",
                max_width=250, leading=1.12)
    canvas.text(350, 262, f"H2 · {labels['h2']}", size=14, bold=True, tone="trait-3", max_width=150,
                leading=1.12)
    canvas.arrow(378, 158, 452, 128, tone="texte")
    canvas.text(458, 144, labels["h2plus"], size=13, anchor="start")
    canvas.arrow(322, 158, 262, 150, tone="texte")
    canvas.text(256, 168, labels["h2moins"], size=13, anchor="end")
    canvas.text(22, 380, "Traits : H1 continu, H2 en tirets longs, H3 en pointillé.", size=12, anchor="start",
                tone="texte-doux")
    description = (
        "Trois courbes sur un même graphique, le temps en abscisse et la place dans le système en ordonnée. "
        f"La courbe H1, {labels['h1']}, part haut et descend. La courbe H3, {labels['h3']}, part bas et monte. "
        f"Entre les deux, la courbe H2, {labels['h2']}, forme une bosse ; deux flèches en partent : "
        f"{labels['h2plus']}, {labels['h2moins']}.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Futures wheel (Glenn), with the handbook's example
# --------------------------------------------------------------------------------------------------

WHEEL = {
    "changement": "Un service d'aide et un SSIAD voisins deviennent un seul SAD qui dispense aide et soins",
    "consequences": [
        {"texte": "La personne accompagnée a un seul interlocuteur", "suites": []},
        {"texte": "Les plannings d'aide et de soin doivent s'articuler", "suites": [
            {"texte": "Aides à domicile et aides-soignantes se transmettent davantage d'informations", "suites": [
                {"texte": "Les outils de transmission doivent être partagés", "suites": []},
                {"texte": "La confidentialité se pose autrement", "suites": []},
            ]},
            {"texte": "Des besoins de formation commune apparaissent", "suites": []},
        ]},
    ],
}

_ORDINAL = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième"}


def _leaves(node: dict[str, Any]) -> int:
    return max(1, sum(_leaves(child) for child in node.get("suites", [])))


def draw_wheel(data: dict[str, Any]) -> Drawing:
    change = require(data, "changement", "roue-des-futurs", str)
    first = require(data, "consequences", "roue-des-futurs")
    canvas = Canvas(720, 640)
    cx, cy = 360, 320
    radii = {1: 150, 2: 235, 3: 300}
    for depth in (3, 2, 1):
        canvas.circle(cx, cy, radii[depth], fill=None, stroke="trait", width=1, dash="5 5")
    nodes: list[tuple[int, float, float, str]] = []
    lines: list[str] = []

    def place(children: list[dict[str, Any]], depth: int, start: float, span: float,
              parent: tuple[float, float]) -> None:
        if depth > 3 and children:
            raise FigureError("la figure « roue-des-futurs » : trois cercles de conséquences au plus.")
        total = sum(_leaves(child) for child in children)
        angle = start
        for child in children:
            share = span * _leaves(child) / total
            mid = angle + share / 2
            x, y = cx + radii[depth] * math.cos(mid), cy + radii[depth] * math.sin(mid)
            canvas.line(parent[0], parent[1], x, y, stroke="texte", width=1.3)
            nodes.append((depth, x, y, child["texte"]))
            lines.append(f"{_ORDINAL[depth]} cercle : {child['texte']}")
            place(child.get("suites", []), depth + 1, angle, share, (x, y))
            angle += share

    place(first, 1, -math.pi * 0.95, math.pi * 1.9, (cx, cy))
    canvas.circle(cx, cy, 78, fill="2", stroke="trait-2", width=2)
    canvas.text(cx, cy, change, size=12, bold=True, max_width=128, leading=1.12)
    for depth, x, y, label in nodes:
        tone = {1: "1", 2: "3", 3: "4"}[depth]
        canvas.rect(x - 75, y - 30, 150, 60, fill=tone, stroke=f"trait-{tone}", width=1.3, radius=10)
        canvas.text(x, y, label, size=12, max_width=136, leading=1.12)
    for depth in (1, 2, 3):
        canvas.text(cx + radii[depth] * math.cos(-math.pi * 0.5) + 4,
                    cy - radii[depth] - 6, f"{depth}{'er' if depth == 1 else 'e'} cercle", size=12,
                    anchor="start", tone="texte-doux")
    description = (f"Roue des futurs. Au centre, le changement : « {change} ». Des traits relient chaque "
                   "conséquence à celle dont elle découle, du premier au troisième cercle. "
                   + "; ".join(lines).capitalize() + ".")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


FIGURES = [
    Figure("trois-horizons", "Les trois horizons",
           "Le système dominant qui décline (H1), l'avenir souhaité déjà présent par endroits (H3) et, entre "
           "les deux, les innovations de transition (H2).",
           draw_horizons, source="sharpe-2013", page="jour-1/enjeux-prospective.md",
           heading="Les trois horizons", defaults=HORIZONS),
    Figure("roue-des-futurs", "La roue des futurs",
           "Un changement au centre, ses conséquences directes, puis les conséquences de ces conséquences "
           "(exemple de la séquence).",
           draw_wheel, source="glenn-1972", page="jour-1/enjeux-prospective.md", heading="La roue des futurs",
           defaults=WHEEL),
]
