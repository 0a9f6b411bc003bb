"""The trainer's printed documents, taken from the pages the build has just written: the conducteur of each day (A4
landscape) and the print pack of each day (every handout of the day, in the order it is handed out, after a cover
page that says how many copies of each to print)."""

from __future__ import annotations

from pathlib import Path

from ..model.logistics import participants_of, prints_for_day
from .printed import _article, _document, _rewrite, printable_handout

#: The conducteur's page: A4 landscape, small type, the table repeated header on each page.
CONDUCTEUR_CSS = """
@page { size: A4 landscape; margin: 8mm 9mm 10mm 9mm; @top-right { content: none; } }
html { font-size: 6.8pt; line-height: 1.18; }
article > p { display: none; }
h1 { font-size: 13pt; margin: 0 0 0.2em; bookmark-level: 1; }
p { margin: 0.1em 0 0.3em; }
table { font-size: 6.6pt; margin: 0.2em 0; }
th, td { padding: 1.2pt 2.5pt; }
caption { caption-side: top; text-align: left; font: bold 8pt "Liberation Sans", "DejaVu Sans", sans-serif; margin-bottom: 2pt; }
thead { display: table-header-group; }
tr.manuel-conducteur-sequence th { background: #cfe6e2; font-size: 8pt; }
tr.manuel-conducteur-pause td { background: #f2f2f2; font-style: italic; }
td:nth-child(1) { width: 9%; } td:nth-child(2) { width: 8%; } td:nth-child(3) { width: 9%; }
td:nth-child(4) { width: 17%; } td:nth-child(5) { width: 15%; } td:nth-child(6) { width: 17%; }
"""

#: The print pack: each document on its own pages, A3 worksheets on A3 pages.
PACK_CSS = """
@page a3 { size: A3; }
.document { break-before: page; }
.document.a3 { page: a3; }
.pack-couverture h1 { font-size: 20pt; }
.pack-couverture td.nombre { text-align: right; font-weight: bold; font-size: 11pt; }
body.support td, body.modele td { height: 9mm; }
"""


def conducteur_html(site_dir: Path, url: str, running: str) -> str:
    """The conducteur page of one day, to print on A4 landscape pages."""
    article = _article(site_dir, url, widths=False)  # its columns are set by CONDUCTEUR_CSS
    _rewrite(article, url, {url})
    title = article.find("h1").get_text(" ", strip=True)
    return _document(title, str(article), "fiche.css", running, extra_css=CONDUCTEUR_CSS)


def print_pack_html(site, site_dir: Path, day: int, running: str) -> str:
    """All the handouts of one day in print order, after a cover page with the number of copies of each."""
    jobs = prints_for_day(site, day)
    rows = "".join(
        f"<tr><td>{rank}</td><td>{job.page.title}</td><td class=\"nombre\">{job.copies}</td><td>{job.paper}</td>"
        f"<td>{'recto verso' if job.two_sided else 'recto'}</td></tr>"
        for rank, job in enumerate(jobs, start=1))
    people = participants_of(site)
    cover = (
        '<section class="pack-couverture">'
        f"<h1>Carnet d'impression du jour {day}</h1>"
        f"<p>Les documents que les étapes du jour {day} remettent, dans l'ordre où vous les distribuez. Les "
        f"exemplaires sont calculés pour {people}\u00a0participantes et participants (data/session.yml), avec la "
        "réserve et votre exemplaire.</p>"
        '<table><thead><tr><th scope="col">Ordre</th><th scope="col">Document</th><th scope="col">Exemplaires</th>'
        f'<th scope="col">Format</th><th scope="col">Impression</th></tr></thead><tbody>{rows}</tbody></table>'
        "</section>")
    parts = [cover]
    for job in jobs:
        url = job.page.src_uri[:-3] + ".html"
        article = printable_handout(site_dir, url, job.page.kind.KEY)
        classes = "document a3" if job.paper == "A3" else "document"
        parts.append(f'<section class="{classes} {job.page.kind.KEY}">{article}</section>')
    return _document(f"Carnet d'impression du jour {day}", "".join(parts), "fiche.css", running, kind="pack",
                     extra_css=PACK_CSS)

