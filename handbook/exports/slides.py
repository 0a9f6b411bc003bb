"""The slides of each day, from the slide blocks of its sequences (``model.slides``), and their 16:9 PDF.

One layout for both exports, in px of the 1280 × 720 reference frame (1 px = 0.75 pt): the PDF page is that frame
(13.333 × 7.5 in, as the PPTX), so that the fit rule checked at build time holds in both files.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model.slides import BODY_PX, HEIGHT, MARGIN, TITLE_PX, WIDTH, Slide, sequence_slides
from ..formats import clock_fr
from ..typography import french_spaces

#: Colours: the site's primary colour for titles and the band, near black for text.
PRIMARY, TEXT, MUTED = "#00695c", "#1a1a1a", "#4d4d4d"
FONT = "Liberation Sans"  # metric twin of Arial, the PPTX font
LINE, TITLE_LINE = 1.3, 1.15  # line heights of the text and of the titles, in em

#: Boxes of the layout (left, top, width, height) in px.
TITLE_BOX = (MARGIN, 40, WIDTH - 2 * MARGIN, 120)
BODY_BOX = (MARGIN, 176, WIDTH - 2 * MARGIN, HEIGHT - 176 - 48)
FIGURE_TEXT_BOX = (MARGIN, 168, WIDTH - 2 * MARGIN, 132)
FIGURE_BOX = (MARGIN, 308, WIDTH - 2 * MARGIN, HEIGHT - 308 - 32)
COVER_TITLE_BOX = (MARGIN, 200, WIDTH - 2 * MARGIN, 170)
COVER_SUBTITLE_BOX = (MARGIN, 380, WIDTH - 2 * MARGIN, 48)
COVER_BODY_BOX = (MARGIN, 448, WIDTH - 2 * MARGIN, 200)
COVER_TITLE_PX = 54


@dataclass
class DaySlide:
    """A slide of a day's deck, with what the page does not say: its sequence and, for a title slide, the time."""

    slide: Slide
    sequence: str
    subtitle: str = ""

    @property
    def title(self) -> str:
        return typeset(self.slide.title)

    @property
    def items(self) -> list[str]:
        return [typeset(item) for item in self.slide.items]

    @property
    def notes(self) -> str:
        return typeset(self.slide.notes)


def typeset(text: str) -> str:
    """French spaces and apostrophes for text outside the site (the page's own typesetting does not reach it)."""
    text = re.sub(r"(\d) (min|h)\b", "\\1\u00a0\\2", text.replace("'", "\u2019"))  # « 10 min » never split
    text = re.sub(r"(\d\u00a0h) (\d)", "\\1\u00a0\\2", text)
    return french_spaces(text)


def day_slides(site, day: int) -> list[DaySlide]:
    """Every slide of ``day``, sequence after sequence in the order of the run sheet."""
    slots = {record.src_uri: slot for number, slot, record in site.run_order() if number == day}
    out = []
    for record, slides in sequence_slides(site):
        slot = slots.get(record.src_uri)
        if slot is None:
            continue
        when = f"Jour {day} · {clock_fr(slot.debut)} – {clock_fr(slot.fin)}"
        out += [DaySlide(s, record.title, when if s.is_title else "") for s in slides]
    return out


def figure_markup(ident: str, prefix: str) -> str:
    """The figure's accessible ``<figure>`` (inline SVG), for the PDF."""
    from ..figures import render

    return render(ident, prefix=prefix)


def aspect(svg: str) -> float:
    """Width / height of an SVG, from its viewBox (or its width and height)."""
    box = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', svg)
    if box:
        return float(box.group(1)) / float(box.group(2))
    width, height = re.search(r'width="([\d.]+)', svg), re.search(r'height="([\d.]+)', svg)
    return float(width.group(1)) / float(height.group(1)) if width and height else 16 / 9


