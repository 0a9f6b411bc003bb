"""Evaluation criteria (data/criteres.yml): for each objective of the training, the observable criteria that show it
is reached, each tied to the timed steps (« j1-ecosysteme#4 ») and case studies (« cas/slug ») where it is observed.

``check_criteria`` checks them against the whole content: known objectives, 2 to 4 criteria each, every reference
pointing at a step or a case that exists. ``criteria_of_day`` gives a day's criteria for the trainer's grid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from .base import Strict, Text, doc

if TYPE_CHECKING:
    from .site import PageRecord, Site
    from .steps import Step

#: File name in data/.
CRITERIA_FILE = "criteres.yml"
#: How many criteria each objective has.
CRITERIA_RANGE = (2, 4)
#: A reference to a timed step (sequence id « # » step number) or to a case study.
STEP_REF = re.compile(r"^(?P<sequence>j[1-9][0-9]*-[a-z0-9]+(?:-[a-z0-9]+)*)#(?P<number>[1-9][0-9]*)$")
CASE_REF = re.compile(r"^cas/[a-z0-9]+(?:-[a-z0-9]+)*$")
REF_SYNTAX = "j1-ecosysteme#4 (identifiant de séquence, dièse, numéro d'étape) ou cas/nom-du-cas"


class Criterion(Strict):
    """One observable criterion: what the trainer sees or reads when the objective is reached."""

    id: Annotated[str, Field(pattern=r"^O[0-9]+-[a-z]$"), doc("Identifiant court : l'objectif, un tiret, une lettre (ex. `O1-a`).")]
    libelle: Annotated[Text, doc("Ce qu'on observe, avec un verbe d'action au présent (ex. « Nomme les acteurs absents de la carte »).")]
    observe: Annotated[list[Text], Field(min_length=1), doc("Où on l'observe : étapes (`j1-ecosysteme#4`, identifiant de séquence, dièse, numéro de l'étape) et études de cas (`cas/nom-du-cas`).")]


class ObjectiveCriteria(Strict):
    """The criteria of one objective of data/formation.yml."""

    objectif: Annotated[str, doc("Identifiant de l'objectif dans `data/formation.yml` (`O1` à `O5`).")]
    criteres: Annotated[list[Criterion], doc("Deux à quatre critères observables.")]


@dataclass(frozen=True)
class Observation:
    """Where a criterion is observed: a step of a sequence, or a case study (``step`` None)."""

    record: PageRecord
    step: Step | None


def observations(site: Site, criterion: Criterion) -> list[Observation]:
    """The steps and cases a criterion names that exist (unknown references are reported by ``check_criteria``)."""
    found = []
    for ref in criterion.observe:
        match = STEP_REF.match(ref)
        if match:
            record = site.sequences.get(match.group("sequence"))
            steps = site.steps_of(record) if record is not None else []
            number = int(match.group("number"))
            if number <= len(steps):
                found.append(Observation(record, steps[number - 1]))
        elif CASE_REF.match(ref) and (record := site.handout(ref)) is not None:
            found.append(Observation(record, None))
    return found


def criteria_of_day(site: Site, day: int) -> list[tuple[str, Criterion, list[Observation]]]:
    """(objective id, criterion, its steps on that day) for every criterion observed in a step of day ``day``, in the
    order of the run sheet (then of data/criteres.yml)."""
    order = {record.src_uri: rank for rank, (_, _, record) in enumerate(site.run_order())}
    rows = []
    for block in site.criteria:
        for criterion in block.criteres:
            steps = [o for o in observations(site, criterion)
                     if o.step is not None and o.record.meta is not None and o.record.meta.jour == day]
            if steps:
                rows.append((block.objectif, criterion, steps))
    return sorted(rows, key=lambda row: min((order.get(o.record.src_uri, 99), o.step.number) for o in row[2]))


def check_criteria(site: Site) -> None:
    """Known objectives, 2 to 4 criteria each, and every reference pointing at a step or a case that exists."""
    if site.training is None:
        return
    file = site.project_dir / "data" / CRITERIA_FILE
    path = site.rel(file)
    lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    labels = site.objective_labels()
    counts = {ident: 0 for ident in labels}
    seen: set[str] = set()
    cursor = 1
    for block in site.criteria:
        if block.objectif not in labels:
            site.errors.report("critere-objectif-inconnu", path,
                               line=_line(lines, rf"objectif:\s*{re.escape(block.objectif)}\b"),
                               objective=block.objectif, choices=", ".join(labels))
            continue
        counts[block.objectif] += len(block.criteres)
        for criterion in block.criteres:
            start = _line(lines, rf"\bid:\s*{re.escape(criterion.id)}\b", cursor) or cursor
            cursor = start + 1  # a duplicate id is found further down
            if criterion.id in seen:
                site.errors.report("critere-en-double", path, line=start, ident=criterion.id)
            seen.add(criterion.id)
            if not criterion.id.startswith(f"{block.objectif}-"):
                site.errors.report("critere-id", path, line=start, ident=criterion.id, objective=block.objectif)
            for ref in criterion.observe:
                line = _line(lines, re.escape(ref), start)
                _check_reference(site, path, block.objectif, criterion.id, ref, line)
    low, high = CRITERIA_RANGE
    for ident, count in counts.items():
        if not low <= count <= high:
            site.errors.report("criteres-nombre", path, objective=ident, label=labels[ident], count=count,
                               low=low, high=high)


def _line(lines: list[str], pattern: str, start: int = 1) -> int | None:
    """First line (1-based, from ``start``) that matches ``pattern``, for error messages."""
    for number in range(start, len(lines) + 1):
        if re.search(pattern, lines[number - 1]):
            return number
    return None


def _check_reference(site: Site, path: str, objective: str, ident: str, ref: str, line: int | None) -> None:
    match = STEP_REF.match(ref)
    if match:
        record = site.sequences.get(match.group("sequence"))
        if record is None:
            site.errors.report("critere-sequence-inconnue", path, line=line, ident=ident, ref=ref,
                               sequence=match.group("sequence"), choices=", ".join(site.sequences))
            return
        count = len(site.steps_of(record))
        if int(match.group("number")) > count:
            site.errors.report("critere-etape-inconnue", path, line=line, ident=ident, ref=ref, count=count,
                               sequence=match.group("sequence"))
        elif record.meta is not None and objective not in record.meta.objectifs:
            site.errors.report("critere-objectif-non-servi", path, line=line, ident=ident, ref=ref,
                               objective=objective, sequence=match.group("sequence"),
                               served=", ".join(record.meta.objectifs))
    elif CASE_REF.match(ref):
        if site.handout(ref) is None:
            known = sorted(uri[:-3] for uri in site.pages if uri.startswith("cas/") and uri != "cas/index.md")
            site.errors.report("critere-cas-inconnu", path, line=line, ident=ident, ref=ref, choices=", ".join(known))
    else:
        site.errors.report("critere-reference-mal-ecrite", path, line=line, ident=ident, ref=ref, syntax=REF_SYNTAX)
