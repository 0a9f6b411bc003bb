"""The handbook plugin (``plugins: handbook:`` in mkdocs.yml): the build of the handbook, step by step.

Order of a build (MkDocs events, with their priority against the other plugins):

1. ``on_startup``: note whether this is ``mkdocs serve`` (a preview);
2. ``on_config`` (priority 50, before mkdocs-macros): load the content once (data files, pages, checks across them) and put the French message filters
   on MkDocs' loggers; the content stays on the plugin for the whole build;
3. ``on_files``: trainer-only pages (``formateur: true``) leave the participant edition; ``on_nav``: pages excluded
   from the edition leave its navigation;
4. mkdocs-macros renders each page's Jinja (module ``render.macros``, which reads the content from this plugin);
5. ``on_page_markdown`` (priority -50, after mkdocs-macros): section checks, trainer notes removed from the
   participant edition, « used in » blocks, French typography;
6. ``on_page_content``: download buttons (exports builds), computed blocks, glossary tooltips, image checks;
   ``on_env`` (every page rendered): the links of the pages checked as their authors wrote them (``link_check``);
7. ``on_post_build`` (priority -50, after the search plugin, before the offline plugin): stop on content errors (or
   show them on the pages of a preview), add the accent-folded search field;
8. ``on_post_build`` (priority -150, after the offline plugin): the exports, when ``exports`` is on, then the list of
   files the installable offline app keeps (``hors-ligne.json``, every build).
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .config import HandbookConfig
from .model import Site, load_site
from .offline_app import write_offline_manifest
from .render import logs
from .render.blocks import download_buttons, show_errors_in_pages
from .render.link_check import LinkCheck
from .render.pages import editions_nav, exclude_trainer_pages, page_content, page_markdown
from .render.search import add_folded_field
from .render.slides import slides_markdown


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """Builds the handbook: content model, checks, computed blocks and exports."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.nav = None
        self.links = LinkCheck()
        self.serving = False

    @property
    def preview(self) -> bool:
        """In a preview (``make serve``), content errors are shown on the pages instead of stopping the build."""
        return self.serving or self.config.apercu

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    @event_priority(50)  # before mkdocs-macros, whose define_env reads the content from this plugin
    def on_config(self, config):
        project_dir = Path(config.config_file_path).resolve().parent
        docs_dir = Path(config.docs_dir).resolve()
        self.site = load_site(project_dir, docs_dir)
        self.links = LinkCheck()
        logs.install(self.site, docs_dir, Path(config.config_file_path))
        if self.site.data_errors:
            raise Abort(self.site.errors.summary())
        if not self.preview:
            # What is loaded by now lasts the whole build: the garbage collector need not walk through it again at
            # each pass (a build scans it hundreds of times). Given back in on_post_build.
            gc.freeze()
        return config

    def on_files(self, files, *, config):
        if self.config.edition == "participant":
            exclude_trainer_pages(self.site, files)
        return files

    def on_nav(self, nav, *, config, files):
        self.nav = editions_nav(nav)
        return self.nav

    @event_priority(60)  # before mkdocs-macros: slide blocks removed (participant) or written as HTML blocks
    def _slides(self, markdown, *, page, config, files):
        return slides_markdown(self.config.edition, markdown)

    @event_priority(-50)  # after mkdocs-macros has rendered the page
    def _page_markdown(self, markdown, *, page, config, files):
        markdown = page_markdown(self.site, self.config.edition, markdown, page.file.src_uri)
        self.links.add_markdown(page.file.src_uri, markdown)
        return markdown

    on_page_markdown = CombinedEvent(_slides, _page_markdown)

    def on_page_content(self, html, *, page, config, files):
        if self.config.exports:
            html = download_buttons(html, page.file.src_uri, self.site)
        html = page_content(self.site, html, page, files, self.config.edition)
        self.links.add_html(page.file.src_uri, html)
        return html

    def on_env(self, env, *, config, files):
        # Every page is rendered by now (MkDocs renders the templates after): links and anchors are all known
        self.links.check(self.site, files, self.site.rel(Path(config.docs_dir).resolve()) + "/")
        return env

    @event_priority(-50)  # after the search plugin has written its index, before the offline plugin inlines it
    def _check_and_fold(self, config) -> None:
        gc.unfreeze()
        errors = self.site.errors
        if len(errors) and self.preview:
            show_errors_in_pages(Path(config.site_dir), errors.errors)
            logs.log.warning("Aperçu : " + errors.summary())
        elif len(errors):
            raise Abort(errors.summary())
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            add_folded_field(index)

    @event_priority(-150)  # after the offline plugin, so that the zip holds the inlined search index
    def _exports(self, config) -> None:
        if self.config.exports:
            from .exports import build_exports  # WeasyPrint, python-docx and BeautifulSoup only when needed

            cache = Path(config.config_file_path).parent / self.config.cache if self.config.cache else None
            build_exports(self.site, self.config.edition, self.nav, Path(config.site_dir), cache)
        # Last, so that it lists the exports; the version is the date printed on the booklets' covers
        write_offline_manifest(Path(config.site_dir), date.today().strftime("%d/%m/%Y"))

    on_post_build = CombinedEvent(_check_and_fold, _exports)
