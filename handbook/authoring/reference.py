"""The reference of the content model, generated from the schema so that it never drifts from the checks."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel

from .. import model as schema
from ..model.criteria import ObjectiveCriteria
from ..model.data import Session
from ..typography import french_spaces

#: Data files and the model of one of their entries (or of the whole file).
DATA_MODELS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("data/formation.yml", schema.Training, "La fiche programme, source de l'accueil et de la page « La formation »."),
    ("data/deroule.yml", schema.RunSheet, "Le déroulé minuté des deux journées."),
    ("data/glossaire.yml", schema.GlossaryTerm, "Une entrée du glossaire (le fichier est une liste de ces entrées)."),
    ("data/bibliographie.yml", schema.Reference, "Une référence (le fichier est une liste de ces entrées)."),
    ("data/criteres.yml", ObjectiveCriteria, "Les critères observables d'un objectif (le fichier est une liste de ces "
     "entrées, une par objectif)."),
    ("data/sessions.yml", Session, "Une session de la formation, passée ou à venir (le fichier est une liste de ces "
     "entrées)."),
)

def folders(kind: type[schema.Page]) -> str:
    """Where pages of ``kind`` live, from the folder the schema gives it (``jour-*`` for the two days)."""
    if kind.FOLDER is None:
        return "toute autre page, et les pages `index.md`"
    if "*" in kind.FOLDER:  # one folder per day of the run sheet
        return f"`docs/{kind.FOLDER.replace('*', '1')}/`, `docs/{kind.FOLDER.replace('*', '2')}/`… (un dossier par jour)"
    return f"`docs/{kind.FOLDER}/`"


def type_label(annotation: Any) -> str:
    """French label of a field type."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_label(args[0])
    if origin is Literal:
        return "valeur permise"
    if origin in (list, tuple):
        inner = args[0] if args else str
        while typing.get_origin(inner) is typing.Annotated:
            inner = typing.get_args(inner)[0]
        if typing.get_origin(inner) is Literal:
            return "liste de valeurs permises"
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return "liste d'éléments (champs ci-dessous)"
        return {str: "liste de textes", int: "liste de nombres"}.get(inner, "liste")
    if origin is dict:
        return "ensemble de champs"
    if origin in (typing.Union, types.UnionType):
        kinds = [type_label(a) for a in args if a is not type(None)]
        return " ou ".join(kinds)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "ensemble de champs : `{" + ", ".join(annotation.model_fields) + "}`"
    return {str: "texte", int: "nombre entier", bool: "vrai ou faux"}.get(annotation, str(annotation))


def allowed_values(annotation: Any) -> list[str]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Literal:
        return [str(a).lower() if isinstance(a, bool) else str(a) for a in args]
    values: list[str] = []
    for arg in args:
        values += allowed_values(arg)
    return values


def _cell(text: str) -> str:
    return french_spaces(text.replace("|", "/").replace("\n", " "))


def fields_table(model: type[BaseModel]) -> list[str]:
    rows = ["| Champ | Type | Obligatoire | Valeurs permises | Rôle |", "|---|---|---|---|---|"]
    for name, field in model.model_fields.items():
        values = ", ".join(f"`{v}`" for v in dict.fromkeys(allowed_values(field.annotation)))
        required = "oui" if field.is_required() else "non"
        rows.append(f"| `{name}` | {type_label(field.annotation)} | {required} | {_cell(values) or '·'} | "
                    f"{_cell(schema.field_description(model, name) or '·')} |")
    return rows


def nested_models(model: type[BaseModel]) -> list[tuple[type[BaseModel], str]]:
    """Models used inside ``model`` with the field path that leads to them (depth first, each once)."""
    found: list[tuple[type[BaseModel], str]] = []

    def walk(annotation, path: str):
        for arg in typing.get_args(annotation) or ():
            walk(arg, path)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) \
                and annotation not in [m for m, _ in found]:
            found.append((annotation, path))
            for name, field in annotation.model_fields.items():
                walk(field.annotation, f"{path} › {name}")

    for name, field in model.model_fields.items():
        walk(field.annotation, name)
    return found


def content_model_markdown() -> str:
    out = [
        "Cette page est produite à partir du schéma que la construction applique (`handbook/schema.py`) : "
        "elle dit exactement ce qui est vérifié. Un champ « obligatoire » manquant, une valeur hors liste, une "
        "section ou un bloc absent font échouer la construction avec un message qui nomme le fichier.",
        "",
        "## Types de pages",
        "",
    ]
    for kind in schema.PAGE_TYPES:
        out += [f"### {kind.LABEL.capitalize()} ({folders(kind)})", ""]
        out += fields_table(kind) + [""]
        if kind.SECTIONS:
            out += ["Sections obligatoires (titres de niveau 2, écrits exactement ainsi) :", ""]
            out += [f"- `## {title}`" for title in kind.SECTIONS] + [""]
        if kind.BLOCKS:
            out += ["Blocs obligatoires :", ""]
            out += [f"- `{syntax}`" for syntax in kind.BLOCKS.values()] + [""]
        if kind is schema.Sequence:
            out += [f"Chaque étape du déroulé minuté s'écrit `{schema.STEP_SYNTAX_WITH_METHOD}`, avec une modalité "
                    "parmi : " + ", ".join(schema.METHODS.values()) + ". La somme des étapes est égale à la durée "
                    "du créneau de la séquence dans `data/deroule.yml`.", ""]
        if kind is schema.Tool:
            out += [f"Chaque étape du déroulé minuté s'écrit `{schema.STEP_SYNTAX}` ; la somme tombe dans la "
                    "durée annoncée. Finalités possibles : " + ", ".join(f"`{k}` ({v})" for k, v in
                                                                         schema.PURPOSES.items()) + ".", ""]
    out += ["## Fichiers de données", ""]
    for file, model, role in DATA_MODELS:
        out += [f"### `{file}`", "", role, ""] + fields_table(model) + [""]
        for nested, field_path in nested_models(model):
            if nested is not schema.Range:
                out += [f"Champs de chaque élément de `{field_path}` :", ""] + fields_table(nested) + [""]
    out += ["### Champs `duree` et `groupe` des fiches outils", ""] + fields_table(schema.Range) + [""]
    return french_spaces("\n".join(out))


def all_models() -> list[type[BaseModel]]:
    """Every model of the schema that the reference documents."""
    models: list[type[BaseModel]] = list(schema.PAGE_TYPES)
    for _, model, _ in DATA_MODELS:
        models.append(model)
        models += [nested for nested, _ in nested_models(model)]
    models.append(schema.Range)
    return list(dict.fromkeys(models))
