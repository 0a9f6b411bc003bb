"""Names and places of the downloadable files of each edition: the pages link to them, the exports write them."""

from __future__ import annotations

DOWNLOADS = "telechargements"
BOOKLETS = {"participant": "livret-participant.pdf", "formateur": "guide-de-la-personne-qui-forme.pdf"}
BOOKLET_TITLES = {"participant": "Livret participant", "formateur": "Guide de la personne qui forme"}
ZIP_NAME = "manuel-hors-ligne.zip"


def booklet(edition: str) -> str:
    return f"{DOWNLOADS}/{BOOKLETS[edition]}"


def tool_pdf(slug: str) -> str:
    return f"{DOWNLOADS}/outils/{slug}.pdf"


def template_pdf(slug: str) -> str:
    return f"{DOWNLOADS}/modeles/{slug}.pdf"


def template_docx(slug: str) -> str:
    return f"{DOWNLOADS}/modeles/{slug}.docx"
