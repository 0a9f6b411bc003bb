"""Checks across the loaded content: timed steps, the run sheet of the days, and what the steps use."""

from __future__ import annotations

import posixpath
import re

from .base import MEETING_METHODS, METHODS
from .criteria import check_criteria
from .pages import HANDOUT_FOLDERS, STRUCTURED_STEPS, MeetingPlan, Sequence, Tool
from .sections import CASE_USES, STEP, STEP_SYNTAX, STEP_SYNTAX_WITH_METHOD, STEPS, section_body
from .site import DATA_FILES, Site
from .slides import check_slides
from .steps import parse_steps
from .suggest import closest


def check_site(site: Site) -> None:
    """Every check that needs the whole content, in order."""
    check_run_sheet(site)
    check_steps(site)
    check_step_fields(site)
    check_claimed_uses(site)
    check_slides(site)
    check_criteria(site)


def check_steps(site: Site) -> None:
    """Timed steps (well written, adding up to the slot of a sequence or inside the announced duration of a tool) and
    the schedule header of each sequence."""
    labels = list(METHODS.values())
    for record in site.pages.values():
        if record.kind not in (Sequence, Tool):
            continue
        path = site.doc_path(record.src_uri)
        body, start = section_body(record.body, STEPS)
        line = record.body_line + start - 1 if start else None
        malformed = False
        for offset, text in enumerate(body.splitlines(), start=start + 1):
            if re.match(r"^\**Total\**\s*:", text.strip()):
                site.errors.report("total-a-la-main", path, line=record.body_line + offset - 1)
            if re.match(r"^\d+\.\s", text.strip()) and not STEP.match(text.strip()):
                malformed = True
                site.errors.report("etape-mal-ecrite", path, line=record.body_line + offset - 1,
                                   text=text.strip()[:50],
                                   syntax=STEP_SYNTAX_WITH_METHOD if record.kind is Sequence else STEP_SYNTAX)
        if record.meta is None:  # the steps' syntax is checked above; the rest needs a valid front matter
            continue
        if record.kind is Sequence and "entete_sequence()" not in record.body:
            site.errors.report("entete-sequence-absent", path)
        steps = (site.steps_of(record) if record.kind in STRUCTURED_STEPS
                 else parse_steps(record.body, record.body_line)[0])
        if not steps:
            if start:
                site.errors.report("deroule-sans-etape", path, line=line,
                                   syntax=STEP_SYNTAX_WITH_METHOD if record.kind is Sequence else STEP_SYNTAX)
            continue
        if malformed:  # the sum would be wrong because of the step that could not be read: say that only
            continue
        total = sum(step.minutes for step in steps)
        if record.kind in STRUCTURED_STEPS:
            allowed = labels if record.kind is Sequence else list(MEETING_METHODS.values())
            for step in steps:
                if step.method not in allowed:
                    site.errors.report("etape-sans-modalite", path, line=step.line, text=step.text[:40],
                                       methods=", ".join(allowed))
        if record.kind is MeetingPlan:
            if total != record.meta.duree:
                site.errors.report("somme-rencontre", path, line=line, total=total, duration=record.meta.duree)
        elif record.kind is Sequence:
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


def check_step_fields(site: Site) -> None:
    """The fields of every structured step: well written, every reference known, tools run within their duration."""
    for record in site.pages.values():
        if record.meta is None or record.kind not in STRUCTURED_STEPS:
            continue
        path = site.doc_path(record.src_uri)
        steps, problems = site.parsed_steps(record)
        for problem in problems:
            site.errors.report(problem.key, path, line=problem.line, **problem.values)
        for step in steps:
            where = {"number": step.number}
            if step.configuration is None:
                site.errors.report("configuration-absente", path, line=step.line, **where)
            if step.tool is not None:
                tool = site.tools.get(step.tool)
                if tool is None:
                    site.errors.report("etape-outil-inconnu", path, line=step.line_of("outil"), ident=step.tool,
                                       hint=closest(step.tool, site.tools), **where)
                elif (tool.meta and step.minutes < tool.meta.duree.min and not step.short_version
                      and site.training_version(step) is None):
                    version = tool.meta.version_formation
                    if version is None:
                        site.errors.report("outil-trop-court", path, line=step.line, ident=step.tool,
                                           minutes=step.minutes, low=tool.meta.duree.min, **where)
                    else:
                        site.errors.report("outil-sous-version-formation", path, line=step.line, ident=step.tool,
                                           minutes=step.minutes, low=version.minutes, **where)
            for use in step.documents:
                if site.handout(use.target) is None:
                    known = [uri[:-3] for uri, r in site.pages.items() if r.kind in HANDOUT_FOLDERS.values()]
                    site.errors.report("etape-document-inconnu", path, line=step.line_of("documents"), ident=use.target,
                                       folders=", ".join(f"{f}/" for f in HANDOUT_FOLDERS),
                                       hint=closest(use.target, known), **where)
            for use in step.material:
                if use.target not in site.materials:
                    site.errors.report("etape-materiel-inconnu", path, line=step.line_of("matériel"), ident=use.target,
                                       hint=closest(use.target, site.materials), **where)


def check_claimed_uses(site: Site) -> None:
    """A case study that names, in « Séquences où le cas est utilisé », a sequence that does not hand it out."""
    sequences = {record.src_uri: record for record in site.of_kind(Sequence)}
    for record in site.pages.values():
        if record.kind is not HANDOUT_FOLDERS["cas"]:
            continue
        body, start = section_body(record.body, CASE_USES)
        used = {page.src_uri for page, _ in site.step_uses(record.src_uri[:-3])}
        by_id = {str(r.raw.get("id")): uri for uri, r in sequences.items()}
        for offset, text in enumerate(body.splitlines(), start=start + 1):
            targets = [posixpath.normpath(posixpath.join(posixpath.dirname(record.src_uri), link))
                       for link in re.findall(r"\]\(([^)\s#]+\.md)", text)]
            targets += [by_id[i] for i in re.findall(r"sequence\(\s*[\"']([^\"']+)", text) if i in by_id]
            for target in targets:
                if target in sequences and target not in used:
                    site.errors.report("usage-non-fonde", site.doc_path(record.src_uri),
                                       line=record.body_line + offset - 1, title=sequences[target].title,
                                       target=record.src_uri[:-3])
