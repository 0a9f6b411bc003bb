"""Models of the data files: the programme sheet, the run sheet of the days, the bibliography, the glossary, the
material, the session settings and the rating scales."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from .base import Purpose, ReferenceRef, Slug, Strict, Text, doc
from .pages import SEQUENCE_ID

# --------------------------------------------------------------------------
# Data file: the training programme (data/formation.yml)
# --------------------------------------------------------------------------


class Labelled(Strict):
    """An objective of the training."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9-]+$"), doc("Identifiant court que citent les séquences dans leur champ `objectifs` (ex. `O1`).")]
    libelle: Annotated[Text, doc("L'objectif tel que l'écrit la fiche programme.")]


class CommunityPurpose(Strict):
    id: Annotated[Purpose, doc("Finalité, dans la liste fermée des finalités des fiches outils.")]
    libelle: Annotated[Text, doc("La finalité telle que l'écrit la fiche programme.")]


class ProgrammeLine(Strict):
    id: Annotated[str, Field(pattern=r"^J[1-9][0-9]*-L[0-9]+$"), doc("Identifiant que citent les séquences dans leur champ `lignes` (ex. `J1-L3`).")]
    libelle: Annotated[Text, doc("La ligne de contenu telle que l'écrit la fiche programme.")]


class ProgrammeBlock(Strict):
    titre: Annotated[Text, doc("Titre du bloc de contenu de la journée (ex. « Notions et pratiques »).")]
    lignes: Annotated[list[ProgrammeLine], Field(min_length=1), doc("Lignes de contenu du bloc.")]


class ProgrammeDay(Strict):
    numero: Annotated[int, Field(ge=1), doc("Numéro du jour : 1, 2…")]
    blocs: Annotated[list[ProgrammeBlock], Field(min_length=1), doc("Blocs de contenu de la journée, dans l'ordre de la fiche programme.")]


class Method(Strict):
    nom: Annotated[Text, doc("Nom de la modalité (ex. « Apports théoriques »).")]
    contenu: Annotated[Text, doc("Ce que recouvre la modalité, selon la fiche programme.")]


class Methods(Strict):
    presentation: Annotated[Text, doc("Phrase d'ensemble sur les méthodes pédagogiques.")]
    modalites: Annotated[list[Method], Field(min_length=1), doc("Les modalités pédagogiques, une par élément.")]


class Resource(Strict):
    libelle: Annotated[Text, doc("Nom de la ressource dans la fiche programme.")]
    page: Annotated[str, Field(pattern=r"^[a-z0-9/-]+\.md$"), doc("Page du manuel qui contient ou remplace la ressource (chemin depuis `docs/`).")]
    usage: Annotated[Text, doc("Ce que la personne trouve sur cette page et comment s'en servir.")]


class Session(Strict):
    """A session of the training, past or upcoming (data/sessions.yml)."""

    dates: Annotated[Text, doc("Dates écrites en toutes lettres (ex. « 14 et 15 janvier 2026 »).")]
    lieu: Annotated[Text, doc("Ville ou lieu de la session.")]
    format: Annotated[Literal["présentiel", "à distance", "hybride"], doc("Comment la session se tient.")]
    debut: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$"), doc("Premier jour, au format `AAAA-MM-JJ`.")]
    fin: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$"), doc("Dernier jour, au format `AAAA-MM-JJ`.")]

    @model_validator(mode="after")
    def _ordered(self) -> "Session":
        if self.fin < self.debut:
            raise ValueError(f"la session du {self.debut} finit ({self.fin}) avant de commencer")
        return self


class PracticalItem(Strict):
    """A public-information item of the programme sheet (Qualiopi indicator 1)."""

    libelle: Annotated[Text, doc("Intitulé affiché (ex. « Délais d'accès »).")]
    texte: Annotated[Text, doc("Le texte de l'information.")]
    precise: Annotated[bool, doc("`false` quand la fiche programme ne donne pas l'information et que le texte est une mention générale.")]


