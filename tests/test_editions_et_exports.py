"""Two editions from one source, PDF booklets and sheets, editable templates, offline zip, downloads page."""

from __future__ import annotations

import json
import os
import re
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.typography import apostrophes
from handbook import downloads as exports
from handbook import model as schema
from handbook.exports.printed import NOT_IN_BOOKLET
from handbook.render.pages import TRAINER_BLOCK
from test_site import norm

ROOT = Path(__file__).resolve().parents[1]


def squash(text: str) -> str:
    """Text compared across HTML and PDF: letters and digits only, lower-case."""
    return re.sub(r"[^0-9a-zà-ÿœ]+", "", text.lower())


@pytest.fixture(scope="session")
def trainer_note_samples(content_site) -> list[str]:
    """One distinctive sentence from each « Notes pour l'animation » block of the sources."""
    samples = []
    for record in content_site.pages.values():
        for block in TRAINER_BLOCK.finditer(record.body):
            lines = [re.sub(r"\{\{.*?\}\}|[*_`\[\]]|\([^()\s]*?\.md(?:#[^)]*)?\)", "", line).strip(" -") for line in block.group(0).splitlines()[1:]]
            lines = [line for line in lines if len(line) > 60 and "{%" not in line]
            if lines:
                samples.append(max(lines, key=len)[:70])
    assert len(samples) >= 13, "chaque séquence a des notes pour l'animation"
    return samples


def site_text(site_dir: Path) -> str:
    """Visible text of every page of a built site, squashed."""
    from bs4 import BeautifulSoup

    return "".join(squash(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text(" "))
                   for p in sorted(site_dir.rglob("*.html")))


@lru_cache(maxsize=None)
def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


# --------------------------------------------------------------------------
# Editions
# --------------------------------------------------------------------------


