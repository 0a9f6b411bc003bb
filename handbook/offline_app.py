"""List of the files the installable offline app keeps (``hors-ligne.json``), written after the build.

The service worker (``docs/sw.js``) downloads every file of this list when the reader asks to keep the handbook
offline (button of ``docs/assets/javascripts/hors-ligne.js``), and the page shows its size and version.

Format of ``hors-ligne.json``::

    {"version": "2026.11", "taille": 5123456,
     "fichiers": [{"url": "index.html", "taille": 81234}, ...]}

``url`` is relative to the site root (the service worker's scope), with ``/`` separators; ``taille`` is in bytes,
and the top-level ``taille`` is their sum. Left out: the zip (the offline copy for ``file://``, which holds the whole
site again), the trainer-only files (``formateur/`` and the trainer's guide), the sitemaps, this list itself, the
service worker, and what a reader over HTTP never loads: source maps, the search index as a script (``file://``
only, the worker fetches ``search_index.json``) and the search languages other than French.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .downloads import BOOKLETS

OFFLINE_LIST = "hors-ligne.json"

#: Files never listed, by name.
EXCLUDED_NAMES = frozenset({OFFLINE_LIST, "sw.js", "sitemap.xml", "sitemap.xml.gz"})
#: Folders never listed (trainer-only pages).
EXCLUDED_FOLDERS = ("formateur/",)
#: Trainer-only downloads, by name.
TRAINER_ONLY = frozenset({BOOKLETS["formateur"]})
#: Files an HTTP reader never loads (see the module docstring).
NOT_LOADED = frozenset({"search/search_index.js"})
#: Search language files: only those French search loads are kept.
LUNR_FOLDER = "assets/javascripts/lunr/"
LUNR_KEPT = re.compile(r"lunr\.(stemmer\.support|fr|multi)\.min\.js")


def _listed(url: str, name: str) -> bool:
    if name in EXCLUDED_NAMES or name in TRAINER_ONLY or url in NOT_LOADED or url.startswith(EXCLUDED_FOLDERS):
        return False
    if name.endswith((".zip", ".map")):
        return False
    return not url.startswith(LUNR_FOLDER) or bool(LUNR_KEPT.fullmatch(name))


def offline_files(site_dir: Path) -> list[dict]:
    """``[{"url", "taille"}]`` for every file the offline app keeps, sorted by URL."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        url = path.relative_to(site_dir).as_posix()
        if _listed(url, path.name):
            files.append({"url": url, "taille": path.stat().st_size})
    return files


def write_offline_manifest(site_dir: Path, version: str) -> Path:
    """Write ``site_dir/hors-ligne.json`` for publication ``version``; return its path."""
    site_dir = Path(site_dir)
    files = offline_files(site_dir)
    target = site_dir / OFFLINE_LIST
    data = {"version": version, "taille": sum(f["taille"] for f in files), "fichiers": files}
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target