class Training(Strict):
    """Everything the programme sheet says, plus the public-information items."""

    titre: Annotated[Text, doc("Intitulé de la formation.")]
    description: Annotated[list[Text], Field(min_length=1), doc("Paragraphes de présentation de la fiche programme, un par élément.")]
    finalites_communautes: Annotated[list[CommunityPurpose], Field(min_length=5, max_length=5), doc("Les cinq finalités des communautés de pratique citées par la fiche programme.")]
    prerequis: Annotated[Text, doc("Prérequis pour suivre la formation.")]
    objectifs: Annotated[list[Labelled], Field(min_length=1), doc("Objectifs de la formation.")]
    jours: Annotated[list[ProgrammeDay], Field(min_length=1), doc("Contenu de chaque journée, dans l'ordre.")]
    methodes: Annotated[Methods, doc("Méthodes pédagogiques.")]
    ressources: Annotated[list[Resource], Field(min_length=1), doc("Ressources pédagogiques et la page du manuel qui les porte.")]
    evaluation: Annotated[Text, doc("Modalités d'évaluation des acquis.")]
    intervenants: Annotated[Text, doc("Profil de la personne qui forme, sans nom.")]
    public: Annotated[Text, doc("Public visé.")]
    informations: Annotated[dict[Literal["modalites_acces", "delais_acces", "tarifs", "contacts", "accessibilite"], PracticalItem], doc("Informations publiques : modalités et délais d'accès, tarifs, contacts, accessibilité (toutes requises).")]

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
        if [d.numero for d in self.jours] != list(range(1, len(self.jours) + 1)):
            raise ValueError("les jours doivent être numérotés 1, 2… dans l'ordre")
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

    debut: Annotated[Clock, doc("Heure de début, au format `HH:MM`.")]
    fin: Annotated[Clock, doc("Heure de fin, au format `HH:MM`.")]
    sequence: Annotated[Annotated[str, Field(pattern=SEQUENCE_ID)] | None, doc("Identifiant de la séquence (champ id de sa page), si le créneau est une séquence.")] = None
    pause: Annotated[Text | None, doc("Nom de la pause (Pause, Déjeuner), si le créneau n'est pas une séquence.")] = None

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
    numero: Annotated[int, Field(ge=1), doc("Numéro du jour : 1, 2…")]
    creneaux: Annotated[list[Slot], Field(min_length=1), doc("Créneaux de la journée, dans l'ordre, sans trou ni chevauchement.")]


class RunSheet(Strict):
    heures_par_jour: Annotated[int, Field(gt=0, le=10), doc("Heures de formation par jour, pauses non comptées (7).")]
    jours: Annotated[list[RunSheetDay], Field(min_length=1), doc("Les journées, dans l'ordre (mêmes numéros que la fiche programme).")]

    @property
    def training_minutes(self) -> int:
        """The length of the training: its sequences' slots (the sum of their timed steps), breaks left out."""
        return sum(minutes(slot.fin) - minutes(slot.debut) for day in self.jours for slot in day.creneaux
                   if slot.sequence)


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
# Data files: glossary and bibliography
# --------------------------------------------------------------------------


class Reference(Strict):
    """One entry of the bibliography; only works marked « vérifié » in the vetted list."""

    cle: Annotated[Slug, doc('Clé de citation, en minuscules (ex. `wenger-1998`), utilisée par `{{ cite("…") }}`.')]
    court: Annotated[Text, doc("Forme courte des auteurs dans les citations (ex. « Wenger, McDermott et Snyder »).")]
    auteurs: Annotated[Text, doc("Liste complète des auteurs, comme dans la référence vérifiée.")]
    annee: Annotated[str, Field(pattern=r"^\d{4}$|^s\. d\.$"), doc("Année sur quatre chiffres, ou « s. d. » quand elle n'est pas vérifiée.")]
    titre: Annotated[Text, doc("Titre exact de l'ouvrage, de l'article ou du texte.")]
    publication: Annotated[str | None, doc("Éditeur, revue ou lieu, seulement ce qui est vérifié (peut être absent).")] = None
    theme: Annotated[Text, doc("Thème sous lequel la référence est rangée dans la bibliographie.")]
    resume: Annotated[Text, doc("Une à trois phrases, avec nos mots, sur ce que l'ouvrage apporte.")]


