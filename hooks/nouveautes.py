"""Hook : les nouveautés de la base, écrites une fois dans data/nouveautes.yml.

Table des événements ; le travail est fait dans `kb/nouveautes/`, un module par tâche :
- les entrées lues et contrôlées (`kb/nouveautes/entrees.py`, KB700) ;
- la page « Quoi de neuf ? » et l'accueil (`kb/nouveautes/quoi_de_neuf.py`) : `<!-- nouveautes -->`
  devient les entrées, évolutions juridiques puis mises à jour éditoriales, de la plus récente à la
  plus ancienne ; `<!-- derniere-nouveaute -->`, la date et le titre du dernier changement ;
- chaque page listée sous `pages:` d'une entrée (son contenu juridique a changé) affiche sous son
  titre « Mis à jour le … : … » (`kb/nouveautes/mise_a_jour.py`, partials/kb-mise-a-jour.html) ;
- le flux Atom (RFC 4287) `nouveautes.xml` de chaque langue (`kb/nouveautes/flux.py`), annoncé dans
  l'en-tête de chaque page (overrides/main.html), catégorie « juridique » ou « editorial ».
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.nouveautes.entrees import charger_pour_la_langue, retenir_les_fichiers
from kb.nouveautes.flux import ecrire_le_flux
from kb.nouveautes.mise_a_jour import ajouter_les_filtres, contexte_de_mise_a_jour
from kb.nouveautes.quoi_de_neuf import inserer_les_nouveautes


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    charger_pour_la_langue(files, config)
    return None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    retenir_les_fichiers(config, files)
    return None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return inserer_les_nouveautes(markdown, page, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return ajouter_les_filtres(env)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return contexte_de_mise_a_jour(context, page, config)


def on_post_build(config: MkDocsConfig) -> None:
    ecrire_le_flux(config)
