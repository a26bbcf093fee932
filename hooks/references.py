"""Hook : les références juridiques, épine dorsale du site.

Table des événements ; le travail est fait dans `kb/references/`, un module par tâche : registre
et rédactions officielles contrôlés avant toute page (KB201 à KB204), menu et index des textes
(`kb/references/menu_des_textes.py`), titre des pages d'articles (`kb/references/pages_d_articles.py`,
KB202), citations liées et rétroliens (`kb/references/liaison.py`, KB200), fiche des pages
d'articles (`kb/references/fiche_d_article.py`), export `references.json` (`kb/references/export.py`).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.commun.projet import registre, textes_officiels
from kb.references.export import ecrire_references_json
from kb.references.fiche_d_article import contexte_de_la_page_d_article
from kb.references.liaison import lier_les_citations
from kb.references.menu_des_textes import inserer_l_index, ranger_les_articles
from kb.references.pages_d_articles import titrer_la_page_d_article
from kb.references.retroliens import nouvelle_langue, retenir_les_fichiers


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    nouvelle_langue(config)
    registre(config)  # charge et contrôle le registre (KB201, KB203) avant toute page
    textes_officiels(config)  # et les rédactions officielles (KB204)
    return None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    retenir_les_fichiers(config, files)
    return ranger_les_articles(nav, config, files)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    titrer_la_page_d_article(page, config)
    return inserer_l_index(markdown, page, config, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return lier_les_citations(html, page, config, files)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return contexte_de_la_page_d_article(context, page, config)


def on_post_build(config: MkDocsConfig) -> None:
    ecrire_references_json(config)
