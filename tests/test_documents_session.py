"""Session documents from a participant list: attendance sheets per half-day, attestations, blank versions,
and the refusal of bad lists (French message naming the line, nothing written)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from handbook import session
from handbook.session import cli, documents as docs, render
from handbook.session.participants import Person, fold, parse_participants, read_participants, slug
from handbook.model import minutes as to_minutes
from handbook.formats import clock_fr, duration_fr
from handbook.session.plan import choose_session, date_fr, dates_fr

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "session"
LIST_12 = FIXTURES / "participants-fictifs.csv"
A4 = (595, 842)


def pdf_text(path: Path) -> str:
    """Text of a PDF, on one line, with straight apostrophes and ordinary spaces."""
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").split())


def plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def site():
    return session.load_training(ROOT)


@pytest.fixture(scope="module")
def plan(site):
    return session.session_plan(site, "2026-01-14")


@pytest.fixture(scope="module")
def people():
    return read_participants(LIST_12)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """The documents of the 12-person fixture, written once by the command line."""
    out = tmp_path_factory.mktemp("documents") / "sortie"
    assert cli.main(["--liste", str(LIST_12), "--session", "2026-01-14", "--sortie", str(out),
                     "--projet", str(ROOT)]) == 0
    return out / "session-2026-01-14"


# --------------------------------------------------------------------------
# The plan of the session, from formation.yml and deroule.yml
# --------------------------------------------------------------------------


def test_half_days_come_from_the_run_sheet(site, plan):
    assert [h.slug for h in plan.half_days] == ["jour-1-matin", "jour-1-apres-midi", "jour-2-matin",
                                                 "jour-2-apres-midi"]
    assert [h.date for h in plan.half_days] == [dt.date(2026, 1, 14)] * 2 + [dt.date(2026, 1, 15)] * 2
    for day in site.run_sheet.jours:
        lunch = next(s for s in day.creneaux if s.pause and "jeuner" in s.pause)
        morning, afternoon = [h for h in plan.half_days if h.day == day.numero]
        assert (morning.start, morning.end) == (day.creneaux[0].debut, lunch.debut)
        assert (afternoon.start, afternoon.end) == (lunch.fin, day.creneaux[-1].fin)
        sequences = [site.sequences[s.sequence].title for s in day.creneaux if s.sequence]
        assert [i.title for h in (morning, afternoon) for i in h.items if not i.is_break] == sequences
    assert plan.minutes == site.run_sheet.training_minutes == sum(
        to_minutes(s.fin) - to_minutes(s.debut) for d in site.run_sheet.jours for s in d.creneaux if s.sequence)


def test_french_dates_and_durations():
    assert date_fr(dt.date(2026, 1, 14), weekday=True) == "mercredi 14\u00a0janvier 2026"
    assert date_fr(dt.date(2026, 3, 1)) == "1er\u00a0mars 2026"
    assert plain(dates_fr([dt.date(2026, 1, 14), dt.date(2026, 1, 15)])) == "les 14 et 15 janvier 2026"
    assert plain(dates_fr([dt.date(2026, 1, 30), dt.date(2026, 2, 2)])) == "les 30 janvier et 2 février 2026"
    assert plain(dates_fr([dt.date(2025, 12, 31), dt.date(2026, 1, 1)])) == "les 31 décembre 2025 et 1er janvier 2026"
    assert plain(dates_fr([dt.date(2026, 3, 1), dt.date(2026, 3, 2), dt.date(2026, 3, 3)])) == "du 1er au 3 mars 2026"
    assert plain(duration_fr(195)) == "3 h 15" and plain(duration_fr(420)) == "7 h" and plain(duration_fr(45)) == "45 min"


def test_default_session_is_the_next_one_else_the_latest():
    sessions = [SimpleNamespace(debut="2026-01-14", fin="2026-01-15"),
                SimpleNamespace(debut="2026-06-10", fin="2026-06-11")]
    assert choose_session(sessions, None, dt.date(2025, 12, 1)).debut == "2026-01-14"
    assert choose_session(sessions, None, dt.date(2026, 1, 15)).debut == "2026-01-14"  # under way
    assert choose_session(sessions, None, dt.date(2026, 3, 1)).debut == "2026-06-10"
    assert choose_session(sessions, None, dt.date(2027, 1, 1)).debut == "2026-06-10"
    assert choose_session(sessions, "2026-01-14", dt.date(2027, 1, 1)).debut == "2026-01-14"
    with pytest.raises(session.SessionError, match="SESSION=2026-02-01 .*sessions connues : 2026-01-14, 2026-06-10"):
        choose_session(sessions, "2026-02-01", dt.date(2026, 1, 1))


# --------------------------------------------------------------------------
# Reading the list
# --------------------------------------------------------------------------


def test_spreadsheet_exports_are_read_alike(people):
    """Semicolons, BOM, CRLF, accented headers and an extra column, or commas with a quoted value: same people."""
    assert len(people) == 12
    same = read_participants(FIXTURES / "participants-fictifs-virgule.csv")
    assert [(p.prenom, p.nom, p.structure) for p in same] == [(p.prenom, p.nom, p.structure) for p in people]
    damien = next(p for p in people if p.prenom == "Damien")
    assert damien.structure == "Union territoriale fictive des Trois-Rivières, antenne nord"
    assert damien.line == 5


BAD_LISTS = [
    ("colonne-manquante.csv", "ligne 1 : colonne « structure » absente"),
    ("nom-vide.csv", "ligne 3 : le nom est vide"),
    ("doublon.csv", "ligne 4 : anaïs LAPLUIE figure déjà à la ligne 2"),
    ("latin1.csv", "ligne 2 : le fichier n'est pas encodé en UTF-8"),
    ("une-colonne.csv", "ligne 1 : une seule colonne lue"),
    ("separateurs-melanges.csv", "ligne 2 : une seule valeur lue"),
    ("separateur-dans-valeur.csv", "ligne 3 : 4 valeurs pour 3 colonnes"),
    ("vide.csv", "le fichier est vide"),
    ("titres-seuls.csv", "aucune personne n'est inscrite"),
]


@pytest.mark.parametrize("name, message", BAD_LISTS, ids=[n for n, _ in BAD_LISTS])
def test_bad_list_is_refused_and_nothing_is_written(tmp_path, capsys, name, message):
    out = tmp_path / "sortie"
    code = cli.main(["--liste", str(FIXTURES / name), "--sortie", str(out), "--projet", str(ROOT)])
    captured = capsys.readouterr()
    assert code == 2
    assert message in captured.err and name in captured.err
    assert "aucun fichier écrit" in captured.err and captured.out == ""
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_each_bad_list_says_how_to_fix_it():
    fixes = {"latin1.csv": "enregistrez le fichier en utf-8", "doublon.csv": "supprimez le doublon",
             "nom-vide.csv": "complétez la ligne", "une-colonne.csv": "séparez les colonnes par une virgule",
             "colonne-manquante.csv": "la première ligne doit contenir"}
    for name, fix in fixes.items():
        with pytest.raises(session.SessionError) as error:
            read_participants(FIXTURES / name)
        assert fix in str(error.value).lower(), name


def test_every_problem_of_a_list_is_reported_at_once():
    data = "prenom;nom;structure\n;Lapluie;A\nAnaïs;;B\nLéna;Crachin;C\nléna;crachin;D\n".encode()
    with pytest.raises(session.SessionError) as error:
        parse_participants(data, "liste.csv")
    assert [p.split(" : ")[0] for p in error.value.problems] == ["liste.csv, ligne 2", "liste.csv, ligne 3",
                                                                 "liste.csv, ligne 5"]


def test_the_list_may_not_sit_in_docs_and_the_documents_not_in_the_site(tmp_path, capsys):
    inside = ROOT / "docs" / "participants.csv"
    assert cli.main(["--liste", str(inside), "--sortie", str(tmp_path / "sortie"), "--projet", str(ROOT)]) == 2
    assert "la liste est dans docs/" in capsys.readouterr().err
    for target in ("site", "site-formateur/documents", "docs/documents"):
        assert cli.main(["--sortie", str(ROOT / target), "--projet", str(ROOT)]) == 2
        assert "publié avec le site" in capsys.readouterr().err
    assert not (ROOT / "site-formateur" / "documents").exists() and not (ROOT / "docs" / "documents").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_rendering_leaves_nothing_and_keeps_older_documents(tmp_path, plan, people, monkeypatch):
    def failing(plan, people, folder):
        (folder / "emargement-jour-1-matin.pdf").write_bytes(b"%PDF-")
        raise session.SessionError("échec simulé")

    monkeypatch.setattr(render, "render_documents", failing)
    monkeypatch.setattr(session, "render_documents", failing)
    out = tmp_path / "nouveau" / "sortie"
    with pytest.raises(session.SessionError):
        session.write_documents(plan, people, out)
    assert not (tmp_path / "nouveau").exists()
    older = tmp_path / "session-2026-01-14" / "emargements.pdf"
    older.parent.mkdir()
    older.write_bytes(b"ancien")
    with pytest.raises(session.SessionError):
        session.write_documents(plan, people, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session-2026-01-14"]
    assert older.read_bytes() == b"ancien"


# --------------------------------------------------------------------------
# The documents
# --------------------------------------------------------------------------


def test_names_are_printed_as_text(plan):
    person = Person("Zoé", "<b>O'Brien</b>", "A & B", 2)
    html = docs.attendance_sheet(plan, plan.half_days[0], [person]) + docs.attestation(plan, person)
    assert "<b>" not in html and "&lt;b&gt;O\u2019Brien&lt;/b&gt;" in html and "A &amp; B" in html
    footer = docs.page("titre", 'Zoé "O\\Brien" </style>', [])
    assert "</style>" not in footer.split("<style>", 1)[1].split("</style>", 1)[1]


def check_pdf(path: Path, title_start: str) -> PdfReader:
    """A4, tagged, in French, with a title."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr", path.name
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], path.name
    assert plain(reader.metadata.title).startswith(title_start), path.name
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
    return reader


