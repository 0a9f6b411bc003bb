"""The typed configuration of the handbook plugin, declared in mkdocs.yml under ``plugins: handbook:``.

A wrong value stops the build with a French message naming the option (MkDocs adds « Plugin 'handbook' option … »).
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

EDITIONS = ("participant", "formateur")


class Flag(c.BaseConfigOption[bool]):
    """On or off: ``true``/``false``, or ``1``/``0`` as an environment variable gives it (``!ENV``)."""

    def __init__(self, default: bool = False) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if value in (True, False, 0, 1, "0", "1", "true", "false"):
            return value in (True, 1, "1", "true")
        raise base.ValidationError(f"valeur « {value} » invalide : écrivez true ou false (ou 1 ou 0)")


class Choice(c.Choice):
    """One value of a closed list, refused in French."""

    def run_validation(self, value: object):
        if value not in self.choices:
            raise base.ValidationError(f"valeur « {value} » invalide ; valeurs possibles : {', '.join(self.choices)}")
        return value


class HandbookConfig(base.Config):
    """Options of the handbook build.

    - ``edition``: ``participant`` (the public site) or ``formateur`` (everything, trainer notes included);
    - ``exports``: also write the PDF, DOCX and zip exports (slow; ``make build`` sets it through ``MANUEL_EXPORTS``);
    - ``apercu``: a preview, where content errors are shown on the pages instead of stopping the build (always so in
      ``mkdocs serve``);
    - ``cache``: folder (relative to mkdocs.yml) where rendered PDFs are kept by the content they were made from, so
      that a PDF whose HTML did not change is not rendered again (the other edition, the next build); empty: none.

    The session the logistics are computed for (participants, trainers, room) is content: ``data/session.yml``.
    """

    edition = Choice(EDITIONS, default="participant")
    exports = Flag(default=False)
    apercu = Flag(default=False)
    cache = c.Type(str, default=".cache/pdf")
