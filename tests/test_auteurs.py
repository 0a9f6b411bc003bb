"""Author experience: scaffolding of every page type, precise messages until filled, generated reference,
errors shown in the preview."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, make_project, run_mkdocs
from handbook import model as schema
from handbook.authoring import reference
from handbook.model import split_front_matter


def scaffold(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbook.authoring.scaffold", *args, "--projet", str(project)],
                          capture_output=True, text=True)


AUTHOR_FIELDS = {
    "title": "Marche exploratoire",
    "description": "Parcourir ensemble un quartier pour repérer ce qui aide ou freine le maintien à domicile.",
    "tags": ["Cartographier"],
    "objectifs": ["O1"], "lignes": [],
    "finalites": ["cartographie", "interconnaissance"],
    "duree": {"min": 60, "max": 120}, "groupe": {"min": 4, "max": 12},
    "formats": ["presentiel"], "niveau": "decouverte", "materiel": ["Un plan du quartier", "Des carnets"],
    "associes": ["outil-test"], "ordre": 2, "fictif": True,
}


def fill_like_an_author(path: Path, minutes: int) -> None:
    """Fill the front matter and replace each guidance comment, as an author following the skeleton would."""
    text = path.read_text(encoding="utf-8")
    front, body = split_front_matter(text)
    data = yaml.safe_load(front)
    for key in list(data):
        if key in AUTHOR_FIELDS and key not in ("id", "jour"):
            data[key] = AUTHOR_FIELDS[key]
    if "fictif" in data:
        data["outils"] = ["outil-test"]

    def section_text(match: re.Match) -> str:
        guidance = match.group(1)
        if "min**" in guidance:
            method = "Atelier · " if "jour" in data else ""
            step = f"1. **{minutes} min** · {method}Le groupe marche et note ce qu'il observe."
            return step + ("\n    - configuration : groupes de 4" if "jour" in data else "")
        return "Un texte rédigé par l'autrice, concret et sourcé, à propos d'une communauté du domicile."

    body = re.sub(r"<!-- À écrire : (.*?) -->", section_text, body)
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def output(result) -> str:
    return (result.stdout + result.stderr).replace("\u00a0", " ")


def test_add_a_tool_sheet_as_the_contributing_guide_says(tmp_path):
    project = make_project(tmp_path / "p")
    created = scaffold(project, "fiche", "marche-exploratoire")
    assert created.returncode == 0, created.stderr
    assert "Créé : docs/outils/marche-exploratoire.md" in created.stdout
    assert "outils/marche-exploratoire.md" in (project / "mkdocs.yml").read_text(encoding="utf-8")

    first = run_mkdocs(project, project / "site")
    text = output(first)
    assert first.returncode != 0
    for fragment in ["docs/outils/marche-exploratoire.md", "« title » est vide", "« description » est vide",
                     "« finalites » est vide", "le champ « niveau » est vide → valeurs possibles", "la section « ## Variantes » est vide"]:
        assert fragment in text, fragment

    fill_like_an_author(project / "docs" / "outils" / "marche-exploratoire.md", minutes=90)
    second = run_mkdocs(project, project / "site")
    assert second.returncode == 0, output(second)
    catalogue = BeautifulSoup((project / "site" / "outils" / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = next(c for c in catalogue.select("li.manuel-carte") if "Marche exploratoire" in c.get_text())
    assert card["data-finalites"] == "cartographie interconnaissance"
    assert card["data-duree-min"] == "60" and card["data-formats"] == "presentiel"


def test_six_deliberate_mistakes_give_six_located_messages_with_a_fix(tmp_path):
    """Tried as a new author would: a filled tool sheet, then six mistakes of the kind authors make; each gives its
    own message, with the file, a line number and a fix (after « → »)."""
    project = make_project(tmp_path / "p")
    scaffold(project, "fiche", "marche-exploratoire")
    page = project / "docs" / "outils" / "marche-exploratoire.md"
    fill_like_an_author(page, minutes=90)
    text = page.read_text(encoding="utf-8")
    mistakes = [
        ("niveau: decouverte", "niveau: découverte"),                            # accent in a closed list
        ("- outil-test", "- outil-tset"),                                        # unknown related sheet
        ("  min: 60\n", "  min: soixante\n"),                                  # a number in letters
        ("1. **90 min** · Le groupe marche", "1. **90 mn** · Le groupe marche"),  # malformed step
    ]
    for before, after in mistakes:
        assert before in text, before
        text = text.replace(before, after, 1)
    text += ("\nVoir aussi [la fiche voisine](outil-tets.md) et [le glossaire](../glossaire.md#terme-absent).\n")
    page.write_text(text, encoding="utf-8")

    lines = [line for line in output(run_mkdocs(project, project / "site")).splitlines()
             if "Erreur de contenu dans « docs/outils/marche-exploratoire.md »" in line]
    expected = ["sans accent", "outil-tset", "soixante", "90 mn", "outil-tets.md", "#terme-absent"]
    for fragment in expected:
        found = [line for line in lines if fragment in line]
        assert found, f"pas de message pour « {fragment} » :\n" + "\n".join(lines)
        assert re.search(r"», ligne \d+ :", found[0]), found[0]
        assert "→" in found[0] or "doit être" in found[0], f"pas de correction : {found[0]}"
    assert len(lines) == 6, "\n".join(lines)


def test_empty_sections_are_named_one_by_one(tmp_path):
    project = make_project(tmp_path / "p")
    scaffold(project, "fiche", "atelier-vide")
    page = project / "docs" / "outils" / "atelier-vide.md"
    front, body = split_front_matter(page.read_text(encoding="utf-8"))
    data = yaml.safe_load(front)
    data.update({k: v for k, v in AUTHOR_FIELDS.items() if k in data})
    page.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    text = output(run_mkdocs(project, project / "site"))
    for section in schema.Tool.SECTIONS:
        if section != "Déroulé minuté":
            assert f"la section « ## {section} » est vide" in text, section


@pytest.mark.parametrize("kind, args, minutes", [
    ("sequence", ["sequence", "marcher-ensemble", "--jour", "1"], 30),
    ("cas", ["cas", "un-cas-de-plus"], 0),
    ("modele", ["modele", "fiche-de-liaison"], 0),
    ("chapitre", ["chapitre", "marcher-ensemble"], 0),
])
def test_each_page_type_can_be_scaffolded_and_filled(tmp_path, kind, args, minutes):
    project = make_project(tmp_path / "p")
    assert scaffold(project, *args).returncode == 0
    folder = {"sequence": "jour-1", "cas": "cas", "modele": "modeles", "chapitre": "guide"}[kind]
    path = project / "docs" / folder / f"{args[1]}.md"
    assert run_mkdocs(project, project / "site").returncode != 0, "un squelette vide ne doit pas passer"
    fill_like_an_author(path, minutes)
    if kind == "sequence":  # the author gives it a slot in the run-sheet, as the message asks
        sheet = project / "data" / "deroule.yml"
        sheet.write_text(sheet.read_text(encoding="utf-8").replace(
            '{debut: "09:00", fin: "10:00", sequence: j1-test}', '{debut: "09:30", fin: "10:00", sequence: j1-test}'
        ).replace(
            '{debut: "10:00", fin: "10:15", pause: Pause}',
            '{debut: "10:00", fin: "10:15", pause: Pause}\n      - {debut: "10:15", fin: "10:45", sequence: j1-marcher-ensemble}',
        ), encoding="utf-8")
        seq = project / "docs" / "jour-1" / "sequence-test.md"
        seq.write_text(seq.read_text(encoding="utf-8").replace("1. **40 min** · Apport", "1. **10 min** · Apport"),
                       encoding="utf-8")
    if kind == "cas":  # the author links the new case from a sequence
        seq = project / "docs" / "jour-1" / "sequence-test.md"
        seq.write_text(seq.read_text(encoding="utf-8") + "\nVoir aussi le [cas](../cas/un-cas-de-plus.md).\n",
                       encoding="utf-8")
    result = run_mkdocs(project, project / "site")
    assert result.returncode == 0, output(result)
    assert (project / "site" / folder / f"{args[1]}.html").is_file()


def test_a_glossary_term_can_be_added(tmp_path):
    project = make_project(tmp_path / "p")
    assert scaffold(project, "terme", "marche-exploratoire").returncode == 0
    text = output(run_mkdocs(project, project / "site"))
    assert "data/glossaire.yml" in text and "« n° 3 › terme » est vide" in text
    glossary = project / "data" / "glossaire.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        'terme: ""', 'terme: "Marche exploratoire"').replace(
        'definition: ""', 'definition: "Parcours collectif d\'un territoire pour en observer les ressources."').replace(
        "sources: []", "sources: [wenger-1998]"), encoding="utf-8")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n{{ terme("marche-exploratoire") }}\n', encoding="utf-8")
    result = run_mkdocs(project, project / "site")
    assert result.returncode == 0, output(result)
    assert 'id="marche-exploratoire"' in (project / "site" / "glossaire.html").read_text(encoding="utf-8")


def test_scaffold_refuses_bad_names_in_french(tmp_path):
    project = make_project(tmp_path / "p")
    result = scaffold(project, "fiche", "Marche Exploratoire")
    assert result.returncode == 2 and "nom « Marche Exploratoire » invalide" in result.stderr
    assert scaffold(project, "fiche", "outil-test").returncode == 2
    assert "précisez le jour" in scaffold(project, "sequence", "x").stderr


def test_preview_shows_content_errors_in_the_page(tmp_path):
    project = make_project(tmp_path / "p")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n{{ outil("inconnu") }}\n', encoding="utf-8")
    env = dict(os.environ, MANUEL_APERCU="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir",
                             str(project / "site")], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, output(result)
    assert "Aperçu : La construction du manuel a échoué" in output(result)
    page = (project / "site" / "outils" / "outil-test.html").read_text(encoding="utf-8")
    assert 'class="manuel-erreurs" role="alert"' in page and "outil inconnu « inconnu »" in page


def test_content_model_reference_lists_every_field(trainer_site_dir):
    page = BeautifulSoup((trainer_site_dir / "formateur" / "modele-de-contenu.html").read_text(encoding="utf-8"),
                         "html.parser")
    documented = {code.get_text() for code in page.select("td code")}
    for model in reference.all_models():
        for name in model.model_fields:
            assert name in documented, f"{model.__name__}.{name} absent de la référence"
            assert schema.field_description(model, name), f"{model.__name__}.{name} : rôle non décrit (docstring du champ dans schema.py)"
    text = page.get_text(" ")
    for kind in schema.PAGE_TYPES:
        for section in kind.SECTIONS:
            assert f"## {section}" in text


def test_contributing_guide_covers_what_authors_need():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "CONTRIBUTING.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    for needed in ["make nouvelle-fiche", "make nouvelle-sequence", "make nouveau-cas", "make nouveau-modele",
                   "make nouveau-terme", "make serve", "Erreur de contenu", "Publier", ".gitlab-ci.yml"]:
        assert needed in guide, needed
    assert (ROOT / ".gitlab-ci.yml").is_file()
