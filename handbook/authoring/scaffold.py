"""Create a new page (or glossary term) with a valid skeleton and guidance in comments.

Usage (see the Makefile targets): ``python -m handbook.authoring.scaffold TYPE NOM [--jour N]`` with TYPE one of
fiche, sequence, cas, modele, chapitre, terme. The skeleton deliberately fails the build until the author
fills it: empty fields and empty sections are reported one by one, in French.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .. import model as schema

KINDS = {
    "fiche": schema.Tool,
    "sequence": schema.Sequence,
    "cas": schema.CaseStudy,
    "modele": schema.Template,
    "chapitre": schema.Chapter,
    "support": schema.Worksheet,
    "rencontre": schema.MeetingPlan,
}

#: Folders whose navigation section is kept in alphabetical order (after its index page).
SORTED_FOLDERS = ("outils", "modeles", "supports")

def training_days(project: Path) -> list[int]:
    """Numbers of the days of the run sheet (data/deroule.yml)."""
    import yaml

    try:
        data = yaml.safe_load((project / "data" / "deroule.yml").read_text(encoding="utf-8"))
        return [int(day["numero"]) for day in data["jours"]]
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
        return [1]


class ScaffoldError(Exception):
    """A French message for the author."""


def _comment(text: str) -> str:
    return f"<!-- À écrire : {text} -->"


def _front_matter(kind: type[schema.Page], slug: str, day: int | None) -> list[str]:
    values = {
        "title": '""', "description": '""', "tags": "[]",
        "id": f"j{day}-{slug}", "jour": str(day), "objectifs": "[]", "lignes": "[]", "outils": "[]",
        "finalites": "[]", "duree": "{min: 0, max: 0}", "groupe": "{min: 0, max: 0}", "formats": "[]",
        "niveau": '""', "materiel": "[]", "associes": "[]",
        "ordre": "0", "fictif": "true",
    }
    lines = ["---", f"# {kind.LABEL.capitalize()} : remplissez chaque champ. Tant qu'il manque quelque chose,",
             "# la construction (make serve ou make build) dit quoi et où."]
    for name, field in kind.model_fields.items():
        if name in ("hide", "render_macros", "search", "icon", "status"):
            continue
        help_text = schema.field_description(kind, name).replace('"', "'")
        allowed = ""
        if name == "finalites":
            allowed = " Valeurs : " + ", ".join(schema.PURPOSES) + "."
        value = values.get(name, '""')
        if kind is schema.MeetingPlan and name in ("duree", "participants"):
            value = "0" if name == "duree" else "{min: 0, max: 0}"
        elif name not in values and not field.is_required():  # an optional field starts at its default value
            value = str(field.default).lower() if isinstance(field.default, bool) else str(field.default)
            if field.default is None:  # left empty (YAML null) until the author fills it
                value = ""
        lines.append(f"{name}:{' ' + value if value else ''}  # {help_text}{allowed}")
    lines.append("---")
    return lines


def page_skeleton(kind: type[schema.Page], slug: str, day: int | None = None) -> str:
    title = slug.replace("-", " ").capitalize()
    lines = _front_matter(kind, slug, day) + ["", f"# {title}", ""]
    if kind is schema.Sequence:  # slide blocks: 2 to 6 a sequence (model/slides.py)
        lines += ["{{ entete_sequence() }}", "", f'!!! diapo titre "{title}"',
                  "    " + _comment("une ou deux phrases courtes : ce que la séquence apporte."), ""]
    if kind is schema.CaseStudy:
        lines += ['!!! info "Cas fictif"', "    Personnes, structures et situations sont inventées pour la formation.", ""]
    for section in kind.SECTIONS:
        lines += [f"## {section}", "", _comment(section.guidance or "le contenu de cette section."), ""]
        if kind is schema.Sequence and section == "Activité d'application":
            lines += ['??? correction "Pistes de correction"', "    " + _comment("ce qu'une bonne production contient."), "",
                      '!!! animation "Notes pour l\'animation"', "    " + _comment("préparation, matériel, pièges, relances."), "",
                      '!!! diapo "Consigne"', "    " + _comment(
                          "la consigne projetée en trois ou quatre phrases courtes ; complétez le titre : "
                          "« Consigne · l'exercice (par trois, 20 min) »."), ""]
    return "\n".join(lines).rstrip() + "\n"


def add_to_nav(config: Path, entry: str) -> None:
    """Add ``entry`` (path relative to docs/) to the navigation of mkdocs.yml, next to the pages of its folder."""
    lines = config.read_text(encoding="utf-8").split("\n")
    folder = entry.split("/")[0]
    siblings = [i for i, line in enumerate(lines) if re.match(rf"\s+- (?:[^:\n]+: )?{re.escape(folder)}/", line)]
    if not siblings:  # no page of this folder yet: append after the last entry of the nav
        start = next(i for i, line in enumerate(lines) if line.startswith("nav:"))
        index = start + 1
        while index < len(lines) and lines[index].startswith("  "):
            index += 1
        lines.insert(index, f"  - {entry}")
    else:
        indent = lines[siblings[0]][: len(lines[siblings[0]]) - len(lines[siblings[0]].lstrip())]
        index = siblings[-1] + 1
        if folder in SORTED_FOLDERS:
            later = [i for i in siblings if not lines[i].strip().endswith("index.md") and lines[i].strip()[2:] > entry]
            index = later[0] if later else index
        lines.insert(index, f"{indent}- {entry}")
    config.write_text("\n".join(lines), encoding="utf-8")


def glossary_entry(slug: str) -> str:
    """A glossary entry to fill, each field commented with its role from the schema."""
    values = {"id": slug, "terme": '""', "definition": '""', "sources": "[]", "lies": "[]"}
    lines = [""]
    for number, name in enumerate(schema.GlossaryTerm.model_fields):
        comment = f"  # {schema.field_description(schema.GlossaryTerm, name)}" if name != "id" else ""
        lines.append(f"{'- ' if number == 0 else '  '}{name}: {values[name]}{comment}")
    return "\n".join(lines) + "\n"


def create(project: Path, kind_name: str, slug: str, day: int | None = None) -> Path:
    if not re.fullmatch(schema.SLUG, slug or ""):
        raise ScaffoldError(f"nom « {slug} » invalide : minuscules, chiffres et tirets seulement (ex. marche-exploratoire)")
    if kind_name == "terme":
        path = project / "data" / "glossaire.yml"
        if re.search(rf"^- id: {re.escape(slug)}\s*$", path.read_text(encoding="utf-8"), re.M):
            raise ScaffoldError(f"le terme « {slug} » existe déjà dans data/glossaire.yml")
        with path.open("a", encoding="utf-8") as handle:
            handle.write(glossary_entry(slug))
        return path
    if kind_name not in KINDS:
        raise ScaffoldError(f"type « {kind_name} » inconnu ; types possibles : {', '.join([*KINDS, 'terme'])}")
    kind = KINDS[kind_name]
    if kind is schema.Sequence:
        days = training_days(project)
        if day not in days:
            raise ScaffoldError("précisez le jour de la séquence : " + " ou ".join(f"JOUR={d}" for d in days))
        folder = f"jour-{day}"
    else:
        folder = kind.FOLDER
    entry = f"{folder}/{slug}.md"
    path = project / "docs" / entry
    if path.exists():
        raise ScaffoldError(f"le fichier docs/{entry} existe déjà")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_skeleton(kind, slug, day), encoding="utf-8")
    add_to_nav(project / "mkdocs.yml", entry)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.authoring.scaffold",
                                     description="Crée une page (ou un terme du glossaire) à remplir.")
    parser.add_argument("type", help="fiche, sequence, cas, modele, chapitre, support, rencontre ou terme")
    parser.add_argument("nom", help="nom du fichier, en minuscules et tirets")
    parser.add_argument("--jour", type=int, default=None, help="jour d'une séquence (1, 2…)")
    parser.add_argument("--projet", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        path = create(args.projet, args.type, args.nom, args.jour)
    except ScaffoldError as error:
        print(f"Impossible de créer la page : {error}.", file=sys.stderr)
        return 2
    where = path.relative_to(args.projet)
    if args.type == "terme":
        print(f"Terme « {args.nom} » ajouté à la fin de {where}. Remplissez-le, puis lancez « make serve ».")
    else:
        print(f"Créé : {where}. Remplissez-le, puis lancez « make serve » : la construction dit ce qui manque.")
    if args.type == "sequence":
        print("Pensez à lui donner un créneau dans data/deroule.yml (champ « sequence: j"
              f"{args.jour}-{args.nom} »).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
