"""Slide blocks of the sequence pages: what the trainer projects, read from the page's own Markdown.

Syntax (an admonition of type ``diapo``, see CONTRIBUTING.md)::

    !!! diapo "Titre de la diapositive"
        - une phrase clé
        - une autre phrase clé

        {{ figure("trois-horizons") }}

        !!! notes
            Ce que vous dites ou faites pendant cette diapositive (notes de la personne qui présente).

Extra words before the title are options: ``titre`` (the opening slide of a sequence: big title, day and time
computed from the run sheet), ``page`` (the block is also shown on the page of the trainer edition; without it the
block is slide-only). Slides are trainer material: the participant edition drops them (``render.pages``).

Fit rule (checked at build time, ``check_slides``): a slide is drawn on a 1280 × 720 px 16:9 frame (13.333 × 7.5 in,
so that 1 px = 0.75 pt in the PPTX and the PDF), 64 px margins, title at 44 px (at most 2 lines of
``TITLE_CHARS`` characters), text at 28 px, never below 24 px (``BODY_CHARS`` characters a line, an item that wraps
takes several lines, 0.4 line between items). Without a figure the text may take ``MAX_LINES`` lines; with a figure,
``MAX_LINES_WITH_FIGURE`` lines, the figure filling the rest of the frame.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field

from ..typography import plain_text

#: The reference frame of a slide, in px (1 px = 1/96 in).
WIDTH, HEIGHT, MARGIN = 1280, 720, 64
TITLE_PX, BODY_PX, MIN_PX = 44, 28, 24
#: Characters a line: body text at 28 px (average glyph 0.6 em, minus the bullet indent); title at 44 px, bold.
BODY_CHARS, TITLE_CHARS = 64, 40
MAX_TITLE_LINES, MAX_LINES, MAX_LINES_WITH_FIGURE = 2, 10, 3
#: Slides a sequence must have.
MIN_SLIDES, MAX_SLIDES = 2, 6

#: A slide block: its header line, then its indented lines (blank lines inside allowed).
SLIDE_BLOCK = re.compile(r'^!!!\s+diapo\b(?P<head>.*)\n(?P<body>(?:(?:[ \t]*\n)*(?:    |\t).*\n?)*)', re.M)
_HEAD = re.compile(r'^(?P<options>(?:\s+[a-z-]+)*)\s*(?:"(?P<title>[^"]*)")?\s*$')
_NOTES = re.compile(r'^!!!\s+notes\b.*\n(?P<body>(?:(?:[ \t]*\n)*(?:    |\t).*\n?)*)', re.M)
_FIGURE = re.compile(r'\{\{\s*figure\(\s*["\']([^"\']+)["\'][^}]*\}\}')
OPTIONS = ("titre", "page")


@dataclass
class Slide:
    """One slide block of a page."""

    src_uri: str
    number: int
    title: str
    line: int
    options: tuple[str, ...] = ()
    #: Paragraphs and list items, as plain text (no Markdown, no macro).
    items: list[str] = field(default_factory=list)
    figure: str | None = None
    notes: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def is_title(self) -> bool:
        return "titre" in self.options

    @property
    def on_page(self) -> bool:
        return "page" in self.options


def _items(body: str) -> list[str]:
    items, current = [], []
    for line in body.splitlines() + [""]:
        stripped = line.strip()
        starts_item = re.match(r"^(?:[-*]|\d+\.)\s+", stripped)
        if not stripped or starts_item:
            if current:
                items.append(plain_text(" ".join(current)))
            current = [stripped[starts_item.end():]] if starts_item else []
        else:
            current.append(stripped)
    return [item for item in items if item]


def parse_slides(src_uri: str, body: str, body_line: int = 1) -> list[Slide]:
    """The slide blocks of a page body, in page order."""
    slides = []
    for number, match in enumerate(SLIDE_BLOCK.finditer(body), start=1):
        line = body_line + body.count("\n", 0, match.start())
        head = _HEAD.match(match.group("head"))
        slide = Slide(src_uri, number, "", line)
        if head is None or not (head.group("title") or "").strip():
            slide.problems.append("titre")
            options = ()
        else:
            slide.title = plain_text(head.group("title"))
            options = tuple(head.group("options").split())
        slide.problems += [f"option:{o}" for o in options if o not in OPTIONS]
        slide.options = tuple(o for o in options if o in OPTIONS)
        inner = textwrap.dedent(match.group("body"))
        notes = _NOTES.search(inner)
        if notes:
            slide.notes = "\n\n".join(_items(textwrap.dedent(notes.group("body"))))
            inner = inner[:notes.start()] + inner[notes.end():]
        figures = _FIGURE.findall(inner)
        slide.figure = figures[0] if figures else None
        if len(figures) > 1:
            slide.problems.append("figures")
        slide.items = _items(_FIGURE.sub("", inner))
        slides.append(slide)
    return slides


def text_lines(slide: Slide) -> float:
    """Lines the text of ``slide`` takes at 28 px (see the fit rule)."""
    wrapped = sum(max(1, math.ceil(len(item) / BODY_CHARS)) for item in slide.items)
    return wrapped + 0.4 * max(0, len(slide.items) - 1)


def overfull(slide: Slide) -> str | None:
    """Why ``slide`` would not fit the 16:9 frame at a readable size, or None."""
    title_lines = math.ceil(len(slide.title) / TITLE_CHARS)
    if title_lines > MAX_TITLE_LINES:
        return (f"le titre fait {len(slide.title)} caractères, soit {title_lines} lignes à 44 px "
                f"(au plus {MAX_TITLE_LINES} lignes de {TITLE_CHARS} caractères)")
    limit = MAX_LINES_WITH_FIGURE if slide.figure else MAX_LINES
    lines = text_lines(slide)
    if lines > limit:
        where = "avec une figure" if slide.figure else "sans figure"
        return (f"le texte occupe {lines:g} lignes de {BODY_CHARS} caractères à 28 px, pour {limit} au plus "
                f"{where}")
    return None


def sequence_slides(site) -> list[tuple[object, list[Slide]]]:
    """Each sequence of the run sheet, in run order, with its slides."""
    return [(record, parse_slides(record.src_uri, record.body, record.body_line))
            for _day, _slot, record in site.run_order() if record is not None and record.meta is not None]


def check_slides(site) -> None:
    """Slide blocks well written, 2 to 6 per sequence, each fitting the 16:9 frame at a readable size."""
    from ..figures import FIGURES
    from .pages import Sequence

    for record in site.pages.values():
        if record.meta is None or "!!! diapo" not in record.body and record.kind is not Sequence:
            continue
        path = site.doc_path(record.src_uri)
        slides = parse_slides(record.src_uri, record.body, record.body_line)
        if record.kind is Sequence and not MIN_SLIDES <= len(slides) <= MAX_SLIDES:
            site.errors.report("diapo-nombre", path, count=len(slides), low=MIN_SLIDES, high=MAX_SLIDES)
        for slide in slides:
            name = dict(path=path, line=slide.line, number=slide.number, title=slide.title)
            for problem in slide.problems:
                if problem == "titre":
                    site.errors.report("diapo-sans-titre", **name)
                elif problem == "figures":
                    site.errors.report("diapo-deux-figures", **name)
                else:
                    site.errors.report("diapo-option-inconnue", **name, option=problem.split(":", 1)[1],
                                       choices=", ".join(OPTIONS))
            if slide.figure and slide.figure not in FIGURES:
                site.errors.report("diapo-figure-inconnue", **name, ident=slide.figure)
            if not slide.items and not slide.figure and not slide.is_title:
                site.errors.report("diapo-vide", **name)
            problem = overfull(slide) if slide.title else None
            if problem:
                site.errors.report("diapo-trop-pleine", **name, problem=problem)
