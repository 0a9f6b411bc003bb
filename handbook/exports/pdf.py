"""PDF rendering with WeasyPrint, in worker processes, never touching the network (only ``file:`` and ``data:``).

Rendering is most of an export build. A rendered PDF is kept in a cache folder under a key made of everything it is
made from (its printable HTML, the local files the HTML refers to, WeasyPrint's version and options), like the
social cards of Material's social plugin: the same sheet in the other edition, or in the next build, is copied
instead of rendered again. Pruned of what no build used for ``KEEP_DAYS``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from ..local_fetch import render_document

#: Accessible PDFs: WeasyPrint's PDF/UA-1 variant tags the content (structure tree, ``/MarkInfo /Marked true``), and
#: writes the language of the page (``/Lang``), its title shown by readers and the PDF/UA identification. The flag
#: does not make a file compliant by itself: headings in order and a text for every image stay the pages' job.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


#: Change it when this module changes what it writes for the same HTML (the cache then starts afresh).
CACHE_FORMAT = 1
#: Cached PDFs no build used for this many days are deleted.
KEEP_DAYS = 30
#: Local files an HTML document may load: src/href attributes and CSS url().
_REFERENCES = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']([^"'#?]+)|url\(\s*["']?([^"')#?]+))""")


def render_pdf(job: tuple[str, str, str]) -> str:
    """Render one printable HTML document (see ``printable``) to ``target``."""
    html, base_url, target = job
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    render_document(html, base_url, target).write_pdf(target, **PDF_OPTIONS)
    return target


def printable(html: str) -> str:
    from ..figures import for_print  # WeasyPrint paints CSS variables black inside SVG: plain colours for print

    return for_print(html)


def cache_key(html: str, base_url: str) -> str:
    """What a PDF is made from, hashed: the printable HTML and the bytes of every local file it refers to."""
    import weasyprint

    digest = hashlib.sha256(f"{CACHE_FORMAT}|{weasyprint.__version__}|{sorted(PDF_OPTIONS.items())}".encode())
    digest.update(html.encode("utf-8"))
    for reference in sorted({a or b for a, b in _REFERENCES.findall(html)}):
        url = urlparse(urljoin(base_url, reference.strip()))
        if url.scheme != "file":
            continue
        path = Path(unquote(url.path))
        digest.update(reference.encode("utf-8"))
        digest.update(path.read_bytes() if path.is_file() else b"absent")
    return digest.hexdigest()


def render_all(jobs: list[tuple[str, str, str]], cache: Path | None = None) -> int:
    """Render (html, base URL, target path) jobs, one process per core; with a ``cache`` folder, a PDF already made
    from the same content is copied instead. Returns how many PDFs were rendered."""
    jobs = [(printable(html), base_url, target) for html, base_url, target in jobs]
    keys = [cache_key(html, base_url) for html, base_url, _ in jobs] if cache else [None] * len(jobs)
    todo = []
    for job, key in zip(jobs, keys):
        kept = cache / f"{key}.pdf" if cache else None
        if kept is not None and kept.is_file():
            Path(job[2]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(kept, job[2])
            os.utime(kept)  # used: kept by the pruning below
        else:
            todo.append((job, kept))
    if todo:
        workers = max(1, min(len(todo), os.cpu_count() or 1))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(render_pdf, [job for job, _ in todo]))
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        for job, kept in todo:
            temporary = kept.with_suffix(f".{os.getpid()}.tmp")  # two editions may build at once: no half-written file
            shutil.copyfile(job[2], temporary)
            temporary.replace(kept)
        _prune(cache)
    return len(todo)


def _prune(cache: Path) -> None:
    limit = time.time() - KEEP_DAYS * 86400
    for kept in cache.glob("*.pdf"):
        if kept.stat().st_mtime < limit:
            kept.unlink(missing_ok=True)
