"""MkDocs hooks (declared in mkdocs.yml under ``hooks``).

- validate every page against the content model (front matter, required sections);
- refuse images without alternative text;
- turn MkDocs' link and navigation warnings into French messages;
- fail the build with a French summary when the content has errors;
- add to the HTML the blocks computed from the content model (room-mode buttons and steps, summary of a tool sheet)
  and the definitions of the glossary terms as tooltips;
- add an accent-folded field to the search index.
"""

from __future__ import annotations

import functools
import gc
import html
import json
import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from handbook.content import (ErrorCollector, forget, get_site, insert_after_title, line_of, relative_link,
                              split_front_matter)
from handbook.macros import tool_summary
from handbook.schema import (CaseStudy, Chapter, Sequence, Tool, empty_sections, missing_blocks, missing_sections,
                             timed_steps)
from handbook.search import add_folded_field
from handbook.typography import french_spaces, french_spaces_markdown

log = logging.getLogger("mkdocs.plugins.handbook")

# --------------------------------------------------------------------------
# French messages for MkDocs' own link and navigation checks
# --------------------------------------------------------------------------

_LINK_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found among documentation files\.(?: Did you mean '(?P<hint>[^']+)'\?)?"),
     "lien cassé « {link} » : la page visée n'existe pas dans docs/"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'\."),
     "ancre cassée « {link} » : la page « {target} » n'a pas de titre ou d'ancre « #{anchor} »"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but there is no such anchor on this page\.(?P<rest>.*)"),
     "ancre cassée « {link} » : cette page n'a pas de titre ou d'ancre « {link} »"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\.(?: Did you mean '(?P<hint>[^']+)'\?)?"),
     "lien « {link} » non reconnu : visez un fichier Markdown (.md) avec un chemin relatif"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains an absolute link '(?P<link>[^']+)', it was left as is\.(?: Did you mean '(?P<hint>[^']+)'\?)?"),
     "lien absolu « {link} » : utilisez un chemin relatif vers le fichier .md, sinon le site ne marche pas hors ligne"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link to '(?P<link>[^']+)' which is excluded from the built site\."),
     "lien vers « {link} », page exclue du site"),
]
_NAV_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found in the documentation files\.", re.S),
     "la navigation (rubrique « nav ») cite « {link} », qui n'existe pas dans docs/"),
    (re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n(?P<list>.*)", re.S),
     "ces pages ne figurent pas dans la navigation (rubrique « nav » de mkdocs.yml) : {list}"),
]


class FrenchLinkMessages(logging.Filter):
    """Rewrite MkDocs' English link warnings in French and count them as content errors."""

    def __init__(self, collector: ErrorCollector, docs_prefix: str, config_name: str) -> None:
        super().__init__("handbook-links")
        self.collector = collector
        self.docs_prefix = docs_prefix
        self.config_name = config_name

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        for pattern, template in _LINK_PATTERNS:
            match = pattern.match(message)
            if match:
                values = {k: (v or "") for k, v in match.groupdict().items()}
                text = template.format(**values)
                fix = f"vouliez-vous dire « {values['hint']} » ?" if values.get("hint") else None
                error = self.collector.record(f"{self.docs_prefix}{values['file']}", text, fix=fix)
                return self._rewrite(record, error.render())
        for pattern, template in _NAV_PATTERNS:
            match = pattern.match(message)
            if match:
                values = {k: (v or "") for k, v in match.groupdict().items()}
                if "list" in values:
                    values["list"] = ", ".join(x.strip(" -") for x in values["list"].splitlines() if x.strip())
                error = self.collector.record(self.config_name, template.format(**values),
                                              fix="chaque page de docs/ doit figurer une fois dans « nav »")
                return self._rewrite(record, error.render())
        return True

    @staticmethod
    def _rewrite(record: logging.LogRecord, text: str) -> bool:
        record.msg, record.args = text, ()
        return True


