"""Shared fixtures: the site is built once per test session; browser tests share one Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def run_mkdocs(project: Path, site_dir: Path, *, config: str = "mkdocs.yml",
               exports: bool = False, quiet: bool = False) -> subprocess.CompletedProcess:
    """Run a strict ``mkdocs build`` of ``project`` into ``site_dir`` (with the PDF/DOCX/zip exports if asked)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MANUEL_EXPORTS="true" if exports else "false")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config, "--site-dir", str(site_dir),
         *(["-q"] if quiet else [])],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> subprocess.CompletedProcess:
    """The participant edition, built once, exports included (as ``make build`` does)."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs(ROOT, site_dir, exports=True)
    result.site_dir = site_dir  # type: ignore[attr-defined]
    return result


@pytest.fixture(scope="session")
def trainer_site_dir(tmp_path_factory) -> Path:
    """The trainer edition, built once with its booklet."""
    site_dir = tmp_path_factory.mktemp("site-formateur")
    result = run_mkdocs(ROOT, site_dir, config="mkdocs-formateur.yml", exports=True)
    if result.returncode != 0:
        pytest.fail("La construction de l'édition formation a échoué :\n" + result.stdout + result.stderr)
    return site_dir


@pytest.fixture(scope="session")
def site_dir(build) -> Path:
    if build.returncode != 0:
        pytest.fail("La construction du site a échoué :\n" + build.stdout + build.stderr)
    return build.site_dir


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, Path]:
    """Built HTML pages (404 excluded), keyed by path relative to the site."""
    return {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*.html")) if p.name != "404.html"}


@functools.lru_cache(maxsize=None)
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def soup(site_dir):
    """soup("formation.html") → parsed page."""
    return lambda rel: _soup(site_dir / rel)


@pytest.fixture(scope="session")
def content_site():
    """The content model loaded from the sources, exactly as the build loads it."""
    from handbook.model import load_site

    return load_site(ROOT, ROOT / "docs")


# --------------------------------------------------------------------------
# Small broken projects
# --------------------------------------------------------------------------


def make_project(dest: Path) -> Path:
    """A small valid project inheriting the real configuration, ready to be broken by a test."""
    shutil.copytree(FIXTURES / "mini" / "docs", dest / "docs")
    shutil.copytree(FIXTURES / "mini" / "data", dest / "data")
    shutil.copy(ROOT / "data" / "formation.yml", dest / "data" / "formation.yml")
    shutil.copytree(ROOT / "includes", dest / "includes")
    nav = (FIXTURES / "mini" / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n" + nav,
        encoding="utf-8",
    )
    return dest


# --------------------------------------------------------------------------
# Real browser
# --------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def _serve(site_dir: Path):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site_dir):
    """The participant edition on a loopback server."""
    yield from _serve(site_dir)


@pytest.fixture(scope="session")
def trainer_server(trainer_site_dir):
    """The trainer edition on a loopback server."""
    yield from _serve(trainer_site_dir)


#: Edition → its built site and its loopback server (fixture names).
EDITIONS = {"participant": ("site_dir", "server"), "formateur": ("trainer_site_dir", "trainer_server")}


@pytest.fixture(params=list(EDITIONS))
def edition_site_dir(request) -> Path:
    """The built site of each edition in turn."""
    return request.getfixturevalue(EDITIONS[request.param][0])


@pytest.fixture(params=list(EDITIONS))
def edition_server(request) -> str:
    """The loopback server of each edition in turn."""
    return request.getfixturevalue(EDITIONS[request.param][1])


def _without_service_worker(opener):
    """``opener`` (``Browser.new_context`` or ``new_page``) with service workers blocked unless asked for."""
    def opened(**options):
        options.setdefault("service_workers", "block")
        return opener(**options)
    return opened


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium est introuvable ({CHROMIUM}) : installez le paquet Debian « chromium ».")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # The handbook's service worker caches every page a test visits and answers its navigations: on a loaded
        # machine that once stalled a sweep over all pages (CI, 2026-12-06). Only the offline test needs it and
        # asks for it (``service_workers="allow"``); every other context runs without.
        for name in ("new_context", "new_page"):
            setattr(instance, name, _without_service_worker(getattr(instance, name)))
        yield instance
        instance.close()


def address(page) -> str:
    """The address as the page itself sees it: ``page.url`` follows a ``history.replaceState`` only once the browser
    has reported it, which may come late on a busy machine."""
    return page.evaluate("location.href")


def visit(page, url: str, **options) -> None:
    """``page.goto`` for sweeps over every page: a load that stalls (seen once on a heavily loaded machine) is tried
    a second time before the test fails."""
    from playwright.sync_api import TimeoutError

    try:
        page.goto(url, **options)
    except TimeoutError:
        page.goto(url, **options)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()
