"""The content model of the handbook: one schema for the build and the tests.

It describes the data files (training programme, glossary, bibliography), the page
types with their front matter and the sections each type must contain. Field names
are in French because authors write them; identifiers of the code stay in English.
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo,
                      field_validator, model_validator)

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

Purpose = Literal[tuple(PURPOSES)]  # type: ignore[valid-type]
Format = Literal[tuple(FORMATS)]  # type: ignore[valid-type]
Level = Literal[tuple(LEVELS)]  # type: ignore[valid-type]


class Strict(BaseModel):
    """Base model: unknown fields are errors (they are usually typos).

    The role of each field is the docstring under it, read on demand by ``field_description`` for the reference and
    the page skeletons (pydantic's ``use_attribute_docstrings`` reads the source of every model at each import, a
    third of the time the schema takes to load)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _known(value: str, info: ValidationInfo, key: str, what: str) -> str:
    """Check ``value`` against a closed list given in the validation context.

    ``what`` names the unknown thing with its agreement, e.g. « outil {} inconnu ».
    """
    known = (info.context or {}).get(key)
    if known is not None and value not in known:
        ordered = sorted(known)
        choices = (", ".join(ordered[:60]) + (" …" if len(ordered) > 60 else "")) or "aucune"
        raise ValueError(what.format(f"« {value} »") + f" ; valeurs possibles : {choices}")
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


# --------------------------------------------------------------------------
# Data file: the training programme (data/formation.yml)
# --------------------------------------------------------------------------


class Labelled(Strict):
    """An objective of the training."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9-]+$")]
    """Identifiant court que citent les séquences dans leur champ `objectifs` (ex. `O1`)."""
    libelle: Text
    """L'objectif tel que l'écrit la fiche programme."""


class CommunityPurpose(Strict):
    id: Purpose
    """Finalité, dans la liste fermée des finalités des fiches outils."""
    libelle: Text
    """La finalité telle que l'écrit la fiche programme."""


class ProgrammeLine(Strict):
    id: Annotated[str, Field(pattern=r"^J[12]-L[0-9]+$")]
    """Identifiant que citent les séquences dans leur champ `lignes` (ex. `J1-L3`)."""
    libelle: Text
    """La ligne de contenu telle que l'écrit la fiche programme."""


class ProgrammeBlock(Strict):
    titre: Text
    """Titre du bloc de contenu de la journée (ex. « Notions et pratiques »)."""
    lignes: Annotated[list[ProgrammeLine], Field(min_length=1)]
    """Lignes de contenu du bloc."""


class ProgrammeDay(Strict):
    numero: Literal[1, 2]
    """Numéro du jour : 1 ou 2."""
    blocs: Annotated[list[ProgrammeBlock], Field(min_length=1)]
    """Blocs de contenu de la journée, dans l'ordre de la fiche programme."""


class Method(Strict):
    nom: Text
    """Nom de la modalité (ex. « Apports théoriques »)."""
    contenu: Text
    """Ce que recouvre la modalité, selon la fiche programme."""


class Methods(Strict):
    presentation: Text
    """Phrase d'ensemble sur les méthodes pédagogiques."""
    modalites: Annotated[list[Method], Field(min_length=1)]
    """Les modalités pédagogiques, une par élément."""


class Resource(Strict):
    libelle: Text
    """Nom de la ressource dans la fiche programme."""
    page: Annotated[str, Field(pattern=r"^[a-z0-9/-]+\.md$")]
    """Page du manuel qui contient ou remplace la ressource (chemin depuis `docs/`)."""
    usage: Text
    """Ce que la personne trouve sur cette page et comment s'en servir."""


class Session(Strict):
    dates: Text
    """Dates écrites en toutes lettres (ex. « 14 et 15 janvier 2026 »)."""
    lieu: Text
    """Ville ou lieu de la session."""
    debut: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    """Premier jour, au format `AAAA-MM-JJ`."""
    fin: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    """Dernier jour, au format `AAAA-MM-JJ`."""


