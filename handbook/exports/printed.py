"""The HTML of the printed documents: the booklet of an edition (cover, contents, numbered chapters) and one sheet or
template, taken from the pages the build has just written."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..downloads import BOOKLET_TITLES
from ..formats import days_fr
from ..model.sections import CASE_ANALYSIS, CASE_USES, TEMPLATE_EXAMPLE
from .columns import set_column_widths

if TYPE_CHECKING:  # BeautifulSoup is imported only when the exports are built (faster HTML builds)
    from bs4 import BeautifulSoup

ASSETS = Path(__file__).resolve().parent.parent / "assets"
#: Pages left out of the booklets: the home page (the cover replaces it), tags, downloads and the planner (interactive).
NOT_IN_BOOKLET = {"index.md", "etiquettes.md", "telechargements.md", "planificateur.md"}
#: Id of the section of a worksheet that holds its plain-text version (« Version texte pour un formulaire en ligne »).
ONLINE_FORM_TEXT_ID = "version-texte-pour-un-formulaire-en-ligne"


def article_soup(site_dir: Path, url: str) -> BeautifulSoup:
    """The ``<article>`` of a built page, parsed alone: the navigation around it is most of the page's HTML, and
    parsing it for every printed document cost a third of the exports' time."""
    from bs4 import BeautifulSoup

    html = (site_dir / url).read_text(encoding="utf-8")
    start, end = html.find('<article class="md-content__inner'), html.rfind("</article>")
    if start < 0 or end < start:
        raise ValueError(f"{url} : pas d'article dans la page construite")
    return BeautifulSoup(html[start:end + len("</article>")], "html.parser").article


def _article(site_dir: Path, url: str, widths: bool = True) -> BeautifulSoup:
    """The article of a built page as printed: page furniture removed, every section open; with ``widths``, its
    tables get computed column widths (see ``columns``)."""
    article = article_soup(site_dir, url)
    for selector in ("a.headerlink", "nav.md-tags", ".md-source-file", "form.manuel-filtres", "p.manuel-compte",
                     "p.manuel-projeter-barre", "div.manuel-aujourdhui", ".manuel-aucun", "p.manuel-telechargements",
                     "script", "aside.md-source-file", "div.manuel-diapo-bloc"):
        for node in article.select(selector):
            node.decompose()
    for node in article.select("[hidden]"):
        del node["hidden"]
    for details in article.find_all("details"):
        details["open"] = "open"
    for label in article.select(".tabbed-labels"):
        label.decompose()
    if widths:
        set_column_widths(article)
    return article


def _prefix(url: str) -> str:
    return "p-" + re.sub(r"[^a-z0-9]+", "-", url[:-5].lower()).strip("-")


def _rewrite(article, url: str, included: set[str]) -> None:
    """Make ids unique in the combined document and point internal links at them."""
    prefix = _prefix(url)
    for node in article.find_all(id=True):
        node["id"] = f"{prefix}--{node['id']}"
    for link in article.find_all("a", href=True):
        href = link["href"]
        if re.match(r"^[a-z]+:", href):
            continue
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(url), path)) if path else url
        if target in included:
            link["href"] = f"#{_prefix(target)}--{anchor}" if anchor else f"#{_prefix(target)}"
        else:
            link.unwrap()


