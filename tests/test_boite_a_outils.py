"""The toolbox: complete sheets, a catalogue generated from them, combined filters in a real browser."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from conftest import address
from handbook.typography import apostrophes
from handbook import model as schema

MIN_WORDS, MAX_WORDS = 400, 900


def words(markdown: str) -> int:
    """Words a reader sees: macros reduced to their shown text, markup and punctuation left out."""
    text = re.sub(r'\{\{\s*\w+\("[^"]*"(?:,\s*"([^"]*)")?\)\s*\}\}', lambda m: m.group(1) or "x", markdown)
    text = re.sub(r"[#*>|`{}\[\]()]|\b\d+\.", " ", text)
    return len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text))


def test_toolbox_has_at_least_24_sheets(content_site):
    assert len(content_site.tools) >= 24


def test_each_sheet_holds_400_to_900_words(content_site):
    outside = {}
    for slug, record in content_site.tools.items():
        count = words(record.body)
        if not MIN_WORDS <= count <= MAX_WORDS:
            outside[slug] = count
    assert not outside, f"fiches hors de {MIN_WORDS} à {MAX_WORDS} mots : {outside}"


def test_the_five_community_purposes_are_served(content_site):
    served = {p for r in content_site.tools.values() for p in r.meta.finalites}
    assert set(schema.PURPOSES) <= served


def test_every_format_has_sheets(content_site):
    for fmt in schema.FORMATS:
        assert any(fmt in r.meta.formats for r in content_site.tools.values()), fmt


def test_catalogue_lists_every_sheet_from_its_front_matter(content_site, soup):
    cards = soup("outils/index.html").select("li.manuel-carte")
    assert len(cards) == len(content_site.tools)
    by_title = {c.find("a").get_text(): c for c in cards}
    for record in content_site.tools.values():
        card = by_title[apostrophes(record.title)]  # titles typeset by the build
        assert card["data-duree-min"] == str(record.meta.duree.min)
        assert card["data-finalites"].split() == list(record.meta.finalites)
        assert card["data-niveau"] == record.meta.niveau


def test_catalogue_filters_are_in_the_page_from_the_start(soup):
    """Filters are rendered at build time (nothing moves when the script starts) and no card is hidden."""
    page = soup("outils/index.html")
    form = page.select_one("form.manuel-filtres")
    assert form is not None and not form.has_attr("hidden")
    assert not any(c.has_attr("hidden") for c in page.select("li.manuel-carte"))


@pytest.mark.browser
def test_catalogue_is_complete_without_javascript(browser, server, content_site):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{server}/outils/index.html")
        assert not page.locator("form.manuel-filtres").is_visible()
        assert len(_visible(page)) == len(content_site.tools)
        page.goto(f"{server}/outils/world-cafe.html")
        assert not page.locator(".manuel-projeter-barre").is_visible()
        page.goto(f"{server}/jour-1/index.html")  # the live run-sheet needs JavaScript; the table does not
        assert not page.locator(".manuel-aujourdhui").is_visible()
        assert page.locator("article table").first.is_visible()
    finally:
        context.close()


def test_each_sheet_shows_its_uses_in_the_training(content_site, soup):
    used = 0
    for slug, record in content_site.tools.items():
        block = soup(record.src_uri.replace(".md", ".html")).select_one(".manuel-repere")
        assert block is not None, slug
        text = block.get_text(" ")
        for sequence, _ in content_site.step_uses(slug):  # the steps that run the sheet
            assert apostrophes(sequence.title) in text, f"{slug} : séquence « {sequence.title} » absente"
            used += 1
        for other in record.meta.associes:
            assert apostrophes(content_site.tools[other].title) in text
    assert used >= 10


# --------------------------------------------------------------------------
# Real browser: combined filters
# --------------------------------------------------------------------------


def _expected(content_site, purposes=(), formats=(), duration=None, group=None, level=None):
    levels = list(schema.LEVELS)
    out = set()
    for record in content_site.tools.values():
        m = record.meta
        if purposes and not set(purposes) & set(m.finalites):
            continue
        if formats and not set(formats) & set(m.formats):
            continue
        if duration is not None and m.duree.min > duration:
            continue
        if group is not None and not m.groupe.min <= group <= m.groupe.max:
            continue
        if level is not None and levels.index(m.niveau) > levels.index(level):
            continue
        out.add(apostrophes(record.title))
    return out


def _visible(page) -> set[str]:
    return set(page.locator("li.manuel-carte:visible > strong > a").all_inner_texts())


@pytest.fixture
def catalogue(page, server):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{server}/outils/index.html")
    page.wait_for_selector("form.manuel-filtres[data-ready]")
    yield page
    assert not errors, errors


@pytest.mark.browser
def test_each_filter_alone(catalogue, content_site):
    page = catalogue
    total = len(content_site.tools)
    assert page.locator(".manuel-compte").inner_text() == f"{total} fiches sur {total}"
    page.get_by_label("Décision").check()
    assert _visible(page) == _expected(content_site, purposes=["decision"])
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    page.get_by_label("Hybride").check()
    assert _visible(page) == _expected(content_site, formats=["hybride"])
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    page.get_by_label("Temps disponible").select_option("30")
    assert _visible(page) == _expected(content_site, duration=30)
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    page.get_by_label("Nombre de personnes").fill("40")
    assert _visible(page) == _expected(content_site, group=40)
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    page.get_by_label("Niveau d’animation").select_option("decouverte")
    assert _visible(page) == _expected(content_site, level="decouverte")
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    assert len(_visible(page)) == total


@pytest.mark.browser
def test_combined_filters_for_a_remote_decision_meeting(catalogue, content_site):
    """A 45-minute remote meeting of 12 people that must take a decision."""
    page = catalogue
    page.get_by_label("Décision").check()
    page.get_by_label("À distance").check()
    page.get_by_label("Temps disponible").select_option("45")
    page.get_by_label("Nombre de personnes").fill("12")
    expected = _expected(content_site, purposes=["decision"], formats=["distance"], duration=45, group=12)
    assert expected, "aucune fiche pour une réunion de décision à distance de 45 min à 12"
    assert _visible(page) == expected
    assert page.locator(".manuel-compte").inner_text().startswith(f"{len(expected)} fiche")


@pytest.mark.browser
def test_filter_state_lives_in_the_address(catalogue, server, content_site):
    page = catalogue
    page.get_by_label("Prospective").check()
    page.get_by_label("Présentiel").check()
    page.get_by_label("Temps disponible").select_option("90")
    shared = address(page)
    assert "finalites=prospective" in shared and "duree=90" in shared and "formats=presentiel" in shared
    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_selector("form.manuel-filtres[data-ready]")
    assert page.get_by_label("Prospective").is_checked()
    assert page.get_by_label("Temps disponible").input_value() == "90"
    assert _visible(page) == _expected(content_site, purposes=["prospective"], formats=["presentiel"], duration=90)


@pytest.mark.browser
def test_empty_result_message(catalogue):
    page = catalogue
    page.get_by_label("Nombre de personnes").fill("400")
    assert page.locator(".manuel-aucun").is_visible()
    assert page.locator(".manuel-compte").inner_text().startswith("0 fiche")
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    assert not page.locator(".manuel-aucun").is_visible()


@pytest.mark.browser
def test_filters_work_with_the_keyboard(catalogue, content_site):
    page = catalogue
    page.get_by_label("Interconnaissance").focus()
    page.keyboard.press("Space")
    assert _visible(page) == _expected(content_site, purposes=["interconnaissance"])
    page.get_by_label("Niveau d’animation").focus()
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Niveau d’animation").input_value() != ""


@pytest.mark.browser
def test_catalogue_works_from_the_file_system(page, edition_site_dir, content_site):
    page.goto((edition_site_dir / "outils" / "index.html").as_uri() + "#" + quote("finalites=decision"))
    page.wait_for_selector("form.manuel-filtres[data-ready]")
    assert page.get_by_label("Décision").is_checked()
    assert _visible(page) == _expected(content_site, purposes=["decision"])
