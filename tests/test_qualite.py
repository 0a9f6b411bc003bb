"""Proven quality on every page, in a real browser and with the reference checkers.

- accessibility (axe-core, WCAG 2.0/2.1 A and AA, 2.2 AA plus best practices), both editions, light and dark;
- privacy (no request to another host), robustness (no console or page error);
- search in French (a table of queries), offline use from file://;
- HTML validity (Nu HTML Checker), French typography and spelling (Hunspell fr + reviewed word list).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, visit

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag",
                           "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
               "resultTypes": ["violations"]}
VNU = ROOT / ".outils" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WORDS = Path(__file__).resolve().parent / "mots-du-projet.txt"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _audit_site(site_dir: Path, scheme: str) -> dict[str, dict]:
    """Visit every page of a built site in its own browser; collect axe, requests and errors."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    axe = AXE.read_text(encoding="utf-8")
    results: dict[str, dict] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(color_scheme=scheme, locale="fr-FR", service_workers="block")
            page = context.new_page()
            current: dict = {}
            page.on("request", lambda r: current["requests"].append(r.url)
                    if not r.url.startswith((base, "data:", "blob:")) else None)
            page.on("console", lambda m: current["errors"].append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: current["errors"].append(str(e)))
            for path in sorted(site_dir.rglob("*.html")):
                rel = path.relative_to(site_dir).as_posix()
                current = {"requests": [], "errors": []}
                visit(page, f"{base}/{rel}", wait_until="load")
                page.evaluate(axe)
                found = page.evaluate("o => axe.run(document, o)", AXE_OPTIONS)
                current["axe"] = [f"{v['id']} ({v['help']}) : {v['nodes'][0]['html'][:120]}" for v in found["violations"]]
                results[rel] = current
            browser.close()
    finally:
        httpd.shutdown()
    return results


@pytest.fixture(scope="module")
def audit(site_dir, trainer_site_dir):
    jobs = [("participant", site_dir, "light"), ("participant", site_dir, "dark"),
            ("formateur", trainer_site_dir, "light"), ("formateur", trainer_site_dir, "dark")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda job: (job[0], job[2], _audit_site(job[1], job[2])), jobs))
    return {(edition, scheme): pages for edition, scheme, pages in outcomes}


@pytest.mark.browser
def test_every_page_of_both_editions_was_audited(audit, site_dir, trainer_site_dir):
    assert len(audit[("participant", "light")]) == len(list(site_dir.rglob("*.html")))
    assert len(audit[("formateur", "dark")]) == len(list(trainer_site_dir.rglob("*.html")))
    assert len(audit[("formateur", "dark")]) > len(audit[("participant", "dark")])


@pytest.mark.browser
def test_no_accessibility_violation(audit):
    problems = [f"{edition}/{scheme} {page} : {v}" for (edition, scheme), pages in audit.items()
                for page, result in pages.items() for v in result["axe"]]
    assert not problems, "\n".join(problems[:30])


@pytest.mark.browser
def test_no_request_to_another_host(audit):
    requests = [f"{edition} {page} : {url}" for (edition, _), pages in audit.items()
                for page, result in pages.items() for url in result["requests"]]
    assert not requests, "\n".join(requests[:30])


@pytest.mark.browser
def test_no_console_or_page_error(audit):
    errors = [f"{edition}/{scheme} {page} : {e}" for (edition, scheme), pages in audit.items()
              for page, result in pages.items() for e in result["errors"]]
    assert not errors, "\n".join(errors[:30])


# --------------------------------------------------------------------------
# Layout stability
# --------------------------------------------------------------------------

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["index.html", "jour-1/index.html", "jour-1/ecosysteme.html",
                                  "outils/world-cafe.html", "outils/index.html", "glossaire.html"])