_MACRO_ERROR = re.compile(r"_File_: `(?P<file>[^`]+)`.*?_(?P<kind>\w+)_: (?P<message>[^\n]+)", re.S)
_MACRO_SYNTAX = re.compile(r"_File_: `(?P<file>[^`]+)`.*?_Line (?P<line>\d+) in Markdown file:_ \*\*(?P<message>.*?)\*\*", re.S)
_TEMPLATE_LINE = re.compile(r'File "<template>", line (?P<line>\d+)')


class FrenchMacroMessages(logging.Filter):
    """Rewrite mkdocs-macros' rendering errors (English, with a traceback) as one French line."""

    def __init__(self, site, docs_prefix: str) -> None:
        super().__init__("handbook-macros")
        self.site = site
        self.docs_prefix = docs_prefix

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "_Macro Rendering Error_" not in message and "_Macro Syntax Error_" not in message:
            return True
        syntax = _MACRO_SYNTAX.search(message)
        match = syntax or _MACRO_ERROR.search(message)
        if not match:
            return True
        src = match.group("file")
        line = int(syntax.group("line")) if syntax else None
        if line is None and (found := _TEMPLATE_LINE.search(message)):
            line = int(found.group("line"))
        if line is not None:
            line += _front_matter_lines(self.site.docs_dir / src)
        problem = match.group("message").strip()
        if syntax:
            problem = f"syntaxe de macro invalide ({problem})"
        elif match.group("kind") != "UndefinedError":
            problem = f"la macro a échoué ({match.group('kind')} : {problem})"
        error = self.site.errors.record(self.docs_prefix + src, problem, line=line,
                                        fix="vérifiez ce qui est écrit entre {{ }} ou {% %}")
        record.msg, record.args, record.levelno, record.levelname = error.render(), (), logging.ERROR, "ERROR"
        return True


def _front_matter_lines(path: Path) -> int:
    """Lines before the Markdown body that mkdocs-macros renders (front matter, leading blank lines)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return 0
    _, body = split_front_matter(text)
    return text[: len(text) - len(body.lstrip("\n"))].count("\n")


_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")
_MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


def _install_filter(site, config) -> None:
    docs_prefix = site.rel(Path(config["docs_dir"]).resolve()) + "/"
    config_name = Path(config["config_file_path"]).name
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, FrenchLinkMessages)]:
            logger.removeFilter(old)
        logger.addFilter(FrenchLinkMessages(site.errors, docs_prefix, config_name))
    macros_logger = logging.getLogger(_MACROS_LOGGER)
    for old in [f for f in macros_logger.filters if isinstance(f, FrenchMacroMessages)]:
        macros_logger.removeFilter(old)
    macros_logger.addFilter(FrenchMacroMessages(site, docs_prefix))


# --------------------------------------------------------------------------
# Images without alternative text
# --------------------------------------------------------------------------


_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r'\b(alt|src|role)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')', re.I)


def images_without_alt(html: str) -> list[str]:
    """Sources of the images of ``html`` that have no (or an empty) alternative text."""
    missing = []
    for tag in _IMG.findall(html):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(tag)}
        if not (attrs.get("alt") or "").strip() and attrs.get("role") != "presentation":
            missing.append(attrs.get("src") or "?")
    return missing


# --------------------------------------------------------------------------
# Hooks
# --------------------------------------------------------------------------


EDITIONS = ("participant", "formateur")
TRAINER_BLOCK = re.compile(r"^(?:!!!|\?\?\?\+?)\s+animation\b.*\n(?:(?:[ \t]*\n)*(?:    |\t).*\n?)*", re.M)


def edition(config) -> str:
    return config["extra"].get("edition", "participant")


def strip_trainer_notes(markdown: str) -> str:
    """Remove the « !!! animation » blocks (notes for the trainer) from a page's Markdown."""
    return TRAINER_BLOCK.sub("", markdown)