def test_four_attendance_sheets_with_every_name(written, plan, people):
    sheets = sorted(written.glob("emargement-*.pdf"))
    assert [p.name for p in sheets] == sorted(f"emargement-{h.slug}.pdf" for h in plan.half_days)
    for half in plan.half_days:
        path = written / f"emargement-{half.slug}.pdf"
        check_pdf(path, f"Feuille d'émargement · {plain(half.label)}")
        text = pdf_text(path)
        assert len(PdfReader(path).pages) == 1, "douze personnes tiennent sur une page"
        for person in people:
            assert f"{person.nom} {person.prenom}" in text, (path.name, person.full_name)
        assert plain(date_fr(half.date, weekday=True)) in text and "Paris" in text
        assert f"{plain(clock_fr(half.start))} – {plain(clock_fr(half.end))}" in text
        for item in half.items:
            assert plain(item.title) in text
        others = [i.title for h in plan.half_days if h is not half for i in h.items if not i.is_break]
        assert not any(plain(title) in text for title in others), "seules les séquences de la demi-journée"
        assert "Signature" in text and "Formatrice ou formateur" in text
    combined = check_pdf(written / render.SHEETS_COMBINED, "Feuilles d'émargement")
    assert len(combined.pages) == 4


def test_one_attestation_per_person_and_one_combined(written, plan, people, site):
    files = sorted((written / "attestations").glob("*.pdf"))
    assert len(files) == 12
    for person in people:
        matches = [f for f in files if f.stem.endswith("-" + slug(person))]
        assert len(matches) == 1, person.full_name
        check_pdf(matches[0], f"Attestation de fin de formation · {person.full_name}")
        text = pdf_text(matches[0])
        assert person.full_name in text and plain(site.training.titre) in text
        for objective in site.training.objectifs:
            assert plain(objective.libelle) in text
        assert "14 et 15 janvier 2026" in text and "14 heures" in text and "Paris" in text
        assert "Résultat de l'évaluation des acquis" in text and "Signature" in text
        others = [p.full_name for p in people if p is not person]
        assert not any(name in text for name in others)
    combined = check_pdf(written / render.ATTESTATIONS_COMBINED, "Attestations de fin de formation")
    assert len(combined.pages) == 12
    texts = [plain(page.extract_text()) for page in combined.pages]
    assert [[p.full_name for p in people if p.full_name in text] for text in texts] == [
        [p.full_name] for p in sorted(people, key=lambda p: (fold(p.nom), fold(p.prenom)))]