class PracticalItem(Strict):
    """A public-information item of the programme sheet (Qualiopi indicator 1)."""

    libelle: Text
    """Intitulé affiché (ex. « Délais d'accès »)."""
    texte: Text
    """Le texte de l'information."""
    precise: bool
    """`false` quand la fiche programme ne donne pas l'information et que le texte est une mention générale."""


class Training(Strict):
    """Everything the programme sheet says, plus the public-information items."""

    titre: Text
    """Intitulé de la formation."""
    description: Annotated[list[Text], Field(min_length=1)]
    """Paragraphes de présentation de la fiche programme, un par élément."""
    finalites_communautes: Annotated[list[CommunityPurpose], Field(min_length=5, max_length=5)]
    """Les cinq finalités des communautés de pratique citées par la fiche programme."""
    prerequis: Text
    """Prérequis pour suivre la formation."""
    objectifs: Annotated[list[Labelled], Field(min_length=1)]
    """Objectifs de la formation."""
    jours: Annotated[list[ProgrammeDay], Field(min_length=2, max_length=2)]
    """Contenu des deux journées."""
    methodes: Methods
    """Méthodes pédagogiques."""
    ressources: Annotated[list[Resource], Field(min_length=1)]
    """Ressources pédagogiques et la page du manuel qui les porte."""
    evaluation: Text
    """Modalités d'évaluation des acquis."""
    duree: Text
    """Durée en toutes lettres (ex. « 2 jours »)."""
    duree_heures: Annotated[int, Field(gt=0)]
    """Durée totale en heures."""
    intervenants: Text
    """Profil de la personne qui forme, sans nom."""
    public: Text
    """Public visé."""
    sessions: Annotated[list[Session], Field(min_length=1)]
    """Sessions programmées."""
    informations: dict[Literal["modalites_acces", "delais_acces", "tarifs", "contacts", "accessibilite"], PracticalItem]
    """Informations publiques : modalités et délais d'accès, tarifs, contacts, accessibilité (toutes requises)."""
    date_mise_a_jour: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    """Date de la dernière mise à jour de ces informations, au format `AAAA-MM-JJ`."""

    @field_validator("informations")
    @classmethod
    def _all_items(cls, value: dict[str, PracticalItem]) -> dict[str, PracticalItem]:
        expected = {"modalites_acces", "delais_acces", "tarifs", "contacts", "accessibilite"}
        missing = sorted(expected - set(value))
        if missing:
            raise ValueError("informations publiques manquantes : " + ", ".join(missing))
        return value

    @model_validator(mode="after")
    def _unique_ids(self) -> "Training":
        ids = [o.id for o in self.objectifs] + [line.id for line in self.lines()]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError("identifiants en double : " + ", ".join(duplicates))
        if sorted(d.numero for d in self.jours) != [1, 2]:
            raise ValueError("les jours doivent être numérotés 1 et 2")
        return self

    def lines(self) -> list[ProgrammeLine]:
        return [line for day in self.jours for block in day.blocs for line in block.lignes]


# --------------------------------------------------------------------------
# Data file: the run-sheet of the two days (data/deroule.yml)
# --------------------------------------------------------------------------

Clock = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


class Slot(Strict):
    """A time slot: either a sequence (its id) or a break."""

    debut: Clock
    """Heure de début, au format `HH:MM`."""
    fin: Clock
    """Heure de fin, au format `HH:MM`."""
    sequence: Annotated[str, Field(pattern=r"^j[12]-[a-z0-9]+(?:-[a-z0-9]+)*$")] | None = None
    """Identifiant de la séquence (champ id de sa page), si le créneau est une séquence."""
    pause: Text | None = None
    """Nom de la pause (Pause, Déjeuner), si le créneau n'est pas une séquence."""

    @model_validator(mode="after")
    def _one_kind(self) -> "Slot":
        if (self.sequence is None) == (self.pause is None):
            raise ValueError(f"le créneau {self.debut}–{self.fin} doit avoir soit « sequence », soit « pause »")
        if minutes(self.fin) <= minutes(self.debut):
            raise ValueError(f"le créneau {self.debut}–{self.fin} finit avant de commencer")
        return self

    @property
    def duration(self) -> int:
        return minutes(self.fin) - minutes(self.debut)


