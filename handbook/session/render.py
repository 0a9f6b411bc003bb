"""PDF rendering (WeasyPrint, local files only) and all-or-nothing writing of the session documents."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..downloads import BLANK_ATTESTATION, SHEETS_COMBINED  # names shared with the downloads page
from ..local_fetch import render_document
from . import documents as docs
from .participants import Person, slug, sort_key
from .plan import SessionPlan

ATTESTATIONS_COMBINED = "attestations.pdf"
ATTESTATIONS_DIR = "attestations"


def sheet_name(half) -> str:
    return f"emargement-{half.slug}.pdf"


def _render(html: str):
    return render_document(html, docs.CSS.parent.as_uri() + "/", "documents de session")


def _write(document, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_tags=True)
    return target


def _combined(rendered: list, title: str, target: Path) -> Path:
    combined = rendered[0].copy([page for document in rendered for page in document.pages])
    combined.metadata.title = title
    return _write(combined, target)


def render_documents(plan: SessionPlan, people: list[Person] | None, folder: Path) -> list[Path]:
    """Write every PDF of a session into ``folder``: with a list, the four sheets, each attestation and the two
    combined files; without (``people`` None), the blank sheets and one blank attestation."""
    written = []
    sheets = []
    ordered = sorted(people, key=sort_key) if people is not None else None
    for half in plan.half_days:
        rendered = _render(docs.page(docs.sheet_title(plan, half), docs.sheet_footer(plan, half),
                                   [docs.attendance_sheet(plan, half, ordered)]))
        written.append(_write(rendered, folder / sheet_name(half)))
        sheets.append(rendered)
    if ordered is None:
        written.append(_combined(sheets, f"Feuilles d’émargement à remplir · {plan.title}", folder / SHEETS_COMBINED))
        blank = _render(docs.page(docs.attestation_title(plan, None), docs.attestation_footer(plan, None),
                                  [docs.attestation(plan, None)]))
        written.append(_write(blank, folder / BLANK_ATTESTATION))
        return written
    written.append(_combined(sheets, f"Feuilles d’émargement · {plan.title}", folder / SHEETS_COMBINED))
    attestations = []
    for number, person in enumerate(ordered, start=1):
        rendered = _render(docs.page(docs.attestation_title(plan, person), docs.attestation_footer(plan, person),
                                     [docs.attestation(plan, person)]))
        written.append(_write(rendered, folder / ATTESTATIONS_DIR / f"attestation-{number:02d}-{slug(person)}.pdf"))
        attestations.append(rendered)
    written.append(_combined(attestations, f"Attestations de fin de formation · {plan.title}",
                             folder / ATTESTATIONS_COMBINED))
    return written


def publish(build: Callable[[Path], list[Path]], target: Path) -> list[Path]:
    """Run ``build`` in a temporary folder next to ``target``, then put it in place of ``target`` in one move:
    on any error nothing is left behind (and an older ``target`` stays as it was)."""
    parent = target.parent
    created = [p for p in [parent, *parent.parents] if not p.exists()]
    parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=".en-cours-", dir=parent))
    try:
        files = build(temporary)
        previous = None
        if target.exists():
            previous = parent / f".ancien-{target.name}-{os.getpid()}"
            target.rename(previous)
        temporary.rename(target)
        if previous is not None:
            shutil.rmtree(previous)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        for folder in created:  # deepest first: only the empty folders this call created
            try:
                folder.rmdir()
            except OSError:
                break
        raise
    return [target / path.relative_to(temporary) for path in files]


def publish_files(build: Callable[[Path], list[Path]], out_dir: Path) -> list[Path]:
    """Like ``publish``, but the files join ``out_dir`` (which may hold other files) once all are rendered."""
    out_dir.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=".en-cours-", dir=out_dir))
    try:
        files = build(temporary)
        placed = []
        for path in files:
            destination = out_dir / path.relative_to(temporary)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
            placed.append(destination)
        return placed
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
