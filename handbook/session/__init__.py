"""Session documents from a participant list: attendance sheets per half-day and end-of-training attestations.

``make documents-session LISTE=participants.csv`` runs ``python -m handbook.session`` (see ``cli``);
``blank_documents`` gives the blank versions for the trainer downloads.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import SessionError
from .participants import Person, parse_participants, read_participants
from .plan import SessionPlan, load_training, session_plan
from .render import publish, publish_files, render_documents

__all__ = ["SessionError", "Person", "SessionPlan", "blank_documents", "load_training", "parse_participants",
           "read_participants", "session_plan", "session_folder", "write_documents"]


def session_folder(plan: SessionPlan, blank: bool) -> str:
    """Name of the folder of one session's documents inside the output folder."""
    return f"session-{plan.key}" + ("-vierge" if blank else "")


def write_documents(plan: SessionPlan, people: list[Person] | None, out_dir: Path) -> list[Path]:
    """All the documents of a session in ``out_dir/session-AAAA-MM-JJ/`` (``-vierge`` without a list), which is
    replaced as a whole once every PDF is rendered."""
    target = out_dir / session_folder(plan, people is None)
    return publish(lambda folder: render_documents(plan, people, folder), target)


def blank_documents(site, out_dir: Path, session: str | None = None, today: dt.date | None = None) -> list[Path]:
    """Blank attendance sheets (one per half-day) and a blank attestation, written into ``out_dir`` (other files
    there are left alone). ``site``: the handbook's loaded Site; ``session``: a session's first day (AAAA-MM-JJ),
    by default the next one, else the latest. Raises SessionError (French message) on inconsistent data."""
    plan = session_plan(site, session, today)
    return publish_files(lambda folder: render_documents(plan, None, folder), Path(out_dir))
