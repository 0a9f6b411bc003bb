"""The mkdocs-macros module (declared in mkdocs.yml under ``macros.modules``): variables and macros for authors.

Authors write, for example, ``{{ formation.titre }}``, ``{{ outil("world-cafe") }}``, ``{{ sequence("j1-ouverture") }}``,
``{{ terme("communaute-de-pratique") }}`` or ``{{ cite("wenger-1998") }}``. Each macro is a small function of
``links`` or ``tables`` taking the build's ``MacroContext`` first; an unknown identifier is a content error.
"""

from __future__ import annotations

import functools

from ..formats import date_fr
from . import evaluation, figures, links, logistics, planner, tables
from .context import MacroContext
from .jinja import on_post_page_macros, on_pre_page_macros  # noqa: F401 (mkdocs-macros' page hooks)
from .search import fold

#: Every macro an author may call, by name.
MACROS = {
    "outil": links.outil, "sequence": links.sequence, "terme": links.terme, "cite": links.cite, "lien": links.lien,
    "entete_sequence": links.entete_sequence,
    "pages_du_type": tables.pages_du_type, "deroule": tables.deroule, "duree_formation": tables.duree_formation, "couverture": tables.couverture,
    "catalogue": tables.catalogue, "renvois_du_terme": tables.renvois_du_terme,
    "deroule_detaille": tables.deroule_detaille, "materiel_du_jour": logistics.materiel_du_jour,
    "liste_impressions": logistics.liste_impressions, "conducteur": logistics.conducteur,
    "salle": logistics.salle, "session_participants": logistics.session_participants, "echelle": logistics.echelle,
    "telechargements": tables.telechargements, "planificateur_donnees": planner.planificateur_donnees,
    "modele_de_contenu": tables.modele_de_contenu, "figure": figures.figure,
    "criteres_evaluation": evaluation.criteres_evaluation, "grille_observation": evaluation.grille_observation,
    "positionnement": evaluation.positionnement, "prochaine_session": evaluation.prochaine_session,
    "sessions_passees": evaluation.sessions_passees, "version_texte": evaluation.version_texte,
}


def define_env(env) -> None:
    """Give the pages the content of this build (loaded once by the handbook plugin) and the macros."""
    plugin = env.conf.plugins["handbook"]
    site = plugin.site
    ctx = MacroContext(env=env, site=site, edition=plugin.config.edition)
    env.variables["formation"] = site.training
    env.variables["bibliographie"] = site.references
    env.variables["sessions"] = sorted(site.sessions, key=lambda s: s.debut)
    env.variables["mise_a_jour"] = site.content_date.isoformat()
    env.variables["glossaire"] = dict(sorted(site.glossary.items(), key=lambda item: fold(item[1].terme)))
    env.filter(date_fr)
    for name, function in MACROS.items():
        env.macro(functools.update_wrapper(functools.partial(function, ctx), function), name)