def test_blank_documents_for_the_trainer_downloads(tmp_path, site, plan, people):
    kept = tmp_path / "autre-fichier.pdf"
    kept.write_bytes(b"garde")
    files = session.blank_documents(site, tmp_path, session="2026-01-14")
    assert sorted(p.name for p in files) == sorted([f"emargement-{h.slug}.pdf" for h in plan.half_days]
                                                   + [render.BLANK_ATTESTATION, render.SHEETS_COMBINED])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([p.name for p in files] + [kept.name])
    combined = tmp_path / render.SHEETS_COMBINED
    assert len(PdfReader(combined).pages) == len(plan.half_days)
    for path in (p for p in files if p != combined):
        reader = check_pdf(path, "Feuille d'émargement" if path.name.startswith("emargement") else "Attestation")
        assert len(reader.pages) == 1, path.name
        text = pdf_text(path)
        assert not any(p.nom in text for p in people)
        if path.name.startswith("emargement"):
            assert " 13 " in f" {text} " and "Nom Prénom Structure Signature" in text
        else:
            assert plain(site.training.objectifs[0].libelle) in text and "14 heures" in text


def test_make_target_and_gitignore():
    dry = subprocess.run(["make", "-n", "documents-session", "LISTE=ma liste.csv", "SESSION=2026-01-14"], cwd=ROOT,
                         capture_output=True, text=True)
    assert '-m handbook.session --liste "ma liste.csv" --session "2026-01-14"' in dry.stdout
    assert '--sortie "documents-session"' in dry.stdout
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("hors d'un dépôt git")
    ignored = subprocess.run(["git", "check-ignore", "participants.csv", "docs/participants.csv",
                              "documents-session/session-2026-01-14/emargements.pdf",
                              "tests/fixtures/session/doublon.csv"], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == ["participants.csv", "docs/participants.csv",
                                      "documents-session/session-2026-01-14/emargements.pdf"]
