"""Hook : la recherche du site, confiée à Pagefind et réglée pour les requêtes juridiques en français.

Table des événements ; le travail est fait dans `kb/recherche/`, un module par tâche :

* ``on_pre_build`` : les règles de la recherche (``data/recherche.yml`` : mots vides, élisions,
  équivalences du langage courant) et les synonymes du glossaire (`kb/recherche/regles.py`) ; une
  faute de contributeur y donne un message KB800 (fichier, ligne, correction). La grammaire des
  numéros d'articles n'est pas là : c'est celle de tout le site (``kb.references.grammaire``) ;
* ``on_page_markdown`` et ``on_page_context`` : la page retirée de l'index du plugin search de
  Material, et les métadonnées que Pagefind lit dans chaque page (`kb/recherche/metadonnees.py`) :
  jetons des numéros (``l7331x2``, `kb/recherche/jetons.py`), questions déclarées dans l'en-tête
  (``questions:``), numéro officiel de l'article, langue réelle du contenu ;
* ``on_env`` et ``on_post_page`` (dernier hook de mkdocs.yml, donc sur le HTML final) : chaque page
  rendue laisse de côté la seule partie que Pagefind lit, son en-tête et son contenu
  (`kb/recherche/indexation.py`) ;
* ``on_post_build`` (une fois, après toutes les langues) : écrit ``recherche/regles.json``, les
  mêmes règles pour le navigateur, puis indexe ces pages avec la commande de Pagefind
  (`python -m pagefind`), un index par langue (`kb/recherche/indexation.py`).

Le navigateur (``overrides/assets/javascripts/recherche.js``) réécrit la requête avec ces règles et
interroge Pagefind par son API JavaScript documentée. Rien ici ne touche aux éléments internes de
Material ni au réseau.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from kb.recherche.indexation import abandonner, compter_les_pages_a_rendre, indexer_le_site, retenir_la_page
from kb.recherche.metadonnees import contexte_de_recherche, hors_de_l_index_de_material
from kb.recherche.regles import charger_pour_le_build, ecrire_les_regles


def on_pre_build(config: MkDocsConfig) -> None:
    # Après hooks/build.py (premier de mkdocs.yml), qui ouvre chaque build complet.
    charger_pour_le_build(config)


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
    hors_de_l_index_de_material(page)
    return None


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    return contexte_de_recherche(context, page, config)


def on_env(env: Any, config: MkDocsConfig, files: Any) -> None:
    compter_les_pages_a_rendre(files, config)


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> None:
    retenir_la_page(output, page, config)


@event_priority(-200)  # après le on_post_build de mkdocs-static-i18n (-100), qui construit les autres langues
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # build imbriqué d'une langue : le site n'est pas encore complet
    if ecrire_les_regles(config):  # sinon KB800 déjà signalé
        indexer_le_site(config)
    else:
        abandonner(config)
