"""Read and validate the participant list (CSV exported from a spreadsheet).

Every problem is collected and reported together, each naming its line and the fix; the caller writes
nothing unless the whole list is valid.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..typography import fold as fold_accents
from .errors import SessionError

REQUIRED = ("prenom", "nom", "structure")
#: Accepted separators, with their French names (singular, plural).
SEPARATORS = {";": ("point-virgule", "points-virgules"), ",": ("virgule", "virgules")}
#: At most this many problems are listed (a wrong file would otherwise give one per line).
MAX_PROBLEMS = 10
EXPORT_HINT = ("dans votre tableur, choisissez « Enregistrer sous », le type « CSV » et le jeu de caractères "
               "« Unicode (UTF-8) », avec la virgule ou le point-virgule comme séparateur")


@dataclass(frozen=True)
class Person:
    prenom: str
    nom: str
    structure: str
    #: Line of the CSV file where the person is listed (1 is the header row).
    line: int

    @property
    def full_name(self) -> str:
        return f"{self.prenom} {self.nom}"


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: the form used to compare names and headers."""
    return " ".join(fold_accents(text).split())


def sort_key(person: Person) -> tuple[str, str]:
    return fold(person.nom), fold(person.prenom)


def _clean(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split())


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SessionError(
            f"{name}, ligne {line} : le fichier n'est pas encodé en UTF-8 (un caractère accentué est illisible, "
            f"le fichier vient sans doute d'un export en Latin-1 ou Windows-1252). Enregistrez le fichier en "
            f"UTF-8 : {EXPORT_HINT}."
        ) from None


def _header(first_line: str, where: str) -> tuple[str, list[str]]:
    """The separator and the folded column names of the header row."""
    candidates = []
    for separator in SEPARATORS:
        columns = [fold(c) for c in next(csv.reader([first_line], delimiter=separator))]
        candidates.append((sum(c in REQUIRED for c in columns), len(columns), separator, columns))
    found, width, separator, columns = max(candidates, key=lambda c: (c[0], c[1]))
    if width < 2:
        shown = " ".join(first_line.split())[:60]
        other = " ; le séparateur semble être la tabulation" if "\t" in first_line else ""
        raise SessionError(
            f"{where} : une seule colonne lue (« {shown} »){other}. Séparez les colonnes par une virgule "
            f"ou un point-virgule, avec sur la première ligne les titres prenom, nom et structure : {EXPORT_HINT}."
        )
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise SessionError(
            f"{where} : colonne{plural} {', '.join('« ' + c + ' »' for c in missing)} absente{plural} "
            f"(titres lus : {', '.join('« ' + c + ' »' for c in columns if c) or 'aucun'}). La première ligne doit "
            f"contenir les titres de colonnes prenom, nom et structure, séparés par des {SEPARATORS[separator][1]}."
        )
    for column in REQUIRED:
        if columns.count(column) > 1:
            raise SessionError(f"{where} : la colonne « {column} » figure deux fois. Gardez une seule "
                               f"colonne « {column} » et supprimez ou renommez l'autre.")
    return separator, columns


def parse_participants(data: bytes, name: str = "la liste") -> list[Person]:
    """Validate a CSV file's bytes; the people in file order, or a SessionError listing every problem."""
    text = _decode(data, name)
    if not text.strip():
        raise SessionError(f"{name} : le fichier est vide. Exportez depuis le tableur une liste avec une ligne de "
                           f"titres (prenom, nom, structure) puis une ligne par personne.")
    header_line, first_line = next((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip())
    separator, columns = _header(first_line, f"{name}, ligne {header_line}")
    index = {column: columns.index(column) for column in REQUIRED}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    people: list[Person] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    header_done = False
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank lines and the empty rows spreadsheets export (« ;; »)
        if not header_done:
            header_done = True
            continue
        if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns):]):
            sep_name = SEPARATORS[separator][0]
            problems.append(
                f"{name}, ligne {line} : {len(row)} valeurs pour {len(columns)} colonnes ; une valeur contient "
                f"sans doute une {sep_name} (« {_clean(separator.join(row))[:60]} »). Mettez cette valeur entre "
                f"guillemets droits (\"…\") ou exportez de nouveau la liste depuis le tableur, qui le fait seul."
            )
            continue
        other = next((o for o in SEPARATORS if o != separator), "")
        if len(row) == 1 and other in row[0]:
            problems.append(
                f"{name}, ligne {line} : une seule valeur lue (« {_clean(row[0])[:60]} ») ; cette ligne est séparée "
                f"par des {SEPARATORS[other][1]} alors que la ligne de titres l'est par des {SEPARATORS[separator][1]}. "
                f"Utilisez le même séparateur sur toutes les lignes (exportez de nouveau la liste depuis le tableur)."
            )
            continue
        cells = row + [""] * (len(columns) - len(row))
        values = {column: _clean(cells[i]) for column, i in index.items()}
        empty = [label for column, label in (("prenom", "le prénom"), ("nom", "le nom")) if not values[column]]
        if empty:
            who = values["prenom"] or values["nom"]
            problems.append(
                f"{name}, ligne {line} : {' et '.join(empty)} {'sont vides' if len(empty) > 1 else 'est vide'}"
                f"{' (personne « ' + who + ' »)' if who else ''}. Complétez la ligne ou supprimez-la."
            )
            continue
        key = (fold(values["nom"]), fold(values["prenom"]))
        if key in seen:
            problems.append(
                f"{name}, ligne {line} : {values['prenom']} {values['nom']} figure déjà à la ligne {seen[key]}. "
                f"Supprimez le doublon ; s'il s'agit de deux personnes différentes, ajoutez une initiale ou un "
                f"second prénom pour les distinguer sur les feuilles d'émargement."
            )
            continue
        seen[key] = line
        people.append(Person(values["prenom"], values["nom"], values["structure"], line))
    if problems:
        extra = len(problems) - MAX_PROBLEMS
        more = f"… et {extra} autre{'s' if extra > 1 else ''} problème{'s' if extra > 1 else ''} dans ce fichier."
        raise SessionError(problems[:MAX_PROBLEMS] + ([more] if extra > 0 else []))
    if not people:
        raise SessionError(f"{name} : la ligne de titres est là, mais aucune personne n'est inscrite. Ajoutez une "
                           f"ligne par personne (prénom, nom, structure) sous la ligne de titres.")
    return people


def read_participants(path: Path) -> list[Person]:
    """Read a participant list from disk (see ``parse_participants``)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SessionError(f"{path} : fichier introuvable. Vérifiez le chemin donné à LISTE=.") from None
    except IsADirectoryError:
        raise SessionError(f"{path} : c'est un dossier. Donnez à LISTE= le chemin du fichier CSV.") from None
    except OSError as error:
        raise SessionError(f"{path} : lecture impossible ({error.strerror}).") from None
    return parse_participants(data, str(path))


def slug(person: Person) -> str:
    """ASCII file-name part for a person: « nom-prenom »."""
    return re.sub(r"[^a-z0-9]+", "-", fold(f"{person.nom} {person.prenom}")).strip("-") or "personne"
