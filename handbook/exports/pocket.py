"""The pocket booklet: an A5 PDF to read on a phone or carry folded in a bag. One page per tool sheet (in brief, the
invitation question, the timed steps, the pitfalls), the blank templates, and what to do before the training."""

from __future__ import annotations

from pathlib import Path

from ..model import Template, Tool
from ..model.sections import STEPS, TEMPLATE_BODY
from ..typography import apostrophes, fold
from .printed import _article, _document, _rewrite

#: Sections of a tool sheet kept in the pocket booklet, in this order.
TOOL_SECTIONS = ("En bref", "Question d'invitation", str(STEPS), "Pièges à éviter")
#: The page whose checklist opens the booklet.
BEFORE = "avant-la-formation.md"

POCKET_CSS = """
@page { size: A5; margin: 11mm 10mm 12mm 11mm;
  @top-left { content: none; } @top-right { content: string(fiche); font-size: 7pt; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 7pt; } }
html { font-size: 9pt; line-height: 1.35; }
h1 { font-size: 13pt; margin: 0 0 0.3em; string-set: fiche content(text); bookmark-level: 2; }
h1.partie { font-size: 16pt; bookmark-level: 1; margin-top: 30%; }
h2 { font-size: 10pt; margin: 0.6em 0 0.2em; bookmark-level: none; }
h3 { font-size: 9.5pt; }
section.fiche { break-before: page; }
table { font-size: 8pt; }
td { height: 7mm; }
blockquote { font-size: 9.5pt; }
.couverture { text-align: center; margin-top: 35%; }
.couverture h1 { font-size: 17pt; string-set: none; bookmark-level: 1; }
"""


def _sections(article, url: str, keep: tuple[str, ...]) -> str:
    """The HTML of the kept level-2 sections of an article, in the order of ``keep``."""
    parts = []
    for title in keep:  # the page's headings are typeset (apostrophes), the section titles are written straight
        heading = next((h for h in article.find_all("h2")
                        if h.get_text(" ", strip=True).rstrip("#").strip() == apostrophes(title)), None)
        if heading is None:
            continue
        chunk = [str(heading)]
        for node in heading.find_next_siblings():
            if node.name == "h2":
                break
            chunk.append(str(node))
        parts.append("".join(chunk))
    return "".join(parts)


def pocket_html(site, site_dir: Path) -> str:
    """The pocket booklet as one HTML document."""
    title = site.training.titre
    body = [f'<section class="couverture"><p>Livret de poche</p><h1>{title}</h1>'
            "<p>Les fiches outils en une page, les modèles à remplir et la préparation de la formation.</p></section>"]
    before = _article(site_dir, BEFORE[:-3] + ".html")
    _rewrite(before, BEFORE[:-3] + ".html", set())
    heading = before.find("h1")
    body.append(f'<section class="fiche"><h1>{heading.get_text(" ", strip=True) if heading else "Avant la formation"}'
                f"</h1>{_sections(before, BEFORE, tuple(h.get_text(' ', strip=True).rstrip('#').strip() for h in before.find_all('h2')))}</section>")
    body.append('<section class="fiche"><h1 class="partie">Les fiches outils</h1></section>')
    for record in sorted(site.of_kind(Tool), key=lambda r: fold(r.title)):
        url = record.src_uri[:-3] + ".html"
        article = _article(site_dir, url)
        _rewrite(article, url, set())
        body.append(f'<section class="fiche"><h1>{record.title}</h1>{_sections(article, url, TOOL_SECTIONS)}</section>')
    body.append('<section class="fiche"><h1 class="partie">Les modèles à remplir</h1></section>')
    for record in sorted(site.of_kind(Template), key=lambda r: fold(r.title)):
        url = record.src_uri[:-3] + ".html"
        article = _article(site_dir, url)
        _rewrite(article, url, set())
        body.append(f'<section class="fiche"><h1>{record.title}</h1>'
                    f"{_sections(article, url, (str(TEMPLATE_BODY),))}</section>")
    return _document(f"{title} · livret de poche", "".join(body), "fiche.css", "", kind="poche",
                     extra_css=POCKET_CSS)

