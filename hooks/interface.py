"""Hook : donne aux gabarits (overrides/) ce qu'ils affichent autour du contenu d'une page.

Table des événements ; le travail est fait dans `kb/interface/` et `kb/traduction/` :
data/interface.yml couvre chaque langue (`kb/interface/textes.py`, KB302) ; variable `kb` du
gabarit (`kb/interface/contexte.py`) : textes de l'interface dans la langue de la page, langue
réelle du contenu (une page non traduite reste en français sous /en/), dates en toutes lettres,
sources résolues, lien « Signaler une erreur » prérempli (`kb/interface/signalement.py`, aucun
script tiers), sélecteur de langue (`kb/traduction/selecteur.py`) ; 404.html de chaque langue
(`kb/traduction/page_404.py`).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.interface.contexte import ajouter_les_filtres, variable_kb, variable_kb_sans_page
from kb.interface.textes import verifier_les_textes
from kb.traduction.page_404 import ecrire_la_404


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    verifier_les_textes(config)
    return None


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return ajouter_les_filtres(env)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return variable_kb_sans_page(context, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str | None:
    return ecrire_la_404(output, template_name, config)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    return variable_kb(context, page, config)
