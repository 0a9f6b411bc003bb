"""Every content mistake fails the build with a French message naming the file and the problem.

Each case breaks one thing in a small valid project (tests/fixtures/mini) that inherits the
real configuration, then runs a strict build.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import make_project, run_mkdocs


def _edit(path: str, old: str, new: str):
    def mutate(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"fixture inattendue : « {old} » absent de {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def _append(path: str, extra: str):
    def mutate(project: Path) -> None:
        file = project / path
        file.write_text(file.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return mutate


def _remove(path: str):
    def mutate(project: Path) -> None:
        (project / path).unlink()
    return mutate


def _both(*mutations):
    def mutate(project: Path) -> None:
        for mutation in mutations:
            mutation(project)
    return mutate


def _image_without_alt(project: Path) -> None:
    (project / "docs" / "schema.png").write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    _append("docs/index.md", "\n![](schema.png)\n")(project)


CRITERIA = "data/criteres.yml"

# case id → (mutation, expected fragments of the output, all of them required)
CASES = {
    "champ-manquant": (
        _edit("docs/outils/outil-test.md", "description: Un outil minimal et valide.\n", ""),
        ["docs/outils/outil-test.md", "le champ obligatoire « description » est absent"],
    ),
    "champ-mal-type": (
        _edit("docs/outils/outil-test.md", "duree: {min: 10, max: 20}", "duree: {min: dix, max: 20}"),
        ["docs/outils/outil-test.md", "« duree › min » doit être un nombre entier"],
    ),
    "valeur-hors-liste": (
        _edit("docs/outils/outil-test.md", "formats: [presentiel, distance]", "formats: [presentiel, visio]"),
        ["docs/outils/outil-test.md", "valeur « visio » inconnue", "presentiel, distance, hybride"],
    ),
    "champ-inconnu": (
        _edit("docs/guide/chapitre-test.md", "ordre: 1\n", "ordre: 1\nordres: 2\n"),
        ["docs/guide/chapitre-test.md", "le champ « ordres » n'existe pas"],
    ),
    "section-manquante": (
        _edit("docs/outils/outil-test.md", "## Variantes\nPar deux.\n", ""),
        ["docs/outils/outil-test.md", "section obligatoire « ## Variantes » absente", "ligne ",
         "avant « ## Pièges à éviter »"],
    ),
    "version-a-distance-absente": (
        _edit("docs/outils/outil-test.md", "## À distance\nEn visio.\n", ""),
        ["docs/outils/outil-test.md", "section obligatoire « ## À distance » absente (fiche outil)"],
    ),
    "etape-outil-inconnu": (
        _edit("docs/jour-1/sequence-test.md", "- outil : outil-test", "- outil : outil-tset"),
        ["docs/jour-1/sequence-test.md", "ligne 23", "l'étape 2 fait vivre un outil inconnu « outil-tset »",
         "vouliez-vous dire « outil-test »"],
    ),
    "section-manquante-cas": (
        _edit("docs/cas/cas-test.md", "## Pistes d'analyse\nDes pistes.\n", ""),
        ["docs/cas/cas-test.md", "section obligatoire « ## Pistes d'analyse » absente"],
    ),
    "lien-casse": (
        _append("docs/index.md", "\nVoir [cette page](page-absente.md).\n"),
        ["docs/index.md", "lien cassé « page-absente.md »"],
    ),
    "ancre-cassee": (
        _append("docs/index.md", "\nVoir [ce terme](glossaire.md#terme-absent).\n"),
        ["docs/index.md", "ancre cassée « glossaire.md#terme-absent »", "#terme-absent"],
    ),
    "lien-absolu": (
        _append("docs/index.md", "\nVoir [la boîte à outils](/outils/index.md).\n"),
        ["docs/index.md", "lien absolu « /outils/index.md »", "chemin relatif"],
    ),
    "lien-non-reconnu": (
        # a link inside code is not a link: only the second one is reported
        _append("docs/index.md", "\nÉcrire `[x](ailleurs/)`, puis voir [le dossier](outils/).\n"),
        ["docs/index.md", "lien « outils/ » non reconnu", "fichier Markdown (.md)"],
    ),
    "image-sans-alternative": (
        _image_without_alt,
        ["docs/index.md", "l'image « schema.png » n'a pas de texte alternatif"],
    ),
    "outil-inconnu": (
        _append("docs/index.md", '\n{{ outil("marche-exploratoire") }}\n'),
        ["docs/index.md", "outil inconnu « marche-exploratoire »", "outil-test"],
    ),
    "outil-inconnu-en-tete": (
        _edit("docs/cas/cas-test.md", "outils: [outil-test]", "outils: [outil-absent]"),
        ["docs/cas/cas-test.md", "outil « outil-absent » inconnu"],
    ),
    "sequence-inconnue": (
        _append("docs/index.md", '\n{{ sequence("j9-absente") }}\n'),
        ["docs/index.md", "séquence inconnue « j9-absente »"],
    ),
    "terme-inconnu": (
        _append("docs/index.md", '\n{{ terme("serendipite") }}\n'),
        ["docs/index.md", "terme du glossaire inconnu « serendipite »"],
    ),
    "reference-inconnue": (
        _append("docs/index.md", '\n{{ cite("dupont-2099") }}\n'),
        ["docs/index.md", "référence bibliographique inconnue « dupont-2099 »"],
    ),
    "objectif-inconnu": (
        _edit("docs/jour-1/sequence-test.md", "objectifs: [O1, O2, O3, O4, O5]", "objectifs: [O1, O9]"),
        ["docs/jour-1/sequence-test.md", "objectif de formation « O9 » inconnu"],
    ),
    "deroule-chevauchement": (
        _edit("data/deroule.yml", '{debut: "10:00", fin: "10:15", pause: Pause}', '{debut: "09:50", fin: "10:15", pause: Pause}'),
        ["data/deroule.yml", "le créneau de 09:50 chevauche le précédent, qui finit à 10:00"],
    ),
    "deroule-trou": (
        _edit("data/deroule.yml", '{debut: "10:00", fin: "10:15", pause: Pause}', '{debut: "10:05", fin: "10:15", pause: Pause}'),
        ["data/deroule.yml", "jour 1 : trou entre 10:00 et 10:05"],
    ),
    "deroule-journee-incomplete": (
        _edit("data/deroule.yml", '{debut: "09:00", fin: "10:00", sequence: j2-test}', '{debut: "09:00", fin: "09:50", sequence: j2-test}'),
        ["data/deroule.yml", "jour 2 : 0 h 50 de formation au lieu de 1 h"],
    ),
    "deroule-sequence-absente": (
        _append("data/deroule.yml", '      - {debut: "10:00", fin: "10:30", sequence: j2-fantome}\n'),
        ["data/deroule.yml", "cite la séquence « j2-fantome », qui n'existe pas"],
    ),
    "ligne-non-couverte": (
        _edit("docs/jour-1/sequence-test.md", "lignes: [J1-L1, J1-L2, J1-L3, J1-L4]", "lignes: [J1-L1, J1-L2, J1-L4]"),
        ["data/deroule.yml", "la ligne du programme J1-L3", "n'est traitée par aucune séquence"],
    ),
    "objectif-non-couvert": (
        _both(_edit("docs/jour-1/sequence-test.md", "objectifs: [O1, O2, O3, O4, O5]", "objectifs: [O1, O2, O4, O5]"),
              _edit("docs/jour-2/sequence-test.md", "objectifs: [O1, O2, O3, O4, O5]", "objectifs: [O1]")),
        ["data/deroule.yml", "l'objectif O3", "n'est servi par aucune séquence"],
    ),
    "etapes-trop-longues": (
        _edit("docs/jour-1/sequence-test.md", "2. **20 min** · Atelier", "2. **25 min** · Atelier"),
        ["docs/jour-1/sequence-test.md", "les étapes du déroulé minuté font 65 min", "dure 60 min"],
    ),
    "etape-sans-modalite": (
        _edit("docs/jour-1/sequence-test.md", "2. **20 min** · Atelier · Un exercice.", "2. **20 min** · Un exercice."),
        ["docs/jour-1/sequence-test.md", "étape sans modalité reconnue"],
    ),
    "etape-mal-ecrite": (
        _edit("docs/outils/outil-test.md", "1. **10 min** · Tour de parole.", "1. **10 min** · Tour de parole.\n2. 5 min · Bilan."),
        ["docs/outils/outil-test.md", "étape du déroulé minuté mal écrite : « 2. 5 min · Bilan. »"],
    ),
    "total-a-la-main": (
        _edit("docs/outils/outil-test.md", "1. **10 min** · Tour de parole.", "1. **10 min** · Tour de parole.\n\nTotal : 10 min."),
        ["docs/outils/outil-test.md", "le total du déroulé minuté est écrit à la main", "la construction calcule"],
    ),
    "entete-sequence-absent": (
        _edit("docs/jour-1/sequence-test.md", "{{ entete_sequence() }}", ""),
        ["docs/jour-1/sequence-test.md", "l'en-tête de la séquence (horaire, objectifs, lignes du programme) manque"],
    ),
    "notes-animation-absentes": (
        _edit("docs/jour-1/sequence-test.md", '!!! animation "Notes pour l\'animation"\n    Une note.\n', ""),
        ["docs/jour-1/sequence-test.md", "bloc obligatoire absent (séquence) : !!! animation"],
    ),
    "outil-hors-duree": (
        _edit("docs/outils/outil-test.md", "1. **10 min** · Tour de parole.", "1. **30 min** · Tour de parole."),
        ["docs/outils/outil-test.md", "font 30 min, hors de la durée annoncée (10 à 20 min)"],
    ),
    "usage-non-fonde": (
        _edit("docs/jour-1/sequence-test.md", "- documents : cas/cas-test par groupe ; ", "- documents : "),
        ["docs/cas/cas-test.md", "le cas annonce servir dans « Séquence de test », mais aucune étape",
         "- documents : cas/cas-test par groupe"],
    ),
    "configuration-absente": (
        _edit("docs/jour-1/sequence-test.md", "    - configuration : plénière\n", ""),
        ["docs/jour-1/sequence-test.md", "ligne 18", "l'étape 1 n'a pas de configuration", "- configuration : plénière"],
    ),
    "configuration-inconnue": (
        _edit("docs/jour-1/sequence-test.md", "- configuration : trios", "- configuration : par trois"),
        ["docs/jour-1/sequence-test.md", "configuration inconnue « par trois »", "binômes, trios, groupes de 4"],
    ),
    "champ-etape-inconnu": (
        _edit("docs/jour-1/sequence-test.md", "- production : une affiche par trio", "- produit : une affiche par trio"),
        ["docs/jour-1/sequence-test.md", "champ d'étape inconnu « produit »", "configuration, outil, version courte"],
    ),
    "etape-document-inconnu": (
        _edit("docs/jour-1/sequence-test.md", "supports/support-test par personne", "supports/suport-test par personne"),
        ["docs/jour-1/sequence-test.md", "l'étape 2 remet un document inconnu « supports/suport-test »",
         "vouliez-vous dire « supports/support-test »", "modeles/, cas/, supports/"],
    ),
    "etape-materiel-inconnu": (
        _edit("docs/jour-1/sequence-test.md", "feutres par groupe", "feutre par groupe"),
        ["docs/jour-1/sequence-test.md", "l'étape 2 utilise un matériel inconnu « feutre »", "vouliez-vous dire « feutres »",
         "data/materiel.yml"],
    ),
    "ligne-etape-mal-ecrite": (
        _edit("docs/jour-1/sequence-test.md", "- production : une affiche par trio", "- production une affiche par trio"),
        ["docs/jour-1/sequence-test.md", "ligne 26", "ligne illisible sous une étape : « - production une affiche par trio »",
         "- champ : valeur"],
    ),
    "usage-mal-ecrit": (
        _edit("docs/jour-1/sequence-test.md", "feutres par groupe", "feutres pour chaque groupe"),
        ["docs/jour-1/sequence-test.md", "« feutres pour chaque groupe » (champ « matériel ») est mal écrit", "« par personne »"],
    ),
    "outil-trop-court": (
        _both(_edit("docs/jour-1/sequence-test.md", "1. **40 min** · Apport", "1. **55 min** · Apport"),
              _edit("docs/jour-1/sequence-test.md", "2. **20 min** · Atelier", "2. **5 min** · Atelier")),
        ["docs/jour-1/sequence-test.md", "l'étape 2 fait vivre « outil-test » en 5 min, sous le minimum de sa fiche (10 min)",
         "- version courte : "],
    ),
    "outil-sous-version-formation": (
        _both(_edit("docs/outils/outil-test.md", "  - Une salle\n", "  - Une salle\nversion_formation: {minutes: 6, raccourci: Un seul tour.}\n"),
              _edit("docs/jour-1/sequence-test.md", "1. **40 min** · Apport", "1. **55 min** · Apport"),
              _edit("docs/jour-1/sequence-test.md", "2. **20 min** · Atelier", "2. **5 min** · Atelier")),
        ["docs/jour-1/sequence-test.md", "l'étape 2 fait vivre « outil-test » en 5 min, sous le minimum de la version "
         "formation de sa fiche (6 min)", "donnez-lui au moins 6 min"],
    ),
    "version-formation-trop-longue": (
        _edit("docs/outils/outil-test.md", "  - Une salle\n", "  - Une salle\nversion_formation: {minutes: 10, raccourci: Un seul tour.}\n"),
        ["docs/outils/outil-test.md", "la version formation (10 min) n'est pas plus courte que le minimum de la fiche "
         "(10 min)", "retirez « version_formation »"],
    ),
    "echelle-inconnue": (
        _edit("docs/supports/support-test.md", 'echelle("autopositionnement")', 'echelle("satisfaction")'),
        ["docs/supports/support-test.md", "échelle inconnue « satisfaction »", "accord, autopositionnement"],
    ),
    "materiel-en-double": (
        _append("data/materiel.yml", "\n- id: feutres\n  nom: Feutres\n  libelle: Feutres fins\n  unite: lot\n  unites: lots\n  consommable: false\n"),
        ["data/materiel.yml", "la clé « feutres » est définie deux fois"],
    ),
    "materiel-mal-decrit": (
        _edit("data/materiel.yml", "consommable: true", "consommable: oui-non"),
        ["data/materiel.yml", "consommable"],
    ),
    "yaml-mal-forme": (
        _edit("data/formation.yml", "prerequis:", "prerequis:\n  - [liste: non fermée\n ici:"),
        ["data/formation.yml", "YAML mal formé", "ligne"],
    ),
    "en-tete-mal-forme": (
        _edit("docs/modeles/modele-test.md", "title: Modèle de test", "title: [Modèle de test"),
        ["docs/modeles/modele-test.md", "en-tête : YAML mal formé"],
    ),
    "faute-de-frappe-macro": (
        _edit("docs/index.md", "{{ formation.titre }}", "{{ formation.titree }}"),
        ["docs/index.md", "« titree » n'existe pas", "ligne 6"],
    ),
    "page-hors-navigation": (
        _append("docs/guide/chapitre-test.md", ""),  # the nav is edited below
        ["mkdocs.yml", "ne figurent pas dans la navigation", "guide/orphelin.md"],
    ),
    # Evaluation criteria (data/criteres.yml) and sessions (data/sessions.yml)
    "critere-objectif-inconnu": (
        _edit(CRITERIA, "- objectif: O5", "- objectif: O9"),
        [CRITERIA, "ligne 18", "les critères visent un objectif inconnu « O9 »", "O1, O2, O3, O4, O5",
         "l'objectif O5 (« Outiller les dynamiques d'apprentissage, de régulation et d'évaluation continue ») a 0 "
         "critère(s) observable(s), il en faut 2 à 4"],
    ),
    "un-seul-critere": (
        _edit(CRITERIA, "    - {id: O2-b, libelle: Justifie sa posture., observe: [j2-test#2]}\n", ""),
        [CRITERIA, "l'objectif O2 (« Identifier les rôles et les postures qui soutiennent une coopération ouverte et "
         "évolutive ») a 1 critère(s) observable(s), il en faut 2 à 4"],
    ),
    "cinq-criteres": (
        _edit(CRITERIA, "    - {id: O2-b, libelle: Justifie sa posture., observe: [j2-test#2]}\n",
              "    - {id: O2-b, libelle: Justifie sa posture., observe: [j2-test#2]}\n"
              "    - {id: O2-c, libelle: Un., observe: [j2-test#2]}\n    - {id: O2-d, libelle: Deux., observe: [j2-test#2]}\n"
              "    - {id: O2-e, libelle: Trois., observe: [j2-test#2]}\n"),
        [CRITERIA, "l'objectif O2", "a 5 critère(s) observable(s), il en faut 2 à 4"],
    ),
    "critere-sequence-inconnue": (
        _edit(CRITERIA, "observe: [j2-test#1]}", "observe: [j2-tset#1]}"),
        [CRITERIA, "ligne 12", "le critère O3-a cite « j2-tset#1 », mais la séquence « j2-tset » n'existe pas",
         "j1-test, j2-test"],
    ),
    "etape-inconnue": (
        _edit(CRITERIA, "observe: [j1-test#1]}", "observe: [j1-test#7]}"),
        [CRITERIA, "le critère O1-a cite « j1-test#7 », mais la séquence « j1-test » n'a que 2 étape(s)"],
    ),
    "cas-inconnu": (
        _edit(CRITERIA, "observe: [j1-test#2, cas/cas-test]}", "observe: [j1-test#2, cas/cas-tset]}"),
        [CRITERIA, "le critère O1-b cite une étude de cas inconnue « cas/cas-tset »", "cas/cas-test"],
    ),
    "reference-mal-ecrite": (
        _edit(CRITERIA, "observe: [j1-test#1]}", "observe: [j1-test étape 1]}"),
        [CRITERIA, "le critère O1-a cite « j1-test étape 1 », qui n'est ni une étape ni une étude de cas",
         "j1-ecosysteme#4"],
    ),
    "objectif-non-servi": (
        _edit("docs/jour-2/sequence-test.md", "objectifs: [O1, O2, O3, O4, O5]", "objectifs: [O1, O2, O4, O5]"),
        [CRITERIA, "le critère O3-a de l'objectif O3 cite « j2-test#1 », mais la séquence « j2-test » ne sert que "
         "O1, O2, O4, O5"],
    ),
    "critere-en-double": (
        _edit(CRITERIA, "{id: O2-b, libelle: Justifie", "{id: O2-a, libelle: Justifie"),
        [CRITERIA, "ligne 9", "l'identifiant de critère « O2-a » est utilisé deux fois"],
    ),
    "critere-mal-range": (
        _edit(CRITERIA, "{id: O2-b, libelle: Justifie", "{id: O1-c, libelle: Justifie"),
        [CRITERIA, "ligne 9", "le critère « O1-c » est rangé sous l'objectif O2",
         "donnez-lui un identifiant qui commence par « O2- »"],
    ),
    "critere-sans-lieu": (
        _edit(CRITERIA, "observe: [j1-test#1]}", "observe: []}"),
        [CRITERIA, "« n° 1 › criteres › n° 1 › observe » est vide"],
    ),
    "criteres-absents": (
        _remove(CRITERIA),
        [CRITERIA, "fichier de données introuvable"],
    ),
    "session-mal-datee": (
        _edit("data/sessions.yml", 'fin: "2026-01-15"', 'fin: "2026-01-13"'),
        ["data/sessions.yml", "la session du 2026-01-14 finit (2026-01-13) avant de commencer"],
    ),
    "session-sans-format": (
        _edit("data/sessions.yml", "format: présentiel", "format: visio"),
        ["data/sessions.yml", "valeur « visio » inconnue", "présentiel, à distance, hybride"],
    ),
}


def _orphan(project: Path) -> None:
    text = (project / "docs" / "guide" / "chapitre-test.md").read_text(encoding="utf-8")
    (project / "docs" / "guide" / "orphelin.md").write_text(
        text.replace("title: Chapitre de test", "title: Chapitre orphelin"), encoding="utf-8")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    def run(case: str):
        project = make_project(tmp_path_factory.mktemp(case))
        mutate, _ = CASES[case]
        mutate(project)
        if case == "page-hors-navigation":
            _orphan(project)
        result = run_mkdocs(project, project / "site")
        return case, result

    valid = make_project(tmp_path_factory.mktemp("valide"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(run, CASES))
        results["valide"] = run_mkdocs(valid, valid / "site")
    return results


def test_small_project_builds_when_nothing_is_broken(outcomes):
    result = outcomes["valide"]
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_content_mistake_fails_with_french_message(outcomes, case):
    result = outcomes[case]
    output = (result.stdout + result.stderr).replace("\u00a0", " ")
    assert result.returncode != 0, f"la construction aurait dû échouer ({case})\n{output}"
    for fragment in CASES[case][1]:
        assert fragment.replace("\u00a0", " ") in output, f"message attendu absent : « {fragment} »\n{output}"
    assert "Traceback" not in output, "une trace Python s'affiche au lieu d'un message clair"


def test_content_errors_are_summarised_in_french(outcomes):
    output = outcomes["outil-inconnu"].stdout + outcomes["outil-inconnu"].stderr
    assert re.search(r"La construction du manuel a échoué : \d+ erreurs? de contenu", output.replace("\u00a0", " "))


@pytest.mark.parametrize("case, mutation, fragments", [
    ("lien-casse", _append("docs/index.md", "\nVoir la [page disparue](disparue.md).\n"),
     ["docs/index.md", "disparue.md"]),
    ("macro-inconnue", _append("docs/index.md", '\n{{ outil("marche-exploratoire") }}\n'),
     ["docs/index.md", "outil inconnu « marche-exploratoire »"]),
    ("macro-inexistante", _append("docs/index.md", "\n{{ fiche_outil('world-cafe') }}\n"),
     ["docs/index.md", "fiche_outil"]),
])
def test_quiet_build_fails_with_the_french_message(tmp_path, case, mutation, fragments):
    """``mkdocs build -q`` fails on a content error like a normal build, and still prints the French message."""
    project = make_project(tmp_path / case)
    mutation(project)
    result = run_mkdocs(project, project / "site", quiet=True)
    output = (result.stdout + result.stderr).replace("\u00a0", " ")
    assert result.returncode != 0, f"« mkdocs build -q » aurait dû échouer ({case})\n{output}"
    assert "Erreur de contenu" in output
    for fragment in fragments:
        assert fragment in output, f"message attendu absent : « {fragment} »\n{output}"
    assert "Traceback" not in output


def test_a_malformed_step_gives_one_message_not_a_wrong_sum(outcomes):
    output = (outcomes["etape-mal-ecrite"].stdout + outcomes["etape-mal-ecrite"].stderr).replace("\u00a0", " ")
    assert "étape du déroulé minuté mal écrite" in output
    assert "les étapes du déroulé minuté font" not in output, "une étape mal écrite fausse aussi la somme"


def test_unknown_identifiers_suggest_the_closest_one(tmp_path):
    project = make_project(tmp_path / "p")
    _append("docs/index.md", '\n{{ outil("outil-tests") }}\n')(project)
    _edit("docs/outils/outil-test.md", "formats: [presentiel, distance]", "formats: [présentiel, distance]")(project)
    output = (lambda r: (r.stdout + r.stderr).replace("\u00a0", " "))(run_mkdocs(project, project / "site"))
    assert "outil inconnu « outil-tests » (vouliez-vous dire « outil-test » ?)" in output
    assert "valeur « présentiel » inconnue pour « formats › n° 1 » → écrivez-la sans accent ni majuscule : « presentiel »" \
        in output


def test_a_sheet_version_formation_lets_a_step_run_the_tool_shorter(tmp_path):
    """The other way of running a tool below its sheet's minimum: the sheet gives its own short version, and the
    step, without a « version courte » line, gives it at least that many minutes."""
    project = make_project(tmp_path / "p")
    _both(_edit("docs/outils/outil-test.md", "  - Une salle\n",
                "  - Une salle\nversion_formation: {minutes: 5, raccourci: Un seul tour de parole.}\n"),
          _edit("docs/jour-1/sequence-test.md", "1. **40 min** · Apport", "1. **55 min** · Apport"),
          _edit("docs/jour-1/sequence-test.md", "2. **20 min** · Atelier", "2. **5 min** · Atelier"))(project)
    result = run_mkdocs(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    sheet = (project / "site" / "outils" / "outil-test.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "<strong>Version formation</strong> : 5 min au moins. Un seul tour de parole." in sheet
    assert re.search(r"étape 2 \(5 min, version formation\)", sheet)
