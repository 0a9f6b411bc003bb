"""Reading the Markdown of a page: its level-2 sections (the timed steps of « Déroulé minuté » are in ``steps``). The section
titles other modules need are defined here, once, with what an author writes in them."""

from __future__ import annotations

import functools
import re

from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

if TYPE_CHECKING:  # page types use the sections defined here
    from .pages import Page


class Section(str):
    """A level-2 section title (the string itself), with what an author writes in it and its HTML id."""

    guidance: str

    def __new__(cls, title: str, guidance: str = "") -> "Section":
        section = super().__new__(cls, title)
        section.guidance = guidance
        return section

    @property
    def id(self) -> str:
        """The anchor MkDocs gives the heading (the ``toc`` extension's slug)."""
        return slugify(str(self), "-")


#: How a timed step is written: the one description of the syntax, reused by messages, skeletons and the reference.
STEP_SYNTAX = "1. **10 min** · consigne"
STEP_SYNTAX_WITH_METHOD = "1. **10 min** · Apport · consigne"
STEP = re.compile(r"^\d+\.\s+\*\*(?P<minutes>\d+)\s*min\*\*\s*·\s*(?P<rest>.+)$")

STEPS = Section("Déroulé minuté", f"Liste numérotée, une étape par ligne : {STEP_SYNTAX} (pour une séquence ou une "
                f"trame de rencontre : {STEP_SYNTAX_WITH_METHOD}, puis sous l'étape, indentée de 4 espaces, la ligne "
                "« - configuration : plénière » et au besoin « - outil : », « - version courte : », « - documents : », "
                "« - matériel : », « - production : », « - repère : »). La somme est vérifiée.")
ACTIVITY = Section("Activité d'application", "Consignes exactes, temps, configuration, production attendue ; puis les "
                   "deux blocs ci-dessous.")
CHAPTER_LINKS = Section("Outils et séquences liés", "Liens vers les fiches (macro outil), avec une phrase chacun ; les "
                        "séquences qui renvoient au chapitre s'ajoutent seules.")
CASE_ANALYSIS = Section("Pistes d'analyse", "Un bloc replié : ??? note \"Pistes d'analyse\" puis le texte indenté de "
                        "4 espaces.")
CASE_USES = Section("Séquences où le cas est utilisé", "En toutes lettres ; ajoutez aussi un lien vers ce cas dans "
                    "l'activité d'une séquence.")
TEMPLATE_BODY = Section("Le modèle", "Des titres ### et des tableaux Markdown aux cellules vides, pour écrire à la main.")
TEMPLATE_EXAMPLE = Section("Exemple rempli", "Un exemple fictif, vraisemblable, dans un encadré !!! example "
                           "\"Exemple fictif\".")


def section_body(markdown: str, title: str) -> tuple[str, int]:
    """Text of the ``## title`` section and the line number of its heading (0 if absent)."""
    for name, number, body in _sections(markdown):
        if name == title:
            return body, number
    return "", 0


_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})")
_LEVEL_2 = re.compile(r"##\s+(.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")
_LEVEL_1 = re.compile(r"#\s")


def section_titles(markdown: str) -> list[tuple[str, int]]:
    """Level-2 headings of a Markdown text with their line numbers, code blocks excluded."""
    return [(title, number) for title, number, _ in _sections(markdown)]


@functools.lru_cache(maxsize=8)
def _sections(markdown: str) -> tuple[tuple[str, int, str], ...]:
    """Level-2 sections of a Markdown text, in one pass: (title, line number, body), code blocks excluded."""
    lines = markdown.splitlines()
    found: list[tuple[str, int, str]] = []
    current: tuple[str, int] | None = None
    fence: str | None = None

    def close(end: int) -> None:
        if current:
            found.append((current[0], current[1], "\n".join(lines[current[1]:end])))

    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped[:3] in ("```", "~~~"):
            if fence is None:
                fence = _FENCE_OPEN.match(stripped).group(1)
            elif stripped.startswith(fence):
                fence = None
            continue
        if fence is None and line.startswith("#"):
            heading = _LEVEL_2.match(line)
            if heading or _LEVEL_1.match(line):
                close(index)
                current = (heading.group(1).strip(), index + 1) if heading else None
    close(len(lines))
    return tuple(found)


def missing_blocks(kind: type[Page], markdown: str) -> list[str]:
    """Required admonition blocks of ``kind`` that ``markdown`` lacks (their expected syntax)."""
    return [
        syntax for block, syntax in kind.BLOCKS.items()
        if not re.search(r"^(?:!!!|\?\?\?\+?)\s+" + re.escape(block) + r"\b", markdown, re.M)
    ]


def empty_sections(kind: type[Page], markdown: str) -> list[str]:
    """Required sections of ``kind`` present in ``markdown`` but holding nothing beyond comments."""
    empty = []
    for title in kind.SECTIONS:
        body, number = section_body(markdown, title)
        if number and not re.sub(r"<!--.*?-->", "", body, flags=re.S).strip():
            empty.append(title)
    return empty


def missing_sections(kind: type[Page], markdown: str) -> list[str]:
    """Required sections of ``kind`` that ``markdown`` lacks (order is not enforced)."""
    present = {title for title, _ in section_titles(markdown)}
    return [title for title in kind.SECTIONS if title not in present]


