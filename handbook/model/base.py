"""Building blocks of the content model: closed lists, base model, references to other content, field docs."""

from __future__ import annotations

import inspect
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo
from pydantic.fields import FieldInfo

from .suggest import suggestion


def doc(text: str) -> FieldInfo:
    """The role of a field, in French, shown in the reference page and the page skeletons."""
    return Field(description=inspect.cleandoc(text))


def field_description(model: type[BaseModel], name: str) -> str:
    """Role of a field of ``model`` (declared with ``doc``), empty if undocumented."""
    field = model.model_fields.get(name)
    return (field.description or "") if field else ""


SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG)]
Text = Annotated[str, Field(min_length=1)]

# --------------------------------------------------------------------------
# Closed lists shared by the data and the pages
# --------------------------------------------------------------------------

#: Purposes a tool serves. The first five are the five purposes of UNA
#: communities of practice named in the programme sheet.
PURPOSES: dict[str, str] = {
    "interconnaissance": "Interconnaissance",
    "veille": "Veille continue",
    "dynamiques-regionales": "Dynamiques régionales communes",
    "creation-outils": "Création d'outils",
    "evenements": "Événements",
    "regulation": "Régulation",
    "evaluation": "Évaluation",
    "decision": "Décision",
    "prospective": "Prospective",
    "cartographie": "Cartographie",
}
FORMATS: dict[str, str] = {
    "presentiel": "Présentiel",
    "distance": "À distance",
    "hybride": "Hybride",
}
LEVELS: dict[str, str] = {
    "decouverte": "Premiers pas",
    "intermediaire": "Intermédiaire",
    "confirme": "Confirmé",
}
#: Methods of a timed step, as the programme sheet names them.
METHODS: dict[str, str] = {
    "apport": "Apport",
    "atelier": "Atelier",
    "echange": "Échange",
    "exemple": "Exemple",
    "evaluation": "Évaluation",
}
#: A meeting plan may also schedule a break as a step.
MEETING_METHODS: dict[str, str] = {**METHODS, "pause": "Pause"}

#: How people work during a timed step, with the size of one group (0: the whole room is one group).
CONFIGURATIONS: dict[str, int] = {
    "plénière": 0,
    "individuel": 1,
    "binômes": 2,
    "trios": 3,
    "groupes de 4": 4,
    "groupes de 5": 5,
    "groupes de 6": 6,
    "sous-groupes en visio": 4,
    "bocal": 0,
}
#: What one unit of a document or of material is given to, during a step.
PER_UNITS: tuple[str, ...] = ("par personne", "par groupe", "pour la salle")
#: Paper formats of printed documents.
PAPER_FORMATS: tuple[str, ...] = ("A4", "A3")

Purpose = Literal[tuple(PURPOSES)]  # type: ignore[valid-type]
Format = Literal[tuple(FORMATS)]  # type: ignore[valid-type]
Level = Literal[tuple(LEVELS)]  # type: ignore[valid-type]


class Strict(BaseModel):
    """Base model: unknown fields are errors (they are usually typos). Each field declares its role with ``doc``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


#: Between a validator's problem and its fix: ``french_errors`` puts what follows after « → ».
FIX = " ; corriger : "


def _known(value: str, info: ValidationInfo, key: str, what: str) -> str:
    """Check ``value`` against a closed list given in the validation context.

    ``what`` names the unknown thing with its agreement, e.g. « outil {} inconnu ».
    """
    known = (info.context or {}).get(key)
    if known is not None and value not in known:
        ordered = sorted(known)
        choices = (", ".join(ordered[:60]) + (" …" if len(ordered) > 60 else "")) or "aucune"
        hint = suggestion(value, known)
        raise ValueError(what.format(f"« {value} »") + f"{FIX}{hint + ' ; ' if hint else ''}valeurs possibles : {choices}")
    return value


def _known_tool(value: str, info: ValidationInfo) -> str:
    return _known(value, info, "tools", "outil {} inconnu")


def _known_objective(value: str, info: ValidationInfo) -> str:
    return _known(value, info, "objectives", "objectif de formation {} inconnu")


def _known_line(value: str, info: ValidationInfo) -> str:
    return _known(value, info, "lines", "ligne du programme {} inconnue")


def _known_reference(value: str, info: ValidationInfo) -> str:
    return _known(value, info, "references", "référence bibliographique {} inconnue")


#: References to other content, checked against the lists given in the validation context.
ToolRef = Annotated[str, Field(pattern=SLUG), AfterValidator(_known_tool)]
ObjectiveRef = Annotated[str, AfterValidator(_known_objective)]
LineRef = Annotated[str, AfterValidator(_known_line)]
ReferenceRef = Annotated[str, Field(pattern=SLUG), AfterValidator(_known_reference)]

