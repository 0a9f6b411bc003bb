"""Logistics derived from what the days run: the material and the copies to print for each day, computed from the
structured steps of the sequences and the session settings (``data/session.yml``), never from what pages mention.

Rules, stated on the trainer's pages too:
- material: a consumable is added up over the day's steps; anything else is reused, so the day needs the largest
  quantity one step asks for;
- documents: a person keeps the copy she is given, so a day needs the largest number of copies one step hands out;
  documents given « par personne » get the session's spare copies (``marge``), and every document one copy per
  trainer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .data import Material, Slot
from .site import PageRecord, Site
from .steps import Step, Use


@dataclass
class StepUse:
    """One step of a sequence that uses a document or a piece of material."""

    sequence: PageRecord
    slot: Slot
    step: Step
    use: Use
    units: int


@dataclass
class MaterialNeed:
    material: Material
    quantity: int = 0
    uses: list[StepUse] = field(default_factory=list)


@dataclass
class PrintJob:
    """A document to print for one day, in the order the day hands it out."""

    page: PageRecord
    copies: int = 0
    uses: list[StepUse] = field(default_factory=list)

    @property
    def paper(self) -> str:
        return str(getattr(self.page.meta, "format", "A4"))

    @property
    def two_sided(self) -> bool:
        """Templates and cases run over several pages; a worksheet says whether it is two-sided."""
        return bool(getattr(self.page.meta, "recto_verso", True))


def participants_of(site: Site, participants: int | None = None) -> int:
    return participants if participants is not None else (site.session.participants if site.session else 16)


def _day_steps(site: Site, day: int):
    """(sequence, slot, step) of every step of one day, in the order they run."""
    for number, slot, record in site.run_order():
        if number == day:
            for step in site.steps_of(record):
                yield record, slot, step


def material_for_day(site: Site, day: int, participants: int | None = None) -> list[MaterialNeed]:
    """The material of one day with its quantity, in the order the day first needs it."""
    people = participants_of(site, participants)
    needs: dict[str, MaterialNeed] = {}
    for record, slot, step in _day_steps(site, day):
        for use in step.material:
            material = site.materials.get(use.target)
            if material is None:  # reported by the checks
                continue
            need = needs.setdefault(use.target, MaterialNeed(material))
            units = use.units(step.configuration, people) * material.quantite
            need.uses.append(StepUse(record, slot, step, use, units))
            need.quantity = need.quantity + units if material.consommable else max(need.quantity, units)
    return list(needs.values())


def prints_for_day(site: Site, day: int, participants: int | None = None) -> list[PrintJob]:
    """The documents one day hands out with their number of copies, in print order (the order of handing out)."""
    people = participants_of(site, participants)
    spare = site.session.marge if site.session else 0
    trainers = site.session.formateurs if site.session else 1
    jobs: dict[str, PrintJob] = {}
    for record, slot, step in _day_steps(site, day):
        for use in step.documents:
            page = site.handout(use.target)
            if page is None:  # reported by the checks
                continue
            job = jobs.setdefault(use.target, PrintJob(page))
            units = use.units(step.configuration, people) + (spare if use.per == "par personne" else 0)
            job.uses.append(StepUse(record, slot, step, use, units))
            job.copies = max(job.copies, units + trainers)
    return list(jobs.values())


def handed_out(site: Site) -> set[str]:
    """Every document (``dossier/slug``) that a step of a sequence hands out."""
    return {use.target for _, _, record in site.run_order() for step in site.steps_of(record) for use in step.documents}