def on_config(config):
    if edition(config) not in EDITIONS:
        raise Abort(f"Configuration : « extra.edition » vaut « {edition(config)} » ; valeurs possibles : "
                    + ", ".join(EDITIONS))
    site = get_site(config)
    _install_filter(site, config)
    if site.data_errors:
        raise Abort(site.errors.summary())
    if not preview():
        # What is loaded by now (modules, content model, data) lasts the whole build: the garbage collector need not
        # walk through it again at each pass (a build scans it hundreds of times). Given back in on_post_build.
        gc.freeze()
    return config


#: Room-mode buttons, rendered at build time so that nothing moves when projection.js starts; hidden
#: without JavaScript (CSS, class "no-js" on <html>) and kept out of the search index.
PROJECTION_BAR = (
    '<p class="manuel-projeter-barre" data-search-exclude>'
    '<button type="button" class="md-button manuel-projeter" data-action="projeter" '
    'title="Projeter cette page en salle (Maj+P)" aria-keyshortcuts="Shift+P">Projeter</button> '
    '<button type="button" class="md-button manuel-projeter" data-action="presentatrice" '
    'title="Ouvrir, dans une autre fenêtre, la vue de la personne qui présente">Vue présentatrice</button></p>'
)


@event_priority(-50)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):
    site = get_site(config)
    record = site.pages.get(page.file.src_uri)
    markdown = french_spaces_markdown(markdown)
    if record is None:
        return strip_trainer_notes(markdown) if edition(config) == "participant" else markdown
    path = site.doc_path(page.file.src_uri)
    for title in missing_sections(record.kind, markdown):
        site.errors.add(path, f"section obligatoire « ## {title} » absente ({record.kind.LABEL})",
                        fix="ajoutez ce titre de niveau 2 avec son contenu")
    for title in empty_sections(record.kind, markdown):
        site.errors.add(path, f"la section « ## {title} » est vide",
                        line=line_of(site.docs_dir / page.file.src_uri, "^## " + re.escape(title)),
                        fix="remplacez le commentaire d'aide <!-- … --> par le contenu")
    for syntax in missing_blocks(record.kind, markdown):
        site.errors.add(path, f"bloc obligatoire absent ({record.kind.LABEL}) : {syntax}")
    if edition(config) == "participant":
        markdown = strip_trainer_notes(markdown)
    if record.meta is None:  # invalid front matter, already reported: the sections were checked all the same
        return markdown
    link_to = functools.partial(relative_link, page.file.src_uri)
    if record.kind in (Chapter, CaseStudy):
        heading = "Outils et séquences liés" if record.kind is Chapter else "Séquences où le cas est utilisé"
        uses = site.linking_pages(record.src_uri, Sequence)
        lead = ("Les séquences de la formation qui s'appuient sur ce chapitre" if record.kind is Chapter
                else "Le cas sert dans ces séquences de la formation")
        if uses:
            block = lead + "\u00a0:\n\n" + "\n".join(
                f"- Jour {u.meta.jour} · [{u.title}]({link_to(u.src_uri)})" for u in uses if u.meta) + "\n"
            markdown = _after_heading(markdown, heading, block)
    return markdown


def _after_heading(markdown: str, title: str, block: str) -> str:
    """Insert ``block`` at the start of the ``## title`` section."""
    match = re.search(r"^##\s+" + re.escape(title) + r"\s*$", markdown, re.M)
    if not match:
        return markdown
    return markdown[: match.end()] + "\n\n" + block + "\n" + markdown[match.end():]


def on_nav(nav, config, files):
    """Pages excluded from this edition (exclude_docs) disappear from its navigation."""

    def keep(items):
        kept = []
        for item in items:
            if item.is_page and item.file.inclusion.is_excluded():
                continue
            if item.is_section:
                item.children = keep(item.children)
                if not item.children:
                    continue
            kept.append(item)
        return kept

    nav.items = keep(nav.items)
    nav.pages = [p for p in nav.pages if not p.file.inclusion.is_excluded()]
    return nav


def _fix_toc(items) -> None:
    for item in items:
        item.title = french_spaces(item.title)
        _fix_toc(item.children)


