"""French formats of dates, clock times, durations, file sizes and terms in running text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def date_fr(iso: str) -> str:
    """« 2026-01-14 » → « 14 janvier 2026 »."""
    value = date.fromisoformat(iso)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def clock_fr(clock: str) -> str:
    """« 09:45 » → « 9 h 45 », « 10:00 » → « 10 h »."""
    hours, mins = clock.split(":")
    return f"{int(hours)}\u00a0h" + (f"\u00a0{mins}" if mins != "00" else "")


def duration_fr(total: int) -> str:
    """90 → « 1 h 30 », 45 → « 45 min », 60 → « 1 h »."""
    hours, mins = divmod(total, 60)
    if not hours:
        return f"{mins}\u00a0min"
    return f"{hours}\u00a0h" + (f"\u00a0{mins:02d}" if mins else "")


def hours_fr(minutes: int) -> str:
    """A total in hours: « 14 heures », « 13 heures 30 », « 1 heure »."""
    hours, rest = divmod(minutes, 60)
    text = f"{hours}\u00a0heure{'s' if hours > 1 else ''}"
    return text + (f" {rest:02d}" if rest else "")


def days_fr(count: int) -> str:
    """« 1 jour », « 2 jours »."""
    return f"{count}\u00a0jour{'s' if count > 1 else ''}"


def mid_sentence(term: str) -> str:
    """« Communauté de pratique » → « communauté de pratique »; « World Café » and « CoP » stay as they are."""
    words = term.split()
    first = words[0]
    if first[:1].isupper() and first[1:] == first[1:].lower() and all(w == w.lower() for w in words[1:]):
        return first[0].lower() + term[1:]
    return term


def size_fr(path: Path) -> str:
    """Size of a file: « 12 Ko », « 1,4 Mo »."""
    size = path.stat().st_size
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}\u00a0Mo".replace(".", ",")
    return f"{max(1, round(size / 1024))}\u00a0Ko"
