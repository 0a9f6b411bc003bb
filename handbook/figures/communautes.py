"""Concept figures on communities of practice (Wenger and co-authors; Lave and Wenger)."""

from __future__ import annotations

from typing import Any

from .base import Canvas, Drawing, Figure, join_fr, require
from .palette import SERIES

# --------------------------------------------------------------------------------------------------
# Three structural elements (Wenger, McDermott & Snyder 2002)
# --------------------------------------------------------------------------------------------------

ELEMENTS = [
    {"nom": "Domaine", "texte": "les questions en jeu, ce qui rassemble"},
    {"nom": "Communauté", "texte": "les relations, la confiance, l'entraide"},
    {"nom": "Pratique", "texte": "le savoir partagé : outils, méthodes, récits"},
]


def draw_elements(data: dict[str, Any]) -> Drawing:
    elements = require(data, "elements", "trois-elements")[:3]
    canvas = Canvas(640, 440)
    centres = [(245, 155), (395, 155), (320, 285)]
    for (cx, cy), tone in zip(centres, SERIES):
        canvas.circle(cx, cy, 128, fill=tone, stroke=f"trait-{tone}", width=2, opacity=0.72)
    spots = [(195, 110), (445, 110), (320, 345)]
    for (x, y), element in zip(spots, elements):
        canvas.text(x, y - 14, element["nom"], size=17, bold=True)
        canvas.text(x, y + 4, element["texte"], size=13, max_width=150, valign="top", leading=1.15)
    canvas.text(320, 205, "communauté de pratique", size=13, bold=True, max_width=92, leading=1.1)
    listed = join_fr([f"le {e['nom'].lower()}, {e['texte']}" if e["nom"] != "Communauté"
                      else f"la communauté, {e['texte']}" for e in elements])
    description = (f"Trois cercles qui se recouvrent en partie : {listed}. Au centre, là où les trois cercles "
                   "se rejoignent, la communauté de pratique : elle a besoin des trois éléments à la fois.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Levels of participation and roles (Wenger, McDermott & Snyder 2002)
# --------------------------------------------------------------------------------------------------

LEVELS = [
    {"nom": "Noyau", "part": "environ 10 à 15 % des membres"},
    {"nom": "Groupe actif", "part": "environ 15 à 20 %"},
    {"nom": "Périphérie", "part": "la majorité"},
]


def draw_levels(data: dict[str, Any]) -> Drawing:
    levels = require(data, "niveaux", "niveaux-participation")
    canvas = Canvas(640, 460)
    cx, cy = 320, 240
    radii = [78, 148, 215][-len(levels):] if len(levels) <= 3 else [215 * (i + 1) / len(levels)
                                                                     for i in range(len(levels))]
    for index in range(len(levels) - 1, -1, -1):
        tone = SERIES[index % len(SERIES)]
        canvas.circle(cx, cy, radii[index], fill=tone, stroke=f"trait-{tone}", width=1.5)
    for angle_x, angle_y in ((-150, 60), (140, 90), (0, 175), (-165, -35), (175, -25)):
        canvas.line(cx, cy + 30, cx + angle_x, cy + angle_y, stroke="trait-1", width=1.2, dash="4 3")
        canvas.circle(cx + angle_x, cy + angle_y, 5, fill="trait-1")
    for index, level in enumerate(levels):
        y = cy - 34 if index == 0 else cy - (radii[index - 1] + radii[index]) / 2 - 8
        canvas.text(cx, y, level["nom"], size=16, bold=True)
        canvas.text(cx, y + 6, level["part"], size=13, max_width=130 if index == 0 else 300, valign="top",
                    leading=1.1)
    canvas.rect(cx - 62, cy + 16, 124, 28, fill="fond", stroke="trait-1", width=1.5, radius=14)
    canvas.text(cx, cy + 30, "Coordination", size=13, bold=True)
    listed = join_fr([f"{level['nom'].lower()} ({level['part']})" for level in levels])
    description = (f"Cercles emboîtés, du centre vers l'extérieur : {listed}. Au cœur, la coordination, reliée "
                   "par des traits à des membres de tous les cercles : elle organise les rencontres et met les "
                   "membres en relation. Les proportions sont des ordres de grandeur, pas des normes.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Five development stages (Wenger, McDermott & Snyder 2002), with the handbook's questions
# --------------------------------------------------------------------------------------------------

STAGES = [
    {"nom": "Potentiel", "question": "Qui partage déjà ce souci, et sur quoi peut-on se retrouver ?"},
    {"nom": "Coalescence", "question": "Qu'est-ce qui apporte de la valeur dès les premières rencontres ?"},
    {"nom": "Maturation", "question": "Comment clarifier le domaine et accueillir les nouveaux membres ?"},
    {"nom": "Intendance", "question": "Comment garder l'élan et renouveler les sujets ?"},
    {"nom": "Transformation", "question": "Faut-il changer de forme, fusionner ou clore avec soin ?"},
]


def draw_stages(data: dict[str, Any]) -> Drawing:
    stages = require(data, "stades", "stades-developpement")
    count = len(stages)
    width = 680
    step = (width - 20) / count
    canvas = Canvas(width, 244)
    for index, stage in enumerate(stages):
        x = 10 + index * step
        tone = SERIES[index % len(SERIES)]
        tip = 16
        points = [(x, 20), (x + step - tip, 20), (x + step, 50), (x + step - tip, 80), (x, 80)]
        if index:
            points.append((x + tip, 50))
        canvas.polygon(points, fill=tone, stroke=f"trait-{tone}", width=1.5)
        canvas.text(x + step / 2 + (tip / 2 if index else 0) - 6, 50, stage["nom"], size=14 if count <= 5 else 12,
                    bold=True)
        canvas.text(x + step / 2, 98, f"{index + 1}", size=13, tone="texte-doux", bold=True)
        canvas.text(x + step / 2, 112, stage["question"], size=13, max_width=step - 12, valign="top",
                    leading=1.18)
    canvas.line(20, 206, width - 20, 206, stroke="trait", width=1.2, dash="5 4")
    canvas.text(width / 2, 226, "Le cycle inclut la fin : se transformer, se fondre dans une autre communauté "
                "ou s'arrêter.", size=13, italic=True)
    listed = "; ".join(f"{index}, {stage['nom'].lower()} : {stage['question']}"
                       for index, stage in enumerate(stages, 1))
    description = (f"Une suite de {count} flèches, de gauche à droite, pour les stades de développement d'une "
                   f"communauté, chacun avec une question pour l'animatrice. {listed}. En bas, un rappel : le "
                   "cycle inclut la fin de la communauté, qui peut se transformer, se fondre dans une autre ou "
                   "s'arrêter.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


# --------------------------------------------------------------------------------------------------
# Legitimate peripheral participation (Lave & Wenger 1991)
# --------------------------------------------------------------------------------------------------

PATH = [
    "Arriver au bord : une place modeste, mais reconnue",
    "Prendre part de plus en plus à la pratique",
    "Devenir membre à part entière",
]


def draw_path(data: dict[str, Any]) -> Drawing:
    steps = require(data, "etapes", "participation-peripherique")
    canvas = Canvas(660, 380)
    cx, cy = 222, 190
    for radius, tone in ((170, "3"), (112, "1"), (54, "2")):
        canvas.circle(cx, cy, radius, fill=tone, stroke=f"trait-{tone}", width=1.2)
    canvas.text(cx + 6, cy + 22, "la pratique du groupe", size=12, bold=True, max_width=90, leading=1.1)
    points = [(cx - 150, cy + 120), (cx - 88, cy + 30), (cx - 22, cy - 18)]
    canvas.path(f"M {cx - 205} {cy + 165} C {cx - 150} {cy + 120}, {cx - 130} {cy + 60}, {cx - 88} {cy + 30} "
                f"S {cx - 40} {cy - 10}, {cx - 26} {cy - 16}", stroke="texte", width=2.2)
    canvas.arrowhead(cx - 20, cy - 19, -0.4, tone="texte")
    label_x = 420
    for index, ((px, py), step) in enumerate(zip(points, steps[:3])):
        ly = 290 - index * 100
        canvas.circle(px, py, 6, fill="texte")
        canvas.line(px, py, label_x - 8, ly, stroke="texte", width=1)
        canvas.text(label_x, ly, f"{index + 1}. {step}", size=14, anchor="start", max_width=230, leading=1.15)
    listed = "; ".join(f"{index}, {step}" for index, step in enumerate(steps[:3], 1))
    description = ("Trois cercles emboîtés figurent la pratique d'un groupe. Une flèche part de l'extérieur et "
                   f"s'enroule vers le centre, en trois temps : {listed}. On apprend en participant, en "
                   "commençant par le bord.")
    return Drawing(canvas.svg_body(), canvas.width, canvas.height, description)


FIGURES = [
    Figure("trois-elements", "Les trois éléments d'une communauté de pratique",
           "Domaine, communauté, pratique : une communauté de pratique tient par les trois à la fois.",
           draw_elements, source="wenger-mcdermott-snyder-2002", page="guide/communautes-de-pratique.md",
           heading="Une définition et trois éléments", defaults={"elements": ELEMENTS}),
    Figure("niveaux-participation", "Niveaux de participation et coordination",
           "Noyau, groupe actif et périphérie, avec les ordres de grandeur donnés par les auteurs, qui ne sont "
           "pas des normes.",
           draw_levels, source="wenger-mcdermott-snyder-2002", page="guide/organiser-la-communaute.md",
           heading="Les rôles", defaults={"niveaux": LEVELS}),
    Figure("stades-developpement", "Les cinq stades de développement d'une communauté",
           "Les cinq stades décrits par Wenger, McDermott et Snyder, avec une question pour situer votre "
           "communauté.",
           draw_stages, source="wenger-mcdermott-snyder-2002", page="guide/communautes-de-pratique.md",
           heading="Un cycle de vie", defaults={"stades": STAGES}),
    Figure("participation-peripherique", "Apprendre en commençant par le bord",
           "La participation périphérique légitime : de l'arrivée au bord jusqu'à la place de membre à part "
           "entière.",
           draw_path, source="lave-wenger-1991", page="guide/communautes-de-pratique.md",
           heading="Apprendre en commençant par le bord", defaults={"etapes": PATH}),
]
