"""Content errors of one build: each names the file (and the line when known), the problem and the fix."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .messages import render

log = logging.getLogger("mkdocs.plugins.handbook")


@dataclass(frozen=True)
class ContentError:
    """One mistake in the content, as an author must read it."""

    path: str
    message: str
    line: int | None = None
    fix: str | None = None
    key: str = ""

    def render(self) -> str:
        where = f"« {self.path} »" + (f", ligne {self.line}" if self.line else "")
        text = f"Erreur de contenu dans {where} : {self.message}"
        if self.fix:
            text += f" → {self.fix}"
        return text


class ErrorCollector:
    """Collects the content errors of one build and logs each one once, at ERROR level (shown even with -q)."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def report(self, key: str, path: str, *, line: int | None = None, echo: bool = True, **values) -> ContentError:
        """Record the catalogue message ``key`` (see ``messages.CATALOGUE``) about ``path``; log it unless ``echo`` is
        false (a message of MkDocs rewritten in place is already on its way to the log)."""
        message, fix = render(key, values)
        error = ContentError(path, message, line, fix, key)
        if error not in self.errors:
            self.errors.append(error)
            if echo:
                log.error(error.render())
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
