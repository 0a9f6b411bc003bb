"""Offline exports of an edition, built after its HTML: the PDF booklet, one PDF per tool sheet and template, the
editable templates (DOCX), the offline zip and the sizes on the downloads page.

- ``printed``: HTML of the printed documents; ``trainer``: the conducteurs and print packs of the days;
- ``pdf``: WeasyPrint rendering; ``docx``: editable templates and worksheets;
- ``archive``: the offline zip and the file sizes of the downloads page.
"""

from __future__ import annotations

import logging
import posixpath
import time
from pathlib import Path

from ..downloads import BOOKLETS, DOWNLOADS, POCKET, SESSION_BLANKS, day_file, page_file
from ..model import Site, Template, Worksheet
from ..model.pages import WORKSHEET_BODY
from .archive import fill_sizes, make_zip
from .docx import template_docx_file
from .evaluation import observation_grid_jobs
from .pdf import Renderer
from .pocket import pocket_html
from .pptx import write_pptx
from .printed import booklet_html, sheet_html
from .slides import slides_html
from .trainer import conducteur_html, print_pack_html

log = logging.getLogger("mkdocs.plugins.handbook.exports")


def build_exports(site: Site, edition: str, nav, site_dir: Path, cache: Path | None = None) -> None:
    """Write every export of ``edition`` into ``site_dir`` (its HTML pages must be written already). Each edition
    stands alone: its downloads are in its own folder. ``cache``: where PDFs are kept by content (see ``pdf``)."""
    started = time.monotonic()
    base_url = site_dir.resolve().as_uri() + "/"
    title = site.training.titre
    with Renderer(cache) as pdf:
        # The booklet first: the longest to render, it runs while the other documents are prepared.
        pdf.add(booklet_html(site, edition, nav, site_dir), base_url, str(site_dir / DOWNLOADS / BOOKLETS[edition]))
        pdf.add(pocket_html(site, site_dir), base_url, str(site_dir / DOWNLOADS / POCKET))
        for slug, record in site.tools.items():
            pdf.add(sheet_html(site_dir, record.src_uri[:-3] + ".html", "outil", title), base_url,
                    str(site_dir / page_file("outils", slug)))
        for record in site.of_kind(Template):
            slug = posixpath.basename(record.src_uri)[:-3]
            pdf.add(sheet_html(site_dir, record.src_uri[:-3] + ".html", "modele", title), base_url,
                    str(site_dir / page_file("modeles", slug)))
            template_docx_file(site_dir, record.src_uri[:-3] + ".html", site_dir / page_file("modeles", slug, "docx"))
        for record in site.of_kind(Worksheet):
            if record.meta is None or (record.meta.formateur and edition == "participant"):
                continue
            slug = posixpath.basename(record.src_uri)[:-3]
            url = record.src_uri[:-3] + ".html"
            html = sheet_html(site_dir, url, "support", title)
            if record.meta.format == "A3":
                html = html.replace("</style>", "@page { size: A3; }</style>", 1)
            pdf.add(html, base_url, str(site_dir / page_file("supports", slug)))
            if record.meta.remplir == "ordinateur":
                template_docx_file(site_dir, url, site_dir / page_file("supports", slug, "docx"),
                                   section_id=WORKSHEET_BODY.id)
        if edition == "formateur":
            for day in (d.numero for d in site.run_sheet.jours):
                running = f"Jour {day} · {title}"
                pdf.add(conducteur_html(site_dir, f"formateur/conducteur-jour-{day}.html", running), base_url,
                        str(site_dir / day_file("conducteur", day)))
                pdf.add(print_pack_html(site, site_dir, day, running), base_url, str(site_dir / day_file("carnet", day)))
                pdf.add(slides_html(site, day, title), base_url, str(site_dir / day_file("diapositives", day)))
                write_pptx(site, day, site_dir / day_file("diapositives", day, "pptx"), title)
            for job in observation_grid_jobs(site, site_dir, base_url, title):
                pdf.add(*job)
            _blank_session_documents(site, site_dir)
    fill_sizes(site_dir)
    if edition == "participant":
        make_zip(site_dir)
        fill_sizes(site_dir)
    log.info(f"Exports : {pdf.added} PDF ({pdf.rendered} rendus, {pdf.added - pdf.rendered} repris du cache) en "
             f"{time.monotonic() - started:.1f} s")


def _blank_session_documents(site: Site, site_dir: Path) -> None:
    """Blank attendance sheets and attestation for the next session, in the trainer downloads."""
    from ..session import SessionError, blank_documents

    try:
        blank_documents(site, site_dir / SESSION_BLANKS)
    except SessionError as error:
        site.errors.report("documents-session", "data/formation.yml", problem=str(error))
