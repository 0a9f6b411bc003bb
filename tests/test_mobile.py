"""Phone first: no sideways scrolling at 390 px, wide tables as cards, glossary definitions on tap, the three paths
of the home page, and the installable offline app (service worker) over a loopback server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import visit

from handbook.offline_app import OFFLINE_LIST, offline_files, write_offline_manifest

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "locale": "fr-FR"}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def _pages(site_dir: Path) -> list[str]:
    return [p.relative_to(site_dir).as_posix() for p in sorted(site_dir.rglob("*.html"))]


# --------------------------------------------------------------------------
# Reading on a phone
# --------------------------------------------------------------------------


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_phone(phone, site_dir, server):
    wide = []
    for rel in _pages(site_dir):
        # Deferred scripts (tableaux.js) have run and the stylesheets apply by then; no need to wait for the rest
        visit(phone, f"{server}/{rel}", wait_until="domcontentloaded")
        width, inner = phone.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if width > inner:
            wide.append(f"{rel} : {width} px pour un écran de {inner} px")
    assert not wide, "\n".join(wide)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["jour-1/index.html", "jour-2/index.html", "modeles/feuille-de-route.html"])
def test_wide_tables_become_cards_with_their_headers(phone, server, path):
    phone.goto(f"{server}/{path}")
    table = phone.locator(".md-typeset table[role=table]").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block", "le tableau n'est pas présenté en cartes"
    headers = table.locator("thead th").evaluate_all("ths => ths.map(th => th.textContent.trim())")
    assert len(headers) >= 3
    cell = table.locator("tbody tr").first.locator("td").nth(1)
    # Shown before the cell (as a card line) and kept as a column header for screen readers.
    assert cell.get_attribute("data-label") == headers[1]
    assert cell.get_attribute("role") == "cell"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content").startswith(f'"{headers[1]}"')
    assert table.locator("thead th").first.get_attribute("role") == "columnheader"
    # The whole card fits on the screen.
    assert table.evaluate("t => t.getBoundingClientRect().right") <= 390


@pytest.mark.browser
def test_wide_tables_stay_tables_on_a_computer(page, server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}/jour-1/index.html")
    table = page.locator(".md-typeset table[role=table]").first
    assert table.evaluate("t => getComputedStyle(t).display") != "block"
    assert table.locator("thead").evaluate("h => h.getBoundingClientRect().height") > 10


@pytest.mark.browser
def test_a_tap_on_a_glossary_term_shows_its_definition_in_place(phone, server):
    phone.goto(f"{server}/jour-1/cooperation-communautes.html")
    term = phone.locator(".md-typeset a.terme").first
    definition = term.get_attribute("title")
    href = term.get_attribute("href")
    assert term.get_attribute("role") == "button" and term.get_attribute("aria-expanded") == "false"
    term.tap()
    box = phone.locator(".manuel-definition")
    assert box.is_visible()
    assert phone.evaluate("location.pathname").endswith("/jour-1/cooperation-communautes.html"), "le toucher a quitté la page"
    assert term.get_attribute("aria-expanded") == "true"
    assert box.locator(".manuel-definition__texte").inner_text() == definition
    assert box.locator("a").get_attribute("href") == href, "la définition ne mène plus au glossaire"
    assert phone.evaluate("document.activeElement.classList.contains('manuel-definition')")
    phone.keyboard.press("Escape")
    assert phone.locator(".manuel-definition").count() == 0
    assert term.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.classList.contains('terme')"), "le focus n'est pas revenu au terme"


@pytest.mark.browser
def test_glossary_terms_work_from_the_keyboard(page, server):
    page.goto(f"{server}/jour-1/cooperation-communautes.html")
    term = page.locator(".md-typeset a.terme").first
    term.focus()
    page.keyboard.press("Space")
    assert page.locator(".manuel-definition").is_visible()
    page.keyboard.press("Tab")  # into the definition: its glossary link
    assert page.evaluate("document.activeElement.closest('.manuel-definition') !== null")
    page.locator(".manuel-definition__fermer").click()
    assert page.locator(".manuel-definition").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('terme')")
    page.keyboard.press("Enter")
    assert page.locator(".manuel-definition").is_visible()
    assert page.evaluate("location.pathname").endswith("/cooperation-communautes.html")


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
def test_home_page_first_screen_offers_before_during_after(browser, server, width, height):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(f"{server}/index.html")
        paths = page.locator(".manuel-parcours li")
        assert paths.count() == 3
        titles = [t.strip() for t in page.locator(".manuel-parcours__titre").all_inner_texts()]
        assert titles == ["Avant", "Pendant", "Après"]
        links = page.locator(".manuel-parcours a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        assert links == ["avant-la-formation.html", "jour-1/index.html", "jour-2/index.html", "apres-la-formation.html",
                         "rencontres/index.html"]
        bottom = paths.last.evaluate("li => li.getBoundingClientRect().bottom")
        assert bottom <= height, f"les trois parcours dépassent le premier écran ({bottom:.0f} px sur {height} px)"
    finally:
        context.close()


# --------------------------------------------------------------------------
# Installable offline app
# --------------------------------------------------------------------------


def test_offline_list_has_the_participant_edition_without_the_zip(site_dir):
    data = json.loads((site_dir / OFFLINE_LIST).read_text(encoding="utf-8"))  # written by the build
    urls = {f["url"] for f in data["fichiers"]}
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", data["version"]), data["version"]  # the date on the booklets' covers
    assert data["fichiers"] == offline_files(site_dir)
    assert data["taille"] == sum(f["taille"] for f in data["fichiers"])
    assert {"index.html", "glossaire.html", "search/search_index.json", "jour-1/index.html"} <= urls
    assert any(u.startswith("telechargements/") and u.endswith(".pdf") for u in urls), "aucun PDF dans la liste"
    assert not [u for u in urls if u.endswith((".zip", ".map")) or u.startswith("formateur/") or u == OFFLINE_LIST]
    assert all((site_dir / u).is_file() for u in urls)


def test_offline_list_of_the_trainer_edition_leaves_its_own_pages_out(trainer_site_dir):
    data = json.loads((trainer_site_dir / OFFLINE_LIST).read_text(encoding="utf-8"))
    urls = {f["url"] for f in data["fichiers"]}
    assert "index.html" in urls and (trainer_site_dir / "formateur").is_dir()
    assert not [u for u in urls if u.startswith("formateur/")]


def test_write_offline_manifest_names_the_version(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html>", encoding="utf-8")
    (tmp_path / "manuel-hors-ligne.zip").write_bytes(b"PK")
    data = json.loads(write_offline_manifest(tmp_path, "essai").read_text(encoding="utf-8"))
    assert data == {"version": "essai", "taille": 15, "fichiers": [{"url": "index.html", "taille": 15}]}


def test_manifest_is_french_with_icons(site_dir):
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "fr" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512", "any"} <= sizes
    for icon in manifest["icons"]:
        assert (site_dir / icon["src"]).is_file()
    assert (site_dir / "assets/icones/icone-512.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


KEPT = "document.querySelector('.manuel-hors-ligne__etat').textContent"


@pytest.mark.browser
def test_keep_offline_then_read_search_and_open_a_pdf_without_network(browser, site_dir, server):
    listed = json.loads((site_dir / OFFLINE_LIST).read_text(encoding="utf-8"))
    context = browser.new_context(**PHONE, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(f"{server}/index.html")
        button = page.locator(".manuel-hors-ligne__garder")
        button.wait_for(state="visible", timeout=10_000)
        assert f"version {listed['version']}" in button.inner_text()
        assert "\u00a0Mo" in button.inner_text()
        button.click()
        page.wait_for_function(f"{KEPT}.includes('est gardée hors ligne')", timeout=120_000)
        assert listed["version"] in page.evaluate(KEPT)

        context.set_offline(True)
        never_visited = [f["url"] for f in listed["fichiers"] if f["url"].endswith(".html")
                         and f["url"] not in ("index.html", "404.html")][:10]
        assert len(never_visited) == 10
        for rel in never_visited:
            page.goto(f"{server}/{rel}")
            assert page.locator("article h1").count() == 1, f"{rel} ne s'ouvre pas hors ligne"

        page.goto(f"{server}/outils/index.html")
        page.locator("label.md-header__button[for='__search']").click()
        box = page.locator("input.md-search__input")
        box.press_sequentially("forum ouvert", delay=10)
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        assert "Forum ouvert" in page.locator(".md-search-result__item").first.inner_text()

        pdf = next(f["url"] for f in listed["fichiers"] if f["url"].startswith("telechargements/")
                   and f["url"].endswith(".pdf"))
        head = page.evaluate("""async url => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            return [response.status, response.headers.get('content-type'), String.fromCharCode(...bytes.slice(0, 5))];
        }""", f"{server}/{pdf}")
        assert head == [200, "application/pdf", "%PDF-"], f"{pdf} hors ligne : {head}"
    finally:
        context.close()


@pytest.mark.browser
def test_nothing_offline_from_the_file_system(page, site_dir):
    page.goto((site_dir / "index.html").as_uri())
    assert "copie du manuel enregistrée sur cet appareil" in page.evaluate(KEPT)
    assert page.locator(".manuel-hors-ligne__garder").is_hidden()
    assert page.evaluate("document.querySelector('link[rel=manifest]')") is None


def _publish(site: Path, version: str, changed: str, before: str, after: str) -> None:
    """A new publication of ``site`` in place, as a host gets it: a new build version in every page (hence a new
    service worker), a new offline list, and one page whose text changed."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r'"version": "\d+"', f'"version": "{version}"', text), encoding="utf-8")
    page = site / changed
    page.write_text(page.read_text(encoding="utf-8").replace(before, after, 1), encoding="utf-8")
    write_offline_manifest(site, "31/12/2099")