class RunSheetDay(Strict):
    numero: Literal[1, 2]
    """Numéro du jour : 1 ou 2."""
    creneaux: Annotated[list[Slot], Field(min_length=1)]
    """Créneaux de la journée, dans l'ordre, sans trou ni chevauchement."""


class RunSheet(Strict):
    heures_par_jour: Annotated[int, Field(gt=0, le=10)]
    """Heures de formation par jour, pauses non comptées (7)."""
    jours: Annotated[list[RunSheetDay], Field(min_length=2, max_length=2)]
    """Les deux journées."""


def run_sheet_problems(sheet: RunSheet) -> list[str]:
    """Gaps, overlaps and days that do not add up, in French."""
    problems = []
    for day in sheet.jours:
        slots = day.creneaux
        for before, after in zip(slots, slots[1:]):
            if minutes(after.debut) > minutes(before.fin):
                problems.append(f"jour {day.numero} : trou entre {before.fin} et {after.debut}")
            elif minutes(after.debut) < minutes(before.fin):
                problems.append(f"jour {day.numero} : le créneau de {after.debut} chevauche le précédent, "
                                f"qui finit à {before.fin}")
        training = sum(slot.duration for slot in slots if slot.sequence)
        expected = sheet.heures_par_jour * 60
        if training != expected:
            problems.append(f"jour {day.numero} : {training // 60} h {training % 60:02d} de formation "
                            f"au lieu de {sheet.heures_par_jour} h (pauses non comptées)")
    return problems


# --------------------------------------------------------------------------
# Timed steps (« ## Déroulé minuté » of sequences and tool sheets)
# --------------------------------------------------------------------------

STEP = re.compile(r"^\d+\.\s+\*\*(?P<minutes>\d+)\s*min\*\*\s*·\s*(?P<rest>.+)$")


def section_body(markdown: str, title: str) -> tuple[str, int]:
    """Text of the ``## title`` section and the line number of its heading (0 if absent)."""
    for name, number, body in _sections(markdown):
        if name == title:
            return body, number
    return "", 0


def timed_steps(markdown: str) -> list[dict]:
    """Steps of the « Déroulé minuté » section: minutes, method (if given), text."""
    body, _ = section_body(markdown, "Déroulé minuté")
    steps = []
    for line in body.splitlines():
        match = STEP.match(line.strip())
        if match:
            rest = match.group("rest")
            method, _, text = rest.partition(" · ")
            steps.append({"minutes": int(match.group("minutes")), "method": method.strip() if text else None,
                          "text": (text or rest).strip()})
    return steps


# --------------------------------------------------------------------------
# Data files: glossary and bibliography
# --------------------------------------------------------------------------


class Reference(Strict):
    """One entry of the bibliography; only works marked « vérifié » in the vetted list."""

    cle: Slug
    """Clé de citation, en minuscules (ex. `wenger-1998`), utilisée par `{{ cite("…") }}`."""
    court: Text
    """Forme courte des auteurs dans les citations (ex. « Wenger, McDermott et Snyder »)."""
    auteurs: Text
    """Liste complète des auteurs, comme dans la référence vérifiée."""
    annee: Annotated[str, Field(pattern=r"^\d{4}$|^s\. d\.$")]
    """Année sur quatre chiffres, ou « s. d. » quand elle n'est pas vérifiée."""
    titre: Text
    """Titre exact de l'ouvrage, de l'article ou du texte."""
    publication: str | None = None
    """Éditeur, revue ou lieu, seulement ce qui est vérifié (peut être absent)."""
    theme: Text
    """Thème sous lequel la référence est rangée dans la bibliographie."""
    resume: Text
    """Une à trois phrases, avec nos mots, sur ce que l'ouvrage apporte."""


