"""The reference part: guide, glossary (with tooltips), bibliography, case studies, templates."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, make_project, run_mkdocs
from handbook import model as schema
from test_boite_a_outils import words
from test_site import norm


def test_guide_has_eight_chapters_of_1000_words(content_site):
    chapters = content_site.of_kind(schema.Chapter)
    assert len(chapters) >= 8
    short = {c.src_uri: words(c.body) for c in chapters if words(c.body) < 1000}
    assert not short, f"chapitres de moins de 1 000 mots : {short}"


def test_each_chapter_links_tools_and_the_sequences_that_use_it(content_site, soup):
    for chapter in content_site.of_kind(schema.Chapter):
        page = soup(chapter.src_uri.replace(".md", ".html"))
        section = page.find(id="outils-et-sequences-lies")
        assert section is not None
        following = "".join(str(x) for x in section.find_all_next(["p", "ul", "li"], limit=40))
        assert "../outils/" in following, f"{chapter.src_uri} : aucune fiche outil liée"
        sequences = content_site.linking_pages(chapter.src_uri, schema.Sequence)
        assert sequences, f"{chapter.src_uri} : aucune séquence ne s'appuie sur ce chapitre"
        for sequence in sequences:
            assert sequence.title in norm(section.find_next("ul").get_text(" "))


def test_glossary_has_45_terms_each_with_source_and_anchor(content_site, soup):
    assert len(content_site.glossary) >= 45
    page = soup("glossaire.html")
    for ident, term in content_site.glossary.items():
        heading = page.find(id=ident)
        assert heading is not None and norm(heading.get_text()).startswith(term.terme), ident
        assert term.sources and all(k in content_site.references for k in term.sources)


def test_glossary_lists_the_pages_that_use_each_term(content_site, soup):
    usage = content_site.term_usage()
    assert sum(1 for pages in usage.values() if pages) >= 30
    page = soup("glossaire.html")
    for ident, pages in usage.items():
        section_text = ""
        for sibling in page.find(id=ident).find_next_siblings():
            if sibling.name == "h2":
                break
            section_text += sibling.get_text(" ")
        for record in pages:
            assert norm(record.title) in norm(section_text), f"{ident} : « {record.title} » non listée"


def test_glossary_cross_references_stay_inside_the_edition(tmp_path):
    """A page left out of the edition (here docs/formateur/ in the participant edition) is not listed under
    « Employé dans »: every link of the generated paragraphs leads to a page of the site."""
    project = make_project(tmp_path / "p")
    (project / "docs" / "glossaire.md").write_text(
        (ROOT / "docs" / "glossaire.md").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs" / "formateur").mkdir()
    (project / "docs" / "formateur" / "notes.md").write_text(
        '---\ntitle: Notes réservées\ndescription: Page de la seule édition formation.\n---\n\n# Notes réservées\n\n'
        '{{ terme("cooperation") }}\n', encoding="utf-8")
    result = run_mkdocs(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((project / "site" / "glossaire.html").read_text(encoding="utf-8"), "html.parser")
    entry = []  # the paragraphs of the entry, up to the next term
    for sibling in page.find(id="cooperation").find_next_siblings():
        if sibling.name == "h2":
            break
        entry.append(sibling.get_text())
    text = " ".join(entry)
    assert "Employé dans\u00a0: Accueil du projet de test" in text and "Notes réservées" not in text
    assert "Source\u00a0: Wenger, 1998" in text and "Voir aussi\u00a0: Communauté de pratique" in text
    for link in page.select("article a[href]"):
        target = link["href"].split("#")[0]
        assert not target or (project / "site" / target).is_file(), link["href"]


def test_terms_marked_in_pages_carry_their_definition(content_site, soup):
    links = soup("jour-1/cooperation-communautes.html").select("a.terme")
    assert links
    for link in links:
        ident = link["href"].split("#")[1]
        assert norm(link["title"]) == norm(content_site.glossary[ident].definition.replace('"', "'"))


def test_bibliography_has_an_entry_for_each_key_and_every_citation_resolves(content_site, soup):
    page = soup("bibliographie.html")
    for key in content_site.references:
        assert page.find(id=key) is not None, key
    cited = set()
    for record in content_site.pages.values():
        cited |= set(re.findall(r'cite\(\s*"([^"]+)"', record.body))
    assert cited and cited <= set(content_site.references)


def test_case_studies_are_fictional_and_their_analysis_is_for_the_trainer(content_site, soup, trainer_site_dir):
    from bs4 import BeautifulSoup

    cases = content_site.of_kind(schema.CaseStudy)
    assert len(cases) >= 6
    handed_out = 0
    for case in cases:
        page = soup(case.src_uri.replace(".md", ".html"))
        assert "Cas fictif" in page.get_text(), case.src_uri
        assert not page.select("details"), f"{case.src_uri} : pistes d'analyse dans l'édition participante"
        trainer = BeautifulSoup((trainer_site_dir / case.src_uri.replace(".md", ".html")).read_text(encoding="utf-8"),
                                "html.parser")
        assert trainer.select("details"), f"{case.src_uri} : pistes d'analyse non repliées (édition formation)"
        handed_out += bool(content_site.step_uses(case.src_uri[:-3]))
    assert handed_out >= 4, "les étapes des deux journées remettent au moins quatre études de cas"


def test_templates_have_instructions_template_and_filled_example(content_site, soup):
    templates = content_site.of_kind(schema.Template)
    assert {t.src_uri.split("/")[-1][:-3] for t in templates} >= {
        "charte-de-communaute", "feuille-de-route", "carte-de-l-ecosysteme", "grille-d-autopositionnement",
        "plan-et-compte-rendu-de-reunion", "barometre-d-evaluation-continue"}
    for template in templates:
        page = soup(template.src_uri.replace(".md", ".html"))
        model = page.find(id="le-modele")
        assert model is not None and model.find_next("table") is not None, template.src_uri


@pytest.mark.browser
def test_glossary_tooltip_on_hover_and_focus(page, server, content_site):
    page.goto(f"{server}/jour-1/cooperation-communautes.html")
    term = page.locator("a.terme").first
    ident = term.get_attribute("href").split("#")[1]
    definition = content_site.glossary[ident].definition
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=definition[:30])
    tooltip.first.wait_for(state="visible", timeout=5000)
    page.mouse.move(0, 0)
    page.keyboard.press("Tab")
    term.focus()
    tooltip.first.wait_for(state="visible", timeout=5000)
    # A click opens the definition in place (glossaire.js, issue #20); its link still leads to the glossary entry.
    term.click()
    box = page.locator(".manuel-definition")
    box.wait_for(state="visible", timeout=5000)
    assert definition[:30] in box.inner_text()
    box.locator("a").click()
    page.wait_for_url(re.compile(r"glossaire\.html#" + ident))
