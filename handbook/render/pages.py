"""What the build does to each page: checks of its sections and images, trainer notes left out of the participant
edition, the « used in » blocks of chapters and cases, French typography, computed blocks and tooltips."""

from __future__ import annotations

import functools
import re

from mkdocs.structure.files import InclusionLevel

from ..model import (Chapter, Sequence, Site, empty_sections, line_of, missing_blocks, missing_sections,
                     section_titles)
from ..model.sections import CHAPTER_LINKS
from ..model.trainer import HIDDEN_SECTIONS, READ_ALOUD, TRAINER_BLOCKS
from ..typography import french_spaces_markdown, html_apostrophes, typeset
from .blocks import computed_blocks, term_tooltips
from .html import after_heading, insert_after_title, relative_link
from .steps import add_total, render_steps, used_in_steps

#: The « !!! animation » blocks: notes for the trainer, left out of the participant edition.
TRAINER_BLOCK = TRAINER_BLOCKS["animation"]


#: Said on top of a trainer-only worksheet (role cards, debriefing grid).
TRAINER_SUPPORT_NOTE = ('<p class="manuel-reserve"><strong>Support réservé à l\'édition formation</strong>\u00a0: '
                        "il n'apparaît pas dans l'édition participante. Imprimez-le pour l'exercice, sans le "
                        "distribuer à l'avance.</p>")


def participant_markdown(markdown: str, record) -> str:
    """A page's Markdown without what only the trainer reads (``model.trainer.TRAINER_ONLY``): notes for the
    trainer, answer keys, the analysis of a case study; a script read out to the group becomes its instruction."""
    for pattern in TRAINER_BLOCKS.values():
        markdown = pattern.sub("", markdown)
    for title in HIDDEN_SECTIONS.get(record.kind.KEY, ()) if record is not None else ():
        markdown = _without_section(markdown, title)
    return READ_ALOUD.sub(lambda m: "Récit fictif\u00a0:" if m.group("what") and "fictif" in m.group("what")
                          else "Consigne\u00a0:", markdown)


def _without_section(markdown: str, title: str) -> str:
    """The Markdown without its ``## title`` section (heading and body, up to the next level-2 heading)."""
    match = re.search(r"^##\s+" + re.escape(title) + r"\s*$", markdown, re.M)
    if not match:
        return markdown
    end = re.search(r"^##\s", markdown[match.end():], re.M)
    return markdown[:match.start()] + (markdown[match.end() + end.start():] if end else "")


def check_sections(site: Site, record, markdown: str) -> None:
    """Required sections present and filled, required blocks present."""
    path = site.doc_path(record.src_uri)
    present = dict(section_titles(record.body))
    for title in missing_sections(record.kind, markdown):
        # Point at the heading the missing section should come before (or after the last one present).
        order = list(record.kind.SECTIONS)
        after = [t for t in order[order.index(title) + 1:] if t in present]
        before = [t for t in order[:order.index(title)] if t in present]
        near = after[0] if after else (before[-1] if before else None)
        where = f", {'avant' if after else 'après'} « ## {near} »" if near else ""
        site.errors.report("section-absente", path, line=present[near] + record.body_line - 1 if near else None,
                           title=title, kind=record.kind.LABEL, where=where)
    for title in empty_sections(record.kind, markdown):
        site.errors.report("section-vide", path, line=line_of(site.docs_dir / record.src_uri, "^## " + re.escape(title)),
                           title=title)
    for syntax in missing_blocks(record.kind, markdown):
        site.errors.report("bloc-absent", path, kind=record.kind.LABEL, syntax=syntax)


def used_in_sequences(site: Site, record, markdown: str) -> str:
    """Under its « used in » heading, the sequences that link to a chapter of the guide."""
    if record.kind is not Chapter:
        return markdown
    uses = site.linking_pages(record.src_uri, Sequence)
    if not uses:
        return markdown
    link_to = functools.partial(relative_link, record.src_uri)
    block = "Les séquences de la formation qui s'appuient sur ce chapitre\u00a0:\n\n" + "\n".join(
        f"- Jour {u.meta.jour} · [{u.title}]({link_to(u.src_uri)})" for u in uses if u.meta) + "\n"
    return after_heading(markdown, CHAPTER_LINKS, block)


def page_markdown(site: Site, edition: str, markdown: str, src_uri: str) -> str:
    """A page's Markdown once mkdocs-macros has rendered it: checked, typeset, with its computed « used in » block."""
    record = site.pages.get(src_uri)
    markdown = french_spaces_markdown(markdown)
    if record is not None:
        check_sections(site, record, markdown)
    if edition == "participant":
        markdown = participant_markdown(markdown, record)
    if record is None or record.meta is None:  # invalid front matter, already reported
        return markdown
    markdown = add_total(site, record, render_steps(site, record, markdown, edition))
    markdown = used_in_steps(site, record, markdown, edition)
    return used_in_sequences(site, record, markdown)


def exclude_trainer_pages(site: Site, files) -> None:
    """Pages whose front matter says ``formateur: true`` (secret role cards, observation grids) are excluded from the
    participant edition, like docs/formateur/: no page, no search entry, no link that works."""
    for record in site.pages.values():
        if getattr(record.meta, "formateur", False):
            file = files.get_file_from_path(record.src_uri)
            if file is not None:
                file.inclusion = InclusionLevel.EXCLUDED


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
    for index, page in enumerate(nav.pages):  # footer links stay inside the edition
        page.previous_page = nav.pages[index - 1] if index else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav


def _fix_toc(items) -> None:
    for item in items:
        item.title = typeset(item.title)
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


def page_content(site: Site, html: str, page, files, edition: str = "formateur") -> str:
    """A page's HTML: typeset titles, computed blocks, glossary tooltips; images without alternative are errors."""
    _fix_toc(page.toc)
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = typeset(page.meta["title"])
    elif page.title:  # the title taken from the page's heading: navigation, tabs and <title> typeset like the page
        page.meta["title"] = typeset(page.title)
    record = site.pages.get(page.file.src_uri)
    if record is not None:
        html = computed_blocks(html, record, site, page, files, edition)
        if getattr(record.meta, "formateur", False):
            html = insert_after_title(html, TRAINER_SUPPORT_NOTE)
    html = html_apostrophes(term_tooltips(html, site.glossary))
    source = site.docs_dir / page.file.src_uri
    for src in images_without_alt(html):
        name = src.rsplit("/", 1)[-1]
        site.errors.report("image-sans-alt", site.doc_path(page.file.src_uri), line=line_of(source, re.escape(name)),
                           name=name)
    return html
