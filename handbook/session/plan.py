"""What the session documents say about the training: title, objectives, dates, place, half-days and hours.

Everything comes from data/formation.yml (title, objectives), data/sessions.yml and data/deroule.yml (slots), read
through the handbook's own loader, plus the titles of the sequence pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .errors import SessionError
from .participants import fold

from ..model import minutes

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
NBSP = "\u00a0"


# --------------------------------------------------------------------------
# French dates, clock times and durations
# --------------------------------------------------------------------------


def date_fr(day: dt.date, weekday: bool = False, year: bool = True) -> str:
    """« 14 janvier 2026 », « mercredi 14 janvier 2026 », « 1er mars »."""
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number}{NBSP}{MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def dates_fr(days: list[dt.date], article: bool = True) -> str:
    """The days of a session in one phrase: « le 14 janvier 2026 », « les 14 et 15 janvier 2026 »,
    « les 30 janvier et 2 février 2026 », « du 12 au 14 janvier 2026 » (``article`` False: « 14 et 15 janvier
    2026 »)."""
    if len(days) == 1:
        return ("le " if article else "") + date_fr(days[0])
    first, last = days[0], days[-1]
    consecutive = all((b - a).days == 1 for a, b in zip(days, days[1:]))
    if consecutive and len(days) > 2:
        same_year = first.year == last.year
        start = (str(first.day) if first.day > 1 else "1er") if same_year and first.month == last.month \
            else date_fr(first, year=not same_year)
        return f"du {start} au {date_fr(last)}"
    parts = []
    for index, day in enumerate(days):
        following = days[index + 1] if index + 1 < len(days) else None
        if following and (following.month, following.year) == (day.month, day.year):
            parts.append("1er" if day.day == 1 else str(day.day))
        else:
            parts.append(date_fr(day, year=following is None or following.year != day.year))
    return ("les " if article else "") + ", ".join(parts[:-1]) + " et " + parts[-1]


# --------------------------------------------------------------------------
# The plan of a session
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A slot of a half-day: a sequence (its page title) or a break."""

    start: str
    end: str
    title: str
    is_break: bool = False


@dataclass(frozen=True)
class HalfDay:
    day: int
    date: dt.date
    #: « matin », « après-midi », or « journée » for a day without a lunch break.
    part: str
    items: tuple[Item, ...]

    @property
    def start(self) -> str:
        return self.items[0].start

    @property
    def end(self) -> str:
        return self.items[-1].end

    @property
    def minutes(self) -> int:
        """Training time, breaks excluded."""
        return sum(minutes(i.end) - minutes(i.start) for i in self.items if not i.is_break)

    @property
    def slug(self) -> str:
        part = {"matin": "matin", "après-midi": "apres-midi"}.get(self.part, "journee")
        return f"jour-{self.day}-{part}"

    @property
    def label(self) -> str:
        """« Jour 1, matin »."""
        return f"Jour {self.day}, {self.part}"


@dataclass(frozen=True)
class SessionPlan:
    title: str
    objectives: tuple[str, ...]
    evaluation: str
    place: str
    days: tuple[dt.date, ...]
    half_days: tuple[HalfDay, ...]

    @property
    def start(self) -> dt.date:
        return self.days[0]

    @property
    def minutes(self) -> int:
        return sum(h.minutes for h in self.half_days)

    @property
    def dates_text(self) -> str:
        return dates_fr(list(self.days))

    @property
    def key(self) -> str:
        """The session's first day, « AAAA-MM-JJ »: names the output folder."""
        return self.start.isoformat()


def load_training(project_dir: Path):
    """The handbook's Site (data files and pages), through its own loader."""
    from handbook.model import load_site

    return load_site(project_dir, project_dir / "docs")


