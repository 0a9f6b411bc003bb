"""The trainer's observation grid of each day (docs/formateur/observation-jour-N.md, built by the macro
``grille_observation``) as a PDF on A4 landscape pages with tall rows to write in, and as an editable DOCX."""

from __future__ import annotations

from pathlib import Path

from ..downloads import day_file
from .docx import template_docx_file
from .printed import sheet_html

#: Id of the section that holds the grid (« La grille »).
GRID_SECTION_ID = "la-grille"
#: A4 landscape, the grid's four columns, room to write in each row.
GRID_CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
body.support td { height: 30mm; vertical-align: top; }
body.support table { font-size: 8.5pt; }
col:nth-child(1) { width: 30% !important; } col:nth-child(2) { width: 24% !important; }
col:nth-child(3) { width: 30% !important; } col:nth-child(4) { width: 16% !important; }
"""


def observation_grid_jobs(site, site_dir: Path, base_url: str, title: str) -> list[tuple[str, str, str]]:
    """The PDF jobs (html, base URL, target) of the observation grid of every day; writes their DOCX."""
    jobs = []
    for day in (d.numero for d in site.run_sheet.jours):
        url = f"formateur/observation-jour-{day}.html"
        if not (site_dir / url).is_file():
            continue
        html = sheet_html(site_dir, url, "support", title).replace("</style>", GRID_CSS + "</style>", 1)
        jobs.append((html, base_url, str(site_dir / day_file("observation", day))))
        template_docx_file(site_dir, url, site_dir / day_file("observation", day, "docx"), section_id=GRID_SECTION_ID)
    return jobs
