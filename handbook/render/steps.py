"""Timed steps as readers see them: the fields under each step turned into labelled, linked lines (trainer-only
fields kept for the trainer edition), and the « used in » lines that the steps give tools and handed-out documents."""

from __future__ import annotations

import functools
import re

from ..model import STEP_FIELDS, TRAINER_FIELDS, Site, Step, Tool, timed_steps
from ..model.steps import FIELD_LINE, read_uses
from ..model.pages import STRUCTURED_STEPS, WORKSHEET_BODY, CaseStudy, MeetingPlan, Template, Worksheet
from ..model.sections import CASE_USES, STEPS, TEMPLATE_BODY
from ..formats import duration_fr
from .html import after_heading, relative_link

#: How each field is labelled for readers.
FIELD_LABELS = {"configuration": "Configuration", "outil": "Outil", "version courte": "Version courte (pour vous)",
                "documents": "Documents remis", "matériel": "Matériel", "production": "Production attendue",
                "repère": "Repère pour vous"}
#: Fields a participant does not need (logistics and trainer cues).
HIDDEN_FROM_PARTICIPANTS = (*TRAINER_FIELDS, "matériel")


def render_steps(site: Site, record, markdown: str, edition: str) -> str:
    """The « Déroulé minuté » of a sequence or meeting plan with its step fields rendered for ``edition``."""
    if record.kind not in STRUCTURED_STEPS:
        return markdown
    link = functools.partial(relative_link, record.src_uri)
    lines = markdown.split("\n")
    inside = False
    out = []
    # The « outil » lines in order, one per step that runs a tool: whether each runs its sheet's « version formation ».
    sheet_versions = iter([site.training_version(step) is not None for step in site.steps_of(record) if step.tool])
    for line in lines:
        if line.startswith("## "):
            inside = line[3:].strip() == STEPS
        match = FIELD_LINE.match(line) if inside else None
        if not match or match.group("key").strip().lower() not in STEP_FIELDS:
            out.append(line)
            continue
        key, value = match.group("key").strip().lower(), match.group("value").strip()
        if edition == "participant" and key in HIDDEN_FROM_PARTICIPANTS:
            continue
        if key == "outil" and value in site.tools:
            version = ", dans la version formation de sa fiche" if next(sheet_versions, False) else ""
            value = f"[{site.tools[value].title}]({link(site.tools[value].src_uri)}){version}"
        elif key in ("documents", "matériel"):
            value = _uses(site, value, key, edition, link)
            if not value:
                continue
        out.append(f"{match.group('indent')}- *{FIELD_LABELS[key]}*\u00a0: {value}")
    return "\n".join(out)


def add_total(site: Site, record, markdown: str) -> str:
    """« Total : 1 h 30. » at the end of the « Déroulé minuté » section, computed from the steps (never written by
    hand, so that it cannot go stale)."""
    if record.kind not in (*STRUCTURED_STEPS, Tool):
        return markdown
    steps = site.steps_of(record) if record.kind in STRUCTURED_STEPS else timed_steps(record.body)
    heading = re.search(r"^##\s+" + re.escape(STEPS) + r"\s*$", markdown, re.M)
    if not steps or not heading:
        return markdown
    following = re.search(r"^##\s", markdown[heading.end():], re.M)
    end = heading.end() + following.start() if following else len(markdown)
    total = f"**Total**\u00a0: {duration_fr(sum(step.minutes for step in steps))}.\n\n"
    return markdown[:end].rstrip("\n") + "\n\n" + total + markdown[end:]


def _uses(site: Site, value: str, key: str, edition: str, link) -> str:
    """The documents (linked) or the material (named) of a step field, each with what one unit is given to."""
    parts = []
    for part, use in read_uses(value):
        if use is None:  # reported by the checks
            parts.append(part)
        elif key == "documents":
            page = site.handout(use.target)
            if page is None or (edition == "participant" and getattr(page.meta, "formateur", False)):
                continue
            parts.append(f"[{page.title}]({link(page.src_uri)}) ({use.per})")
        else:
            material = site.materials.get(use.target)
            name = material.libelle[:1].lower() + material.libelle[1:] if material else use.target
            parts.append(f"{name} ({use.per})")
    return "\u00a0; ".join(parts)


def step_place(step: Step) -> str:
    """« étape 3 (30 min) », « étape 2 (10 min, version courte) »."""
    short = ", version courte" if step.short_version else ""
    return f"étape {step.number} ({duration_fr(step.minutes)}{short})"


def used_in_steps(site: Site, record, markdown: str, edition: str) -> str:
    """Under its heading, where the training's steps hand out a case, a template or a worksheet."""
    if record.kind not in (CaseStudy, Template, Worksheet):
        return markdown
    link = functools.partial(relative_link, record.src_uri)
    uses = site.step_uses(record.src_uri[:-3])
    training = [(page, step) for page, step in uses if page.kind not in (MeetingPlan,)]
    meetings = [(page, step) for page, step in uses if page.kind is MeetingPlan]
    lines = []
    for page, step in training:
        per = next(u.per for u in step.documents if u.target == record.src_uri[:-3])
        lines.append(f"- Jour {page.meta.jour} · [{page.title}]({link(page.src_uri)}), {step_place(step)}, "
                     f"un exemplaire {per}"
                     if page.meta else "")
    for page, step in meetings:
        lines.append(f"- Trame de rencontre · [{page.title}]({link(page.src_uri)}), {step_place(step)}")
    lines = [line for line in lines if line]
    if record.kind is CaseStudy:
        if not lines:  # the author says in the section how the case serves outside the two days
            return markdown
        block = "Ce cas est remis aux étapes suivantes\u00a0:\n\n" + "\n".join(lines) + "\n"
        return after_heading(markdown, CASE_USES, block)
    if not lines:
        return markdown
    block = ("!!! info \"Où sert ce document\"\n\n" + "\n".join("    " + line for line in lines) + "\n")
    heading = TEMPLATE_BODY if record.kind is Template else WORKSHEET_BODY
    match = re.search(r"^##\s+" + re.escape(heading) + r"\s*$", markdown, re.M)
    return markdown[:match.start()] + block + "\n" + markdown[match.start():] if match else markdown
