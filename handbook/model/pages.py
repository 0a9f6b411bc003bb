"""Page types: the front matter each kind of page must have and the sections it must contain (with what to write in
each, shown in the page skeletons)."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .base import PAPER_FORMATS, Format, Level, LineRef, ObjectiveRef, Purpose, Slug, Strict, Text, ToolRef, doc
from .sections import (ACTIVITY, CASE_ANALYSIS, CASE_USES, CHAPTER_LINKS, STEPS, TEMPLATE_BODY, TEMPLATE_EXAMPLE,
                       Section)

#: Pattern of a sequence identifier: « j », the day number, a dash, a short name.
SEQUENCE_ID = r"^j[1-9][0-9]*-[a-z0-9]+(?:-[a-z0-9]+)*$"


class Page(Strict):
    """Any page of the handbook."""

    #: Identifier of the page type, used in macros and commands.
    KEY: ClassVar[str] = "page"
    #: Human name of the page type, for messages.
    LABEL: ClassVar[str] = "page"
    #: Folder (relative to docs/) whose pages have this type; None for generic pages.
    FOLDER: ClassVar[str | None] = None
    #: Level-2 headings (``## …``) the page must contain, in this order.
    SECTIONS: ClassVar[tuple[Section, ...]] = ()
    #: Admonition types (``!!! type`` or ``??? type``) the page must contain, with their purpose.
    BLOCKS: ClassVar[dict[str, str]] = {}

    title: Annotated[Text, doc("Titre de la page (majuscule au premier mot seulement).")]
    description: Annotated[Text, doc("Une phrase qui résume la page : elle s'affiche dans les listes, le catalogue et les moteurs de recherche.")]
    tags: Annotated[list[Text], doc("Étiquettes de la page (liste de textes), reprises dans la page « Étiquettes ».")] = []
    # Native MkDocs / Material / macros keys an author may use.
    hide: Annotated[list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]], doc("Éléments de Material à masquer sur la page : `navigation`, `toc`, `footer`, `path`, `tags`, `feedback`.")] = []
    render_macros: Annotated[bool, doc("Mettre `false` pour qu'aucune macro `{{ … }}` ne soit interprétée dans la page.")] = True
    search: Annotated[dict[str, Any], doc("Réglages de la recherche pour la page, par exemple `exclude: true`.")] = {}
    icon: Annotated[str | None, doc("Icône Material de la page (rarement utile).")] = None
    status: Annotated[str | None, doc("Statut Material de la page (`new`, `deprecated` ; rarement utile).")] = None


class Sequence(Page):
    KEY: ClassVar[str] = "sequence"
    LABEL: ClassVar[str] = "séquence"
    FOLDER: ClassVar[str | None] = "jour-*"
    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section("Objectifs de la séquence",
                "« À la fin de la séquence, vous serez capable de : » puis trois ou quatre verbes d'action."),
        STEPS,
        Section("Apports", "Les notions, expliquées à fond, chacune avec sa source (macro cite) et un exemple du domicile."),
        ACTIVITY,
        Section("À retenir", "Trois à six points clés, en liste."),
        Section("Pour aller plus loin", "Fiches (macro outil), chapitres du guide, modèles, lectures (macro cite)."),
    )
    BLOCKS: ClassVar[dict[str, str]] = {
        "correction": "??? correction \"Pistes de correction\" (repliées, sous l'activité)",
        "animation": "!!! animation \"Notes pour l'animation\" (réservé à la personne qui forme)",
    }

    id: Annotated[str, Field(pattern=SEQUENCE_ID), doc("Identifiant stable, en minuscules : `j1-` ou `j2-` puis un nom court (ex. `j1-ecosysteme`). C'est lui que cite `data/deroule.yml`.")]
    jour: Annotated[int, Field(ge=1), doc("Numéro du jour de la séquence (1, 2…), celui de son créneau dans le déroulé.")]
    objectifs: Annotated[list[ObjectiveRef], Field(min_length=1), doc("Objectifs de la formation servis, par identifiant (`O1` à `O5`, voir `data/formation.yml`).")]
    lignes: Annotated[list[LineRef], doc("Lignes du programme traitées, par identifiant (`J1-L1`…, `J2-L5`) ; vide pour l'ouverture ou la clôture.")] = []

    @model_validator(mode="after")
    def _id_matches_day(self) -> "Sequence":
        if not self.id.startswith(f"j{self.jour}-"):
            raise ValueError(f"l'identifiant « {self.id} » doit commencer par « j{self.jour}- » (jour {self.jour})")
        return self


class Range(Strict):
    min: Annotated[int, Field(gt=0), doc("Valeur minimale (nombre entier positif).")]
    max: Annotated[int, Field(gt=0), doc("Valeur maximale (nombre entier positif, au moins égale au minimum).")]

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.min > self.max:
            raise ValueError(f"le minimum ({self.min}) dépasse le maximum ({self.max})")
        return self


class TrainingVersion(Strict):
    minutes: Annotated[int, Field(gt=0), doc("Durée minimale de la version courte, en minutes, sous le minimum de la fiche.")]
    raccourci: Annotated[Text, doc("Ce que la version courte garde et ce qu'elle laisse de côté, en une ou deux phrases "
                                   "(affiché sur la fiche et sur le conducteur).")]


class Tool(Page):
    KEY: ClassVar[str] = "outil"
    LABEL: ClassVar[str] = "fiche outil"
    FOLDER: ClassVar[str | None] = "outils"
    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section("En bref", "Ce que l'outil permet, et quand l'utiliser dans la vie d'une communauté (lancement, séance "
                "régulière, événement)."),
        Section("Question d'invitation", "La phrase exacte qui lance l'activité, en citation : > « … ? »"),
        Section("Espace et matériel", "Disposition de la salle ou de la visio, matériel à préparer."),
        Section("Participation et groupes", "Qui parle, à qui, combien de temps, en quelle configuration (seul, à deux, "
                "à quatre, tout le groupe)."),
        STEPS,
        Section("Rôle et posture de l'animation", "Ce que fait l'animatrice ou l'animateur, ce qu'elle ou il évite."),
        Section("À distance", "La version en visio : outils, salles de sous-groupes, tableau blanc partagé, temps à adapter."),
        Section("Variantes", "Deux ou trois variantes, en liste."),
        Section("Pièges à éviter", "Les erreurs fréquentes, en liste."),
        Section("Exemple dans une communauté du domicile", "Une situation fictive et concrète, avec des prénoms inventés."),
        Section("Sources", "Origine de l'outil avec la macro cite et la clé d'une référence de data/bibliographie.yml "
                "(voir CONTRIBUTING.md), ou « pratique répandue » sans détail inventé."),
    )

    finalites: Annotated[list[Purpose], Field(min_length=1), doc("Finalités servies (au moins une), dans la liste fermée ci-dessous.")]
    duree: Annotated[Range, doc("Durée en minutes : `{min: 30, max: 60}`. Les étapes du déroulé minuté doivent tomber dans cet intervalle.")]
    groupe: Annotated[Range, doc("Taille du groupe en personnes : `{min: 4, max: 20}`.")]
    formats: Annotated[list[Format], Field(min_length=1), doc("Formats possibles (au moins un) : `presentiel`, `distance`, `hybride`.")]
    niveau: Annotated[Level, doc("Niveau d'aisance d'animation demandé : `decouverte`, `intermediaire` ou `confirme`.")]
    materiel: Annotated[list[Text], Field(min_length=1), doc("Matériel nécessaire, un élément par ligne (au moins un).")]
    associes: Annotated[list[ToolRef], doc("Autres fiches qui s'enchaînent bien avec celle-ci (noms de fichiers, sans `.md`).")] = []
    version_formation: Annotated[TrainingVersion | None, doc(
        "Facultatif : la version courte que la fiche elle-même propose, par exemple pour la faire vivre pendant la "
        "formation : `{minutes: 10, raccourci: \"…\"}`. Une étape peut alors faire vivre l'outil sous le minimum de "
        "`duree`, sans ligne « version courte », tant qu'elle lui donne au moins ces minutes.")] = None

    @field_validator("version_formation")
    @classmethod
    def _shorter(cls, version: TrainingVersion | None, info: ValidationInfo) -> TrainingVersion | None:
        duration = info.data.get("duree")
        if version is not None and duration is not None and version.minutes >= duration.min:
            raise ValueError(f"la version formation ({version.minutes} min) n'est pas plus courte que le minimum de la "
                             f"fiche ({duration.min} min) ; corriger : donnez-lui moins de minutes, ou retirez "
                             "« version_formation »")
        return version


class Chapter(Page):
    KEY: ClassVar[str] = "chapitre"
    LABEL: ClassVar[str] = "chapitre du guide"
    FOLDER: ClassVar[str | None] = "guide"
    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section("La question traitée", "La question du chapitre, en quelques phrases."),
        Section("Notions", "Les notions, avec leurs auteurs et leurs sources (macro cite)."),
        Section("Repères pratiques", "Des repères concrets pour une communauté du domicile."),
        Section("En pratique", "Cinq à huit actions, à l'infinitif, en liste."),
        CHAPTER_LINKS,
    )

    ordre: Annotated[int, Field(ge=1), doc("Rang du chapitre dans le guide (1, 2, 3…).")]


class CaseStudy(Page):
    KEY: ClassVar[str] = "cas"
    LABEL: ClassVar[str] = "étude de cas"
    FOLDER: ClassVar[str | None] = "cas"
    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section("Contexte", "Le territoire, la communauté, le moment (cas fictif)."),
        Section("Actrices et acteurs", "Les personnes et structures (inventées), en liste."),
        Section("Situation", "Ce qui se passe, concrètement."),
        Section("Questions", "Trois à cinq questions, en liste numérotée."),
        CASE_ANALYSIS,
        Section("Outils mobilisables", "Liens vers les fiches (macro outil), les mêmes que le champ « outils »."),
        CASE_USES,
    )

    fictif: Annotated[Literal[True], doc("Toujours `true` : une étude de cas est fictive et le dit.")]
    outils: Annotated[list[ToolRef], doc("Fiches outils mobilisables pour traiter le cas (noms de fichiers, sans `.md`).")] = []


class Template(Page):
    KEY: ClassVar[str] = "modele"
    LABEL: ClassVar[str] = "modèle"
    FOLDER: ClassVar[str | None] = "modeles"
    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section("Mode d'emploi", "Quand l'utiliser, avec qui, en combien de temps, comment le faire vivre."),
        TEMPLATE_BODY,
        TEMPLATE_EXAMPLE,
    )


WORKSHEET_BODY = Section("Le support", "Ce qui s'imprime : des titres ### et des tableaux Markdown aux cellules vides "
                         "pour écrire à la main, ou les cartes elles-mêmes (un titre ### par carte).")


class Worksheet(Page):
    KEY: ClassVar[str] = "support"
    LABEL: ClassVar[str] = "support"
    FOLDER: ClassVar[str | None] = "supports"
    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section("Consigne", "Deux à six lignes à la personne qui remplit le support : quand, combien de temps, ce "
                "qu'elle en fait ensuite."),
        WORKSHEET_BODY,
    )

    format: Annotated[Literal[PAPER_FORMATS], doc("Format d'impression : `A4` ou `A3`.")] = "A4"  # type: ignore[valid-type]
    recto_verso: Annotated[bool, doc("`true` quand le support tient sur les deux faces d'une feuille.")] = False
    remplir: Annotated[Literal["papier", "ordinateur"], doc("`papier` (un PDF à imprimer) ou `ordinateur` (un DOCX à remplir en plus du PDF).")] = "papier"
    formateur: Annotated[bool, doc("`true` pour un support réservé à l'édition formation (cartes de rôle secrètes, grilles d'observation) : il n'apparaît pas dans l'édition participante.")] = False


class MeetingPlan(Page):
    KEY: ClassVar[str] = "rencontre"
    LABEL: ClassVar[str] = "trame de rencontre"
    FOLDER: ClassVar[str | None] = "rencontres"
    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section("Pour quoi faire", "Le but de la rencontre, son format, les personnes invitées, le résultat attendu."),
        STEPS,
        Section("Spécificités à distance", "Salles de sous-groupes, ce qu'on colle dans la conversation écrite, ce "
                "qu'on fait quand une structure bloque le tableau blanc partagé."),
        Section("Rôles", "Qui anime, qui tient le temps, qui prend les notes, qui accueille."),
        Section("Avant et après", "Listes à cocher : J-21, J-7, J-2, J+2, et entre deux rencontres."),
        Section("Messages prêts à envoyer", "Les messages à copier : invitation, demande aux directions, compte "
                "rendu, relance."),
        Section("Confidentialité", "En termes pratiques : pas de données personnelles sur les personnes accompagnées, "
                "enregistrement seulement avec l'accord de toutes et tous."),
        Section("Exemple rempli", "Le modèle de plan et compte rendu rempli pour une rencontre fictive."),
        Section("Outils mobilisés", "Les fiches (macro outil) ; les étapes qui les font vivre s'affichent sur les fiches."),
    )

    moment: Annotated[Slug, doc("Moment de la vie de la communauté, en un identifiant court (ex. `trimestrielle`).")]
    format: Annotated[Format, doc("Format de la rencontre : `presentiel`, `distance` ou `hybride`.")]
    duree: Annotated[int, Field(gt=0, le=480), doc("Durée annoncée en minutes : la somme des étapes du déroulé minuté lui est égale.")]
    participants: Annotated[Range, doc("Nombre de personnes pour lequel la trame est prévue : `{min: 6, max: 20}`.")]


#: Page types whose « Déroulé minuté » is made of structured steps (configuration, tool, documents, material…).
STRUCTURED_STEPS: tuple[type[Page], ...] = (Sequence, MeetingPlan)
#: Page types a step can hand out, by folder (``documents : dossier/slug par personne``).
HANDOUT_FOLDERS: dict[str, type[Page]] = {"modeles": Template, "cas": CaseStudy, "supports": Worksheet}

#: Every page type, the generic page last.
PAGE_TYPES: tuple[type[Page], ...] = (Sequence, Tool, Chapter, CaseStudy, Template, Worksheet, MeetingPlan, Page)


def page_type_for(src_uri: str) -> type[Page]:
    """Return the page type of a Markdown file from its folder (index pages are generic)."""
    parts = src_uri.split("/")
    if len(parts) >= 2 and parts[-1] != "index.md":
        folder = parts[0]
        for kind in PAGE_TYPES:
            if kind.FOLDER and re.fullmatch(kind.FOLDER.replace("*", r"[0-9]+"), folder):
                return kind
    return Page


