"""WeasyPrint as the handbook runs it: what it may load while it renders a PDF (local files and ``data:`` only, never
the network; a resource that cannot be loaded stops the rendering: a PDF with a hole in it is worse than no PDF), and
one fix to its speed on long tagged documents (see ``memoise_page_references``)."""

from __future__ import annotations


class LocalResourceError(RuntimeError):
    """A PDF asked for a resource that is missing, or not local."""


def local_fetcher():
    """WeasyPrint's URL fetcher restricted to ``file:`` and ``data:``, failing on the first error."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


def memoise_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` compute its tuple once per page count instead of once per call.

    WeasyPrint's PDF/UA tagging reads ``pdf.page_references[n]`` for every tagged element, and pydyf (0.13) builds the
    tuple of all the page references anew on each read: the time grows with elements × pages (4 s of the 12 s that
    writing the 347-page booklet took). The memoised tuple is the same tuple, so the PDF is byte for byte the same
    (``tests/test_editions_et_exports.py`` checks it); it is rebuilt as soon as a page is added."""
    import pydyf

    if getattr(pydyf.PDF, "_manuel_memoised", False):
        return
    pydyf.PDF._manuel_original_page_references = pydyf.PDF.page_references
    compute = pydyf.PDF.page_references.fget

    def page_references(pdf):
        count = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get("_manuel_page_references")
        if kept is None or kept[0] != count:
            kept = pdf.__dict__["_manuel_page_references"] = (count, compute(pdf))
        return kept[1]

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._manuel_memoised = True


def render_document(html: str, base_url: str, target: str):
    """WeasyPrint's layout of ``html`` (a ``weasyprint.Document``); ``target`` names the PDF in the error message."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    memoise_page_references()

    try:
        return HTML(string=html, base_url=base_url, url_fetcher=local_fetcher()).render()
    except FatalURLFetchingError as error:
        cause = error.__cause__ or error
        raise LocalResourceError(
            f"{target} : une ressource du document est introuvable ou n'est pas un fichier local ({cause}). "
            "Vérifiez le chemin de l'image ou de la feuille de style : le rendu des PDF n'utilise jamais le réseau."
        ) from None
