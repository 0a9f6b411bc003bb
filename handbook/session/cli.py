"""Command line of ``make documents-session``: checks the paths, validates the list, then writes the PDFs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import write_documents
from .errors import SessionError
from .participants import read_participants
from .plan import date_fr, load_training, session_plan

DEFAULT_OUT = "documents-session"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_paths(project: Path, liste: Path | None, out: Path) -> None:
    """The list never sits in docs/ (it would be published); the documents go nowhere the site or git picks up."""
    docs = project / "docs"
    if liste is not None and _inside(liste.resolve(), docs.resolve()):
        raise SessionError(f"{liste} : la liste est dans docs/, d'où elle serait publiée avec le site. Déplacez-la "
                           f"hors du dépôt (par exemple dans vos documents), puis relancez avec LISTE=ce-chemin.")
    resolved, root = out.resolve(), project.resolve()
    if not _inside(resolved, root):
        return
    parts = resolved.relative_to(root).parts
    first = parts[0] if parts else ""
    if first == "docs" or first.startswith("site"):
        raise SessionError(f"SORTIE={out} : ce dossier est publié avec le site ({first}/) et les documents "
                           f"contiennent des noms. Choisissez un dossier hors de docs/ et de site*/, par exemple "
                           f"SORTIE={DEFAULT_OUT} (le dossier par défaut, ignoré par git).")
    if first != DEFAULT_OUT:
        raise SessionError(f"SORTIE={out} : ce dossier est dans le dépôt, où les documents (qui contiennent des "
                           f"noms) risqueraient d'être enregistrés par git. Choisissez un dossier hors du dépôt, "
                           f"ou {DEFAULT_OUT}/, ignoré par git.")


def run(liste: Path | None, session: str | None, out: Path, project: Path) -> list[Path]:
    """Validate everything, then write; a SessionError leaves nothing written."""
    check_paths(project, liste, out)
    people = read_participants(liste) if liste is not None else None
    plan = session_plan(load_training(project), session)
    written = write_documents(plan, people, out)
    folder = written[0].parent
    where = f"{folder}/"
    summary = f"session du {date_fr(plan.start)}, {plan.place}"
    sheets = len(plan.half_days)
    if people is None:
        print(f"{sheets} feuilles d'émargement vierges et une attestation à remplir écrites dans {where} ({summary}).")
    else:
        print(f"{sheets} feuilles d'émargement et {len(people)} attestations (une par personne, plus un PDF qui les "
              f"réunit) écrites dans {where} ({summary}).")
        print("Ces documents contiennent des noms : ne les ajoutez pas au dépôt et ne les publiez pas avec le site.")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make documents-session",
        description="Feuilles d'émargement par demi-journée et attestations de fin de formation, en PDF.")
    parser.add_argument("--liste", type=Path, help="liste des personnes (CSV : prenom, nom, structure) ; "
                                                    "sans liste, versions vierges à remplir à la main")
    parser.add_argument("--session", help="premier jour de la session (AAAA-MM-JJ) ; par défaut, la prochaine")
    parser.add_argument("--sortie", type=Path, default=Path(DEFAULT_OUT), help="dossier où écrire les documents")
    parser.add_argument("--projet", type=Path, default=Path.cwd(), help="dossier du manuel (par défaut, le dossier "
                                                                        "courant)")
    args = parser.parse_args(argv)
    try:
        run(args.liste, args.session, args.sortie, args.projet)
    except SessionError as error:
        print("Documents de session non créés, aucun fichier écrit :", file=sys.stderr)
        for problem in error.problems:
            print(f"- {problem}", file=sys.stderr)
        return 2
    return 0
