"""What only the trainer reads: the closed list of trainer-only kinds of content.

The participant edition leaves each of them out (pages, search index, sitemap, booklet, sheets, zip); the trainer
edition keeps them all. Each kind says how an author writes it and the text that reveals it in a built page, so that
the tests look for every kind listed here (adding a kind adds it to the tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sections import CASE_ANALYSIS


@dataclass(frozen=True)
class TrainerOnly:
    """A kind of trainer-only content."""

    key: str
    #: What it is, in French (contributors' guide, messages).
    label: str
    #: How an author writes it.
    written: str
    #: Text that reveals it in a built page or export (case-sensitive).
    marker: str


TRAINER_ONLY: tuple[TrainerOnly, ...] = (
    TrainerOnly("notes", "Notes pour l'animation", '!!! animation "Notes pour l\'animation"', "Notes pour l'animation"),
    TrainerOnly("correction", "Pistes de correction des exercices", '??? correction "Pistes de correction"',
                "Pistes de correction"),
    TrainerOnly("analyse", "Pistes d'analyse des études de cas", "section « ## Pistes d'analyse » d'un cas",
                "Pistes d'analyse"),
    TrainerOnly("lecture", "Consignes à lire au groupe", "paragraphe « À lire au groupe : » suivi de la consigne",
                "lire au groupe"),
    TrainerOnly("repere", "Repères d'animation des étapes", "ligne « - repère : » sous une étape", "Repère pour vous"),
    TrainerOnly("version-courte", "Versions courtes des étapes", "ligne « - version courte : » sous une étape",
                "Version courte (pour vous)"),
    TrainerOnly("supports", "Supports réservés (cartes de rôle, grille de débriefing)",
                "support dont l'en-tête porte « formateur: true »", "Support réservé à l'édition formation"),
    TrainerOnly("espace", "Espace formation (conducteur, matériel, impressions)", "pages de docs/formateur/",
                "Espace de la formatrice ou du formateur"),
    TrainerOnly("aujourdhui", "Bloc « Aujourd'hui » des pages de journée", "macro deroule() d'une page de journée",
                "Séquence en cours en salle"),
    TrainerOnly("projection", "Projection et vue présentatrice des séquences", "boutons ajoutés aux séquences",
                "Vue présentatrice"),
    TrainerOnly("diapositives", "Diapositives des séquences et leurs notes", '!!! diapo "Titre" dans une séquence',
                "Diapositive 1"),
)

#: Required sections a participant does not see, by page type key (their heading goes too).
HIDDEN_SECTIONS: dict[str, tuple[str, ...]] = {"cas": (CASE_ANALYSIS,)}

#: « !!! animation » and « ??? correction » blocks (the admonition and its indented body).
_BLOCK = r"^(?:!!!|\?\?\?\+?)\s+{kind}\b.*\n(?:(?:[ \t]*\n)*(?:    |\t).*\n?)*"
TRAINER_BLOCKS = {kind: re.compile(_BLOCK.format(kind=kind), re.M) for kind in ("animation", "correction")}
#: The lead of a script the trainer reads out, and what a participant reads instead.
READ_ALOUD = re.compile(r"^À lire (?:ou à raconter )?au groupe(?P<what>\s*\([^)]*\))?\s*(?:\u00a0)?:\s*$", re.M)
