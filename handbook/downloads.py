"""Names and places of the downloadable files of each edition: the pages link to them, the exports write them."""

from __future__ import annotations

DOWNLOADS = "telechargements"
BOOKLETS = {"participant": "livret-participant.pdf", "formateur": "guide-de-la-personne-qui-forme.pdf"}
BOOKLET_TITLES = {"participant": "Livret participant", "formateur": "Guide de la personne qui forme"}
ZIP_NAME = "manuel-hors-ligne.zip"
#: The A5 pocket booklet (tool sheets, templates, preparation), in both editions.
POCKET = "livret-de-poche.pdf"
#: Folder of the trainer's own files (trainer edition only).
TRAINER_FOLDER = f"{DOWNLOADS}/formation"
#: The trainer's files of each day, by kind: the name they start with.
DAY_FILES = {"conducteur": "conducteur", "carnet": "carnet-d-impression", "diapositives": "diapositives",
             "observation": "grille-d-observation"}
#: Blank session documents of the trainer edition (the names are also those ``make documents-session`` writes).
SESSION_BLANKS = f"{TRAINER_FOLDER}/session"
SHEETS_COMBINED = "emargements.pdf"
BLANK_ATTESTATION = "attestation-a-remplir.pdf"


def booklet(edition: str) -> str:
    return f"{DOWNLOADS}/{BOOKLETS[edition]}"


def page_file(folder: str, slug: str, extension: str = "pdf") -> str:
    """The printable (or editable) file of a page: ``page_file("outils", "world-cafe")``, ``…("modeles", …, "docx")``."""
    return f"{DOWNLOADS}/{folder}/{slug}.{extension}"


def day_file(kind: str, day: int, extension: str = "pdf") -> str:
    """A trainer's file of one day: ``day_file("conducteur", 1)``, ``day_file("diapositives", 2, "pptx")``."""
    return f"{TRAINER_FOLDER}/{DAY_FILES[kind]}-jour-{day}.{extension}"
