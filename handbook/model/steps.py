"""Structured timed steps: the one schema of a step of a training sequence or of a meeting plan.

A step is a numbered Markdown list item, ``N. **M min** · Modalité · consigne``, followed by an indented sub-list
of fields, one « champ : valeur » per line::

    4. **30 min** · Atelier · Par quatre, vous dressez la carte des acteurs.
        - configuration : groupes de 4
        - outil : carte-des-acteurs
        - documents : supports/carte-des-cinq-cercles par groupe ; cas/ecosysteme-sortie-d-hospitalisation par personne
        - matériel : feuille-a3 par groupe ; feutres par groupe
        - production : une carte par groupe
        - repère : passez dans chaque groupe à mi-temps

``parse_steps`` reads them with the line of each one; problems of form are returned (the references to tools,
documents and material are checked across the site in ``checks``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .base import CONFIGURATIONS, PER_UNITS
from .sections import STEP, STEPS, section_body

#: The fields of a step, in the order an author writes them, with the attribute that holds each one.
STEP_FIELDS: dict[str, str] = {
    "configuration": "configuration",
    "outil": "tool",
    "version courte": "short_version",
    "documents": "documents",
    "matériel": "material",
    "production": "production",
    "repère": "cue",
}
#: Fields only the trainer (or the meeting's facilitator) reads.
TRAINER_FIELDS: tuple[str, ...] = ("repère", "version courte")
#: The syntax of one reference to a document or to material, for messages.
USE_SYNTAX = "identifiant par personne ; autre-identifiant pour la salle"

#: A field line under a step (also once French spaces are applied: the colon may follow a no-break space).
FIELD_LINE = re.compile(r"^(?P<indent>(?:\s{2,}|\t))-\s+(?P<key>[^:\n]+?)\s*:\s*(?P<value>.*)$")
_USE = re.compile(r"^(?P<target>[a-z0-9/-]+)\s+(?P<per>" + "|".join(map(re.escape, PER_UNITS)) + r")$")


@dataclass(frozen=True)
class Use:
    """A document or a piece of material used during a step, and what one unit is given to."""

    target: str
    per: str

    def units(self, configuration: str | None, participants: int) -> int:
        """How many units the step needs for ``participants`` people working in ``configuration``."""
        if self.per == "pour la salle":
            return 1
        if self.per == "par personne":
            return participants
        return group_count(configuration, participants)


def group_count(configuration: str | None, participants: int) -> int:
    """Number of groups ``participants`` people form in ``configuration`` (people left over join a group)."""
    size = CONFIGURATIONS.get(configuration or "", 0)
    if size <= 1:
        return participants if size == 1 else 1
    return max(1, math.floor(participants / size))


@dataclass
class Step:
    """One timed step, as written in a page."""

    number: int
    line: int
    minutes: int
    method: str | None
    text: str
    configuration: str | None = None
    tool: str | None = None
    short_version: str | None = None
    documents: list[Use] = field(default_factory=list)
    material: list[Use] = field(default_factory=list)
    production: str | None = None
    cue: str | None = None
    #: Line of each field written under the step, by field name (« outil », « documents »…).
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        """Line of a field of the step, or of the step itself."""
        return self.field_lines.get(name, self.line)

    def groups(self, participants: int) -> int:
        return group_count(self.configuration, participants)


@dataclass(frozen=True)
class StepProblem:
    """A mistake of form in a step: a catalogue key, its line and the values of its message."""

    key: str
    line: int
    values: dict


def parse_steps(markdown: str, first_line: int = 1) -> tuple[list[Step], list[StepProblem]]:
    """The steps of the « Déroulé minuté » section of a page body and the problems of form found in them.

    ``first_line`` is the line number of the body's first line in its file, so that lines point into the file.
    """
    body, start = section_body(markdown, STEPS)
    steps: list[Step] = []
    problems: list[StepProblem] = []
    seen: set[str] = set()
    for offset, text in enumerate(body.splitlines(), start=start + 1):
        line = first_line + offset - 1
        match = STEP.match(text.strip()) if not text[:1].isspace() else None
        if match:
            rest = match.group("rest")
            method, _, prose = rest.partition(" · ")
            steps.append(Step(len(steps) + 1, line, int(match.group("minutes")),
                              method.strip() if prose else None, (prose or rest).strip()))
            seen = set()
            continue
        sub = FIELD_LINE.match(text)
        if not sub or not steps:
            if steps and text.strip() and text[:1].isspace():  # an indented line under a step that is no field
                problems.append(StepProblem("ligne-etape-mal-ecrite", line,
                                            {"text": text.strip()[:50], "fields": ", ".join(STEP_FIELDS)}))
            continue
        key, value = sub.group("key").strip().lower(), sub.group("value").strip()
        if key not in STEP_FIELDS:
            problems.append(StepProblem("champ-etape-inconnu", line, {"name": key, "fields": ", ".join(STEP_FIELDS)}))
            continue
        if key in seen:
            problems.append(StepProblem("champ-etape-double", line, {"name": key}))
            continue
        seen.add(key)
        if not value:
            problems.append(StepProblem("champ-etape-vide", line, {"name": key}))
            continue
        step = steps[-1]
        step.field_lines[key] = line
        if key == "configuration":
            if value not in CONFIGURATIONS:
                problems.append(StepProblem("configuration-inconnue", line,
                                            {"value": value, "choices": ", ".join(CONFIGURATIONS)}))
                continue
        if key in ("documents", "matériel"):
            uses = []
            for part, use in read_uses(value):
                if use:
                    uses.append(use)
                else:
                    problems.append(StepProblem("usage-mal-ecrit", line,
                                                {"name": key, "text": part, "syntax": USE_SYNTAX,
                                                 "units": ", ".join(f"« {p} »" for p in PER_UNITS)}))
            value = uses
        setattr(step, STEP_FIELDS[key], value)
    return steps, problems


def read_uses(value: str) -> list[tuple[str, Use | None]]:
    """Each « identifiant par personne » of a « documents » or « matériel » field, with its Use (None if malformed)."""
    found = []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        match = _USE.match(part)
        found.append((part, Use(match.group("target"), match.group("per")) if match else None))
    return found


def timed_steps(markdown: str) -> list[Step]:
    """The steps of a page body, without their problems (for rendering; the build reports problems once)."""
    return parse_steps(markdown)[0]
