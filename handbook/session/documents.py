"""HTML of the session documents: one attendance sheet per half-day, one attestation per person.

Each function returns the HTML of one ``<section class="document">``; ``page`` wraps sections into a full
document (title, French language, stylesheet) ready for WeasyPrint.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .participants import Person
from ..formats import clock_fr, duration_fr
from ..formats import hours_fr
from .plan import HalfDay, SessionPlan, date_fr, dates_fr

CSS = Path(__file__).with_name("documents.css")
SHEET_KIND = "Feuille d'émargement"
ATTESTATION_KIND = "Attestation de fin de formation"
#: Empty rows of a blank attendance sheet (one A4 page with the header and the trainer's box).
BLANK_ROWS = 13
DOTS = '<span class="a-remplir">\u00a0</span>'
SHORT_DOTS = '<span class="a-remplir court">\u00a0</span>'


def text(value: str) -> str:
    """Escaped text with the typographic apostrophe."""
    return escape(value.replace("'", "\u2019"), quote=False)


def _css_string(value: str) -> str:
    return '"' + value.replace("'", "\u2019").replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def page(title: str, footer: str, sections: list[str]) -> str:
    """A complete HTML document (its title becomes the PDF's title, ``footer`` is printed at the foot of each page)."""
    return ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            f'<title>{text(title)}</title><meta name="author" content="Manuel de formation">'
            f'<style>{CSS.read_text(encoding="utf-8")}'
            f"@page {{ @bottom-left {{ content: {_css_string(footer)}; }} }}</style></head>"
            f'<body>{"".join(sections)}</body></html>')


def _field(label: str, value: str) -> str:
    return f'<tr><th scope="row">{text(label)}</th><td>{value}</td></tr>'


def _header(kind: str, marker: str) -> str:
    return (f'<div class="bandeau"><span class="genre">{text(kind)}</span>'
            f'<span class="repere">{text(marker)}</span></div>')


# --------------------------------------------------------------------------
# Attendance sheets
# --------------------------------------------------------------------------


def sheet_title(plan: SessionPlan, half: HalfDay) -> str:
    return f"{SHEET_KIND} · {half.label} · {plan.title}"


def attendance_sheet(plan: SessionPlan, half: HalfDay, people: list[Person] | None) -> str:
    """The sheet of one half-day; ``people`` None gives empty rows to fill by hand."""
    programme = "".join(
        f'<li class="{"pause" if item.is_break else "sequence"}"><span class="heures">{clock_fr(item.start)} – '
        f'{clock_fr(item.end)}</span><span>{text(item.title)}</span></li>'
        for item in half.items
    )
    if people is None:
        rows = "".join(f'<tr><td class="num">{n}</td><td class="nom"></td><td class="prenom"></td>'
                       f'<td class="structure"></td><td class="signature"></td></tr>'
                       for n in range(1, BLANK_ROWS + 1))
    else:
        rows = "".join(f'<tr><td class="num">{n}</td><td class="nom">{text(p.nom)}</td>'
                       f'<td class="prenom">{text(p.prenom)}</td><td class="structure">{text(p.structure)}</td>'
                       f'<td class="signature"></td></tr>'
                       for n, p in enumerate(people, start=1))
    count = "" if people is None else (f" sur {len(people)} personne inscrite" if len(people) == 1
                                       else f" sur {len(people)} personnes inscrites")
    return (
        '<section class="document emargement-page">'
        + _header(SHEET_KIND, f"{half.label} · {date_fr(half.date)}")
        + f"<h1>{text(plan.title)}</h1>"
        + '<table class="champs">'
        + _field("Date", text(f"{date_fr(half.date, weekday=True)}, {half.part}"))
        + _field("Horaires", f"{clock_fr(half.start)} – {clock_fr(half.end)} "
                             f"({duration_fr(half.minutes)} de formation, pauses non comptées)")
        + _field("Lieu", text(plan.place))
        + _field("Organisme de formation", DOTS)
        + "</table>"
        + f'<h2>Programme de la demi-journée</h2><ul class="programme">{programme}</ul>'
        + '<h2>Signatures des participantes et participants</h2>'
        + '<table class="emargement"><thead><tr><th class="num" scope="col">N°</th>'
          '<th class="nom" scope="col">Nom</th><th class="prenom" scope="col">Prénom</th>'
          '<th class="structure" scope="col">Structure</th><th class="signature" scope="col">Signature</th>'
          f"</tr></thead><tbody>{rows}</tbody></table>"
        + '<div class="cadres">'
          '<div class="cadre"><p class="titre">Formatrice ou formateur</p>'
          f"<p>Nom et prénom : {DOTS}</p><p>Signature :</p></div>"
          '<div class="cadre"><p class="titre">Présences de la demi-journée</p>'
          f"<p>Personnes présentes : {SHORT_DOTS}{text(count)}</p>"
          f"<p>Arrivées tardives ou départs anticipés (nom, heure) :</p></div>"
          "</div>"
        + "</section>"
    )


