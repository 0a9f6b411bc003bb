"""French messages for validation errors of the data files and front matter."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..typography import fold
from .base import FIX
from .suggest import suggestion

_TYPE_NAMES = {
    "int": "un nombre entier",
    "string": "un texte",
    "list": "une liste",
    "bool": "vrai ou faux (true / false)",
    "dict": "un ensemble de champs (clé : valeur)",
    "model": "un ensemble de champs (clé : valeur)",
}


def _where(loc: tuple[Any, ...]) -> str:
    parts = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"n° {item + 1}")
        else:
            parts.append(str(item))
    return " › ".join(parts)


def french_errors(error: ValidationError) -> list[tuple[tuple, str, str]]:
    """Translate a pydantic error into French an author can act on: (place of the field — pydantic's ``loc``, keys and
    list positions —, the problem, its fix or an empty string when the problem says it)."""
    messages = []
    for item in error.errors(include_url=False):
        kind = item["type"]
        loc = tuple(x for x in item["loc"] if not (isinstance(x, str) and x.startswith("function-")))
        field = _where(loc) if loc else "(page)"
        value = item.get("input")
        ctx = item.get("ctx") or {}
        fix = ""
        if kind == "missing":
            text = f"le champ obligatoire « {field} » est absent"
            fix = "ajoutez-le (la page « Modèle de contenu » de l'édition formation décrit chaque champ)"
        elif kind == "extra_forbidden":
            text = f"le champ « {field} » n'existe pas dans le modèle (faute de frappe ?)"
            fix = "corrigez son nom ou retirez-le"
        elif kind == "literal_error":
            expected = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
            if value in ("", None):
                text, fix = f"le champ « {field} » est vide", f"valeurs possibles : {expected}"
            else:
                choices = [c.strip() for c in expected.split(",")]
                text, fix = f"valeur « {value} » inconnue pour « {field} »", f"valeurs possibles : {expected}"
                if fold(str(value)) in choices and fold(str(value)) != value:
                    fix = f"écrivez-la sans accent ni majuscule : « {fold(str(value))} »"
                elif hint := suggestion(str(value), choices):
                    fix = hint + f" ; valeurs possibles : {expected}"
        elif kind.endswith("_type") or kind.endswith("_parsing"):
            wanted = next((v for k, v in _TYPE_NAMES.items() if kind.startswith(k)), "une autre forme de valeur")
            text = f"« {field} » doit être {wanted} (valeur reçue : « {value} »)"
        elif kind == "string_pattern_mismatch":
            text = f"« {field} » a une forme invalide (valeur reçue : « {value} »)"
            fix = "écrivez un identifiant en minuscules, chiffres et tirets"
        elif kind == "string_too_short":
            text = f"« {field} » est vide : écrivez-le"
        elif kind == "too_short":
            minimum = ctx.get("min_length", 1)
            text = (f"« {field} » est vide : donnez au moins un élément" if minimum <= 1
                    else f"« {field} » doit avoir au moins {minimum} éléments")
        elif kind == "too_long":
            text = f"« {field} » contient trop d'éléments"
        elif kind in ("greater_than", "greater_than_equal"):
            text = f"« {field} » doit être un nombre positif (valeur reçue : « {value} »)"
        elif kind == "value_error":
            text, _, fix = str(ctx.get("error", item["msg"])).partition(FIX)
            text = (f"« {field} » : " if loc else "") + text
        else:
            text = f"« {field} » est invalide ({item['msg']})"
        messages.append((loc, text, fix))
    return messages


def field_line(text: str, loc: tuple) -> int | None:
    """Line (from 1) of the field at ``loc`` in a YAML text (a data file, or a page whose front matter opens it):
    each key is looked for below the previous one, more indented; a list position counts the dashes. The line of
    the deepest part found (the field's parent when the field itself is missing)."""
    lines = text.splitlines()
    start, indent, found = 0, -1, None
    for part in loc:
        for number in range(start, len(lines)):
            line = lines[number]
            stripped = line.lstrip(" ")
            depth = len(line) - len(stripped)
            if stripped and depth <= indent and not stripped.startswith("- ") and number > start:
                return found  # left the parent's block
            if isinstance(part, int):
                if stripped.startswith("- ") and depth > indent - 2:
                    if part == 0:
                        start, indent, found = number, depth + 1, number + 1
                        break
                    part -= 1
            elif (stripped.startswith(f"{part}:") or stripped.startswith(f"- {part}:")) and depth > indent - 2:
                start, indent, found = number + 1, depth + (2 if stripped.startswith("- ") else 0), number + 1
                break
        else:
            return found
    return found