def test_participant_edition_has_no_trainer_note(site_dir, trainer_note_samples):
    html = site_text(site_dir)
    index = squash((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    leaks = [s for s in trainer_note_samples if squash(s) in html or squash(s) in index]
    assert not leaks, f"notes d'animation visibles dans l'édition participante : {leaks[:3]}"
    page = (site_dir / "jour-1" / "ecosysteme.html").read_text(encoding="utf-8")
    assert "Notes pour l'animation" not in page and "Notes pour l’animation" not in page


def test_trainer_edition_keeps_trainer_notes(trainer_site_dir, trainer_note_samples):
    html = site_text(trainer_site_dir)
    missing = [s for s in trainer_note_samples if squash(s) not in html]
    assert not missing, f"notes d'animation absentes de l'édition formation : {missing[:3]}"


def test_trainer_only_pages(site_dir, trainer_site_dir):
    assert not (site_dir / "formateur").exists()
    assert "formateur/" not in (site_dir / "index.html").read_text(encoding="utf-8")
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("formateur/") for d in index["docs"])
    for page in ("index", "minutage", "materiel", "impressions"):
        assert (trainer_site_dir / "formateur" / f"{page}.html").is_file()
    detailed = (trainer_site_dir / "formateur" / "minutage.html").read_text(encoding="utf-8")
    assert "Ouvrir la séquence" in detailed and detailed.count("<table") >= 13


# --------------------------------------------------------------------------
# PDF booklets
# --------------------------------------------------------------------------


def _named_destinations(reader: PdfReader) -> set[str]:
    return set(reader.named_destinations)


def _internal_link_targets(reader: PdfReader) -> list[str]:
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            dest = annotation.get("/Dest")
            action = annotation.get("/A")
            if dest is None and action is not None and action.get_object().get("/S") == "/GoTo":
                dest = action.get_object().get("/D")
            if isinstance(dest, str) or (dest is not None and not isinstance(dest, list)):
                targets.append(str(dest))
    return targets


def _check_booklet(path: Path, content_site, expected_titles: list[str], last_text: str):
    reader = PdfReader(path)
    assert len(reader.pages) >= len(expected_titles), "livret trop court : contenu tronqué ?"
    text = squash(pdf_text(path))
    missing = [t for t in expected_titles if squash(t) not in text]
    assert not missing, f"titres de chapitre absents du PDF : {missing}"
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Sommaire" in outline and len(reader.outline) >= 8, "signets absents"
    assert squash(last_text) in squash(reader.pages[-1].extract_text()), "la dernière page n'a pas le texte attendu"
    destinations = _named_destinations(reader)
    targets = _internal_link_targets(reader)
    assert len(targets) > 50, "les liens internes ont disparu"
    broken = [t for t in targets if t not in destinations]
    assert not broken, f"liens internes sans destination : {broken[:5]}"
    fonts = {str(font) for page in reader.pages[:20] for font in
             (page.get("/Resources", {}).get_object().get("/Font") or {}).values()}
    assert fonts
    for page in reader.pages[:20]:
        for font in (page["/Resources"].get_object().get("/Font") or {}).values():
            descriptor = font.get_object().get("/FontDescriptor") or \
                font.get_object().get("/DescendantFonts", [{}])[0].get_object().get("/FontDescriptor")
            assert descriptor is not None and any(k in descriptor.get_object() for k in
                                                  ("/FontFile", "/FontFile2", "/FontFile3")), "police non incorporée"


def last_words_of_booklet(site_dir: Path) -> str:
    """The last paragraph of the last page printed in the booklet (the bibliography)."""
    from bs4 import BeautifulSoup

    article = BeautifulSoup((site_dir / "bibliographie.html").read_text(encoding="utf-8"), "html.parser").select_one(
        "article")
    paragraphs = [p.get_text(" ", strip=True) for p in article.find_all("p") if p.get_text(strip=True)]
    return paragraphs[-1][-60:]


def test_participant_booklet(site_dir, content_site):
    path = site_dir / exports.DOWNLOADS / exports.BOOKLETS["participant"]
    titles = [r.title for r in content_site.pages.values()
              if r.src_uri not in NOT_IN_BOOKLET and not r.src_uri.startswith("formateur/")
              and not getattr(r.meta, "formateur", False)]
    _check_booklet(path, content_site, titles, last_words_of_booklet(site_dir))
    assert "livret participant" in pdf_text(path)[:400].lower()


def _structure_types(node, found: set[str]) -> set[str]:
    """Every structure type (``/S``: ``/H1``, ``/P``, ``/Table``…) under ``node`` of a PDF structure tree."""
    node = node.get_object()
    if isinstance(node, list):
        for kid in node:
            _structure_types(kid, found)
    elif hasattr(node, "get"):
        if "/S" in node:
            found.add(str(node["/S"]))
        if "/K" in node:
            _structure_types(node["/K"], found)
    return found


def _check_tagged(path: Path) -> set[str]:
    """A tagged PDF in French (issue #20: accessible PDFs); returns the structure types of its tree."""
    catalog = PdfReader(path).trailer["/Root"]
    assert "/StructTreeRoot" in catalog, f"{path.name} : PDF sans arbre de structure"
    # pypdf's BooleanObject(False) is truthy: compared with ==, never with « is » nor bool()
    assert catalog.get("/MarkInfo", {}).get("/Marked") == True, f"{path.name} : /MarkInfo /Marked absent"  # noqa: E712
    assert catalog.get("/Lang") == "fr", f"{path.name} : langue {catalog.get('/Lang')!r}"
    return _structure_types(catalog["/StructTreeRoot"], set())


def test_participant_booklet_is_tagged_in_french(site_dir):
    path = site_dir / exports.DOWNLOADS / exports.BOOKLETS["participant"]
    types = _check_tagged(path)
    assert {"/H1", "/H2", "/P", "/L", "/Table", "/TH", "/Link"} <= types, sorted(types)
    reader = PdfReader(path)
    assert reader.metadata.title.endswith("Livret participant")
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712


def test_every_pdf_of_the_participant_edition_is_tagged(site_dir):
    pdfs = sorted((site_dir / exports.DOWNLOADS).rglob("*.pdf"))
    assert len(pdfs) > 20
    for path in pdfs:
        assert "/H1" in _check_tagged(path), f"{path.name} : pas de titre de niveau 1 dans la structure"


def test_participant_booklet_has_no_trainer_note(site_dir, trainer_note_samples):
    text = squash(pdf_text(site_dir / exports.DOWNLOADS / exports.BOOKLETS["participant"]))
    leaks = [s for s in trainer_note_samples if squash(s) in text]
    assert not leaks, leaks[:3]


def test_trainer_booklet(trainer_site_dir, content_site, trainer_note_samples):
    path = trainer_site_dir / exports.DOWNLOADS / exports.BOOKLETS["formateur"]
    titles = [r.title for r in content_site.pages.values() if r.src_uri not in NOT_IN_BOOKLET]
    _check_booklet(path, content_site, titles, last_words_of_booklet(trainer_site_dir))
    text = squash(pdf_text(path))
    assert sum(squash(s) in text for s in trainer_note_samples) >= len(trainer_note_samples) * 0.9


# --------------------------------------------------------------------------
# One PDF per tool sheet and per template, editable templates
# --------------------------------------------------------------------------


def test_one_or_two_page_pdf_per_sheet_and_template(site_dir, content_site, soup):
    for slug, record in content_site.tools.items():
        path = site_dir / exports.page_file("outils", slug)
        pages = len(PdfReader(path).pages)
        assert 1 <= pages <= 2, f"{slug} : {pages} pages"
        assert squash(record.title) in squash(pdf_text(path))
        assert "Sources" in pdf_text(path), f"{slug} : fiche tronquée"
        page = soup(record.src_uri.replace(".md", ".html"))
        assert page.find("a", href="../" + exports.page_file("outils", slug)), f"{slug} : lien vers le PDF absent"
    for record in content_site.of_kind(schema.Template):
        slug = record.src_uri.split("/")[-1][:-3]
        path = site_dir / exports.page_file("modeles", slug)
        assert 1 <= len(PdfReader(path).pages) <= 3
        text = pdf_text(path)
        assert "Le modèle" in text and "Exemple rempli" not in text


def test_editable_templates_match_their_page(site_dir, content_site, soup):
    from docx import Document

    for record in content_site.of_kind(schema.Template):
        slug = record.src_uri.split("/")[-1][:-3]
        document = Document(site_dir / exports.page_file("modeles", slug, "docx"))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
        page = soup(record.src_uri.replace(".md", ".html"))
        model = page.find(id="le-modele")
        expected = []
        for node in model.find_next_siblings():
            if node.name == "h2":
                break
            if node.name == "h3":
                expected.append(norm(node.get_text()).rstrip("#").strip())
        assert headings[0] == apostrophes(record.title)
        assert [norm(h) for h in headings[1:]] == expected, slug
        assert len(document.tables) >= 1
        header = [c.text for c in document.tables[0].rows[0].cells]
        assert all(header), f"{slug} : en-têtes de tableau vides"


# --------------------------------------------------------------------------
# Offline zip and downloads page
# --------------------------------------------------------------------------


def test_downloads_page_lists_every_file_with_its_size(site_dir, content_site, soup):
    page = soup("telechargements.html")
    rows = page.select("table.manuel-fichiers tbody tr")
    supports = [r for r in content_site.of_kind(schema.Worksheet) if not r.meta.formateur]
    expected = (3 + len(content_site.tools) + 2 * len(content_site.of_kind(schema.Template)) + len(supports)
                + sum(r.meta.remplir == "ordinateur" for r in supports))
    assert len(rows) == expected
    for row in rows:
        href = row.find("a")["href"]
        assert (site_dir / href).is_file(), href
        size = norm(row.select_one(".manuel-taille").get_text())
        assert re.fullmatch(r"[\d,]+ (Ko|Mo)", size), size


def test_offline_zip_holds_the_whole_site(site_dir):
    with zipfile.ZipFile(site_dir / exports.DOWNLOADS / exports.ZIP_NAME) as archive:
        names = set(archive.namelist())
    for needed in ("manuel/index.html", "manuel/search/search_index.js", "manuel/outils/index.html",
                   "manuel/assets/vendor/iframe-worker/shim.js", "manuel/assets/javascripts/catalogue.js",
                   f"manuel/{exports.DOWNLOADS}/{exports.BOOKLETS['participant']}"):
        assert needed in names, needed


@pytest.mark.browser
def test_offline_zip_works_from_the_file_system(site_dir, page, tmp_path):
    with zipfile.ZipFile(site_dir / exports.DOWNLOADS / exports.ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((tmp_path / "manuel" / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("cooperation", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.locator(".md-search-result__item").count() > 0
    page.goto((tmp_path / "manuel" / "outils" / "index.html").as_uri() + "#formats=hybride")
    page.wait_for_selector("form.manuel-filtres[data-ready]")
    assert page.get_by_label("Hybride").is_checked()
    page.goto((tmp_path / "manuel" / "jour-1" / "cooperation-communautes.html").as_uri())
    page.locator("a.terme").first.hover()
    page.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="visible", timeout=5000)
    assert not errors, errors


def test_pocket_booklet(site_dir, content_site):
    """A5, at most 80 pages, one page per tool sheet at least, the templates, tagged for screen readers."""
    reader = PdfReader(site_dir / exports.DOWNLOADS / exports.POCKET)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595), "format A5"
    assert len(content_site.tools) + len(content_site.of_kind(schema.Template)) < len(reader.pages) <= 80
    text = squash(pdf_text(site_dir / exports.DOWNLOADS / exports.POCKET))
    for record in [*content_site.tools.values(), *content_site.of_kind(schema.Template)]:
        assert squash(record.title) in text, record.title
    assert squash("Question d’invitation") in text and squash("Pièges à éviter") in text


# --------------------------------------------------------------------------
# Export machinery: computed column widths, PDF cache
# --------------------------------------------------------------------------


def test_column_widths_follow_the_text_like_the_automatic_layout():
    from handbook.exports.columns import widths

    header = ["Horaire", "Séquence", "Durée"]
    rows = [header, ["9\u00a0h\u00a030", "Partager nos expériences d'animation en trios, puis en plénière", "1\u00a0h\u00a030"]]
    percent = widths(rows)
    assert round(sum(percent)) == 100
    assert percent[1] == max(percent), "la colonne au texte le plus long doit être la plus large"
    # « 1 h 30 » does not break (non-breaking spaces): its column keeps room for it on one line.
    assert percent[2] >= 100 * (len("1\u00a0h\u00a030") + 3) / 100 - 0.1
    assert widths([header, ["9 h", "Accueil"]]) is None, "des lignes de longueurs différentes : pas de largeurs"


def test_blank_columns_to_write_in_keep_room():
    from handbook.exports.columns import LINE, widths

    percent = widths([["Critère", "Ce que j'observe"], ["Décrit la posture tentante et la posture utile " * 3, ""]])
    assert percent[1] >= 100 * (LINE // 2) / (LINE // 2 + len("Décrit la posture tentante et la posture utile " * 3))


def test_printed_tables_get_computed_widths_except_merged_cells():
    from bs4 import BeautifulSoup

    from handbook.exports.columns import set_column_widths

    article = BeautifulSoup(
        "<article><table><tr><th>A</th><th>B</th></tr><tr><td>un</td><td>deux mots</td></tr></table>"
        "<table><tr><th colspan='2'>Fusion</th></tr><tr><td>1</td><td>2</td></tr></table></article>",
        "html.parser").article
    set_column_widths(article)
    first, merged = article.find_all("table")
    assert "colonnes" in first["class"] and len(first.select("colgroup col")) == 2
    assert merged.find("colgroup") is None and not merged.get("class")


def test_a_pdf_is_rendered_once_then_taken_from_the_cache(tmp_path):
    from handbook.exports.pdf import render_all

    (tmp_path / "site").mkdir()
    picture = tmp_path / "site" / "image.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/>'
                       "</svg>", encoding="utf-8")
    html = ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head><body>'
            '<h1>Essai</h1><p><img src="image.svg" alt="Un carré"></p></body></html>')
    base = (tmp_path / "site").as_uri() + "/"
    cache = tmp_path / "cache"
    first = tmp_path / "site" / "a.pdf"
    assert render_all([(html, base, str(first))], cache) == 1
    second = tmp_path / "site" / "b.pdf"
    assert render_all([(html, base, str(second))], cache) == 0, "même contenu : le PDF doit venir du cache"
    assert second.read_bytes() == first.read_bytes()
    assert render_all([(html.replace("Essai</h1>", "Autre</h1>"), base, str(second))], cache) == 1
    picture.write_text(picture.read_text(encoding="utf-8").replace('height="10"/>', 'height="5"/>'), encoding="utf-8")
    assert render_all([(html, base, str(second))], cache) == 1, "une image changée doit refaire le PDF"
    assert render_all([(html, base, str(tmp_path / "site" / "c.pdf"))], None) == 1
    assert len(list(cache.glob("*.pdf"))) == 3 and not list(cache.glob("*.tmp"))


def test_a_pdf_another_build_is_rendering_is_waited_for_and_a_stopped_build_does_not_block(tmp_path):
    """Two editions building at once share the cache: a PDF claimed by a live process is copied once that process
    has kept it; the claim of a process that no longer runs is taken over."""
    import subprocess
    import sys
    import threading

    from handbook.exports.pdf import _render_once, cache_key, printable

    html = printable('<!DOCTYPE html><html lang="fr"><head><title>Essai</title></head><body><h1>Essai</h1></body></html>')
    base = tmp_path.as_uri() + "/"
    kept = tmp_path / "cache" / f"{cache_key(html, base)}.pdf"
    kept.parent.mkdir()
    claim = kept.with_suffix(".en-cours")
    claim.write_text(str(os.getpid()))  # this very process « is rendering » it
    target = tmp_path / "site" / "a.pdf"
    result = []
    waiting = threading.Thread(target=lambda: result.append(_render_once((html, base, str(target)), kept)))
    waiting.start()
    waiting.join(0.5)
    assert waiting.is_alive() and not target.exists(), "un PDF réclamé par une autre construction doit être attendu"
    kept.write_bytes(b"%PDF-1.7 rendu ailleurs")
    waiting.join(10)
    assert result == [False] and target.read_bytes() == b"%PDF-1.7 rendu ailleurs"

    kept.unlink()
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    claim.write_text(ended.stdout.strip())  # a build stopped mid-way: its process is gone
    assert _render_once((html, base, str(target)), kept) is True
    assert not claim.exists() and kept.read_bytes() == target.read_bytes() and target.read_bytes()[:5] == b"%PDF-"


def test_memoised_page_references_write_the_same_tagged_pdf(tmp_path, monkeypatch):
    """The speed fix of ``local_fetch`` changes no byte of a tagged PDF of several pages with links between them."""
    import io

    import pydyf
    from pypdf import PdfReader

    from handbook.exports.pdf import PDF_OPTIONS
    from handbook.local_fetch import render_document

    body = "".join(f'<h2 id="p{n}">Partie {n}</h2><p><a href="#p{(n + 1) % 3}">Suite</a> ' + "Texte. " * 400 + "</p>"
                   for n in range(3))
    html = f'<!DOCTYPE html><html lang="fr"><head><title>Essai</title></head><body><h1>Essai</h1>{body}</body></html>'
    memoised = render_document(html, tmp_path.as_uri() + "/", "essai.pdf").write_pdf(**PDF_OPTIONS)
    assert pydyf.PDF.page_references is not pydyf.PDF._manuel_original_page_references
    monkeypatch.setattr(pydyf.PDF, "page_references", pydyf.PDF._manuel_original_page_references)
    plain = render_document(html, tmp_path.as_uri() + "/", "essai.pdf").write_pdf(**PDF_OPTIONS)
    assert len(PdfReader(io.BytesIO(memoised)).pages) >= 3
    assert memoised == plain


@pytest.mark.parametrize("source", ["http://example.org/image.png", "absente.png"])
def test_a_pdf_never_loads_from_the_network_nor_misses_a_file(tmp_path, source):
    from handbook.local_fetch import LocalResourceError, render_document

    html = f'<!DOCTYPE html><html lang="fr"><body><p><img src="{source}" alt="Image"></p></body></html>'
    with pytest.raises(LocalResourceError, match="fichier local") as error:
        render_document(html, tmp_path.as_uri() + "/", "essai.pdf")
    assert str(error.value).startswith("essai.pdf : ")
