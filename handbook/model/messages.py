"""The catalogue of content errors: one key per check, its French message and the fix an author applies.

Every check reports through ``ErrorCollector.report(key, path, line=…, **values)``; the tests and the contributors'
guide rely on these texts, so a message is changed here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A French message template (``str.format`` fields) and the fix, shown after « → »."""

    text: str
    fix: str | None = None


CATALOGUE: dict[str, Message] = {
    # Data files and front matter
    "fichier-absent": Message("fichier de données introuvable", "recréez le fichier à partir du dépôt"),
    "yaml": Message("{prefix}YAML mal formé ({problem}) ; vérifiez l'indentation, les deux-points et les guillemets"),
    "schema": Message("{detail}", "{fix}"),
    "cle-en-double": Message("la clé « {ident} » est définie deux fois", "gardez une seule entrée par clé"),
    "terme-en-double": Message("le terme « {ident} » est défini deux fois", "gardez une seule entrée par identifiant"),
    "terme-lie-inconnu": Message("le terme « {term} » cite dans « lies » un terme inconnu « {other} »",
                                 "utilisez un identifiant (champ id) d'un terme de data/glossaire.yml"),
    "entete-absent": Message("l'en-tête YAML (front matter, entre deux lignes « --- ») est absent",
                             "commencez le fichier par « --- », les champs title et description, puis « --- »"),
    "entete-forme": Message("l'en-tête YAML doit être une liste de champs « clé : valeur »",
                            "écrivez un champ par ligne : « title: Mon titre »"),
    "id-sequence-en-double": Message("l'identifiant de séquence « {ident} » est déjà utilisé par « {other} »",
                                     "donnez à chaque séquence un identifiant unique"),
    # Run sheet of the days
    "deroule": Message("{problem}", "corrigez les heures de début et de fin des créneaux"),
    "deroule-jours": Message("le déroulé compte les jours {run_sheet}, la fiche programme les jours {programme}",
                             "donnez les mêmes journées à data/deroule.yml et à data/formation.yml"),
    "sequence-deux-fois": Message("la séquence « {ident} » figure deux fois dans le déroulé",
                                  "gardez un seul créneau par séquence"),
    "sequence-inexistante": Message("le créneau {start}–{end} du jour {day} cite la séquence « {ident} », qui n'existe pas",
                                    "créez la page docs/jour-{day}/… avec « id: {ident} »"),
    "sequence-mauvais-jour": Message("la séquence « {ident} » est placée au jour {day}, mais sa page indique « jour: {page_day} »",
                                     "mettez le même jour dans la page et dans le déroulé"),
    "sequence-sans-creneau": Message("la séquence « {ident} » n'a pas de créneau dans le déroulé", "ajoutez-la à {run_sheet}"),
    "ligne-mauvais-jour": Message("la ligne du programme {line_id} relève du jour {line_day}, pas du jour {day}",
                                  "déplacez la ligne vers une séquence du jour {line_day}"),
    "ligne-non-traitee": Message("la ligne du programme {line_id} (« {label} ») n'est traitée par aucune séquence",
                                 "ajoutez son identifiant au champ « lignes » d'une séquence"),
    "objectif-non-servi": Message("l'objectif {objective} (« {label} ») n'est servi par aucune séquence",
                                  "ajoutez son identifiant au champ « objectifs » d'une séquence"),
    # Sections, blocks and timed steps
    "section-absente": Message("section obligatoire « ## {title} » absente ({kind})",
                               "ajoutez ce titre de niveau 2 avec son contenu{where}"),
    "section-vide": Message("la section « ## {title} » est vide",
                            "remplacez le commentaire d'aide <!-- … --> par le contenu"),
    "bloc-absent": Message("bloc obligatoire absent ({kind}) : {syntax}", "ajoutez ce bloc à la page"),
    "etape-mal-ecrite": Message("étape du déroulé minuté mal écrite : « {text} »", "écrivez-la ainsi : « {syntax} »"),
    "entete-sequence-absent": Message("l'en-tête de la séquence (horaire, objectifs, lignes du programme) manque",
                                      "écrivez {{{{ entete_sequence() }}}} sous le titre de la page"),
    "deroule-sans-etape": Message("le déroulé minuté ne contient aucune étape au format attendu",
                                  "écrivez chaque étape ainsi : « {syntax} »"),
    "etape-sans-modalite": Message("étape sans modalité reconnue : « {text}… »",
                                   "commencez l'étape par une modalité : {methods}"),
    "somme-sequence": Message("les étapes du déroulé minuté font {total} min, mais le créneau de la séquence "
                              "({start}–{end}) dure {duration} min",
                              "ajustez les durées des étapes ou le créneau dans data/deroule.yml"),
    "somme-fiche": Message("les étapes du déroulé minuté font {total} min, hors de la durée annoncée ({low} à {high} min)",
                           "ajustez les étapes ou le champ « duree »"),
    "total-a-la-main": Message("le total du déroulé minuté est écrit à la main",
                               "supprimez cette ligne : la construction calcule et affiche le total"),
    "documents-session": Message("documents de session vierges impossibles à produire : {problem}",
                                 "corrigez les sessions de la fiche programme"),
    "somme-rencontre": Message("les étapes du déroulé minuté font {total} min, mais la rencontre dure {duration} min "
                               "(champ « duree »)", "ajustez les durées des étapes ou le champ « duree »"),
    # Fields of a structured step
    "champ-etape-inconnu": Message("champ d'étape inconnu « {name} »", "champs possibles, dans cet ordre : {fields}"),
    "ligne-etape-mal-ecrite": Message("ligne illisible sous une étape : « {text} »",
                                      "écrivez « - champ : valeur », indenté de 4 espaces, avec un de ces champs : "
                                      "{fields}"),
    "champ-etape-double": Message("le champ « {name} » est écrit deux fois pour la même étape",
                                  "regroupez les valeurs sur une ligne, séparées par « ; »"),
    "champ-etape-vide": Message("le champ « {name} » de l'étape est vide", "écrivez sa valeur ou supprimez la ligne"),
    "configuration-inconnue": Message("configuration inconnue « {value} »", "configurations possibles : {choices}"),
    "configuration-absente": Message("l'étape {number} n'a pas de configuration",
                                     "ajoutez sous l'étape la ligne « - configuration : plénière » (ou binômes, "
                                     "trios, groupes de 4…), indentée de 4 espaces"),
    "usage-mal-ecrit": Message("« {text} » (champ « {name} ») est mal écrit",
                               "écrivez « {syntax} » : un identifiant suivi de {units}"),
    "etape-outil-inconnu": Message("l'étape {number} fait vivre un outil inconnu « {ident} »{hint}",
                                   "écrivez le nom d'un fichier de docs/outils, sans .md"),
    "outil-trop-court": Message("l'étape {number} fait vivre « {ident} » en {minutes} min, sous le minimum de sa fiche "
                                "({low} min)", "donnez-lui au moins {low} min, ou ajoutez la ligne « - version courte : "
                                "… » qui dit ce qui est raccourci (ou donnez à la fiche une « version_formation »)"),
    "outil-sous-version-formation": Message("l'étape {number} fait vivre « {ident} » en {minutes} min, sous le minimum "
                                            "de la version formation de sa fiche ({low} min)",
                                            "donnez-lui au moins {low} min, ou ajoutez la ligne « - version courte : "
                                            "… » qui dit ce qui est raccourci"),
    "etape-document-inconnu": Message("l'étape {number} remet un document inconnu « {ident} »{hint}",
                                      "écrivez le chemin d'une page de {folders} sans .md, ou créez-la"),
    "etape-materiel-inconnu": Message("l'étape {number} utilise un matériel inconnu « {ident} »{hint}",
                                      "utilisez un identifiant de data/materiel.yml, ou ajoutez-y ce matériel"),
    "usage-non-fonde": Message("le cas annonce servir dans « {title} », mais aucune étape de cette séquence ne le remet",
                               "ajoutez « - documents : {target} par groupe » à l'étape qui l'utilise, ou retirez "
                               "la séquence de cette section"),
    # Slide blocks of the sequences (model/slides.py)
    "diapo-nombre": Message("la séquence compte {count} diapositives (blocs « !!! diapo »), il en faut de {low} à {high}",
                            "ajoutez ou regroupez des blocs « !!! diapo \"Titre\" » : titre, figure clé, phrases clés, "
                            "consigne avec sa durée"),
    "diapo-sans-titre": Message("la diapositive {number} n'a pas de titre",
                                "écrivez-le entre guillemets : !!! diapo \"Titre de la diapositive\""),
    "diapo-option-inconnue": Message("la diapositive {number} « {title} » a une option inconnue « {option} »",
                                     "options possibles, avant le titre : {choices}"),
    "diapo-deux-figures": Message("la diapositive {number} « {title} » contient plusieurs figures",
                                  "gardez une figure par diapositive"),
    "diapo-figure-inconnue": Message("la diapositive {number} « {title} » cite une figure inconnue « {ident} »",
                                     "utilisez un identifiant de handbook/figures/"),
    "diapo-vide": Message("la diapositive {number} « {title} » n'a ni texte ni figure",
                          "écrivez ses phrases clés ou une figure, ou supprimez le bloc"),
    "diapo-trop-pleine": Message("la diapositive {number} « {title} » ne tient pas sur un écran 16:9 en 24 px au "
                                 "moins : {problem}",
                                 "gardez quelques phrases clés courtes et passez le reste dans ses notes (!!! notes)"),
    # Evaluation criteria (data/criteres.yml)
    "critere-objectif-inconnu": Message("les critères visent un objectif inconnu « {objective} »",
                                        "utilisez un identifiant d'objectif de data/formation.yml : {choices}"),
    "criteres-nombre": Message("l'objectif {objective} (« {label} ») a {count} critère(s) observable(s), il en faut "
                               "{low} à {high}", "ajoutez ou regroupez des critères sous « objectif: {objective} »"),
    "critere-en-double": Message("l'identifiant de critère « {ident} » est utilisé deux fois",
                                 "donnez à chaque critère son propre identifiant (O2-a, O2-b…)"),
    "critere-id": Message("le critère « {ident} » est rangé sous l'objectif {objective}",
                          "donnez-lui un identifiant qui commence par « {objective}- »"),
    "critere-reference-mal-ecrite": Message("le critère {ident} cite « {ref} », qui n'est ni une étape ni une étude de "
                                            "cas", "écrivez {syntax}"),
    "critere-sequence-inconnue": Message("le critère {ident} cite « {ref} », mais la séquence « {sequence} » n'existe "
                                         "pas", "identifiants de séquence possibles : {choices}"),
    "critere-etape-inconnue": Message("le critère {ident} cite « {ref} », mais la séquence « {sequence} » n'a que "
                                      "{count} étape(s)", "donnez le numéro d'une étape de son déroulé minuté"),
    "critere-objectif-non-servi": Message("le critère {ident} de l'objectif {objective} cite « {ref} », mais la "
                                          "séquence « {sequence} » ne sert que {served}",
                                          "citez une étape d'une séquence qui sert {objective}, ou ajoutez {objective} "
                                          "au champ « objectifs » de la séquence"),
    "critere-cas-inconnu": Message("le critère {ident} cite une étude de cas inconnue « {ref} »",
                                   "études de cas possibles : {choices}"),
    # Rendering: macros, images, links, navigation
    "macro-inconnue": Message("{what} « {ident} »{hint}", "identifiants possibles : {choices}"),
    "macro": Message("{problem}", "vérifiez ce qui est écrit entre {{{{ }}}} ou {{% %}}"),
    "figure": Message("la figure « {ident} » ne peut pas être dessinée : {problem}",
                      "corrigez ses données ou son texte dans handbook/figures/"),
    "image-sans-alt": Message("l'image « {name} » n'a pas de texte alternatif",
                              "écrivez ce que montre l'image entre les crochets : ![description](image.png)"),
    "lien-casse": Message("lien cassé « {link} » : la page visée n'existe pas dans docs/", "{hint}"),
    "lien-exclu": Message("lien « {link} » vers une page absente de cette édition",
                          "retirez le lien, ou placez-le dans un bloc réservé à l'édition formation"),
    "ancre-cassee": Message("ancre cassée « {link} » : la page « {target} » n'a pas de titre ou d'ancre « #{anchor} »",
                            "{hint}"),
    "lien-absolu": Message("lien absolu « {link} »",
                           "utilisez un chemin relatif vers le fichier .md, sinon le site ne marche pas hors ligne"),
    "lien-non-reconnu": Message("lien « {link} » non reconnu",
                                "visez un fichier Markdown (.md) avec un chemin relatif"),
    "nav-inconnue": Message("la navigation (rubrique « nav ») cite « {link} », qui n'existe pas dans docs/",
                            "corrigez le chemin ou créez la page"),
    "nav-omise": Message("ces pages ne figurent pas dans la navigation (rubrique « nav » de mkdocs.yml) : {pages}",
                         "chaque page de docs/ doit figurer une fois dans « nav »"),
}


def render(key: str, values: dict) -> tuple[str, str | None]:
    """The message and the fix of ``key`` filled with ``values``."""
    message = CATALOGUE[key]
    fix = message.fix.format(**values) if message.fix else None
    return message.text.format(**values), (fix or None)
