"""What WeasyPrint may load while it renders a PDF: local files and ``data:`` only, never the network; a resource
that cannot be loaded stops the rendering (a PDF with a hole in it is worse than no PDF)."""

from __future__ import annotations


class LocalResourceError(RuntimeError):
    """A PDF asked for a resource that is missing, or not local."""


def local_fetcher():
    """WeasyPrint's URL fetcher restricted to ``file:`` and ``data:``, failing on the first error."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


def render_document(html: str, base_url: str, target: str):
    """WeasyPrint's layout of ``html`` (a ``weasyprint.Document``); ``target`` names the PDF in the error message."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    try:
        return HTML(string=html, base_url=base_url, url_fetcher=local_fetcher()).render()
    except FatalURLFetchingError as error:
        cause = error.__cause__ or error
        raise LocalResourceError(
            f"{target} : une ressource du document est introuvable ou n'est pas un fichier local ({cause}). "
            "Vérifiez le chemin de l'image ou de la feuille de style : le rendu des PDF n'utilise jamais le réseau."
        ) from None
