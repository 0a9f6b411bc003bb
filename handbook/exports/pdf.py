"""PDF rendering with WeasyPrint, in worker processes, never touching the network (only ``file:`` and ``data:``).

Rendering is most of an export build. A rendered PDF is kept in a cache folder under a key made of everything it is
made from (its printable HTML, the local files the HTML refers to, WeasyPrint's version and options), like the
social cards of Material's social plugin: the same sheet in the other edition, or in the next build, is copied
instead of rendered again. Pruned of what no build used for ``KEEP_DAYS``. The two editions may build at the same
time (``make build``) and share the cache: a claim file makes each PDF rendered once.
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


class Renderer:
    """Renders PDFs in worker processes, one per core, as soon as each is added: the booklet, the longest, starts
    while the build is still writing the HTML of the other documents. With a ``cache`` folder, a PDF already made
    from the same content is copied instead, and a PDF that the other edition, building at the same time, is
    rendering is waited for rather than rendered twice (``_render_once``). Use it as a context manager: leaving it
    waits for every PDF; ``rendered`` then says how many were rendered here."""

    def __init__(self, cache: Path | None = None):
        self.cache = cache
        self.added = 0
        self.rendered = 0
        self._pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 1)
        self._pending = []

    def add(self, html: str, base_url: str, target: str) -> None:
        html = printable(html)
        self.added += 1
        kept = self.cache / f"{cache_key(html, base_url)}.pdf" if self.cache else None
        if kept is not None and _copy_kept(kept, target):
            return
        self._pending.append(self._pool.submit(_render_once, (html, base_url, target), kept))

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, error_type, error, traceback) -> None:
        if error_type is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            return
        with self._pool:
            self.rendered = sum(future.result() for future in self._pending)
        if self.cache:
            _prune(self.cache)


def render_all(jobs: list[tuple[str, str, str]], cache: Path | None = None) -> int:
    """Render (html, base URL, target path) jobs (see ``Renderer``); returns how many PDFs were rendered."""
    with Renderer(cache) as renderer:
        for job in jobs:
            renderer.add(*job)
    return renderer.rendered


def _copy_kept(kept: Path, target: str) -> bool:
    """Copy a cached PDF to ``target`` if there is one (and mark it used, for ``_prune``)."""
    if not kept.is_file():
        return False
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kept, target)
    os.utime(kept)
    return True


def _render_once(job: tuple[str, str, str], kept: Path | None) -> bool:
    """In a worker: render ``job`` and keep it in the cache, unless another build renders the same PDF at the same
    moment (its claim file names its process), in which case wait for it and copy it. True when rendered here."""
    if kept is None:
        render_pdf(job)
        return True
    kept.parent.mkdir(parents=True, exist_ok=True)
    claim = kept.with_suffix(".en-cours")
    while True:
        if _copy_kept(kept, job[2]):
            return False
        try:
            descriptor = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if not _claim_alive(claim):
                claim.unlink(missing_ok=True)
            time.sleep(0.1)
            continue
        try:
            os.write(descriptor, str(os.getpid()).encode())
            render_pdf(job)
            temporary = kept.with_suffix(f".{os.getpid()}.tmp")  # never a half-written PDF in the cache
            shutil.copyfile(job[2], temporary)
            temporary.replace(kept)
            return True
        finally:
            os.close(descriptor)
            claim.unlink(missing_ok=True)


def _claim_alive(claim: Path) -> bool:
    """Whether the process named in a claim file still runs (a build stopped mid-way leaves its claims behind)."""
    try:
        owner = claim.read_text()
        if not owner:  # just created, its process has not written its number yet
            return time.time() - claim.stat().st_mtime < 5
        os.kill(int(owner), 0)
    except (FileNotFoundError, ProcessLookupError, ValueError):
        return False
    except PermissionError:  # a process of another user
        return True
    return True


def _prune(cache: Path) -> None:
    limit = time.time() - KEEP_DAYS * 86400
    for kept in cache.glob("*.pdf"):
        if kept.stat().st_mtime < limit:
            kept.unlink(missing_ok=True)
    for left in cache.glob("*.en-cours"):  # claims of a build stopped mid-way
        if not _claim_alive(left):
            left.unlink(missing_ok=True)
    for left in cache.glob("*.tmp"):  # a copy a stopped build did not finish
        if left.stat().st_mtime < time.time() - 3600:
            left.unlink(missing_ok=True)
