"""Presenting from the site (real browser): room mode, presenter view, live run-sheet, axe-core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import address

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
SEQUENCE = "jour-1/ecosysteme.html"


def watch(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def slide_number(page) -> int:
    return int(page.locator(".manuel-salle__progression").inner_text().split("/")[0])


def slide_count(page) -> int:
    return int(page.locator(".manuel-salle__progression").inner_text().split("/")[1])


def test_enter_and_leave_room_mode(page, trainer_server):
    errors = watch(page)
    page.goto(f"{trainer_server}/{SEQUENCE}")
    page.get_by_role("button", name="Projeter").click()
    room = page.get_by_role("dialog", name=re.compile("^Projection"))
    assert room.is_visible()
    assert room.evaluate("node => node.contains(document.activeElement)")
    assert not page.locator(".md-header").is_visible() or page.locator(".manuel-salle").evaluate(
        "node => getComputedStyle(node).position") == "fixed"
    assert slide_number(page) == 1 and slide_count(page) >= 6
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    title = page.locator(".manuel-diapo h2").first.inner_text()
    page.keyboard.press("Escape")
    assert page.locator(".manuel-salle").count() == 0
    assert "projection=" not in address(page)
    # Focus goes back to the heading of the page section that holds the projected slide.
    back = page.evaluate("""title => {
        const focused = document.activeElement;
        const block = [...document.querySelectorAll('.manuel-diapo-bloc')]
            .find(b => b.textContent.includes(title));
        return /^H[1-6]$/.test(focused.tagName) && !!block
            && Boolean(focused.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""", title.strip())
    assert back, "Échap ne ramène pas à la section projetée"
    page.keyboard.press("Shift+P")
    assert page.get_by_role("dialog", name=re.compile("^Projection")).is_visible()
    assert not errors, errors


@pytest.mark.parametrize("forward, backward", [
    ("ArrowRight", "ArrowLeft"), ("ArrowDown", "ArrowUp"), ("PageDown", "PageUp"), ("Space", "Shift+Space"),
])
def test_slide_navigation_keys(page, trainer_server, forward, backward):
    page.goto(f"{trainer_server}/{SEQUENCE}#projection=2")
    page.get_by_role("dialog", name=re.compile("^Projection")).wait_for()
    assert slide_number(page) == 2
    page.keyboard.press(forward)
    assert slide_number(page) == 3
    page.keyboard.press(backward)
    page.keyboard.press(backward)
    assert slide_number(page) == 1


def test_home_and_end_and_announcement(page, trainer_server):
    page.goto(f"{trainer_server}/{SEQUENCE}#projection=3")
    page.get_by_role("dialog", name=re.compile("^Projection")).wait_for()
    page.keyboard.press("End")
    assert slide_number(page) == slide_count(page)
    page.keyboard.press("Home")
    assert slide_number(page) == 1
    assert page.locator(".manuel-salle__annonce").inner_text().startswith("Diapositive 1 sur")


def test_slide_in_address_survives_reload(page, trainer_server):
    page.goto(f"{trainer_server}/{SEQUENCE}")
    page.keyboard.press("Shift+P")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert address(page).endswith("#projection=3")
    page.reload()
    page.get_by_role("dialog", name=re.compile("^Projection")).wait_for()
    assert slide_number(page) == 3


def test_trainer_notes_never_projected(browser, trainer_site_dir):
    """Even from the trainer edition, where the notes exist, the projected screen hides them."""
    page = browser.new_page()
    page.goto((trainer_site_dir / SEQUENCE).as_uri())
    assert page.locator(".admonition.animation").count() >= 1
    page.keyboard.press("Shift+P")
    total = slide_count(page)
    for _ in range(total):
        slide = page.locator(".manuel-salle__scene")
        assert slide.locator(".animation, .correction").count() == 0
        assert "Notes pour l’animation" not in slide.inner_text().replace("'", "’")
        page.keyboard.press("ArrowRight")
    page.close()


def test_presenter_view_stays_in_sync(page, trainer_server):
    errors = watch(page)
    page.goto(f"{trainer_server}/{SEQUENCE}")
    with page.context.expect_page() as popup:
        page.get_by_role("button", name="Vue présentatrice").click()
    presenter = popup.value
    presenter.wait_for_selector(".manuel-presentation")
    progress = presenter.locator(".manuel-presentation__progression")
    assert progress.inner_text().startswith("Diapositive 1 sur")
    assert presenter.locator(".manuel-presentation__etapes li").count() >= 5
    assert "Temps passé" in presenter.locator(".manuel-presentation__chrono").inner_text()
    page.bring_to_front()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    presenter.wait_for_function("() => document.querySelector('.manuel-presentation__progression')"
                                ".textContent.startsWith('Diapositive 3 sur')")
    presenter.bring_to_front()
    presenter.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelector('.manuel-salle__progression').textContent.startsWith('2 ')")
    assert not errors, errors


def test_presenter_view_shows_trainer_notes_in_trainer_edition(browser, trainer_site_dir):
    page = browser.new_page()
    page.goto((trainer_site_dir / SEQUENCE).as_uri() + "#presentation=1")
    page.wait_for_selector(".manuel-presentation")
    found = False
    for _ in range(10):
        notes = page.locator(".manuel-presentation__notes").inner_text()
        if "Pas de note" not in notes:
            found = True
            break
        page.keyboard.press("ArrowRight")
    assert found, "les notes pour l'animation n'apparaissent dans aucune section de la vue présentatrice"
    page.close()


@pytest.mark.parametrize("clock, expected", [("09:10", "Ouvrir la formation"), ("10:00", "Coopération"),
                                             ("14:00", "Modéliser son écosystème"), ("12:45", "Déjeuner")])
def test_live_run_sheet_highlights_the_planned_sequence(page, trainer_server, clock, expected):
    errors = watch(page)
    page.goto(f"{trainer_server}/jour-1/index.html")
    page.wait_for_selector(".manuel-aujourdhui[data-ready]")
    page.get_by_label("Heure").fill(clock)
    current = page.locator("tr.manuel-maintenant")
    assert current.count() == 1
    assert expected in current.inner_text()
    assert current.get_attribute("aria-current") == "time"
    assert not errors, errors


def test_live_run_sheet_tells_how_far_ahead_or_behind(page, trainer_server):
    page.goto(f"{trainer_server}/jour-1/index.html")
    page.wait_for_selector(".manuel-aujourdhui[data-ready]")
    page.get_by_label("Séquence en cours en salle").select_option(label="Ouvrir la formation")
    page.get_by_label("Heure").fill("10:00")
    state = page.locator(".manuel-aujourdhui__etat").inner_text().replace("\u00a0", " ")
    assert "15 min de retard" in state
    page.get_by_label("Heure").fill("08:50")
    assert "10 min d’avance" in page.locator(".manuel-aujourdhui__etat").inner_text().replace("\u00a0", " ")
    page.get_by_label("Heure").fill("09:20")
    assert "dans les temps" in page.locator(".manuel-aujourdhui__etat").inner_text()


def test_room_mode_works_from_the_file_system(page, edition_site_dir):
    errors = watch(page)
    page.goto((edition_site_dir / "outils" / "world-cafe.html").as_uri())
    page.get_by_role("button", name="Projeter").click()
    page.keyboard.press("ArrowRight")
    assert "projection=2" in address(page)
    assert not errors, errors


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_room_mode_has_no_axe_violation(page, trainer_server, scheme):
    page.goto(f"{trainer_server}/{SEQUENCE}")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.get_by_role("button", name="Projeter").click()
    page.keyboard.press("ArrowRight")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("o => axe.run(document.querySelector('.manuel-salle'), o)", AXE_OPTIONS)
    violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]
    assert not violations, violations