def computed_blocks(page_html: str, record, site, page, files) -> str:
    """Blocks computed from the content model, added to the HTML of a sequence or a tool sheet: the room-mode buttons
    and timed steps, the summary of a tool sheet. Written as HTML, they cost nothing to the Markdown conversion, and
    their links are valid by construction."""
    if record.kind not in (Sequence, Tool) or record.meta is None:
        return page_html
    block = PROJECTION_BAR
    if record.kind is Tool:
        block += "\n" + tool_summary(site, record, lambda uri: files.get_file_from_path(uri).url_relative_to(page.file))
    steps = [{"minutes": st["minutes"], "method": st["method"], "text": re.sub(r"[*_`]|\{\{.*?\}\}", "", st["text"])[:140]}
             for st in timed_steps(record.body)]
    return (insert_after_title(page_html, block) + '\n<div class="manuel-projection" hidden data-etapes="'
            + html.escape(json.dumps(steps, ensure_ascii=False), quote=True) + '"></div>')


_TERM_LINK = re.compile(r'<a class="terme" href="[^"#]*#([^"]+)">')


def term_tooltips(page_html: str, glossary) -> str:
    """Add its definition, as a tooltip, to each glossary term link written by the « terme » macro."""

    def add(match: re.Match) -> str:
        entry = glossary.get(match.group(1))
        if entry is None:
            return match.group(0)
        definition = entry.definition.replace('"', "'").replace("\n", " ")  # French spaces: set at loading
        return match.group(0)[:-1] + f' title="{html.escape(definition, quote=False)}">'

    return _TERM_LINK.sub(add, page_html)


def on_page_content(html, page, config, files):
    _fix_toc(page.toc)
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = french_spaces(page.meta["title"])
    site = get_site(config)
    record = site.pages.get(page.file.src_uri)
    if record is not None:
        html = computed_blocks(html, record, site, page, files)
    html = term_tooltips(html, site.glossary)
    source = site.docs_dir / page.file.src_uri
    for src in images_without_alt(html):
        name = src.rsplit("/", 1)[-1]
        site.errors.add(site.doc_path(page.file.src_uri), f"l'image « {name} » n'a pas de texte alternatif",
                        line=line_of(source, re.escape(name)),
                        fix="écrivez ce que montre l'image entre les crochets : ![description](image.png)")
    return html


_PREVIEW = {"serve": False}


def on_startup(command, dirty):
    _PREVIEW["serve"] = command == "serve"


def preview() -> bool:
    """In a preview (make serve), content errors are shown on the pages instead of stopping the server."""
    return _PREVIEW["serve"] or os.environ.get("MANUEL_APERCU") == "1"


def error_banner(errors) -> str:
    items = "".join(f"<li>{html.escape(e.render())}</li>" for e in errors)
    count = len(errors)
    title = f"{count} erreur{'s' if count > 1 else ''} de contenu"
    return ('<div class="manuel-erreurs" role="alert" style="margin:0;padding:1em 1.5em;background:#fff4f2;'
            'color:#6b1400;border-bottom:3px solid #b3261e;font:16px/1.5 sans-serif">'
            f"<p style=\"margin:0 0 .5em\"><strong>{title}</strong> : cet aperçu s'affiche, mais la "
            "construction du manuel échouera tant qu'elles restent. Corrigez les fichiers indiqués ; la page se "
            f'recharge seule.</p><ul style="margin:0">{items}</ul></div>')


def show_errors_in_pages(site_dir: Path, errors) -> None:
    banner = error_banner(errors)
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, text, count=1), encoding="utf-8")


@event_priority(-50)  # after the search plugin has written its index, before the offline plugin
def on_post_build(config):
    gc.unfreeze()
    site = get_site(config)
    if len(site.errors) and preview():
        show_errors_in_pages(Path(config["site_dir"]), site.errors.errors)
        log.warning("Aperçu : " + site.errors.summary())
    elif len(site.errors):
        raise Abort(site.errors.summary())
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.is_file():
        add_folded_field(index)
    forget(config)
