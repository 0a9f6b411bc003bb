"""The data of the meeting planner, written by the build from the content model (one source: the tool sheets, the
meeting plans and the material list), as JSON inside the planner page so that it also works from ``file://``."""

from __future__ import annotations

import json
import re

from ..model import PURPOSES, MeetingPlan
from ..model.base import CONFIGURATIONS, FORMATS, MEETING_METHODS
from ..model.sections import section_body
from ..typography import apostrophes, plain_text
from .context import MacroContext
from .search import fold

#: The section of a tool sheet that holds its invitation question.
INVITATION = "Question d'invitation"


def planner_data(ctx: MacroContext) -> dict:
    """Everything the planner needs, with links relative to the current page."""
    site = ctx.site
    tools = []
    for slug, record in sorted(site.tools.items(), key=lambda item: fold(item[1].title)):
        meta = record.meta
        if meta is None:
            continue
        question, _ = section_body(record.body, INVITATION)
        # The question itself: the first paragraph of the section (the other wordings follow it).
        question = next((block for block in re.split(r"\n\s*\n", question) if block.strip()), "")
        tools.append({
            "id": slug, "titre": record.title, "description": meta.description, "url": ctx.url_of(record.src_uri),
            "duree": {"min": meta.duree.min, "max": meta.duree.max},
            "groupe": {"min": meta.groupe.min, "max": meta.groupe.max},
            "formats": list(meta.formats), "finalites": list(meta.finalites), "niveau": meta.niveau,
            "materiel": list(meta.materiel), "question": plain_text(question),
        })
    plans = []
    for record in sorted(site.of_kind(MeetingPlan), key=lambda r: (r.meta.duree if r.meta else 0, r.src_uri)):
        if record.meta is None:
            continue
        plans.append({
            "id": record.src_uri.rsplit("/", 1)[-1][:-3], "titre": record.title, "url": ctx.url_of(record.src_uri),
            "description": record.meta.description, "duree": record.meta.duree, "format": record.meta.format,
            "etapes": [{
                "minutes": step.minutes, "modalite": step.method or "", "texte": plain_text(step.text),
                "configuration": step.configuration or "", "outil": step.tool or "",
                "materiel": [{"id": use.target, "par": use.per} for use in step.material],
                "production": plain_text(step.production or ""),
            } for step in site.steps_of(record)],
        })
    return {
        "outils": tools,
        "trames": plans,
        "materiel": {m.id: {"nom": m.nom, "libelle": m.libelle} for m in site.materials.values()},
        "configurations": list(CONFIGURATIONS),
        "modalites": list(MEETING_METHODS.values()),
        "formats": FORMATS,
        "finalites": PURPOSES,
    }


def planificateur_donnees(ctx: MacroContext) -> str:
    """The planner's data as a JSON script element (read by planificateur.js)."""
    # Typographic apostrophes in every text (a straight one is never JSON syntax, so the whole text may be typeset)
    text = apostrophes(json.dumps(planner_data(ctx), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"))
    return f'<script type="application/json" id="manuel-planificateur-donnees">{text}</script>'

