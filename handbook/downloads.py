"""Names and places of the downloadable files of each edition: the pages link to them, the exports write them."""

from __future__ import annotations

DOWNLOADS = "telechargements"
BOOKLETS = {"participant": "livret-participant.pdf", "formateur": "guide-de-la-personne-qui-forme.pdf"}
BOOKLET_TITLES = {"participant": "Livret participant", "formateur": "Guide de la personne qui forme"}
ZIP_NAME = "manuel-hors-ligne.zip"
#: The A5 pocket booklet (tool sheets, templates, preparation), in both editions.
POCKET = "livret-de-poche.pdf"


def booklet(edition: str) -> str:
    return f"{DOWNLOADS}/{BOOKLETS[edition]}"


def tool_pdf(slug: str) -> str:
    return f"{DOWNLOADS}/outils/{slug}.pdf"


def template_pdf(slug: str) -> str:
    return f"{DOWNLOADS}/modeles/{slug}.pdf"


def template_docx(slug: str) -> str:
    return f"{DOWNLOADS}/modeles/{slug}.docx"


def worksheet_pdf(slug: str) -> str:
    return f"{DOWNLOADS}/supports/{slug}.pdf"


def worksheet_docx(slug: str) -> str:
    return f"{DOWNLOADS}/supports/{slug}.docx"


#: Folder of the trainer's own files (trainer edition only).
TRAINER_FOLDER = f"{DOWNLOADS}/formation"


def conducteur_pdf(day: int) -> str:
    return f"{TRAINER_FOLDER}/conducteur-jour-{day}.pdf"


def print_pack(day: int) -> str:
    return f"{TRAINER_FOLDER}/carnet-d-impression-jour-{day}.pdf"


#: Blank session documents of the trainer edition (the names are also those ``make documents-session`` writes).
SESSION_BLANKS = f"{TRAINER_FOLDER}/session"
SHEETS_COMBINED = "emargements.pdf"
BLANK_ATTESTATION = "attestation-a-remplir.pdf"

def slides_pptx(day: int) -> str:
    return f"{TRAINER_FOLDER}/diapositives-jour-{day}.pptx"


def slides_pdf(day: int) -> str:
    return f"{TRAINER_FOLDER}/diapositives-jour-{day}.pdf"
def observation_grid_pdf(day: int) -> str:
    return f"{TRAINER_FOLDER}/grille-d-observation-jour-{day}.pdf"


def observation_grid_docx(day: int) -> str:
    return f"{TRAINER_FOLDER}/grille-d-observation-jour-{day}.docx"