class GlossaryTerm(Strict):
    """One glossary entry: a short definition in our own words, its source, related terms."""

    id: Slug
    """Identifiant du terme, en minuscules et tirets, utilisé par `{{ terme("…") }}`."""
    terme: Text
    """Le terme tel qu'il s'affiche (majuscule initiale)."""
    definition: Text
    """Définition courte, avec nos mots : une à trois phrases."""
    sources: Annotated[list[ReferenceRef], Field(min_length=1)]
    """Clés de la bibliographie qui appuient la définition (au moins une)."""
    lies: list[Slug] = []
    """Identifiants d'autres termes du glossaire, à lire avec celui-ci."""

    @field_validator("definition")
    @classmethod
    def _short(cls, value: str) -> str:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", value.strip()) if s]
        if len(sentences) > 3:
            raise ValueError("la définition doit tenir en une à trois phrases")
        return value


# --------------------------------------------------------------------------
# Page types (front matter + required sections)
# --------------------------------------------------------------------------


class Page(Strict):
    """Any page of the handbook."""

    #: Identifier of the page type, used in macros and commands.
    KEY: ClassVar[str] = "page"
    #: Human name of the page type, for messages.
    LABEL: ClassVar[str] = "page"
    #: Folder (relative to docs/) whose pages have this type; None for generic pages.
    FOLDER: ClassVar[str | None] = None
    #: Level-2 headings (``## …``) the page must contain, in this order.
    SECTIONS: ClassVar[tuple[str, ...]] = ()
    #: Admonition types (``!!! type`` or ``??? type``) the page must contain, with their purpose.
    BLOCKS: ClassVar[dict[str, str]] = {}

    title: Text
    """Titre de la page (majuscule au premier mot seulement)."""
    description: Text
    """Une phrase qui résume la page : elle s'affiche dans les listes, le catalogue et les moteurs de recherche."""
    tags: list[Text] = []
    """Étiquettes de la page (liste de textes), reprises dans la page « Étiquettes »."""
    # Native MkDocs / Material / macros keys an author may use.
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []
    """Éléments de Material à masquer sur la page : `navigation`, `toc`, `footer`, `path`, `tags`, `feedback`."""
    render_macros: bool = True
    """Mettre `false` pour qu'aucune macro `{{ … }}` ne soit interprétée dans la page."""
    search: dict[str, Any] = {}
    """Réglages de la recherche pour la page, par exemple `exclude: true`."""
    icon: str | None = None
    """Icône Material de la page (rarement utile)."""
    status: str | None = None
    """Statut Material de la page (`new`, `deprecated` ; rarement utile)."""


class Sequence(Page):
    KEY: ClassVar[str] = "sequence"
    LABEL: ClassVar[str] = "séquence"
    FOLDER: ClassVar[str | None] = "jour-*"
    SECTIONS: ClassVar[tuple[str, ...]] = (
        "Objectifs de la séquence",
        "Déroulé minuté",
        "Apports",
        "Activité d'application",
        "À retenir",
        "Pour aller plus loin",
    )
    BLOCKS: ClassVar[dict[str, str]] = {
        "correction": "??? correction \"Pistes de correction\" (repliées, sous l'activité)",
        "animation": "!!! animation \"Notes pour l'animation\" (réservé à la personne qui forme)",
    }

    id: Annotated[str, Field(pattern=r"^j[12]-[a-z0-9]+(?:-[a-z0-9]+)*$")]
    """Identifiant stable, en minuscules : `j1-` ou `j2-` puis un nom court (ex. `j1-ecosysteme`). C'est lui que cite `data/deroule.yml`."""
    jour: Literal[1, 2]
    """Jour de la séquence : 1 ou 2 (doit correspondre au déroulé)."""
    objectifs: Annotated[list[ObjectiveRef], Field(min_length=1)]
    """Objectifs de la formation servis, par identifiant (`O1` à `O5`, voir `data/formation.yml`)."""
    lignes: list[LineRef] = []
    """Lignes du programme traitées, par identifiant (`J1-L1`…, `J2-L5`) ; vide pour l'ouverture ou la clôture."""
    outils: list[ToolRef] = []
    """Fiches outils utilisées pendant la séquence (noms de fichiers de `docs/outils`, sans `.md`)."""

    @model_validator(mode="after")
    def _id_matches_day(self) -> "Sequence":
        if not self.id.startswith(f"j{self.jour}-"):
            raise ValueError(f"l'identifiant « {self.id} » doit commencer par « j{self.jour}- » (jour {self.jour})")
        return self