def choose_session(sessions, wanted: str | None, today: dt.date):
    """The session asked for (its « debut »), else the next one not yet over, else the latest."""
    if wanted:
        for session in sessions:
            if session.debut == wanted:
                return session
        known = ", ".join(s.debut for s in sessions)
        raise SessionError(f"SESSION={wanted} : aucune session ne commence ce jour-là dans data/sessions.yml "
                           f"(sessions connues : {known}). Donnez la date de début d'une session, au format "
                           f"AAAA-MM-JJ, ou ajoutez la session à data/sessions.yml.")
    if not sessions:
        raise SessionError("data/sessions.yml ne contient aucune session : ajoutez-y celle dont vous préparez les "
                           "documents (dates, lieu, format, debut, fin).")
    ordered = sorted(sessions, key=lambda s: s.debut)
    upcoming = [s for s in ordered if dt.date.fromisoformat(s.fin) >= today]
    return upcoming[0] if upcoming else ordered[-1]


def _split(slots, day_number: int, day_date: dt.date, titles: dict[str, str]) -> list[HalfDay]:
    """Half-days of a day: the slots before and after the lunch break (breaks at either end left out)."""
    items = []
    for slot in slots:
        if slot.sequence:
            if slot.sequence not in titles:
                raise SessionError(f"data/deroule.yml : le créneau {slot.debut}–{slot.fin} du jour {day_number} cite "
                                   f"la séquence « {slot.sequence} », dont la page est introuvable. Lancez « make "
                                   f"apercu » pour voir les erreurs du contenu.")
            items.append(Item(slot.debut, slot.fin, titles[slot.sequence]))
        else:
            items.append(Item(slot.debut, slot.fin, slot.pause, is_break=True))
    breaks = [i for i, item in enumerate(items) if item.is_break]
    lunch = [i for i in breaks if any(word in fold(items[i].title) for word in ("dejeuner", "repas"))]
    if not lunch:  # no break named as lunch: the longest break of 45 minutes or more
        long = [i for i in breaks if minutes(items[i].end) - minutes(items[i].start) >= 45]
        lunch = sorted(long, key=lambda i: minutes(items[i].start) - minutes(items[i].end))[:1]
    groups = [(items[: lunch[0]], "matin"), (items[lunch[0] + 1:], "après-midi")] if lunch else [(items, "journée")]
    half_days = []
    for group, part in groups:
        while group and group[0].is_break:
            group = group[1:]
        while group and group[-1].is_break:
            group = group[:-1]
        if group:
            half_days.append(HalfDay(day_number, day_date, part, tuple(group)))
    return half_days


def session_plan(site, session: str | None = None, today: dt.date | None = None) -> SessionPlan:
    """The plan of one session (``session``: its first day, AAAA-MM-JJ; default: the next one, else the latest)."""
    training, run_sheet = site.training, site.run_sheet
    if training is None or run_sheet is None:
        raise SessionError("data/formation.yml ou data/deroule.yml contient des erreurs : lancez « make apercu » "
                           "pour les voir, corrigez-les, puis relancez la commande.")
    chosen = choose_session(site.sessions, session, today or dt.date.today())
    start, end = dt.date.fromisoformat(chosen.debut), dt.date.fromisoformat(chosen.fin)
    count = len(run_sheet.jours)
    days = [start + dt.timedelta(days=i) for i in range(count - 1)] + [end] if count > 1 else [start]
    if any(b <= a for a, b in zip(days, days[1:])) or (count == 1 and end != start):
        gap = f"{count - 1} jour{'s' if count > 2 else ''}"
        raise SessionError(f"data/sessions.yml : la session du {date_fr(start)} (début {chosen.debut}, fin "
                           f"{chosen.fin}) ne peut pas porter les {count} jours de data/deroule.yml. Corrigez "
                           f"« debut » et « fin » : le dernier jour doit tomber au moins {gap} après le premier.")
    titles = {ident: record.title for ident, record in site.sequences.items()}
    half_days = []
    for day, day_date in zip(sorted(run_sheet.jours, key=lambda d: d.numero), days):
        half_days += _split(day.creneaux, day.numero, day_date, titles)
    plan = SessionPlan(training.titre, tuple(o.libelle for o in training.objectifs), training.evaluation,
                       chosen.lieu, tuple(days), tuple(half_days))
    return plan