class GlossaryTerm(Strict):
    """One glossary entry: a short definition in our own words, its source, related terms."""

    id: Annotated[Slug, doc('Identifiant du terme, en minuscules et tirets, utilisé par `{{ terme("…") }}`.')]
    terme: Annotated[Text, doc("Le terme tel qu'il s'affiche (majuscule initiale).")]
    definition: Annotated[Text, doc("Définition courte, avec nos mots : une à trois phrases.")]
    sources: Annotated[list[ReferenceRef], Field(min_length=1), doc("Clés de la bibliographie qui appuient la définition (au moins une).")]
    lies: Annotated[list[Slug], doc("Identifiants d'autres termes du glossaire, à lire avec celui-ci.")] = []

    @field_validator("definition")
    @classmethod
    def _short(cls, value: str) -> str:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", value.strip()) if s]
        if len(sentences) > 3:
            raise ValueError("la définition doit tenir en une à trois phrases")
        return value




# --------------------------------------------------------------------------
# Data file: the material the steps use (data/materiel.yml)
# --------------------------------------------------------------------------


class Material(Strict):
    """A piece of material a timed step uses, and how it is counted."""

    id: Annotated[Slug, doc("Identifiant que citent les étapes (champ « matériel : » d'une étape), ex. `feutres`.")]
    nom: Annotated[Text, doc("Nom court, pour le conducteur (ex. « Feutres »).")]
    libelle: Annotated[Text, doc("Ce qu'il faut prévoir, tel qu'il s'affiche dans la liste du matériel (ex. « Feutres épais de plusieurs couleurs »).")]
    unite: Annotated[Text, doc("Unité de compte au singulier (ex. « lot de 4 feutres », « bloc », « feuille »).")]
    unites: Annotated[Text, doc("La même unité au pluriel (ex. « lots de 4 feutres », « blocs », « feuilles »).")]
    consommable: Annotated[bool, doc("`true` quand chaque étape en consomme (on additionne les quantités de la journée) ; `false` pour ce qui sert d'une étape à l'autre (on garde la plus grande quantité demandée).")]
    quantite: Annotated[int, Field(ge=1), doc("Nombre d'unités pour une personne, un groupe ou la salle, selon ce que dit l'étape (1 le plus souvent).")] = 1

    def count(self, number: int) -> str:
        """« 1 bloc », « 16 blocs »."""
        return f"{number}\u00a0{self.unite if number == 1 else self.unites}"


# --------------------------------------------------------------------------
# Data file: the session the logistics are computed for (data/session.yml)
# --------------------------------------------------------------------------


class SessionSettings(Strict):
    """What the quantities of material and copies are computed for."""

    participants: Annotated[int, Field(ge=2, le=40), doc("Nombre de participantes et participants attendus (16 par défaut) : toutes les quantités en découlent.")]
    formateurs: Annotated[int, Field(ge=1, le=4), doc("Nombre de formatrices et formateurs (un exemplaire de chaque document en plus pour chacun).")] = 1
    marge: Annotated[int, Field(ge=0, le=10), doc("Exemplaires de réserve de chaque document remis « par personne ».")] = 2
    salle: Annotated[list[Text], Field(min_length=1), doc("Ce que la salle doit offrir, un élément par ligne (liste à cocher de la page Salle et matériel).")]


# --------------------------------------------------------------------------
# Data file: the rating scales the training reuses (data/echelles.yml)
# --------------------------------------------------------------------------


class ScaleLevel(Strict):
    valeur: Annotated[int, Field(ge=0, le=10), doc("La note (1, 2, 3…).")]
    libelle: Annotated[Text, doc("Ce que veut dire la note, en quelques mots, sans majuscule initiale (ex. « je découvre »).")]


class Scale(Strict):
    """A rating scale, written once and rendered wherever it appears (macro ``echelle``)."""

    id: Annotated[Slug, doc("Identifiant de l'échelle, cité par la macro `echelle(\"…\")`.")]
    nom: Annotated[Text, doc("Nom de l'échelle (ex. « Échelle d'autopositionnement »).")]
    niveaux: Annotated[list[ScaleLevel], Field(min_length=2), doc("Les niveaux, du plus bas au plus haut.")]

    @model_validator(mode="after")
    def _increasing(self) -> "Scale":
        values = [level.valeur for level in self.niveaux]
        if values != sorted(set(values)):
            raise ValueError(f"les valeurs de l'échelle « {self.id} » doivent croître sans doublon : {values}")
        return self
