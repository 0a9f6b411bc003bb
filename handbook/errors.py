"""Content errors: French messages that name the file and the problem."""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger("mkdocs.plugins.handbook")


@dataclass(frozen=True)
class ContentError:
    """One mistake in the content, as an author must read it."""

    path: str
    message: str
    line: int | None = None
    fix: str | None = None

    def render(self) -> str:
        where = f"« {self.path} »" + (f", ligne {self.line}" if self.line else "")
        text = f"Erreur de contenu dans {where} : {self.message}"
        if self.fix:
            text += f" → {self.fix}"
        return text


class ErrorCollector:
    """Collects the content errors of one build and logs each one once."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, path: str, message: str, *, line: int | None = None, fix: str | None = None) -> ContentError:
        error = ContentError(path, message, line, fix)
        if error not in self.errors:
            self.errors.append(error)
            log.error(error.render())
        return error

    def record(self, path: str, message: str, *, line: int | None = None, fix: str | None = None) -> ContentError:
        """Count an error whose message is already being logged (a rewritten MkDocs warning)."""
        error = ContentError(path, message, line, fix)
        if error not in self.errors:
            self.errors.append(error)
        return error

    def __len__(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        count = len(self.errors)
        noun = "erreur de contenu" if count == 1 else "erreurs de contenu"
        return (
            f"La construction du manuel a échoué : {count} {noun}, détaillée{'s' if count > 1 else ''} "
            "ci-dessus. Corrigez les fichiers indiqués puis relancez la construction."
        )
