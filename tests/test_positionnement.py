"""Real browser (Playwright + Debian Chromium): the positioning page keeps a participant's answers in her browser
after a reload, draws the before / after chart with its text table, and does nothing on other pages."""

from __future__ import annotations

import pytest

from conftest import ROOT, _serve, run_mkdocs

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def html_server(tmp_path_factory):
    """The participant edition, HTML only (no PDF), on a loopback server."""
    site_dir = tmp_path_factory.mktemp("site-positionnement")
    result = run_mkdocs(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    yield from _serve(site_dir)


def test_answers_survive_a_reload_and_the_chart_is_drawn(page, html_server):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{html_server}/positionnement.html")
    form = page.locator("form.manuel-positionnement")
    assert form.is_visible()
    assert not page.locator(".manuel-positionnement-sans-js").is_visible()
    assert not page.locator(".manuel-positionnement-resultat").is_visible()  # nothing noted yet

    page.select_option("#pos-O1-avant", "1")
    page.select_option("#pos-O1-apres", "3")
    page.select_option("#pos-O4-avant", "2")
    assert "enregistrée" in page.locator(".manuel-positionnement-etat").inner_text()

    page.reload()
    assert page.input_value("#pos-O1-avant") == "1"
    assert page.input_value("#pos-O1-apres") == "3"
    assert page.input_value("#pos-O4-avant") == "2"
    assert page.input_value("#pos-O2-avant") == ""

    chart = page.locator(".manuel-positionnement-resultat svg[role=img]")
    assert chart.is_visible()
    assert chart.get_attribute("aria-labelledby") == "pos-graphique-titre pos-graphique-desc"
    assert chart.locator("rect.pos-avant").count() == 5 + 1  # one bar per objective, and the legend
    widths = [float(w) for w in chart.locator("rect.pos-apres").evaluate_all("rs => rs.map(r => r.getAttribute('width'))")]
    assert widths[0] > widths[1], "la barre « après » de O1 (3) dépasse celle de O2 (non notée)"
    rows = page.locator(".manuel-positionnement-resultat table tbody tr")
    assert rows.count() == 5
    assert rows.nth(0).locator("td").all_inner_texts() == ["1", "3", "+2"]
    assert rows.nth(3).locator("td").all_inner_texts() == ["2", "–", "–"]

    page.click("text=Effacer mes réponses")
    page.reload()
    assert page.input_value("#pos-O1-avant") == ""
    assert not page.locator(".manuel-positionnement-resultat").is_visible()
    assert not errors, errors


def test_script_does_nothing_on_other_pages(page, html_server):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{html_server}/evaluation.html")
    assert page.locator("form.manuel-positionnement").count() == 0
    assert page.evaluate("localStorage.getItem('manuel-positionnement')") is None
    assert not errors, errors


def test_without_javascript_the_page_points_to_the_printable_grid(browser, html_server):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{html_server}/positionnement.html")
    note = page.locator(".manuel-positionnement-sans-js")
    assert note.is_visible()
    assert note.locator("a").get_attribute("href") == "supports/autopositionnement-cinq-objectifs.html"
    assert not page.locator("form.manuel-positionnement").is_visible()
    context.close()
