"""French messages for validation errors of the data files and front matter."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..typography import fold
from .suggest import closest

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


def french_errors(error: ValidationError) -> list[str]:
    """Translate a pydantic error into French sentences an author can act on."""
    messages = []
    for item in error.errors(include_url=False):
        kind = item["type"]
        loc = tuple(x for x in item["loc"] if not (isinstance(x, str) and x.startswith("function-")))
        field = _where(loc) if loc else "(page)"
        value = item.get("input")
        ctx = item.get("ctx") or {}
        if kind == "missing":
            text = f"le champ obligatoire « {field} » est absent"
        elif kind == "extra_forbidden":
            text = f"le champ « {field} » n'existe pas dans le modèle (faute de frappe ?)"
        elif kind == "literal_error":
            expected = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
            if value in ("", None):
                text = f"le champ « {field} » est vide ; valeurs possibles : {expected}"
            else:
                choices = [c.strip() for c in expected.split(",")]
                hint = closest(str(value), choices)
                if hint and fold(str(value)) in choices and fold(str(value)) != value:
                    hint = f" (écrivez-la sans accent ni majuscule : « {fold(str(value))} »)"
                text = f"valeur « {value} » inconnue pour « {field} »{hint} ; valeurs possibles : {expected}"
        elif kind.endswith("_type") or kind.endswith("_parsing"):
            wanted = next((v for k, v in _TYPE_NAMES.items() if kind.startswith(k)), "une autre forme de valeur")
            text = f"« {field} » doit être {wanted} (valeur reçue : « {value} »)"
        elif kind == "string_pattern_mismatch":
            text = f"« {field} » a une forme invalide (valeur reçue : « {value} ») ; attendu : identifiant en minuscules, chiffres et tirets"
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
            text = (f"« {field} » : " if loc else "") + str(ctx.get("error", item["msg"]))
        else:
            text = f"« {field} » est invalide ({item['msg']})"
        messages.append(text)
    return messages

