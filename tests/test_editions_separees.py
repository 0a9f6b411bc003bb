"""Two editions, one promise: nothing of the trainer's in the participant edition (pages, search index, sitemap,
PDFs, zip), every trainer-only kind in the trainer edition. The kinds and their markers come from the schema
(``handbook.model.trainer.TRAINER_ONLY``): adding a kind adds it here."""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from handbook import downloads
from handbook.model.trainer import TRAINER_ONLY


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("’", "'"))


@lru_cache(maxsize=None)
def _html_texts(site_dir: Path) -> dict[str, str]:
    return {p.relative_to(site_dir).as_posix(): _plain(BeautifulSoup(p.read_text(encoding="utf-8"),
                                                                      "html.parser").get_text(" "))
            for p in site_dir.rglob("*.html")}


@lru_cache(maxsize=None)
def _pdf_texts(site_dir: Path) -> dict[str, str]:
    return {p.relative_to(site_dir).as_posix(): _plain(" ".join(page.extract_text() or "" for page in
                                                                 PdfReader(p).pages))
            for p in (site_dir / downloads.DOWNLOADS).rglob("*.pdf")}


def _zip_texts(site_dir: Path) -> dict[str, str]:
    texts = {}
    with zipfile.ZipFile(site_dir / downloads.DOWNLOADS / downloads.ZIP_NAME) as archive:
        for name in archive.namelist():
            if name.endswith((".html", ".json", ".xml")):
                raw = archive.read(name).decode("utf-8")
                texts[name] = _plain(BeautifulSoup(raw, "html.parser").get_text(" ") if name.endswith(".html")
                                     else raw.replace("\\u00a0", " "))
    return texts


@pytest.mark.parametrize("kind", TRAINER_ONLY, ids=lambda k: k.key)
def test_participant_edition_has_none_of_the_trainer_only_kind(site_dir, kind):
    marker = _plain(kind.marker)
    places = {
        "page": _html_texts(site_dir),
        "index de recherche": {"search_index.json": _plain((site_dir / "search" / "search_index.json")
                                                           .read_text(encoding="utf-8").replace("\\u00a0", " "))},
        "PDF": _pdf_texts(site_dir),
        "zip": _zip_texts(site_dir),
    }
    leaks = [f"{where} {name}" for where, texts in places.items() for name, text in texts.items() if marker in text]
    assert not leaks, f"{kind.label} (« {kind.marker} ») dans l'édition participante : {leaks[:5]}"


@pytest.mark.parametrize("kind", TRAINER_ONLY, ids=lambda k: k.key)
def test_trainer_edition_has_every_trainer_only_kind(trainer_site_dir, kind):
    marker = _plain(kind.marker)
    assert any(marker in text for text in _html_texts(trainer_site_dir).values()), kind.label


def test_sitemap_of_the_participant_edition_has_no_trainer_page(site_dir, content_site):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "formateur/" not in sitemap
    for record in content_site.pages.values():
        if getattr(record.meta, "formateur", False):
            assert record.src_uri.replace(".md", ".html") not in sitemap


def test_footer_links_stay_in_the_edition(site_dir):
    for name, path in [(p.relative_to(site_dir).as_posix(), p) for p in site_dir.rglob("*.html")]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("nav.md-footer a.md-footer__link"):
            target = (path.parent / link["href"].split("#")[0]).resolve()
            assert target.is_file(), f"{name} : le pied de page mène à {link['href']}"
            assert "None" not in link.get_text(" "), f"{name} : « None » dans le pied de page"
