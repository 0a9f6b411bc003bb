"""Group decision figures: the diamond of participatory decision-making (Kaner) and consent rounds."""

from __future__ import annotations

from typing import Any

from .base import Canvas, Drawing, Figure, require

# --------------------------------------------------------------------------------------------------
# Diamond of participatory decision-making (Kaner et al. 2014)
# --------------------------------------------------------------------------------------------------

ZONES = [
    {"nom": "Habitudes de départ", "texte": "les mêmes voix, les idées attendues"},
    {"nom": "Divergence", "texte": "beaucoup d'idées, de l'énergie"},
    {"nom": "Zone de gémissement", "texte": "inconfort, confusion : c'est normal"},
    {"nom": "Convergence", "texte": "des regroupements, des propositions"},
    {"nom": "Clôture", "texte": "décision et engagements"},
]


def draw_diamond(data: dict[str, Any]) -> Drawing:
    zones = require(data, "zones", "losange-participation")
    if len(zones) != 5:
        zones = (zones + ZONES)[:5]
    canvas = Canvas(700, 350)
    cy, half = 150, 118
    start, left, mid1, mid2, right, end = 14, 150, 310, 450, 610, 690
    canvas.line(start, cy, left, cy, stroke="texte", width=2.5)
    top = lambda x: cy - half * (1 - abs(x - (left + right) / 2) / ((right - left) / 2))  # noqa: E731
    for (x1, x2, tone) in ((left, mid1, "1"), (mid1, mid2, "2"), (mid2, right, "3")):
        points = [(x1, top(x1)), (x2, top(x2)), (x2, 2 * cy - top(x2)), (x1, 2 * cy - top(x1))]
        if x1 == left:
            points = [(x1, cy), (x2, top(x2)), (x2, 2 * cy - top(x2))]
        if x2 == right:
            points = [(x1, top(x1)), (x2, cy), (x1, 2 * cy - top(x1))]
        if x1 == mid1:
            points = [(x1, top(x1)), ((left + right) / 2, cy - half), (x2, top(x2)), (x2, 2 * cy - top(x2)),
                      ((left + right) / 2, cy + half), (x1, 2 * cy - top(x1))]
        canvas.polygon(points, fill=tone, stroke=f"trait-{tone}", width=1.5)
    canvas.arrow(right, cy, end, cy, tone="texte", width=2.5)
    spots = [(start + 4, cy - 46, "start"), ((left + mid1) / 2 + 22, cy, "middle"),
             ((mid1 + mid2) / 2, cy, "middle"), ((mid2 + right) / 2 - 22, cy, "middle"), (end, cy - 46, "end")]
    widths = [130, 110, 130, 110, 110]
    for (x, y, anchor), zone, width in zip(spots, zones, widths):
        lines = canvas.text(x, y - 10, zone["nom"], size=14, bold=True, anchor=anchor, max_width=width,
                            leading=1.1)
        canvas.text(x, y + 6 + (lines - 1) * 8, zone["texte"], size=12, anchor=anchor, max_width=width,
                    valign="top", leading=1.12)
    canvas.arrow(left + 10, cy + half + 40, right - 10, cy + half + 40, tone="trait", width=1.2)
    canvas.text((left + right) / 2, cy + half + 62, "Les accords durables se construisent lentement.", size=13,
                italic=True)
    listed = "; ".join(f"{zone['nom'].lower()} : {zone['texte']}" for zone in zones)
    description = ("Un losange couché, parcouru de gauche à droite. Un trait mène au losange, qui s'élargit, "
                   "atteint sa plus grande largeur au milieu, puis se resserre jusqu'à une flèche de sortie. "
                   f"Dans l'ordre : {listed}. Sous le losange : les accords durables se construisent lentement.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Consent rounds (sociocracy; the handbook's sequence of rounds)
# --------------------------------------------------------------------------------------------------

ROUNDS = {
    "tours": ["Proposition, avec sa date de réexamen", "Tour de clarification : questions, sans avis",
              "Tour de réactions : chacune, sans réponse", "Ajustement de la proposition",
              "Tour d'objections"],
    "traitement": "Traitement des objections : chercher la modification qui lève l'objection",
    "decision": "Décision, date de réexamen, qui la met en œuvre",
}


def draw_consent(data: dict[str, Any]) -> Drawing:
    rounds = require(data, "tours", "tours-consentement")
    treatment = require(data, "traitement", "tours-consentement", str)
    decision = require(data, "decision", "tours-consentement", str)
    canvas = Canvas(700, 330)
    count = len(rounds)
    box_w, box_h, gap = 118, 70, 18
    x0 = (700 - count * box_w - (count - 1) * gap) / 2
    y = 24
    centres = []
    for index, label in enumerate(rounds):
        x = x0 + index * (box_w + gap)
        last = index == count - 1
        tone = "2" if last else "1"
        canvas.rect(x, y, box_w, box_h, fill=tone, stroke=f"trait-{tone}", width=2 if last else 1.4, radius=10)
        canvas.text(x + box_w / 2, y + box_h / 2, f"{index + 1}. {label}", size=12, bold=last,
                    max_width=box_w - 12, leading=1.12)
        if index:
            canvas.arrow(x - gap + 1, y + box_h / 2, x - 1, y + box_h / 2, tone="texte")
        centres.append(x + box_w / 2)
    last_x = centres[-1]
    tx, ty, tw, th = last_x - 422, 230, 230, 72
    canvas.rect(tx, ty, tw, th, fill="4", stroke="trait-4", width=1.4, radius=10)
    canvas.text(tx + tw / 2, ty + th / 2, treatment, size=12, max_width=tw - 14, leading=1.12)
    dx, dw = last_x - 102, 176
    canvas.rect(dx, ty, dw, th, fill="3", stroke="trait-3", width=2, radius=10)
    canvas.text(dx + dw / 2, ty + th / 2, decision, size=12, bold=True, max_width=dw - 14, leading=1.12)
    canvas.arrow(last_x - 47, y + box_h, tx + tw + 2, ty + 20, tone="texte")
    canvas.text(last_x - 120, 210, "objection argumentée", size=12, anchor="start", italic=True)
    canvas.arrow(tx + tw - 30, ty - 2, last_x - 62, y + box_h + 4, tone="texte", dash="5 4")
    canvas.text(last_x - 152, 140, "nouveau tour", size=12, anchor="end", italic=True)
    canvas.arrow(last_x + 30, y + box_h, last_x + 30, ty - 2, tone="texte")
    canvas.text(last_x + 24, 160, "pas d'objection", size=12, anchor="end", italic=True)
    listed = "; ".join(f"{index}, {label}" for index, label in enumerate(rounds, 1))
    description = (f"Les tours d'une décision par consentement, de gauche à droite : {listed}. Après le tour "
                   f"d'objections, deux chemins. S'il y a une objection argumentée : {treatment[0].lower()}"
                   f"{treatment[1:]}, puis un nouveau tour d'objections. S'il n'y a pas d'objection : "
                   f"{decision[0].lower()}{decision[1:]}.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


FIGURES = [
    Figure("losange-participation", "Le losange de la décision participative",
           "Le chemin d'un groupe vers une décision : divergence, zone de gémissement, convergence.",
           draw_diamond, source="kaner-2014", page="jour-2/ecrire-feuille-de-route.md",
           heading="Le losange de la participation", defaults={"zones": ZONES}),
    Figure("tours-consentement", "Les tours d'une décision par consentement",
           "Une proposition est adoptée quand personne n'y oppose d'objection argumentée ; chaque objection "
           "sert à l'améliorer.",
           draw_consent, source="endenburg-1998", page="outils/decision-par-consentement.md",
           heading="Déroulé minuté", defaults=ROUNDS),
]
