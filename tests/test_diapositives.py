"""Slides from the sequence pages (issue #17): slide blocks, the fit check, each day's PPTX and 16:9 PDF, room mode.

The slide blocks are counted here straight from the sources (``!!! diapo`` lines), not with the build's parser, so that
a parser that loses a block fails these tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import make_project, run_mkdocs
from handbook import downloads
from handbook.model.slides import BODY_CHARS, MAX_LINES, overfull, parse_slides

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r'^!!! diapo\b(?:\s+[a-z]+)*\s+"([^"]+)"', re.M)


def blocks_of_day(content_site, day: int) -> list[tuple[str, str, bool]]:
    """(title, page, has notes) of every slide block of ``day``, in run-sheet order, read from the sources."""
    out = []
    for number, _slot, record in content_site.run_order():
        if number != day:
            continue
        text = (ROOT / "docs" / record.src_uri).read_text(encoding="utf-8")
        starts = [m.start() for m in BLOCK.finditer(text)] + [len(text)]
        for match, end in zip(BLOCK.finditer(text), starts[1:]):
            block = text[match.start():end]
            out.append((match.group(1), record.src_uri, "\n    !!! notes" in block))
    return out


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿœ]+", "", text.lower().replace("\u2019", "'"))


DAYS = (1, 2)


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------


def test_every_sequence_has_two_to_six_slides(content_site):
    for record in content_site.sequences.values():
        text = (ROOT / "docs" / record.src_uri).read_text(encoding="utf-8")
        count = len(BLOCK.findall(text))
        assert 2 <= count <= 6, f"{record.src_uri} : {count} diapositives"
        assert 'diapo titre "' in text, f"{record.src_uri} : pas de diapositive de titre"
        assert re.search(r'diapo "Consigne · [^"]*\d+ min\)"', text), f"{record.src_uri} : pas de consigne minutée"


def test_parser_reads_title_items_figure_and_notes():
    body = ('Texte.\n\n!!! diapo page "Un titre"\n    - Une **phrase** clé\n    - Une autre,\n'
            '      sur deux lignes\n\n    {{ figure("trois-horizons") }}\n\n'
            '    !!! notes\n        Ce que vous dites.\n\nSuite de la page.\n')
    [slide] = parse_slides("jour-1/x.md", body, 10)
    assert (slide.title, slide.line, slide.figure) == ("Un titre", 12, "trois-horizons")
    assert slide.notes == "Ce que vous dites."
    assert slide.items == ["Une phrase clé", "Une autre, sur deux lignes"] and slide.on_page and not slide.is_title


def test_fit_rule():
    line = "x" * BODY_CHARS
    [fits] = parse_slides("p.md", '!!! diapo "T"\n' + "".join(f"    - {line[:50]}\n" for _ in range(7)))
    assert overfull(fits) is None
    [full] = parse_slides("p.md", '!!! diapo "T"\n' + "".join(f"    - {line}\n" for _ in range(MAX_LINES)))
    assert "lignes" in overfull(full)
    [wrapped] = parse_slides("p.md", '!!! diapo "T"\n    - ' + "mot " * 60 + '\n\n    {{ figure("trois-horizons") }}\n')
    assert "avec une figure" in overfull(wrapped)
    [long_title] = parse_slides("p.md", '!!! diapo "' + "Un titre beaucoup trop long " * 4 + '"\n    - a\n')
    assert "titre" in overfull(long_title)


# --------------------------------------------------------------------------
# Exports of the trainer edition
# --------------------------------------------------------------------------


@pytest.mark.parametrize("day", DAYS)
def test_pptx_of_each_day(trainer_site_dir, content_site, day):
    from pptx import Presentation
    from pptx.util import Emu

    expected = blocks_of_day(content_site, day)
    assert len(expected) >= 2 * 5
    deck = Presentation(str(trainer_site_dir / downloads.day_file("diapositives", day, "pptx")))
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.01 and Emu(deck.slide_width).inches > 13
    assert len(deck.slides) == len(expected)
    pictures = 0
    for slide, (title, page, has_notes) in zip(deck.slides, expected):
        boxes = {shape.name: shape for shape in slide.shapes}
        assert squash(boxes["Titre"].text_frame.text) == squash(title), page
        assert boxes["Titre"].text_frame.paragraphs[0].runs[0].font.size.pt >= 24 * 0.75
        if "Texte" in boxes:
            assert all(run.font.size.pt >= 24 * 0.75 for p in boxes["Texte"].text_frame.paragraphs for run in p.runs)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        assert bool(notes.strip()) == has_notes, f"{page} « {title} » : notes"
        pictures += sum(shape.shape_type == 13 for shape in slide.shapes)
    assert pictures >= 3, "les figures clés sont des images PNG dans le PPTX"


@pytest.mark.parametrize("day", DAYS)
def test_pdf_of_each_day_is_16_9_with_the_same_slides(trainer_site_dir, content_site, day):
    expected = blocks_of_day(content_site, day)
    reader = PdfReader(trainer_site_dir / downloads.day_file("diapositives", day))
    assert len(reader.pages) == len(expected)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01
    for page, (title, source, _notes) in zip(reader.pages, expected):
        assert squash(title) in squash(page.extract_text()), f"{source} « {title} »"


def test_trainer_downloads_list_the_slides(trainer_site_dir):
    page = (trainer_site_dir / "telechargements.html").read_text(encoding="utf-8")
    for day in DAYS:
        for path in (downloads.day_file("diapositives", day, "pptx"), downloads.day_file("diapositives", day)):
            assert f'href="{path}"' in page and (trainer_site_dir / path).stat().st_size > 10_000


# --------------------------------------------------------------------------
# The two editions
# --------------------------------------------------------------------------


def test_participant_edition_has_no_slide_block(site_dir, content_site):
    """No slide block, no slide title, no slide download in the participant edition (slides are trainer material)."""
    titles = [title for day in DAYS for title, _page, _notes in blocks_of_day(content_site, day)
              if title.startswith("Consigne · ")]
    assert len(titles) >= 13
    index = squash((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = ""
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert "manuel-diapo-bloc" not in html and "!!! diapo" not in html and "!!! notes" not in html, path
        pages += squash(html)
    leaks = [t for t in titles if squash(t) in pages or squash(t) in index]
    assert not leaks, f"diapositives visibles dans l'édition participante : {leaks[:3]}"
    assert not (site_dir / downloads.TRAINER_FOLDER).exists()


def test_trainer_pages_hold_slide_only_blocks(trainer_site_dir):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((trainer_site_dir / "jour-1" / "ecosysteme.html").read_text(encoding="utf-8"), "html.parser")
    blocks = soup.select("div.manuel-diapo-bloc")
    assert len(blocks) == len(BLOCK.findall((ROOT / "docs" / "jour-1" / "ecosysteme.md").read_text(encoding="utf-8")))
    assert all(b.has_attr("data-search-exclude") for b in blocks)
    assert all(b.select_one(".manuel-diapo-bloc__notes") for b in blocks)
    assert blocks[0].select_one(".manuel-diapo-bloc__nom").get_text() == "Modéliser son écosystème"
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids)), "une figure de diapositive reprend un identifiant de la page"


# --------------------------------------------------------------------------
# The fit check stops the build
# --------------------------------------------------------------------------


def test_overfull_slide_fails_the_build(tmp_path):
    project = make_project(tmp_path / "projet")
    page = project / "docs" / "jour-1" / "sequence-test.md"
    text = page.read_text(encoding="utf-8")
    crowded = "".join(f"    - Une phrase clé beaucoup trop longue pour un écran, numéro {n}, qui déborde.\n"
                      for n in range(9))
    page.write_text(text.replace("## À retenir\n", f'!!! diapo "Trop de texte"\n{crowded}\n## À retenir\n', 1),
                    encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/jour-1/sequence-test.md" in output
    assert "la diapositive 3 « Trop de texte » ne tient pas sur un écran 16:9 en 24\u00a0px au moins" in output \
        or "la diapositive 3 « Trop de texte » ne tient pas sur un écran 16:9 en 24 px au moins" in output


# --------------------------------------------------------------------------
# Room mode (real browser)
# --------------------------------------------------------------------------


@pytest.mark.browser
def test_room_mode_projects_slide_blocks_with_their_notes(browser, trainer_site_dir):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((trainer_site_dir / "jour-1" / "ecosysteme.html").as_uri())
    count = len(BLOCK.findall((ROOT / "docs" / "jour-1" / "ecosysteme.md").read_text(encoding="utf-8")))
    page.keyboard.press("Shift+P")
    progress = page.locator(".manuel-salle__progression")
    assert progress.inner_text().replace("\u00a0", " ") == f"1 / {count}"
    assert page.locator(".manuel-salle__scene h2").inner_text() == "Modéliser son écosystème"
    page.keyboard.press("ArrowRight")
    scene = page.locator(".manuel-salle__scene")
    assert scene.locator("figure svg[role=img]").count() == 1
    assert scene.locator(".manuel-diapo-bloc__notes").count() == 0
    label = scene.locator("svg[role=img]").get_attribute("aria-labelledby").split()[0]
    assert page.locator(f"#{label}").count() == 1, "le nom accessible de la figure projetée est introuvable"
    page.keyboard.press("Escape")
    assert page.locator(".manuel-salle").count() == 0
    presenter = browser.new_page()
    presenter.on("pageerror", lambda exc: errors.append(str(exc)))
    presenter.goto((trainer_site_dir / "jour-1" / "ecosysteme.html").as_uri() + "#presentation=2")
    notes = presenter.locator(".manuel-presentation__notes")
    notes.wait_for()
    assert "Cet apport tient lieu du cadrage de la carte" in notes.inner_text()
    assert "La carte des acteurs" in presenter.locator(".manuel-presentation__actuelle h2").nth(1).inner_text()
    assert not errors, errors
    presenter.close()
    page.close()


@pytest.mark.browser
def test_leaving_room_mode_from_a_slide_without_anchor(browser, tmp_path):
    """A « --- » slide has no heading: leaving room mode from it used to read an undeclared variable."""
    scripts = "".join(f'<script src="{(ROOT / "docs" / "assets" / "javascripts" / name).as_uri()}"></script>'
                      for name in ("manuel.js", "salle.js", "presentatrice.js"))
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head><body>'
        '<article class="md-content__inner"><h1 id="essai">Essai</h1>'
        '<p class="manuel-projeter-barre"><button data-action="projeter">Projeter</button>'
        '<button data-action="presentatrice">Vue présentatrice</button></p><p>Premier écran.</p><hr>'
        '<p>Deuxième écran, sans titre.</p><div class="manuel-projection" hidden data-etapes="[]"></div></article>'
        f'{scripts}</body></html>', encoding="utf-8")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((tmp_path / "page.html").as_uri())
    page.keyboard.press("Shift+P")
    page.keyboard.press("End")
    assert "Deuxième écran" in page.locator(".manuel-salle__scene").inner_text()
    page.keyboard.press("Escape")
    assert page.locator(".manuel-salle").count() == 0
    assert not errors, errors
    assert page.evaluate("document.activeElement.id") == "essai"
    page.close()
