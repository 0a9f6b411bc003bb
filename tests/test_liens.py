"""Every link of both built editions works: internal pages, anchors, downloads, assets; nothing points into the
other edition's folder."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


@lru_cache(maxsize=None)
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset(node["id"] for node in soup.find_all(id=True)) | frozenset(
        node["name"] for node in soup.find_all("a", attrs={"name": True}))


def broken_links(site_dir: Path) -> list[str]:
    """« page : lien » for every internal link of a built site whose target or anchor does not exist."""
    site_dir = site_dir.resolve()
    broken = []
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for node, attribute in [(n, "href") for n in soup.select("a[href], link[href]")] + \
                               [(n, "src") for n in soup.select("script[src], img[src]")]:
            url = node[attribute]
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                continue  # external links are checked elsewhere (none are allowed)
            base = site_dir if parts.path.startswith("/") else page.parent  # 404.html links from the site root
            target = page if not parts.path else (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site_dir)} : {url}"
            if not str(target).startswith(str(site_dir)):
                broken.append(where + " (hors de l'édition)")
            elif not target.is_file():
                broken.append(where)
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                # Material's own targets (#__search…); a state for a script (#trame=lancement), not an anchor
                if not re.fullmatch(r"__\w+|trame=[\w-]+", parts.fragment):
                    broken.append(where + " (ancre absente)")
    return broken


def test_participant_edition_has_no_broken_link(site_dir):
    broken = broken_links(site_dir)
    assert not broken, f"{len(broken)} liens cassés, dont : {broken[:10]}"


def test_trainer_edition_has_no_broken_link(trainer_site_dir):
    broken = broken_links(trainer_site_dir)
    assert not broken, f"{len(broken)} liens cassés, dont : {broken[:10]}"


def test_links_are_read_as_the_author_wrote_them():
    """What the link check reads in a page's Markdown: links and images, reference definitions; not code, footnotes
    nor abbreviations."""
    from handbook.render.link_check import markdown_links

    markdown = """Voir [la fiche](../outils/world-cafe.md#deroule-minute "titre") et ![un schéma](images/cycle.svg).

Un lien de référence [ici][r] et un renvoi de bas de page[^1].

[r]: ../glossaire.md
[^1]: Voir la bibliographie, page 12.
*[SAD]: services autonomie à domicile

Du code : `[pas](un-lien.md)`.

```markdown
[pas non plus](autre.md)
```

    - [dans une liste indentée](../cas/index.md)
"""
    assert markdown_links(markdown) == ["../outils/world-cafe.md#deroule-minute", "images/cycle.svg",
                                        "../glossaire.md", "../cas/index.md"]
