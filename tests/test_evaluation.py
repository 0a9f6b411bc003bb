"""Evaluation all along (issue #19): the real criteria (their checks are in test_erreurs_de_contenu), the observation grids of
the days, the sessions and the version of the content, the plain-text questionnaires."""

from __future__ import annotations

import datetime as dt
import os
from types import SimpleNamespace

import pytest

from conftest import ROOT

# --------------------------------------------------------------------------
# The real criteria
# --------------------------------------------------------------------------


def test_every_objective_has_observable_criteria_tied_to_steps(content_site):
    from handbook.model.criteria import observations

    assert not content_site.errors.errors, [e.render() for e in content_site.errors.errors]
    blocks = {block.objectif: block.criteres for block in content_site.criteria}
    assert sorted(blocks) == [o.id for o in content_site.training.objectifs]
    for objective, criteria in blocks.items():
        assert 2 <= len(criteria) <= 4, objective
        for criterion in criteria:
            found = observations(content_site, criterion)
            assert len(found) == len(criterion.observe), criterion.id
            assert any(o.step is not None for o in found), f"{criterion.id} n'est observé dans aucune étape"


def _ctx(site, current="formateur/observation-jour-1.md"):
    from handbook.render.context import MacroContext

    env = SimpleNamespace(page=SimpleNamespace(file=SimpleNamespace(src_uri=current)))
    return MacroContext(env=env, site=site, edition="formateur")


def test_observation_grids_hold_every_criterion_of_their_day(content_site):
    from handbook.render.evaluation import grille_observation

    grids = {day: grille_observation(_ctx(content_site), day) for day in (1, 2)}
    for block in content_site.criteria:
        for criterion in block.criteres:
            days = {int(ref[1]) for ref in criterion.observe if ref.startswith("j")}
            for day in (1, 2):
                assert (f"**{criterion.id}**" in grids[day]) == (day in days), (criterion.id, day)
    # four columns, the last two left empty to write in
    rows = [line for line in grids[1].splitlines() if line.startswith("| **")]
    assert rows and all(line.endswith("| | |") for line in rows)
    assert "9\u00a0h\u00a027 · Ouvrir la formation, étape 4" in grids[1]


def test_observation_grids_exported_as_pdf_and_docx(trainer_site_dir):
    """The trainer edition's downloads hold each day's grid, A4 landscape PDF and editable DOCX."""
    from docx import Document
    from pypdf import PdfReader

    from handbook.downloads import day_file

    site_dir = trainer_site_dir
    for day, ids in ((1, ["O5-a", "O3-a"]), (2, ["O4-a", "O2-b"])):
        reader = PdfReader(site_dir / day_file("observation", day))
        text = " ".join(page.extract_text() for page in reader.pages)
        assert f"Grille d’observation du jour {day}" in text and all(i in text for i in ids)
        width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
        assert width > height, "la grille s'imprime en A4 paysage"
        document = Document(site_dir / day_file("observation", day, "docx"))
        table = document.tables[0]
        assert table.rows[0].cells[2].text == "Ce que j’observe (qui, quoi)"
        assert all(any(i in row.cells[0].text for row in table.rows) for i in ids)
        assert all(row.cells[2].text == "" for row in table.rows[1:])


# --------------------------------------------------------------------------
# Sessions and the version of the content
# --------------------------------------------------------------------------


def _session(debut: str, fin: str, lieu: str = "Lyon"):
    from handbook.model.data import Session

    return Session(dates=f"du {debut} au {fin}", lieu=lieu, format="présentiel", debut=debut, fin=fin)


def test_programme_shows_the_next_session_or_says_none(content_site):
    from handbook.render.evaluation import prochaine_session, sessions_passees

    today = dt.date.today()
    past = _session(str(today - dt.timedelta(days=40)), str(today - dt.timedelta(days=39)), "Paris")
    soon = _session(str(today + dt.timedelta(days=30)), str(today + dt.timedelta(days=31)), "Lyon")
    later = _session(str(today + dt.timedelta(days=90)), str(today + dt.timedelta(days=91)), "Lille")
    site = SimpleNamespace(sessions=[later, past, soon])
    ctx = SimpleNamespace(site=site)
    assert prochaine_session(ctx) == f"Prochaine session\u00a0: {soon.dates}, Lyon (présentiel)."
    assert sessions_passees(ctx) == f"{past.dates}, Paris (présentiel)"
    site.sessions = [past]
    assert prochaine_session(ctx) == "Aucune session n'est programmée pour l'instant."


def test_content_date_from_git_else_newest_file(tmp_path):
    import subprocess

    from handbook.model.version import content_date

    expected = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs", "data"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
    assert content_date(ROOT).isoformat() == expected
    # outside a git checkout: the newest file of docs/ and data/
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    old, new = tmp_path / "docs" / "a.md", tmp_path / "data" / "b.yml"
    old.write_text("a")
    new.write_text("b")
    stamp = dt.datetime(2026, 3, 4, 12).timestamp()
    os.utime(old, (stamp - 86400 * 30, stamp - 86400 * 30))
    os.utime(new, (stamp, stamp))
    assert content_date(tmp_path) == dt.date(2026, 3, 4)


def test_session_documents_read_the_sessions_file(content_site):
    from handbook.session.plan import session_plan

    plan = session_plan(content_site, "2026-01-14")
    assert plan.place == "Paris" and plan.days == (dt.date(2026, 1, 14), dt.date(2026, 1, 15))


# --------------------------------------------------------------------------
# Plain-text questionnaires
# --------------------------------------------------------------------------


@pytest.mark.parametrize("target, questions", [
    ("supports/questionnaire-de-satisfaction", 13),
    ("supports/questionnaire-a-trois-mois", 6),
])
def test_questionnaires_have_a_plain_text_version(content_site, target, questions):
    from handbook.render.evaluation import version_texte

    text = version_texte(_ctx(content_site, f"{target}.md"), target)
    assert text.startswith("```text\n") and text.endswith("\n```")
    body = text[len("```text\n"):-4]
    assert "|" not in body and "**" not in body and "{{" not in body
    assert "Échelle d'accord\u00a0: 1 pas du tout ; 2 plutôt non ; 3 plutôt oui ; 4 tout à fait." in body
    numbered = [line for line in body.splitlines() if line[:1].isdigit() and ". " in line[:4]]
    assert len(numbered) == questions
    if target.endswith("trois-mois"):
        assert "Outil de la boîte à outils\u00a0: réponse libre" in body
        assert "Modèle ou trame de rencontre\u00a0: réponse libre" in body
