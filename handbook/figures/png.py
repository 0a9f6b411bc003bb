"""PNG rendering of a figure's SVG (for the slide exports: PPTX cannot take SVG)."""

from __future__ import annotations

import re

from .base import FigureError
from .palette import resolve

_SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def to_png(svg: str, width_px: int, background: str | None = "#ffffff") -> bytes:
    """Render ``svg`` (an SVG element, or a whole ``<figure>``) to PNG, ``width_px`` wide.

    CSS custom properties are replaced by their fallbacks, the light palette, since cairosvg does
    not know them. ``background=None`` keeps a transparent background.
    """
    import cairosvg

    match = _SVG.search(svg)
    if not match:
        raise FigureError("aucun élément <svg> à convertir en PNG.")
    markup = resolve(match.group(0))
    if 'xmlns="http://www.w3.org/2000/svg"' not in markup[:300]:
        markup = markup.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    return cairosvg.svg2png(bytestring=markup.encode("utf-8"), output_width=int(width_px),
                            background_color=background, unsafe=False)
