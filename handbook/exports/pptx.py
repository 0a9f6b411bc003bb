"""The editable PPTX of a day (python-pptx): real text boxes, speaker notes, figures as PNG rendered from their SVG.

Same layout as the 16:9 PDF (``slides``): 13.333 × 7.5 in, so that 1 px of the reference frame is 0.75 pt.
"""

from __future__ import annotations

from pathlib import Path

from .slides import (BODY_BOX, BODY_PX, COVER_BODY_BOX, COVER_SUBTITLE_BOX, COVER_TITLE_BOX, COVER_TITLE_PX,
                     FIGURE_TEXT_BOX, LINE, MUTED, PRIMARY, TEXT, TITLE_BOX, TITLE_LINE, TITLE_PX, DaySlide, aspect,
                     day_slides, fit, typeset)

FONT = "Arial"  # Liberation Sans, the PDF's font, has the same metrics
PNG_SCALE = 2  # figures rendered at twice the frame's resolution, sharp on a projector


def _emu(px: float) -> int:
    from pptx.util import Emu

    return Emu(int(round(px * 9525)))  # 914400 EMU an inch, 96 px an inch


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#"))


def _text_box(slide, box, lines: list[str], size_px: float, *, colour: str = TEXT, bold: bool = False,
              bullets: bool = False, name: str = "", spacing: float = LINE):
    """A real, editable text box: one paragraph a line, the slide's font and size, the PDF's line height (exact
    spacing in points, as CSS's line-height)."""
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Pt

    left, top, width, height = box
    shape = slide.shapes.add_textbox(_emu(left), _emu(top), _emu(width), _emu(height))
    if name:
        shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(size_px * 0.75 * spacing)
        if bullets:
            paragraph.space_after = Pt(size_px * 0.75 * 0.4)
        run = paragraph.add_run()
        run.text = ("• " if bullets else "") + line
        run.font.name = FONT
        run.font.size = Pt(size_px * 0.75)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)
    return shape


def _band(slide) -> None:
    """The coloured band at the top of every slide (as in the PDF)."""
    from pptx.enum.shapes import MSO_SHAPE

    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, _emu(1280), _emu(12))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(PRIMARY)
    band.line.fill.background()
    band.name = "Bandeau"


def _figure(slide, ident: str, title: str) -> None:
    """The figure as a PNG rendered from its SVG, as large as its box allows, centred, with its title as alt text."""
    import io

    from ..figures import render, svg
    from ..figures.png import to_png

    markup = svg(ident)
    left, top, w, h = fit(aspect(markup))
    png = to_png(markup, int(w * PNG_SCALE))
    picture = slide.shapes.add_picture(io.BytesIO(png), _emu(left), _emu(top), _emu(w), _emu(h))
    picture.name = f"Figure · {title}"
    description = render(ident)
    start = description.find("<title")
    alt = description[description.find(">", start) + 1:description.find("</title>")] if start >= 0 else title
    picture._element.nvPicPr.cNvPr.set("descr", alt)


def _add_slide(prs, entry: DaySlide) -> None:
    layout = prs.slide_layouts[6]  # blank: every box is ours, placed as in the PDF
    slide = prs.slides.add_slide(layout)
    _band(slide)
    if entry.slide.is_title:
        _text_box(slide, COVER_TITLE_BOX, [entry.title], COVER_TITLE_PX, colour=PRIMARY, bold=True, name="Titre",
                  spacing=TITLE_LINE)
        _text_box(slide, COVER_SUBTITLE_BOX, [typeset(entry.subtitle)], BODY_PX, colour=MUTED, name="Horaire")
        if entry.items:
            _text_box(slide, COVER_BODY_BOX, entry.items, BODY_PX, name="Texte")
    else:
        _text_box(slide, TITLE_BOX, [entry.title], TITLE_PX, colour=PRIMARY, bold=True, name="Titre",
                  spacing=TITLE_LINE)
        if entry.items:
            _text_box(slide, FIGURE_TEXT_BOX if entry.slide.figure else BODY_BOX, entry.items, BODY_PX,
                      bullets=True, name="Texte")
        if entry.slide.figure:
            _figure(slide, entry.slide.figure, entry.title)
    if entry.notes:
        slide.notes_slide.notes_text_frame.text = entry.notes


def write_pptx(site, day: int, target: Path, training_title: str) -> int:
    """Write the PPTX of ``day`` to ``target``; return its number of slides."""
    from pptx import Presentation

    prs = Presentation()
    prs.slide_width, prs.slide_height = _emu(1280), _emu(720)  # 13.333 × 7.5 in, 16:9
    prs.core_properties.title = f"Diapositives du jour {day} · {training_title}"
    prs.core_properties.language = "fr-FR"
    entries = day_slides(site, day)
    for entry in entries:
        _add_slide(prs, entry)
    target.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(target))
    return len(entries)