class Range(Strict):
    min: Annotated[int, Field(gt=0)]
    """Valeur minimale (nombre entier positif)."""
    max: Annotated[int, Field(gt=0)]
    """Valeur maximale (nombre entier positif, au moins égale au minimum)."""

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.min > self.max:
            raise ValueError(f"le minimum ({self.min}) dépasse le maximum ({self.max})")
        return self


class Tool(Page):
    KEY: ClassVar[str] = "outil"
    LABEL: ClassVar[str] = "fiche outil"
    FOLDER: ClassVar[str | None] = "outils"
    SECTIONS: ClassVar[tuple[str, ...]] = (
        "En bref",
        "Question d'invitation",
        "Espace et matériel",
        "Participation et groupes",
        "Déroulé minuté",
        "Rôle et posture de l'animation",
        "À distance",
        "Variantes",
        "Pièges à éviter",
        "Exemple dans une communauté du domicile",
        "Sources",
    )

    finalites: Annotated[list[Purpose], Field(min_length=1)]
    """Finalités servies (au moins une), dans la liste fermée ci-dessous."""
    duree: Range
    """Durée en minutes : `{min: 30, max: 60}`. Les étapes du déroulé minuté doivent tomber dans cet intervalle."""
    groupe: Range
    """Taille du groupe en personnes : `{min: 4, max: 20}`."""
    formats: Annotated[list[Format], Field(min_length=1)]
    """Formats possibles (au moins un) : `presentiel`, `distance`, `hybride`."""
    niveau: Level
    """Niveau d'aisance d'animation demandé : `decouverte`, `intermediaire` ou `confirme`."""
    materiel: Annotated[list[Text], Field(min_length=1)]
    """Matériel nécessaire, un élément par ligne (au moins un)."""
    associes: list[ToolRef] = []
    """Autres fiches qui s'enchaînent bien avec celle-ci (noms de fichiers, sans `.md`)."""


class Chapter(Page):
    KEY: ClassVar[str] = "chapitre"
    LABEL: ClassVar[str] = "chapitre du guide"
    FOLDER: ClassVar[str | None] = "guide"
    SECTIONS: ClassVar[tuple[str, ...]] = (
        "La question traitée",
        "Notions",
        "Repères pratiques",
        "En pratique",
        "Outils et séquences liés",
    )

    ordre: Annotated[int, Field(ge=1)]
    """Rang du chapitre dans le guide (1, 2, 3…)."""


class CaseStudy(Page):
    KEY: ClassVar[str] = "cas"
    LABEL: ClassVar[str] = "étude de cas"
    FOLDER: ClassVar[str | None] = "cas"
    SECTIONS: ClassVar[tuple[str, ...]] = (
        "Contexte",
        "Actrices et acteurs",
        "Situation",
        "Questions",
        "Pistes d'analyse",
        "Outils mobilisables",
        "Séquences où le cas est utilisé",
    )

    fictif: Literal[True]
    """Toujours `true` : une étude de cas est fictive et le dit."""
    outils: list[ToolRef] = []
    """Fiches outils mobilisables pour traiter le cas (noms de fichiers, sans `.md`)."""


class Template(Page):
    KEY: ClassVar[str] = "modele"
    LABEL: ClassVar[str] = "modèle"
    FOLDER: ClassVar[str | None] = "modeles"
    SECTIONS: ClassVar[tuple[str, ...]] = (
        "Mode d'emploi",
        "Le modèle",
        "Exemple rempli",
    )


