"""The content model: one schema for the build, the exports and the tests.

- ``base``: closed lists, base model, references to other content, field documentation;
- ``data``: the data files (programme, run sheet, bibliography, glossary);
- ``pages``: the page types, their front matter and required sections;
- ``sections``: reading a page's sections and timed steps;
- ``validation``: French messages for schema errors; ``messages``: the catalogue of content errors;
- ``errors``: the errors of one build; ``site``: the loaded content; ``checks``: checks across the content.
"""

from __future__ import annotations

from pathlib import Path

from .base import FORMATS, LEVELS, METHODS, PURPOSES, SLUG, Strict, doc, field_description
from .checks import check_site
from .data import (GlossaryTerm, Reference, RunSheet, RunSheetDay, Slot, Training, minutes, run_sheet_problems)
from .pages import PAGE_TYPES, CaseStudy, Chapter, Page, Range, Sequence, Template, Tool, page_type_for
from .sections import (STEP, STEP_SYNTAX, STEP_SYNTAX_WITH_METHOD, STEPS, Section, empty_sections, missing_blocks,
                       missing_sections, section_body, section_titles, timed_steps)
from .site import PageRecord, Site, line_of, read_site, split_front_matter
from .validation import french_errors


def load_site(project_dir: Path, docs_dir: Path) -> Site:
    """The content of the handbook, loaded and checked (as the build does it)."""
    site = read_site(project_dir, docs_dir)
    check_site(site)
    return site
