"""Offline exports (declared in mkdocs.yml under ``hooks``): PDF booklets, one PDF per tool sheet and
template, editable templates (DOCX), the offline zip and the sizes on the downloads page.

Exports run only when the environment variable ``MANUEL_EXPORTS=1`` is set (``make build``), so that
``mkdocs serve`` stays fast. They never touch the network: WeasyPrint may only read ``file:`` and
``data:`` URLs.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from handbook.content import get_site, insert_after_title, relative_link
from handbook.schema import Template, Tool

if TYPE_CHECKING:  # BeautifulSoup is imported only when the exports are built (faster HTML builds)
    from bs4 import BeautifulSoup

log = logging.getLogger("mkdocs.plugins.handbook.exports")

ASSETS = Path(__file__).parent / "assets"
DOWNLOADS = "telechargements"
BOOKLETS = {"participant": "livret-participant.pdf", "formateur": "guide-de-la-personne-qui-forme.pdf"}
BOOKLET_TITLES = {"participant": "Livret participant", "formateur": "Guide de la personne qui forme"}
ZIP_NAME = "manuel-hors-ligne.zip"
#: Pages left out of the booklets: the home page (the cover replaces it), tags and downloads.
NOT_IN_BOOKLET = {"index.md", "etiquettes.md", "telechargements.md"}


def enabled() -> bool:
    return os.environ.get("MANUEL_EXPORTS") == "1"


def edition(config) -> str:
    return config["extra"].get("edition", "participant")


def tool_pdf(slug: str) -> str:
    return f"{DOWNLOADS}/outils/{slug}.pdf"


def template_pdf(slug: str) -> str:
    return f"{DOWNLOADS}/modeles/{slug}.pdf"


def template_docx(slug: str) -> str:
    return f"{DOWNLOADS}/modeles/{slug}.docx"


def size_fr(path: Path) -> str:
    size = path.stat().st_size
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}\u00a0Mo".replace(".", ",")
    return f"{max(1, round(size / 1024))}\u00a0Ko"


# --------------------------------------------------------------------------
# Links to the exports on the pages (only when the exports are built)
# --------------------------------------------------------------------------


@event_priority(10)  # before hooks.py, which adds the room-mode buttons and the summary right under the title
def on_page_content(html, page, config, files):
    """Download buttons under the title of a tool sheet or a template."""
    if not enabled():
        return html
    src = page.file.src_uri
    slug = posixpath.basename(src)[:-3]
    up = relative_link(src, DOWNLOADS)
    if src.startswith("outils/") and slug != "index":
        links = [f'<a class="md-button" href="{up}/outils/{slug}.pdf">Télécharger la fiche (PDF, A4)</a>']
    elif src.startswith("modeles/") and slug != "index":
        links = [f'<a class="md-button" href="{up}/modeles/{slug}.pdf">Modèle à imprimer (PDF, A4)</a>',
                 f'<a class="md-button" href="{up}/modeles/{slug}.docx">Modèle modifiable (DOCX)</a>']
    else:
        return html
    return insert_after_title(html, '<p class="manuel-telechargements">' + " ".join(links) + "</p>")


_NAV: dict[int, object] = {}


def on_nav(nav, config, files):
    _NAV[id(config)] = nav
    return nav


# --------------------------------------------------------------------------
# HTML of the printed documents
# --------------------------------------------------------------------------


def _article(site_dir: Path, url: str) -> BeautifulSoup:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site_dir / url).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    for selector in ("a.headerlink", "nav.md-tags", ".md-source-file", "form.manuel-filtres", "p.manuel-compte",
                     "p.manuel-projeter-barre", "div.manuel-aujourdhui", ".manuel-aucun", "p.manuel-telechargements",
                     "script", "aside.md-source-file"):
        for node in article.select(selector):
            node.decompose()
    for node in article.select("[hidden]"):
        del node["hidden"]
    for details in article.find_all("details"):
        details["open"] = "open"
    for label in article.select(".tabbed-labels"):
        label.decompose()
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


def booklet_html(site, config, nav, site_dir: Path) -> str:
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
    sessions = " · ".join(f"{s.dates}, {s.lieu}" for s in training.sessions)
    kind = BOOKLET_TITLES[edition(config)]
    cover = (
        '<section class="couverture">'
        f'<p class="couverture-edition">{kind}</p>'
        f'<h1 class="couverture-titre">{training.titre}</h1>'
        f'<p class="couverture-public">Formation de {training.duree} pour les coordinatrices régionales '
        f"des unions territoriales du réseau UNA</p>"
        f'<p class="couverture-session">{sessions}</p>'
        f'<p class="couverture-date">Version du {date.today().strftime("%d/%m/%Y")}</p>'
        "</section>"
    )
    contents = f'<section class="sommaire"><h1 class="sommaire-titre">Sommaire</h1><ul>{"".join(toc)}</ul></section>'
    return _document(f"{training.titre} · {kind}", cover + contents + "".join(body), "livret.css", kind)


def sheet_html(site_dir: Path, url: str, kind: str, training_title: str) -> str:
    """One tool sheet or one template, ready to print on one or two A4 pages."""
    article = _article(site_dir, url)
    _rewrite(article, url, {url})
    if kind == "modele":
        example = article.find(id=f"{_prefix(url)}--exemple-rempli")
        if example is not None:  # the blank template is printed, not the filled-in example
            for node in list(example.find_next_siblings()):
                node.decompose()
            example.decompose()
    title = article.find("h1").get_text(" ", strip=True)
    label = "Fiche outil" if kind == "outil" else "Modèle à remplir"
    return _document(title, str(article), "fiche.css", f"{label} · {training_title}", kind=kind)


def _document(title: str, body: str, stylesheet: str, running: str, kind: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{title}</title><meta name=\"author\" content=\"Manuel de formation\">"
        f"<style>{_css('commun.css')}{_css(stylesheet)}"
        f'@page {{ @top-left {{ content: "{running}"; }} }}</style></head>'
        f'<body class="{kind}">{body}</body></html>'
    )


# --------------------------------------------------------------------------
# Rendering (WeasyPrint), in worker processes
# --------------------------------------------------------------------------


def _local_only(url: str, timeout: int = 10, ssl_context=None):
    from weasyprint import default_url_fetcher

    if not url.startswith(("file:", "data:")):
        raise ValueError(f"accès réseau refusé pendant la génération des PDF : {url}")
    return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)


def render_pdf(job: tuple[str, str, str]) -> str:
    html, base_url, target = job
    from weasyprint import HTML

    Path(target).parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html, base_url=base_url, url_fetcher=_local_only).write_pdf(target)
    return target


# --------------------------------------------------------------------------
# Editable templates (DOCX)
# --------------------------------------------------------------------------


def template_docx_file(site_dir: Path, url: str, target: Path) -> None:
    """The « Le modèle » section of a template page as an editable Word document."""
    from docx import Document
    from docx.shared import Pt

    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site_dir / url).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    for node in article.select("a.headerlink"):
        node.decompose()
    document = Document()
    document.core_properties.title = article.find("h1").get_text(" ", strip=True)
    document.core_properties.language = "fr-FR"
    document.styles["Normal"].font.name = "Liberation Sans"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(article.find("h1").get_text(" ", strip=True), level=0)
    start = article.find(id="le-modele")
    for node in start.find_next_siblings():
        if node.name == "h2":
            break
        if node.name in ("h3", "h4"):
            document.add_heading(node.get_text(" ", strip=True), level=1 if node.name == "h3" else 2)
        elif node.name == "p":
            document.add_paragraph(node.get_text(" ", strip=True))
        elif node.name in ("ul", "ol"):
            style = "List Bullet" if node.name == "ul" else "List Number"
            for item in node.find_all("li", recursive=False):
                document.add_paragraph(item.get_text(" ", strip=True), style=style)
        elif node.name == "table" or node.find("table"):
            table_node = node if node.name == "table" else node.find("table")
            rows = table_node.find_all("tr")
            width = max(len(r.find_all(["th", "td"])) for r in rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for index, row in enumerate(rows):
                cells = table.add_row().cells
                for column, cell in enumerate(row.find_all(["th", "td"])):
                    text = cell.get_text(" ", strip=True)
                    cells[column].text = text
                    if index == 0 and text:
                        for run in cells[column].paragraphs[0].runs:
                            run.bold = True
            document.add_paragraph()
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)


# --------------------------------------------------------------------------
# Build step
# --------------------------------------------------------------------------


@event_priority(-150)  # after the offline plugin, so that the zip holds the inlined search index
def on_post_build(config):
    if not enabled():
        return
    started = time.monotonic()
    site = get_site(config)
    site_dir = Path(config["site_dir"])
    out = site_dir / DOWNLOADS
    nav = _NAV.pop(id(config), None)
    if nav is None:
        raise Abort("Exports : la navigation du site est introuvable.")
    base_url = site_dir.resolve().as_uri() + "/"
    jobs = [(booklet_html(site, config, nav, site_dir), base_url, str(out / BOOKLETS[edition(config)]))]
    title = site.training.titre
    if edition(config) == "participant":
        for slug, record in site.tools.items():
            jobs.append((sheet_html(site_dir, record.src_uri[:-3] + ".html", "outil", title), base_url,
                         str(site_dir / tool_pdf(slug))))
        for record in site.of_kind(Template):
            slug = posixpath.basename(record.src_uri)[:-3]
            jobs.append((sheet_html(site_dir, record.src_uri[:-3] + ".html", "modele", title), base_url,
                         str(site_dir / template_pdf(slug))))
            template_docx_file(site_dir, record.src_uri[:-3] + ".html", site_dir / template_docx(slug))
    from concurrent.futures import ProcessPoolExecutor

    # MkDocs loads this hook from its path; worker processes need the importable module's function.
    from handbook.exports import render_pdf as importable_render_pdf

    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(importable_render_pdf, jobs))
    fill_sizes(site_dir)
    if edition(config) == "participant":
        make_zip(site_dir)
        fill_sizes(site_dir)
    log.info(f"Exports : {len(jobs)} PDF en {time.monotonic() - started:.1f} s")


def fill_sizes(site_dir: Path) -> None:
    """Write the size of each file on the downloads page (the page is rendered before the files exist)."""
    page = site_dir / "telechargements.html"
    if not page.is_file():
        return
    html = page.read_text(encoding="utf-8")

    def size(match: re.Match) -> str:
        target = site_dir / match.group(1)
        text = size_fr(target) if target.is_file() else "à générer"
        return f'<span class="manuel-taille" data-fichier="{match.group(1)}">{text}</span>'

    html = re.sub(r'<span class="manuel-taille" data-fichier="([^"]+)">[^<]*</span>', size, html)
    page.write_text(html, encoding="utf-8")


def make_zip(site_dir: Path) -> Path:
    """The whole participant site in one zip, to unzip and open from file://."""
    target = site_dir / DOWNLOADS / ZIP_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path != target:
                archive.write(path, Path("manuel") / path.relative_to(site_dir))
    return target