def _css(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def booklet_html(site, edition: str, nav, site_dir: Path) -> str:
    """One HTML document: cover, table of contents, numbered chapters grouped in parts."""
    from mkdocs.structure.nav import Section

    parts: list[tuple[str, list]] = []
    for item in nav.items:
        pages = []

        def collect(node):
            if isinstance(node, Section):
                for child in node.children:
                    collect(child)
            elif getattr(node, "is_page", False):
                pages.append(node)

        collect(item)
        pages = [p for p in pages if p.file.src_uri not in NOT_IN_BOOKLET]
        if pages:
            parts.append((item.title if isinstance(item, Section) else pages[0].title, pages))

    included = {p.url for _, pages in parts for p in pages}
    body, toc = [], []
    number = 0
    for part_index, (part_title, pages) in enumerate(parts, start=1):
        part_id = f"partie-{part_index}"
        toc.append(f'<li class="toc-partie"><a href="#{part_id}">{part_title}</a></li>')
        body.append(f'<section class="partie"><h1 class="partie-titre" id="{part_id}">{part_title}</h1>')
        for page in pages:
            number += 1
            article = _article(site_dir, page.url)
            _rewrite(article, page.url, included)
            title = article.find("h1")
            title_text = title.get_text(" ", strip=True) if title else page.title
            if title:
                title.decompose()
            anchor = _prefix(page.url)
            toc.append(f'<li class="toc-chapitre"><a href="#{anchor}"><span class="num">{number}.</span> '
                       f"{title_text}</a></li>")
            body.append(f'<section class="chapitre"><h1 class="chapitre-titre" id="{anchor}">'
                        f'<span class="num">{number}.</span> {title_text}</h1>'
                        f'{article.decode_contents()}</section>')
        body.append("</section>")

    training = site.training
    sessions = " · ".join(f"{s.dates}, {s.lieu}" for s in sorted(site.sessions, key=lambda s: s.debut))
    kind = BOOKLET_TITLES[edition]
    cover = (
        '<section class="couverture">'
        f'<p class="couverture-edition">{kind}</p>'
        f'<h1 class="couverture-titre">{training.titre}</h1>'
        f'<p class="couverture-public">Formation de {days_fr(len(site.run_sheet.jours))} pour les coordinatrices régionales '
        f"des unions territoriales du réseau UNA</p>"
        f'<p class="couverture-session">{sessions}</p>'
        f'<p class="couverture-date">Version du {site.content_date.strftime("%d/%m/%Y")}</p>'
        "</section>"
    )
    contents = f'<section class="sommaire"><h1 class="sommaire-titre">Sommaire</h1><ul>{"".join(toc)}</ul></section>'
    return _document(f"{training.titre} · {kind}", cover + contents + "".join(body), "livret.css", kind)


#: Labels of the printed sheets, by page type key.
SHEET_LABELS = {"outil": "Fiche outil", "modele": "Modèle à remplir", "support": "Support à imprimer",
                "cas": "Étude de cas"}


def _drop_section(article, url: str, section_id: str) -> None:
    """Remove a level-2 section (its heading and what follows, up to the next level-2 heading)."""
    heading = article.find(id=f"{_prefix(url)}--{section_id}")
    if heading is None:
        return
    for node in list(heading.find_next_siblings()):
        if node.name == "h2":
            break
        node.decompose()
    heading.decompose()


def printable_handout(site_dir: Path, url: str, kind: str):
    """The article of a page as it is handed out on paper: a template without its filled-in example, a case without
    its analysis for the trainer, no « where this document is used » note."""
    article = _article(site_dir, url)
    _rewrite(article, url, {url})
    for note in article.select("div.admonition.info"):
        title = note.select_one(".admonition-title")
        if title is not None and title.get_text(strip=True).startswith("Où sert ce document"):
            note.decompose()
    if kind == "modele":
        example = article.find(id=f"{_prefix(url)}--{TEMPLATE_EXAMPLE.id}")
        if example is not None:  # the blank template is printed, not the filled-in example
            for node in list(example.find_next_siblings()):
                node.decompose()
            example.decompose()
    if kind == "cas":
        for section in (CASE_ANALYSIS, CASE_USES):
            _drop_section(article, url, section.id)
    if kind == "support":  # the text to paste into an online form is for the screen only
        _drop_section(article, url, ONLINE_FORM_TEXT_ID)
    return article


def sheet_html(site_dir: Path, url: str, kind: str, training_title: str) -> str:
    """One tool sheet, template or worksheet, ready to print on one or two pages."""
    article = printable_handout(site_dir, url, kind)
    title = article.find("h1").get_text(" ", strip=True)
    return _document(title, str(article), "fiche.css", f"{SHEET_LABELS[kind]} · {training_title}", kind=kind)


def _document(title: str, body: str, stylesheet: str, running: str, kind: str = "", extra_css: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{title}</title><meta name=\"author\" content=\"Manuel de formation\">"
        f"<style>{_css('commun.css')}{_css(stylesheet)}{extra_css}"
        f'@page {{ @top-left {{ content: "{running}"; }} }}</style></head>'
        f'<body class="{kind}">{body}</body></html>'
    )