@pytest.mark.browser
def test_a_new_publication_replaces_the_offline_copy(browser, site_dir, tmp_path):
    """Kept offline, then the site is published again: the reader sees the new text online at once, and offline after
    the new service worker has downloaded the new edition (the old copy is dropped)."""
    import shutil

    from conftest import _serve

    site = tmp_path / "site"
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns("*.zip"))
    serving = _serve(site)
    base = next(serving)
    context = browser.new_context(**PHONE, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(f"{base}/index.html")
        page.locator(".manuel-hors-ligne__garder").click()
        page.wait_for_function(f"{KEPT}.includes('est gardée hors ligne')", timeout=120_000)
        first = page.evaluate("navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL")
        assert first and "?v=" in first

        _publish(site, "20991231235959", "outils/world-cafe.html", "</h1>", " (nouvelle publication)</h1>")
        page.goto(f"{base}/outils/world-cafe.html")
        assert "(nouvelle publication)" in page.locator("article h1").inner_text(), "la page en ligne est l'ancienne"
        # The new worker installs (it downloads the new edition first, the reader keeping the handbook offline)
        page.wait_for_function("navigator.serviceWorker.controller && "
                               "navigator.serviceWorker.controller.scriptURL.includes('v=20991231235959')",
                               timeout=180_000)
        context.set_offline(True)
        page.goto(f"{base}/outils/world-cafe.html")
        assert "(nouvelle publication)" in page.locator("article h1").inner_text(), "hors ligne : ancienne copie"
        caches = page.evaluate("caches.keys()")
        old = [c for c in caches if re.fullmatch(r"manuel-\d+", c) and c != "manuel-20991231235959"]
        assert "manuel-20991231235959" in caches and not old, caches
    finally:
        context.close()
        next(serving, None)
