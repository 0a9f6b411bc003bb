"""MkDocs' and mkdocs-macros' own messages about the content (links, navigation, macro errors) reported as content
errors of the catalogue, in French, at ERROR level so that they show and count in every verbosity (``-q`` included).

MkDocs reports links and navigation through its loggers only; each of its messages is matched once here and
reported with the catalogue key of the check, then the English record is replaced by the French one."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..model import Site, split_front_matter

log = logging.getLogger("mkdocs.plugins.handbook")

_HINT = "(?: Did you mean '(?P<hint>[^']+)'\\?)?"
#: MkDocs' link messages → catalogue key.
_LINKS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not "
                r"found among documentation files\." + _HINT), "lien-casse"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does "
                r"not contain an anchor '#(?P<anchor>[^']+)'\."), "ancre-cassee"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>#(?P<anchor>[^']+))', but there is no such "
                r"anchor on this page\.(?P<rest>.*)"), "ancre-cassee"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as "
                r"is\." + _HINT), "lien-non-reconnu"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains an absolute link '(?P<link>[^']+)', it was left as is\." + _HINT),
     "lien-absolu"),
    (re.compile(r"Doc file '(?P<file>[^']+)' contains a link to '(?P<link>[^']+)' which is excluded from the built "
                r"site\."), "lien-exclu"),
]
_NAV: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found in the "
                r"documentation files\.", re.S), "nav-inconnue"),
    (re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" "
                r"configuration:\n(?P<pages>.*)", re.S), "nav-omise"),
]


def _replace(record: logging.LogRecord, text: str) -> None:
    record.msg, record.args, record.levelno, record.levelname = text, (), logging.ERROR, "ERROR"


class LinkMessages(logging.Filter):
    """MkDocs' link and navigation warnings as catalogue errors (with the line of the link in the page)."""

    def __init__(self, site: Site, docs_prefix: str, config_name: str) -> None:
        super().__init__("handbook-links")
        self.site, self.docs_prefix, self.config_name = site, docs_prefix, config_name

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        for pattern, key in _LINKS:
            if match := pattern.match(message):
                values = {k: (v or "") for k, v in match.groupdict().items()}
                hint = f"vouliez-vous dire « {values['hint']} » ?" if values.get("hint") else (
                    "corrigez le chemin, relatif au fichier (../dossier/page.md)" if key == "lien-casse"
                    else "corrigez l'ancre : elle reprend le titre visé, en minuscules et avec des tirets")
                values.update(hint=hint, target=values.get("target") or values["file"], anchor=values.get("anchor", ""))
                source = self.site.docs_dir / values["file"]
                line = _line_of_link(source, values["link"])
                error = self.site.errors.report(key, f"{self.docs_prefix}{values['file']}", line=line, echo=False,
                                                **values)
                _replace(record, error.render())
                return True
        for pattern, key in _NAV:
            if match := pattern.match(message):
                values = {k: (v or "") for k, v in match.groupdict().items()}
                if "pages" in values:
                    values["pages"] = ", ".join(x.strip(" -") for x in values["pages"].splitlines() if x.strip())
                _replace(record, self.site.errors.report(key, self.config_name, echo=False, **values).render())
                return True
        return True


def _line_of_link(path: Path, link: str) -> int | None:
    """Line of the page source that holds ``link`` (as written by the author)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if f"({link}" in line or f'"{link}"' in line:
                return number
    except OSError:
        pass
    return None


_MACRO_ERROR = re.compile(r"_File_: `(?P<file>[^`]+)`.*?_(?P<kind>\w+)_: (?P<message>[^\n]+)", re.S)
_MACRO_SYNTAX = re.compile(r"_File_: `(?P<file>[^`]+)`.*?_Line (?P<line>\d+) in Markdown file:_ \*\*(?P<message>.*?)\*\*",
                           re.S)
_TEMPLATE_LINE = re.compile(r'File "<template>", line (?P<line>\d+)')


class MacroMessages(logging.Filter):
    """mkdocs-macros' rendering errors (English, with a traceback) as one catalogue error."""

    def __init__(self, site: Site, docs_prefix: str) -> None:
        super().__init__("handbook-macros")
        self.site, self.docs_prefix = site, docs_prefix

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
        error = self.site.errors.report("macro", self.docs_prefix + src, line=line, echo=False, problem=problem)
        _replace(record, error.render())
        return True


def _front_matter_lines(path: Path) -> int:
    """Lines before the Markdown body that mkdocs-macros renders (front matter, leading blank lines)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return 0
    _, body = split_front_matter(text)
    return text[: len(text) - len(body.lstrip("\n"))].count("\n")


_LINK_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")
_MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


def install(site: Site, docs_dir: Path, config_file: Path) -> None:
    """Put the filters on MkDocs' and mkdocs-macros' loggers (replacing those of a previous build of ``serve``)."""
    docs_prefix = site.rel(docs_dir) + "/"
    for name in _LINK_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, LinkMessages)]:
            logger.removeFilter(old)
        logger.addFilter(LinkMessages(site, docs_prefix, config_file.name))
        logger.setLevel(logging.WARNING)  # with -q the "mkdocs" logger is at ERROR: its warnings must still reach us
    macros_logger = logging.getLogger(_MACROS_LOGGER)
    for old in [f for f in macros_logger.filters if isinstance(f, MacroMessages)]:
        macros_logger.removeFilter(old)
    macros_logger.addFilter(MacroMessages(site, docs_prefix))
    macros_logger.setLevel(logging.WARNING)