# --------------------------------------------------------------------------
# Attestations
# --------------------------------------------------------------------------


def sheet_footer(plan: SessionPlan, half: HalfDay) -> str:
    return f"{SHEET_KIND} · {half.label} · {plan.title}"


def attestation_footer(plan: SessionPlan, person: Person | None) -> str:
    return f"{ATTESTATION_KIND} · {person.full_name if person else plan.title}"


def attestation_title(plan: SessionPlan, person: Person | None) -> str:
    return f"{ATTESTATION_KIND} · {person.full_name if person else 'modèle à remplir'} · {plan.title}"


def attestation(plan: SessionPlan, person: Person | None) -> str:
    """The end-of-training attestation of one person; ``person`` None gives a form to fill by hand."""
    if person is None:
        identity = ('<table class="champs">' + _field("Nom et prénom", DOTS) + _field("Structure", DOTS)
                    + "</table>")
        declaration = ('<p class="declaration">L\u2019organisme de formation atteste que la personne désignée '
                       'ci-dessus a suivi la formation :</p>')
    else:
        structure = f" ({text(person.structure)})" if person.structure else ""
        declaration = (f'<p class="declaration">L\u2019organisme de formation atteste que <span class="personne">'
                       f"{text(person.full_name)}</span>{structure} a suivi la formation :</p>")
        identity = ""
    day_count = len(plan.days)
    objectives = "".join(f"<li>{text(o)}</li>" for o in plan.objectives)
    return (
        '<section class="document attestation">'
        + _header(ATTESTATION_KIND, f"{plan.place}, {dates_fr(list(plan.days), article=False)}")
        + f"<h1>{text(ATTESTATION_KIND)}</h1>"
        + '<table class="champs">' + _field("Organisme de formation", DOTS) + "</table>"
        + identity + declaration
        + f'<p class="formation">{text(plan.title)}</p>'
        + '<table class="champs">'
        + _field("Dates", text(dates_fr(list(plan.days), article=False)))
        + _field("Durée de la formation",
                 text(f"{hours_fr(plan.minutes)}, en {day_count} journée{'s' if day_count > 1 else ''}"))
        + _field("Heures suivies", f"{SHORT_DOTS} sur {text(hours_fr(plan.minutes))}")
        + _field("Lieu", text(plan.place))
        + "</table>"
        + f"<h2>Objectifs de la formation</h2><ol>{objectives}</ol>"
        + "<h2>Résultat de l\u2019évaluation des acquis</h2>"
        + '<div class="resultat">'
          f'<p class="consigne">{text(plan.evaluation)} Résultat, écrit par la formatrice ou le formateur :</p>'
          + '<div class="ligne"></div>' * 3
          + "</div>"
        + f'<p class="fait-a">Fait à {DOTS}, le {DOTS}</p>'
        + '<div class="cadres">'
          '<div class="cadre"><p class="titre">La formatrice ou le formateur</p>'
          f"<p>Nom et prénom : {DOTS}</p><p>Signature :</p></div>"
          '<div class="cadre"><p class="titre">Pour l\u2019organisme de formation</p>'
          f"<p>Nom et fonction : {DOTS}</p><p>Signature et cachet :</p></div>"
          "</div>"
        + "</section>"
    )
