"""Checks across the loaded content: timed steps, the run sheet of the days, and the use of case studies."""

from __future__ import annotations

import re

from .base import METHODS
from .pages import CaseStudy, Sequence, Tool
from .sections import STEP, STEP_SYNTAX, STEP_SYNTAX_WITH_METHOD, STEPS, section_body, timed_steps
from .site import DATA_FILES, Site


def check_site(site: Site) -> None:
    """Every check that needs the whole content, in order."""
    check_run_sheet(site)
    check_steps(site)
    check_cases(site)


def check_steps(site: Site) -> None:
    """Timed steps (well written, adding up to the slot of a sequence or inside the announced duration of a tool) and
    the schedule header of each sequence."""
    labels = list(METHODS.values())
    for record in site.pages.values():
        if record.meta is None or record.kind not in (Sequence, Tool):
            continue
        path = site.doc_path(record.src_uri)
        body, start = section_body(record.body, STEPS)
        line = record.body_line + start - 1 if start else None
        for offset, text in enumerate(body.splitlines(), start=start + 1):
            if re.match(r"^\d+\.\s", text.strip()) and not STEP.match(text.strip()):
                site.errors.report("etape-mal-ecrite", path, line=record.body_line + offset - 1,
                                   text=text.strip()[:50],
                                   syntax=STEP_SYNTAX_WITH_METHOD if record.kind is Sequence else STEP_SYNTAX)
        if record.kind is Sequence and "entete_sequence()" not in record.body:
            site.errors.report("entete-sequence-absent", path)
        steps = timed_steps(record.body)
        if not steps:
            if start:
                site.errors.report("deroule-sans-etape", path, line=line,
                                   syntax=STEP_SYNTAX_WITH_METHOD if record.kind is Sequence else STEP_SYNTAX)
            continue
        total = sum(step["minutes"] for step in steps)
        if record.kind is Sequence:
            for step in steps:
                if step["method"] not in labels:
                    site.errors.report("etape-sans-modalite", path, line=line, text=step["text"][:40],
                                       methods=", ".join(labels))
            placed = site.slot_of(record.meta.id)
            if placed and total != placed[1].duration:
                site.errors.report("somme-sequence", path, line=line, total=total, start=placed[1].debut,
                                   end=placed[1].fin, duration=placed[1].duration)
        else:
            if not record.meta.duree.min <= total <= record.meta.duree.max:
                site.errors.report("somme-fiche", path, line=line, total=total, low=record.meta.duree.min,
                                   high=record.meta.duree.max)


def check_run_sheet(site: Site) -> None:
    """Sequences of the run-sheet exist, sit on their day, and cover every line and objective."""
    if site.run_sheet is None or site.training is None:
        return
    path = site.rel(site.project_dir / "data" / DATA_FILES["run_sheet"])
    programme_days = [day.numero for day in site.training.jours]
    run_sheet_days = [day.numero for day in site.run_sheet.jours]
    if programme_days != run_sheet_days:
        site.errors.report("deroule-jours", path, run_sheet=", ".join(map(str, run_sheet_days)),
                           programme=", ".join(map(str, programme_days)))
    sequences = site.sequences
    placed: dict[str, int] = {}
    for day in site.run_sheet.jours:
        for slot in day.creneaux:
            if not slot.sequence:
                continue
            if slot.sequence in placed:
                site.errors.report("sequence-deux-fois", path, ident=slot.sequence)
            placed[slot.sequence] = day.numero
            record = sequences.get(slot.sequence)
            if record is None:
                site.errors.report("sequence-inexistante", path, start=slot.debut, end=slot.fin, day=day.numero,
                                   ident=slot.sequence)
            elif record.meta and record.meta.jour != day.numero:
                site.errors.report("sequence-mauvais-jour", path, ident=slot.sequence, day=day.numero,
                                   page_day=record.meta.jour)
    for ident, record in sequences.items():
        if ident not in placed:
            site.errors.report("sequence-sans-creneau", site.doc_path(record.src_uri), ident=ident, run_sheet=path)
    day_of_line = {line.id: day.numero for day in site.training.jours for b in day.blocs for line in b.lignes}
    for record in site.of_kind(Sequence):
        for line_id in record.meta.lignes if record.meta else []:
            if day_of_line.get(line_id) not in (None, record.meta.jour):
                site.errors.report("ligne-mauvais-jour", site.doc_path(record.src_uri), line_id=line_id,
                                   line_day=day_of_line[line_id], day=record.meta.jour)
    for line in site.training.lines():
        if not site.sequences_for("lignes", line.id):
            site.errors.report("ligne-non-traitee", path, line_id=line.id, label=line.libelle)
    for objective in site.training.objectifs:
        if not site.sequences_for("objectifs", objective.id):
            site.errors.report("objectif-non-servi", path, objective=objective.id, label=objective.libelle)


def check_cases(site: Site) -> None:
    """Every case study is used by at least one sequence (a sequence links to it)."""
    for record in site.of_kind(CaseStudy):
        if not site.linking_pages(record.src_uri, Sequence):
            site.errors.report("cas-inutilise", site.doc_path(record.src_uri))
