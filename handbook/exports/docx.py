"""Editable templates: the « Le modèle » section of a template page as a Word document (DOCX)."""

from __future__ import annotations

from pathlib import Path

from ..model.sections import TEMPLATE_BODY
from .printed import article_soup


def template_docx_file(site_dir: Path, url: str, target: Path, section_id: str = TEMPLATE_BODY.id) -> None:
    """The « Le modèle » section of a template page (or ``section_id``, e.g. « Le support » of a worksheet) as an
    editable Word document."""
    from docx import Document
    from docx.shared import Pt

    article = article_soup(site_dir, url)
    for node in article.select("a.headerlink"):
        node.decompose()
    document = Document()
    document.core_properties.title = article.find("h1").get_text(" ", strip=True)
    document.core_properties.language = "fr-FR"
    document.styles["Normal"].font.name = "Liberation Sans"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(article.find("h1").get_text(" ", strip=True), level=0)
    start = article.find(id=section_id)
    for node in start.find_next_siblings():
        if node.name == "h2":
            break
        if node.name in ("h3", "h4"):
            document.add_heading(node.get_text(" ", strip=True), level=1 if node.name == "h3" else 2)
        elif node.name == "p":
            document.add_paragraph(node.get_text(" ", strip=True))
        elif node.name in ("ul", "ol"):
            style = "List Bullet" if node.name == "ul" else "List Number"
            for item in node.find_all("li", recursive=False):
                document.add_paragraph(item.get_text(" ", strip=True), style=style)
        elif node.name == "table" or node.find("table"):
            table_node = node if node.name == "table" else node.find("table")
            rows = table_node.find_all("tr")
            width = max(len(r.find_all(["th", "td"])) for r in rows)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for index, row in enumerate(rows):
                cells = table.add_row().cells
                for column, cell in enumerate(row.find_all(["th", "td"])):
                    text = cell.get_text(" ", strip=True)
                    cells[column].text = text
                    if index == 0 and text:
                        for run in cells[column].paragraphs[0].runs:
                            run.bold = True
            document.add_paragraph()
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)
