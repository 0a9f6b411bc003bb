"""The offline meeting planner (issue #18): its data come from the build, it works in a real browser over HTTP and from
file://, on a phone, prints on one A4 page, keeps and shares plans, and stays small and accessible."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, address

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}
JS = ROOT / "docs" / "assets" / "javascripts" / "planificateur.js"
CSS = ROOT / "docs" / "assets" / "stylesheets" / "planificateur.css"
PAGE = "planificateur.html"
NB = "\u00a0"
#: The quarterly video meeting: its steps, as the planner titles them, and their clock times from 9 h 30.
QUARTERLY = "visio-trimestrielle"
BUDGET = 25_000


#: Comments, string literals, and the code between them.
TOKENS = re.compile(r"""/\*.*?\*/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|[^'"/]+|/""", re.S)


def minified(text: str) -> str:
    """A plain minification: comments out, strings kept as they are, blanks collapsed and dropped around punctuation.
    A real minifier (shorter names, fewer line breaks) does better: this size is an upper bound."""
    out = []
    for match in TOKENS.finditer(text):
        token = match.group(0)
        if token.startswith("/*"):
            continue
        if token[0] not in "'\"":
            token = re.sub(r"[ \t]+", " ", re.sub(r"\s*\n\s*", "\n", token))
            token = re.sub(r" ?([{}();,=<>+*|&!?\[\]]) ?", r"\1", token)
        out.append(token)
    return re.sub(r"\n+", "\n", "".join(out)).strip()


def test_script_and_stylesheet_fit_the_budget():
    js, css = JS.read_text(encoding="utf-8"), CSS.read_text(encoding="utf-8")
    assert "//" not in re.sub(r"https?://|\"[^\"\n]*\"|'[^'\n]*'|/\*.*?\*/", "", js, flags=re.S), \
        "commentaires « // » : la mesure ci-dessous ne les retire pas"
    size = len(minified(js).encode("utf-8")) + len(minified(css).encode("utf-8"))
    assert size <= BUDGET, f"planificateur.js + planificateur.css minifiés : {size} octets, budget {BUDGET}"


def test_no_sheet_data_is_copied_into_the_script(content_site):
    """One source: the script reads the JSON written by the build, its code never names a sheet or a plan."""
    js = minified(JS.read_text(encoding="utf-8"))
    titles = [record.title for record in content_site.pages.values()
              if record.src_uri.startswith(("outils/", "rencontres/")) and not record.src_uri.endswith("index.md")]
    assert titles
    found = [title for title in titles if title in js]
    assert not found, f"données de fiche ou de plan recopiées dans planificateur.js : {found}"
    assert not re.search(r"\b(world-cafe|meteo-interieure|codeveloppement|visio-trimestrielle)\b", js)


def _data(site_dir: Path) -> dict:
    html = (site_dir / PAGE).read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="manuel-planificateur-donnees">(.*?)</script>', html, re.S)
    assert match, "données du planificateur absentes de la page"
    return json.loads(match.group(1).replace("<\\/", "</"))


def test_the_build_writes_the_planner_data(site_dir, content_site):
    data = _data(site_dir)
    plans = {plan["id"]: plan for plan in data["trames"]}
    assert len(plans) == 6
    assert sum(step["minutes"] for step in plans[QUARTERLY]["etapes"]) == plans[QUARTERLY]["duree"] == 150
    tools = {tool["id"]: tool for tool in data["outils"]}
    assert set(tools) == {uri[len("outils/"):-3] for uri in content_site.pages
                          if uri.startswith("outils/") and not uri.endswith("index.md")}
    for tool in tools.values():
        assert (site_dir / tool["url"]).is_file(), tool["url"]
        # the invitation question alone, not the other wordings that follow it
        assert tool["question"].startswith("«") and "Autre" not in tool["question"], tool["id"]
    for plan in plans.values():
        assert (site_dir / plan["url"]).is_file(), plan["url"]
        # the plan's page opens the planner with this very plan (« Adapter ce plan »)
        assert f'href="../planificateur.html#trame={plan["id"]}"' in (site_dir / plan["url"]).read_text(encoding="utf-8")
        for step in plan["etapes"]:
            assert not step["outil"] or step["outil"] in tools
            assert all(use["id"] in data["materiel"] for use in step["materiel"])


def test_without_javascript_the_page_says_so_and_links_the_six_plans(soup, site_dir):
    page = soup(PAGE)
    fallback = page.select_one(".pl-sansjs")
    assert fallback and "JavaScript" in fallback.get_text()
    links = {a["href"] for a in fallback.select("a[href]")}
    assert links == {plan["url"] for plan in _data(site_dir)["trames"]}
    assert page.select_one("#manuel-planificateur") is not None


def test_the_planner_is_linked_from_the_meeting_plans_and_the_toolbox(soup):
    for rel, href in (("rencontres/index.html", "../planificateur.html"), ("outils/index.html", "../planificateur.html")):
        assert soup(rel).select_one(f'article a[href="{href}"]'), f"{rel} ne renvoie pas au planificateur"


# --------------------------------------------------------------------------
# Real browser
# --------------------------------------------------------------------------


def _watch(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def _titles(page) -> list[str]:
    return page.locator("#pl-etapes .pl-titre strong").all_inner_texts()


def _clocks(page) -> list[str]:
    return page.locator("#pl-etapes .pl-heure").all_inner_texts()


def _step(page, title: str):
    return page.locator("#pl-etapes > li").filter(has=page.locator(".pl-titre strong", has_text=title))


def _load_quarterly(page) -> None:
    page.select_option("#pl-trame", QUARTERLY)
    page.get_by_role("button", name="Partir de ce plan").click()
    assert _titles(page)[:2] == ["Accueil au fil des arrivées", "Météo intérieure"]


def _drag(page, source, target) -> None:
    """Drag ``source`` (a step) by its handle onto the lower half of ``target``, with the mouse."""
    handle = source.locator(".pl-poignee").bounding_box()
    box = target.bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.75, steps=8)
    page.mouse.up()


def _pages_when_printed(page) -> int:
    from pypdf import PdfReader

    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    page.emulate_media(media="screen")
    return len(PdfReader(io.BytesIO(pdf)).pages)


SCENARIOS = {"http-1280": ("server", 1280), "file-1280": ("site_dir", 1280), "http-390": ("server", 390),
             "file-390": ("site_dir", 390)}


@pytest.mark.browser
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_plan_a_quarterly_meeting(browser, request, scenario):
    """The coordinator's path: the quarterly video plan, a sheet and a break added, steps reordered by keyboard and by
    pointer, a new start time; the plan survives a reload, travels by its address and prints on one A4 page."""
    fixture, width = SCENARIOS[scenario]
    root = request.getfixturevalue(fixture)
    url = root.as_uri() + "/" + PAGE if isinstance(root, Path) else f"{root}/{PAGE}"
    viewport = {"width": width, "height": 844 if width < 500 else 900}
    context = browser.new_context(locale="fr-FR", viewport=viewport, is_mobile=width < 500, has_touch=width < 500)
    try:
        page = context.new_page()
        errors = _watch(page)
        page.goto(url)
        _load_quarterly(page)
        assert page.locator("#pl-bilan").inner_text() == \
            f"De 9{NB}h{NB}30 à 12{NB}h{NB}: 2{NB}h{NB}30 pour 2{NB}h{NB}30 visées, le compte est bon."
        # one A4 page for the 2 h 30 plan, with the sheets' invitation questions and the material
        assert _pages_when_printed(page) == 1
        assert "Ordinateur relié à la visio (par personne, pour la salle)" in \
            page.locator("#pl-materiel").inner_text()
        assert f"Météo intérieure{NB}: «{NB}Si vous étiez une météo" in page.locator("#pl-questions").inner_text()

        # add a sheet from the toolbox (search without accents) and a break
        page.get_by_label("Chercher une fiche").fill("retour d'experience")
        page.get_by_role("button", name="Ajouter au déroulé : Retour d’expérience").click()
        page.wait_for_function("() => document.getElementById('pl-annonce').textContent"
                               ".startsWith(\"Étape ajoutée en fin de déroulé\u00a0: Retour d’expérience\")")
        page.get_by_role("button", name="Ajouter une pause").click()
        assert _titles(page)[-2:] == ["Retour d’expérience", "Pause"]
        assert _clocks(page)[-2:] == [f"12{NB}h", f"13{NB}h"]
        assert "1" + NB + "h" + NB + "10 de trop" in page.locator("#pl-bilan").inner_text()

        # minutes outside the sheet's range: a visible warning tied to the field
        minutes = page.get_by_label("Minutes : Retour d’expérience")
        minutes.fill("30")
        warning = _step(page, "Retour d’expérience").locator(".pl-alerte")
        assert warning.is_visible() and f"Plus court que la fiche, qui prévoit de 60 à 120{NB}min" in warning.inner_text()
        assert warning.get_attribute("id") == minutes.get_attribute("aria-describedby")
        minutes.fill("60")
        assert warning.is_hidden()

        # keyboard: « Monter » on the sheet, focus kept on the moved step's button
        up = page.get_by_role("button", name="Monter : Retour d’expérience")
        up.focus()
        page.keyboard.press("Enter")
        assert _titles(page)[-3:] == ["Retour d’expérience", "Évaluation de fin de réunion", "Pause"]
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Monter{NB}: Retour d’expérience"
        page.keyboard.press("Space")
        assert _titles(page)[-4:] == ["Retour d’expérience", "Suites", "Évaluation de fin de réunion", "Pause"]
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Monter{NB}: Retour d’expérience"
        page.wait_for_function("() => document.getElementById('pl-annonce').textContent.includes('étape 8 sur 11')")

        # pointer: drag the added break by its handle onto the lower half of « Suites »
        _step(page, "Suites").evaluate("node => node.scrollIntoView({block: 'start'})")
        _drag(page, _step(page, "Pause").last, _step(page, "Suites"))
        assert _titles(page)[-4:] == ["Retour d’expérience", "Suites", "Pause", "Évaluation de fin de réunion"]

        # start time → every clock time moves
        page.get_by_label("Heure de début").fill("09:05")
        clocks = _clocks(page)
        assert clocks[:3] == [f"9{NB}h{NB}05", f"9{NB}h{NB}10", f"9{NB}h{NB}25"]
        expected_titles, expected_clocks = _titles(page), clocks

        # reload: the plan is kept
        page.reload()
        assert _titles(page) == expected_titles and _clocks(page) == expected_clocks
        assert page.get_by_label("Heure de début").input_value() == "09:05"
        share = page.get_by_label("Lien de partage").input_value()
        assert share.startswith(url + "#plan=1;") and len(share) - len(url) < 250
        assert not errors, errors
    finally:
        context.close()

    # the share address in a fresh browser (nothing stored): the same plan
    fresh = browser.new_context(locale="fr-FR", viewport=viewport)
    try:
        page = fresh.new_page()
        errors = _watch(page)
        page.goto(share)
        assert _titles(page) == expected_titles and _clocks(page) == expected_clocks
        page.wait_for_function("() => document.getElementById('pl-annonce').textContent.includes('lien de partage')")
        assert "#plan=" not in address(page)
        assert not errors, errors
    finally:
        fresh.close()


@pytest.mark.browser
@pytest.mark.parametrize("where", ["http", "file"])
def test_adapt_a_meeting_plan_from_its_page(page, server, site_dir, where):
    """From a meeting plan's page, one button opens the planner with that plan loaded, as a new user would go."""
    root = server if where == "http" else site_dir.as_uri()
    page.goto(f"{root}/rencontres/visio-trimestrielle.html")
    with page.expect_navigation():
        page.get_by_role("link", name="Adapter ce plan dans le planificateur").click()
    page.wait_for_function("() => (document.getElementById('pl-annonce') || {}).textContent?.includes('chargé')")
    assert page.locator("#pl-nom").input_value() == "Rencontre trimestrielle en visio"
    assert page.locator("#pl-bilan").inner_text() == \
        f"De 9{NB}h{NB}30 à 12{NB}h{NB}: 2{NB}h{NB}30 pour 2{NB}h{NB}30 visées, le compte est bon."
    assert "#" not in page.evaluate("location.href"), "l'adresse garde la demande de chargement"
    page.reload()  # the plan is now the current plan, kept in the browser
    assert page.locator("#pl-nom").input_value() == "Rencontre trimestrielle en visio"


@pytest.mark.browser
def test_named_plans_are_kept_in_the_browser(page, server):
    page.goto(f"{server}/{PAGE}")
    _load_quarterly(page)
    page.get_by_label("Nom de la rencontre").fill("Trimestrielle de mars")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("button", name="Partir de rien").click()
    assert _titles(page) == []
    assert page.locator("#pl-vide").is_visible()
    page.get_by_role("button", name="Ajouter un bloc libre").click()
    # the new free block's title has the focus
    page.keyboard.type("Nouvelles des structures")
    assert _titles(page) == ["Nouvelles des structures"]
    page.get_by_label("Nom de la rencontre").fill("Mensuelle d'avril")
    page.get_by_role("button", name="Enregistrer").click()
    page.reload()
    saved = page.get_by_label("Mes rencontres enregistrées")
    assert saved.locator("option").all_inner_texts() == ["Mensuelle d'avril", "Trimestrielle de mars"]
    saved.select_option("Trimestrielle de mars")
    page.get_by_role("button", name="Ouvrir").click()
    assert len(_titles(page)) == 9
    page.get_by_role("button", name="Supprimer").click()
    assert saved.locator("option").all_inner_texts() == ["Mensuelle d'avril"]


@pytest.mark.browser
def test_copy_as_plain_text(browser, server):
    context = browser.new_context(locale="fr-FR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    try:
        page = context.new_page()
        page.goto(f"{server}/{PAGE}")
        _load_quarterly(page)
        page.get_by_role("button", name="Copier en texte").click()
        page.wait_for_function("() => document.getElementById('pl-annonce').textContent.includes('copié')")
        text = page.evaluate("navigator.clipboard.readText()")
        lines = text.splitlines()
        assert lines[0] == "Rencontre trimestrielle en visio"
        assert f"9{NB}h{NB}35 (15{NB}min) Météo intérieure" in lines
        assert f"12{NB}h Fin de la rencontre (durée{NB}: 2{NB}h{NB}30)" in lines
        assert f"Questions d’invitation{NB}:" in lines and "<" not in text
    finally:
        context.close()


@pytest.mark.browser
def test_copy_falls_back_to_a_selected_text_area(browser, site_dir):
    context = browser.new_context(locale="fr-FR")
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                            "document.execCommand = () => false;")
    try:
        page = context.new_page()
        page.goto((site_dir / PAGE).as_uri())
        _load_quarterly(page)
        page.get_by_role("button", name="Copier en texte").click()
        area = page.get_by_label(re.compile("^Copie automatique impossible"))
        assert area.is_visible() and area.input_value().startswith("Rencontre trimestrielle en visio\n")
        assert page.evaluate("document.activeElement.id") == "pl-texte"
        assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") > 100
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_the_fallback_shows(browser, server):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/{PAGE}")
        assert page.locator(".pl-sansjs").is_visible()
        assert page.locator(".pl-sansjs").get_by_role("link", name="Rencontre trimestrielle en visio").is_visible()
        assert page.locator("#manuel-planificateur").is_hidden()
    finally:
        context.close()


@pytest.mark.browser
def test_the_script_does_nothing_on_other_pages(page, server):
    errors = _watch(page)
    page.goto(f"{server}/outils/index.html")
    assert not page.evaluate("document.documentElement.classList.contains('pl-page')")
    assert page.locator(".pl-etapes").count() == 0
    assert not errors, errors


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_with_a_plan(browser, server, scheme):
    context = browser.new_context(locale="fr-FR", color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{server}/{PAGE}")
        _load_quarterly(page)
        page.get_by_role("button", name="Ajouter une pause").click()
        page.get_by_role("button", name="Ajouter un bloc libre").click()
        page.get_by_label("Minutes : Météo intérieure").fill("40")  # a warning on screen
        page.get_by_role("button", name="Enregistrer").click()
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("o => axe.run(document, o)", AXE_OPTIONS)
        problems = [f"{v['id']} ({v['help']}) : {v['nodes'][0]['html'][:160]}" for v in found["violations"]]
        assert not problems, "\n".join(problems)
    finally:
        context.close()