def test_nothing_moves_while_the_page_loads(browser, server, path):
    """Blocks that need JavaScript (filters, room-mode buttons, live run-sheet) are in the page from the start: no
    layout shift on a phone-sized screen (the pages Lighthouse measures in make bench, a day, the glossary)."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 412, "height": 823}, is_mobile=True,
                                  device_scale_factor=1.75)
    try:
        page = context.new_page()
        # Slow network: scripts arrive well after the page has been painted, as on a phone out in the region.
        page.route("**/*.js", lambda route: (time.sleep(0.4), route.continue_()))
        page.goto(f"{server}/{path}")
        shift = page.evaluate(LAYOUT_SHIFT)
        assert shift < 0.01, f"{path} : décalage de mise en page cumulé {shift:.3f} au chargement"
    finally:
        context.close()


# --------------------------------------------------------------------------
# Search in French
# --------------------------------------------------------------------------

SEARCHES = [
    ("cooperation", ["guide/cooperer-collaborer-coordonner.html", "jour-1/cooperation-communautes.html"]),
    ("coopération", ["guide/cooperer-collaborer-coordonner.html", "jour-1/cooperation-communautes.html"]),
    ("ecosysteme", ["jour-1/ecosysteme.html", "modeles/carte-de-l-ecosysteme.html", "guide/preparer-la-communaute.html"]),
    ("l'écosystème", ["jour-1/ecosysteme.html", "modeles/carte-de-l-ecosysteme.html", "guide/preparer-la-communaute.html"]),
    ("cercle d'inclusion", ["outils/cercle-d-inclusion.html"]),
    ("world cafe", ["outils/world-cafe.html"]),
    ("forum ouvert", ["outils/forum-ouvert.html"]),
    ("charte", ["jour-2/charte.html", "modeles/charte-de-communaute.html", "outils/atelier-charte.html",
                "cas/charte-entre-structures-differentes.html"]),
    ("chartes", ["jour-2/charte.html", "modeles/charte-de-communaute.html", "outils/atelier-charte.html",
                 "cas/charte-entre-structures-differentes.html"]),
    ("feuille de route", ["modeles/feuille-de-route.html", "jour-2/ecrire-feuille-de-route.html"]),
    ("feuilles", ["modeles/feuille-de-route.html", "jour-2/ecrire-feuille-de-route.html",
                  "cas/feuille-de-route-reforme-sad.html"]),
    ("retours d'experience", ["outils/retour-d-experience.html"]),
    ("cartes des acteurs", ["outils/carte-des-acteurs.html"]),
    ("retroprospective", ["outils/retroprospective.html"]),
    ("rétrospective", ["outils/retrospective.html"]),
    ("codeveloppement", ["outils/codeveloppement.html"]),
    ("election sans candidat", ["outils/election-sans-candidat.html"]),
    ("consentement", ["outils/decision-par-consentement.html"]),
    ("impact collectif", ["guide/impact-collectif-faire-ensemble.html"]),
    ("trois horizons", ["outils/trois-horizons.html"]),
    ("meteo interieure", ["outils/meteo-interieure.html"]),
    ("grille pouvoir interet", ["outils/grille-pouvoir-interet.html"]),
    ("tarif", ["formation.html"]),
    ("legitimite", ["cas/legitimite-de-la-coordinatrice.html", "jour-2/situer-son-role.html", "guide/fonction-d-animation.html"]),
    ("réforme des services autonomie", ["cas/feuille-de-route-reforme-sad.html"]),
]


@pytest.mark.browser
@pytest.mark.parametrize("query, expected", SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_the_expected_page_in_the_first_three(page, edition_server, query, expected):
    page.goto(f"{edition_server}/index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=10)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)
    links = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('href'))")
    top = [re.sub(r"^https?://[^/]+/|[?#].*$", "", href) for href in links[:3]]
    assert set(top) & set(expected), f"« {query} » : premiers résultats {top}, attendu l'un de {expected}"


@pytest.mark.browser
def test_search_works_from_the_file_system(page, edition_site_dir):
    page.goto((edition_site_dir / "outils" / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("forum ouvert", delay=10)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert "Forum ouvert" in page.locator(".md-search-result__item").first.inner_text()


# --------------------------------------------------------------------------
# HTML validity
# --------------------------------------------------------------------------

#: Errors of Material for MkDocs' own templates, not of our content (checked on the message and the markup).
KNOWN_THEME_ERRORS = [
    (r"Attribute “autocomplete” is only allowed when the input type is", r'type="checkbox"|type="radio"'),
]


def test_html_is_valid(site_dir, trainer_site_dir):
    if shutil.which("java") is None or not VNU.is_file():
        pytest.fail("Nu HTML Checker absent : lancez « make install-test » (java et npm vnu-jar).")
    report = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
                             str(site_dir), str(trainer_site_dir)], capture_output=True, text=True, timeout=600)
    messages = json.loads(report.stderr or '{"messages": []}')["messages"]
    unexpected = []
    for message in messages:
        if message.get("type") != "error":
            continue
        known = any(re.search(text, message["message"]) and re.search(markup, message.get("extract", ""))
                    for text, markup in KNOWN_THEME_ERRORS)
        if not known:
            unexpected.append(f"{message.get('url', '').split('/')[-1]} : {message['message']} "
                              f"[{message.get('extract', '').strip()[:100]}]")
    assert not unexpected, "\n".join(unexpected[:30])


# --------------------------------------------------------------------------
# French typography and spelling
# --------------------------------------------------------------------------


def _texts(site_dir: Path, *, navigation: bool = True):
    """Visible text of every page (code left out); without the menus when ``navigation`` is false."""
    for path in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for node in soup(["script", "style", "code", "pre", "svg", "kbd", "template"] + ([] if navigation else ["nav"])):
            node.decompose()
        yield path.relative_to(site_dir).as_posix(), soup.body.get_text(" ")


def test_french_typography(site_dir, trainer_site_dir):
    problems = []
    for folder in (site_dir, trainer_site_dir):
        for rel, text in _texts(folder):
            for match in re.finditer(r"(?<=\S) [:;!?»]|« (?=\S)|\"", text):
                context = text[max(0, match.start() - 40): match.end() + 15].replace("\n", " ")
                problems.append(f"{rel} : « {match.group(0)} » dans … {context} …")
    assert not problems, "\n".join(problems[:30])


def test_french_spelling(site_dir, trainer_site_dir):
    if shutil.which("hunspell") is None:
        pytest.fail("Hunspell absent : installez les paquets Debian « hunspell » et « hunspell-fr ».")
    words: dict[str, str] = {}
    for folder in (site_dir, trainer_site_dir):
        # The menus repeat the page titles, which are checked on their own pages (with their code kept aside).
        for rel, text in _texts(folder, navigation=False):
            for word in re.findall(r"[A-Za-zÀ-ÿœŒæÆ]+(?:['’-][A-Za-zÀ-ÿœŒ]+)*", text):
                words.setdefault(word.replace("’", "'"), rel)  # one form for the dictionary and the reviewed list
    reviewed = {line.strip() for line in WORDS.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")}
    out = subprocess.run(["hunspell", "-d", "fr_FR", "-l"], input="\n".join(sorted(words)),
                         capture_output=True, text=True, check=True).stdout.split()
    unknown = sorted(set(out) - reviewed)
    assert not unknown, "mots inconnus (corrigez-les ou ajoutez-les à tests/mots-du-projet.txt après relecture) : " \
        + ", ".join(f"{w} ({words.get(w, '?')})" for w in unknown[:60])
