"""Offline exports of an edition, built after its HTML: the PDF booklet, one PDF per tool sheet and template, the
editable templates (DOCX), the offline zip and the sizes on the downloads page.

- ``printed``: HTML of the printed documents; ``pdf``: WeasyPrint rendering; ``docx``: editable templates;
- ``archive``: the offline zip and the file sizes of the downloads page.
"""

from __future__ import annotations

import logging
import posixpath
import time
from pathlib import Path

from ..downloads import BOOKLETS, DOWNLOADS, template_docx, template_pdf, tool_pdf
from ..model import Site, Template
from .archive import fill_sizes, make_zip
from .docx import template_docx_file
from .pdf import render_all
from .printed import booklet_html, sheet_html

log = logging.getLogger("mkdocs.plugins.handbook.exports")


def build_exports(site: Site, edition: str, nav, site_dir: Path) -> None:
    """Write every export of ``edition`` into ``site_dir`` (its HTML pages must be written already)."""
    started = time.monotonic()
    base_url = site_dir.resolve().as_uri() + "/"
    jobs = [(booklet_html(site, edition, nav, site_dir), base_url, str(site_dir / DOWNLOADS / BOOKLETS[edition]))]
    title = site.training.titre
    if edition == "participant":
        for slug, record in site.tools.items():
            jobs.append((sheet_html(site_dir, record.src_uri[:-3] + ".html", "outil", title), base_url,
                         str(site_dir / tool_pdf(slug))))
        for record in site.of_kind(Template):
            slug = posixpath.basename(record.src_uri)[:-3]
            jobs.append((sheet_html(site_dir, record.src_uri[:-3] + ".html", "modele", title), base_url,
                         str(site_dir / template_pdf(slug))))
            template_docx_file(site_dir, record.src_uri[:-3] + ".html", site_dir / template_docx(slug))
    render_all(jobs)
    fill_sizes(site_dir)
    if edition == "participant":
        make_zip(site_dir)
        fill_sizes(site_dir)
    log.info(f"Exports : {len(jobs)} PDF en {time.monotonic() - started:.1f} s")