#: Every page type, the generic page last.
PAGE_TYPES: tuple[type[Page], ...] = (Sequence, Tool, Chapter, CaseStudy, Template, Page)


def page_type_for(src_uri: str) -> type[Page]:
    """Return the page type of a Markdown file from its folder (index pages are generic)."""
    parts = src_uri.split("/")
    if len(parts) >= 2 and parts[-1] != "index.md":
        folder = parts[0]
        for kind in PAGE_TYPES:
            if kind.FOLDER and re.fullmatch(kind.FOLDER.replace("*", r"[0-9]+"), folder):
                return kind
    return Page


# --------------------------------------------------------------------------
# French messages for validation errors
# --------------------------------------------------------------------------

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
                text = f"valeur « {value} » inconnue pour « {field} » ; valeurs possibles : {expected}"
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


_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})")
_LEVEL_2 = re.compile(r"##\s+(.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")
_LEVEL_1 = re.compile(r"#\s")


def section_titles(markdown: str) -> list[tuple[str, int]]:
    """Level-2 headings of a Markdown text with their line numbers, code blocks excluded."""
    return [(title, number) for title, number, _ in _sections(markdown)]


@functools.lru_cache(maxsize=8)
def _sections(markdown: str) -> tuple[tuple[str, int, str], ...]:
    """Level-2 sections of a Markdown text, in one pass: (title, line number, body), code blocks excluded."""
    lines = markdown.splitlines()
    found: list[tuple[str, int, str]] = []
    current: tuple[str, int] | None = None
    fence: str | None = None

    def close(end: int) -> None:
        if current:
            found.append((current[0], current[1], "\n".join(lines[current[1]:end])))

    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped[:3] in ("```", "~~~"):
            if fence is None:
                fence = _FENCE_OPEN.match(stripped).group(1)
            elif stripped.startswith(fence):
                fence = None
            continue
        if fence is None and line.startswith("#"):
            heading = _LEVEL_2.match(line)
            if heading or _LEVEL_1.match(line):
                close(index)
                current = (heading.group(1).strip(), index + 1) if heading else None
    close(len(lines))
    return tuple(found)


def missing_blocks(kind: type[Page], markdown: str) -> list[str]:
    """Required admonition blocks of ``kind`` that ``markdown`` lacks (their expected syntax)."""
    return [
        syntax for block, syntax in kind.BLOCKS.items()
        if not re.search(r"^(?:!!!|\?\?\?\+?)\s+" + re.escape(block) + r"\b", markdown, re.M)
    ]


def empty_sections(kind: type[Page], markdown: str) -> list[str]:
    """Required sections of ``kind`` present in ``markdown`` but holding nothing beyond comments."""
    empty = []
    for title in kind.SECTIONS:
        body, number = section_body(markdown, title)
        if number and not re.sub(r"<!--.*?-->", "", body, flags=re.S).strip():
            empty.append(title)
    return empty


def missing_sections(kind: type[Page], markdown: str) -> list[str]:
    """Required sections of ``kind`` that ``markdown`` lacks (order is not enforced)."""
    present = {title for title, _ in section_titles(markdown)}
    return [title for title in kind.SECTIONS if title not in present]


# --------------------------------------------------------------------------
# Documentation of the fields: the docstring written under each field
# --------------------------------------------------------------------------


@functools.cache
def _field_docstrings() -> dict[str, dict[str, str]]:
    """Class name → field name → the docstring written right under the field in this file."""
    found: dict[str, dict[str, str]] = {}
    for node in ast.walk(ast.parse(Path(__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef):
            found[node.name] = {
                field.target.id: inspect.cleandoc(doc.value.value)
                for field, doc in zip(node.body, node.body[1:])
                if isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
                and isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant) and isinstance(doc.value.value, str)
            }
    return found


def field_description(model: type[BaseModel], name: str) -> str:
    """Role of a field of ``model`` (its docstring, possibly written in a parent class), empty if undocumented."""
    return next((doc for cls in model.__mro__ if (doc := _field_docstrings().get(cls.__name__, {}).get(name))), "")
