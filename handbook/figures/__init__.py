"""Build-time SVG figures of the handbook: registry and rendering.

``render(figure_id, data)`` returns a ``<figure>`` with an accessible inline SVG (``role="img"``, a
``<title>`` and a ``<desc>`` generated from the same data as the drawing) and a visible caption.
Colours are CSS custom properties with light fallbacks (see ``palette``); no JavaScript, no network.
"""

from __future__ import annotations

from typing import Any

from . import animation, apprentissage, communautes, decision, donnees, ecosysteme, prospective
from .base import Drawing, Figure, FigureError, assemble
from .palette import css_block, resolve

__all__ = ["FIGURES", "Figure", "FigureError", "css_block", "drawing", "for_print", "render", "svg"]

FIGURES: dict[str, Figure] = {}
for _module in (donnees, communautes, apprentissage, ecosysteme, prospective, decision, animation):
    for _figure in _module.FIGURES:
        if _figure.id in FIGURES:
            raise FigureError(f"deux figures portent l'identifiant « {_figure.id} ».")
        FIGURES[_figure.id] = _figure


def _figure(figure_id: str) -> Figure:
    try:
        return FIGURES[figure_id]
    except KeyError:
        known = ", ".join(sorted(FIGURES))
        raise FigureError(f"figure inconnue : « {figure_id} » (figures connues : {known}).") from None


def drawing(figure_id: str, data: dict[str, Any] | None = None) -> Drawing:
    """Draw ``figure_id`` with ``data`` (or its default data); no HTML around it."""
    figure = _figure(figure_id)
    if data is None:
        if figure.needs_data:
            raise FigureError(f"la figure « {figure_id} » se dessine à partir de données : aucune n'a été fournie.")
        data = figure.defaults
    elif figure.defaults:
        data = {**figure.defaults, **data}
    if "titre" in data and not str(data["titre"] or "").strip():
        raise FigureError(f"la figure « {figure_id} » a un titre vide : un titre court est obligatoire.")
    return figure.draw(data)


def render(figure_id: str, data: dict[str, Any] | None = None, *, prefix: str = "",
           source_html: str | None = None) -> str:
    """The ``<figure class="manuel-figure">`` of ``figure_id``.

    ``prefix`` keeps ids unique when a figure appears twice on a page (or on the combined print
    page); ``source_html`` (for instance the output of the ``cite`` macro) is appended to the caption.
    Raises FigureError (French message) when the figure has no title or no text alternative.
    """
    figure = _figure(figure_id)
    return assemble(figure, drawing(figure_id, data), prefix=prefix, source_html=source_html)


def svg(figure_id: str, data: dict[str, Any] | None = None) -> str:
    """The SVG element alone, e.g. for ``png.to_png``."""
    html = render(figure_id, data)
    return html[html.index("<svg"):html.index("</svg>") + len("</svg>")]


def for_print(html: str) -> str:
    """``html`` with every figure colour replaced by its light fallback.

    WeasyPrint 70 paints ``var(--x, #fallback)`` in an SVG ``style`` as black (checked): run the
    combined print page through this before ``write_pdf``. Only ``var(--manuel-fig-…)`` is touched.
    """
    return resolve(html)
