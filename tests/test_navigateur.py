"""Real browser (Playwright + Debian Chromium): search works, in French, without accents."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _search(page, server, query: str) -> list[str]:
    page.goto(f"{server}/index.html")
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)  # Material reacts to key events, not to a programmatic fill
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.locator(".md-search-result__item .md-search-result__article h1").all_inner_texts()


@pytest.mark.parametrize("query", ["cooperation", "animatrice"])
def test_search_box_finds_results(page, server, query):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    titles = _search(page, server, query)
    assert titles, f"aucun résultat pour « {query} »"
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "Aucun" not in meta
    assert not errors, errors


@pytest.mark.parametrize("query", ["ecosysteme", "l'atelier"])
def test_search_without_accents_and_after_elision(page, server, query):
    assert _search(page, server, query)
