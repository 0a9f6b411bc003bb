"""Shared pieces of the figures: the Figure record, the error, and a tiny SVG canvas.

A figure is drawn by a function ``draw(data) -> Drawing``. The drawing carries the SVG body and the
text alternative built from the same data, so the picture and its description cannot drift apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import Any, Callable

from ..typography import french_spaces
from .palette import paint, var

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
# Average advance of a character, in em, for the sans-serif faces above (measured on French text).
CHAR_EM = 0.5
CHAR_EM_BOLD = 0.55


class FigureError(ValueError):
    """A figure that cannot be drawn or has no text alternative; the message is in French."""


@dataclass(frozen=True)
class Drawing:
    """What a draw function returns: the SVG body, its size and its long description."""

    body: str
    width: int
    height: int
    description: str
    title: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Figure:
    """One figure of the handbook: what it shows, where it goes, how it is drawn."""

    id: str
    title: str
    caption: str
    draw: Callable[[dict[str, Any]], Drawing]
    source: str | None = None
    page: str = ""
    heading: str = ""
    needs_data: bool = False
    defaults: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.title or not self.title.strip():
            raise FigureError(f"la figure « {self.id} » n'a pas de titre : un titre court est obligatoire.")
        if not self.caption or not self.caption.strip():
            raise FigureError(f"la figure « {self.id} » n'a pas de légende.")


def require(data: dict[str, Any], key: str, figure: str, kind: type | tuple[type, ...] = list) -> Any:
    """``data[key]``, or a FigureError in French that names the missing field."""
    if not isinstance(data, dict) or key not in data:
        raise FigureError(f"la figure « {figure} » attend le champ « {key} » dans ses données.")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, (list, str)) and not value):
        raise FigureError(f"la figure « {figure} » : le champ « {key} » est vide ou mal formé.")
    return value


def typo(text: str) -> str:
    """French typography for text a reader sees: non-breaking spaces, typographic apostrophe."""
    return french_spaces(str(text)).replace("'", "\u2019")


def text_width(text: str, size: float, bold: bool = False) -> float:
    return len(text) * size * (CHAR_EM_BOLD if bold else CHAR_EM)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Split ``text`` into lines that fit ``width`` pixels at ``size`` (estimated advance)."""
    limit = max(1, int(width / (size * (CHAR_EM_BOLD if bold else CHAR_EM))))
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def join_fr(items: list[str]) -> str:
    """« a, b et c »."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


class Canvas:
    """Collects SVG elements; every colour goes through palette tokens."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.parts: list[str] = []

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None = "neutre", stroke: str | None = None,
             width: float = 1.5, radius: float = 6, dash: str | None = None) -> None:
        self.add(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{radius:g}" '
                 f'style="{paint(fill, stroke, width, dash)}"/>')

    def circle(self, cx: float, cy: float, r: float, fill: str | None = "neutre", stroke: str | None = None,
               width: float = 1.5, dash: str | None = None, opacity: float | None = None) -> None:
        self.add(f'<circle cx="{cx:g}" cy="{cy:g}" r="{r:g}" style="{paint(fill, stroke, width, dash, opacity)}"/>')

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: str | None = "neutre",
                stroke: str | None = None, width: float = 1.5) -> None:
        self.add(f'<ellipse cx="{cx:g}" cy="{cy:g}" rx="{rx:g}" ry="{ry:g}" style="{paint(fill, stroke, width)}"/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = "trait", width: float = 1.5,
             dash: str | None = None) -> None:
        self.add(f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" style="{paint(None, stroke, width, dash)}"/>')

    def path(self, d: str, fill: str | None = None, stroke: str | None = "trait", width: float = 1.5,
             dash: str | None = None) -> None:
        self.add(f'<path d="{d}" style="{paint(fill, stroke, width, dash)}"/>')

    def polygon(self, points: list[tuple[float, float]], fill: str | None = "neutre", stroke: str | None = None,
                width: float = 1.5) -> None:
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.add(f'<polygon points="{coords}" style="{paint(fill, stroke, width)}"/>')

    def arrowhead(self, x: float, y: float, angle: float, tone: str = "trait", size: float = 9) -> None:
        """A filled triangle pointing along ``angle`` (radians) with its tip at (x, y)."""
        back = [(x - size * math.cos(angle) + s * size * 0.5 * math.sin(angle),
                 y - size * math.sin(angle) - s * size * 0.5 * math.cos(angle)) for s in (1, -1)]
        self.polygon([(x, y), *back], fill=tone)

    def arrow(self, x1: float, y1: float, x2: float, y2: float, tone: str = "trait", width: float = 1.8,
              dash: str | None = None) -> None:
        angle = math.atan2(y2 - y1, x2 - x1)
        self.line(x1, y1, x2 - 7 * math.cos(angle), y2 - 7 * math.sin(angle), tone, width, dash)
        self.arrowhead(x2, y2, angle, tone)

    def text(self, x: float, y: float, label: str, size: float = 14, anchor: str = "middle", bold: bool = False,
             tone: str = "texte", max_width: float | None = None, leading: float = 1.22, italic: bool = False,
             valign: str = "middle") -> int:
        """Write ``label`` (wrapped to ``max_width``) centred vertically on ``y``; returns the line count.

        ``valign="top"`` puts the first baseline just below ``y`` instead.
        """
        label = typo(label)
        lines = wrap(label, max_width, size, bold) if max_width else [label]
        step = size * leading
        if valign == "top":
            first = y + size * 0.9
        else:
            first = y - (len(lines) - 1) * step / 2 + size * 0.35
        attrs = [f'x="{x:g}"', f'y="{first:.1f}"', f'font-size="{size:g}"', f'style="fill:{var(tone)}"']
        if anchor != "start":
            attrs.append(f'text-anchor="{anchor}"')
        if bold:
            attrs.append('font-weight="bold"')
        if italic:
            attrs.append('font-style="italic"')
        if len(lines) == 1:
            self.add(f"<text {' '.join(attrs)}>{escape(lines[0], quote=False)}</text>")
        else:
            spans = "".join(
                f'<tspan x="{x:g}" y="{first + index * step:.1f}">{escape(line, quote=False)}</tspan>'
                for index, line in enumerate(lines))
            self.add(f"<text {' '.join(attrs)}>{spans}</text>")
        return len(lines)

    def svg_body(self) -> str:
        return "".join(self.parts)


def lines_needed(label: str, width: float, size: float, bold: bool = False) -> int:
    return len(wrap(label, width, size, bold))


def assemble(figure: Figure, drawing: Drawing, prefix: str = "", source_html: str | None = None) -> str:
    """The ``<figure>`` element: accessible SVG (title, desc) and a visible caption."""
    title = typo((drawing.title or figure.title or "").strip())
    description = typo((drawing.description or "").strip())
    if not title:
        raise FigureError(f"la figure « {figure.id} » n'a pas de titre : un titre court est obligatoire.")
    if not description:
        raise FigureError(f"la figure « {figure.id} » n'a pas de description : le texte alternatif est obligatoire.")
    base = f"fig-{prefix}{figure.id}"
    caption = escape(typo((drawing.caption or figure.caption).strip()), quote=False)
    if source_html:
        caption += f" {source_html}"
    return (
        f'<figure class="manuel-figure" id="{base}">'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{base}-titre {base}-desc" '
        f'viewBox="0 0 {drawing.width} {drawing.height}" width="{drawing.width}" height="{drawing.height}" '
        f'font-family="{FONT}">'
        f'<title id="{base}-titre">{escape(title, quote=False)}</title>'
        f'<desc id="{base}-desc">{escape(description, quote=False)}</desc>'
        f"{drawing.body}</svg>"
        f"<figcaption>{caption}</figcaption></figure>"
    )
