"""MkDocs' and mkdocs-macros' own messages about the content (navigation, macro errors) reported as content errors of
the catalogue, in French, at ERROR level so that they show and count in every verbosity (``-q`` included).

MkDocs reports the navigation of mkdocs.yml and mkdocs-macros its rendering errors through their loggers only; each
of their messages is matched once here and reported with the catalogue key of the check, then the English record is
replaced by the French one. The links of the pages are checked at the source instead (``link_check``)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..model import Site, split_front_matter

log = logging.getLogger("mkdocs.plugins.handbook")

_NAV: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found in the "
                r"documentation files\.", re.S), "nav-inconnue"),
    (re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" "
                r"configuration:\n(?P<pages>.*)", re.S), "nav-omise"),
]


def _replace(record: logging.LogRecord, text: str) -> None:
    record.msg, record.args, record.levelno, record.levelname = text, (), logging.ERROR, "ERROR"


class NavMessages(logging.Filter):
    """MkDocs' navigation warnings (the ``nav`` of mkdocs.yml) as catalogue errors."""

    def __init__(self, site: Site, config_name: str) -> None:
        super().__init__("handbook-nav")
        self.site, self.config_name = site, config_name

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        for pattern, key in _NAV:
            if match := pattern.match(message):
                values = {k: (v or "") for k, v in match.groupdict().items()}
                if "pages" in values:
                    values["pages"] = ", ".join(x.strip(" -") for x in values["pages"].splitlines() if x.strip())
                _replace(record, self.site.errors.report(key, self.config_name, echo=False, **values).render())
                return True
        return True


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


_NAV_LOGGER = "mkdocs.structure.nav"
_MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


def install(site: Site, docs_dir: Path, config_file: Path) -> None:
    """Put the filters on MkDocs' and mkdocs-macros' loggers (replacing those of a previous build of ``serve``)."""
    docs_prefix = site.rel(docs_dir) + "/"
    nav_logger = logging.getLogger(_NAV_LOGGER)
    for old in [f for f in nav_logger.filters if isinstance(f, NavMessages)]:
        nav_logger.removeFilter(old)
    nav_logger.addFilter(NavMessages(site, config_file.name))
    nav_logger.setLevel(logging.WARNING)  # with -q the "mkdocs" logger is at ERROR: its warnings must still reach us
    macros_logger = logging.getLogger(_MACROS_LOGGER)
    for old in [f for f in macros_logger.filters if isinstance(f, MacroMessages)]:
        macros_logger.removeFilter(old)
    macros_logger.addFilter(MacroMessages(site, docs_prefix))
    macros_logger.setLevel(logging.WARNING)