def fit(ratio: float, box: tuple[int, int, int, int] = FIGURE_BOX) -> tuple[float, float, float, float]:
    """The largest rectangle of aspect ``ratio`` (width / height) centred in ``box``: where a figure goes."""
    left, top, width, height = box
    w, h = (width, width / ratio) if width / ratio <= height else (height * ratio, height)
    return left + (width - w) / 2, top + (height - h) / 2, w, h


def _box(box) -> str:
    left, top, width, height = box
    return f"left:{left}px;top:{top}px;width:{width}px;height:{height}px;"


def _slide_html(number: int, entry: DaySlide) -> str:
    slide = entry.slide
    items = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in entry.items)
    title = html.escape(entry.title, quote=False)
    if slide.is_title:
        return (f'<section class="diapo couverture" id="diapo-{number}">'
                f'<h1 style="{_box(COVER_TITLE_BOX)}">{title}</h1>'
                f'<p class="quand" style="{_box(COVER_SUBTITLE_BOX)}">{html.escape(entry.subtitle)}</p>'
                f'<ul style="{_box(COVER_BODY_BOX)}">{items}</ul></section>')
    body = f'<ul style="{_box(FIGURE_TEXT_BOX if slide.figure else BODY_BOX)}">{items}</ul>' if items else ""
    figure = ""
    if slide.figure:
        markup = figure_markup(slide.figure, f"d{number}-")
        svg = markup[markup.index("<svg"):]
        figure = f'<div class="figure" style="{_box(fit(aspect(svg)))}">{markup}</div>'

    return (f'<section class="diapo" id="diapo-{number}"><h1 style="{_box(TITLE_BOX)}">{title}</h1>'
            f"{body}{figure}<p class=\"pied\">{html.escape(typeset(entry.sequence))} · {number}</p></section>")


SLIDES_CSS = f"""
@page {{ size: {WIDTH}px {HEIGHT}px; margin: 0; }}
html, body {{ margin: 0; padding: 0; font-family: "{FONT}", Arial, sans-serif; color: {TEXT}; }}
.diapo {{ position: relative; width: {WIDTH}px; height: {HEIGHT}px; overflow: hidden; break-after: page;
  border-top: 12px solid {PRIMARY}; box-sizing: border-box; }}
.diapo:last-child {{ break-after: auto; }}
.diapo > * {{ position: absolute; margin: 0; box-sizing: border-box; }}
.diapo h1 {{ font-size: {TITLE_PX}px; line-height: {TITLE_LINE}; color: {PRIMARY}; font-weight: bold;
  bookmark-level: 1; }}
.diapo ul {{ font-size: {BODY_PX}px; line-height: {LINE}; padding-left: 1.1em; }}
.diapo li {{ margin-bottom: 0.4em; }}
.diapo .figure figure {{ margin: 0; width: 100%; height: 100%; }}
.diapo .figure svg {{ display: block; width: 100%; height: 100%; }}
.diapo .figure figcaption {{ display: none; }}
.diapo .pied {{ left: {MARGIN}px; bottom: 6px; font-size: 18px; color: {MUTED}; }}
.couverture {{ background: #eef6f5; }}
.couverture h1 {{ font-size: {COVER_TITLE_PX}px; display: flex; align-items: flex-end; }}
.couverture .quand {{ font-size: {BODY_PX}px; color: {MUTED}; }}
.couverture ul {{ list-style: none; padding-left: 0; }}
"""


def slides_html(site, day: int, training_title: str) -> str:
    """The HTML of a day's slides, one 16:9 page each, for WeasyPrint."""
    parts = [_slide_html(n, entry) for n, entry in enumerate(day_slides(site, day), start=1)]
    title = f"Diapositives du jour {day} · {training_title}"
    return ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            f'<title>{html.escape(title)}</title><meta name="author" content="Manuel de formation">'
            f'<style>{SLIDES_CSS}</style></head><body>{"".join(parts)}</body></html>')
