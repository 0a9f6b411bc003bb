"""PDF rendering with WeasyPrint, in worker processes, never touching the network (only ``file:`` and ``data:``)."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

#: Accessible PDFs: WeasyPrint's PDF/UA-1 variant tags the content (structure tree, ``/MarkInfo /Marked true``), and
#: writes the language of the page (``/Lang``), its title shown by readers and the PDF/UA identification. The flag
#: does not make a file compliant by itself: headings in order and a text for every image stay the pages' job.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def _local_only(url: str, timeout: int = 10, ssl_context=None):
    from weasyprint import default_url_fetcher

    if not url.startswith(("file:", "data:")):
        raise ValueError(f"accès réseau refusé pendant la génération des PDF : {url}")
    return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)


def render_pdf(job: tuple[str, str, str]) -> str:
    html, base_url, target = job
    from weasyprint import HTML

    from ..figures import for_print  # WeasyPrint paints CSS variables black inside SVG: plain colours for print

    Path(target).parent.mkdir(parents=True, exist_ok=True)
    HTML(string=for_print(html), base_url=base_url, url_fetcher=_local_only).write_pdf(target, **PDF_OPTIONS)
    return target


def render_all(jobs: list[tuple[str, str, str]]) -> None:
    """Render (html, base URL, target path) jobs, one process per core."""
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(render_pdf, jobs))
