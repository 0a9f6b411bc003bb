"""The offline zip of the participant edition, and the sizes written on the downloads page once the files exist."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..downloads import DOWNLOADS, ZIP_NAME
from ..formats import size_fr


def fill_sizes(site_dir: Path) -> None:
    """Write the size of each file on the downloads page (the page is rendered before the files exist)."""
    page = site_dir / "telechargements.html"
    if not page.is_file():
        return
    html = page.read_text(encoding="utf-8")

    def size(match: re.Match) -> str:
        target = site_dir / match.group(1)
        text = size_fr(target) if target.is_file() else "à générer"
        return f'<span class="manuel-taille" data-fichier="{match.group(1)}">{text}</span>'

    html = re.sub(r'<span class="manuel-taille" data-fichier="([^"]+)">[^<]*</span>', size, html)
    page.write_text(html, encoding="utf-8")


def make_zip(site_dir: Path) -> Path:
    """The whole participant site in one zip, to unzip and open from file://."""
    target = site_dir / DOWNLOADS / ZIP_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path != target:
                archive.write(path, Path("manuel") / path.relative_to(site_dir))
    return target
