"""What the build does to each page: checks of its sections and images, trainer notes left out of the participant
edition, the « used in » blocks of chapters and cases, French typography, computed blocks and tooltips."""

from __future__ import annotations

import functools
import re

from ..model import CaseStudy, Chapter, Sequence, Site, empty_sections, line_of, missing_blocks, missing_sections
from ..model.sections import CASE_USES, CHAPTER_LINKS
from ..typography import french_spaces, french_spaces_markdown
from .blocks import computed_blocks, term_tooltips
from .html import after_heading, relative_link

#: The « !!! animation » blocks: notes for the trainer, left out of the participant edition.
TRAINER_BLOCK = re.compile(r"^(?:!!!|\?\?\?\+?)\s+animation\b.*\n(?:(?:[ \t]*\n)*(?:    |\t).*\n?)*", re.M)


def strip_trainer_notes(markdown: str) -> str:
    """Remove the « !!! animation » blocks (notes for the trainer) from a page's Markdown."""
    return TRAINER_BLOCK.sub("", markdown)


def check_sections(site: Site, record, markdown: str) -> None:
    """Required sections present and filled, required blocks present."""
    path = site.doc_path(record.src_uri)
    for title in missing_sections(record.kind, markdown):
        site.errors.report("section-absente", path, title=title, kind=record.kind.LABEL)
    for title in empty_sections(record.kind, markdown):
        site.errors.report("section-vide", path, line=line_of(site.docs_dir / record.src_uri, "^## " + re.escape(title)),
                           title=title)
    for syntax in missing_blocks(record.kind, markdown):
        site.errors.report("bloc-absent", path, kind=record.kind.LABEL, syntax=syntax)


def used_in_sequences(site: Site, record, markdown: str) -> str:
    """Under its « used in » heading, the sequences that link to a chapter or a case study."""
    if record.kind not in (Chapter, CaseStudy):
        return markdown
    uses = site.linking_pages(record.src_uri, Sequence)
    if not uses:
        return markdown
    link_to = functools.partial(relative_link, record.src_uri)
    lead = ("Les séquences de la formation qui s'appuient sur ce chapitre" if record.kind is Chapter
            else "Le cas sert dans ces séquences de la formation")
    block = lead + "\u00a0:\n\n" + "\n".join(
        f"- Jour {u.meta.jour} · [{u.title}]({link_to(u.src_uri)})" for u in uses if u.meta) + "\n"
    return after_heading(markdown, CHAPTER_LINKS if record.kind is Chapter else CASE_USES, block)


def page_markdown(site: Site, edition: str, markdown: str, src_uri: str) -> str:
    """A page's Markdown once mkdocs-macros has rendered it: checked, typeset, with its computed « used in » block."""
    record = site.pages.get(src_uri)
    markdown = french_spaces_markdown(markdown)
    if record is not None:
        check_sections(site, record, markdown)
    if edition == "participant":
        markdown = strip_trainer_notes(markdown)
    if record is None or record.meta is None:  # invalid front matter, already reported
        return markdown
    return used_in_sequences(site, record, markdown)


def editions_nav(nav):
    """Pages excluded from this edition (exclude_docs) disappear from its navigation."""

    def keep(items):
        kept = []
        for item in items:
            if item.is_page and item.file.inclusion.is_excluded():
                continue
            if item.is_section:
                item.children = keep(item.children)
                if not item.children:
                    continue
            kept.append(item)
        return kept

    nav.items = keep(nav.items)
    nav.pages = [p for p in nav.pages if not p.file.inclusion.is_excluded()]
    return nav


def _fix_toc(items) -> None:
    for item in items:
        item.title = french_spaces(item.title)
        _fix_toc(item.children)


_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r'\b(alt|src|role)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')', re.I)


def images_without_alt(html: str) -> list[str]:
    """Sources of the images of ``html`` that have no (or an empty) alternative text."""
    missing = []
    for tag in _IMG.findall(html):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(tag)}
        if not (attrs.get("alt") or "").strip() and attrs.get("role") != "presentation":
            missing.append(attrs.get("src") or "?")
    return missing


def page_content(site: Site, html: str, page, files) -> str:
    """A page's HTML: typeset titles, computed blocks, glossary tooltips; images without alternative are errors."""
    _fix_toc(page.toc)
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = french_spaces(page.meta["title"])
    record = site.pages.get(page.file.src_uri)
    if record is not None:
        html = computed_blocks(html, record, site, page, files)
    html = term_tooltips(html, site.glossary)
    source = site.docs_dir / page.file.src_uri
    for src in images_without_alt(html):
        name = src.rsplit("/", 1)[-1]
        site.errors.report("image-sans-alt", site.doc_path(page.file.src_uri), line=line_of(source, re.escape(name)),
                           name=name)
    return html
